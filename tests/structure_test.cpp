// Recognisers of committee-paper structure, on lines taken from the papers.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <regex>
#include <string>
#include <vector>

#include "indexer/passages.h"
#include "indexer/structure.h"
#include "indexer/structure_internal.h"
#include "text_pages.h"

using namespace minutebook;
using namespace minutebook::structure;
using minutebook::test::pages_of;

TEST_CASE("minute headings are read in every printed style", "[structure]") {
    struct Case {
        const char* line;
        const char* number;
        const char* title;
    };
    static const Case cases[] = {
        {"231. Healthy Child Programme Commissioning Approach", "231", "Healthy Child Programme Commissioning Approach"},
        {"3. MINUTES OF THE MEETING ON 14 MARCH 2017 AND ACTION LOG", "3", "MINUTES OF THE MEETING ON 14 MARCH 2017 AND ACTION LOG"},
        {"96. NOTIFICATION OF CHAIRMAN/WOMAN AND VICE CHAIRMAN/WOMAN", "96", "NOTIFICATION OF CHAIRMAN/WOMAN AND VICE CHAIRMAN/WOMAN"},
        {"75. Minutes - 29th March 2023 and Minutes Action Log", "75", "Minutes - 29th March 2023 and Minutes Action Log"},
        {"73. Chair's Announcements", "73", "Chair's Announcements"},
        {"84.", "84", ""},  // Kent: the title stands beside the number in another text run
        {"88. 24/00108 - Revenue and Capital Budget Monitoring Report", "88", "24/00108 - Revenue and Capital Budget Monitoring Report"},
    };
    for (const auto& c : cases) {
        INFO(c.line);
        auto h = parse_minute_heading(c.line);
        REQUIRE(h);
        CHECK(h->number == c.number);
        CHECK(h->title == c.title);
    }
}

TEST_CASE("lines that are not minute headings are not read as ones", "[structure]") {
    static const char* cases[] = {
        "Page 5",
        "4.8 of the report and how",
        "• a) Approve the Consortium Agreement between Cambridgeshire and Peterborough",
        "2024/25 quarter 1 period, covering April 1st to June 30th.",
        "1. Mr R Gough, Leader of the Council provided an update on the following:",
        "12. a lower-case continuation of a sentence",
        "1.1 The Cambridgeshire Corporate Parenting Strategy aligns towards:",
        "5 - 18",
    };
    for (const char* line : cases) {
        INFO(line);
        CHECK_FALSE(parse_minute_heading(line));
    }
}

TEST_CASE("page footers are recognised", "[structure]") {
    CHECK(is_footer_line("Page 5"));
    CHECK(is_footer_line("Page 123"));
    CHECK(is_footer_line("17"));
    CHECK_FALSE(is_footer_line("Page 5 of the report"));
    CHECK_FALSE(is_footer_line("231."));
}

TEST_CASE("resolutions open on the phrases the minutes use", "[structure]") {
    static const char* opening[] = {
        "It was resolved unanimously to:",
        "It was resolved to note the report.",
        "It was resolved unanimously:",
        "It was resolved that:",
        "The minutes of the meeting on 10 September 2024 were approved as an accurate record.",
        "RESOLVED that the minutes of the meeting on 9 January 2025 were a correct record",
        "26) RESOLVED that the County Council:",
    };
    for (const char* line : opening) {
        INFO(line);
        CHECK(opens_resolution(line));
    }
    static const char* not_opening[] = {
        "Members noted that the website included information on the nursing offer",
        "The chair proposed the following minor amendments to the report recommendations which",
    };
    for (const char* line : not_opening) {
        INFO(line);
        CHECK_FALSE(opens_resolution(line));
    }
}

