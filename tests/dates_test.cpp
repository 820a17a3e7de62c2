#include "core/dates.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using minutebook::Date;
using minutebook::DateMatch;
using minutebook::find_dates;
using minutebook::DateOptions;
using minutebook::first_date;
using minutebook::guess_numeric_order;
using minutebook::NumericOrder;
using minutebook::parse_date;

namespace {

// One canonical string per text: the ISO dates found, space-separated, so a
// failure shows every date at once.
std::string isos(const std::vector<DateMatch>& matches) {
    std::string out;
    for (const DateMatch& m : matches) {
        if (!out.empty()) out += ' ';
        out += m.date.iso();
    }
    return out;
}

}  // namespace

TEST_CASE("a date printed on its own is read whatever its form", "[dates]") {
    struct Case {
        const char* text;
        const char* iso;
    };
    static const Case kCases[] = {
        {"Tuesday, 11 July 2017", "2017-07-11"},       // pack front sheet
        {"Monday 12 June 2017", "2017-06-12"},         // minutes' own date
        {"Wednesday 12th July 2023", "2023-07-12"},    // ordinal, PDF text layer
        {"Wednesday 12<sup>th</sup> July 2023", "2023-07-12"},  // ordinal, seed markup
        {"13th June 2017", "2017-06-13"},
        {"2 nd May 2017", "2017-05-02"},               // ordinal set apart
        {"8 October 2024", "2024-10-08"},
        {"14 January 2025", "2025-01-14"},
        {"15.11.23", "2023-11-15"},                    // agenda plan
        {"03.07.19:", "2019-07-03"},                   // action log response
        {"8.05.19:", "2019-05-08"},
        {"23.1.23", "2023-01-23"},
        {"01.04.16", "2016-04-01"},
        {"12/06/2017", "2017-06-12"},                  // day first, as in the UK
        {"26/11/24", "2024-11-26"},                    // agenda plan column
        {"11/30/17", "2017-11-30"},                    // US, where day first cannot be
        {"2024-10-08", "2024-10-08"},
        {"2024-11", "2024-11"},                        // what Date::iso() prints for a month
        {"November 2024", "2024-11"},                  // month only
        {"March 2025", "2025-03"},
        {"June 12, 2017", "2017-06-12"},               // US papers
        {"Jan. 29, 2018", "2018-01-29"},
        {"Monday, January 29, 2018", "2018-01-29"},
        {"Monday, November 4th, 2019", "2019-11-04"},
        {"Thursday, June 15, 2017", "2017-06-15"},
        {"DECEMBER 6, 2022", "2022-12-06"},
        {"Thursday, 30th January, 2025", "2025-01-30"},  // Kent agenda front sheet
        {"THURSDAY, 13 FEBRUARY 2025", "2025-02-13"},
        {"12th march 2025", "2025-03-12"},
        {"Thursday, 19 December 2024.", "2024-12-19"},
        {"  Wednesday 22 May 2019  ", "2019-05-22"},
        {"February 29, 2020", "2020-02-29"},
        {"Sept 30, 2021", "2021-09-30"},
    };
    for (const Case& c : kCases) {
        CAPTURE(c.text);
        std::optional<Date> date = parse_date(c.text);
        REQUIRE(date.has_value());
        CHECK(date->iso() == c.iso);
    }
}

TEST_CASE("numbers, ranges, references and amounts are not dates", "[dates]") {
    static const char* const kCases[] = {
        "Page 5",
        "4.8",
        "2-2.5",
        "2023-2028",
        "2024/039",
        "2024/25",
        "£9,126,108",
        "2.1.13",     // paragraph number
        "3701-29-12",
        "12.00",
        "2.00pm - 4.35pm",
        "31 June 2017",
        "29 February 2023",
        "12 June",     // no year
        "May",
        "may 2025",    // the verb, not the month
        "Date",
        "",
        "   ",
        "Tuesday",
        "12 June 2017 at 2.00pm",  // a date, but not the whole text
        "24/00093",
    };
    for (const char* text : kCases) {
        CAPTURE(text);
        CHECK_FALSE(parse_date(text).has_value());
    }
}

