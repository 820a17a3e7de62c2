#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/args.h"
#include "app/commands.h"
#include "app/config.h"
#include "indexer/indexer.h"
#include "query/archive.h"

namespace minutebook {
namespace {

const char* kHelp = R"(Usage: minutebook index [--db DIR] [--passwords FILE] [--jobs N] [--ocr MODE]
                        [--council NAME] [--prune] [LIMITS] [PATH...]

Indexes every PDF under the given files and folders (folders are walked
recursively). Files are identified by the SHA-256 of their bytes: indexing
the same archive twice gives the same index.

A re-run reads only new and changed files, follows files moved or renamed
without reading them, and removes files gone from under the given folders
(only from folders it could list completely; see --prune). A file that
could not be read for a passing reason (an I/O error, a file changed while
read) keeps what the index had and is read again by the next run.
Files that failed are not read again until they change (encrypted ones also
when the passwords change, files stopped by a limit also when that limit is
raised). A second run on the same --db while one writes stops at once;
searches meanwhile see the last commit.

Options:
  --db DIR          the index to write (created when missing); an archive
                    kept in shards (one database per council) is indexed
                    one run per shard (docs/scaling.md)
  --passwords FILE  passwords to try on encrypted PDFs, one per line
  --jobs N          files read at once, each in its own process
                    (default: the number of cores)
  --ocr MODE        when to read pages by OCR (tesseract):
                      auto    pages with no text layer, or whose text
                              layer is not language (fonts that map to
                              garbage) (the default)
                      never   never: such pages stay without text
                      always  every page
  --ocr-cache DIR   where OCR'd text is kept so that no page is read
                    twice (default: ocr-cache inside the --db folder)
  --batch-files N   files per commit (default: 10; the first commits come
                    after 1, 2, 4, ... files); a run that is killed loses
                    at most the files of its current batch
  --council NAME    the council whose papers these are: it wins over the
                    council the text names (a file whose text names another
                    is reported); later runs keep it for these files
  --prune           remove the files gone from a folder even when it lists
                    none of its indexed files, or fewer than half of them
                    (at least 10); without it such a run removes nothing
                    from that folder and says so (a share not mounted)
  --quiet           no progress line

Limits on each file (each file is read in a process of its own; a file
that reaches a limit is reported and the run goes on; it is read again when
a later run raises that limit). Sizes take K, M or G (1024-based):
  --time-limit SECONDS  a file still being read after this is stopped and
                    reported damaged; OCR stops at 80% of it and leaves the
                    remaining pages unread by OCR, with a warning
                    (default: 300)
  --memory-limit SIZE  memory (address space) of each reader process;
                    what needs more is left out with a warning, or the
                    file is reported damaged (default: 1G)
  --max-file-size SIZE  larger files are not read: "too large"
                    (default: 512M)
  --max-pages N     only the first N pages of a file are read, with a
                    warning (default: 5000)

Exit status: 0 when every file was indexed, 1 when some failed, a folder
could not be listed, removals were held back or the disk filled up (the rest
are indexed and searchable), 2 for misuse.
)";

}  // namespace

std::vector<std::string> read_password_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw UsageError("cannot read the password file " + path + ".");
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) out.push_back(line);
    }
    return out;
}

namespace {

void print_progress(const IndexProgress& p) {
    const double rate = p.seconds > 0 ? p.pages / p.seconds : 0;
    std::fprintf(stderr, "\r\033[K[%d/%d files] %d pages, %.0f pages/s  %s", p.files_done,
                 p.files_total, p.pages, rate, p.current.c_str());
    if (p.current.empty()) std::fputc('\n', stderr);
    std::fflush(stderr);
}

}  // namespace

void print_summary(const IndexReport& report, std::ostream& out) {
    out << "Indexed " << report.files - report.failures() - report.not_indexed << " of " << report.files << " files: "
        << report.pages << " pages, " << report.passages << " passages in "
        << static_cast<int>(report.seconds * 10) / 10.0 << " s.\n";
    out << "Files: " << report.new_files << " new, " << report.changed << " changed, " << report.unchanged
        << " unchanged, " << report.moved << " moved, " << report.removed << " removed";
    if (report.retried > 0) out << ", " << report.retried << " read again (new passwords, OCR mode, limits or index format)";
    out << " (" << report.read << " read).\n";
    for (const auto& path : report.removed_files) out << "  removed " << path << "\n";
    for (const auto& u : report.unlisted) {
        out << "  unread  folder " << u.shown << ": " << u.reason << " (the files the index has under it are kept)\n";
    }
    for (const auto& h : report.held) out << "  kept    " << h.message << ".\n";
    for (const auto& r : report.reports) {
        if (r.status != "ok") {
            out << "  failed  " << r.file << ": " << r.message;
            if (r.not_retried) out << " (unchanged since " << r.indexed_at << ", not retried)";
            out << "\n";
        } else if (!r.message.empty()) {
            out << "  warning " << r.file << ": " << r.message << "\n";
        }
        if (r.copy_forbidden) out << "  note    " << r.file << ": copy forbidden (indexed: public record)\n";
    }
    if (report.failures() > 0) out << report.failures() << " files failed.\n";
    // The files this run read but understood no structure of: a clerk
    // must see which papers the archive knows only as pages.
    constexpr size_t kPagesOnlyShown = 10;
    size_t pages_only = 0;
    for (const auto& r : report.reports) {
        if (r.pages_only.empty()) continue;
        if (++pages_only <= kPagesOnlyShown) out << "  pages   " << r.file << ": " << r.pages_only << "\n";
    }
    if (pages_only > 0) {
        out << pages_only << (pages_only == 1 ? " file" : " files")
            << " known only as pages: search finds their words, but no meeting's items were recognised in them";
        if (pages_only > kPagesOnlyShown) out << "; 'minutebook stats' lists them all";
        out << ".\n";
    }
    if (!report.disk_full.empty()) {
        out << report.disk_full << ": the run stopped at its last commit; " << report.not_indexed
            << " files were not indexed and will be read by the next run.\n";
    }
}

