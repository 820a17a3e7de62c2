// Dates as council papers print them.
//
// Forms read: "Tuesday, 11 July 2017", "Monday 12 June 2017", "12th July 2023",
// "2 nd May 2017", "8 October 2024", "15.11.23", "03.07.19:", "12/06/2017"
// (day first, as in the UK), "2024-10-08", "November 2024" (month only),
// "June 12, 2017" and "Jan. 29, 2018" (US papers). Not dates: "Page 5", "4.8",
// "2-2.5", "2023-2028", "2024/039", "£9,126,108", and dotted paragraph numbers
// with neither day nor month padded ("2.1.13"). Two-digit years are 2000-2069,
// then 1970-1999. All functions are thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace minutebook {

struct Date {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;    // 1..31, or 0 when only the month is known
    std::string iso() const;  // "2024-10-08", or "2024-11" when day == 0
    bool operator==(const Date&) const = default;
    auto operator<=>(const Date&) const = default;
};

// How numeric dates with slashes are read: "1/6/2023" is 1 June in a UK paper
// and January 6 in a US one. Whatever the order, a reading that cannot be a
// date gives way to the other ("11/30/17" is 30 November). Dotted dates
// ("15.11.23") are always day first.
enum class NumericOrder { kDayFirst, kMonthFirst };

struct DateOptions {
    // Default: kDayFirst, as UK papers print.
    NumericOrder numeric_order = NumericOrder::kDayFirst;
};

// Guesses the order a document prints numeric dates in, from the document's
// own dates: a slashed date that can be read one way only decides
// ("25/12/2019" day first, "11/30/17" month first; when both kinds are
// printed, the more numerous); else the order its dates with a month name
// are spelled in, US ("April 16, 2019") against UK ("16 April 2019"), the
// more numerous. Default, when nothing tells: day first, the convention of
// the UK papers the archive was built on; a document whose numeric dates
// are all ambiguous and which spells out none gives no better evidence.
NumericOrder guess_numeric_order(std::string_view document_text);

// The whole of `text` (trimmed, trailing ':' or '.' allowed) is one date.
// "2024-11" (the ISO form of a month) is read here but never in running text.
std::optional<Date> parse_date(std::string_view text, const DateOptions& options = {});

// A date found inside running text; begin/end are byte offsets into it.
struct DateMatch {
    Date date;
    size_t begin = 0;
    size_t end = 0;
};

// Every date in `text`, in order of appearance. Month-only dates are found
// only with a four-digit year ("November 2024").
std::vector<DateMatch> find_dates(std::string_view text, const DateOptions& options = {});

// The month a word names as dates print it, in any case: "March", "MAR",
// "mar.", "Sept" give 3, 3, 3 and 9; anything else 0.
int month_number(std::string_view word);

// The first full date (with a day) in `text`.
std::optional<Date> first_date(std::string_view text, const DateOptions& options = {});

// The time now as ISO 8601 UTC, to the second ("2025-03-13T10:04:59Z").
std::string utc_now_iso();

}  // namespace minutebook