TEST_CASE("dates are found in lines of the papers and nothing else is", "[dates]") {
    struct Case {
        const char* line;
        const char* isos;
    };
    static const Case kCases[] = {
        {"Date:Tuesday, 11 July 2017", "2017-07-11"},
        {"Date: Wednesday 12th July 2023", "2023-07-12"},
        {"Date\t2 nd May 2017", "2017-05-02"},
        {"Date: 15.11.23\tAgenda item\tLead officer\tReference if key decision\tDeadline for "
         "draft reports\tAgenda despatch date",
         "2023-11-15"},
        {"103.\tFostering Service Annual Report 2018/19\tSarah-Jane Smedmor\t03.07.19: The "
         "Assistant Director",
         "2019-07-03"},
        {"### Minutes – 12 March 2024", "2024-03-12"},
        {"2. **Children and Young People Committee Minutes - 8 October 2024** **5 - 18**",
         "2024-10-08"},
        {"8.\t<b>Finance Monitoring Report – October 2024</b>\t<b>115 - 144</b>", "2024-10"},
        {"The minutes of the meeting on 10 September 2024 were approved as an accurate record.",
         "2024-09-10"},
        {"5.1.4 The number of children who wait less than 14 months between entering care and "
         "moving in with their adoptive family in the period 01.04.16 to 31.03.17 has improved",
         "2016-04-01 2017-03-31"},
        {"Milestone 3/4 design period\tOctober 2024 - March 2025", "2024-10 2025-03"},
        {"Since 1<sup>st</sup> March 2023 there's been:", "2023-03-01"},
        {"Scheme – 21st January to 17th March 2025", "2025-03-17"},
        {"29 October 2024 and 10 December 2024 be noted.", "2024-10-29 2024-12-10"},
        {"Autumn Budget on 30th October 2024 but at a", "2024-10-30"},
        {"Minutes from Monday, January 29, 2018 – 9:00am at Carbon Arc Bar & Board",
         "2018-01-29"},
        {"Minutes from 11/30/17 meeting approved – Z. Maiorca (motion), T. Feinberg (second)",
         "2017-11-30"},
        {"1,149 annually effective April 15, 2019.", "2019-04-15"},
        {"1, 2019 through December 31, 2020. The amount", "2020-12-31"},
        {"The Committee is due to meet next on Tuesday 12 September 2017 at 2.00pm in the Kreis "
         "Viersen Room, Shire Hall, Cambridge.",
         "2017-09-12"},
        {"Council and Contractor to sign Engineering and Construction contract\tApril 2025",
         "2025-04"},
        {"- 2.1.12 As of March 2023, there were 163 registered foster carers", "2023-03"},
        {"2.1.13 Health Report – 23 of 88 Initial Health Assessments (26%)", ""},
        {"4. **Corporate Parenting Strategy 2023-2028** **19 - 66**", ""},
        {"Forward Plan ref:\t2024/039", ""},
        {"- c) To agree the annual budget of £9,126,108 for 25-26 of which 3% shall only be paid",
         ""},
        {"their 6-8 week review by 8 weeks and children receiving their 2-2.5 year review.", ""},
        {"performance of 3% outlined at 4.8 of the report and how this would", ""},
        {"Forecast Outturn Variance (Previous) £000\tService Area\tNet Budget 2024/25 £000", ""},
        {"considered the call-in of Decision - 24/00093 - Future of Commissioned", ""},
        {"Constitution, that following a decision to refer an item to full Council, in "
         "accordance with s.17.73 and S.74",
         ""},
        {"Time: 2.00 pm - 4.35 pm", ""},
        {"Page 5", ""},
        {"The Council may 2025 review", ""},
        {"on the 10 th April to engage all", ""},
    };
    for (const Case& c : kCases) {
        CAPTURE(c.line);
        CHECK(isos(find_dates(c.line)) == c.isos);
    }
}

TEST_CASE("a date found in a line knows where it stands", "[dates]") {
    struct Case {
        const char* line;
        const char* text;  // the bytes [begin, end) of the first match
    };
    static const Case kCases[] = {
        {"Date: Monday 12 June 2017", "Monday 12 June 2017"},
        {"Maidstone on Thursday, 19 December 2024.", "Thursday, 19 December 2024"},
        {"Minutes – 12 March 2024", "12 March 2024"},
        {"Published on 1 November 2024", "1 November 2024"},
        {"Date: 15.11.23   Agenda item", "15.11.23"},
        {"Meeting Agenda – January 25, 2022", "January 25, 2022"},
    };
    for (const Case& c : kCases) {
        CAPTURE(c.line);
        std::string line = c.line;
        std::vector<DateMatch> found = find_dates(line);
        REQUIRE_FALSE(found.empty());
        CHECK(line.substr(found[0].begin, found[0].end - found[0].begin) == c.text);
    }
}

TEST_CASE("the first full date skips dates that give only a month", "[dates]") {
    struct Case {
        const char* text;
        const char* iso;  // "" when none
    };
    static const Case kCases[] = {
        {"Finance Monitoring Report – October 2024, considered on 26 November 2024",
         "2024-11-26"},
        {"Date: Monday 12 June 2017", "2017-06-12"},
        {"Target handover date\tFebruary 2027", ""},
        {"Page 5", ""},
    };
    for (const Case& c : kCases) {
        CAPTURE(c.text);
        std::optional<Date> date = first_date(c.text);
        CHECK((date ? date->iso() : std::string()) == c.iso);
    }
}

