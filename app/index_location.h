// The index a reading command (search, minute, serve) opens: every --db,
// local folders or tcp://HOST:PORT, and --vocabulary (docs/scaling.md).
#pragma once

#include <filesystem>
#include <string>

#include "app/args.h"
#include "query/archive.h"
#include "query/search.h"

namespace minutebook {

// --db, repeatable (default: default_db_path()), and --vocabulary. Throws
// UsageError for an address that is not tcp://HOST:PORT.
IndexLocation index_location(const Args& args);

// --exact-count N: how searches count (SearchSettings::exact_matches).
SearchSettings search_settings(const Args& args);

// "corpus/db", or "3 databases (a, b, tcp://host:1234)": for messages.
std::string describe(const IndexLocation& location);

// A `search`, `minute` or `serve` with one local database that does not
// exist yet indexes the bundled archive into it first; never under a
// configuration file (app/config.h), whose archive is the one to serve.
void index_bundled_archive_if_missing(const IndexLocation& location, const Args& args);

// Several databases, or a remote one, given without --vocabulary: their
// vocabulary is made now, in a temporary folder removed with this object,
// and named in `location`. With one local database or a --vocabulary, does
// nothing.
class TemporaryVocabulary {
public:
    explicit TemporaryVocabulary(IndexLocation& location);
    ~TemporaryVocabulary();
    TemporaryVocabulary(const TemporaryVocabulary&) = delete;
    TemporaryVocabulary& operator=(const TemporaryVocabulary&) = delete;

private:
    std::filesystem::path dir_;
};

}  // namespace minutebook
