#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "attendance_index.h"
#include "corpus_index.h"
#include "query/search.h"

using namespace minutebook;

namespace {

const char* kCyp2017 = "Agenda_reports_pack_11-Jul-2017_Children_and_Young_People_Committee.pdf";
const char* kCp2019 = "Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf";
const char* kCp2023 = "Agenda_reports_pack_15-Nov-2023_Corporate_Parenting_Sub-Committee.pdf";
const char* kCyp2024 = "Agenda_reports_pack_26-Nov-2024_Children_and_Young_People_Committee.pdf";
const char* kSelf2017 = "Childrens_Services_Self-Assessment_2017.pdf";

SearchResponse run(const std::string& query, int limit = 10) {
    Searcher searcher(test::corpus_index().db);
    SearchRequest request;
    request.query = query;
    request.limit = limit;
    return searcher.search(request);
}

}  // namespace

TEST_CASE("the bundled corpus indexes without failures", "[search][e2e]") {
    const auto& report = test::corpus_index().report;
    CHECK(report.files == 5);
    CHECK(report.failures() == 0);
    CHECK(report.pages == 491);
    CHECK(report.passages > 0);
}

// Each answer was checked by reading the page of the PDF.
TEST_CASE("searches find the page a journalist is looking for", "[search][e2e]") {
    struct Case {
        const char* query;
        const char* file;
        int page;
    };
    static const Case kCases[] = {
        {"Ideal Building Solutions", kCyp2017, 40},
        {"\xC2\xA3" "39,441", kCp2019, 5},
        {"39441", kCp2019, 5},
        {"unregulated placements", kCyp2024, 7},
        {"YOUnited", kCyp2024, 4},
        {"Peterborough Cabinet", kCyp2024, 4},
        {"Brokerage function", kCyp2017, 95},
        {"Youthoria website", kSelf2017, 66},
        {"barista courses", kCp2023, 81},
        {"Coleridge childcare", kCyp2017, 27},
        {"Metabase", kCyp2024, 85},
        {"Ros Hathorn", kCyp2024, 119},
        {"forward plan 2024/039", kCyp2024, 12},
    };
    for (const auto& c : kCases) {
        INFO("query: " << c.query);
        SearchResponse r = run(c.query);
        REQUIRE(!r.results.empty());
        CHECK(r.results[0].passage.primary().file == c.file);
        CHECK(r.results[0].page == c.page);
    }
}

TEST_CASE("every result has an integer page and a non-empty pages array", "[search][json]") {
    nlohmann::json j = to_json(run("children", 50));
    for (const char* key : {"query", "total", "total_exact", "offset", "limit", "corrected", "results", "facets"}) {
        CHECK(j.contains(key));
    }
    REQUIRE(j["results"].size() == 50);
    for (const auto& result : j["results"]) {
        for (const char* key : {"id", "type", "title", "committee", "meeting_date", "minute", "file", "page",
                                "pages", "locations", "snippet", "decision", "officers", "ocr", "url",
                                "pdf_url"}) {
            INFO(key);
            CHECK(result.contains(key));
        }
        CHECK(result["page"].is_number_integer());
        REQUIRE(result["pages"].is_array());
        CHECK(!result["pages"].empty());
        CHECK(result["locations"].size() >= 1);
        CHECK(result["ocr"] == false);
    }
    for (const char* facet : {"committee", "year", "officer", "decision", "type"}) {
        CHECK(j["facets"].contains(facet));
    }
}

