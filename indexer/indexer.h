// An indexing run: every PDF under the given paths into one database.
//
// One unreadable file never stops a run: it is reported with its reason and
// the rest are indexed.
//
// Runs are incremental (indexer/ledger.h): a run reads only files that are
// new or whose bytes changed (size and modification time first, SHA-256 when
// they differ), forgets files gone from under the paths it was given, and
// takes a file moved or renamed (same SHA-256) as the same file, changing
// its path without reading it again. A file that failed is not read again
// until it changes; an encrypted one also when the passwords change.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "indexer/extract.h"

namespace minutebook {

struct FileReport {
    std::string file;     // path as shown to the user (relative to its root)
    std::string status;   // "ok", "encrypted", "not a PDF", "damaged", "empty"
    std::string message;  // why it failed, or a warning ("no text layer on 3 pages")
    int pages = 0;
    int passages = 0;
    int ocr_pages = 0;
    bool copy_forbidden = false;  // an owner password forbids copying; indexed as a public record
    // A failure recorded by an earlier run, not retried because the file has
    // not changed (`indexed_at` says when it was read).
    bool not_retried = false;
    std::string indexed_at;
};

struct IndexProgress {
    int files_done = 0;
    int files_total = 0;
    int pages = 0;
    double seconds = 0;
    std::string current;  // the file being read
};

struct IndexOptions {
    std::string db_path;                 // REQUIRES: not empty
    std::vector<std::string> passwords;  // tried on encrypted files
    // Files read at once, each in its own process. Default (0): the cores.
    int jobs = 0;
    // Called before each file and once at the end. Default: none.
    std::function<void(const IndexProgress&)> on_progress;
    // A file still being read after this long is stopped and reported
    // damaged. Default: 300.
    double seconds_per_file = 300;
    // A batch (one commit: its files' passages and ledger entries together)
    // ends after this many files or passages, whichever comes first. A run
    // that is killed loses at most its current batch. Default: 50, 1000:
    // Xapian's cost per passage grows with the changes a transaction holds
    // (about 1.5 ms a passage in batches of 250, 2.3 ms in 1,000, 3.3 ms in
    // 5,000: bench/scale_corpus --batch), more than a commit costs.
    int batch_files = 50;
    int batch_passages = 1000;
    // When pages are read by OCR. Default: kAuto, pages with no text layer
    // or one that is not language.
    OcrMode ocr = OcrMode::kAuto;
    // Where OCR'd text is kept, so a page is recognised once whatever
    // happens to its file or the index. Default: empty, <db_path>/ocr-cache.
    std::string ocr_cache_dir;
    // OCR at most this many pages of each file. Default: 0, no limit.
    int ocr_page_limit = 0;
};

// What a run did and the state of the archive after it.
struct IndexReport {
    int files = 0;     // PDFs under the paths given
    int pages = 0;     // of those files, whether read in this run or before
    int passages = 0;  // of those files, whether read in this run or before
    double seconds = 0;
    // Files by what the run found: read for the first time, bytes changed,
    // unchanged (not read), moved or renamed (not read), gone from under the
    // paths (removed from the index), failed before and read again because
    // the passwords changed.
    int new_files = 0, changed = 0, unchanged = 0, moved = 0, removed = 0, retried = 0;
    int read = 0;  // files read in this run
    // One per file read in this run and per earlier failure not retried, in
    // the order of the archive.
    std::vector<FileReport> reports;

    int failures() const;
    bool ok() const { return failures() == 0; }
};

// The PDFs under `paths` (files are taken as given; folders are walked
// recursively for *.pdf, any case), sorted, each with the path it is shown
// and stored as: relative to the folder given, or its name for a file.
struct ArchiveFile {
    std::string path;
    std::string display;
    std::string root;  // the path given that holds it, absolute and normalised
};
std::vector<ArchiveFile> list_archive(const std::vector<std::string>& paths);

// The database is being written by another run.
class IndexBusyError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Throws std::invalid_argument when a path does not exist, IndexBusyError
// at once when another run is writing the database, and Xapian::Error when
// the database cannot be opened.
IndexReport index_paths(const std::vector<std::string>& paths, const IndexOptions& options);

}  // namespace minutebook
