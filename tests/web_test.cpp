// The HTTP server, driven as a browser or a script would: a server on a free
// loopback port over the bundled corpus, and one over a small archive made
// here, whose passages and files the tests choose.
#include <expat.h>
#include <httplib.h>
#include <signal.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <future>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <thread>

#include "core/passage.h"
#include "corpus_index.h"
#include "indexer/writer.h"
#include "query/minute_ref.h"
#include "query/search.h"
#include "run_command.h"
#include "web/feeds.h"
#include "web/params.h"
#include "test_server.h"
#include "web/server.h"

using namespace minutebook;
namespace fs = std::filesystem;

namespace {

using test::TestServer;

struct Reply {
    int status = 0;
    std::string body;
    httplib::Headers headers;
    std::string header(const std::string& name) const {
        auto it = headers.find(name);
        return it == headers.end() ? "" : it->second;
    }
    std::string content_type() const { return header("Content-Type"); }
};

Reply get(int port, const std::string& path, const httplib::Headers& headers = {}) {
    httplib::Client client("127.0.0.1", port);
    client.set_url_encode(false);
    client.set_read_timeout(60, 0);
    auto result = client.Get(path, headers);
    REQUIRE(result);
    return {result->status, result->body, result->headers};
}

const TestServer& corpus_server() {
    static TestServer server(test::corpus_index().db);
    return server;
}

int corpus_port() {
    return corpus_server().port();
}

// A small archive written with the index writer: one committee, one
// meeting, its minute items out of order, an action, a report whose title
// holds markup, and PDFs in the places the tests need.
struct MadeArchive {
    test::TempDir dir{"minutebook-web-archive"};
    fs::path root = dir.path() / "archive";
    std::string db = (dir.path() / "db").string();
    std::string pdf_bytes;
    std::string pdf_id;        // recorded by the indexer: served
    std::string nested_id;     // not recorded, under the root: served through --root
    std::string escaping_id;   // not recorded, "../outside.pdf": never served
    std::string changed_id;    // recorded, but the file changed since
    std::string symlinked_id;  // recorded, now a symlink to another file
    std::string report_id;     // the report passage's id
    static constexpr const char* kSlug = "test-scrutiny-committee";
    static constexpr const char* kDate = "2024-03-05";

