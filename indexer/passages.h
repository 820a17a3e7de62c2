// Turns the extracted pages of one file into the passages the index holds.
#pragma once

#include <string>
#include <vector>

#include "core/passage.h"
#include "indexer/extract.h"

namespace minutebook {

struct DocumentStructure;

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

// What make_passages learnt of a file besides its passages, for the run's
// report and the ledger.
struct FileFindings {
    // The council the text names (canonical; "" for none), so that a run can
    // report a file whose text names another body than the one it was given.
    std::string text_council;
    // Why the file is known only as pages (every passage a page passage):
    // "no minutes header, agenda or report recognised", or the minutes
    // finding's describe(); "" when some of its structure was recognised.
    std::string pages_only;
};

// The passages of a file: what the structure recognisers understood
// (minute items, actions, reports, agenda items), and plain page passages for
// what they did not claim. `findings`, when given, receives what else was learnt.
std::vector<Passage> make_passages(const FileInfo& file, const std::vector<PageText>& pages,
                                   FileFindings* findings = nullptr);
// The same for pages already understood: `doc` is understand(pages).
std::vector<Passage> make_passages(const FileInfo& file, const std::vector<PageText>& pages,
                                   const DocumentStructure& doc, FileFindings* findings);

}  // namespace minutebook
