// Writes passages into a Xapian database with the schema of core/schema.h.
//
// Writes are idempotent: a passage replaces the document with its unique
// term (Q + key). A passage already in the index from another file (the same
// minute item printed in two packs) gains this file's location instead of
// being written twice. Not thread-safe: one writer per database.
//
// Changes are made in batches: everything since the last commit() is one
// Xapian transaction, so a run killed mid-batch leaves the index as of the
// last commit, with no half-written file, and holds one batch in memory.
// Readers keep seeing the last commit while a batch is written.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/passage.h"
#include "indexer/passage_terms.h"

namespace Xapian {
class WritableDatabase;
}

namespace minutebook {

// Metadata set with the first commit of a run that changes passages and
// cleared by its finish(), once the vocabulary is rebuilt: a run stopped
// between them leaves it, so that the next run rebuilds the vocabulary
// even when it has nothing left to write.
inline constexpr const char* kVocabularyStaleKey = "vocabulary:stale";

class IndexWriter {
public:
    // Opens or creates the database at `path`. Throws Xapian::DatabaseLockError
    // at once when another writer has it open, and Xapian::Error when the
    // database cannot be opened (a broken environment, not bad input).
    explicit IndexWriter(const std::string& path);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    void add(const Passage& passage);
    // The same with `terms` = passage_terms(passage) worked out beforehand
    // (in a reader process), so that adding it costs little.
    void add(const Passage& passage, const PassageTerms& terms);
    // Removes every location of file `file_id`; passages left with none are
    // deleted. Passages of a council in `keep_councils` stay (the same bytes
    // indexed as another council's papers).
    void remove_file(const std::string& file_id, const std::set<std::string>& keep_councils = {});
    // Records where the file with these bytes lives (metadata "file:<id>").
    void set_file_path(const std::string& file_id, const std::string& absolute_path);
    // Shows file `file_id` under a new path in every location that names it,
    // without reading the file again (a file moved or renamed in the archive).
    void rename_file(const std::string& file_id, const std::string& display_path);
    // Metadata of the database, including this batch's changes; an empty
    // value deletes the key.
    std::string metadata(const std::string& key) const;
    void set_metadata(const std::string& key, const std::string& value);
    std::vector<std::string> metadata_keys(const std::string& prefix) const;
    // Makes this batch durable and visible to readers, and starts the next.
    void commit();
    // Ends a run: rebuilds the archive's vocabulary (spelling, synonyms,
    // acronyms: indexer/vocabulary.h) and commits.
    void finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace minutebook