    MadeArchive() {
        fs::create_directories(root / "sub");
        pdf_bytes = test::read_file(
            test::corpus_dir() /
            "Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf");
        pdf_id = sha256_hex(pdf_bytes);
        write(root / "pack.pdf", pdf_bytes);

        const std::string nested = pdf_bytes + " ";
        nested_id = sha256_hex(nested);
        write(root / "sub" / "nested.pdf", nested);

        const std::string outside = pdf_bytes + "  ";
        escaping_id = sha256_hex(outside);
        write(dir.path() / "outside.pdf", outside);

        changed_id = sha256_hex(pdf_bytes + "   ");
        write(root / "changed.pdf", pdf_bytes + "edited");

        symlinked_id = sha256_hex(pdf_bytes + "    ");
        write(dir.path() / "other.pdf", "not the indexed bytes");
        fs::create_symlink(dir.path() / "other.pdf", root / "linked.pdf");

        IndexWriter writer(db);
        auto passage = [&](std::string key, std::string type, std::string title, std::string text,
                           int page) {
            Passage p;
            p.key = std::move(key);
            p.type = parse_passage_type(type).value();
            p.part = p.type == PassageType::kMinute ? PartKind::kMinutes : PartKind::kReport;
            p.title = std::move(title);
            p.committee = "Test Scrutiny Committee";
            p.meeting_date = kDate;
            p.text = std::move(text);
            p.locations.push_back(Location{"pack.pdf", pdf_id, {page}, false, kDate});
            return p;
        };
        auto minute = [&](const std::string& number, const std::string& title, int page) {
            Passage p =
                passage(std::string("minute/") + kSlug + "/" + kDate + "/" + number, "minute",
                        title, title + "\nThe committee considered " + title + ".", page);
            p.minute = number;
            return p;
        };
        Passage library = minute("10", "Library opening hours", 4);
        library.decision =
            Decision{"approved", "It was resolved to: approve the hours <b>now</b>."};
        library.locations.front().pages = {4, 5};
        library.text = "Library opening hours\nPage four text.\nPage five text.";
        library.page_starts = {0, library.text.find("Page five")};
        writer.add(library);
        writer.add(minute("2", "Apologies for absence", 2));
        writer.add(minute("12a", "Any other business", 6));
        Passage action = passage("action/test/10/1", "action", "Publish the new opening hours",
                                 "Publish the new opening hours on the website.", 8);
        action.minute = "10";
        action.cites = {"10"};
        action.status = "open";
        action.status_text = "Ongoing";
        writer.add(action);
        Passage report = passage("report/test/budget", "report", "Budget <script>alert(1)</script>",
                                 "The budget & the \"plan\" <i>in full</i>.", 9);
        report_id = report.id();
        writer.add(report);

        Passage nested_page;
        nested_page.key = "page/" + nested_id + "/1";
        nested_page.type = PassageType::kPage;
        nested_page.part = PartKind::kOther;
        nested_page.title = "Nested page";
        nested_page.text = "Nested page text.";
        nested_page.locations.push_back(Location{"sub/nested.pdf", nested_id, {1}, false, ""});
        writer.add(nested_page);
        Passage escaping_page = nested_page;
        escaping_page.key = "page/" + escaping_id + "/1";
        escaping_page.locations = {Location{"../outside.pdf", escaping_id, {1}, false, ""}};
        writer.add(escaping_page);

        writer.set_file_path(pdf_id, fs::absolute(root / "pack.pdf").string());
        writer.set_file_path(changed_id, fs::absolute(root / "changed.pdf").string());
        writer.set_file_path(symlinked_id, fs::absolute(root / "linked.pdf").string());
        writer.commit();
    }

    static void write(const fs::path& path, const std::string& bytes) {
        std::ofstream out(path, std::ios::binary);
        out << bytes;
    }
};

const MadeArchive& made_archive() {
    static MadeArchive archive;
    return archive;
}

int made_port() {
    static TestServer server(made_archive().db, {made_archive().root.string()});
    return server.port();
}

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.rfind(prefix, 0) == 0;
}

// RFC 4180 records, or nothing when the text is not well formed.
std::optional<std::vector<std::vector<std::string>>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, was_quoted = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field.push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field.push_back(c);
            }
        } else if (c == '"') {
            if (!field.empty() || was_quoted) return std::nullopt;
            quoted = was_quoted = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
            was_quoted = false;
        } else if (c == '\r') {
            if (i + 1 >= text.size() || text[i + 1] != '\n') return std::nullopt;
        } else if (c == '\n') {
            row.push_back(field);
            rows.push_back(row);
            row.clear();
            field.clear();
            was_quoted = false;
        } else {
            if (was_quoted) return std::nullopt;
            field.push_back(c);
        }
    }
    if (quoted || !row.empty() || !field.empty()) return std::nullopt;
    return rows;
}

struct XmlSummary {
    bool parsed = false;
    std::string error;
    std::string root;  // "namespace name"
    std::vector<std::string> entry_updated;
};

XmlSummary parse_atom(const std::string& xml) {
    struct State {
        XmlSummary summary;
        int depth = 0;
        bool in_entry = false;
        bool in_updated = false;
        std::string text;
    } state;
    XML_Parser parser = XML_ParserCreateNS("UTF-8", ' ');
    XML_SetUserData(parser, &state);
    XML_SetElementHandler(
        parser,
        [](void* data, const XML_Char* name, const XML_Char**) {
            auto* s = static_cast<State*>(data);
            const std::string n = name;
            if (s->depth++ == 0) s->summary.root = n;
            if (n == "http://www.w3.org/2005/Atom entry") s->in_entry = true;
            if (s->in_entry && n == "http://www.w3.org/2005/Atom updated") {
                s->in_updated = true;
                s->text.clear();
            }
        },
        [](void* data, const XML_Char* name) {
            auto* s = static_cast<State*>(data);
            --s->depth;
            const std::string n = name;
            if (n == "http://www.w3.org/2005/Atom entry") s->in_entry = false;
            if (s->in_updated && n == "http://www.w3.org/2005/Atom updated") {
                s->summary.entry_updated.push_back(s->text);
                s->in_updated = false;
            }
        });
    XML_SetCharacterDataHandler(parser, [](void* data, const XML_Char* text, int length) {
        auto* s = static_cast<State*>(data);
        if (s->in_updated) s->text.append(text, static_cast<size_t>(length));
    });
    state.summary.parsed =
        XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
    if (!state.summary.parsed) state.summary.error = XML_ErrorString(XML_GetErrorCode(parser));
    XML_ParserFree(parser);
    return state.summary;
}

}  // namespace

