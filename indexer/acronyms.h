// Acronyms defined in the text itself: "Multi Agency Safeguarding Hub
// (MASH)", "Education, Health and Care Plan (EHCP)". The query layer uses
// them both ways, so that MASH finds passages that only spell it out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace minutebook {

struct AcronymDefinition {
    std::string acronym;    // folded: "mash"
    std::string expansion;  // folded words: "multi agency safeguarding hub"
};

// Every definition in `text` (clean text, any case): an acronym of 2 to 8
// capitals in brackets (a plural "s" allowed) right after the words whose
// initials spell it; small words ("and", "of", "the", "for", "&") may be
// skipped and a hyphenated word may give one initial per part.
std::vector<AcronymDefinition> find_acronym_definitions(std::string_view text);

}  // namespace minutebook
