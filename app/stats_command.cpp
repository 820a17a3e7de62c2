#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/args.h"
#include "app/commands.h"
#include "app/index_location.h"
#include "core/schema.h"
#include "indexer/stats.h"

namespace minutebook {
namespace {

const char* kHelp = R"(Usage: minutebook stats [--db DIR]... [--json]

Shows what the index holds: files (indexed and failed), pages, passages by
type, meetings, committees, meetings and minute items of each council and
committee, files that failed grouped by reason, files whose structure was
not recognised (known only as pages, with the reason), pages read by OCR,
files whose owner password forbids copying (indexed all the same: they are
public records), and when the index was last written.
Safe to run while an index run writes: it shows the last commit.

Options:
  --db DIR   the index to describe; repeat it for each database of an
             archive kept in several (shards), each a folder or
             tcp://HOST:PORT: each is described in turn
  --json     print it as one JSON object (several databases: an array of
             them, each with its "database")
)";

void print_stats(const IndexStats& s, std::ostream& out) {
    out << "Files:      " << s.files << " (" << s.indexed << " indexed, " << s.files - s.indexed
        << " failed)\n"
        << "Pages:      " << s.pages << " (" << s.ocr_pages << " read by OCR)\n"
        << "Passages:   " << s.passages;
    if (!s.passages_by_type.empty()) {
        const char* sep = " (";
        for (const auto& [type, count] : s.passages_by_type) {
            out << sep << count << " " << type;
            sep = ", ";
        }
        out << ")";
    }
    out << "\n"
        << "OCR:        " << s.ocr_passages << " passages from OCR'd pages\n"
        << "Meetings:   " << s.meetings << "\n"
        << "Committees: " << s.committees << "\n";
    if (s.at_facet_cap > 0) {
        out << "Facet cap:  " << s.at_facet_cap << " passages name " << schema::kMaxMultiValues
            << " officers or people or more; facets count the first " << schema::kMaxMultiValues
            << " (minutebook check lists them)\n";
    }
    if (!s.failures.empty()) {
        out << "Failures:\n";
        for (const auto& [reason, entries] : s.failures) {
            out << "  " << reason << ": " << entries.size() << "\n";
            for (const auto& e : entries) out << "    " << e.path << ": " << e.message << "\n";
        }
    }
    if (!s.bodies.empty()) {
        out << "Bodies:\n";
        for (const auto& b : s.bodies) {
            out << "  " << (b.council.empty() ? "(council not named)" : b.council) << " / "
                << (b.committee.empty() ? "(committee not named)" : b.committee) << ": " << b.meetings
                << (b.meetings == 1 ? " meeting, " : " meetings, ") << b.minute_items << " minute items\n";
        }
    }
    if (!s.pages_only.empty()) {
        out << "Pages only: " << s.pages_only.size() << (s.pages_only.size() == 1 ? " file" : " files")
            << " whose structure was not recognised (indexed as plain pages)\n";
        for (const auto& e : s.pages_only) out << "    " << e.path << ": " << e.pages_only << "\n";
    }
    if (!s.copy_forbidden.empty()) {
        out << "Copy forbidden: " << s.copy_forbidden.size() << "\n";
        for (const auto& e : s.copy_forbidden)
            out << "    " << e.path << ": copy forbidden (indexed: public record)\n";
    }
    if (!s.runs.empty()) {
        for (size_t i = 0; i < s.runs.size(); ++i) {
            const RunRecord& r = s.runs[i];
            out << (i == 0 ? "Last run:   " : i == 1 ? "Earlier:    " : "            ") << r.finished_at << ", " << static_cast<int>(r.seconds * 10) / 10.0 << " s: " << r.new_files
                << " new, " << r.changed << " changed, " << r.unchanged << " unchanged, " << r.moved << " moved, "
                << r.removed << " removed, " << r.failures << " failed";
            if (r.transient > 0) out << ", " << r.transient << " left for the next run";
            out << "\n";
            for (const auto& path : r.removed_files) out << "    removed " << path << "\n";
            for (const auto& u : r.unlisted) out << "    unread  folder " << u << "\n";
            for (const auto& h : r.held) out << "    kept    " << h << "\n";
            if (!r.disk_full.empty()) out << "    stopped " << r.disk_full << "\n";
        }
    } else {
        out << "Last run:   none recorded\n";
    }
}

}  // namespace

int run_stats(const std::vector<std::string>& argv) {
    Args args(argv, {{"db"}, {"json", "help"}});
    if (args.flag("help")) {
        std::cout << kHelp;
        return 0;
    }
    if (!args.positional().empty()) throw UsageError("stats takes no arguments.");
    const IndexLocation location = index_location(args);
    for (const auto& db : location.databases) {
        if (!is_remote(db) && !std::filesystem::exists(db)) {
            std::cerr << "minutebook stats: there is no index at " << db << "; run 'minutebook index' first.\n";
            return 1;
        }
    }
    if (location.databases.size() == 1) {
        const IndexStats stats = read_stats(open_database(location.databases.front()));
        if (args.flag("json")) {
            std::cout << stats_to_json(stats) << "\n";
        } else {
            print_stats(stats, std::cout);
        }
        return 0;
    }
    nlohmann::json each = nlohmann::json::array();
    for (const auto& db : location.databases) {
        const IndexStats stats = read_stats(open_database(db));
        if (args.flag("json")) {
            each.push_back(nlohmann::json::parse(stats_to_json(stats)));
            each.back()["database"] = db;
        } else {
            std::cout << (db == location.databases.front() ? "" : "\n") << "== " << db << "\n";
            print_stats(stats, std::cout);
        }
    }
    if (args.flag("json")) std::cout << each.dump(1) << "\n";
    return 0;
}

}  // namespace minutebook