TEST_CASE("every page and endpoint answers with its status and content type", "[web]") {
    struct Case {
        std::string path;
        int status;
        const char* content_type;
    };
    const MadeArchive& a = made_archive();
    const std::string meeting =
        std::string("/meetings/") + MadeArchive::kSlug + "/" + MadeArchive::kDate;
    const std::string minute =
        std::string("/minutes/") + MadeArchive::kSlug + "/" + MadeArchive::kDate;
    const Case cases[] = {
        {"/", 200, "text/html; charset=utf-8"},
        {"/search?q=school", 200, "text/html; charset=utf-8"},
        {"/search", 200, "text/html; charset=utf-8"},
        {"/search?q=school&utm_source=mail", 200, "text/html; charset=utf-8"},
        {"/help", 200, "text/html; charset=utf-8"},
        {"/browse", 200, "text/html; charset=utf-8"},
        {"/api/search?q=school", 200, "application/json"},
        {"/healthz", 200, "application/json"},
        {"/feed.atom?q=school", 200, "application/atom+xml; charset=utf-8"},
        {"/export.csv?q=school", 200, "text/csv; charset=utf-8"},
        {minute + "/10", 200, "text/html; charset=utf-8"},
        {minute + "/12a", 200, "text/html; charset=utf-8"},
        {minute + "/99", 404, "text/html; charset=utf-8"},
        {minute + "/10/extra", 404, "text/html; charset=utf-8"},
        {"/minutes/test-scrutiny-committee/5-3-2024/10", 400, "text/html; charset=utf-8"},
        {meeting, 200, "text/html; charset=utf-8"},
        {std::string("/meetings/") + MadeArchive::kSlug + "/1999-01-01", 404,
         "text/html; charset=utf-8"},
        {"/meetings/no-such-committee/2024-03-05", 404, "text/html; charset=utf-8"},
        {"/passages/" + a.report_id, 200, "text/html; charset=utf-8"},
        {"/passages/0000000000000000", 404, "text/html; charset=utf-8"},
        {"/passages/not-an-id", 400, "text/html; charset=utf-8"},
        {"/files/" + a.pdf_id, 200, "application/pdf"},
        {"/files/" + std::string(64, '0'), 404, "application/json"},
        {"/nowhere", 404, "text/html; charset=utf-8"},
        {"/api/nowhere", 404, "application/json"},
    };
    for (const auto& c : cases) {
        INFO("GET " << c.path);
        const bool on_made = starts_with(c.path, "/minutes") || starts_with(c.path, "/meetings") ||
                             starts_with(c.path, "/passages") || starts_with(c.path, "/files");
        Reply r = get(on_made ? made_port() : corpus_port(), c.path);
        CHECK(r.status == c.status);
        CHECK(r.content_type() == c.content_type);
        CHECK(r.header("X-Content-Type-Options") == "nosniff");
        CHECK_FALSE(r.body.empty());
    }
}

