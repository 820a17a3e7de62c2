// The bundled corpus indexed once per test program, shared by its tests.
#pragma once

#include <string>

#include "indexer/indexer.h"
#include "test_paths.h"

namespace minutebook::test {

struct CorpusIndex {
    TempDir dir{"minutebook-corpus-index"};
    std::string db = (dir.path() / "db").string();
    IndexReport report;
};

inline const CorpusIndex& corpus_index() {
    static CorpusIndex* index = [] {
        auto* i = new CorpusIndex;
        IndexOptions options;
        options.db_path = i->db;
        i->report = index_paths({corpus_dir().string()}, options);
        return i;
    }();
    return *index;
}

}  // namespace minutebook::test
