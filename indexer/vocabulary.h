// The archive's vocabulary, rebuilt at the end of each indexing run from
// what the index holds: the spelling table (for "Did you mean"), synonyms
// (British and American spellings; the archive's own misspellings of its
// common words) and acronym definitions (metadata "acronym:<letters>").
#pragma once

#include <map>
#include <string>

namespace Xapian {
class Database;
class WritableDatabase;
}

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

// Rare words of `words` (word -> passages holding it) one edit away from a
// word at least five times as common: misspelt -> correction. Exposed for tests.
std::map<std::string, std::string> misspellings(const std::map<std::string, unsigned>& words);

// British spelling -> American, for words councils print ("programme" ->
// "program"). Exposed for tests.
const std::map<std::string, std::string>& british_american_pairs();

}  // namespace minutebook
