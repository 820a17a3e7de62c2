// Nothing lost when the archive, the disk or the machine misbehaves: a root
// that lists none of its files (a share not mounted), a folder that cannot
// be listed, reads that fail for a passing reason, a full disk at any point
// of a run, and `check` on damaged copies of an index.
//
// Faults are injected by tests/fault_inject.c (LD_PRELOAD), so the tests
// need no privileges and run in CI.
#include <unistd.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "index_checks.h"
#include "indexer/check.h"
#include "indexer/indexer.h"
#include "indexer/ledger.h"
#include "indexer/writer.h"
#include "run_command.h"
#include "test_paths.h"

using namespace minutebook;
namespace fs = std::filesystem;
using test::quote;
using test::run_minutebook;

namespace {

const char* kCp2019 = "Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf";
const char* kSelf2017 = "Childrens_Services_Self-Assessment_2017.pdf";

std::string index_args(const std::string& db) { return "index --quiet --ocr never --jobs 1 --db " + quote(db) + " "; }

std::string shim(const std::string& vars) {
    return "env LD_PRELOAD=" + quote(MINUTEBOOK_FAULT_SHIM) + " " + vars;
}

void append(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::app);
    out << text;
}

void write(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
}

// Ledger paths of the index.
std::set<std::string> ledger_paths(const std::string& db) {
    std::set<std::string> out;
    for (const auto& [path, e] : read_ledger(Xapian::Database(db))) out.insert(path);
    return out;
}

int passages(const std::string& db) { return static_cast<int>(Xapian::Database(db).get_doccount()); }

nlohmann::json stats_json(const std::string& db) {
    return nlohmann::json::parse(run_minutebook("stats --json --db " + quote(db)).out);
}

// A fresh index of `paths` with the same options, for comparison.
std::string clean_build(const fs::path& dir, const std::string& paths) {
    const std::string db = (dir / "clean").string();
    fs::remove_all(db);
    REQUIRE(run_minutebook(index_args(db) + paths).status <= 1);  // 1: a file that is not a PDF
    return db;
}

}  // namespace

TEST_CASE("a root that lists none of its indexed files keeps them; --prune removes them",
          "[resilience][removals]") {
    test::TempDir dir("minutebook-resilience");
    const fs::path share = dir.path() / "share", local = dir.path() / "local";
    fs::create_directories(share);
    fs::create_directories(local);
    fs::copy_file(test::corpus_dir() / kCp2019, share / "a.pdf");
    fs::copy_file(test::corpus_dir() / kSelf2017, share / "b.pdf");
    write(local / "junk.pdf", "not a PDF\n");
    const std::string db = (dir.path() / "db").string();
    const std::string roots = quote(share.string()) + " " + quote(local.string());
    REQUIRE(run_minutebook(index_args(db) + roots).status == 1);  // junk.pdf
    const int before = passages(db);
    REQUIRE(before > 0);

    // The share is not mounted: its folder is there and empty. A file added
    // to the other root meanwhile is indexed.
    fs::rename(share, dir.path() / "away");
    fs::create_directories(share);
    fs::copy_file(test::corpus_dir() / kCp2019, local / "c.pdf");
    append(local / "c.pdf", "\n% another copy\n");  // not the bytes of a.pdf: no move
    auto r = run_minutebook(index_args(db) + roots);
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find(share.string() + " lists 0 of 2 indexed files: is the share mounted? Run with --prune to "
                                      "remove them") != std::string::npos);
    CHECK(r.err.find("0 removed") != std::string::npos);
    CHECK(ledger_paths(db) == std::set<std::string>{"a.pdf", "b.pdf", "c.pdf", "junk.pdf"});
    CHECK(test::disagreements(db) == "");

    // The mount point itself gone: the same, not a misuse.
    fs::remove(share);
    r = run_minutebook(index_args(db) + roots);
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find(share.string() + " lists 0 of 2 indexed files") != std::string::npos);
    CHECK(ledger_paths(db).count("a.pdf") == 1);
    // A path the index never had is still a mistake.
    CHECK(run_minutebook(index_args(db) + quote((dir.path() / "typo").string())).status == 2);

    // Told to, the run removes them, and the summary and stats list them.
    fs::create_directories(share);
    r = run_minutebook(index_args(db) + "--prune " + roots);
    INFO(r.err);
    CHECK(r.status == 1);  // junk.pdf, as before
    CHECK(r.err.find("2 removed") != std::string::npos);
    CHECK(r.err.find("removed a.pdf") != std::string::npos);
    CHECK(r.err.find("removed b.pdf") != std::string::npos);
    CHECK(ledger_paths(db) == std::set<std::string>{"c.pdf", "junk.pdf"});
    const auto stats = stats_json(db);
    CHECK(stats["runs"][0]["removed_files"] == nlohmann::json::array({"a.pdf", "b.pdf"}));
    CHECK(stats["runs"][1]["held"].size() == 1);
    CHECK(stats["runs"].size() == 4);
}

