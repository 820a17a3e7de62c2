// Behind a reverse proxy under a path prefix: --base-url writes every link,
// redirect, feed entry, CSV URL and JSON url under it; X-Forwarded-* headers
// count only from the configured proxy addresses.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "corpus_index.h"
#include "test_server.h"
#include "web/routes.h"

using namespace minutebook;
using test::TestServer;

namespace {

httplib::Result get(int port, const std::string& path, const httplib::Headers& headers = {}) {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(60, 0);
    return client.Get(path, headers);
}

// Every root-relative link of an HTML page (href, src, action).
std::vector<std::string> links(const std::string& html) {
    std::vector<std::string> out;
    static const std::regex link(R"re((?:href|src|action)="(/[^"]*)")re");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), link); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1].str());
    return out;
}

// A server over the bundled archive's index with these proxy settings.
web::ServerOptions proxied(std::string base_url, std::vector<std::string> trusted_proxies) {
    web::ServerOptions options;
    options.db_path = test::corpus_index().db;
    options.threads = 4;
    options.base_url = std::move(base_url);
    options.trusted_proxies = std::move(trusted_proxies);
    return options;
}

}  // namespace

TEST_CASE("under --base-url every link, redirect, feed, CSV and JSON url carries the prefix", "[web][proxy]") {
    TestServer server(proxied("https://example.org/archive/", {}));

    for (const char* page : {"/", "/search?q=fostering", "/browse", "/help", "/no/such/page"}) {
        INFO(page);
        auto r = get(server.port(), page);
        REQUIRE(r);
        const auto found = links(r->body);
        CHECK_FALSE(found.empty());
        for (const auto& l : found) {
            INFO(l);
            CHECK(l.rfind("/archive/", 0) == 0);
            CHECK(l.rfind("/archive/archive/", 0) != 0);
        }
    }
    auto api = get(server.port(), "/api/search?q=fostering&limit=3");
    REQUIRE(api);
    auto j = nlohmann::json::parse(api->body);
    REQUIRE_FALSE(j["results"].empty());
    for (const auto& r : j["results"]) {
        CHECK(r["url"].get<std::string>().rfind("/archive/", 0) == 0);
        CHECK(r["pdf_url"].get<std::string>().rfind("/archive/files/", 0) == 0);
    }
    auto feed = get(server.port(), "/feed.atom?q=fostering");
    REQUIRE(feed);
    CHECK(feed->body.find("href=\"https://example.org/archive/feed.atom?q=fostering") != std::string::npos);
    CHECK(feed->body.find("href=\"https://example.org/archive/passages/") != std::string::npos);
    auto csv = get(server.port(), "/export.csv?q=fostering");
    REQUIRE(csv);
    CHECK(csv->body.find(",https://example.org/archive/minutes/") != std::string::npos);
    CHECK(csv->body.find(",https://example.org/archive/files/") != std::string::npos);
}

TEST_CASE("X-Forwarded headers count only from a trusted proxy", "[web][proxy]") {
    const httplib::Headers forwarded = {{"X-Forwarded-Host", "council.example"},
                                        {"X-Forwarded-Proto", "https"},
                                        {"X-Forwarded-Prefix", "/papers"}};
    SECTION("from the configured proxy they set the links") {
        TestServer server(proxied("", {"127.0.0.1"}));
        auto feed = get(server.port(), "/feed.atom?q=fostering", forwarded);
        REQUIRE(feed);
        CHECK(feed->body.find("href=\"https://council.example/papers/feed.atom") != std::string::npos);
        auto home = get(server.port(), "/", forwarded);
        REQUIRE(home);
        for (const auto& l : links(home->body)) CHECK(l.rfind("/papers/", 0) == 0);
    }
    SECTION("from anyone else they are ignored") {
        TestServer server(proxied("", {"192.0.2.1"}));
        auto feed = get(server.port(), "/feed.atom?q=fostering", forwarded);
        REQUIRE(feed);
        CHECK(feed->body.find("council.example") == std::string::npos);
        CHECK(feed->body.find("href=\"http://127.0.0.1:") != std::string::npos);
        auto home = get(server.port(), "/", forwarded);
        REQUIRE(home);
        for (const auto& l : links(home->body)) CHECK(l.rfind("/papers", 0) != 0);
    }
}

TEST_CASE("a redirect's Location goes under the prefix; another site's and a protocol-relative one do not",
          "[web][proxy]") {
    struct Case {
        const char* location;
        const char* expected;
    };
    const Case cases[] = {
        {"/minutes/kent-county-council/kent-county-council/2024-12-19/270",
         "/archive/minutes/kent-county-council/kent-county-council/2024-12-19/270"},
        {"/", "/archive/"},
        {"https://example.com/x", "https://example.com/x"},
        {"//example.com/x", "//example.com/x"},
    };
    for (const Case& c : cases) {
        INFO(c.location);
        httplib::Response res;
        res.set_redirect(c.location, 301);
        web::under_prefix(res, "/archive");
        CHECK(res.get_header_value("Location") == c.expected);
    }
    httplib::Response page;
    page.set_content("<a href=\"/search?q=x\">x</a><a href=\"//cdn.example/y\">y</a><form action=\"/search\">",
                     "text/html; charset=utf-8");
    web::under_prefix(page, "/archive");
    CHECK(page.body == "<a href=\"/archive/search?q=x\">x</a><a href=\"//cdn.example/y\">y</a><form action=\"/archive/search\">");
}
