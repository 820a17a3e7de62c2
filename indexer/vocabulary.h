// The archive's vocabulary, rebuilt at the end of each indexing run from
// what the index holds: the spelling table (for "Did you mean"), synonyms
// (British and American spellings; the archive's own misspellings of its
// common words) and acronym definitions (metadata "acronym:<letters>").
#pragma once

#include <map>
#include <string>
#include <vector>

namespace Xapian {
class Database;
class WritableDatabase;
}  // namespace Xapian

namespace minutebook {

// Acronym -> expansion -> times seen, as collected while passages were written.
using AcronymCounts = std::map<std::string, std::map<std::string, int>>;

// Rebuilds the spelling table and synonyms of `db` from its terms, and adds
// the acronyms seen in this run. Idempotent: running it twice changes nothing.
void rebuild_vocabulary(Xapian::WritableDatabase& db, const AcronymCounts& acronyms);

// The acronym definitions of every passage of `db`, each counted once per
// file that prints it, as a run writing them all would have counted them.
// For a run that follows one killed before its end: the killed run's counts
// died with it.
AcronymCounts acronyms_in(const Xapian::Database& db);

// What an archive vocabulary database holds (query/archive.h).
struct VocabularySummary {
    int words = 0;       // in the spelling table
    int synonyms = 0;    // words with synonyms
    int metadata = 0;    // committee, officer, person, file and acronym entries
    // Passages (by their unique key) in more than one database: the same
    // file, or the same meeting's items, indexed into two shards. Each
    // shard's copy counts in facets and totals (docs/scaling.md).
    int shared_passages = 0;
};

// Makes `out` the vocabulary of the archive whose databases are `shards`
// (local or remote, in the order given): the spelling table and synonyms
// made from the words of all of them together, exactly as one index holding
// every passage would have them, and their names, files and acronyms (for
// a name or file in several, the first database's; for an acronym, the
// expansion most databases give, ties to the first in alphabetical
// order). Updates `out` in one
// commit, so readers see the old vocabulary or the new one.
// REQUIRES: `out` holds no document.
VocabularySummary write_archive_vocabulary(const std::vector<Xapian::Database>& shards,
                                           Xapian::WritableDatabase& out);

// Rare words of `words` (word -> passages holding it) one edit away from a
// word at least five times as common: misspelt -> correction. Exposed for tests.
std::map<std::string, std::string> misspellings(const std::map<std::string, unsigned>& words);

// British spelling -> American, for words councils print ("programme" ->
// "program"). Exposed for tests.
const std::map<std::string, std::string>& british_american_pairs();

}  // namespace minutebook
