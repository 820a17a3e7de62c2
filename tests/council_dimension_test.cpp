// The council as a dimension of the archive: two councils' papers whose
// committees, dates and minute numbers coincide stay apart, and every
// address the server gave before councils were named still answers.
#include <httplib.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "core/councils.h"
#include "indexer/indexer.h"
#include "query/search.h"
#include "test_paths.h"
#include "test_server.h"

using namespace minutebook;
namespace fs = std::filesystem;

namespace {

const char* kCp2019 = "Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf";

IndexReport index_as(const std::string& db, const std::string& council, const std::vector<std::string>& paths) {
    IndexOptions options;
    options.db_path = db;
    options.ocr = OcrMode::kNever;
    options.jobs = 1;
    options.council = council;
    return index_paths(paths, options);
}

SearchResponse search(const std::string& db, const std::string& query, std::optional<std::string> council = {}) {
    SearchRequest r;
    r.query = query;
    r.council = std::move(council);
    r.limit = kMaxLimit;
    return Searcher(db).search(r);
}

// The status of GET `path`, following no redirect, and where it points.
std::pair<int, std::string> get(httplib::Client& client, const std::string& path) {
    auto r = client.Get(path.c_str());
    REQUIRE(r);
    return {r->status, r->has_header("Location") ? r->get_header_value("Location") : ""};
}

}  // namespace

// Kent County Council's minutes ("a meeting of the County Council"), a
// parish council's ("the Parish Council"), a US city's agenda ("City
// Council"); the councils La Habra Heights' and Garelochhead's papers name.
TEST_CASE("a council's own meeting and the council a body's name names", "[councils]") {
    for (const char* full : {"County Council", "Parish Council", "City Council", "Full Council", "Council"}) {
        INFO(full);
        CHECK(names_full_council(full));
        CHECK(council_named_by(full).empty());
    }
    for (const char* other : {"Cabinet", "Kent County Council", "Planning Commission", "Council Tax Committee"})
        CHECK_FALSE(names_full_council(other));
    CHECK(council_named_by("La Habra Heights City Council") == "La Habra Heights City Council");
    CHECK(council_named_by("Garelochhead Community Council Public Meeting") == "Garelochhead Community Council");
    CHECK(council_named_by("Lincoln Township Board of Trustees").empty());
    CHECK(council_named_by("Corporate Parenting Sub-Committee").empty());
}

TEST_CASE("what a person types names a council", "[councils]") {
    struct Case {
        const char* council;
        const char* typed;
        bool matches;
    };
    // Kent County Council and Medway Council (real/), Garelochhead Community
    // Council and Lincoln Township (councils/).
    const Case cases[] = {
        {"Kent County Council", "Kent County Council", true},
        {"Kent County Council", "kent", true},
        {"Kent County Council", "KCC", true},
        {"Kent County Council", "kent county", true},
        {"Kent County Council", "County Council", false},
        {"Kent County Council", "council", false},
        {"Kent County Council", "Medway", false},
        {"Medway Council", "medway", true},
        {"Garelochhead Community Council", "Garelochhead", true},
        {"Garelochhead Community Council", "GCC", true},
        {"Garelochhead Community Council", "community council", false},
        {"Lincoln Township", "lincoln", true},
        {"Lincoln Township", "township", false},
        {"City of Springfield", "Springfield", true},
        {"City of Springfield", "city", false},
    };
    for (const auto& c : cases) {
        INFO(c.council << " / " << c.typed);
        CHECK(council_matches(c.council, c.typed) == c.matches);
    }
    CHECK(canonical_council("KENT COUNTY COUNCIL") == "Kent County Council");
}