TEST_CASE("a resolution's first verb gives the decision kind", "[structure]") {
    struct Case {
        const char* text;
        const char* kind;
    };
    static const Case cases[] = {
        {"It was resolved unanimously to:\n• a) Approve the Consortium Agreement between Cambridgeshire", "approved"},
        {"The minutes of the meeting on 10 September 2024 were approved as an accurate record.", "approved"},
        {"RESOLVED that the minutes of the meeting on 9 January 2025 were a correct record", "approved"},
        {"It was resolved to note the report.", "noted"},
        {"It was resolved to note and comment on the Action Log.", "noted"},
        {"It was resolved to endorse:\n• a) the re-procurement of the following frameworks", "endorsed"},
        {"It was resolved to:\n• a) agree the agenda plan attached at Appendix A to the report.", "agreed"},
        {"It was resolved that:\na) the Committee agreed in principle the proposal", "agreed"},
        {"It was resolved to comment on the draft strategy.", "commented"},
        {"It was resolved to defer the decision to the next meeting.", "deferred"},
        {"It was resolved not to approve the proposal.", "rejected"},
        // Cambridgeshire CYP, 8 October 2024, minute 231: the verbs of a lettered
        // list's first item decide, however long the items are.
        {"It was resolved unanimously:\n- a) To commission a Universal 0-19 HCP including Health Visiting and "
         "School Nursing that follows national commissioning guidance, has a focus on improving outcomes and "
         "reducing inequalities and allows flexibility to adapt to local needs by working in place-based "
         "integrated teams with other local authority (Education, Social Care and Community), Public Health "
         "and NHS services.\n- b) For Cambridgeshire County Council (CCC) to enter into a Section 75 "
         "Partnering Arrangement\n- c) To agree the annual budget of £9,126,108",
         "approved"},
        {"It was resolved to adopt the Corporate Parenting Strategy.", "approved"},
        {"It was resolved to delegate authority to the Executive Director.", "agreed"},
        {"RESOLVED that Mr Cooke be elected to Chair the meeting.", "other"},
        {"It was resolved to note the Care Quality Commission report.", "noted"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(decision_kind(c.text) == c.kind);
    }
}

TEST_CASE("action statuses fold to open or complete", "[structure]") {
    struct Case {
        const char* printed;
        const char* folded;
    };
    static const Case cases[] = {
        {"Completed", "complete"}, {"Complete", "complete"}, {"Closed", "complete"},
        {"On-going", "open"},      {"Ongoing", "open"},      {"In progress", "open"},
        {"Action Required", "open"}, {"Not complete", "open"}, {"", ""},
        {"No longer required", "complete"}, {"See action 206", "open"},
        {"For report in November 2019", "open"}, {"Complete\n", "complete"},
    };
    for (const auto& c : cases) {
        INFO(c.printed);
        CHECK(std::string(to_string(fold_status(c.printed))) == c.folded);
    }
}

TEST_CASE("references to other minutes are found, dates are not", "[structure]") {
    CHECK(minute_references("subject to amending the final paragraph of Minute 270 to read") ==
          std::vector<std::string>{"270"});
    CHECK(minute_references("(Action Log minute 93 refers) and minute 58 above refers") ==
          std::vector<std::string>{"93", "58"});
    CHECK(minute_references("Minutes - 12 March 2024").empty());
}

TEST_CASE("labelled values are read whatever the case and spacing", "[structure]") {
    CHECK(labelled("From: Wendi Ogle-Welbourn", "From") == std::optional<std::string>("Wendi Ogle-Welbourn"));
    CHECK(labelled("Key decision : Yes", "Key decision") == std::optional<std::string>("Yes"));
    CHECK(labelled("Name:", "Name") == std::optional<std::string>(""));
    CHECK_FALSE(labelled("Fromage: none", "From"));
}

TEST_CASE("minutes date wins over the pack date", "[structure]") {
    auto doc = understand(pages_of({
        "CHILDREN AND YOUNG PEOPLE COMMITTEE\nTuesday, 26 November 2024\n14:00\nAGENDA\n"
        "1. Apologies for absence and declarations of interest\n2. Children and Young People Committee Minutes - 8 October 2024 5 - 18\n",
        "Children and Young People Committee: Minutes\nDate: 8 October 2024\nTime: 2.00 pm - 4.35 pm\n"
        "Present: Councillors Bradnam, Goodliffe (Chair) and Taylor.\n\n"
        "228. Apologies for absence and declarations of interest\nThere were no declarations of interest.\n\n"
        "229. Minutes - 10 September 2024 and minutes action log\n"
        "The minutes of the meeting on 10 September 2024 were approved as an accurate record.\n\n"
        "230. Music Education Hub Funding Consortium Agreement\nThe committee received a report.\n"
        "It was resolved unanimously to:\n• a) Approve the Consortium Agreement.\n",
    }));
    REQUIRE(doc.meeting);
    CHECK(doc.meeting->date == "2024-11-26");
    REQUIRE(doc.minutes.size() == 1);
    CHECK(doc.minutes[0].meeting.date == "2024-10-08");
    REQUIRE(doc.minutes[0].items.size() == 3);
    const MinuteItem& item = doc.minutes[0].items[2];
    CHECK(item.number == "230");
    CHECK(item.first_page == 2);
    REQUIRE(item.resolution);
    CHECK(item.resolution->kind == "approved");
    CHECK(item.resolution->points == std::vector<std::string>{"a) Approve the Consortium Agreement."});
    CHECK(doc.minutes[0].items[1].resolution->kind == "approved");
}

TEST_CASE("a numbered list inside a report is not a minute item", "[structure]") {
    auto doc = understand(pages_of({
        "Corporate Parenting Strategy 2023-2028\nTo: Children and Young People Committee\n"
        "Meeting Date: 26 November 2024\nFrom: Executive Director: Children, Education & Families\n"
        "Key decision: Yes\nForward Plan ref: 2024/039\n\n"
        "1. Creating a greener, fairer and more caring Cambridgeshire\n2. Background\n3. Main Issues\n",
    }));
    CHECK(doc.minutes.empty());
    REQUIRE(doc.reports.size() == 1);
    const Report& r = doc.reports[0];
    CHECK(r.title == "Corporate Parenting Strategy 2023-2028");
    CHECK(r.key_decision == std::optional<bool>(true));
    CHECK(r.forward_plan == "2024/039");
    CHECK(r.meeting_date == "2024-11-26");
    // A post is never an officer.
    CHECK(r.officers.empty());
}

TEST_CASE("a document with no recognisable structure stays plain pages", "[structure]") {
    auto pages = pages_of({"PART A: CONTEXTUAL INFORMATION\n1. Key Personnel in post\nJob Title\n",
                           "Some prose about services.\nPage 2\n"});
    CHECK(understand(pages).empty());
    auto passages = make_passages(FileInfo{"a.pdf", "abc"}, pages);
    REQUIRE(passages.size() == 2);
    for (const auto& p : passages) CHECK(p.type == PassageType::kPage);
}

TEST_CASE("minute passages have keys from committee, date and number", "[structure]") {
    auto pages = pages_of({
        "Children and Young People Committee: Minutes\nDate: 8 October 2024\n\n"
        "231. Healthy Child Programme Commissioning Approach\nThe committee received a report.\n"
        "It was resolved to note the report.\n",
    });
    auto a = make_passages(FileInfo{"one.pdf", "111"}, pages);
    auto b = make_passages(FileInfo{"two.pdf", "222"}, pages);
    REQUIRE(!a.empty());
    REQUIRE(a.size() == b.size());
    const Passage& p = a.front();
    CHECK(p.type == PassageType::kMinute);
    CHECK(p.key == "minute/children-and-young-people-committee/2024-10-08/231");
    CHECK(p.key == b.front().key);
    CHECK(p.minute == std::optional<std::string>("231"));
    CHECK(p.meeting_date == std::optional<std::string>("2024-10-08"));
    REQUIRE(p.decision);
    CHECK(p.decision->kind == "noted");
    CHECK(p.locations.front().pages == std::vector<int>{1});
}

TEST_CASE("a pattern tried only where its opening word stands finds what the regex iterator finds", "[structure]") {
    struct Case {
        const char* pattern;
        bool icase;
        std::initializer_list<std::string_view> openings;
        const char* text;
    };
    static const Case cases[] = {
        {R"(\b(?:Councillor|Cllr\.?)\s+((?:[A-Z][a-z]+\s+|[A-Z]\s+)?[A-Z][A-Za-z'\-]+))", false, {"Councillor", "Cllr"},
         "Councillor S Bywater and Cllr. Goodliffe agreed; ExCouncillor Nobody and Councillors Smith did not. Cllr"},
        {R"(\b(?:Mr|Mrs|Ms|Miss|Dr)\s+(?:[A-Z]\s+){0,3}[A-Z][a-z][A-Za-z'\-]+)", false, {"Mr", "Ms", "Miss", "Dr"},
         "Mrs J Smith, Mr Jones, Dr A B Clarke-Hill, Miss Ogle; MrX Y and Drive Home; Mr"},
        {R"(\bminutes?\s+(?:no\.?\s*)?(\d{1,4})(?:\s+and\s+(\d{1,4}))?\b)", true, {"minute"},
         "Minute 270 and MINUTES 12 and 13, minute no. 58 above, aminute 4, minutes 12 March, minute"},
        {R"(\bminutes?\s+(\d+))", true, {"minute"}, ""},
    };
    for (const auto& c : cases) {
        INFO(c.pattern << " in: " << c.text);
        const std::regex re(c.pattern, c.icase ? std::regex::icase : std::regex::ECMAScript);
        const std::string text = c.text;
        std::vector<std::string> expected, found;
        for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
            expected.push_back(std::to_string(it->position(0)) + ":" + it->str());
        }
        for_each_match(text, re, c.openings, c.icase, [&](const std::smatch& m) {
            found.push_back(std::to_string(m[0].first - text.begin()) + ":" + m.str());
        });
        CHECK(found == expected);
    }
}

