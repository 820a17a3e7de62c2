// Attendance in the forms minutes print it, on lines taken from the papers
// of several bodies; with lines that must not be read as attendance.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/structure.h"
#include "indexer/structure_internal.h"

using namespace minutebook;
using namespace minutebook::structure;

namespace {

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : "|") + s;
    return out;
}

// A page laid out as a table: each row a list of cells, cell c starting at
// x = 60 + 190 c, words 5.5 points a letter apart by 3 points, rows 14
// points apart. Text and word boxes agree, as Poppler gives them.
PageText table_page(const std::vector<std::vector<std::string>>& rows) {
    PageText page;
    page.number = 1;
    double y = 100;
    for (const auto& row : rows) {
        for (size_t c = 0; c < row.size(); ++c) {
            double x = 60 + 190.0 * static_cast<double>(c);
            std::istringstream words(row[c]);
            for (std::string w; words >> w;) {
                Word word;
                word.text = w;
                word.x0 = x;
                word.x1 = x + 5.5 * static_cast<double>(w.size());
                word.y0 = y;
                word.y1 = y + 10;
                page.words.push_back(word);
                x = word.x1 + 3;
            }
        }
        y += 14;
    }
    return page;
}

std::string entries(const std::vector<AttendanceEntry>& es) {
    std::string out;
    for (const auto& e : es)
        out += (out.empty() ? "" : "|") + e.name + (e.post.empty() ? "" : " [" + e.post + "]");
    return out;
}

}  // namespace

TEST_CASE("attendance labels are read in every printed form", "[attendance]") {
    struct Case {
        const char* body;
        const char* line;
        AttendanceField field;
        const char* rest;
    };
    static const Case kCases[] = {
        {"Cambridgeshire", "Present: Councillors S Bywater (Chairman), A Costello, P Downes",
         AttendanceField::kPresent, "Councillors S Bywater (Chairman), A Costello, P Downes"},
        {"Kent", "PRESENT: Mr R W Gough (Chairman), Mr N Baker, Mrs S Chandler, Mr D Jeffrey,",
         AttendanceField::kPresent,
         "Mr R W Gough (Chairman), Mr N Baker, Mrs S Chandler, Mr D Jeffrey,"},
        {"Garelochhead", "Members Present:", AttendanceField::kPresent, ""},
        {"Garelochhead", "Members present:", AttendanceField::kPresent, ""},
        {"Garelochhead", "PRESENT", AttendanceField::kPresent, ""},
        {"Garelochhead", "a. Present", AttendanceField::kPresent, ""},
        {"Horsley NP Working Group", "Present:", AttendanceField::kPresent, ""},
        {"Suffolk Libraries", "Attendees", AttendanceField::kPresent, ""},
        {"Lincoln Square SSA #21",
         "o Commissioners Present: Anthony Qaiyum, Zach Maiorca, Melaina Prest, Chris Dallas,",
         AttendanceField::kPresent, "Anthony Qaiyum, Zach Maiorca, Melaina Prest, Chris Dallas,"},
        {"Lincoln Square SSA #21", "o Commissioners Absent: Shelley Young, Pat Bader",
         AttendanceField::kAbsent, "Shelley Young, Pat Bader"},
        {"Lincoln Square SSA #21", "o Others Present: Ryan Warsing (LSRCC), Sean Cooper (LSRCC)",
         AttendanceField::kInAttendance, "Ryan Warsing (LSRCC), Sean Cooper (LSRCC)"},
        {"Garelochhead", "APOLOGIES:", AttendanceField::kApologies, ""},
        {"Garelochhead", "b. Apologies:", AttendanceField::kApologies, ""},
        {"Garelochhead", "Apologies", AttendanceField::kApologies, ""},
        {"Horsley NP Working Group", "Apologies:", AttendanceField::kApologies, ""},
        {"Garelochhead", "ATTENDING:", AttendanceField::kInAttendance, ""},
        {"Garelochhead", "Guests:", AttendanceField::kInAttendance, ""},
        {"Suffolk Libraries", "Invited", AttendanceField::kInAttendance, ""},
        {"Garelochhead", "Public:", AttendanceField::kPublic, ""},
        {"Cambridgeshire", "In attendance: Dr Andy Stone (Appointee)",
         AttendanceField::kInAttendance, "Dr Andy Stone (Appointee)"},
    };
    for (const auto& c : kCases) {
        CAPTURE(c.body, c.line);
        auto label = attendance_label(c.line);
        REQUIRE(label);
        CHECK(label->field == c.field);
        CHECK(label->rest == c.rest);
    }
}

TEST_CASE("lines that open with an attendance word are not labels", "[attendance]") {
    static const char* kCases[] = {
        "Public comments were heard and correspondence was read.",  // Lincoln Township Board
        "Public Comments: Henry Pnasek mentioned about house along Rail Trail that needs torn "
        "down.",                                                      // Planning Commission
        "Presentation on",                                            // Garelochhead
        "present actual results vs. budget vs. prior year results.",  // Lincoln Township Board
        "Absent the support of the County Council, the scheme",
        "Apologies for absence were received from Councillor A Hay.",  // Cambridgeshire
    };
    for (const char* line : kCases) {
        CAPTURE(line);
        CHECK_FALSE(attendance_label(line));
    }
}

