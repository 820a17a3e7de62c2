// Look-ups by term in the index (core/schema.h): a passage by key or id,
// the passages of a meeting, the meetings of a committee, where a file
// lives. Each reads only the posting lists it names, never the whole index.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "core/passage.h"

namespace minutebook::web {

// The passage whose key is `key` (term Q<key>).
std::optional<Passage> passage_by_key(const Xapian::Database& db, const std::string& key);

// The passage whose Passage::id() is `id` (term XI<id>).
std::optional<Passage> passage_by_id(const Xapian::Database& db, const std::string& id);
// The passages whose id was `id` before keys named their council (term
// XJ<id>, Passage::legacy_id()): one, or several when councils now tell
// apart what that id named.
std::vector<Passage> passages_by_legacy_id(const Xapian::Database& db, const std::string& id);

// The minute items numbered `number` (as in its URL: slugify(minute)) of a
// meeting. `date` is ISO (YYYY-MM-DD). `council_slug` empty: of every
// council, and of none (an address from before URLs named councils).
std::vector<Passage> minute_items(const Xapian::Database& db, const std::string& council_slug,
                                  const std::string& committee_slug, const std::string& date,
                                  const std::string& number);

// Every passage of one meeting (terms XL<council>, XC<slug> and
// XD<YYYYMMDD>; `council_slug` empty: of any council): minute items first in
// number order, then actions, reports, agenda items, others.
std::vector<Passage> meeting_passages(const Xapian::Database& db, const std::string& council_slug,
                                      const std::string& committee_slug, const std::string& date);

// The councils of `passages`, each once, in order (a passage of no council
// gives "").
std::vector<std::string> councils_of(const std::vector<Passage>& passages);

// The web address of a meeting: "/meetings/<council>/<committee>/<date>", or
// without the council's segment for a passage of no council.
std::string meeting_url(const std::optional<std::string>& council, const std::string& committee,
                        const std::string& date);

// The canonical name of a committee from its slug (metadata committee:<slug>).
std::optional<std::string> committee_name(const Xapian::Database& db, const std::string& slug);

struct CommitteeSummary {
    std::optional<std::string> council;  // canonical name; none for papers of no known council
    std::string name;
    std::string slug;
    int passages = 0;
    // ISO dates of its meetings, newest first, with the passages of each.
    std::vector<std::pair<std::string, int>> meetings;
};

// Every committee the index knows, one per council that has it, by
// council and name (committees of no known council last).
std::vector<CommitteeSummary> committees(const Xapian::Database& db);

// Where the file with SHA-256 `file_id` lives: metadata file:<id> when the
// indexer recorded it, else empty. Its name relative to the archive comes
// from a passage that carries it (term XF<id>).
struct FileRecord {
    std::string recorded_path;  // absolute, "" when not recorded
    std::string relative_path;  // as in the locations of passages, "" when no passage has it
};
std::optional<FileRecord> file_record(const Xapian::Database& db, const std::string& file_id);

// Orders minute numbers as people count: "2" before "10", "12a" after "12".
bool minute_number_less(const std::string& a, const std::string& b);

}  // namespace minutebook::web