TEST_CASE("the search API answers with exactly the JSON of the query layer", "[web][api]") {
    struct Case {
        std::string params;
        SearchRequest request;
    };
    auto request = [](std::string q, auto&&... fill) {
        SearchRequest r;
        r.query = std::move(q);
        (fill(r), ...);
        return r;
    };
    const Case cases[] = {
        {"q=music+education+hub", request("music education hub")},
        {"q=school&limit=3&offset=2",
         request("school", [](SearchRequest& r) { r.limit = 3, r.offset = 2; })},
        {"q=school&committee=CYP&sort=date",
         request("school", [](SearchRequest& r) { r.committee = "CYP", r.sort = "date"; })},
        {"q=placements&from=2019-01-01&to=2023-12-31",
         request("placements",
                 [](SearchRequest& r) { r.from = "2019-01-01", r.to = "2023-12-31"; })},
        {"type=minute&decision=approved",
         request("", [](SearchRequest& r) { r.type = "minute", r.decision = "approved"; })},
        {"q=%C2%A339%2C441", request("\xC2\xA3"
                                     "39,441")},
        {"q=&committee=", request("")},
    };
    Searcher searcher(test::corpus_index().db);
    for (const auto& c : cases) {
        INFO("GET /api/search?" << c.params);
        Reply r = get(corpus_port(), "/api/search?" + c.params);
        REQUIRE(r.status == 200);
        CHECK(nlohmann::json::parse(r.body) == to_json(searcher.search(c.request)));
    }
}

TEST_CASE("bad requests are answered with 400 and one sentence of JSON", "[web][api]") {
    const std::string cases[] = {
        "limit=0",
        "limit=101",
        "limit=ten",
        "offset=-1",
        "offset=10001",
        "q=" + std::string(1001, 'x'),
        "committee=" + std::string(201, 'x'),
        "from=yesterday",
        "to=31/12/2024",
        "sort=best",
        "decision=maybe",
        "type=memo",
        "status=pending",
        "colour=red",
        "q=%FF%FE",
        "q=a%00b",
        "q=school&q=college",
    };
    for (const auto& params : cases) {
        INFO("GET /api/search?" << params.substr(0, 80));
        Reply r = get(made_port(), "/api/search?" + params);
        CHECK(r.status == 400);
        CHECK(r.content_type() == "application/json");
        auto body = nlohmann::json::parse(r.body);
        CHECK(body["error"]["status"] == 400);
        const std::string message = body["error"]["message"];
        CHECK_FALSE(message.empty());
        CHECK(message.back() == '.');
        CHECK(message.find('\n') == std::string::npos);
    }
}

TEST_CASE("the health check counts the passages of the index", "[web][api]") {
    Reply r = get(made_port(), "/healthz");
    REQUIRE(r.status == 200);
    auto body = nlohmann::json::parse(r.body);
    CHECK(body["status"] == "ok");
    CHECK(body["passages"] == Searcher(made_archive().db).passage_count());
}

TEST_CASE("file requests never follow a path from the request", "[web][files][safety]") {
    const MadeArchive& a = made_archive();
    std::string upper = a.pdf_id;
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    const std::string cases[] = {
        "/files/../../../../etc/passwd",
        "/files/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/files/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/files/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/files//etc/passwd",
        "/files/%2Fetc%2Fpasswd",
        "/files/" + fs::absolute(a.root / "pack.pdf").string(),
        "/files/pack.pdf",
        "/files/archive/pack.pdf",
        "/files/linked.pdf",
        "/files/" + upper,
        "/files/" + a.pdf_id + "/../pack.pdf",
        "/files/" + a.pdf_id + "%00.txt",
        "/files/" + std::string(64, 'g'),
        "/files",
        "/files/",
    };
    for (const auto& path : cases) {
        INFO("GET " << path);
        Reply r = get(made_port(), path);
        CHECK((r.status == 400 || r.status == 404));
        CHECK(r.content_type() != "application/pdf");
        CHECK(r.body.find("root:") == std::string::npos);
        CHECK(r.body.find("%PDF") == std::string::npos);
    }
}

