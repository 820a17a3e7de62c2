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

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "indexer/extract.h"

namespace minutebook {

// The limits a run puts on each file (IndexOptions), by the names reports
// and the ledger give them.
inline constexpr const char* kLimitFileSize = "file size";  // max_file_bytes
inline constexpr const char* kLimitPages = "pages";          // max_pages
inline constexpr const char* kLimitTime = "time";            // seconds_per_file (OCR's share too)
inline constexpr const char* kLimitMemory = "memory";        // memory_limit_bytes
inline constexpr const char* kLimitOcrPages = "ocr pages";   // ocr_page_limit

struct FileReport {
    std::string file;     // path as shown to the user (relative to its root)
    // "ok", "encrypted", "not a PDF", "damaged", "empty", "too large"
    std::string status;
    std::string message;  // why it failed, or a warning ("no text layer on 3 pages")
    int pages = 0;
    int passages = 0;
    int ocr_pages = 0;
    bool copy_forbidden = false;  // an owner password forbids copying; indexed as a public record
    // The limits (kLimit...) that stopped reading it or cut it short: a
    // failure, or pages left out with a warning. Empty for none.
    std::vector<std::string> limits;
    // Read, but no structure recognised (no minutes, agenda or report): its
    // pages are indexed as plain pages. Why, as FileFindings::pages_only
    // says; "" when some structure was recognised or it was not read.
    std::string pages_only;
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
    // Limits on each file, so that one PDF cannot hold the run for hours
    // or take the machine's memory (indexer/isolated.h). A file stopped by
    // one is reported with the limit in its message; one cut short (pages
    // left out) is indexed with a warning. Either is read again when a
    // later run raises the limit that stopped it.
    //
    // A file still being read after this long is stopped and reported
    // damaged; OCR stops at 80% of it, leaving the remaining pages as their
    // text layer has them. Default: 300.
    double seconds_per_file = 300;
    // Address space of each reader process: Poppler and tesseract give up
    // what needs more (a decompression bomb's giant image), or the reader
    // dies and the file is reported damaged. Readers of a typical archive
    // need under 200 MB. Default: 1 GiB.
    std::uintmax_t memory_limit_bytes = std::uintmax_t(1) << 30;
    // A larger file is not read: status "too large". Default: 512 MiB.
    std::uintmax_t max_file_bytes = std::uintmax_t(512) << 20;
    // Only the first this many pages of a file are read, with a warning.
    // Default: 5000.
    int max_pages = 5000;
    // A batch (one commit: its files' passages and ledger entries together)
    // ends after this many files or passages, whichever comes first (the
    // first batches are smaller: 1, 2, 4, ... files). A run that is killed
    // loses at most its current batch. Default: 10, 1000: Xapian's cost per
    // passage grows with the changes a transaction holds (about 1.5 ms a
    // passage in batches of 250, 2.3 ms in 1,000, 3.3 ms in 5,000:
    // bench/scale_corpus --batch), more than a commit costs, and a commit
    // made while the readers go on costs the run little.
    int batch_files = 10;
    int batch_passages = 1000;
    // When pages are read by OCR. Default: kAuto, pages with no text layer
    // or one that is not language.
    OcrMode ocr = OcrMode::kAuto;
    // Where OCR'd text is kept, so a page is recognised once whatever
    // happens to its file or the index. Default: empty, <db_path>/ocr-cache.
    std::string ocr_cache_dir;
    // OCR at most this many pages of each file. Default: 0, no limit.
    int ocr_page_limit = 0;
    // The council whose papers the paths hold (`index --council`): it wins
    // over the council their text names, and a file whose text names another
    // is reported with a warning. Later runs that name none keep it for the
    // files indexed with it. Default: empty, the council the text names.
    std::string council;
    // Remove files gone from a root even when the run would remove all of
    // the root's files or most of them (IndexReport::held). Default: false.
    bool prune = false;
};

// A run removes no file of a root that lists none of its indexed files, or
// fewer than half of at least this many, unless IndexOptions::prune.
inline constexpr int kHoldMinFiles = 10;

// The PDFs under `paths` (files are taken as given; folders are walked
// recursively for *.pdf, any case), sorted, each with the path it is shown
// and stored as: relative to the folder given, or its name for a file.
struct ArchiveFile {
    std::string path;
    std::string display;
    std::string root;  // the path given that holds it, absolute and normalised
};

// A folder under a root that could not be listed completely (permission,
// an I/O error, a share gone away mid-walk): the files the index knows
// under it are kept, whatever the listing found.
struct UnlistedFolder {
    std::string root;    // ArchiveFile::root of the path given that holds it
    std::string path;    // relative to the root, as ArchiveFile::display; "" for the root itself
    std::string shown;   // as the user names it: the path given, joined with `path`
    std::string reason;  // what the system said ("Permission denied")
};

// What a walk of the paths found: the files, every folder it could not list,
// and the paths given that do not exist (by the path given).
// What a run did and the state of the archive after it.
struct IndexReport {
    int files = 0;     // PDFs under the paths given
    int pages = 0;     // of those files, whether read in this run or before
    int passages = 0;  // of those files, whether read in this run or before
    double seconds = 0;
    // Files by what the run found: read for the first time, bytes changed,
    // unchanged (not read), moved or renamed (not read), gone from under the
    // paths (removed from the index), read again with unchanged bytes
    // (read_again(): new passwords, OCR mode, a raised limit, an older index
    // format).
    int new_files = 0, changed = 0, unchanged = 0, moved = 0, removed = 0, retried = 0;
    int read = 0;  // files read in this run
    // The paths, as shown, of the files removed from the index.
    std::vector<std::string> removed_files;
    // Folders that could not be listed: the files under them kept their
    // passages.
    std::vector<UnlistedFolder> unlisted;
    // Roots whose removals were held back: the run would have removed every
    // indexed file of the root, or more than half of them (at least
    // kHoldMinFiles), without IndexOptions::prune. Each with its message.
    struct Held {
        std::string root;  // as given
        int listed = 0, indexed = 0;
        std::string message;  // "archive/ lists 0 of 412 indexed files: ..."
    };
    std::vector<Held> held;
    // Files not read because of a transient trouble (an I/O error, a file
    // that changed while it was read): each keeps what the index had of
    // it, and the next run reads it again. In `reports` too, status "transient".
    int transient = 0;
    // The disk filled up: the run stopped at its last whole commit. The
    // message names the folder ("the disk holding DIR is full"); the files
    // not indexed are read by the next run.
    std::string disk_full;
    int not_indexed = 0;  // files left for the next run when the disk filled
    // One per file read in this run and per earlier failure not retried, in
    // the order of the archive.
    std::vector<FileReport> reports;

    int failures() const;
    // Every file indexed, every folder listed, no removal held back, the
    // disk not full.
    bool ok() const { return failures() == 0 && unlisted.empty() && held.empty() && disk_full.empty(); }
};

struct ArchiveListing {
    std::vector<ArchiveFile> files;
    std::vector<UnlistedFolder> unlisted;
    std::vector<std::string> missing;
};
ArchiveListing walk_archive(const std::vector<std::string>& paths);

// The files of walk_archive(). Throws std::invalid_argument when a path does
// not exist.
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
