// Agenda packets: the agenda's items, date and body, and the minutes and
// reports that stand inside a packet after it, on lines taken from the papers.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "indexer/structure.h"
#include "indexer/structure_internal.h"
#include "text_pages.h"

using namespace minutebook;
using namespace minutebook::structure;
using minutebook::test::pages_of;

namespace {

std::vector<std::string> agenda_numbers(const DocumentStructure& d) {
    std::vector<std::string> numbers;
    for (const auto& a : d.agenda) numbers.push_back(a.number + " " + a.title);
    return numbers;
}

}  // namespace

// Agendas of other bodies: their business in the numbering they print.
TEST_CASE("agenda items in the numbering agendas print", "[structure][councils][agenda]") {
    struct Case {
        const char* where;
        const char* page;
        std::vector<std::string> items;
    };
    const Case cases[] = {
        {"Sunnyvale City Council 2016-04-12, p. 1: numbers without a point, lettered items under them",
         "City of Sunnyvale\nNotice and Agenda\nCity Council\nTuesday, April 12, 2016\n6:00 PM\n"
         "Joint Meeting of the City Council and the Redevelopment Successor Agency\n"
         "1 Call to Order in the Council Chambers (Open to the Public)\n2 Roll Call\n3 Public Comment\n"
         "4 Closed Session Reports for a) April 30, 2013 (revised report out) and b)\nFebruary 23, 2016\n"
         "5 Consent Calendar\nA\n16-0361\nApprove Joint City Council and Redevelopment Successor\n",
         {"1 Call to Order in the Council Chambers (Open to the Public)", "2 Roll Call", "3 Public Comment",
          "4 Closed Session Reports for a) April 30, 2013 (revised report out) and b)", "5 Consent Calendar"}},
        {"Hermosa Beach City Council 2023-01-10, p. 4: Roman numerals",
         "AGENDA\nRegular Meeting of the City Council\nTuesday, January 10, 2023\nI. CALL TO ORDER\n"
         "II. PLEDGE OF ALLEGIANCE\nIII. ROLL CALL\nIV. CLOSED SESSION REPORT\n",
         {"I CALL TO ORDER", "II PLEDGE OF ALLEGIANCE", "III ROLL CALL", "IV CLOSED SESSION REPORT"}},
        {"Suffolk Libraries AGM 2016-09-29: no word 'agenda', a meeting's heading over numbered business",
         "Suffolk\u2019s Libraries IPS Ltd Annual General Meeting\nThursday, 29th September 2016\nThe Cookhouse\n"
         "1. Chair\u2019s welcome, apologies for absence and Minutes of AGM, 10th September\n2015.\n"
         "2. Annual Report: To receive the report for year ending 31st March 2016 from the Chair\n"
         "3. Accounts 2015/16: To receive the Statement of Accounts for the year 2015/16\n",
         {"1 Chair\u2019s welcome, apologies for absence and Minutes of AGM, 10th September",
          "2 Annual Report: To receive the report for year ending 31st March 2016 from the Chair",
          "3 Accounts 2015/16: To receive the Statement of Accounts for the year 2015/16"}},
        {"Garelochhead Community Council 2021-08-17: 'Agenda' at the end of a long heading; lettered points",
         "Garelochhead Community Council Public Meeting Agenda\nTuesday 17th August 2021\n"
         "1. Introductions and welcome\na. Welcome to members & Convenor\u2019s opening remarks\n"
         "2. Minutes and actions from June 15th\n3. Police Reports\n",
         {"1 Introductions and welcome", "2 Minutes and actions from June 15th", "3 Police Reports"}},
        {"Lincoln Township Board 2019-04-16: 'Agenda' in an item is no heading",
         "LINCOLN TOWNSHIP\nMeeting of the Lincoln Township Board of Trustees\nApril 16, 2019\n"
         "1. Call Meeting to Order\n2. Amend / Accept Agenda\n3. Public Comments\n",
         {"1 Call Meeting to Order", "2 Amend / Accept Agenda", "3 Public Comments"}},
        {"Cuyahoga Board of Health 2019-04-24, p. 3: items after the first pages; a title's dash and colon",
         "CUYAHOGA COUNTY BOARD OF HEALTH\nAGENDA - April 24, 2019\n1. Call to Order.\n2. Roll Call.\n"
         "10. Approval of Resolutions/Motions:\n\f11. RESOLUTION (2019-47) Approval of the Consent Agenda\n"
         "12. Health Commissioner\u2019s Report \u2013\n",
         {"1 Call to Order.", "2 Roll Call.", "10 Approval of Resolutions/Motions",
          "11 RESOLUTION (2019-47) Approval of the Consent Agenda", "12 Health Commissioner\u2019s Report"}},
        // Cambridgeshire 2019-07-17, p. 1: a list numbered again under an item.
        {"Cambridgeshire Corporate Parenting 2019-07-17, p. 1: a number printed again is a point of the item",
         "CORPORATE PARENTING SUB-COMMITTEE\nDate: Wednesday, 17 July 2019\nAGENDA\n1. Constitutional Matters\n"
         "1. Change in Membership\n2. Apologies for absence and declarations of interest.\n"
         "2. Minutes of the meeting on 22 May 2019\n5 - 10\n3. Action Log\n",
         {"1 Constitutional Matters", "2 Apologies for absence and declarations of interest.", "3 Action Log"}},
    };
    for (const auto& c : cases) {
        INFO(c.where);
        std::vector<PageText> pages;
        std::string text = c.page;
        size_t at = 0;
        for (int n = 1;; ++n) {
            size_t ff = text.find('\f', at);
            PageText p;
            p.number = n;
            p.text = text.substr(at, ff == std::string::npos ? std::string::npos : ff - at);
            pages.push_back(p);
            if (ff == std::string::npos) break;
            at = ff + 1;
        }
        CHECK(agenda_numbers(understand(pages)) == c.items);
    }
}