TEST_CASE("a file is served only while its bytes hash to its id", "[web][files][safety]") {
    const MadeArchive& a = made_archive();
    struct Case {
        const char* what;
        std::string id;
        int status;
    };
    const Case cases[] = {
        {"recorded by the indexer", a.pdf_id, 200},
        {"found under the archive root by its relative path", a.nested_id, 200},
        {"a relative path that leaves the archive root", a.escaping_id, 404},
        {"a file changed since it was indexed", a.changed_id, 404},
        {"a symlink to other bytes", a.symlinked_id, 404},
        {"unknown to the index", sha256_hex("nothing"), 404},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        Reply r = get(made_port(), "/files/" + c.id);
        CHECK(r.status == c.status);
        if (c.status == 200) {
            CHECK(sha256_hex(r.body) == c.id);
            CHECK(r.content_type() == "application/pdf");
        } else {
            CHECK(nlohmann::json::parse(r.body)["error"]["status"] == c.status);
        }
    }
}

TEST_CASE("a PDF is served whole or by byte ranges", "[web][files]") {
    const MadeArchive& a = made_archive();
    const std::string& bytes = a.pdf_bytes;
    const std::string path = "/files/" + a.pdf_id;
    const std::string size = std::to_string(bytes.size());
    struct Case {
        const char* range;
        int status;
        std::string body;
        std::string content_range;
    };
    const Case cases[] = {
        {"", 200, bytes, ""},
        {"bytes=0-4", 206, "%PDF-", "bytes 0-4/" + size},
        {"bytes=-5", 206, bytes.substr(bytes.size() - 5),
         "bytes " + std::to_string(bytes.size() - 5) + "-" + std::to_string(bytes.size() - 1) +
             "/" + size},
        {"bytes=10-", 206, bytes.substr(10),
         "bytes 10-" + std::to_string(bytes.size() - 1) + "/" + size},
        {"bytes=5-99999999999", 206, bytes.substr(5),
         "bytes 5-" + std::to_string(bytes.size() - 1) + "/" + size},
        {"bytes=99999999-", 416, "", "bytes */" + size},
        {"bytes=0-3,10-13", 200, bytes, ""},
    };
    for (const auto& c : cases) {
        INFO("Range: " << c.range);
        httplib::Headers headers;
        if (*c.range) headers.emplace("Range", c.range);
        Reply r = get(made_port(), path, headers);
        CHECK(r.status == c.status);
        CHECK(r.header("Content-Range") == c.content_range);
        if (c.status != 416) {
            CHECK(r.content_type() == "application/pdf");
            CHECK(r.header("Accept-Ranges") == "bytes");
            CHECK(r.body == c.body);
        }
    }
    SECTION("a copy the browser has is not sent again") {
        Reply r = get(made_port(), path, {{"If-None-Match", "\"" + a.pdf_id + "\""}});
        CHECK(r.status == 304);
        CHECK(r.body.empty());
    }
    SECTION("the browser is offered the file's own name") {
        Reply r = get(made_port(), path);
        CHECK(r.header("Content-Disposition").find("filename=\"pack.pdf\"") != std::string::npos);
    }
}

TEST_CASE("a minute item's page shows its resolution, pages and citation", "[web][pages]") {
    const std::string path =
        std::string("/minutes/") + MadeArchive::kSlug + "/" + MadeArchive::kDate + "/10";
    Reply r = get(made_port(), path);
    REQUIRE(r.status == 200);
    const std::string pdf = "/files/" + made_archive().pdf_id;
    const std::string expected[] = {
        "Library opening hours",
        "It was resolved to: approve the hours &lt;b&gt;now&lt;/b&gt;.",
        "href=\"" + pdf + "#page=4\">Open PDF at page 4</a>",
        "href=\"" + pdf + "#page=5\">Page 5</a>",
        "<p class=\"cite\" id=\"citation\">Test Scrutiny Committee, 5 March 2024, minute 10 (agenda pack of 5 "
        "March 2024, p. 4)</p>",
        "<h2>Cited by</h2>",
        "Action: Publish the new opening hours</a>",
        "href=\"/meetings/test-scrutiny-committee/2024-03-05\"",
    };
    for (const auto& text : expected) {
        INFO(text);
        CHECK(r.body.find(text) != std::string::npos);
    }
    CHECK(r.body.find("<b>now</b>") == std::string::npos);
}

