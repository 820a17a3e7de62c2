// Names of committees, and the variants papers print them in.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace minutebook {

// One canonical name per committee: "CHILDREN AND YOUNG PEOPLE COMMITTEE",
// "Children and Young People Committee: Minutes" and the name broken across
// lines all give "Children and Young People Committee". Title case, with
// small words ("and", "of", "the", "for") in lower case; suffixes such as
// ": Minutes", "Minutes", "Agenda" removed. Also removed: a leading item
// number or "The", a date and what follows it ("... Minutes - 8 October
// 2024"), and Kent's frame ("MINUTES of a meeting of the Cabinet held in
// ..." gives "Cabinet"). Acronyms in mixed-case text stay ("CYP Agenda
// Plan"); in all-capital text every word is title-cased. Empty when `raw`
// holds no name.
std::string canonical_committee(std::string_view raw);

// Initials a person would type for a canonical name: "Children and Young
// People Committee" -> {"cypc", "cyp"}; "Corporate Parenting Sub-Committee"
// -> {"cpsc", "cp"}. Lower case.
std::vector<std::string> committee_initials(std::string_view canonical);

// Whether what a person typed names this committee: the canonical name or any
// prefix of its words ("Children and Young People"), initials ("CYP"),
// ignoring case, punctuation and a trailing "committee".
bool committee_matches(std::string_view canonical, std::string_view typed);

}  // namespace minutebook
