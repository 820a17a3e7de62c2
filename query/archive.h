// Where the index is read from: one database, or several (shards, local or
// served by xapian-tcpsrv) searched as one, with the vocabulary database that
// holds what every reader needs besides the match (docs/scaling.md).
//
// Xapian 1.4 reads metadata from the first sub-database only, merges the
// spelling tables and synonyms of every sub-database, and a remote database
// has no spelling or synonyms at all. So shards come with one local
// vocabulary database holding the spelling table, synonyms and metadata of
// the whole archive: it is opened as the first sub-database (it holds no
// document), and the query parser reads spelling and synonyms from it alone.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace minutebook {

struct IndexLocation {
    // Local folders or tcp://HOST:PORT (xapian-tcpsrv). REQUIRES: at least one.
    std::vector<std::string> databases;
    // A local vocabulary database (`minutebook vocabulary`). Default: empty,
    // the one database's own. REQUIRES: not empty when there are several.
    std::string vocabulary;
};

// An opened index. Copies share the databases; not thread-safe (Xapian).
struct OpenIndex {
    // Every passage of every database, as one. With a vocabulary, that comes
    // first, so get_metadata() and metadata_keys_begin() read it.
    Xapian::Database passages;
    // The spelling table, synonyms and metadata of the whole archive.
    Xapian::Database vocabulary;
    // Some databases are remote: a call on `passages` may be a round trip.
    bool remote = false;
};

// True for "tcp://HOST:PORT".
bool is_remote(const std::string& location);

// Throws std::invalid_argument, one sentence, for a tcp:// address that is
// not tcp://HOST:PORT.
void check_location(const std::string& location);

// Opens one database, local or remote. Throws Xapian::DatabaseOpeningError,
// naming the location, when it cannot be opened or reached.
Xapian::Database open_database(const std::string& location);

// Throws Xapian::DatabaseOpeningError as open_database() does, and when the
// vocabulary is missing for several databases or holds documents.
OpenIndex open_index(const IndexLocation& location);

}  // namespace minutebook
