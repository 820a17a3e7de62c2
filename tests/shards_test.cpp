// Shards answer as one database: the corpus split by council (committee)
// into two databases, searched as local shards and through two
// xapian-tcpsrv servers on loopback, gives the same results, totals, facet
// counts, corrections and minute look-ups as one database holding it all.
// Exits with 77 (ctest: skipped) where xapian-tcpsrv is not installed.
#include <catch2/catch.hpp>

#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <set>
#include <cstdlib>
#include <iostream>
#include <thread>

#include <xapian.h>

#include "attendance_index.h"
#include "corpus_index.h"
#include "indexer/vocabulary.h"
#include "query/minute_ref.h"
#include "query/search.h"
#include "run_command.h"

extern char** environ;

using namespace minutebook;

namespace {

constexpr int kSkipped = 77;

// One shard per committee, as an archive kept one database per council:
// no meeting's items are in both.
const std::vector<std::string> kShardA = {
    "Agenda_reports_pack_11-Jul-2017_Children_and_Young_People_Committee.pdf",
    "Agenda_reports_pack_26-Nov-2024_Children_and_Young_People_Committee.pdf",
    "Childrens_Services_Self-Assessment_2017.pdf"};
const std::vector<std::string> kShardB = {
    "Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf",
    "Agenda_reports_pack_15-Nov-2023_Corporate_Parenting_Sub-Committee.pdf"};

struct Shards {
    test::TempDir dir{"minutebook-shards"};
    std::string a = (dir.path() / "a").string();
    std::string b = (dir.path() / "b").string();
    std::string vocabulary = (dir.path() / "vocabulary").string();
    VocabularySummary summary;
};

const Shards& shards() {
    static Shards* s = [] {
        auto* s = new Shards;
        for (const auto& [db, files] : {std::pair{s->a, kShardA}, std::pair{s->b, kShardB}}) {
            std::vector<std::string> paths;
            for (const auto& f : files) paths.push_back((test::corpus_dir() / f).string());
            IndexOptions options;
            options.db_path = db;
            index_paths(paths, options);
        }
        Xapian::WritableDatabase out(s->vocabulary, Xapian::DB_CREATE);
        s->summary = write_archive_vocabulary({Xapian::Database(s->a), Xapian::Database(s->b)}, out);
        return s;
    }();
    return *s;
}

std::string find_tcpsrv() {
    for (const char* dir : {"/usr/bin", "/usr/local/bin"}) {
        const std::string path = std::string(dir) + "/xapian-tcpsrv";
        if (access(path.c_str(), X_OK) == 0) return path;
    }
    return "";
}

// A port free on loopback just now.
int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), size) == 0);
    REQUIRE(getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0);
    close(fd);
    return ntohs(address.sin_port);
}

// xapian-tcpsrv serving one database on loopback until destroyed.
class TcpServer {
public:
    // `idle_timeout_ms`: when it closes an idle connection; 0, its default.
    TcpServer(const std::string& program, const std::string& db, int idle_timeout_ms = 0) : port_(free_port()) {
        const std::string port = std::to_string(port_);
        std::vector<std::string> words = {program, "--port", port, "--interface", "127.0.0.1", "--quiet"};
        if (idle_timeout_ms > 0) words.insert(words.end(), {"--idle-timeout", std::to_string(idle_timeout_ms)});
        words.push_back(db);
        std::vector<char*> argv;
        for (auto& w : words) argv.push_back(w.data());
        argv.push_back(nullptr);
        // Its own process group: on SIGTERM xapian-tcpsrv ends its whole
        // group (its forked children), which would otherwise be this test's.
        posix_spawnattr_t attributes;
        posix_spawnattr_init(&attributes);
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attributes, 0);
        const int spawned = posix_spawn(&pid_, program.c_str(), nullptr, &attributes, argv.data(), environ);
        posix_spawnattr_destroy(&attributes);
        REQUIRE(spawned == 0);
        wait_until_open();
    }
    ~TcpServer() {
        kill(pid_, SIGTERM);
        waitpid(pid_, nullptr, 0);
    }
    std::string address() const { return "tcp://127.0.0.1:" + std::to_string(port_); }

private:
    void wait_until_open() const {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (std::chrono::steady_clock::now() < deadline) {
            try {
                open_database(address());
                return;
            } catch (const Xapian::Error&) {
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        }
        FAIL("xapian-tcpsrv did not start on " << address());
    }

    int port_;
    pid_t pid_ = 0;
};

// Everything of a response that shards must not change, as one string, so
// that a failure shows the whole difference.
std::string canonical(const SearchResponse& r) {
    std::string out = "total " + std::to_string(r.total) + (r.total_exact ? "" : " (about)");
    out += "\ncorrected " + r.corrected.value_or("-") + "; did you mean " + r.did_you_mean.value_or("-") +
           (r.relaxed ? "; relaxed" : "");
    out += "\nresults";
    for (const auto& result : r.results) out += " " + result.passage.id();
    for (const auto& [name, values] : r.facets) {
        out += "\n" + name + ":";
        for (const auto& v : values) out += " " + v.value + "=" + std::to_string(v.count);
    }
    return out;
}

