// Writes passages into a Xapian database with the schema of core/schema.h.
//
// Writes are idempotent: a passage replaces the document with its unique
// term (Q + key). A passage already in the index from another file (the same
// minute item printed in two packs) gains this file's location instead of
// being written twice. Not thread-safe: one writer per database.
#pragma once

#include <memory>
#include <string>

#include "core/passage.h"

namespace Xapian {
class WritableDatabase;
}

namespace minutebook {


class IndexWriter {
public:
    // Opens or creates the database at `path`. Throws Xapian::Error when the
    // database cannot be opened (a broken environment, not bad input).
    explicit IndexWriter(const std::string& path);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    void add(const Passage& passage);
    // Removes every location of file `file_id`; passages left with none are deleted.
    void remove_file(const std::string& file_id);
    // Records where the file with these bytes lives (metadata "file:<id>").
    void set_file_path(const std::string& file_id, const std::string& absolute_path);
    void commit();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace minutebook