TEST_CASE("more than half of at least ten files gone is held back; fewer are removed",
          "[resilience][removals]") {
    test::TempDir dir("minutebook-resilience");
    const fs::path root = dir.path() / "archive";
    fs::create_directories(root);
    for (int i = 0; i < 12; ++i) write(root / ("junk" + std::to_string(i) + ".pdf"), "not a PDF " + std::to_string(i));
    IndexOptions options;
    options.db_path = (dir.path() / "db").string();
    options.jobs = 1;
    options.ocr = OcrMode::kNever;
    REQUIRE(index_paths({root.string()}, options).files == 12);

    struct Case {
        int remove;         // files deleted before the run
        bool prune;
        int removed, held;  // what the run does
        const char* message;
    };
    const Case cases[] = {
        {7, false, 0, 1, "lists 5 of 12 indexed files"},  // more than half of 12
        {0, true, 7, 0, ""},                              // told to
        {2, false, 2, 0, ""},                             // 2 of 5: a clear-out, allowed
        {3, false, 0, 1, "lists 0 of 3 indexed files"},   // every file of the root
        {0, true, 3, 0, ""},
    };
    int deleted = 0;
    for (const auto& c : cases) {
        INFO("remove " << c.remove << (c.prune ? " with prune" : ""));
        for (int i = 0; i < c.remove; ++i) fs::remove(root / ("junk" + std::to_string(deleted++) + ".pdf"));
        options.prune = c.prune;
        const IndexReport r = index_paths({root.string()}, options);
        CHECK(r.removed == c.removed);
        REQUIRE(static_cast<int>(r.held.size()) == c.held);
        if (c.held) CHECK(r.held[0].message.find(c.message) != std::string::npos);
    }
    CHECK(ledger_paths(options.db_path).empty());
}

TEST_CASE("a folder that cannot be listed keeps the passages of every file under it",
          "[resilience][walk]") {
    test::TempDir dir("minutebook-resilience");
    const fs::path root = dir.path() / "archive";
    fs::create_directories(root / "2019");
    fs::create_directories(root / "2017");
    fs::copy_file(test::corpus_dir() / kCp2019, root / "2019" / "a.pdf");
    fs::copy_file(test::corpus_dir() / kSelf2017, root / "2017" / "b.pdf");
    const std::string db = (dir.path() / "db").string();
    REQUIRE(run_minutebook(index_args(db) + quote(root.string())).status == 0);
    const int before = passages(db);

    // Root reads every folder whatever its mode: run as nobody then, a copy
    // of the program (the build may lie in a folder nobody cannot enter).
    std::string as, program = test::binary();
    if (::geteuid() == 0) {
        REQUIRE(std::system("command -v setpriv >/dev/null") == 0);  // util-linux, in every Debian
        as = "cd / && setpriv --reuid=65534 --regid=65534 --clear-groups ";
        program = (dir.path() / "minutebook").string();
        fs::copy_file(test::binary(), program);
        fs::permissions(dir.path(), fs::perms::all, fs::perm_options::add);
        for (const auto& e : fs::recursive_directory_iterator(db)) fs::permissions(e.path(), fs::perms::all);
        fs::permissions(db, fs::perms::all);
    }
    fs::permissions(root / "2019", fs::perms::none);
    const auto r = run_minutebook(index_args(db) + quote(root.string()), as, program);
    fs::permissions(root / "2019", fs::perms::owner_all);
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("unread  folder " + (root / "2019").string() + ": Permission denied") != std::string::npos);
    CHECK(r.err.find("0 removed") != std::string::npos);
    CHECK(ledger_paths(db) == std::set<std::string>{"2017/b.pdf", "2019/a.pdf"});
    CHECK(passages(db) == before);
}

