// Minute item labels and the runs they form: the shapes councils number
// items with, the decoding of the run, and when a run is trusted.
#include <array>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "indexer/passages.h"
#include "indexer/structure.h"
#include "indexer/structure_internal.h"
#include "text_pages.h"

using namespace minutebook;
using namespace minutebook::structure;
using minutebook::test::pages_of;

TEST_CASE("minute item labels are read in the shapes councils number items with", "[structure][councils]") {
    struct Case {
        const char* line;
        const char* number;  // nullptr: not a label
        const char* title;
    };
    static const Case cases[] = {
        {"2. Police reports", "2", "Police reports"},                                 // GCC 2018, Cambridgeshire
        {"1.", "1", ""},                                                              // SL 2013, GCC 2017, Kent
        {"3. MATTERS ARISING:", "3", "MATTERS ARISING:"},                             // GCC 1999
        {"5a. Convenor\u2019s report", "5a", "Convenor\u2019s report"},               // GCC 2021-03, 2021-08
        {"8b Vice Convenor\u2019s report", "8b", "Vice Convenor\u2019s report"},      // GCC 2021-08
        {"5.0 Councillors\u2019 Updates", "5.0", "Councillors\u2019 Updates"},        // GCC 2019
        {"1.Introductions and welcome", "1", "Introductions and welcome"},            // GCC 2021-06, 2021-08
        {"231. Healthy Child Programme Commissioning Approach", "231", "Healthy Child Programme Commissioning Approach"},
        // Numbered within a month or a year (the shapes: a parish
        // council's year.month.item, number/year with or without a prefix).
        {"19.03.4 Planning applications", "19.03.4", "Planning applications"},
        {"21.01.02. Declarations of interest", "21.01.02", "Declarations of interest"},
        {"14/037: Minutes of the last meeting", "14/037", "Minutes of the last meeting"},
        {"FC 23/45 Budget 2024/25", "FC 23/45", "Budget 2024/25"},
        {"C/24/12 Allotments", "C/24/12", "Allotments"},
        // Not labels: sub-paragraphs, file numbers, counts, dates, sentences.
        {"3.2.1 The clerk reported", nullptr, nullptr},
        {"20/03/18 Email received from Melissa Stewart", nullptr, nullptr},  // GCC 2018
        {"17/01648/PP- Approved Erection of telecomm equipment", nullptr, nullptr},  // GCC 2018
        {"5.1 Mambeg Potholes - Cllr Barbara Morgan to follow up", nullptr, nullptr},  // GCC 2018
        {"3 Lochs Way", nullptr, nullptr},                                           // GCC 2021-08
        {"39 tickets have been sold for the Community Lottery", nullptr, nullptr},   // GCC 2021-08
        {"4 Nos Road Incidents \u2013 1 Nos Drink Driving", nullptr, nullptr},       // GCC 2018
        {"200310-000161 road adjacent to Creaggan", nullptr, nullptr},               // GCC 2021-03
        {"2019/20 capital roads budget but was delayed", nullptr, nullptr},          // GCC 2021-03
        {"7pm", nullptr, nullptr},
        {"1. Mr R Gough, Leader of the Council,", nullptr, nullptr},                 // Kent
        {"2. the minutes were agreed", nullptr, nullptr},
    };
    for (const auto& c : cases) {
        INFO(c.line);
        auto l = parse_item_label(c.line);
        if (!c.number) {
            CHECK(!l);
            continue;
        }
        REQUIRE(l);
        CHECK(l->number == c.number);
        CHECK(l->title == c.title);
    }
}