TEST_CASE("case is ignored in ASCII letters only when looking for a word", "[structure]") {
    CHECK(find_ci("It was RESOLVED to", "resolved") == 7);
    CHECK(find_ci("resolved, resolved", "Resolved", 1) == 10);
    CHECK(find_ci("résolu", "RÉSOLU") == std::string_view::npos);
    CHECK(starts_with_ci("MINUTES of a meeting", "minutes of"));
    CHECK_FALSE(starts_with_ci("Minute", "minutes"));
    CHECK(ends_with_ci("Minutes - Action LOG", "action log"));
    CHECK_FALSE(ends_with_ci("log", "action log"));
}

TEST_CASE("minutes open with their sentence or heading, whatever the case", "[structure]") {
    struct Case {
        const char* line;
        bool starts;
    };
    static const Case cases[] = {
        {"MINUTES of a meeting of the Cabinet held in the Council Chamber", true},
        {"Minutes of the meeting of Kent County Council", true},
        {"minutes of the meeting of", true},
        {"Minutes of the meeting offered", false},
        {"Minutes of a meeting_of the Cabinet", false},
        {"Draft minutes of a meeting of the Cabinet", false},
    };
    for (const auto& c : cases) {
        INFO(c.line);
        CHECK(starts_minutes(make_stream(pages_of({c.line})), 0) == c.starts);
    }
}