TEST_CASE("a read that fails for a passing reason keeps what the index had and is retried",
          "[resilience][transient]") {
    struct Case {
        const char* what;
        std::string fault;   // the shim's settings
        const char* reason;  // in the summary
    };
    const Case cases[] = {
        {"an I/O error", "MB_FAULT_READ_PATH=a.pdf MB_FAULT_READ_ERRNO=5", "Input/output error"},
        {"a stale file handle (NFS)", "MB_FAULT_READ_PATH=a.pdf MB_FAULT_READ_ERRNO=116", "Stale file handle"},
        {"a share disconnected", "MB_FAULT_READ_PATH=a.pdf MB_FAULT_READ_ERRNO=107", "not connected"},
        {"rewritten while read", "MB_FAULT_TOUCH_PATH=a.pdf", "changed while it was read"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        test::TempDir dir("minutebook-resilience");
        const fs::path root = dir.path() / "archive";
        fs::create_directories(root);
        fs::copy_file(test::corpus_dir() / kCp2019, root / "a.pdf");
        const std::string db = (dir.path() / "db").string();
        REQUIRE(run_minutebook(index_args(db) + quote(root.string())).status == 0);
        const std::string before = test::index_dump(db);

        // Changed, so the run must read it; the read fails.
        append(root / "a.pdf", "\n% revised\n");
        auto r = run_minutebook(index_args(db) + quote(root.string()), shim(c.fault));
        INFO(r.err);
        CHECK(r.status == 1);
        CHECK(r.err.find(c.reason) != std::string::npos);
        CHECK(r.err.find("read again by the next run") != std::string::npos);
        CHECK(test::index_dump(db) == before);  // nothing lost, nothing recorded as damaged

        // A new file whose read fails leaves no entry behind.
        fs::copy_file(test::corpus_dir() / kSelf2017, root / "new-a.pdf");
        r = run_minutebook(index_args(db) + quote(root.string()), shim(c.fault));
        CHECK(r.status == 1);
        CHECK(ledger_paths(db) == std::set<std::string>{"a.pdf"});

        // The next run reads it, and gives what a fresh build gives.
        r = run_minutebook(index_args(db) + quote(root.string()));
        INFO(r.err);
        CHECK(r.status == 0);
        CHECK(r.err.find("1 new, 1 changed") != std::string::npos);
        CHECK(test::index_dump(db) == test::index_dump(clean_build(dir.path(), quote(root.string()))));
    }
}

TEST_CASE("a full disk at any point of a run leaves the last commit whole, and the next run finishes",
          "[resilience][disk-full]") {
    test::TempDir dir("minutebook-resilience");
    const fs::path root = dir.path() / "archive";
    fs::create_directories(root);
    fs::copy_file(test::corpus_dir() / kCp2019, root / "a.pdf");
    fs::copy_file(test::corpus_dir() / kSelf2017, root / "b.pdf");
    write(root / "c.pdf", "not a PDF\n");
    const std::string args = "--batch-files 1 " + quote(root.string());
    const std::string clean = clean_build(dir.path(), args);
    const std::string expected = test::index_dump(clean), vocabulary = test::vocabulary_dump(clean);

    // How many writes a whole run makes, to spread the faults over it.
    const std::string counting = (dir.path() / "count").string();
    {
        const std::string db = (dir.path() / "count-db").string();
        fs::create_directories(db);
        run_minutebook(index_args(db) + args,
                       shim("MB_FAULT_DIR=" + quote(fs::absolute(db).string()) + " MB_FAULT_REPORT=" + quote(counting)));
    }
    const long writes = std::stol(test::read_file(counting));
    REQUIRE(writes > 20);
    std::vector<long> points{1, 2, 3, 5, 8, 13, 21};
    for (int k = 1; k < 12; ++k) points.push_back(writes * k / 12);
    points.push_back(writes);  // the very last write

    for (const long at : points) {
        INFO("ENOSPC from write " << at << " of " << writes);
        const std::string db = (dir.path() / ("db-" + std::to_string(at))).string();
        fs::create_directories(db);
        auto r = run_minutebook(index_args(db) + args,
                                shim("MB_FAULT_DIR=" + quote(fs::absolute(db).string()) +
                                     " MB_FAULT_ENOSPC_AT=" + std::to_string(at)));
        INFO(r.err);
        CHECK(r.status == 1);
        CHECK(r.err.find("the disk holding " + db + " is full") != std::string::npos);
        if (fs::exists(fs::path(db) / "iamglass")) {
            // What was committed is whole and searchable.
            const CheckReport check = check_index(db);
            for (const auto& p : check.problems) {
                // Only the vocabulary may wait for the next run.
                CHECK(p.find("vocabulary") != std::string::npos);
            }
            CHECK(run_minutebook("search --json --db " + quote(db) + " fostering").status == 0);
        }
        // Space freed: the next run finishes and equals a clean build.
        r = run_minutebook(index_args(db) + args);
        CHECK(r.status == 1);  // c.pdf is not a PDF
        CHECK(r.err.find("is full") == std::string::npos);
        CHECK(check_index(db).ok());
        CHECK(test::index_dump(db) == expected);
        CHECK(test::vocabulary_dump(db) == vocabulary);
        fs::remove_all(db);
    }
    std::cout << "disk full: " << points.size() << " points of " << writes << " writes, nothing lost\n";
}

TEST_CASE("a full disk under the OCR cache costs the caching, not the text", "[resilience][disk-full][ocr]") {
    test::TempDir dir("minutebook-resilience");
    const std::string db = (dir.path() / "db").string(), cache = (dir.path() / "cache").string();
    fs::create_directories(cache);
    const auto r = run_minutebook(
        "index --quiet --ocr always --max-pages 1 --db " + quote(db) + " --ocr-cache " + quote(cache) + " " +
            quote((test::corpus_dir() / kCp2019).string()),
        shim("MB_FAULT_ALL_PROCESSES=1 MB_FAULT_ENOSPC_AT=1 MB_FAULT_DIR=" + quote(fs::absolute(cache).string())));
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.err.find("1 page not kept in the OCR cache: the disk holding " + cache + " is full") != std::string::npos);
    CHECK(run_minutebook("search --json --db " + quote(db) + " \"corporate parenting\"").out.find("\"ocr\": true") !=
          std::string::npos);
}