TEST_CASE("the minute API answers as the minute command's look-up does", "[web][api]") {
    const std::string refs[] = {"minute 10", "Test Scrutiny 5 March 2024 item 12a", "minute 99",
                                "library hours"};
    Xapian::Database db(made_archive().db);
    for (const auto& ref : refs) {
        INFO(ref);
        Reply r = get(made_port(), "/api/minute?ref=" + web::url_encode(ref));
        REQUIRE(r.status == 200);
        CHECK(nlohmann::json::parse(r.body) == to_json(look_up_minute(db, ref)));
    }
    for (const std::string& bad : {std::string(), std::string("ref="),
                                   "ref=" + std::string(201, '1'), std::string("ref=10&q=x")}) {
        INFO(bad);
        CHECK(get(made_port(), "/api/minute?" + bad).status == 400);
    }
}

TEST_CASE("a query that names a minute item links to it above the results", "[web][pages]") {
    Reply named = get(made_port(), "/search?q=minute+10");
    CHECK(named.body.find(
              "<p class=\"named\">Minute 10 of the Test Scrutiny Committee, 5 March 2024: <a "
              "href=\"/minutes/test-scrutiny-committee/2024-03-05/10\">") != std::string::npos);
    Reply topical = get(made_port(), "/search?q=library");
    CHECK(topical.body.find("class=\"named\"") == std::string::npos);
}

TEST_CASE("a meeting's page lists its minute items in number order, then the rest",
          "[web][pages]") {
    Reply r =
        get(made_port(), std::string("/meetings/") + MadeArchive::kSlug + "/" + MadeArchive::kDate);
    REQUIRE(r.status == 200);
    const std::string in_order[] = {"Apologies for absence", "Library opening hours",
                                    "Any other business", "Publish the new opening hours",
                                    "Budget &lt;script&gt;"};
    size_t at = 0;
    for (const auto& title : in_order) {
        INFO(title);
        const size_t found = r.body.find(title, at);
        CHECK(found != std::string::npos);
        if (found != std::string::npos) at = found;
    }
}

TEST_CASE("a passage's page is found by the id in its url", "[web][pages]") {
    const MadeArchive& a = made_archive();
    Reply search = get(made_port(), "/api/search?q=budget");
    REQUIRE(search.status == 200);
    auto results = nlohmann::json::parse(search.body)["results"];
    REQUIRE(results.size() == 1);
    CHECK(results[0]["url"] == "/passages/" + a.report_id);
    Reply page = get(made_port(), results[0]["url"].get<std::string>());
    REQUIRE(page.status == 200);
    CHECK(page.body.find("<h1>Budget &lt;script&gt;alert(1)&lt;/script&gt;</h1>") !=
          std::string::npos);
    CHECK(page.body.find("The budget &amp; the &quot;plan&quot; &lt;i&gt;in full&lt;/i&gt;.") !=
          std::string::npos);
}

TEST_CASE("the browse page lists committees and their meetings", "[web][pages]") {
    Reply r = get(made_port(), "/browse");
    REQUIRE(r.status == 200);
    CHECK(r.body.find(">Test Scrutiny Committee</a>") != std::string::npos);
    CHECK(r.body.find("href=\"/meetings/test-scrutiny-committee/2024-03-05\">5 March 2024</a>") !=
          std::string::npos);
}

TEST_CASE("text from a request comes back escaped in every page", "[web][safety]") {
    const std::string attack = "%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%3E%3Cimg";
    const std::string paths[] = {
        "/search?q=" + attack,
        "/search?q=library&committee=" + attack,
        "/search?officer=" + attack + "&from=2019-01-01",
        "/feed.atom?q=" + attack,
        "/meetings/" + attack + "/2024-03-05",
        "/minutes/" + attack + "/2024-03-05/" + attack,
        "/nowhere/" + attack,
    };
    for (const auto& path : paths) {
        INFO("GET " << path);
        Reply r = get(made_port(), path);
        CHECK(r.body.find("<script>") == std::string::npos);
        CHECK(r.body.find("\"><img") == std::string::npos);
    }
    Reply r = get(made_port(), "/search?q=" + attack);
    CHECK(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img") !=
          std::string::npos);
}