// Page passages cut a long first line, or a long page without line ends,
// inside a character, and the passage's data could not be written as JSON:
// the file failed to index (fuzz/regressions/structure).
TEST_CASE("page passages are cut between characters", "[passages]") {
    auto repeat = [](const std::string& s, int n) {
        std::string out;
        for (int i = 0; i < n; ++i) out += s;
        return out;
    };
    const std::string e_acute = "\xC3\xA9";
    struct Case {
        std::string page;
        std::vector<std::string> titles;  // of the passages, in order
    };
    const Case cases[] = {
        {std::string(116, 'a') + repeat(e_acute, 10) + "\nsecond line", {std::string(116, 'a') + "..."}},
        // 6,000 bytes a passage at most: 5,999 and 1,002.
        {"a" + repeat(e_acute, 3500), {"a" + repeat(e_acute, 58) + "...", repeat(e_acute, 58) + "..."}},
    };
    for (const Case& c : cases) {
        auto passages = page_passages(FileInfo{"f.pdf", "id"}, pages_of({c.page}));
        std::vector<std::string> titles;
        std::string joined;
        for (const auto& p : passages) {
            titles.push_back(p.title);
            joined += p.text;
            CHECK_NOTHROW(to_document_data(p));
        }
        CHECK(titles == c.titles);
        CHECK(joined == c.page);
    }
}