TEST_CASE("check reports each kind of damage, and --repair mends what reading again can mend",
          "[resilience][check]") {
    test::TempDir dir("minutebook-resilience");
    const fs::path root = dir.path() / "archive";
    fs::create_directories(root);
    fs::copy_file(test::corpus_dir() / kCp2019, root / "a.pdf");
    fs::copy_file(test::corpus_dir() / kSelf2017, root / "b.pdf");
    const std::string db = (dir.path() / "db").string();
    REQUIRE(run_minutebook(index_args(db) + quote(root.string())).status == 0);
    const std::string expected = test::index_dump(db), vocabulary = test::vocabulary_dump(db);
    {
        const auto r = run_minutebook("check --db " + quote(db));
        CHECK(r.status == 0);
        CHECK(r.out.find("no problems") != std::string::npos);
    }

    struct Damage {
        const char* what;
        std::function<void(const std::string& db)> harm;
        const char* reported;
        bool repairable;
    };
    const Damage damages[] = {
        {"a ledger entry deleted",
         [](const std::string& d) { Xapian::WritableDatabase(d).set_metadata(ledger_key("a.pdf"), ""); },
         "passages of a file the ledger does not hold", true},
        {"a passage deleted",
         [](const std::string& d) {
             Xapian::WritableDatabase w(d);
             w.delete_document(*w.postlist_begin(""));
         },
         "passages, the index holds", true},
        {"a stale vocabulary",
         [](const std::string& d) {
             Xapian::WritableDatabase w(d);
             w.set_metadata(kVocabularyStaleKey, "1");
             w.clear_synonyms(*w.synonym_keys_begin());
         },
         "the vocabulary (spelling, synonyms, acronyms, names) was not rebuilt", true},
        {"a table file truncated",
         [](const std::string& d) { fs::resize_file(fs::path(d) / "postlist.glass", 8192); },
         "tables are damaged", false},
    };
    for (const auto& damage : damages) {
        INFO(damage.what);
        const std::string copy = (dir.path() / "copy").string();
        fs::remove_all(copy);
        fs::copy(db, copy, fs::copy_options::recursive);
        damage.harm(copy);
        auto r = run_minutebook("check --db " + quote(copy));
        INFO(r.out);
        CHECK(r.status == 1);
        CHECK(r.out.find(damage.reported) != std::string::npos);
        r = run_minutebook("check --repair --quiet --db " + quote(copy));
        INFO(r.out << r.err);
        CHECK(r.status == (damage.repairable ? 0 : 1));
        if (damage.repairable) {
            CHECK(r.out.find("After repair: no problems.") != std::string::npos);
            CHECK(test::index_dump(copy) == expected);
            CHECK(test::vocabulary_dump(copy) == vocabulary);
        }
    }
}
