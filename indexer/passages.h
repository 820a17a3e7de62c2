// Turns the extracted pages of one file into the passages the index holds.
#pragma once

#include <string>
#include <vector>

#include "core/passage.h"
#include "indexer/extract.h"

namespace minutebook {

struct FileInfo {
    std::string file;     // path relative to the indexed root, or the file's name
    std::string file_id;  // SHA-256 of its bytes
};

// One passage per page (or page-sized piece of a long page) with text.
// Every passage carries its file and page.
std::vector<Passage> page_passages(const FileInfo& file, const std::vector<PageText>& pages);

// The passages of a file: what the structure recognisers understood
// (minute items, actions, reports, agenda items), and plain page passages for
// what they did not claim.
std::vector<Passage> make_passages(const FileInfo& file, const std::vector<PageText>& pages);

}  // namespace minutebook