// Item labels as printed by Garelochhead Community Council (GCC), Suffolk
// Libraries (SL), Kent County Council and Cambridgeshire: the shapes hold
// in the papers of two bodies at least.
TEST_CASE("the header of minutes gives the meeting's body and date, not another date", "[structure][councils]") {
    struct Case {
        const char* page;
        const char* committee;  // nullptr: not a minutes header
        const char* date;
    };
    static const Case cases[] = {
        // GCC 2016-10-25, 2017-10-24
        {"MINUTES for the\nGarelochhead Community Council public meeting\nheld in Church Hall, Garelochhead\non Tuesday 24th October 2017\nMembers Present:",
         "Garelochhead Community Council", "2017-10-24"},
        {"FINAL ADOPTED Minutes for the Garelochhead Community Council meeting\nHeld virtually owing to COVID-19 restrictions at 1900hrs on 16th March 2021",
         "Garelochhead Community Council", "2021-03-16"},
        // Lincoln Township Board, Lincoln Township Planning Commission
        {"Lincoln Township\nBoard Meeting Minutes (unapproved)\nApril 10, 2018\nThe regular meeting of the Lincoln Township Board was called to order by the Supervisor at 7:00 pm,",
         "Lincoln Township Board", "2018-04-10"},
        {"Lincoln Township \u2013 Midland County\nPlanning Commission\nReid Duford \u2013 Secretary\nJanuary 7, 2020\nThe meeting of the Lincoln Township Planning Commission was called to order by Chairperson Sheila",
         "Lincoln Township Planning Commission", "2020-01-07"},
        {"LINCOLN TOWNSHIP BOARD\nBUDGET WORKSHOP MEETING MINUTES\nMarch 19, 2019", "LINCOLN TOWNSHIP BOARD", "2019-03-19"},
        // Not the meeting's date: the next meeting's.
        {"Minutes of the Annual Meeting\nDate of next meeting: 12 June 2019\nheld on Tuesday 12th May 2015", "", "2015-05-12"},
        // A name before a dash (Suffolk Libraries 2013-03-26, 2016-10-27; the parish form).
        {"BOARD MEETING MINUTES\nTitle of Meeting\nDate\nSuffolk Libraries IPS - Board Meeting\n26th March 2013",
         "Suffolk Libraries Board", "2013-03-26"},
        {"Newtown Parish Council \u2013 Minutes of the Meeting held 3rd March 2015", "Newtown Parish Council", "2015-03-03"},
        // An organisation's annual general meeting (Suffolk Libraries 2015-09-10).
        {"ANNUAL GENERAL MEETING MINUTES\nTitle of Meeting\nSuffolk\u2019s Libraries IPS Ltd. - AGM\n10th September 2015",
         "Suffolk\u2019s Libraries Annual General Meeting", "2015-09-10"},
        // A long tagline broken over two lines names another body.
        {"OPEN BOARD MEETING MINUTES\nThe Industrial & Provident Society Limited enabling county-wide library services supported by Suffolk County\nCouncil\n27th October 2016",
         "", "2016-10-27"},
        // Chicago SSA #21 2018-01-29: the venue is no body.
        {"Commission Meeting Minutes\nMinutes from Monday, January 29, 2018 \u2013 9:00am at Carbon Arc Bar & Board", "",
         "2018-01-29"},
        // Not minutes: an agenda (GCC 2021-08-17), a page without a date.
        {"Garelochhead Community Council Public Meeting Agenda\nTuesday 17th August 2021\n2. Minutes and actions from June 15th",
         nullptr, nullptr},
        {"AGENDA\nCity Council\n1. Approval of minutes of January 10, 2023", nullptr, nullptr},
        {"Minutes of the Board\nPresent: A Smith", nullptr, nullptr},
    };
    for (const auto& c : cases) {
        INFO(c.page);
        TextStream s = make_stream(pages_of({c.page}));
        auto h = read_minutes_header(s, 0);
        if (!c.committee) {
            CHECK(!h);
            continue;
        }
        REQUIRE(h);
        CHECK(h->committee == c.committee);
        CHECK(h->date == c.date);
    }
}

TEST_CASE("the council is the committee's name up to its authority", "[structure][councils]") {
    CHECK(council_of("Garelochhead Community Council") == "Garelochhead Community Council");
    CHECK(council_of("Lincoln Township Board") == "Lincoln Township");
    CHECK(council_of("Lincoln Township Planning Commission") == "Lincoln Township");
    CHECK(council_of("City of Springfield Planning Commission") == "City of Springfield");
    CHECK(council_of("Suffolk Libraries Board") == "Suffolk Libraries");
    CHECK(council_of("Suffolk Libraries Annual General Meeting") == "Suffolk Libraries");
    CHECK(council_of("Cabinet") == "");
    CHECK(council_of("Children and Young People Committee") == "");
}

namespace {

// A page with word boxes: each line at its baseline y, words 30 points apart.
PageText page_with_lines(int number, const std::vector<std::pair<double, std::string>>& lines) {
    PageText p;
    p.number = number;
    for (const auto& [y, text] : lines) {
        p.text += text + "\n";
        double x = 50;
        size_t i = 0;
        while (i < text.size()) {
            size_t j = text.find(' ', i);
            if (j == std::string::npos) j = text.size();
            if (j > i) p.words.push_back(Word{text.substr(i, j - i), x, y, x + 25, y + 12});
            x += 30;
            i = j + 1;
        }
    }
    return p;
}

// The titles of a set of minutes' items, in order.
std::vector<std::string> item_titles(const Minutes& m) {
    std::vector<std::string> titles;
    for (const auto& item : m.items) titles.push_back(item.title);
    return titles;
}

}  // namespace

