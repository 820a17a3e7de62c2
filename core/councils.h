// Names of councils and other public bodies (a county, district, parish,
// town or community council, a city, a township, a board or authority), and
// the variants people type them in.
#pragma once

#include <string>
#include <string_view>

namespace minutebook {

// One canonical name per body, as for committees (core/committees.h):
// "KENT COUNTY COUNCIL" and "Kent County Council Minutes" give "Kent County
// Council". Empty when `raw` holds no name.
std::string canonical_council(std::string_view raw);

// Whether what a person typed names this body: the canonical name or a
// prefix of its words ("Kent"), its initials ("KCC"), or words of its name
// that are not only the words every body's name has ("Springfield" for
// "City of Springfield", not "County Council"), ignoring case and
// punctuation.
bool council_matches(std::string_view canonical, std::string_view typed);

// Whether a committee's name is only the words of a council's own meeting
// ("County Council", "Full Council", "City Council", "Council"): its
// committee is then the council itself.
bool names_full_council(std::string_view committee);

// The council a body's name names, canonical: "La Habra Heights City
// Council", "Garelochhead Community Council Public Meeting" give the council;
// "" for a committee, a board, or a council named by generic words only
// ("County Council").
std::string council_named_by(std::string_view body);

}  // namespace minutebook