TEST_CASE("two councils' papers with the same committees, dates and minute numbers stay apart", "[councils]") {
    test::TempDir dir("minutebook-councils");
    const fs::path a = dir.path() / "cambs", b = dir.path() / "peterborough";
    fs::create_directories(a);
    fs::create_directories(b);
    // The same pack as two councils' papers: every committee, date and
    // minute number coincides.
    fs::copy_file(test::corpus_dir() / kCp2019, a / "cp-2019.pdf");
    fs::copy_file(test::corpus_dir() / kCp2019, b / "cp-2019-peterborough.pdf");
    const std::string db = (dir.path() / "db").string();
    REQUIRE(index_as(db, "Cambridgeshire County Council", {a.string()}).ok());
    REQUIRE(index_as(db, "Peterborough City Council", {b.string()}).ok());

    const SearchResponse all = search(db, "");
    std::map<std::string, std::set<std::string>> ids, urls;
    for (const auto& r : all.results) {
        REQUIRE(r.passage.council);
        ids[*r.passage.council].insert(r.passage.id());
        urls[*r.passage.council].insert(passage_url(r.passage));
    }
    REQUIRE(ids.size() == 2);
    const std::string cambs = "Cambridgeshire County Council", pboro = "Peterborough City Council";
    CHECK(ids[cambs].size() == ids[pboro].size());
    for (const auto& id : ids[cambs]) CHECK(ids[pboro].count(id) == 0);
    for (const auto& url : urls[cambs]) CHECK(urls[pboro].count(url) == 0);

    // The council facet, filter and prefix, by any name a person types.
    std::map<std::string, int> facet;
    for (const auto& [name, values] : all.facets) {
        if (name == "council") {
            for (const auto& v : values) facet[v.value] = v.count;
        }
    }
    CHECK(facet.size() == 2);
    CHECK(facet[cambs] == facet[pboro]);
    CHECK(facet[cambs] > 0);
    for (const char* typed : {"Cambridgeshire", "CCC", "cambridgeshire county council"}) {
        INFO(typed);
        const SearchResponse one = search(db, "fostering", std::string(typed));
        REQUIRE(one.total > 0);
        for (const auto& r : one.results) CHECK(r.passage.council == cambs);
    }
    CHECK(search(db, "council:peterborough fostering").total == search(db, "fostering", "Peterborough").total);
    // The committee filter still spans councils.
    SearchRequest cp;
    cp.committee = "Corporate Parenting";
    cp.limit = kMaxLimit;
    std::set<std::string> councils;
    for (const auto& r : Searcher(db).search(cp).results) councils.insert(r.passage.council.value_or(""));
    CHECK(councils == std::set<std::string>{cambs, pboro});

    // Addresses name the council; the address of before names both now.
    test::TestServer server(db, {dir.path().string()});
    httplib::Client client("127.0.0.1", server.port());
    const std::string old_minute = "/minutes/corporate-parenting-sub-committee/2019-05-22/100";
    CHECK(get(client, old_minute).first == 300);
    auto page = client.Get(old_minute.c_str());
    REQUIRE(page);
    CHECK(page->body.find("/minutes/cambridgeshire-county-council/corporate-parenting-sub-committee/2019-05-22/100") !=
          std::string::npos);
    CHECK(page->body.find("/minutes/peterborough-city-council/corporate-parenting-sub-committee/2019-05-22/100") !=
          std::string::npos);
    CHECK(get(client, "/minutes/peterborough-city-council/corporate-parenting-sub-committee/2019-05-22/100").first ==
          200);
    CHECK(get(client, "/meetings/corporate-parenting-sub-committee/2019-05-22").first == 300);
    CHECK(get(client, "/meetings/cambridgeshire-county-council/corporate-parenting-sub-committee/2019-05-22").first ==
          200);
    auto api = client.Get("/api/search?q=fostering&council=peterborough");
    REQUIRE(api);
    REQUIRE(api->status == 200);
    for (const auto& r : nlohmann::json::parse(api->body)["results"]) CHECK(r["council"] == pboro);
}

TEST_CASE("every address and id from before councils were named still answers", "[councils][urls]") {
    // Saved from an index of corpus/ built before passages had councils.
    std::ifstream in(test::source_dir() / "tests" / "legacy" / "urls_before_councils.json");
    const auto saved = nlohmann::json::parse(in);
    REQUIRE(saved["results"].size() > 300);

    for (const char* council : {"", "Cambridgeshire County Council"}) {
        INFO("indexed " << (*council ? std::string("as ") + council : std::string("with no council given")));
        test::TempDir dir("minutebook-legacy-urls");
        const std::string db = (dir.path() / "db").string();
        REQUIRE(index_as(db, council, {test::corpus_dir().string()}).ok());
        test::TestServer server(db, {test::corpus_dir().string()});
        httplib::Client client("127.0.0.1", server.port());
        // Each answers, at once or after one redirect, with the same passage.
        auto answers = [&](const std::string& path) {
            auto [status, location] = get(client, path);
            if (status == 301) {
                CHECK(*council != '\0');  // moved only when a council is named
                // A minute item's or a meeting's new address names its council.
                if (location.rfind("/passages/", 0) != 0) CHECK(location.find(slugify(council)) != std::string::npos);
                status = get(client, location).first;
            }
            return status;
        };
        int checked = 0;
        for (const auto& r : saved["results"]) {
            INFO(r["url"].get<std::string>() << " " << r["title"].get<std::string>());
            CHECK(answers(r["url"]) == 200);
            CHECK(answers("/passages/" + r["id"].get<std::string>()) == 200);
            ++checked;
        }
        for (const auto& url : saved["meetings"]) {
            INFO(url.get<std::string>());
            CHECK(answers(url) == 200);
        }
        CHECK(checked == static_cast<int>(saved["results"].size()));
    }
}

TEST_CASE("a council's own meeting named by its generic words still answers at its old address",
          "[councils][urls]") {
    if (test::shared_corpus_dir().empty()) return;
    const fs::path kent = test::shared_corpus_dir() / "real" / "uk_kent_county_council_minutes_2024-12-19.pdf";
    REQUIRE(fs::exists(kent));
    test::TempDir dir("minutebook-full-council");
    const std::string db = (dir.path() / "db").string();
    REQUIRE(index_as(db, "", {kent.string()}).ok());
    test::TestServer server(db, {kent.parent_path().string()});
    httplib::Client client("127.0.0.1", server.port());
    // "MINUTES of a meeting of the County Council": the committee is Kent County Council.
    const std::string now = "/minutes/kent-county-council/kent-county-council/2024-12-19/270";
    CHECK(get(client, now).first == 200);
    CHECK(get(client, "/minutes/kent-county-council/county-council/2024-12-19/270") == std::make_pair(301, now));
    auto [status, location] = get(client, "/meetings/kent-county-council/county-council/2024-12-19");
    CHECK((status == 301 || status == 200));
    if (status == 301) CHECK(location == "/meetings/kent-county-council/kent-county-council/2024-12-19");
}