// Lincoln Township Board 2018-04-10 and Lincoln Township Planning Commission
// 2020-07-21: minutes in paragraphs, 13.8 points apart inside a paragraph
// and twice that between them, closed by the clerk's signature.
TEST_CASE("minutes without headings are itemised paragraph by paragraph", "[structure][councils]") {
    PageText page = page_with_lines(
        1, {{36, "Lincoln Township"},
            {50, "Board Meeting Minutes (unapproved)"},
            {64, "April 10, 2018"},
            {91, "The regular meeting of the Lincoln Township Board was called to order by the Supervisor at 7:00 pm,"},
            {105, "with Ensign, Wray, Trinklein, Duford, Crockett, and 12 guests present."},
            {133, "The agenda was approved after motion by Ensign and second by Crockett."},
            {160, "Public comments were heard and correspondence was read."},
            {188, "New Business:"},
            {202, "Site plan review for Mike Fountain at 1234 Main Road was approved 5-0."},
            {229, "Meeting was adjourned at 7:34 pm by Supervisor Wray."},
            {257, "________________________________________"},
            {271, "Mark Trinklein, Lincoln Township Clerk"},
            {298, "I, the undersigned, do hereby certify that the foregoing is a true and complete copy"}});
    DocumentStructure d = understand({page});
    REQUIRE(d.minutes.size() == 1);
    const Minutes& m = d.minutes.front();
    CHECK(m.meeting.committee == "Lincoln Township Board");
    CHECK(m.meeting.council == "Lincoln Township");
    CHECK(m.meeting.date == "2018-04-10");
    std::vector<std::string> titles = item_titles(m);
    std::vector<std::string> want = {
        "The regular meeting of the Lincoln Township Board was called to order by the Supervisor at 7:00 pm,",
        "The agenda was approved after motion by Ensign and second by Crockett.",
        "Public comments were heard and correspondence was read.",
        "New Business:",
        "Site plan review for Mike Fountain at 1234 Main Road was approved 5-0.",
        "Meeting was adjourned at 7:34 pm by Supervisor Wray."};
    CHECK(titles == want);
    REQUIRE(m.items.size() == want.size());
    CHECK(m.items[0].body == "with Ensign, Wray, Trinklein, Duford, Crockett, and 12 guests present.");
    CHECK(m.items[0].number.empty());
}

// Garelochhead Community Council 2014-02-18 (pp. 1-2): paragraphs after the
// lists of who was there, a heading of its own over the paragraphs of its
// business, and the date of the next meeting in capitals. Lincoln Township
// Planning Commission 2020-01-07 (p. 1): "Old Business: None" carries its own
// business and heads nothing below it.
TEST_CASE("paragraph minutes: attendance lists first, headings over their paragraphs", "[structure][councils]") {
    PageText page = page_with_lines(
        1, {{73, "MEETING of Garelochhead Community Council held at Centre 81, Garelochhead on"},
            {87, "Tuesday 18 February 2014"},
            {114, "PRESENT:"},
            {142, "Colin Taylor, Convenor"},
            {156, "Margaret Stratton, Treasurer"},
            {183, "APOLOGIES: Amanda McMillan Member"},
            {211, "Tam Ward ) Presentation on"},
            {225, "Sandra Kelly ) Beach litter"},
            {266, "Discussion on appointment of remaining Office bearers but as no nominations were put"},
            {280, "forward for the positions of Secretary and Minute Secretary."},
            {307, "Acceptance of the Minutes of the last Meeting held on 29th May 2013 was then proposed by"},
            {321, "the Convenor, seconded by Martin Croft."},
            {349, "Rosneath Peninsula and Gare Loch Beach Litter Monitoring"},
            {377, "Mr Ward then presented his report on the above (copy previously provided to all members)."},
            {404, "Mr Ward and Miss Kelly then left the meeting."},
            {432, "Old Business: None"},
            {460, "The next meeting is scheduled for March 3, 2014."},
            {488, "DATE OF NEXT MEETING : TUESDAY 4TH MARCH 2014 AT 7.00 PM IN"},
            {502, "CENTRE 81, GARELOCHHEAD."},
            {530, "Items for Agenda to Convenor as soon as possible, please."}});
    DocumentStructure d = understand({page});
    REQUIRE(d.minutes.size() == 1);
    const Minutes& m = d.minutes.front();
    CHECK(m.meeting.date == "2014-02-18");
    std::vector<std::string> titles = item_titles(m);
    std::vector<std::string> want = {
        "Discussion on appointment of remaining Office bearers but as no nominations were put",
        "Acceptance of the Minutes of the last Meeting held on 29th May 2013 was then proposed by",
        "Rosneath Peninsula and Gare Loch Beach Litter Monitoring", "Old Business: None",
        "The next meeting is scheduled for March 3, 2014.",
        "DATE OF NEXT MEETING : TUESDAY 4TH MARCH 2014 AT 7.00 PM IN"};
    CHECK(titles == want);
    REQUIRE(m.items.size() == want.size());
    CHECK(m.items[2].body ==
          "Mr Ward then presented his report on the above (copy previously provided to all members).\n"
          "Mr Ward and Miss Kelly then left the meeting.");
    CHECK(m.items[5].body == "CENTRE 81, GARELOCHHEAD.\nItems for Agenda to Convenor as soon as possible, please.");
}