TEST_CASE("the items of minutes are the run of labels that follow one another", "[structure][councils]") {
    auto candidate = [](const char* line, double x) {
        auto l = parse_item_label(line);
        REQUIRE(l);
        return ItemCandidate{*l, heading_score(*l, l->title), x};
    };
    SECTION("a list numbered inside an item falls out (GCC 2017-10-24, pages 2-6)") {
        std::vector<ItemCandidate> c = {
            candidate("1. Introductions and welcome", 120.7), candidate("2. Minutes of previous meetings", 120.7),
            candidate("3. Police reports", 120.7), candidate("4. Committee updates", 126.8),
            candidate("1. Delays on Public Roadwork Network - Cairdow Community Council looking for Support", 110.5),
            candidate("2. Email distributed 02/10/17 to GCC Members regarding Rhu & Shandon CC: Laigh Balernock", 110.5),
            candidate("5. Fuel Poverty & Energy Awareness Training \u2013 Information received from Energy Action", 110.5),
            candidate("5. Councillors\u2019 Updates", 120.7), candidate("6. Questions from the Public", 120.7)};
        std::vector<size_t> want = {0, 1, 2, 3, 7, 8};
        CHECK(decode_item_sequence(c) == want);
    }
    SECTION("paragraphs numbered again in every item are not items (Kent 2025-01-09, page 1)") {
        std::vector<ItemCandidate> c = {
            candidate("283. Apologies for Absence", 53.8),
            candidate("1. Mr Gough proposed, and Mr Brady seconded that Mr G Cooke be", 89.8),
            candidate("2. RESOLVED that Mr Cooke be elected to Chair the meeting.", 89.8),
            candidate("284. Declarations of Disclosable Pecuniary Interests", 53.8),
            candidate("285. English Devolution White Paper", 53.8),
            candidate("1. The Leader noted the potential implications of being", 89.8),
            candidate("2. Mr Gough stressed the importance of establishing the right", 89.8),
            candidate("3. Mr Gough proposed, and Mr Oakford seconded the motion that", 89.8)};
        std::vector<size_t> want = {0, 3, 4};
        CHECK(decode_item_sequence(c) == want);
    }
    SECTION("items numbered within a month or year follow on, and a new one starts at 1") {
        std::vector<ItemCandidate> c = {candidate("19.03.4 Planning", -1), candidate("19.03.5 Finance", -1),
                                        candidate("19.04.1 Apologies", -1), candidate("19.04.2 Minutes", -1),
                                        candidate("14/037: Correspondence", -1), candidate("7. Any other business", -1)};
        std::vector<size_t> want = {0, 1, 2, 3};
        CHECK(decode_item_sequence(c) == want);
        std::vector<ItemCandidate> d = {candidate("14/037: Minutes", -1), candidate("14/038: Matters arising", -1),
                                        candidate("14/040: Planning", -1)};
        want = {0, 1, 2};
        CHECK(decode_item_sequence(d) == want);
    }
    SECTION("a number cited at the start of a paragraph is not a heading") {
        std::vector<ItemCandidate> c = {candidate("5. Matters arising", -1),
                                        candidate("6. Newtown Council has replied to the letter about the bus shelter and will repair it.", -1),
                                        candidate("6. Correspondence", -1), candidate("7. Planning", -1)};
        std::vector<size_t> want = {0, 2, 3};
        CHECK(decode_item_sequence(c) == want);
    }
    SECTION("letters go on from a number and back to the next (GCC 2021-03-16, 2021-08-17)") {
        std::vector<ItemCandidate> c = {candidate("4. Councillors\u2019 updates", -1), candidate("5a. Convenor\u2019s report", -1),
                                        candidate("5b. Vice Convenor", -1), candidate("6. AOB", -1)};
        std::vector<size_t> want = {0, 1, 2, 3};
        CHECK(decode_item_sequence(c) == want);
    }
}

namespace {

// The chain decode_item_sequence picks among `lines` (one per page, at one
// indent), and whether it is trusted.
std::pair<std::vector<std::string>, bool> decoded(const std::vector<std::string>& lines) {
    std::vector<ItemCandidate> candidates;
    for (const auto& line : lines) {
        auto label = parse_item_label(line);
        REQUIRE(label);
        candidates.push_back(ItemCandidate{*label, heading_score(*label, label->title), 50, 1});
    }
    const std::vector<size_t> chain = decode_item_sequence(candidates);
    std::vector<std::string> numbers;
    for (size_t c : chain) numbers.push_back(candidates[c].label.number);
    return {numbers, sequence_trusted(candidates, chain)};
}

}  // namespace

