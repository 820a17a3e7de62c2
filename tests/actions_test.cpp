// The minutes action log, read from word boxes laid out as the corpus packs
// print their tables: x positions in points, one cell line per entry.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "indexer/structure.h"
#include "indexer/structure_internal.h"

using namespace minutebook;
using namespace minutebook::structure;

namespace {

// One line of one cell as printed: its left edge, its baseline row and text.
struct Placed {
    double x;
    double y;
    std::string text;
};

// The columns of the corpus packs' tables: Minute, Report title, Officer,
// Action, Response, Status.
constexpr double kMin = 63, kTitle = 143, kOfficer = 223, kAction = 304, kResponse = 384,
                 kStatus = 464;

// A page whose words stand where `placed` says (4 points a letter, 2.4 between
// words, lines 7.5 points high) and whose text lists them in reading order.
PageText page(int number, const std::vector<Placed>& placed) {
    PageText p;
    p.number = number;
    for (const auto& c : placed) {
        double x = c.x;
        size_t i = 0;
        while (i < c.text.size()) {
            size_t j = c.text.find(' ', i);
            if (j == std::string::npos) j = c.text.size();
            std::string w = c.text.substr(i, j - i);
            p.words.push_back(Word{w, x, c.y, x + 4.0 * static_cast<double>(w.size()), c.y + 7.5});
            x += 4.0 * static_cast<double>(w.size()) + 2.4;
            i = j + 1;
        }
        p.text += c.text + "\n";
    }
    p.text += "Page " + std::to_string(number) + "\n";
    return p;
}

// Rows as one canonical string each: date|minute|title|officer|status text|status|page.
std::vector<std::string> rows_of(const std::vector<PageText>& pages) {
    std::vector<std::string> out;
    for (const auto& a : understand(pages).actions) {
        out.push_back(a.minutes_date + "|" + a.minute + "|" + a.report_title + "|" + a.officer +
                      "|" + a.status_text + "|" + to_string(a.status) + "|" + std::to_string(a.page));
    }
    return out;
}

// A row's cells: each cell's lines from row `y` down, 9 points apart.
void cell(std::vector<Placed>& into, double x, double y, const std::vector<std::string>& lines) {
    for (size_t i = 0; i < lines.size(); ++i)
        into.push_back(Placed{x, y + 9.0 * static_cast<double>(i), lines[i]});
}

const char* kHeading = "Children and Young People Committee - Minutes Action Log";

std::vector<Placed> header(double y) {
    return {{kMin, y, "Minute"},
            {kTitle, y, "Report title"},
            {kOfficer, y, "Officer"},
            {kAction, y, "Action"},
            {kResponse, y, "Response"},
            {kStatus, y, "Status"},
            {kOfficer, y + 9, "responsible"}};
}

struct Case {
    const char* name;
    std::vector<PageText> pages;
    std::vector<std::string> rows;
};

std::vector<Case> cases() {
    std::vector<Case> out;
    {
        // The header's columns carry over to a page that goes on without one.
        std::vector<Placed> p1 = {{kMin, 60, kHeading}, {kMin, 90, "Minutes - 12 March 2024"}};
        for (const auto& h : header(110)) p1.push_back(h);
        cell(p1, kMin, 140, {"203."});
        cell(p1, kTitle, 140, {"Education", "Contracts"});
        cell(p1, kOfficer, 140, {"Sarah Callaghan"});
        cell(p1, kAction, 140, {"Undertook to", "provide a briefing"});
        cell(p1, kResponse, 140, {"This report has", "been rescheduled"});
        cell(p1, kStatus, 140, {"Ongoing"});
        std::vector<Placed> p2;
        cell(p2, kMin, 60, {"206."});
        cell(p2, kTitle, 60, {"Finance", "Monitoring Report"});
        cell(p2, kOfficer, 60, {"Sarah Callaghan"});
        cell(p2, kAction, 60, {"Officers", "undertook to"});
        cell(p2, kStatus, 60, {"On-going"});
        out.push_back(
            {"continuation page without a header",
             {page(1, p1), page(2, p2)},
             {"2024-03-12|203|Education Contracts|Sarah Callaghan|Ongoing|open|1",
              "2024-03-12|206|Finance Monitoring Report|Sarah Callaghan|On-going|open|2"}});
    }
    {
        // No header anywhere: a row filling all six cells gives the columns;
        // the minutes date is wrapped inside the first column.
        std::vector<Placed> p1 = {{kMin, 60, "Minutes-Action Log"},
                                  {kMin, 90, "Minutes of the"},
                                  {kMin, 99, "meeting on 22"},
                                  {kMin, 108, "May 2019"}};
        cell(p1, kMin, 130, {"93."});
        cell(p1, kTitle, 130,
             {"Actions taken by", "the Council in", "response to Child", "Sexual"});
        cell(p1, kOfficer, 130, {"Jenny Goodes"});
        cell(p1, kAction, 130, {"The Chairman", "stated that there"});
        cell(p1, kResponse, 130, {"13.06.19: This will", "be considered"});
        cell(p1, kStatus, 130, {"Completed"});
        // The same minute's second action: its title cell carries on.
        cell(p1, kTitle, 180, {"Exploitation and", "County Lines"});
        cell(p1, kOfficer, 180, {"Jenny Goodes"});
        cell(p1, kAction, 180, {"To invite Dave", "Sargeant"});
        cell(p1, kStatus, 180, {"On-going"});
        std::vector<Placed> p2;
        cell(p2, kMin, 60, {"100."});
        cell(p2, kTitle, 60, {"Participation", "Report"});
        cell(p2, kOfficer, 60, {"Kate Knight"});
        cell(p2, kAction, 60, {"To remind social", "work teams"});
        cell(p2, kOfficer, 90, {"Claire Betteridge"});
        cell(p2, kAction, 90, {"To clarify the", "meaning"});
        cell(p2, kResponse, 90, {"26.06.19: This will", "be reflected"});
        cell(p2, kStatus, 90, {"Completed"});
        out.push_back(
            {"headerless table across pages, a number cell left blank",
             {page(1, p1), page(2, p2)},
             {"2019-05-22|93|Actions taken by the Council in response to Child Sexual Exploitation "
              "and County Lines|Jenny Goodes|Completed|complete|1",
              "2019-05-22|93|Actions taken by the Council in response to Child Sexual Exploitation "
              "and County Lines|Jenny Goodes|On-going|open|1",
              "2019-05-22|100|Participation Report|Kate Knight|||2",
              "2019-05-22|100|Participation Report|Claire Betteridge|Completed|complete|2"}});
    }
    {
        // Officer cells over several lines, of one person or several; a
        // two-line status; the minutes date beside the "Minute" header cell.
        std::vector<Placed> p1 = {{kMin, 60, "Minutes-Action Log"}, {kMin, 90, "Minute"},
                                  {kTitle, 90, "Minutes of"},       {kTitle, 99, "8"},
                                  {kTitle, 108, "November"},        {kTitle, 117, "2016"}};
        cell(p1, kMin, 140, {"221."});
        cell(p1, kTitle, 140, {"Finance and", "Performance"});
        cell(p1, kOfficer, 140, {"Wendi", "Ogle-", "Welbourn"});
        cell(p1, kAction, 140, {"To look at", "the Council's"});
        cell(p1, kResponse, 140, {"31.05.17: Report", "completed"});
        cell(p1, kStatus, 140, {"No longer", "required"});
        cell(p1, kMin, 190, {"9."});
        cell(p1, kTitle, 190, {"Finance and", "Performance"});
        cell(p1, kOfficer, 190, {"Dee Revens/", "Richenda", "Greenhill"});
        cell(p1, kAction, 190, {"Add training on"});
        cell(p1, kResponse, 190, {"19.06.17: A"});
        cell(p1, kStatus, 190, {"In progress"});
        cell(p1, kMin, 240, {"58."});
        cell(p1, kTitle, 240, {"Training Plan"});
        cell(p1, kOfficer, 240, {"Jacqui Barry", "Aidan O'Reilly"});
        cell(p1, kAction, 240, {"To arrange a"});
        cell(p1, kResponse, 240, {"29.10.18: Jacqui"});
        cell(p1, kStatus, 240, {"On-going"});
        cell(p1, kMin, 280, {"100."});
        cell(p1, kTitle, 280, {"Participation"});
        cell(p1, kOfficer, 280, {"Kate Knight and", "Claire Betteridge"});
        cell(p1, kAction, 280, {"To remind social"});
        cell(p1, kStatus, 280, {"Open"});
        // A post is never split into people, nor made one.
        cell(p1, kMin, 320, {"101."});
        cell(p1, kTitle, 320, {"Virtual School"});
        cell(p1, kOfficer, 320, {"Head of Service,", "Children and", "Families"});
        cell(p1, kAction, 320, {"To include this"});
        cell(p1, kStatus, 320, {"Closed"});
        out.push_back({"multi-line cells",
                       {page(1, p1)},
                       {"2016-11-08|221|Finance and Performance|Wendi Ogle-Welbourn|No longer "
                        "required|complete|1",
                        "2016-11-08|9|Finance and Performance|Dee Revens/Richenda Greenhill|In "
                        "progress|open|1",
                        "2016-11-08|58|Training Plan|Jacqui Barry/Aidan O'Reilly|On-going|open|1",
                        "2016-11-08|100|Participation|Kate Knight/Claire Betteridge|Open|open|1",
                        "2016-11-08|101|Virtual School|Head of Service, Children and "
                        "Families|Closed|complete|1"}});
    }
    {
        // A row after a minutes heading, with no number, has none: the row
        // above belongs to other minutes.
        std::vector<Placed> p1 = {{kMin, 60, "Action Log"},
                                  {kMin, 80, "Minutes - 16 November 2022"}};
        p1.push_back({kTitle, 100, "Report title"});
        p1.push_back({kOfficer, 100, "Officer"});
        p1.push_back({kAction, 100, "Action"});
        p1.push_back({kResponse, 100, "Update"});
        p1.push_back({kStatus, 100, "Status"});
        cell(p1, kMin, 120, {"61."});
        cell(p1, kTitle, 120, {"Sub-Committee", "Workshop"});
        cell(p1, kOfficer, 120, {"Louisa Kay"});
        cell(p1, kAction, 120, {"To consider the"});
        cell(p1, kResponse, 120, {"22.06.23: Online"});
        cell(p1, kStatus, 120, {"On-going"});
        p1.push_back({kMin, 160, "Minutes - 29 March 2023"});
        cell(p1, kOfficer, 180, {"Katie Liddle"});
        cell(p1, kAction, 180, {"The Designated", "Nurse offered"});
        cell(p1, kResponse, 180, {"22.06.23: Results"});
        cell(p1, kStatus, 180, {"On-going"});
        out.push_back({"a numberless row under a new minutes heading",
                       {page(1, p1)},
                       {"2022-11-16|61|Sub-Committee Workshop|Louisa Kay|On-going|open|1",
                        "2023-03-29|||Katie Liddle|On-going|open|1"}});
    }
    {
        // Rows drawn with other widths, or with their cells run together.
        std::vector<Placed> p1 = {
            {kMin, 60, "Minutes-Action Log"}, {kMin, 80, "Minutes of 12"}, {kMin, 89, "June 2017"}};
        cell(p1, kMin, 110, {"10."});
        cell(p1, kTitle, 110, {"Appointments to", "Internal Advisory"});
        cell(p1, kOfficer, 110, {"Richenda", "Greenhill"});
        cell(p1, kAction, 110, {"To circulate"});
        cell(p1, kResponse, 110, {"circulated by"});
        cell(p1, kStatus, 110, {"In progress"});
        // A table of three columns: officer, action, status.
        cell(p1, kMin, 150, {"Meredith Teasdale"});
        cell(p1, kOfficer, 150, {"To confirm whether the", "Board was"});
        cell(p1, kResponse, 150, {"In progress"});
        // A table of five columns, no minute: title, officer, action, response, status.
        cell(p1, kMin, 190, {"Delivering the", "Extended"});
        cell(p1, 159, 190, {"Sam Surtees"});
        cell(p1, 255, 190, {"To provide Members"});
        cell(p1, 352, 190, {"O2.06.17: The"});
        cell(p1, 448, 190, {"Completed"});
        // Title, officers and action run together in the first cell.
        cell(p1, kMin, 230,
             {"7. Free School Proposals Hazel Belchamber/ Richenda", "Greenhill Output"});
        cell(p1, kAction, 230, {"Completed"});
        cell(p1, kMin, 260, {"8."});
        cell(p1, kTitle, 260, {"Charging for"});
        cell(p1, kOfficer, 260, {"Hazel Belchamber"});
        cell(p1, kAction, 260, {"To bring the"});
        cell(p1, kResponse, 260, {"27.06.17: This"});
        cell(p1, kStatus, 260, {"Completed"});
        out.push_back({"rows that fit no grid are read by their content",
                       {page(1, p1)},
                       {"2017-06-12|10|Appointments to Internal Advisory|Richenda Greenhill|In "
                        "progress|open|1",
                        "2017-06-12|10|Appointments to Internal Advisory|Meredith Teasdale|In "
                        "progress|open|1",
                        "2017-06-12||Delivering the Extended|Sam Surtees|Completed|complete|1",
                        "2017-06-12|7|Free School Proposals|Hazel Belchamber/Richenda "
                        "Greenhill|Completed|complete|1",
                        "2017-06-12|8|Charging for|Hazel Belchamber|Completed|complete|1"}});
    }
    {
        // A scanned log: OCR reads the borders as "|" (alone or stuck to a
        // word) and blank words, and lost the first row's number; the grid
        // comes from a full row on the next page.
        std::vector<Placed> p1 = {
            {kMin, 20, "CORPORATE PARENTING SUB-COMMITTEE"},
            {kMin, 40, "Minutes-Action Log"},
            {kMin, 55, "Summary"},
            {kMin, 70, "The Action Log is a list of all of the things that people have been"},
            {kMin, 80, "asked to do at earlier meetings."},
            {kMin, 90, "Minutes of 13 December 2017"}};
        p1.push_back({56, 100, " "});
        p1.push_back({137, 100, "|"});
        cell(p1, kTitle, 110, {"Young People's", "Participation"});
        cell(p1, kOfficer, 110, {"Sarah-Jane", "Smedmor/", "Richenda", "Greenhill"});
        cell(p1, kAction, 110, {"To provide advice"});
        cell(p1, kResponse, 110, {"08.01.18: The"});
        cell(p1, kStatus - 4, 110, {"|No longer", "required"});
        std::vector<Placed> p2 = {{kMin, 50, "Minutes of the meeting on 19 September 2018"}};
        cell(p2, kMin, 70, {"53."});
        cell(p2, kTitle, 70, {"Child and"});
        cell(p2, kOfficer, 70, {"Pam Parker"});
        cell(p2, kAction, 70, {"To try to"});
        cell(p2, kResponse, 70, {"21.11.18: A Task"});
        cell(p2, kStatus, 70, {"On-going"});
        out.push_back({"a scanned table with border marks and a lost number",
                       {page(1, p1), page(2, p2)},
                       {"2017-12-13||Young People's Participation|Sarah-Jane Smedmor/Richenda "
                        "Greenhill|No longer required|complete|1",
                        "2018-09-19|53|Child and|Pam Parker|On-going|open|2"}});
    }
    return out;
}

}  // namespace

