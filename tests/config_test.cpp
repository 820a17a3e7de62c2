// The configuration file: what it sets, the order a value is taken in
// (flag, environment, file, default), a bad file's one clear error, the
// archive roots with their councils, and a server that never falls back to
// the bundled archive.
#include <httplib.h>
#include <signal.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>

#include "run_command.h"
#include "test_paths.h"

namespace fs = std::filesystem;
using namespace minutebook;

namespace {

void write(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

std::string env_of(const fs::path& config) {
    return "MINUTEBOOK_CONFIG=" + test::quote(config.string());
}

}  // namespace

TEST_CASE("a bad configuration file is one error naming its line and key", "[config][cli]") {
    test::TempDir tmp("minutebook-config-bad");
    struct Case {
        const char* text;
        const char* error;
    };
    const Case cases[] = {
        {"[server]\nprot = 80\n", "line 2: unknown key 'prot' in [server] (host, port, threads, base_url, trusted_proxies)."},
        {"colour = \"blue\"\n", "line 1: unknown key 'colour' (index, server, archive)."},
        {"[server\nport = 80\n", "line 1: "},
        {"[server]\nport = \"eighty\"\n", "line 2: server.port must be a whole number from 0 to 65535."},
        {"[server]\nport = 70000\n", "line 2: server.port must be a whole number from 0 to 65535."},
        {"[index]\nocr = \"sometimes\"\n", "line 2: index.ocr must be \"auto\", \"never\" or \"always\"."},
        {"[index]\nmemory_limit = \"lots\"\n", "line 2: index.memory_limit must be a size in bytes"},
        {"[index]\ndir = \"/srv/index\"\n\n[[archive]]\ncouncil = \"Kent County Council\"\n",
         "line 4: an [[archive]] needs a path."},
        {"[server]\nbase_url = \"example.org/archive\"\n",
         "line 2: server.base_url must be an http:// or https:// address"},
        {"[server]\ntrusted_proxies = [\"127.0.0.1\", 8]\n", "line 2: server.trusted_proxies must be a list of text."},
        {"[[archive]]\npath = \"/srv/papers\"\nshire = \"Kent\"\n",
         "line 3: unknown key 'shire' in [[archive]] (path, council)."},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const fs::path file = tmp.path() / "minutebook.conf";
        write(file, c.text);
        for (const char* command : {"stats", "serve", "index"}) {
            INFO(command);
            auto r = test::run_minutebook(command, env_of(file));
            CHECK(r.status == 2);
            CHECK(r.err.find(file.string() + " " + c.error) != std::string::npos);
        }
    }
    auto missing = test::run_minutebook("stats --config " + test::quote((tmp.path() / "none.conf").string()));
    CHECK(missing.status == 2);
    CHECK(missing.err.find("none.conf: no such configuration file.") != std::string::npos);
}

TEST_CASE("a value comes from the flag, then the environment, then the file", "[config][cli]") {
    test::TempDir tmp("minutebook-config-order");
    const fs::path archive = tmp.path() / "archive";
    fs::create_directories(archive);
    fs::copy_file(test::corpus_dir() / "Agenda_reports_pack_15-Nov-2023_Corporate_Parenting_Sub-Committee.pdf",
                  archive / "pack.pdf");
    const fs::path file = tmp.path() / "minutebook.conf";
    // Relative paths are read from the file's folder.
    write(file, "[index]\ndir = \"from-file\"\nocr = \"never\"\n\n[[archive]]\npath = \"archive\"\n");
    auto indexed = test::run_minutebook("index --quiet", env_of(file));
    REQUIRE(indexed.status == 0);
    CHECK(fs::exists(tmp.path() / "from-file" / "iamglass"));

    const std::string other = (tmp.path() / "from-env").string();
    auto env = test::run_minutebook("stats", env_of(file) + " MINUTEBOOK_DB=" + test::quote(other));
    CHECK(env.status == 1);
    CHECK(env.err.find("no index at " + other) != std::string::npos);

    auto flag = test::run_minutebook("stats --db " + test::quote((tmp.path() / "from-file").string()),
                                     env_of(file) + " MINUTEBOOK_DB=" + test::quote(other));
    CHECK(flag.status == 0);
    CHECK(flag.out.find("Files:      1 (1 indexed, 0 failed)") != std::string::npos);

    // --config wins over $MINUTEBOOK_CONFIG; set but empty, no file is read.
    write(tmp.path() / "bad.conf", "nonsense = 1\n");
    auto chosen = test::run_minutebook("stats --config " + test::quote(file.string()),
                                       "MINUTEBOOK_CONFIG=" + test::quote((tmp.path() / "bad.conf").string()));
    CHECK(chosen.status == 0);
    auto none = test::run_minutebook("stats --db " + test::quote((tmp.path() / "from-file").string()),
                                     "MINUTEBOOK_CONFIG=");
    CHECK(none.status == 0);
}

TEST_CASE("index without paths indexes the configuration's archive roots, each with its council", "[config][cli]") {
    test::TempDir tmp("minutebook-config-roots");
    for (const char* root : {"alpha", "beta"}) fs::create_directories(tmp.path() / root);
    fs::copy_file(test::corpus_dir() / "Agenda_reports_pack_15-Nov-2023_Corporate_Parenting_Sub-Committee.pdf",
                  tmp.path() / "alpha" / "a.pdf");
    fs::copy_file(test::corpus_dir() / "Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf",
                  tmp.path() / "beta" / "b.pdf");
    const fs::path file = tmp.path() / "minutebook.conf";
    write(file, "[index]\ndir = \"index\"\nocr = \"never\"\n\n"
                "[[archive]]\npath = \"alpha\"\ncouncil = \"Alpha Town Council\"\n\n"
                "[[archive]]\npath = \"beta\"\ncouncil = \"Beta Parish Council\"\n");
    auto indexed = test::run_minutebook("index --quiet", env_of(file));
    REQUIRE(indexed.status == 0);
    auto found = test::run_minutebook("search --json --limit 1 corporate parenting", env_of(file));
    REQUIRE(found.status == 0);
    auto j = nlohmann::json::parse(found.out);
    std::set<std::string> councils;
    for (const auto& f : j["facets"]["council"]) councils.insert(f["value"].get<std::string>());
    CHECK(councils == std::set<std::string>{"Alpha Town Council", "Beta Parish Council"});
    // Paths on the command line win over the file's roots.
    auto given = test::run_minutebook("index --quiet " + test::quote((tmp.path() / "alpha").string()), env_of(file));
    CHECK(given.status == 0);
    CHECK(given.err.find("0 new, 0 changed, 1 unchanged") != std::string::npos);
}

TEST_CASE("under a configuration file the server never serves the bundled archive: 503 until an index is written",
          "[config][web]") {
    test::TempDir tmp("minutebook-config-serve");
    fs::create_directories(tmp.path() / "archive");
    fs::copy_file(test::corpus_dir() / "Agenda_reports_pack_15-Nov-2023_Corporate_Parenting_Sub-Committee.pdf",
                  tmp.path() / "archive" / "pack.pdf");
    const fs::path file = tmp.path() / "minutebook.conf";
    write(file, "[index]\ndir = \"index\"\nocr = \"never\"\n\n[server]\nhost = \"127.0.0.1\"\nport = 0\n\n"
                "[[archive]]\npath = \"archive\"\n");
    const fs::path out = tmp.path() / "out", pid = tmp.path() / "pid";
    const std::string start = env_of(file) + " " + test::quote(test::binary()) + " serve --quiet > " +
                              test::quote(out.string()) + " 2>&1 & echo $! > " + test::quote(pid.string());
    REQUIRE(std::system(start.c_str()) == 0);
    int port = 0;
    for (int i = 0; i < 300 && port == 0; ++i) {
        std::smatch m;
        const std::string text = test::read_file(out);
        static const std::regex serving(R"(Serving .* at http://127\.0\.0\.1:(\d+)/)");
        if (std::regex_search(text, m, serving)) port = std::stoi(m[1].str());
        else std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    const int server = std::stoi(test::read_file(pid));
    struct Stop {
        int pid;
        ~Stop() { kill(pid, SIGTERM); }
    } stop{server};
    REQUIRE(port > 0);
    CHECK(test::read_file(out).find("bundled archive") == std::string::npos);
    httplib::Client client("127.0.0.1", port);
    auto before = client.Get("/healthz");
    REQUIRE(before);
    CHECK(before->status == 503);
    CHECK_FALSE(fs::exists(tmp.path() / "index" / "iamglass"));

    REQUIRE(test::run_minutebook("index --quiet", env_of(file)).status == 0);
    // The running server takes the new index without a restart.
    int status = 0;
    for (int i = 0; i < 50 && status != 200; ++i) {
        auto after = client.Get("/healthz");
        status = after ? after->status : 0;
        if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(status == 200);
}