// An agenda's meeting date is the one its heading writes out; a numeric
// date above it is the paper's stamp. Headings of Cuyahoga's Board of
// Health, Lincoln Township's Board, Garelochhead CC and Suffolk Libraries.
TEST_CASE("an agenda's date is its heading's, not a revision stamp above it", "[structure][agenda]") {
    struct Case {
        const char* where;
        const char* page;
        const char* date;
        const char* committee;
    };
    const Case cases[] = {
        {"Cuyahoga Board of Health 2019-04-24, p. 1: revised the day before",
         "REVISED\n4/23/19\nCUYAHOGA COUNTY BOARD OF HEALTH\nAGENDA - April 24, 2019\n1. Call to Order.\n2. Roll Call.\n"
         "3. Motion to excuse absent Board Members.\n4. Approval of the Minutes of the Regular Board Meeting -March 27, 2019.\n",
         "2019-04-24", "Cuyahoga County Board of Health"},
        {"Lincoln Township Board 2019-04-16, p. 1",
         "LINCOLN TOWNSHIP\nMeeting of the Lincoln Township Board of Trustees\nApril 16, 2019\n"
         "1. Call Meeting to Order\n2. Amend / Accept Agenda\n3. Public Comments\n",
         "2019-04-16", "Lincoln Township Board of Trustees"},
        {"Garelochhead Community Council 2021-08-17, p. 1",
         "Garelochhead Community Council Public Meeting Agenda\nTuesday 17th August 2021\n"
         "1. Introductions and welcome\n2. Minutes and actions from June 15th\n3. Police Reports\n",
         "2021-08-17", nullptr},
        {"Suffolk Libraries AGM 2016-09-29, p. 1: the meeting's heading names the body, not a line of an item",
         "Suffolk\u2019s Libraries IPS Ltd Annual General Meeting\nThursday, 29th September 2016\nThe Cookhouse\n"
         "1. Chair\u2019s welcome, apologies for absence and Minutes of AGM, 10th September\n2015.\n"
         "2. Annual Report: To receive the report for year ending 31st March 2016 from the Chair\n"
         "of the Board, Tony Brown, and the Chief Executive, Alison Wheeler.\n"
         "3. Accounts 2015/16: To receive the Statement of Accounts for the year 2015/16\n",
         "2016-09-29", "Suffolk's Libraries IPS Ltd Annual General Meeting"},
        // Not a stamp: a numeric date is the meeting's when the heading spells none,
        // and a date written in an item of business is not the heading's.
        {"a numeric date alone (Cambridgeshire's 'Date:' label, in numbers)",
         "CORPORATE PARENTING SUB-COMMITTEE\nDate: 17/07/2019\nAGENDA\n1. Apologies for absence\n"
         "2. Minutes of the meeting on 22 May 2019\n3. Action Log\n",
         "2019-07-17", nullptr},
    };
    for (const auto& c : cases) {
        INFO(c.where);
        auto doc = understand(pages_of({c.page}));
        REQUIRE(doc.meeting);
        CHECK(doc.meeting->date == c.date);
        if (c.committee) CHECK(doc.meeting->committee == c.committee);
    }
}

