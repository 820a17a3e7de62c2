// Recognisers of committee-paper structure, on lines taken from the papers.
#include <catch2/catch.hpp>

#include <regex>
#include <string>
#include <vector>

#include "indexer/passages.h"
#include "indexer/structure.h"
#include "indexer/structure_internal.h"

using namespace minutebook;
using namespace minutebook::structure;

namespace {

// Pages made of text alone (no word boxes), one string per page.
std::vector<PageText> pages_of(const std::vector<std::string>& texts) {
    std::vector<PageText> pages;
    for (size_t i = 0; i < texts.size(); ++i) {
        PageText p;
        p.number = static_cast<int>(i) + 1;
        p.text = texts[i];
        pages.push_back(p);
    }
    return pages;
}

}  // namespace

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
        CHECK(fold_status(c.printed) == c.folded);
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
    for (const auto& p : passages) CHECK(p.type == "page");
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
    CHECK(p.type == "minute");
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
