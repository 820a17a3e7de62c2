// Citations a clerk pastes into a report or an email:
//
//   Children and Young People Committee, 8 October 2024, minute 232
//   (agenda pack of 26 November 2024, p. 4)
//
// The page is where the item starts in the primary location (the copy
// results cite), the pack is named by its meeting date (Location::pack_date)
// or, when that is unknown, by its file. All functions are pure and
// thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/passage.h"

namespace minutebook {

// "8 October 2024" for "2024-10-08", "October 2024" for "2024-10", "2024" for
// "2024"; anything else is returned as given.
std::string long_date(std::string_view iso);

// The citation of a passage, one line:
//   minute: "<committee>, <meeting date>, minute <n> (<where>)"
//   action: "<committee>, minutes action log, minute <n> of <date> (<where>)"
//   other:  "<committee>, <meeting date>, <title> (<where>)"
// where <where> is "agenda pack of <pack date>, p. <first page>" or
// "<file>, p. <first page>". Parts that are unknown (committee, date) are
// left out rather than printed empty.
std::string citation(const Passage& passage);

}  // namespace minutebook