TEST_CASE("a table of names with their posts beside them gives the names and the chair",
          "[attendance]") {
    struct Case {
        const char* body;
        std::vector<std::vector<std::string>> rows;
        const char* label;
        const char* expected;
        const char* chair;
    };
    static const Case kCases[] = {
        // Garelochhead Community Council, 25 October 2016.
        {"Garelochhead",
         {{"Members Present:"},
          {"Alan Pinder", "Acting Secretary CC"},
          {"David Norton", "Acting Member CC"},
          {"Martin Croft", "Vice Chair CC"},
          {"Watson Robinson", "Convenor CC"},
          {"Attending:"},
          {"Insp. Coleen Wylie", "Police Scotland"}},
         "Members Present:",
         "Alan Pinder [Acting Secretary CC]|David Norton [Acting Member CC]|Martin Croft [Vice "
         "Chair CC]|Watson "
         "Robinson [Convenor CC]",
         "Watson Robinson"},
        // Garelochhead, 18 November 1999: the label in the first column, a rule between name and
        // post.
        {"Garelochhead",
         {{"PRESENT", "C Lyne", "-", "Acting Chairperson"},
          {"", "J Roy", "-", "Secretary"},
          {"", "Councillor G Freeman", "-", "Argyll & Bute Council"},
          {"1. APOLOGIES", "A Horne - Community Councillor."}},
         "PRESENT",
         "C Lyne [Acting Chairperson]|J Roy [Secretary]|Councillor G Freeman [Argyll & Bute "
         "Council]",
         "C Lyne"},
        // Horsley Neighbourhood Plan Working Group: names in columns, no posts.
        {"Horsley NP Working Group",
         {{"Present:"},
          {"Jane Archer (JA)", "Alan Caudwell (AC)", "Robert Gegg (RG)"},
          {"Kate Kay (KK)", "Helen Knuckle (HK)", "Jolyon Neely (JN)"},
          {"Apologies:"}},
         "Present:",
         "Jane Archer (JA)|Alan Caudwell (AC)|Robert Gegg (RG)|Kate Kay (KK)|Helen Knuckle "
         "(HK)|Jolyon Neely (JN)",
         ""},
        // Suffolk Libraries Board, 26 March 2013: the list in the cell beside the label.
        {"Suffolk Libraries",
         {{"Attendees", "Shona Bendix (Chair), Sylvia Knights, Robert Spivey, Alison Wheeler"},
          {"", "(General Manager), Colin Owens, Lynne Walker, Mike Readman, Mike"},
          {"", "Hosking"},
          {"Invited", "Marion Harvey (Staff Advisory Group Observer)"}},
         "Attendees",
         "Shona Bendix (Chair)|Sylvia Knights|Robert Spivey|Alison Wheeler (General Manager)|Colin "
         "Owens|Lynne "
         "Walker|Mike Readman|Mike Hosking",
         ""},
    };
    for (const auto& c : kCases) {
        CAPTURE(c.body, c.label);
        PageText page = table_page(c.rows);
        auto table = attendance_table(visual_lines(page), c.label, 0);
        CHECK(entries(table) == c.expected);
        std::string chair;
        for (const auto& e : table) {
            if (chairs(e) && chair.empty()) chair = e.name;
        }
        CHECK(chair == c.chair);
    }
}

