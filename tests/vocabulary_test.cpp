#include <catch2/catch.hpp>

#include "indexer/acronyms.h"
#include "indexer/vocabulary.h"

using namespace minutebook;

TEST_CASE("acronym definitions are read from real lines of the corpus", "[vocabulary][acronyms]") {
    struct Case {
        const char* line;
        const char* acronym;    // "" when the line defines none
        const char* expansion;
    };
    static const Case kCases[] = {
        {"the Multi Agency Safeguarding Hub (MASH) and the", "mash", "multi agency safeguarding hub"},
        {"with an Education, Health and Care Plan (EHCP) in place", "ehcp", "education health and care plan"},
        {"the number of Education, Health and Care Plans (EHCPs) issued", "ehcp", "education health and care plan"},
        {"Cambridgeshire and Peterborough Foundation Trust (CPFT) who were", "cpft",
         "cambridgeshire and peterborough foundation trust"},
        {"an integrated Healthy Child Programme (HCP) across both", "hcp", "healthy child programme"},
        {"funded by the Dedicated Schools Grant (DSG).", "dsg", "dedicated schools grant"},
        {"Multi-Agency Safeguarding Hub (MASH)", "mash", "multi agency safeguarding hub"},
        {"the contract was awarded to Ideal Building Solutions (IBS). Under", "ibs", "ideal building solutions"},
        {"Councillor Goodliffe (Chair)", "", ""},
        {"the report (Appendix A) sets out", "", ""},
        {"Children and Young People (CYP) Committee", "cyp", "children and young people"},
        {"Looked After Children (LAC)", "lac", "looked after children"},
        {"in Fenland (FDC)", "", ""},
    };
    for (const auto& c : kCases) {
        INFO(c.line);
        auto found = find_acronym_definitions(c.line);
        if (std::string(c.acronym).empty()) {
            CHECK(found.empty());
        } else {
            REQUIRE(found.size() == 1);
            CHECK(found[0].acronym == c.acronym);
            CHECK(found[0].expansion == c.expansion);
        }
    }
}

TEST_CASE("rare words one edit from a common word are taken for its misspellings", "[vocabulary][spelling]") {
    const std::map<std::string, unsigned> words = {
        {"accommodation", 26}, {"accomodation", 3},  // a letter dropped
        {"fostering", 52},     {"fsotering", 1},     // letters swapped
        {"placements", 40},    {"placementss", 1},   // a letter added
        {"committee", 300},    {"commitee", 2},
        {"barista", 1},        {"baristas", 1},      // both rare: neither corrects the other
        {"council", 200},      {"counsel", 2},       // two edits apart
        {"school", 100},       {"schol", 1},         // too short to judge
    };
    const std::map<std::string, std::string> expected = {
        {"accomodation", "accommodation"},
        {"fsotering", "fostering"},
        {"placementss", "placements"},
        {"commitee", "committee"},
    };
    CHECK(misspellings(words) == expected);
}

TEST_CASE("British spellings have their American pairs", "[vocabulary][synonyms]") {
    const auto& pairs = british_american_pairs();
    CHECK(pairs.at("programme") == "program");
    CHECK(pairs.at("centre") == "center");
    CHECK(pairs.at("councillor") == "councilor");
}
