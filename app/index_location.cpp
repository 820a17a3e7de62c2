#include "app/index_location.h"

#include <unistd.h>

#include <iostream>
#include <stdexcept>

#include <xapian.h>

#include "app/commands.h"
#include "indexer/indexer.h"
#include "indexer/vocabulary.h"

namespace minutebook {
namespace {

bool local_index_exists(const std::string& db) {
    std::error_code ec;
    return std::filesystem::exists(std::filesystem::path(db) / "iamglass", ec);
}

}  // namespace

IndexLocation index_location(const Args& args) {
    IndexLocation location;
    location.databases = args.values("db");
    if (location.databases.empty()) location.databases.push_back(default_db_path());
    for (const auto& db : location.databases) {
        try {
            check_location(db);
        } catch (const std::invalid_argument& e) {
            throw UsageError(e.what());
        }
    }
    location.vocabulary = args.value("vocabulary").value_or("");
    return location;
}

SearchSettings search_settings(const Args& args) {
    SearchSettings settings;
    settings.exact_matches =
        static_cast<unsigned>(args.integer("exact-count", static_cast<int>(settings.exact_matches), 1, 100000000));
    return settings;
}

std::string describe(const IndexLocation& location) {
    if (location.databases.size() == 1) return location.databases.front();
    std::string list;
    for (const auto& db : location.databases) list += (list.empty() ? "" : ", ") + db;
    return std::to_string(location.databases.size()) + " databases (" + list + ")";
}

void index_bundled_archive_if_missing(const IndexLocation& location, const Args& args) {
    if (location.databases.size() != 1 || args.config()) return;
    const std::string& db = location.databases.front();
    if (is_remote(db) || local_index_exists(db)) return;
    const std::string corpus = bundled_corpus_path();
    std::cerr << "No index at " << db << " yet: indexing the bundled archive " << corpus << " first.\n";
    print_summary(index_with_progress({corpus}, db, {}, false), std::cerr);
}

TemporaryVocabulary::TemporaryVocabulary(IndexLocation& location) {
    // A remote database serves no spelling or synonyms, even alone.
    const bool needed = location.databases.size() > 1 || is_remote(location.databases.front());
    if (!needed || !location.vocabulary.empty()) return;
    std::string pattern = (std::filesystem::temp_directory_path() / "minutebook-vocabulary-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot make a temporary folder for the vocabulary.");
    dir_ = pattern;
    try {
        std::vector<Xapian::Database> shards;
        for (const auto& db : location.databases) shards.push_back(open_database(db));
        Xapian::WritableDatabase out(dir_.string(), Xapian::DB_CREATE);
        write_archive_vocabulary(shards, out);
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
        throw;
    }
    location.vocabulary = dir_.string();
}

TemporaryVocabulary::~TemporaryVocabulary() {
    if (dir_.empty()) return;
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

}  // namespace minutebook
