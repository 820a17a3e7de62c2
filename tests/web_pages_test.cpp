// The pages and API answers about meetings, officers, people and
// committees, over the bundled corpus.
#include <httplib.h>
#include <signal.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/passage.h"
#include "corpus_index.h"
#include "web/params.h"
#include "test_server.h"
#include "web/server.h"

using namespace minutebook;

namespace {

using test::TestServer;

struct Reply {
    int status = 0;
    std::string body;
    std::string content_type;
    nlohmann::json json() const { return nlohmann::json::parse(body); }
};

Reply get(const std::string& path) {
    static TestServer server(test::corpus_index().db);
    httplib::Client client("127.0.0.1", server.port());
    client.set_url_encode(false);
    client.set_read_timeout(60, 0);
    auto result = client.Get(path);
    REQUIRE(result);
    return {result->status, result->body, result->get_header_value("Content-Type")};
}

constexpr const char* kJson = "application/json";
constexpr const char* kHtml = "text/html; charset=utf-8";

void require_json_error(const Reply& r, int status) {
    CHECK(r.status == status);
    CHECK(r.content_type == kJson);
    const auto j = r.json();
    CHECK(j["error"]["status"] == status);
    CHECK(j["error"]["message"].is_string());
}

// The meeting of the minute item numbered `number`, from the meetings list.
nlohmann::json meeting_with_minute(const std::string& number) {
    for (const auto& m : get("/api/meetings").json()) {
        const std::string url = m["url"];
        const auto passages = get("/api" + url).json();
        for (const auto& p : passages) {
            if (p["type"] == "minute" && p["minute"] == number) return m;
        }
    }
    return nullptr;
}

}  // namespace

TEST_CASE("GET /api/meetings lists every meeting, newest first") {
    const Reply r = get("/api/meetings");
    REQUIRE(r.status == 200);
    CHECK(r.content_type == kJson);
    const auto meetings = r.json();
    REQUIRE(meetings.is_array());
    REQUIRE(!meetings.empty());
    std::string previous = "9999-99-99";
    for (const auto& m : meetings) {
        REQUIRE(m["committee"].is_string());
        REQUIRE(m["date"].is_string());
        REQUIRE(m["passages"].is_number_integer());
        CHECK(m["passages"].get<int>() > 0);
        const std::string url = m["url"], date = m["date"];
        CHECK(url.rfind("/meetings/", 0) == 0);
        CHECK(url.substr(url.size() - date.size()) == date);
        CHECK(date <= previous);
        previous = date;
    }
    require_json_error(get("/api/meetings?x=1"), 400);
}

TEST_CASE("GET /api/meetings/{committee}/{date} gives the meeting's passages") {
    const auto meeting = meeting_with_minute("232");
    REQUIRE(meeting.is_object());
    const std::string url = meeting["url"];
    const Reply r = get("/api" + url);
    REQUIRE(r.status == 200);
    CHECK(r.content_type == kJson);
    const auto passages = r.json();
    REQUIRE(passages.size() == meeting["passages"].get<size_t>());
    // Minute items first, in number order.
    bool past_minutes = false;
    long previous = -1;
    for (const auto& p : passages) {
        for (const char* field : {"id", "type", "title", "committee", "meeting_date", "url", "page",
                                  "pages", "locations", "decision", "officers"})
            CHECK(p.contains(field));
        CHECK(p["committee"] == meeting["committee"]);
        CHECK(p["meeting_date"] == meeting["date"]);
        if (p["type"] == "minute") {
            CHECK_FALSE(past_minutes);
            const long n = std::atol(p["minute"].get<std::string>().c_str());
            CHECK(n >= previous);
            previous = n;
        } else {
            past_minutes = true;
        }
    }
    require_json_error(get("/api/meetings/no-such-committee/2019-01-01"), 404);
    require_json_error(get("/api/meetings/no-such-committee/1-1-2019"), 400);
}