TEST_CASE("roll calls of US minutes give who was present and absent", "[attendance]") {
    struct Case {
        const char* body;
        const char* text;
        const char* present;
        const char* absent;
        int guests;  // -1: not printed
        const char* chair;
    };
    static const Case kCases[] = {
        {"Lincoln Township Board",
         "The regular meeting of the Lincoln Township Board was called to order by the Supervisor "
         "at 7:00 pm, "
         "with Ensign, Wray, Trinklein, Duford, Crockett, and 12 guests present.",
         "Ensign|Wray|Trinklein|Duford|Crockett", "", 12, ""},
        {"Lincoln Township Board",
         "The special meeting of the Lincoln Township Board was called to order by the supervisor "
         "at 6:00 pm with "
         "Wray, Duford, Trinklein, Crockett present, Ensign absent, and 2 guests.",
         "Wray|Duford|Trinklein|Crockett", "Ensign", 2, ""},
        {"Lincoln Township Board",
         "The budget workshop meeting of the Lincoln Township Board was called to order at 6:00 pm "
         "with Wray, "
         "Duford, Trinklein, Ensign, and Crockett present and 3 guests.",
         "Wray|Duford|Trinklein|Ensign|Crockett", "", 3, ""},
        {"Lincoln Township Planning Commission",
         "The meeting of the Lincoln Township Planning Commission was called to order by "
         "Chairperson Sheila Mesler "
         "at 6:30 pm. Roll call was taken: Sheila Mesler , Sue Ensign, David Dauer, Andrew Acker, "
         "and Jamie "
         "Crockett (alternate), were present. Reid Duford was absent.",
         "Sheila Mesler|Sue Ensign|David Dauer|Andrew Acker|Jamie Crockett", "Reid Duford", -1,
         "Sheila Mesler"},
        {"Lincoln Township Planning Commission",
         "The meeting of the Lincoln Township Planning Commission was called to order by Vice "
         "Chairperson Susan "
         "Ensign at 6:30 pm. Roll call was taken: Sue Ensign, Jamie Crockett, and Reid Duford were "
         "present. "
         "Andrew Acker and David Dauer were absent.",
         "Sue Ensign|Jamie Crockett|Reid Duford", "Andrew Acker|David Dauer", -1, "Susan Ensign"},
        {"Norwalk Housing Authority",
         "Chair Ramirez called the hybrid meeting to order at 5:48 p.m. in the Council Chambers, "
         "Norwalk City Hall, "
         "12700 Norwalk Boulevard, Norwalk, California and via videoconference per Assembly Bill "
         "361. Responding "
         "to roll call were Commissioners Perez, Vice Chair Valencia, and Chair Ramirez in person. "
         "Commissioners "
         "Davis and Hernandez participated via videoconference. Commissioner Ayala and Rios were "
         "absent.",
         "Perez|Valencia|Ramirez|Davis|Hernandez", "Ayala|Rios", -1, "Ramirez"},
    };
    for (const auto& c : kCases) {
        CAPTURE(c.body, c.text);
        RollCall rc = read_roll_call(c.text);
        CHECK(joined(rc.present) == c.present);
        CHECK(joined(rc.absent) == c.absent);
        CHECK(rc.public_count.value_or(-1) == c.guests);
        CHECK(rc.chair == c.chair);
    }
}

TEST_CASE("votes and motions are not roll calls of attendance", "[attendance]") {
    static const char* kCases[] = {
        // Lincoln Township Board
        "Payment of bills in the amount of $27,870.64 in the general fund were approved by roll "
        "call vote after "
        "motion by Ensign and second by Crockett. Crockett-yes; Duford-yes; Ensign-yes; "
        "Trinklein-yes; Wray-yes.",
        // Norwalk Housing Authority
        "Commissioner Perez moved and Chair Ramirez seconded to approve the consent calendar as "
        "recommended. MOTION "
        "CARRIED BY THE FOLLOWING ROLL CALL VOTE: AYES: Commissioners Davis, Hernandez, and Perez "
        "NOES: None",
        // Lincoln Township Planning Commission
        "A motion by Sue Ensign to approve the agenda. The motion was supported by Andrew Acker "
        "and approved 5-0.",
    };
    for (const char* text : kCases) {
        CAPTURE(text);
        CHECK(read_roll_call(text).present.empty());
    }
}

TEST_CASE("a minutes heading's printed status is kept", "[attendance][status]") {
    struct Case {
        const char* body;
        const char* line;
        MinutesStatus status;
    };
    static const Case kCases[] = {
        {"Garelochhead", "DRAFT MINUTES for the", MinutesStatus::kDraft},
        {"Garelochhead", "DRAFT Minutes for the Garelochhead Community Council Meeting",
         MinutesStatus::kDraft},
        {"Garelochhead", "FINAL ADOPTED Minutes for the Garelochhead Community Council meeting",
         MinutesStatus::kAdopted},
        {"Garelochhead", "AGREED Minutes for the Garelochhead Community Council AGM",
         MinutesStatus::kApproved},
        {"Lincoln Township Board", "Board Meeting Minutes (unapproved)",
         MinutesStatus::kUnapproved},
        {"Garelochhead", "MINUTES for the Garelochhead Community Council meeting",
         MinutesStatus::kNotPrinted},
        {"Lincoln Township Board", "BUDGET WORKSHOP MEETING MINUTES", MinutesStatus::kNotPrinted},
        {"Lincoln Township Board",
         "The minutes of the March 13, 2018 regular board meeting were approved after motion by "
         "Crockett and",
         MinutesStatus::kNotPrinted},
        {"Suffolk Libraries",
         "The minutes were agreed for accuracy subject to the following changes:",
         MinutesStatus::kNotPrinted},
        {"Cambridgeshire", "2. Children and Young People Committee Minutes - 8 October 2024 5 - 18",
         MinutesStatus::kNotPrinted},
    };
    for (const auto& c : kCases) {
        CAPTURE(c.body, c.line);
        CHECK(minutes_status_of(c.line) == c.status);
    }
    for (MinutesStatus s : {MinutesStatus::kDraft, MinutesStatus::kUnapproved,
                            MinutesStatus::kApproved, MinutesStatus::kAdopted}) {
        MinutesStatus back = MinutesStatus::kNotPrinted;
        REQUIRE(parse_minutes_status(to_string(s), &back));
        CHECK(back == s);
    }
    MinutesStatus none = MinutesStatus::kNotPrinted;
    CHECK_FALSE(parse_minutes_status("final", &none));
}