TEST_CASE("pages carry no script and a policy that forbids it", "[web][safety]") {
    for (const char* path :
         {"/", "/search?q=library", "/help", "/browse", "/passages/0000000000000000"}) {
        INFO(path);
        Reply r = get(made_port(), path);
        CHECK(r.body.find("<script") == std::string::npos);
        const std::string policy = r.header("Content-Security-Policy");
        CHECK(policy.find("default-src 'none'") != std::string::npos);
        // Scripts from the site only (the copy button's): nothing inline runs.
        CHECK(policy.find("script-src 'self';") != std::string::npos);
    }
}

TEST_CASE("the search page keeps the whole search in its links", "[web][pages]") {
    Reply r = get(corpus_port(), "/search?q=school&type=minute&sort=date");
    REQUIRE(r.status == 200);
    // A facet click adds its filter to what is there; a chip removes only its own.
    CHECK(r.body.find("href=\"/"
                      "search?q=school&amp;committee=Children%20and%20Young%20People%20Committee&"
                      "amp;type=minute&amp;sort=date\"") != std::string::npos);
    CHECK(r.body.find(
              "<li class=\"chip\">Kind: Minute item<a href=\"/search?q=school&amp;sort=date\"") !=
          std::string::npos);
    CHECK(r.body.find("<input type=\"hidden\" name=\"type\" value=\"minute\">") !=
          std::string::npos);
    CHECK(r.body.find("Open PDF at page") != std::string::npos);
}

TEST_CASE("pages of results follow one another", "[web][pages]") {
    Reply first = get(corpus_port(), "/search?q=school");
    CHECK(first.body.find("href=\"/search?q=school&amp;offset=10\">Next →</a>") !=
          std::string::npos);
    CHECK(first.body.find("Previous") == std::string::npos);
    Reply second = get(corpus_port(), "/search?q=school&offset=10");
    CHECK(second.body.find("href=\"/search?q=school\">← Previous</a>") != std::string::npos);
}

TEST_CASE("the Atom feed parses as XML with a feed root, newest first", "[web][feeds]") {
    Reply r = get(corpus_port(), "/feed.atom?q=school");
    REQUIRE(r.status == 200);
    XmlSummary xml = parse_atom(r.body);
    INFO(xml.error);
    REQUIRE(xml.parsed);
    CHECK(xml.root == "http://www.w3.org/2005/Atom feed");
    CHECK(xml.entry_updated.size() == 20);
    CHECK(std::is_sorted(xml.entry_updated.rbegin(), xml.entry_updated.rend()));
}

TEST_CASE("the CSV export holds every result, one record each", "[web][feeds]") {
    Searcher searcher(test::corpus_index().db);
    SearchRequest request;
    request.query = "school";
    const int total = searcher.search(request).total;
    REQUIRE(total > web::kMaxPageLimit);

    Reply r = get(corpus_port(), "/export.csv?q=school");
    REQUIRE(r.status == 200);
    CHECK(r.header("Content-Disposition").find("attachment") != std::string::npos);
    auto parsed = parse_csv(r.body);
    REQUIRE(parsed);
    const auto& rows = *parsed;
    REQUIRE(rows.size() == static_cast<size_t>(total) + 1);
    CHECK(rows[0][0] == "id");
    std::set<std::string> ids;
    for (const auto& row : rows) {
        CHECK(row.size() == rows[0].size());
        ids.insert(row[0]);
    }
    CHECK(ids.size() == rows.size());
}

TEST_CASE("CSV fields are quoted as RFC 4180 asks, formulas kept as text", "[web][feeds]") {
    const std::pair<std::string, std::string> cases[] = {
        {"plain", "plain"},
        {"", ""},
        {"a,b", "\"a,b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"two\nlines", "\"two\nlines\""},
        {"=SUM(A1:A9)", "'=SUM(A1:A9)"},
        {"@cmd", "'@cmd"},
        {"-1,5", "\"'-1,5\""},
    };
    for (const auto& [text, field] : cases) {
        INFO(text);
        CHECK(web::csv_field(text) == field);
    }
}