TEST_CASE("GET /api/officers/{name} resolves any variant of an officer's name") {
    for (const char* name : {"gregg", "Helen%20Gregg", "helen-gregg"}) {
        INFO(name);
        const Reply r = get(std::string("/api/officers/") + name);
        REQUIRE(r.status == 200);
        CHECK(r.content_type == kJson);
        const auto j = r.json();
        CHECK(j["name"] == "Helen Gregg");
        REQUIRE(j["reports"].is_array());
        REQUIRE(j["contacts"].is_array());
        REQUIRE(j["actions"].is_array());
        REQUIRE(j["meetings"].is_array());
        CHECK(!j["meetings"].empty());
        bool minute_232 = false, seen_closed = false;
        for (const auto& a : j["actions"]) {
            CHECK(a["type"] == "action");
            if (a["minute"] == "232") minute_232 = true;
            // Open actions come first.
            const bool open = a.contains("status") && a["status"] == "open";
            if (!open) seen_closed = true;
            CHECK_FALSE((open && seen_closed));
        }
        CHECK(minute_232);
        for (const auto& p : j["reports"]) CHECK(p["type"] == "report");
        for (const auto& m : j["meetings"])
            CHECK(m["url"].get<std::string>().rfind("/meetings/", 0) == 0);
    }
    // An officer who writes reports: each one giving her as officer contact.
    const auto hiorns = get("/api/officers/hiorns").json();
    CHECK(hiorns["name"] == "Claire Hiorns");
    CHECK(!hiorns["reports"].empty());
    REQUIRE(!hiorns["contacts"].empty());
    CHECK(hiorns["contacts"].size() <= hiorns["reports"].size());
    for (const auto& p : hiorns["contacts"]) CHECK(p["type"] == "report");
    require_json_error(get("/api/officers/nobody-of-this-name"), 404);
}

TEST_CASE("GET /api/facets answers with the facets of a search") {
    const Reply r = get("/api/facets?q=music");
    REQUIRE(r.status == 200);
    CHECK(r.content_type == kJson);
    const auto facets = r.json();
    REQUIRE(facets.is_object());
    CHECK(facets.contains("committee"));
    CHECK(facets.contains("type"));
    CHECK_FALSE(facets.contains("results"));
    require_json_error(get("/api/facets?q=music&bogus=1"), 400);
    require_json_error(get("/api/facets?limit=0"), 400);
}

