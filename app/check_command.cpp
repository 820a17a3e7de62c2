#include <filesystem>
#include <iostream>

#include "app/args.h"
#include "app/commands.h"
#include "core/schema.h"
#include "indexer/check.h"
#include "indexer/indexer.h"
#include "query/archive.h"

namespace minutebook {
namespace {

const char* kHelp = R"(Usage: minutebook check [--db DIR] [--repair]

Verifies an index: Xapian's checker on its tables, then that every file the
ledger says was indexed has its passages and every passage its ledger entry,
pages, file and sample bucket, and that the vocabulary (spelling, synonyms,
acronyms, names) was rebuilt after the last change. Prints each problem.

Options:
  --db DIR   the index to check (default: as for search)
  --repair   mend what can be mended: passages of files the ledger does not
             hold are removed, files whose entries are wrong are read again
             (from the folders they were indexed from), the vocabulary is
             rebuilt; then checks again

Exit status: 0 when the index is sound (after --repair: when it is sound
again), 1 when problems remain, 2 for misuse.
)";

void print_problems(const CheckReport& report, std::ostream& out) {
    for (const auto& p : report.problems) out << "  problem " << p << "\n";
    for (const auto& p : report.over_facet_cap) {
        out << "  note    " << p << ": facets count the first " << schema::kMaxMultiValues << "\n";
    }
}

}  // namespace

int run_check(const std::vector<std::string>& argv) {
    Args args(argv, {{"db"}, {"help", "repair", "quiet"}});
    if (args.flag("help")) {
        std::cout << kHelp;
        return 0;
    }
    if (!args.positional().empty()) throw UsageError("check takes no arguments.");
    const std::string db = args.value("db").value_or(default_db_path());
    if (is_remote(db)) throw UsageError("check reads a local database: run it on the machine that holds the shard.");
    if (!std::filesystem::exists(db)) {
        std::cerr << "minutebook check: there is no index at " << db << ".\n";
        return 1;
    }
    CheckReport report = check_index(db);
    std::cout << "Checked " << report.passages << " passages and " << report.files << " ledger entries: "
              << (report.ok() ? "no problems" : std::to_string(report.problems.size()) + " problems") << ".\n";
    print_problems(report, std::cout);
    if (report.ok() || !args.flag("repair")) return report.ok() ? 0 : 1;
    if (report.tables_damaged) {
        std::cout << "The tables cannot be mended: index the archive again into a new --db.\n";
        return 1;
    }
    IndexOptions options;
    options.db_path = db;
    std::cout << "Repairing: " << report.files_to_read.size() << " files to read again, " << report.orphans.size()
              << " unknown files' passages to remove" << (report.vocabulary_stale ? ", the vocabulary to rebuild" : "")
              << ".\n";
    IndexReport run;
    try {
        run = repair_index(report, options);
    } catch (const std::invalid_argument& e) {
        std::cout << "Cannot read the files again: " << e.what() << "\n";
    }
    if (run.files > 0) print_summary(run, std::cerr);
    report = check_index(db);
    std::cout << "After repair: " << (report.ok() ? "no problems" : std::to_string(report.problems.size()) + " problems")
              << ".\n";
    print_problems(report, std::cout);
    return report.ok() ? 0 : 1;
}

}  // namespace minutebook