struct Case {
    const char* what;
    SearchRequest request;
    const char* corrected = nullptr;  // the correction the single database makes
};

std::vector<Case> cases() {
    auto query = [](const char* q) {
        SearchRequest r;
        r.query = q;
        return r;
    };
    auto with = [](SearchRequest r, std::optional<std::string> SearchRequest::*field, const char* value) {
        r.*field = value;
        return r;
    };
    SearchRequest by_date = query("children");
    by_date.sort = "date";
    SearchRequest second_page = query("school");
    second_page.offset = 10;
    SearchRequest like;
    like.like = Searcher(test::corpus_index().db).search(query("fostering")).results.at(0).passage.id();
    return {
        {"plain word", query("fostering")},
        {"stemmed word", query("placements")},
        {"several words", query("home to school transport")},
        {"phrase", query("\"music education hub\"")},
        {"committee prefix", query("committee:cyp transport")},
        {"committee filter", with(query("school"), &SearchRequest::committee, "Corporate Parenting")},
        {"date range", query("date:2019..2020 budget")},
        {"officer filter", with(query("report"), &SearchRequest::officer, "gregg")},
        {"open actions", with(with(query(""), &SearchRequest::type, "action"), &SearchRequest::status, "open")},
        {"decision facet", with(query("approved"), &SearchRequest::decision, "approved")},
        {"minute reference", query("minute 232")},
        {"committee and minute", query("cyp 229")},
        {"misspelling corrected", query("fostring"), "fostering"},
        {"archive's own misspelling", query("accomodation")},
        {"acronym", query("MASH")},
        {"British and American", query("program")},
        {"sorted by date", by_date},
        {"second page", second_page},
        {"more like this", like},
        {"nothing", query("zzyzx")},
    };
}

// The total and the facets, as one string.
std::string counts(const SearchResponse& r) {
    std::string out = canonical(r);
    const size_t results = out.find("\nresults");
    return out.erase(results, out.find('\n', results + 1) - results);
}

void check_same_as_one_database(const IndexLocation& shards) {
    Searcher sharded(shards);
    Searcher single(test::corpus_index().db);
    CHECK(sharded.passage_count() == single.passage_count());
    for (const auto& c : cases()) {
        INFO(c.what);
        const SearchResponse one = single.search(c.request);
        if (c.corrected) CHECK(one.corrected.value_or("") == c.corrected);
        CHECK(canonical(sharded.search(c.request)) == canonical(one));
    }
    Xapian::Database one_db(test::corpus_index().db);
    for (const char* reference : {"cyp 232", "232", "Corporate Parenting 22 May 2019 item 103"}) {
        INFO(reference);
        CHECK(to_json(look_up_minute(sharded.index().passages, reference)) == to_json(look_up_minute(one_db, reference)));
    }
    // Counted on a sample (more matches than the exact count), shards count
    // the same sample buckets: the same estimates. (Among equal scores,
    // results may come in another order: Xapian stops ranking early.)
    const SearchSettings small{60};
    Searcher sampled_shards(shards, small);
    Searcher sampled_single(IndexLocation{{test::corpus_index().db}, ""}, small);
    for (const char* q : {"", "school", "children", "type:report"}) {
        INFO("sampled: " << q);
        SearchRequest request;
        request.query = q;
        const SearchResponse one = sampled_single.search(request);
        CHECK_FALSE(one.facets_exact);
        CHECK(counts(sampled_shards.search(request)) == counts(one));
    }
}

// Spelling table, synonyms and the archive's names and files, a line each.
std::set<std::string> vocabulary_dump(const Xapian::Database& db) {
    std::set<std::string> out;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it)
        out.insert("spelling " + *it + " " + std::to_string(it.get_termfreq()));
    for (auto key = db.synonym_keys_begin(); key != db.synonym_keys_end(); ++key) {
        std::string line = "synonyms " + *key + ":";
        for (auto it = db.synonyms_begin(*key); it != db.synonyms_end(*key); ++it) line += " " + *it;
        out.insert(line);
    }
    for (const char* prefix : {"committee:", "officer:", "person:", "file:"}) {
        for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
            out.insert(*it + "=" + db.get_metadata(*it));
    }
    return out;
}

std::string lines_only_in(const std::set<std::string>& a, const std::set<std::string>& b) {
    std::string out;
    for (const auto& line : a) {
        if (!b.count(line)) out += line + "\n";
    }
    return out;
}

}  // namespace

