// PDFs by their id: the SHA-256 of their bytes, never a path from a request.
//
// A file is found where the index recorded it (metadata file:<id>) or under
// one of the configured archive roots by its relative path, and is served
// only when its bytes still hash to the id: a file edited, replaced or
// swapped for a symlink since it was indexed is not served. Hashes are
// remembered per file size and modification time, so a file is hashed once.
//
// Thread-safe.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "web/outcome.h"

namespace minutebook::web {

// An open file descriptor, closed with the last copy.
class OpenFile {
  public:
    OpenFile(int fd, uint64_t size) : fd_(fd), size_(size) {}
    ~OpenFile();
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;
    int fd() const { return fd_; }
    uint64_t size() const { return size_; }

  private:
    int fd_;
    uint64_t size_;
};

struct PdfFile {
    std::shared_ptr<OpenFile> file;
    std::string name;  // file name to offer a browser, from the archive
};

// Whether `id` looks like a file id: 64 lowercase hex digits.
bool is_file_id(const std::string& id);

class PdfFiles {
  public:
    explicit PdfFiles(std::vector<std::string> roots);

    // Not found when the index knows no such file or its bytes changed;
    // unavailable when it cannot be read. REQUIRES: is_file_id(id).
    Outcome<PdfFile> open(const Xapian::Database& db, const std::string& id);

  private:
    struct Stamp {
        uint64_t size = 0;
        int64_t mtime_ns = 0;
        uint64_t inode = 0;
        bool operator==(const Stamp&) const = default;
    };
    bool verified(const std::string& id, const Stamp& stamp);
    void remember(const std::string& id, const Stamp& stamp);

    std::vector<std::string> roots_;
    std::mutex mutex_;
    std::map<std::string, Stamp> verified_;
};

}  // namespace minutebook::web