TEST_CASE("action log rows are read from the table's word boxes", "[actions]") {
    for (const auto& c : cases()) {
        INFO(c.name);
        CHECK(rows_of(c.pages) == c.rows);
    }
}

TEST_CASE("the log's introduction and the part before it give no rows", "[actions]") {
    std::vector<Placed> p1 = {
        {kMin, 40, "105. AGENDA PLAN"},
        {kMin, 60, "Minutes-Action Log"},
        {kMin, 80, "The Action Log is a list of all of the things that people have been asked"}};
    cell(p1, kMin, 110, {"99."});
    cell(p1, kTitle, 110, {"Action Log"});
    cell(p1, kOfficer, 110, {"Pam Parker"});
    cell(p1, kAction, 110, {"To circulate dates"});
    cell(p1, kResponse, 110, {"28.06.19: Sent"});
    cell(p1, kStatus, 110, {"Complete"});
    CHECK(rows_of({page(1, p1)}) ==
          std::vector<std::string>{"|99|Action Log|Pam Parker|Complete|complete|1"});
}

TEST_CASE("an action's minutes date comes from the pack's own minutes when they hold its item",
          "[actions]") {
    PageText minutes;
    minutes.number = 1;
    minutes.text =
        "Children and Young People Committee: Minutes\nDate: Monday 12 June 2017\n\n"
        "3. MINUTES OF THE MEETING ON 14 MARCH 2017 AND ACTION LOG\nIt was resolved to note the "
        "Action Log.\n\n"
        "4. PETITIONS\nIt was resolved to note the petition.\n";
    // The log prints minute 4 under the heading of older minutes.
    std::vector<Placed> p2 = {{kMin, 60, "Minutes-Action Log"},
                              {kMin, 80, "Minutes of 8 November 2016"}};
    cell(p2, kMin, 110, {"221."});
    cell(p2, kTitle, 110, {"Finance"});
    cell(p2, kOfficer, 110, {"Wendi", "Ogle-Welbourn"});
    cell(p2, kAction, 110, {"To look at"});
    cell(p2, kResponse, 110, {"31.05.17: Report"});
    cell(p2, kStatus, 110, {"In progress"});
    cell(p2, kMin, 150, {"4."});
    cell(p2, kTitle, 150, {"Petitions"});
    cell(p2, kOfficer, 150, {"Clare", "Buckingham"});
    cell(p2, kAction, 150, {"To produce a"});
    cell(p2, kResponse, 150, {"26.06.17: The"});
    cell(p2, kStatus, 150, {"Completed"});
    CHECK(rows_of({minutes, page(2, p2)}) ==
          std::vector<std::string>{"2016-11-08|221|Finance|Wendi Ogle-Welbourn|In progress|open|2",
                                   "2017-06-12|4|Petitions|Clare Buckingham|Completed|complete|2"});
}
