// An indexing run: every PDF under the given paths into one database.
//
// One unreadable file never stops a run: it is reported with its reason and
// the rest are indexed.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace minutebook {

struct FileReport {
    std::string file;     // path as shown to the user (relative to its root)
    std::string status;   // "ok", "encrypted", "not a PDF", "damaged", "empty"
    std::string message;  // why it failed, or a warning ("no text layer on 3 pages")
    int pages = 0;
    int passages = 0;
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
};

struct IndexReport {
    int files = 0;
    int pages = 0;
    int passages = 0;
    double seconds = 0;
    std::vector<FileReport> reports;  // one per file, in the order read

    int failures() const;
    bool ok() const { return failures() == 0; }
};

// The PDFs under `paths` (files are taken as given; folders are walked
// recursively for *.pdf, any case), sorted, each with the path it is shown
// and stored as: relative to the folder given, or its name for a file.
struct ArchiveFile {
    std::string path;
    std::string display;
};
std::vector<ArchiveFile> list_archive(const std::vector<std::string>& paths);

// Throws std::invalid_argument when a path does not exist, and Xapian::Error
// when the database cannot be opened.
IndexReport index_paths(const std::vector<std::string>& paths, const IndexOptions& options);

}  // namespace minutebook