TEST_CASE("search parameters written into a URL read back the same", "[web][params]") {
    const std::string cases[] = {
        "q=school",
        "q=%22music%20hub%22&committee=CYP&from=2019-01-01&to=2019-12-31",
        "q=a%26b&officer=Helen%20Gregg&person=X&decision=noted&type=minute&status=open&sort=date&"
        "offset=20&limit=50",
    };
    for (const auto& qs : cases) {
        INFO(qs);
        httplib::Params params;
        httplib::detail::parse_query_text(qs, params);
        auto request = web::search_request(params, web::ParamRules{});
        REQUIRE(request.ok());
        CHECK(web::query_string(request.value()) == qs);
    }
}

TEST_CASE("requests that change things are refused", "[web][api]") {
    httplib::Client client("127.0.0.1", made_port());
    auto r = client.Post("/api/search", "q=school", "application/x-www-form-urlencoded");
    REQUIRE(r);
    CHECK(r->status == 405);
    CHECK(r->get_header_value("Allow") == "GET, HEAD");
    CHECK(nlohmann::json::parse(r->body)["error"]["status"] == 405);
}

TEST_CASE("concurrent searches each get their own searcher", "[web][api]") {
    const std::string expected = get(made_port(), "/api/search?q=library&limit=5").body;
    std::vector<std::future<int>> clients;
    for (int c = 0; c < 8; ++c) {
        clients.push_back(std::async(std::launch::async, [&] {
            int same = 0;
            httplib::Client client("127.0.0.1", made_port());
            for (int i = 0; i < 5; ++i) {
                auto r = client.Get("/api/search?q=library&limit=5");
                if (r && r->status == 200 && r->body == expected) ++same;
            }
            return same;
        }));
    }
    for (auto& c : clients) CHECK(c.get() == 5);
}

TEST_CASE("serve indexes the bundled archive on first start and prints its address", "[web][cli]") {
    test::TempDir tmp("minutebook-serve");
    const std::string db = (tmp.path() / "db").string();
    // The server is stopped by the shell after its first answer.
    const std::string script = test::quote(test::binary()) + " serve --quiet --port 0 --db " +
                               test::quote(db) + " > " +
                               test::quote((tmp.path() / "out").string()) +
                               " 2>&1 & pid=$!; "
                               "for i in $(seq 1 600); do grep -q '^Serving' " +
                               test::quote((tmp.path() / "out").string()) +
                               " && break; sleep 0.1; done; kill -TERM $pid; wait $pid";
    const int status = std::system(script.c_str());
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    const std::string out = test::read_file(tmp.path() / "out");
    CHECK(out.find("indexing the bundled archive") != std::string::npos);
    CHECK(out.find("Serving " + db + " at http://127.0.0.1:") != std::string::npos);
    CHECK(fs::exists(fs::path(db) / "iamglass"));
}

TEST_CASE("a server counting on a sample says so in the API and on the page", "[web][facets]") {
    // The bundled archive has 421 passages; counted one by one up to 50,
    // "school" (160 passages) is counted on a sample.
    TestServer sampling(test::corpus_index().db, {}, SearchSettings{50});
    Reply api = get(sampling.port(), "/api/search?q=school");
    REQUIRE(api.status == 200);
    auto j = nlohmann::json::parse(api.body);
    CHECK(j["total_exact"] == false);
    CHECK(j["facets_exact"] == false);
    CHECK(j["total"].get<int>() > 0);

    Reply page = get(sampling.port(), "/search?q=school");
    REQUIRE(page.status == 200);
    CHECK(page.body.find("<strong>about ") != std::string::npos);
    CHECK(page.body.find("estimated from a sample") != std::string::npos);
    CHECK(page.body.find("<span class=\"count\">≈") != std::string::npos);

    // The default server counts them all.
    auto exact = nlohmann::json::parse(get(corpus_port(), "/api/search?q=school").body);
    CHECK(exact["facets_exact"] == true);
    CHECK(exact["total_exact"] == true);
    CHECK(get(corpus_port(), "/search?q=school").body.find("≈") == std::string::npos);
}