TEST_CASE("snippets mark the matched words and escape the text", "[search][snippet]") {
    SearchResponse r = run("Ideal Building Solutions");
    REQUIRE(!r.results.empty());
    // A phrase is marked as one: the query also matches the words as a
    // phrase, since they define the acronym IBS.
    const std::string& s = r.results[0].snippet;
    CHECK((s.find("<mark>Ideal Building Solutions</mark>") != std::string::npos ||
           s.find("<mark>Ideal</mark> <mark>Building</mark>") != std::string::npos));
    SearchResponse escaped = run("Democratic and Members' Services");
    REQUIRE(!escaped.results.empty());
    CHECK(escaped.results[0].snippet.find("<script") == std::string::npos);
    for (const auto& result : escaped.results) {
        std::string outside = result.snippet;
        for (const std::string tag : {"<mark>", "</mark>"}) {
            for (size_t at = outside.find(tag); at != std::string::npos; at = outside.find(tag)) outside.erase(at, tag.size());
        }
        CHECK(outside.find('<') == std::string::npos);  // only the marks are markup
        CHECK(outside.find('>') == std::string::npos);
    }
}

TEST_CASE("stemming and case folding find other forms of a word", "[search]") {
    CHECK(run("PLACEMENT").total == run("placements").total);
    CHECK(run("Sub-Committee").total > 0);
    CHECK(run("subcommittee").total > 0);
}

TEST_CASE("paging with offset and limit is stable", "[search]") {
    Searcher searcher(test::corpus_index().db);
    SearchRequest all;
    all.query = "school";
    all.limit = 20;
    SearchResponse whole = searcher.search(all);
    REQUIRE(whole.results.size() == 20);
    SearchRequest second = all;
    second.offset = 10;
    second.limit = 10;
    SearchResponse page2 = searcher.search(second);
    REQUIRE(page2.results.size() == 10);
    for (size_t i = 0; i < 10; ++i) CHECK(page2.results[i].passage.id() == whole.results[10 + i].passage.id());
}

TEST_CASE("bad requests are refused with a sentence", "[search]") {
    Searcher searcher(test::corpus_index().db);
    SearchRequest r;
    r.query = "school";
    r.limit = 0;
    CHECK_THROWS_AS(searcher.search(r), BadRequest);
    r.limit = 10;
    r.from = "yesterday";
    CHECK_THROWS_AS(searcher.search(r), BadRequest);
    r.from.reset();
    r.query = std::string(2000, 'a');
    CHECK_THROWS_AS(searcher.search(r), BadRequest);
}

TEST_CASE("indexing the same archive twice gives the same index", "[search][idempotent]") {
    test::TempDir dir("minutebook-twice");
    const std::string db = (dir.path() / "db").string();
    IndexOptions options;
    options.db_path = db;
    const std::string pack = (test::corpus_dir() / kCp2019).string();
    IndexReport first = index_paths({pack}, options);
    std::vector<std::string> ids_before;
    {
        Searcher s(db);
        SearchRequest req;
        req.query = "care";
        req.limit = 100;
        for (const auto& r : s.search(req).results) ids_before.push_back(r.passage.id());
    }
    IndexReport second = index_paths({pack}, options);
    CHECK(first.passages == second.passages);
    Searcher s(db);
    CHECK(s.passage_count() == first.passages);
    SearchRequest req;
    req.query = "care";
    req.limit = 100;
    std::vector<std::string> ids_after;
    for (const auto& r : s.search(req).results) ids_after.push_back(r.passage.id());
    CHECK(ids_before == ids_after);
}

TEST_CASE("every member of a full council's attendance list is counted in the facets", "[search][facets]") {
    test::TempDir dir("minutebook-attendance");
    const std::string db = (dir.path() / "db").string();
    test::write_attendance_index(db, 70, 20);
    Searcher searcher(db);
    SearchRequest request;
    request.query = "attendance";
    const SearchResponse r = searcher.search(request);
    std::map<std::string, std::map<std::string, int>> facets;
    for (const auto& [name, values] : r.facets) {
        for (const auto& v : values) facets[name][v.value] = v.count;
    }
    auto& people = facets["person"];
    auto& officers = facets["officer"];
    CHECK(people.size() == 70);
    CHECK(officers.size() == 20);
    CHECK(people["Councillor Member070"] == 1);
    CHECK(officers["Councillor Member020"] == 1);
    // A person filter finds the 70th as it finds the first.
    request.person = "Councillor Member070";
    CHECK(searcher.search(request).total == 1);
}