// Runs as printed: Kent County Council 2024-12-19 (270 to 282), Garelochhead
// Community Council 2018-03-20 (7 to 10), Suffolk Libraries 2013-03-26 (11
// to 13), Garelochhead 2021-03-16 (5a to 5i), Garelochhead 2019-06-16 (3
// printed twice). Untrusted: numbers cited or scattered, most steps a gap.
TEST_CASE("a run of minute numbers is trusted when most of its steps go to the next number",
          "[structure][sequence]") {
    struct Case {
        std::vector<std::string> lines;
        bool trusted;
    };
    const Case cases[] = {
        {{"270. Apologies and Substitutes", "271. Declarations of Interest", "272. Minutes",
          "273. Chairman's Announcements"}, true},
        {{"5. Treasurer's Report", "6. Planning", "7. Correspondence", "10. AOB", "11. Date of next meeting"}, true},
        {{"10. Finance report", "11. Any other business", "13. Date of next meeting"}, true},
        {{"4. Police Report", "5a. Roads", "5b. Planning", "5c. Community Hall", "5d. Website"}, true},
        {{"1. Welcome", "2. Apologies", "3. Minutes", "3. Matters Arising", "4. Police Report"}, true},
        // Two numbers: nothing to judge the run by.
        {{"8. Date of the next meeting", "9. Actions for follow-up"}, true},
        {{"3. Finance", "7. Highways", "12. Planning", "18. Library"}, false},
        {{"2. Parking", "5. Trees", "9. Footpaths", "10. Bins", "16. Lighting"}, false},
    };
    for (const auto& c : cases) {
        auto [numbers, trusted] = decoded(c.lines);
        INFO(c.lines.front() << " ... " << c.lines.back());
        CHECK(numbers.size() == c.lines.size());
        CHECK(trusted == c.trusted);
    }
}

TEST_CASE("minutes whose numbers do not run in sequence give no items and say why", "[structure][sequence]") {
    // A header the recognisers know, over four headings numbered as given.
    auto minutes = [](const std::array<int, 4>& numbers) {
        static const char* kItems[] = {"Finance\nThe balance was reported.", "Highways\nThe potholes were reported.",
                                       "Planning\nNo applications.", "Library\nOpening hours were discussed."};
        std::string text = "MINUTES of a meeting of the Finance Committee held at the Village Hall on 12 March 2024\n";
        for (size_t i = 0; i < numbers.size(); ++i) text += "\n" + std::to_string(numbers[i]) + ". " + kItems[i] + "\n";
        return pages_of({text});
    };
    const auto pages = minutes({3, 7, 12, 18});
    const DocumentStructure d = understand(pages);
    CHECK(d.minutes_finding == MinutesFinding::kBelowConfidence);
    for (const auto& m : d.minutes) CHECK(m.items.empty());
    FileFindings findings;
    const auto passages = make_passages(FileInfo{"finance.pdf", "f1"}, pages, &findings);
    CHECK(findings.pages_only == describe(MinutesFinding::kBelowConfidence));
    for (const auto& p : passages) CHECK(p.type == PassageType::kPage);

    // The same headings in sequence are items.
    const auto ordered = minutes({3, 4, 5, 6});
    const DocumentStructure o = understand(ordered);
    CHECK(o.minutes_finding == MinutesFinding::kItems);
    REQUIRE(o.minutes.size() == 1);
    CHECK(o.minutes[0].items.size() == 4);
    make_passages(FileInfo{"finance.pdf", "f2"}, ordered, &findings);
    CHECK(findings.pages_only.empty());
}

TEST_CASE("the reason a file gave no minute items has one name each way", "[structure]") {
    for (MinutesFinding f : kMinutesFindings) {
        CHECK(parse_minutes_finding(to_string(f)) == f);
        CHECK(std::string(describe(f)).empty() == (f == MinutesFinding::kItems));
    }
    CHECK_FALSE(parse_minutes_finding("below confidence"));
    // No header at all: a letter is known only as pages.
    FileFindings findings;
    make_passages(FileInfo{"letter.pdf", "l1"}, pages_of({"Dear Resident,\nThe bins are collected on Tuesdays.\n"}), &findings);
    CHECK(findings.pages_only == "no minutes header, agenda or report recognised");
}