TEST_CASE("/officers/{slug} lists an officer's reports, actions and meetings") {
    const Reply r = get("/officers/helen-gregg");
    REQUIRE(r.status == 200);
    CHECK(r.content_type == kHtml);
    CHECK(r.body.find("<h1>Helen Gregg") != std::string::npos);
    CHECK(r.body.find("<h2>Actions</h2>") != std::string::npos);
    CHECK(r.body.find("<h2>Meetings</h2>") != std::string::npos);
    CHECK(r.body.find("Minute 232") != std::string::npos);
    CHECK(r.body.find("href=\"/meetings/") != std::string::npos);
    CHECK(get("/officers/gregg").status == 200);
    const Reply writer = get("/officers/claire-hiorns");
    REQUIRE(writer.status == 200);
    CHECK(writer.body.find("<h2>Officer contact for</h2>\n<ul>") != std::string::npos);

    const Reply missing = get("/officers/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    CHECK(missing.status == 404);
    CHECK(missing.content_type == kHtml);
    CHECK(missing.body.find("<script>") == std::string::npos);
}

TEST_CASE("every officer and person linked from a page has a page") {
    const auto facets = get("/api/facets").json();
    REQUIRE(!facets["officer"].empty());
    for (const auto& v : facets["officer"]) {
        const std::string name = v["value"];
        INFO(name);
        CHECK(get("/officers/" + web::url_encode(slugify(name))).status == 200);
        CHECK(get("/people/" + web::url_encode(slugify(name))).status == 200);
    }
    // The people of an attendance list, as its page links them.
    const auto passages =
        get("/api/meetings/children-and-young-people-committee/2024-10-08").json();
    std::string attendance;
    for (const auto& p : passages) {
        if (p["title"].get<std::string>().rfind("Attendance:", 0) == 0) attendance = p["url"];
    }
    REQUIRE(!attendance.empty());
    const std::string page = get(attendance).body;
    int people = 0;
    for (size_t at = page.find("href=\"/people/"); at != std::string::npos;
         at = page.find("href=\"/people/", at + 1)) {
        const size_t begin = at + 6, end = page.find('"', begin);
        const std::string href = page.substr(begin, end - begin);
        INFO(href);
        CHECK(get(href).status == 200);
        ++people;
    }
    CHECK(people > 3);
}

TEST_CASE("/people/{slug} lists a person's meetings") {
    const Reply r = get("/people/helen-gregg");
    REQUIRE(r.status == 200);
    CHECK(r.content_type == kHtml);
    CHECK(r.body.find("<h2>Meetings</h2>") != std::string::npos);
    CHECK(r.body.find("href=\"/meetings/") != std::string::npos);
    // A councillor listed present in the minutes' attendance list.
    const Reply councillor = get("/people/goodliffe");
    REQUIRE(councillor.status == 200);
    const size_t attendance = councillor.body.find("<h2>Attendance</h2>");
    REQUIRE(attendance != std::string::npos);
    CHECK(councillor.body.find("Attendance: Children and Young People Committee", attendance) !=
          std::string::npos);
    CHECK(
        councillor.body.find("href=\"/meetings/children-and-young-people-committee/2024-10-08\"") !=
        std::string::npos);

    const Reply missing = get("/people/nobody-of-this-name");
    CHECK(missing.status == 404);
    CHECK(missing.content_type == kHtml);
}

TEST_CASE("minute pages link officers to their pages") {
    const auto meeting = meeting_with_minute("232");
    REQUIRE(meeting.is_object());
    bool linked = false;
    for (const auto& p : get("/api" + meeting["url"].get<std::string>()).json()) {
        if (p["officers"].empty()) continue;
        const Reply page = get(p["url"].get<std::string>());
        REQUIRE(page.status == 200);
        linked = page.body.find("href=\"/officers/") != std::string::npos;
        if (linked) break;
    }
    CHECK(linked);
}

TEST_CASE("/committees/{slug} lists meetings by year and a topic's decisions") {
    const auto meeting = meeting_with_minute("232");
    REQUIRE(meeting.is_object());
    const std::string url = meeting["url"];  // /meetings/<slug>/<date>
    const std::string slug = url.substr(10, url.rfind('/') - 10);
    const std::string date = meeting["date"];

    const Reply r = get("/committees/" + slug);
    REQUIRE(r.status == 200);
    CHECK(r.content_type == kHtml);
    CHECK(r.body.find("<h3>" + date.substr(0, 4) + "</h3>") != std::string::npos);
    CHECK(r.body.find("href=\"" + url + "\"") != std::string::npos);

    const Reply topic = get("/committees/" + slug + "?q=music");
    REQUIRE(topic.status == 200);
    CHECK(topic.body.find("Minute 232") != std::string::npos);
    CHECK(topic.body.find("class=\"timeline\"") != std::string::npos);
    CHECK(topic.body.find("class=\"badge decision\"") != std::string::npos);

    const Reply hostile = get("/committees/" + slug + "?q=%3Cb%3Emusic%3C%2Fb%3E");
    REQUIRE(hostile.status == 200);
    CHECK(hostile.body.find("<b>music</b>") == std::string::npos);
    CHECK(hostile.body.find("&lt;b&gt;music&lt;/b&gt;") != std::string::npos);

    const Reply missing = get("/committees/no-such-committee");
    CHECK(missing.status == 404);
    CHECK(missing.content_type == kHtml);
}

TEST_CASE("a minute page has a button that copies its citation", "[web][pages]") {
    Reply minute = get("/minutes/children-and-young-people-committee/2024-10-08/232");
    REQUIRE(minute.status == 200);
    CHECK(minute.body.find("id=\"citation\"") != std::string::npos);
    CHECK(minute.body.find("data-copy=\"citation\"") != std::string::npos);
    CHECK(minute.body.find("<script src=\"/copy.js\"") != std::string::npos);
    Reply script = get("/copy.js");
    CHECK(script.status == 200);
    CHECK(script.content_type.find("javascript") != std::string::npos);
    CHECK(script.body.find("navigator.clipboard") != std::string::npos);
}