TEST_CASE("slashed dates in a US paper are read month first", "[dates]") {
    struct Case {
        const char* line;
        NumericOrder order;
        const char* isos;
    };
    static const Case kCases[] = {
        {"Printed on 1/6/2023", NumericOrder::kMonthFirst, "2023-01-06"},  // Hermosa Beach
        {"Printed on 1/6/2023", NumericOrder::kDayFirst, "2023-06-01"},
        {"6/13/2017", NumericOrder::kMonthFirst, "2017-06-13"},          // LA Metro
        {"6/13/2017", NumericOrder::kDayFirst, "2017-06-13"},            // cannot be day first
        {"[15/08/17] Provisional Meeting", NumericOrder::kMonthFirst, "2017-08-15"},
        {"Date: 15.11.23", NumericOrder::kMonthFirst, "2023-11-15"},      // dots stay day first
    };
    for (const Case& c : kCases) {
        CAPTURE(c.line, c.order == NumericOrder::kMonthFirst);
        CHECK(isos(find_dates(c.line, DateOptions{c.order})) == c.isos);
    }
}

TEST_CASE("a document's habit of printing dates decides how slashes are read", "[dates]") {
    struct Case {
        const char* text;
        NumericOrder order;
    };
    static const Case kCases[] = {
        {"CITY COUNCIL MEETING\nTuesday, January 10, 2023\nPrinted on 1/6/2023",
         NumericOrder::kMonthFirst},
        {"Minutes from 11/30/17 meeting approved", NumericOrder::kMonthFirst},
        {"Date: Monday 12 June 2017\nThis action log was updated on 27 June 2017\n"
         "11/07/17\tMinutes and Action Log",
         NumericOrder::kDayFirst},
        {"MINUTES of a meeting of the Cabinet held in the Council Chamber, Sessions House, "
         "County Hall, Maidstone on Thursday, 30 January 2025.",
         NumericOrder::kDayFirst},
        {"", NumericOrder::kDayFirst},
    };
    for (const Case& c : kCases) {
        CAPTURE(c.text);
        CHECK(guess_numeric_order(c.text) == c.order);
    }
}

TEST_CASE("dates order by year, month and day", "[dates]") {
    CHECK(Date{2017, 6, 12} < Date{2017, 7, 11});
    CHECK(Date{2024, 11, 0} < Date{2024, 11, 1});
    CHECK(Date{2023, 12, 31} < Date{2024, 1, 1});
    CHECK(Date{2024, 10, 8} == *parse_date("8 October 2024"));
}

TEST_CASE("numeric dates are read in the order their document prints dates", "[dates]") {
    // Each document: real lines of its papers, then one of its numeric dates.
    struct Case {
        const char* body;
        const char* document;
        const char* numeric;
        const char* iso;
    };
    static const Case kCases[] = {
        // A date that can be read one way only decides ("23/10/17").
        {"Garelochhead Community Council",
         "on Tuesday 24th October 2017\nIncidents 16/09/17 \u2013 23/10/17",
         "Email distributed 02/10/17 to GCC Members regarding Rhu & Shandon CC", "2017-10-02"},
        {"Suffolk Libraries",
         "Date 26th March 2013\nLW attended the SAG meeting on 15/03/13 and reported",
         "LW attended the SAG meeting on 15/03/13 and reported", "2013-03-15"},
        {"Lincoln Square SSA #21 (US)",
         "Minutes from Monday, January 29, 2018 \u2013 9:00am at Carbon Arc Bar & Board\n"
         "Minutes from 11/30/17 meeting approved",
         "Minutes from 11/30/17 meeting approved", "2017-11-30"},
        // Else the spelled-out dates: US "January 10, 2023", UK "11 July 2017".
        {"Hermosa Beach City Council (US)", "Tuesday, January 10, 2023\nPrinted on 1/6/2023",
         "Printed on 1/6/2023", "2023-01-06"},
        {"Sunnyvale City Council (US)",
         "Tuesday, April 12, 2016 6:00 PM Council Chambers, City Hall\nFebruary 23, 2016\n4/7/2016",
         "4/7/2016", "2016-04-07"},
        {"Cambridgeshire County Council",
         "Date: Tuesday, 11 July 2017\nForecast Position as at 01/06/2017",
         "Forecast Position as at 01/06/2017", "2017-06-01"},
        // Nothing tells: day first.
        {"Garelochhead Community Council", "Email distributed 02/10/17 to GCC Members",
         "Email distributed 02/10/17 to GCC Members", "2017-10-02"},
    };
    for (const Case& c : kCases) {
        CAPTURE(c.body, c.numeric);
        const DateOptions options{guess_numeric_order(c.document)};
        auto d = first_date(c.numeric, options);
        REQUIRE(d);
        CHECK(d->iso() == c.iso);
    }
}

TEST_CASE("a date that can be read one way only outweighs spelled-out dates", "[dates]") {
    // A UK paper quoting a US date in words still prints its own dates day first.
    CHECK(guess_numeric_order("Incidents 16/09/17 \u2013 23/10/17\nthe Act of October 1, 2017\nas "
                              "of March 3, 2017") == NumericOrder::kDayFirst);
    CHECK(guess_numeric_order(
              "Minutes from 11/30/17 meeting approved\n16 April 2019\n12 June 2017") ==
          NumericOrder::kMonthFirst);
}