// Lincoln Township Planning Commission 2019-04-02 (p. 1): the adjournment and
// the next meeting's date stand side by side on one line, far apart.
TEST_CASE("two paragraphs side by side on one line are two items", "[structure][councils]") {
    PageText page = page_with_lines(
        1, {{36, "Planning Commission Minutes"},
            {64, "April 2, 2019"},
            {91, "The meeting of the Lincoln Township Planning Commission was called to order by Chairperson Sheila"},
            {105, "Mesler at 6:30 pm."},
            {133, "Roll call was taken: Sheila Mesler, Sue Ensign, David Dauer, Andrew Acker, and Jamie Crockett"},
            {147, "(alternate), were present."},
            {119 + 56, "Old Business: None"},
            {203, "The meeting adjourned at 7:20 pm."}});
    // The next meeting's sentence, 150 points to the right of the full stop.
    double x = page.words.back().x1 + 150;
    for (std::string w : {"The", "next", "meeting", "is", "scheduled", "for", "June", "4,", "2019"}) {
        page.words.push_back(Word{w, x, 203, x + 25, 215});
        x += 30;
    }
    DocumentStructure d = understand({page});
    REQUIRE(d.minutes.size() == 1);
    std::vector<std::string> titles = item_titles(d.minutes.front());
    std::vector<std::string> want = {
        "The meeting of the Lincoln Township Planning Commission was called to order by Chairperson Sheila",
        "Roll call was taken: Sheila Mesler, Sue Ensign, David Dauer, Andrew Acker, and Jamie Crockett",
        "Old Business: None", "The meeting adjourned at 7:20 pm.",
        "The next meeting is scheduled for June 4, 2019"};
    CHECK(titles == want);
}

// Paragraphs that are not sentences (lists, tables, bullet points) are not
// paragraph minutes.
TEST_CASE("a minutes header over lists is not read as paragraph minutes", "[structure][councils]") {
    PageText page = page_with_lines(
        1, {{73, "MEETING of Garelochhead Community Council held at Centre 81, Garelochhead on"},
            {87, "Tuesday 18 February 2014"},
            {114, "Roads and paths"},
            {142, "Bus shelter"},
            {170, "Hall lettings"},
            {198, "Grants"}});
    DocumentStructure d = understand({page});
    REQUIRE(d.minutes.size() == 1);
    CHECK(d.minutes.front().items.empty());
}

TEST_CASE("unnumbered minute items and numbers printed twice keep keys of their own", "[structure][councils]") {
    PageText page = page_with_lines(
        1, {{36, "Lincoln Township"},
            {50, "Board Meeting Minutes (unapproved)"},
            {64, "April 10, 2018"},
            {91, "The regular meeting of the Lincoln Township Board was called to order."},
            {119, "The agenda was approved after motion by Ensign and second by Crockett."},
            {147, "Meeting was adjourned at 7:34 pm by Supervisor Wray."}});
    auto passages = make_passages(FileInfo{"minutes.pdf", "abc"}, {page});
    std::vector<std::string> keys;
    for (const auto& p : passages) {
        if (p.type == PassageType::kMinute) keys.push_back(p.key);
    }
    std::vector<std::string> want = {
        "minute/lincoln-township/lincoln-township-board/2018-04-10/item-the-regular-meeting-of-the-lincoln-township-board-was-called",
        "minute/lincoln-township/lincoln-township-board/2018-04-10/item-the-agenda-was-approved-after-motion-by-ensign-and-second-by",
        "minute/lincoln-township/lincoln-township-board/2018-04-10/item-meeting-was-adjourned-at-7-34-pm-by-supervisor-wray"};
    CHECK(keys == want);  // the council's slug, then the committee's
    // Garelochhead Community Council 2019-06-16 prints item 3 twice.
    auto numbered = make_passages(FileInfo{"gcc.pdf", "def"},
                                  pages_of({"MINUTES for the Garelochhead Community Council meeting\n"
                                            "held in Church Hall, Garelochhead on Tuesday 16 June 2019\n"
                                            "2. Police reports\nNothing to report.\n"
                                            "3. Minutes of previous meetings\nAgreed.\n"
                                            "3. Follow up items\nNone.\n"
                                            "4. Committee Updates\nNone.\n"}));
    keys.clear();
    for (const auto& p : numbered) {
        if (p.type == PassageType::kMinute) keys.push_back(p.key);
    }
    want = {"minute/garelochhead-community-council/garelochhead-community-council/2019-06-16/2", "minute/garelochhead-community-council/garelochhead-community-council/2019-06-16/3",
            "minute/garelochhead-community-council/garelochhead-community-council/2019-06-16/3-2", "minute/garelochhead-community-council/garelochhead-community-council/2019-06-16/4"};
    CHECK(keys == want);
}