IndexReport index_with_progress(const std::vector<std::string>& paths, const std::string& db,
                                const std::vector<std::string>& passwords, bool quiet, int jobs) {
    IndexOptions options;
    options.db_path = db;
    options.passwords = passwords;
    options.jobs = jobs;
    return index_with_progress(paths, std::move(options), quiet);
}

IndexReport index_with_progress(const std::vector<std::string>& paths, IndexOptions options, bool quiet) {
    std::filesystem::create_directories(options.db_path);
    if (!quiet && isatty(STDERR_FILENO)) options.on_progress = print_progress;
    return index_paths(paths, options);
}

int run_index(const std::vector<std::string>& argv) {
    Args args(argv, {{"db", "passwords", "jobs", "ocr", "ocr-cache", "batch-files", "time-limit", "council",
                      "memory-limit", "max-file-size", "max-pages"},
                     {"help", "quiet", "prune"}});
    if (args.flag("help")) {
        std::cout << kHelp;
        return 0;
    }
    // Without PATHs, the configuration's archive roots, each with its council.
    std::vector<ArchiveRoot> roots;
    for (const auto& p : args.positional()) roots.push_back(ArchiveRoot{p, ""});
    if (roots.empty() && args.config()) roots = args.config()->archive;
    if (roots.empty()) {
        throw UsageError(args.config() ? "give at least one file or folder to index, or an [[archive]] in " +
                                             args.config()->file + "."
                                       : "give at least one file or folder to index.");
    }
    if (args.values("db").size() > 1) {
        throw UsageError("index writes one database: give --db once, and index each shard in a run of its own.");
    }
    const std::string db = args.value("db").value_or(default_db_path());
    if (is_remote(db)) throw UsageError("index writes a local database: index a shard on the machine that serves it.");
    std::vector<std::string> passwords;
    if (auto file = args.value("passwords")) passwords = read_password_file(*file);
    IndexOptions options;
    options.db_path = db;
    options.passwords = passwords;
    options.jobs = args.integer("jobs", 0, 1, 256);
    if (auto mode = args.value("ocr"); mode && !parse_ocr_mode(*mode, &options.ocr)) {
        throw UsageError("--ocr takes auto, never or always.");
    }
    options.ocr_cache_dir = args.value("ocr-cache").value_or("");
    options.batch_files = args.integer("batch-files", options.batch_files, 1, 1000000);
    options.seconds_per_file = args.integer("time-limit", static_cast<int>(options.seconds_per_file), 1, 86400);
    options.memory_limit_bytes = args.size("memory-limit", options.memory_limit_bytes);
    options.max_file_bytes = args.size("max-file-size", options.max_file_bytes);
    options.max_pages = args.integer("max-pages", options.max_pages, 1, 10000000);
    options.prune = args.flag("prune");
    // One run per council: roots of one council (or of none, the text
    // naming it) are indexed together.
    std::vector<std::pair<std::string, std::vector<std::string>>> runs;
    for (const ArchiveRoot& r : roots) {
        const std::string council = args.value("council").value_or(r.council);
        auto run = std::find_if(runs.begin(), runs.end(), [&](const auto& x) { return x.first == council; });
        if (run == runs.end()) runs.push_back({council, {r.path}});
        else run->second.push_back(r.path);
    }
    bool ok = true;
    for (const auto& [council, paths] : runs) {
        IndexOptions run_options = options;
        run_options.council = council;
        IndexReport report;
        try {
            report = index_with_progress(paths, std::move(run_options), args.flag("quiet"));
        } catch (const std::invalid_argument& e) {
            throw UsageError(e.what());
        }
        print_summary(report, std::cerr);
        ok = ok && report.ok();
    }
    return ok ? 0 : 1;
}

}  // namespace minutebook
