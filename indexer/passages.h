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
    // The council whose papers the file holds, as given (`index --council`);
    // it wins over the council the text names. Empty: the text's.
    std::string council = {};
};

// One passage per page (or page-sized piece of a long page) with text.
// Every passage carries its file and page.
std::vector<Passage> page_passages(const FileInfo& file, const std::vector<PageText>& pages);

// The passages of a file: what the structure recognisers understood
// (minute items, actions, reports, agenda items), and plain page passages for
// what they did not claim.
// `text_council`, when given, receives the council the text names (canonical;
// "" for none), so that a run can report a file whose text names another
// body than the one it was given.
std::vector<Passage> make_passages(const FileInfo& file, const std::vector<PageText>& pages,
                                   std::string* text_council = nullptr);

}  // namespace minutebook
