// What an index holds: files, pages, passages, meetings, failures, OCR, the
// last run. Read from the passages and the ledger (indexer/ledger.h); the
// database is opened read-only, so stats can be taken while a run writes
// (they show the run's last commit).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "indexer/ledger.h"

namespace Xapian {
class Database;
}

namespace minutebook {

// What the index holds of one body: a council's committee (or the council
// itself at its full meetings).
struct BodyStats {
    std::string council;    // canonical name, "" when its papers name none
    std::string committee;  // canonical name, "" when not found
    int meetings = 0;       // distinct meeting dates among its passages
    int minute_items = 0;   // minute items (a long item's pieces count once)
};

struct IndexStats {
    int files = 0;     // in the ledger: every file the index knows, read or failed
    int indexed = 0;   // of those, read and indexed
    int pages = 0;     // of the indexed files
    int passages = 0;  // documents in the index
    std::map<std::string, int> passages_by_type;  // "minute" -> 120, ...
    int meetings = 0;      // distinct committee + meeting date among passages
    int committees = 0;    // distinct committees among passages
    int ocr_pages = 0;     // pages whose text came from OCR (ledger)
    int ocr_passages = 0;  // passages whose text came from OCR (XRocr)
    // Files that failed, grouped by their status ("encrypted", "damaged",
    // "not a PDF", "empty"); each with its entry.
    std::map<std::string, std::vector<LedgerEntry>> failures;
    std::vector<LedgerEntry> copy_forbidden;  // indexed although copying is forbidden
    // Files read whose structure was not recognised: indexed as plain pages
    // (LedgerEntry::pages_only says why).
    std::vector<LedgerEntry> pages_only;
    // Every council and committee the passages name, by council then committee.
    std::vector<BodyStats> bodies;
    std::optional<RunRecord> last_run;        // absent before the first run
    std::vector<RunRecord> runs;              // the last runs, newest first (kRunHistory)
    // Passages naming schema::kMaxMultiValues officers or people or more:
    // facets count the first that many (`check` lists them).
    int at_facet_cap = 0;
};

// Throws Xapian::DatabaseOpeningError when there is no index at `db_path`.
IndexStats read_stats(const std::string& db_path);
// The same for an opened database (local or remote).
IndexStats read_stats(const Xapian::Database& db);

// The stats as one JSON object (docs/schema.md describes the fields).
std::string stats_to_json(const IndexStats& stats);

}  // namespace minutebook
