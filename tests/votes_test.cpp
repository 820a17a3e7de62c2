// Motions and votes into the index and out: the search's moved-by,
// voted-for and voted-against filters and result facet, the API's motions
// and resolution_number, resolutions found as people cite them, a minute
// item's page showing its vote and a person's page their motions and votes.
// The motions are read (motions_in) from the paragraphs of Lincoln Township
// Board's special meeting of 21 March 2019 and Kent County Council's
// minutes of 19 December 2024.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/normalise.h"
#include "core/passage.h"
#include "indexer/structure_internal.h"
#include "indexer/writer.h"
#include "query/search.h"
#include "test_paths.h"
#include "test_server.h"

using namespace minutebook;
using nlohmann::json;

namespace {

const std::vector<std::string> kLincoln = {"Wray", "Duford", "Trinklein", "Crockett", "Ensign"};

Passage minute(const std::string& number, const std::string& text, const std::vector<std::string>& attendees,
               const std::string& council, const std::string& committee, const std::string& date) {
    Passage p;
    p.type = PassageType::kMinute;
    p.part = PartKind::kMinutes;
    p.council = council;
    p.committee = committee;
    p.meeting_date = date;
    p.minute = number;
    p.key = "minute/" + slugify(council) + "/" + slugify(committee) + "/" + date + "/" + number;
    p.title = text.substr(0, text.find('\n'));
    p.text = text;
    p.motions = structure::motions_in(text, attendees);
    p.locations.push_back({"minutes-" + date + ".pdf", sha256_hex(date), {1}, false, date});
    return p;
}

void write_votes_index(const std::string& db) {
    IndexWriter writer(db);
    Passage millage = minute("4",
                             "Resolution to set the tax millage rate at the maximum allowed by statute was approved "
                             "by\nroll call vote after motion by Wray and second by Trinklein. Crockett-yes; "
                             "Duford-yes;\nEnsign-absent; Trinklein-yes; Wray-yes.",
                             kLincoln, "Lincoln Township", "Lincoln Township Board", "2019-03-21");
    millage.decision = Decision{"approved", "Resolution to set the tax millage rate ... was approved", "2019-07"};
    writer.add(millage);
    writer.add(minute("5",
                      "Approved by roll call vote the 2019/2020 Lincoln Township budget after motion by\nCrockett "
                      "and second by Duford. Crockett-yes; Duford-yes; Ensign-absent; Trinklein-yes;\nWray-yes.",
                      kLincoln, "Lincoln Township", "Lincoln Township Board", "2019-03-21"));
    Passage lost = minute("281",
                          "Mr Brady proposed, and Ms Meade seconded the motion that \"This County Council resolves "
                          "to align decisions with the Integrated Care Strategy\". The voting was as follows.\nFor "
                          "(2)\nMr Brady, Ms Meade\nAgainst (2)\nMr Baker, Mr Robey\nAbstain (0)\nMotion lost.",
                          {"Mr Brady", "Ms Meade", "Mr Baker", "Mr Robey"}, "Kent County Council",
                          "Kent County Council", "2024-12-19");
    lost.people = {"Mr Brady", "Ms Meade", "Mr Baker", "Mr Robey"};
    writer.add(lost);
    writer.finish();
}

std::set<std::string> minutes_of(const SearchResponse& r) {
    std::set<std::string> out;
    for (const auto& x : r.results) out.insert(x.passage.minute.value_or(""));
    return out;
}

}  // namespace

TEST_CASE("motions and votes are searched by mover, voter and result", "[votes]") {
    test::TempDir tmp("minutebook-votes");
    const std::string db = (tmp.path() / "db").string();
    write_votes_index(db);
    Searcher searcher(db);

    SearchRequest r;
    r.voted_for = "Crockett";
    CHECK(minutes_of(searcher.search(r)) == std::set<std::string>{"4", "5"});
    r = {};
    r.moved_by = "Wray";
    CHECK(minutes_of(searcher.search(r)) == std::set<std::string>{"4"});
    r = {};
    r.voted_against = "Baker";
    CHECK(minutes_of(searcher.search(r)) == std::set<std::string>{"281"});
    r = {};
    r.voted_against = "Crockett";  // voted for, never against
    CHECK(searcher.search(r).results.empty());
    r = {};
    r.result = "failed";
    CHECK(minutes_of(searcher.search(r)) == std::set<std::string>{"281"});

    SearchResponse all = searcher.search(SearchRequest{});
    bool facet = false;
    for (const auto& [name, values] : all.facets) {
        if (name != "result") continue;
        facet = true;
        std::map<std::string, int> counts;
        for (const auto& v : values) counts[v.value] = v.count;
        CHECK(counts == std::map<std::string, int>{{"carried", 2}, {"failed", 1}});
    }
    CHECK(facet);

    // A numbered resolution typed as clerks cite it comes first.
    r = {};
    r.query = "Resolution 2019-07";
    auto cited = searcher.search(r);
    REQUIRE(!cited.results.empty());
    CHECK(cited.results.front().passage.minute == std::optional<std::string>("4"));

    // The API's result object: motions with each side, the resolution number.
    r = {};
    r.moved_by = "Wray";
    json j = to_json(searcher.search(r).results.front());
    CHECK(j["resolution_number"] == "2019-07");
    REQUIRE(j["motions"].size() == 1);
    const json& m = j["motions"][0];
    CHECK(m["moved_by"] == "Wray");
    CHECK(m["seconded_by"] == "Trinklein");
    CHECK(m["result"] == "carried");
    CHECK(m["for"]["count"] == 4);
    CHECK(m["for"]["names"] == json({"Crockett", "Duford", "Trinklein", "Wray"}));
    CHECK(m["against"]["names"] == json::array());
    CHECK(m["absent"]["names"] == json({"Ensign"}));
}

TEST_CASE("a minute item's page shows its vote, a person's page their motions and votes", "[votes][web]") {
    test::TempDir tmp("minutebook-votes-web");
    const std::string db = (tmp.path() / "db").string();
    write_votes_index(db);
    test::TestServer server(db);
    httplib::Client client("127.0.0.1", server.port());

    auto api = client.Get("/api/search?voted_against=Baker&result=failed");
    REQUIRE(api);
    REQUIRE(api->status == 200);
    json found = json::parse(api->body);
    REQUIRE(found["results"].size() == 1);
    CHECK(client.Get("/api/search?result=maybe")->status == 400);

    auto page = client.Get(found["results"][0]["url"].get<std::string>().c_str());
    REQUIRE(page);
    REQUIRE(page->status == 200);
    CHECK(page->body.find("Moved by Mr Brady, seconded by Ms Meade.") != std::string::npos);
    CHECK(page->body.find("<span class=\"badge decision\">Failed</span>") != std::string::npos);
    CHECK(page->body.find("<strong>Against (2)</strong>") != std::string::npos);

    auto person = client.Get("/people/trinklein");
    REQUIRE(person);
    REQUIRE(person->status == 200);
    const size_t motions = person->body.find("<h2>Motions and votes</h2>");
    REQUIRE(motions != std::string::npos);
    const std::string section = person->body.substr(motions, person->body.find("<h2>", motions + 5) - motions);
    CHECK(section.find("seconded, voted for") != std::string::npos);  // minute 4
    CHECK(section.find("<span class=\"badge\">voted for</span>") != std::string::npos);  // minute 5

    // Absent from both roll calls, named by no other list: still their page's.
    auto absent = client.Get("/people/ensign");
    REQUIRE(absent);
    REQUIRE(absent->status == 200);
    CHECK(absent->body.find("<span class=\"badge\">absent</span>") != std::string::npos);
}