// Garelochhead Community Council 2021-03-16 (pp. 6-8) and 2021-08-17 (p. 7):
// after the last numbered item, business headed in the same bold type at
// the same indent but without a number.
TEST_CASE("unnumbered headings after the numbered items are items when set as they are", "[structure][councils]") {
    PageText page = page_with_lines(
        1, {{30, "FINAL ADOPTED Minutes for the Garelochhead Community Council meeting"},
            {44, "Held virtually owing to COVID-19 restrictions at 1900hrs on 16th March 2021"},
            {72, "1. Introductions and welcome"},
            {86, "Apologies \u2013 as above"},
            {114, "2. Minutes of previous meeting"},
            {128, "The minutes of the previous meeting were accepted."},
            {156, "3. Police Scotland & CMU reports"},
            {170, "Police Scotland report: see appendix"},
            {184, "Bold Aside In The Text"},
            {212, "AOB"},
            {226, "None."},
            {254, "Date of next meeting"},
            {268, "Next meeting will be held on 18th May 2021."}});
    auto bold = [&](const std::string& line) {
        for (auto& w : page.words) {
            if (line.find(w.text) != std::string::npos) w.bold = true;
        }
    };
    for (const char* heading : {"1. Introductions and welcome", "2. Minutes of previous meeting",
                                "3. Police Scotland & CMU reports", "AOB", "Date of next meeting"})
        bold(heading);
    // Bold but indented: not a heading.
    for (auto& w : page.words) {
        if (w.y0 == 184) {
            w.bold = true;
            w.x0 += 40;
        }
    }
    DocumentStructure d = understand({page});
    REQUIRE(d.minutes.size() == 1);
    std::string items;
    for (const auto& item : d.minutes.front().items) items += (item.number.empty() ? "-" : item.number) + " " + item.title + "|";
    CHECK(items == "1 Introductions and welcome|2 Minutes of previous meeting|3 Police Scotland & CMU reports|- AOB|- Date of next meeting|");
}

// A title cut for its key is cut between characters, never inside one.
TEST_CASE("the key of an unnumbered item is UTF-8 whatever its title", "[structure][councils]") {
    // 59 ASCII bytes, then a two-byte letter across the key's 60-byte cut.
    const std::string title = "The agenda was approved after motion by Ensigns, second by \u00c9mile Crockett.";
    REQUIRE(title.substr(0, 59).find('\xc3') == std::string::npos);
    REQUIRE(static_cast<unsigned char>(title[59]) == 0xc3);
    PageText page = page_with_lines(
        1, {{36, "Lincoln Township"},
            {50, "Board Meeting Minutes (unapproved)"},
            {64, "April 10, 2018"},
            {91, "The regular meeting of the Lincoln Township Board was called to order."},
            {119, title},
            {147, "Meeting was adjourned at 7:34 pm by Supervisor Wray."}});
    std::vector<std::string> keys;
    for (const auto& p : make_passages(FileInfo{"minutes.pdf", "abc"}, {page})) {
        if (p.type != PassageType::kMinute) continue;
        keys.push_back(p.key);
        CHECK_NOTHROW(nlohmann::json(p.key).dump());
    }
    REQUIRE(keys.size() == 3);
    CHECK(keys[1] == "minute/lincoln-township/lincoln-township-board/2018-04-10/item-the-agenda-was-approved-after-motion-by-ensigns-second-by");
}

TEST_CASE("an action's status has one name each way", "[structure][actions]") {
    for (ActionStatus s : {ActionStatus::kOpen, ActionStatus::kComplete}) CHECK(parse_action_status(to_string(s)) == s);
    CHECK(std::string(to_string(ActionStatus::kNotPrinted)).empty());
    CHECK_FALSE(parse_action_status("Completed"));
    CHECK_FALSE(parse_action_status(""));
}
