#include <iostream>

#include <xapian.h>

#include "app/args.h"
#include "app/commands.h"
#include "app/index_location.h"
#include "indexer/vocabulary.h"

namespace minutebook {
namespace {

const char* kHelp = R"(Usage: minutebook vocabulary --db DIR --db DIR... --out DIR

Makes the vocabulary database of an archive split into several databases
(shards, one per council or per year): the spelling table ("Did you mean"),
the synonyms, and the names of committees, officers and people, the files
and the acronyms of all of them, as one index holding every passage would
have them. search, minute and serve take it with --vocabulary. Run it again
after indexing a shard: it updates DIR in place, and a server reading it
sees the old vocabulary or the new one.

Options (each also as --name=value):
  --db DIR   a database of the archive, a folder or tcp://HOST:PORT
             (xapian-tcpsrv); repeat it for each, in the order search is
             given them
  --out DIR  the vocabulary database to write (created when missing)
)";

}  // namespace

int run_vocabulary(const std::vector<std::string>& argv) {
    Args args(argv, {{"db", "out"}, {"help"}});
    if (args.flag("help")) {
        std::cout << kHelp;
        return 0;
    }
    if (!args.positional().empty()) throw UsageError("vocabulary takes no arguments, only options.");
    const auto out_path = args.value("out");
    if (!out_path) throw UsageError("give the vocabulary database to write with --out DIR.");
    if (args.values("db").empty()) throw UsageError("give the archive's databases with --db, one for each.");
    const IndexLocation location = index_location(args);

    std::vector<Xapian::Database> shards;
    Xapian::doccount passages = 0;
    for (const auto& db : location.databases) {
        shards.push_back(open_database(db));
        passages += shards.back().get_doccount();
    }
    Xapian::WritableDatabase out(*out_path, Xapian::DB_CREATE_OR_OPEN);
    if (out.get_doccount() != 0) {
        throw UsageError(*out_path + " holds passages: it is an index, not a vocabulary database.");
    }
    const VocabularySummary summary = write_archive_vocabulary(shards, out);
    std::cout << "Vocabulary of " << describe(location) << ", " << passages << " passages: " << summary.words
              << " words, " << summary.synonyms << " with synonyms, " << summary.metadata
              << " names, files and acronyms; written to " << *out_path << ".\n";
    if (summary.shared_passages > 0) {
        std::cerr << "minutebook vocabulary: warning: " << summary.shared_passages
                  << " passages are in more than one database (the same file, or the same meeting's minutes, "
                     "indexed into two); each copy counts in totals and facets. Give each council or year "
                     "its own database.\n";
    }
    return 0;
}

}  // namespace minutebook
