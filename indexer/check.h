// Verifies an index: Xapian's own checker on its tables, then what
// Minutebook needs of it. Reads the database only; repair_index() mends what
// can be mended by reading files again.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "indexer/indexer.h"

namespace minutebook {

struct CheckReport {
    int passages = 0;  // documents checked
    int files = 0;     // ledger entries checked
    // One sentence each, in the order found: what is wrong and where.
    std::vector<std::string> problems;
    // Ledger paths whose entries disagree with the passages: reading those
    // files again mends them.
    std::set<std::string> files_to_read;
    // SHA-256 of files whose passages the ledger does not hold: removing
    // them mends it.
    std::set<std::string> orphans;
    // Passages naming more officers or people than a facet counts
    // (schema::kMaxMultiValues): "key: 300 people". Not a problem of the
    // index; their terms still find them.
    std::vector<std::string> over_facet_cap;
    bool vocabulary_stale = false;  // the last change was not followed by a rebuild
    // Xapian's checker found the tables damaged: only a new index mends that.
    bool tables_damaged = false;

    bool ok() const { return problems.empty(); }
};

// Checks the index at `db_path` (a local database folder). Throws
// Xapian::DatabaseOpeningError when there is none.
CheckReport check_index(const std::string& db_path);

// Mends what `found` reports: passages of unknown files are removed, files
// whose entries are wrong are forgotten and read again, and the vocabulary
// is rebuilt, by an index run over the roots of the files read (with
// `options`, whose db_path is the index checked). Returns that run's report.
// REQUIRES: !found.tables_damaged.
IndexReport repair_index(const CheckReport& found, const IndexOptions& options);

}  // namespace minutebook