// Minutes inside a packet open with a heading over their own date; an
// agenda's items and a minute's title that name minutes do not.
TEST_CASE("a heading over its own date opens the minutes inside a packet", "[structure][councils]") {
    struct Case {
        const char* where;
        const char* text;
        bool opens;
    };
    const Case cases[] = {
        {"Norwalk Housing Authority packet 2022-11-15, p. 3",
         "MINUTES OF THE REGULAR MEETING\nNORWALK HOUSING AUTHORITY\nNORWALK, CALIFORNIA\nOCTOBER 18, 2022\n", true},
        {"Lincoln Township Board 2019-03-21, p. 1", "SPECIAL MEETING MINUTES\nMarch 21, 2019\n", true},
        {"Lincoln Township Board 2019-03-19, p. 1", "BUDGET WORKSHOP MEETING MINUTES\nMarch 19, 2019\n", true},
        // Not minutes' headings.
        {"Kent 2024-12-19, minute 272's title", "Minutes of the meeting held on 7 November 2024, if in order, to be\n"
                                               "approved as a correct record\n", false},
        {"Norwalk's agenda item", "MEETING MINUTES - Staff recommends the Housing Authority approve the minutes of the regular\n"
                                  "meeting of October 18, 2022, as submitted.\n", false},
        {"Norwalk's minute item", "MINUTES\nThe Housing Authority approved the minutes of the regular meeting of September 20,\n"
                                  "2022, as submitted.\n", false},
        {"Cuyahoga's agenda item", "Approval of the Minutes\nMarch 27, 2019\n", false},
    };
    for (const auto& c : cases) {
        INFO(c.where);
        TextStream s = make_stream(pages_of({c.text}));
        size_t first = 0;
        while (first < s.lines.size() && s.lines[first].blank()) ++first;
        REQUIRE(first < s.lines.size());
        CHECK(heads_minutes_over_date(s, first) == c.opens);
    }
}

// Reports in memo form: "TO:" and "FROM:" in either order, titled by their subject.
TEST_CASE("a memo's To and From open a report titled by its subject", "[structure]") {
    struct Case {
        const char* where;
        const char* text;
        const char* title;
    };
    const Case cases[] = {
        {"Kent County Council 2025-01-09, report supplement p. 3: From above To",
         "Agenda Item 3\nFrom:\n\nRoger Gough, Leader of the Council\n\nTo:\n\nCounty Council - 9th January 2025\n\n"
         "Subject:\n\nEnglish Devolution White Paper\n\nClassification: Unrestricted\n\nSummary:\nThe publication of "
         "the English Devolution White Paper on 16 December 2024 provides a definitive policy position.\n",
         "English Devolution White Paper"},
        {"Norwalk Housing Authority packet 2022-11-15, p. 5: a subject over two lines in capitals",
         "Housing Authority Agenda Report\nNovember 15, 2022\n\nTO:\n\nHonorable Housing Authority\n\nFROM:\n\n"
         "Jesus M. Gomez, Executive Director\n\nSUBJECT: HOUSING ASSISTANCE PAYMENTS PROGRAM - APPROVE\n"
         "WARRANT RUN OCTOBER 15, 2022 - NOVEMBER 1, 2022\nBackground:\nThe Housing Authority made payments.\n",
         "HOUSING ASSISTANCE PAYMENTS PROGRAM - APPROVE WARRANT RUN OCTOBER 15, 2022 - NOVEMBER 1, 2022"},
    };
    for (const auto& c : cases) {
        INFO(c.where);
        auto doc = understand(pages_of({c.text}));
        REQUIRE(doc.reports.size() == 1);
        CHECK(doc.reports[0].title == c.title);
    }
    // "To:" alone, with neither "From:" nor a meeting date, is a letter's address line.
    CHECK(understand(pages_of({"Dear Sir\nTo: the residents of Station Road\nThe works begin on Monday.\n"})).reports.empty());
}

TEST_CASE("agenda labels: Roman numerals and bare numbers, not counts or dates", "[structure][agenda]") {
    CHECK(parse_agenda_label("XIV. MUNICIPAL MATTERS")->major == 14);
    CHECK(parse_agenda_label("IX. PUBLIC PARTICIPATION")->number == "IX");
    CHECK(parse_agenda_label("2 Roll Call")->title == "Roll Call");
    CHECK(parse_agenda_label("12. Water Authority Report")->major == 12);
    for (const char* not_label : {"IIII. Nothing", "VX. Nothing", "I am here", "39 tickets were sold at the door",
                                  "2 2019 budget", "16-0361", "4 members of the public attended the meeting"}) {
        INFO(not_label);
        CHECK_FALSE(parse_agenda_label(not_label));
    }
}