// The test cases share one indexing of the shards per process (ctest runs
// each in its own), so each holds its checks as sections.
TEST_CASE("two shards hold the corpus once, with the vocabulary of one database", "[shards][vocabulary]") {
    const Shards& s = shards();
    const Xapian::Database a(s.a), b(s.b), merged(s.vocabulary), one(test::corpus_index().db);
    SECTION("every passage is in one shard") {
        CHECK(s.summary.shared_passages == 0);
        CHECK(a.get_doccount() + b.get_doccount() == one.get_doccount());
    }
    SECTION("spelling, synonyms, names and files are those of one database") {
        CHECK(lines_only_in(vocabulary_dump(merged), vocabulary_dump(one)) == "");
        CHECK(lines_only_in(vocabulary_dump(one), vocabulary_dump(merged)) == "");
    }
    // One database keeps the expansion seen most often in a run; shards keep
    // only their own choice, so where they disagree the merge takes the one
    // most shards give (ties: alphabetical), which may not be one run's.
    SECTION("an acronym takes an expansion one of the shards gives it") {
        const std::string prefix = "acronym:";
        std::string wrong;
        for (auto it = one.metadata_keys_begin(prefix); it != one.metadata_keys_end(prefix); ++it) {
            const std::string chosen = merged.get_metadata(*it);
            if (chosen.empty() || (chosen != a.get_metadata(*it) && chosen != b.get_metadata(*it))) {
                wrong += *it + "=" + chosen + "\n";
            }
        }
        CHECK(wrong == "");
    }
}

TEST_CASE("two local shards answer as one database", "[shards]") {
    const Shards& s = shards();
    SECTION("through the query layer") {
        check_same_as_one_database(IndexLocation{{s.a, s.b}, s.vocabulary});
    }
    SECTION("on the command line, with a vocabulary made at start") {
        const std::string query = " --json --limit 5 fostring";
        auto one = test::run_minutebook("search --db " + test::quote(test::corpus_index().db) + query);
        auto two = test::run_minutebook("search --db " + test::quote(s.a) + " --db " + test::quote(s.b) + query);
        REQUIRE(one.status == 0);
        REQUIRE(two.status == 0);
        CHECK(two.out == one.out);
    }
}

TEST_CASE("misused shard options are usage errors", "[shards][cli]") {
    struct Case {
        const char* args;
        const char* message;
    };
    static const Case kCases[] = {
        {"search --db tcp://localhost fostering", "tcp://HOST:PORT"},
        {"search --db tcp://localhost:99999 fostering", "tcp://HOST:PORT"},
        {"index --db a --db b corpus", "give --db once"},
        {"index --db tcp://localhost:7001 corpus", "writes a local database"},
        {"vocabulary --db a", "--out"},
        {"vocabulary --out v", "--db"},
    };
    for (const auto& c : kCases) {
        INFO(c.args);
        auto r = test::run_minutebook(c.args);
        CHECK(r.status == 2);
        CHECK(r.err.find(c.message) != std::string::npos);
    }
}

TEST_CASE("two shards served by xapian-tcpsrv answer as one database", "[shards][remote]") {
    const std::string tcpsrv = find_tcpsrv();
    if (tcpsrv.empty()) {
        std::cerr << "xapian-tcpsrv is not installed (Debian's xapian-tools): skipped.\n";
        std::exit(kSkipped);
    }
    const Shards& s = shards();
    TcpServer a(tcpsrv, s.a), b(tcpsrv, s.b);
    SECTION("with the vocabulary made from local shards") {
        check_same_as_one_database(IndexLocation{{a.address(), b.address()}, s.vocabulary});
    }
    SECTION("with the vocabulary made from the remote shards") {
        test::TempDir dir("minutebook-remote-vocabulary");
        const std::string out = (dir.path() / "vocabulary").string();
        auto r = test::run_minutebook("vocabulary --db " + a.address() + " --db " + b.address() + " --out " +
                                      test::quote(out));
        REQUIRE(r.status == 0);
        check_same_as_one_database(IndexLocation{{a.address(), b.address()}, out});
    }
    SECTION("after a server closed an idle connection") {
        TcpServer impatient(tcpsrv, s.a, 200);
        Searcher searcher(IndexLocation{{impatient.address(), s.b}, s.vocabulary});
        SearchRequest request;
        request.query = "fostering";
        const std::string first = canonical(searcher.search(request));
        std::this_thread::sleep_for(std::chrono::milliseconds(600));
        CHECK(canonical(searcher.search(request)) == first);
    }
}

TEST_CASE("a remote shard counts every member of a full council's attendance list", "[shards][remote][facets]") {
    const std::string tcpsrv = find_tcpsrv();
    if (tcpsrv.empty()) {
        std::cerr << "xapian-tcpsrv is not installed (Debian's xapian-tools): skipped.\n";
        std::exit(kSkipped);
    }
    test::TempDir dir("minutebook-remote-attendance");
    const std::string db = (dir.path() / "db").string();
    test::write_attendance_index(db, 70, 20);
    TcpServer server(tcpsrv, db);
    SearchRequest request;
    request.query = "attendance";
    const std::string local = canonical(Searcher(db).search(request));
    const std::string remote = canonical(Searcher(IndexLocation{{server.address()}, ""}).search(request));
    CHECK(remote == local);
    CHECK(remote.find("Councillor Member070=1") != std::string::npos);
    CHECK(remote.find("person:") != std::string::npos);
}
