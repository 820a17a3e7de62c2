// Minute references: what a clerk types to name one minute item, and the
// items of the index it names.
//
// A reference is a minute number with, optionally, a committee (any variant
// the index knows: "CYP", "cyp", "Children and Young People"), a meeting date,
// month or year, and the words "minute", "min", "item", "resolution",
// "motion" or "no." around the number, in any order:
//
//   232                          CYP 232                      cyp 229
//   minute 232 2024              12 june 2017 item 8          min. 8 (2017)
//   Children and Young People 8 October 2024 minute 232
//   Corporate Parenting 22 May 2019 item 103
//   min 78 12th July             cp 78 jul 2023               232 8 oct
//
// Not references: "£232", "2,232", "page 232", "paragraph 4", "2024" (a year
// alone), "agenda item 5" (agenda numbers are not minute numbers), and any
// topical words ("music education hub 232": words that name no committee).
// Without "minute"/"item" or a date, a committee must be typed as initials
// or at least two words, so that "232 children" stays a topical query.
//
// Minute numbers run on across a committee's meetings (228-236 in October
// 2024, 237-... in November), so a number rarely repeats within a committee;
// when it does, a reference without a date names every meeting that has it.
//
// Cites and cited by: a passage cites minute numbers (Passage::cites). A
// number N cited by a passage of committee C means C's minute N at the
// latest meeting that has one, on or before the passage's meeting_date (a
// minute item says "minute 58 above" of its own meeting; an action row
// cites a minute of the meeting its minutes record), or, for a passage with
// no meeting_date, strictly before its pack's date. citing_passages() is the
// inverse of that rule, so the two always agree.
//
// All functions read the database and never write it; they are as
// thread-safe as the Xapian::Database they are given (one per thread).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include <xapian.h>

#include "core/passage.h"

namespace minutebook {

struct MinuteReference {
    std::string number;  // the minute number, digits, no leading zeros: "232"
    // Canonical names the typed committee may mean; empty: any committee.
    std::vector<std::string> committees;
    // Canonical names the typed council may mean ("cambridgeshire", "KCC",
    // "Kent County Council"); empty: any council.
    std::vector<std::string> councils;
    // The meeting's ISO date ("2024-10-08"), month ("2024-10") or year
    // ("2024"), or a day or month of any year as ISO 8601 writes it without
    // a year ("--07-12", "--07", from "12th July", "minute 12 June"); empty:
    // any meeting.
    std::string date;

    bool operator==(const MinuteReference&) const = default;
};

// References longer than this are never read as one.
inline constexpr size_t kMaxReferenceBytes = 200;

// Reads `text` as a minute reference, or nullopt when it is not one (see
// above). `committees` are the canonical names the index knows
// (index_committees()); committee words that match none of them make the
// text not a reference.
// A council's words may come before or after the committee's, or stand
// alone ("cambridgeshire corporate parenting 78", "KCC minute 283"), among
// `councils` (index_councils()).
std::optional<MinuteReference> parse_minute_reference(std::string_view text,
                                                       const std::vector<std::string>& committees,
                                                       const std::vector<std::string>& councils = {});

// The canonical committee names of the index (metadata "committee:<slug>").
std::vector<std::string> index_committees(const Xapian::Database& db);
// The canonical council names of the index (metadata "council:<slug>").
std::vector<std::string> index_councils(const Xapian::Database& db);

// Minute items (type "minute") that `reference` names: newest meeting
// first, then by committee. Empty when none does.
std::vector<Passage> find_minutes(const Xapian::Database& db, const MinuteReference& reference);

// A minute number a passage cites, with the item it means when the index
// holds it.
struct CitedMinute {
    std::string number;
    std::optional<Passage> minute;  // nullopt: that meeting's minutes are not in the index
};

// What `passage` cites, in the order of Passage::cites.
std::vector<CitedMinute> cited_minutes(const Xapian::Database& db, const Passage& passage);

// The later minute items and action-log rows that cite `minute` (a minute
// item with committee, meeting_date and number), oldest first. Empty for
// any other passage.
std::vector<Passage> citing_passages(const Xapian::Database& db, const Passage& minute);

// Everything `minutebook minute` and the web's minute look-up show for what
// a person typed.
struct MinuteLookup {
    std::string text;                         // as typed
    std::optional<MinuteReference> reference;  // nullopt: not a minute reference
    std::vector<Passage> matches;             // find_minutes(); one when resolved
    // Filled only when exactly one item matches:
    std::vector<CitedMinute> cites;
    std::vector<Passage> cited_by;

    const Passage* resolved() const { return matches.size() == 1 ? &matches.front() : nullptr; }
};

MinuteLookup look_up_minute(const Xapian::Database& db, std::string_view text);

// The JSON of a look-up. Resolved: the item as the design's result object
// (query/search.h to_json(SearchResult), page = where it starts) plus
// "citation", "cites" ([{"minute": "270", "item": the cited item's result
// object with its "citation", or null when the index does not hold it}]),
// "cited_by" (result objects with "citation") and an empty "candidates". Otherwise: {"reference", "candidates"}, each candidate
// a result object with its "citation" (empty when nothing matches).
// Both carry "reference": {"text", "number", "committees", "date"} or null.
nlohmann::json to_json(const MinuteLookup& lookup);

}  // namespace minutebook
