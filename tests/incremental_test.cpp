// Incremental runs: only new and changed files are read, moved files keep
// their passages, deleted ones leave the index, a killed run leaves the last
// commit, and a second writer is turned away while searches go on.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/schema.h"
#include "indexer/indexer.h"
#include "indexer/ledger.h"
#include "query/search.h"
#include "index_checks.h"
#include "run_command.h"
#include "test_paths.h"

using namespace minutebook;
using test::disagreements;
using test::index_dump;
using test::quote;
using test::run_minutebook;
namespace fs = std::filesystem;

namespace {

const char* kCp2019 = "Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf";
const char* kSelf2017 = "Childrens_Services_Self-Assessment_2017.pdf";
const char* kCyp2017 = "Agenda_reports_pack_11-Jul-2017_Children_and_Young_People_Committee.pdf";

// ---- plan_run on a made-up archive ----

struct FakeEntry {
    const char* path;
    const char* root;
    const char* sha;
    std::uintmax_t size;
    std::int64_t mtime;
    const char* status;
    const char* passwords;
    const char* ocr;
    const char* message;
};

struct FakeFile {
    const char* display;
    const char* root;
    std::uintmax_t size;
    std::int64_t mtime;
    const char* sha;
};

// "<file> <change>[*: entry rewritten][ from <old path>] ... | gone: ... | hashed: ..."
std::string plan_string(const std::vector<FakeEntry>& entries, const std::vector<FakeFile>& listing,
                        const char* passwords, const char* ocr) {
    std::map<std::string, LedgerEntry> ledger;
    for (const auto& e : entries) {
        LedgerEntry l;
        l.path = e.path;
        l.root = e.root;
        l.sha256 = e.sha;
        l.size = e.size;
        l.mtime_ns = e.mtime;
        l.status = e.status;
        l.passwords = e.passwords;
        l.ocr = e.ocr;
        l.message = e.message;
        ledger[l.path] = l;
    }
    std::vector<ArchiveFile> files;
    std::vector<FileStat> stats;
    std::map<std::string, std::string> bytes;
    for (const auto& f : listing) {
        files.push_back({std::string(f.root) + "/" + f.display, f.display, f.root});
        stats.push_back({true, f.size, f.mtime});
        bytes[f.display] = f.sha;
    }
    std::string hashed;
    PlanOptions options;
    options.roots = {"/archive"};
    options.password_hash = passwords;
    options.ocr = ocr;
    options.hash = [&](const ArchiveFile& f) {
        hashed += " " + f.display;
        return bytes.at(f.display);
    };
    RunPlan plan = plan_run(files, stats, ledger, options);
    std::string out;
    for (size_t i = 0; i < plan.files.size(); ++i) {
        const PlannedFile& p = plan.files[i];
        out += files[i].display + " " + to_string(p.change) + (p.entry_changed ? "*" : "");
        if (p.moved_from) out += " from " + p.moved_from->path;
        out += "; ";
    }
    out += "| gone:";
    for (const auto& g : plan.gone) out += " " + g.path;
    return out + " | hashed:" + hashed;
}

std::string counts(const IndexReport& r) {
    std::ostringstream s;
    s << "new " << r.new_files << ", changed " << r.changed << ", unchanged " << r.unchanged
      << ", moved " << r.moved << ", removed " << r.removed << ", retried " << r.retried
      << ", read " << r.read;
    return s.str();
}

std::set<std::string> files_found(const std::string& db, const std::string& query) {
    Searcher searcher(db);
    SearchRequest request;
    request.query = query;
    request.limit = 20;
    std::set<std::string> out;
    for (const auto& r : searcher.search(request).results) out.insert(r.passage.primary().file);
    return out;
}

IndexOptions quick_options(const std::string& db) {
    IndexOptions options;
    options.db_path = db;
    options.ocr = OcrMode::kNever;
    options.jobs = 2;
    return options;
}

// `dir`/archive holding a.pdf (a pack of 38 pages) and b.pdf (a report of 93).
// `archive` indexed from scratch into dir/fresh, for comparing a run's
// index with; returns the database's path.
std::string fresh_build(const test::TempDir& dir, const std::string& archive) {
    const std::string fresh = (dir.path() / "fresh").string();
    index_paths({archive}, quick_options(fresh));
    return fresh;
}

fs::path two_file_archive(const fs::path& dir) {
    const fs::path archive = dir / "archive";
    fs::create_directories(archive);
    fs::copy_file(test::corpus_dir() / kCp2019, archive / "a.pdf");
    fs::copy_file(test::corpus_dir() / kSelf2017, archive / "b.pdf");
    return archive;
}

// Runs `options` on `archive` in a child process that kills itself once
// `files` files are written. The signal it died of, or 0.
int killed_after(const fs::path& archive, IndexOptions options, int files) {
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        options.on_progress = [files](const IndexProgress& p) {
            if (p.files_done == files) ::raise(SIGKILL);
        };
        try {
            index_paths({archive.string()}, options);
        } catch (...) {
        }
        _exit(3);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

void append(const fs::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary | std::ios::app) << bytes;
}

void write(const fs::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("a run plans to read only new and changed files", "[incremental][plan]") {
    struct Case {
        const char* name;
        std::vector<FakeEntry> ledger;
        std::vector<FakeFile> files;
        const char* passwords;
        const char* ocr;
        const char* expected;
    };
    const char* A = "/archive";
    const std::vector<Case> cases = {
        {"a file with the same size and time is neither hashed nor read",
         {{"a.pdf", A, "s1", 10, 100, "ok", "", "auto", ""}},
         {{"a.pdf", A, 10, 100, "s1"}},
         "",
         "auto",
         "a.pdf unchanged; | gone: | hashed:"},
        {"a touched file with the same bytes is hashed, not read",
         {{"a.pdf", A, "s1", 10, 100, "ok", "", "auto", ""}},
         {{"a.pdf", A, 10, 200, "s1"}},
         "",
         "auto",
         "a.pdf unchanged*; | gone: | hashed: a.pdf"},
        {"a file whose bytes changed is read",
         {{"a.pdf", A, "s1", 10, 100, "ok", "", "auto", ""}},
         {{"a.pdf", A, 11, 200, "s2"}},
         "",
         "auto",
         "a.pdf changed; | gone: | hashed: a.pdf"},
        {"a new file is read without hashing when nothing is gone",
         {},
         {{"a.pdf", A, 10, 100, "s1"}},
         "",
         "auto",
         "a.pdf new; | gone: | hashed:"},
        {"a renamed file is moved, not read",
         {{"a.pdf", A, "s1", 10, 100, "ok", "", "auto", ""}},
         {{"sub/b.pdf", A, 10, 300, "s1"}},
         "",
         "auto",
         "sub/b.pdf moved* from a.pdf; | gone: | hashed: sub/b.pdf"},
        {"a deleted file is gone",
         {{"a.pdf", A, "s1", 10, 100, "ok", "", "auto", ""}},
         {},
         "",
         "auto",
         "| gone: a.pdf | hashed:"},
        {"a file under a root not given is not gone",
         {{"a.pdf", "/other", "s1", 10, 100, "ok", "", "auto", ""}},
         {},
         "",
         "auto",
         "| gone: | hashed:"},
        {"an unchanged failure is not read again",
         {{"a.pdf", A, "s1", 10, 100, "damaged", "", "auto", "damaged: x"}},
         {{"a.pdf", A, 10, 100, "s1"}},
         "",
         "auto",
         "a.pdf unchanged; | gone: | hashed:"},
        {"an encrypted file is read again when the passwords change",
         {{"a.pdf", A, "s1", 10, 100, "encrypted", "", "auto", "encrypted: a password is needed"}},
         {{"a.pdf", A, 10, 100, "s1"}},
         "h1",
         "auto",
         "a.pdf retried; | gone: | hashed:"},
        {"an encrypted file is not read again with the same passwords",
         {{"a.pdf", A, "s1", 10, 100, "encrypted", "h1", "auto",
           "encrypted: none of the given passwords opens it"}},
         {{"a.pdf", A, 10, 100, "s1"}},
         "h1",
         "auto",
         "a.pdf unchanged; | gone: | hashed:"},
        {"a file with pages without text is read again when OCR is turned on",
         {{"a.pdf", A, "s1", 10, 100, "ok", "", "never", "no text layer on 3 pages"}},
         {{"a.pdf", A, 10, 100, "s1"}},
         "",
         "auto",
         "a.pdf retried; | gone: | hashed:"},
        {"a file with a text layer is not read again when OCR is turned on",
         {{"a.pdf", A, "s1", 10, 100, "ok", "", "never", ""}},
         {{"a.pdf", A, 10, 100, "s1"}},
         "",
         "auto",
         "a.pdf unchanged; | gone: | hashed:"},
        {"a moved archive keeps its files",
         {{"a.pdf", "/old", "s1", 10, 100, "ok", "", "auto", ""}},
         {{"a.pdf", A, 10, 100, "s1"}},
         "",
         "auto",
         "a.pdf unchanged*; | gone: | hashed:"},
        {"of two copies gone, one comes back under a new name",
         {{"a.pdf", A, "s1", 10, 100, "ok", "", "auto", ""},
          {"b.pdf", A, "s1", 10, 100, "ok", "", "auto", ""}},
         {{"c.pdf", A, 10, 100, "s1"}},
         "",
         "auto",
         "c.pdf moved* from a.pdf; | gone: b.pdf | hashed: c.pdf"},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        CHECK(plan_string(c.ledger, c.files, c.passwords, c.ocr) == c.expected);
    }
}

TEST_CASE("ledger entries survive a round trip through JSON, whatever the path's length",
          "[incremental][ledger]") {
    LedgerEntry e;
    e.path = std::string(300, 'd') + "/pack.pdf";
    e.root = "/archive";
    e.sha256 = std::string(64, 'a');
    e.size = 12345;
    e.mtime_ns = 1700000000123456789;
    e.status = "encrypted";
    e.message = "encrypted: a password is needed";
    e.passwords = "h";
    e.ocr = "auto";
    e.copy_forbidden = true;
    auto back = ledger_from_json("ignored", ledger_to_json(e));
    REQUIRE(back);
    CHECK(ledger_to_json(*back) == ledger_to_json(e));
    CHECK(ledger_key(e.path).size() <= 240);
    CHECK(ledger_key("a.pdf") == "ledger:a.pdf");
    CHECK_FALSE(ledger_from_json("x", "not json"));
}

TEST_CASE("re-runs read only what changed, follow moves and forget deleted files",
          "[incremental][e2e]") {
    test::TempDir dir("minutebook-incremental");
    const fs::path archive = dir.path() / "archive";
    fs::create_directories(archive);
    fs::copy_file(test::corpus_dir() / kCp2019, archive / "a.pdf");
    fs::copy_file(test::corpus_dir() / kSelf2017, archive / "b.pdf");
    write(archive / "junk.pdf", "this is not a PDF\n");
    const std::string db = (dir.path() / "db").string();
    IndexOptions options = quick_options(db);
    options.batch_files = 1;
    fs::path root = archive;

    struct Step {
        const char* what;
        std::function<void()> change;
        const char* counts;
    };
    const std::vector<Step> steps = {
        {"the first run reads every file", [] {},
         "new 3, changed 0, unchanged 0, moved 0, removed 0, retried 0, read 3"},
        {"nothing changed", [] {},
         "new 0, changed 0, unchanged 3, moved 0, removed 0, retried 0, read 0"},
        {"touched, same bytes",
         [&] {
             fs::last_write_time(archive / "a.pdf",
                                 fs::last_write_time(archive / "a.pdf") + std::chrono::hours(1));
         },
         "new 0, changed 0, unchanged 3, moved 0, removed 0, retried 0, read 0"},
        {"renamed into a folder",
         [&] {
             fs::create_directories(archive / "2017");
             fs::rename(archive / "b.pdf", archive / "2017" / "self.pdf");
         },
         "new 0, changed 0, unchanged 2, moved 1, removed 0, retried 0, read 0"},
        {"bytes changed", [&] { append(archive / "a.pdf", "\n% a comment after the end\n"); },
         "new 0, changed 1, unchanged 2, moved 0, removed 0, retried 0, read 1"},
        {"a failed file changed", [&] { write(archive / "junk.pdf", "still not a PDF\n"); },
         "new 0, changed 1, unchanged 2, moved 0, removed 0, retried 0, read 1"},
        {"a copy of an indexed file",
         [&] { fs::copy_file(archive / "a.pdf", archive / "a-copy.pdf"); },
         "new 1, changed 0, unchanged 3, moved 0, removed 0, retried 0, read 1"},
        {"the original of the copy deleted", [&] { fs::remove(archive / "a.pdf"); },
         "new 0, changed 0, unchanged 3, moved 0, removed 1, retried 0, read 0"},
        {"a file deleted", [&] { fs::remove(archive / "2017" / "self.pdf"); },
         "new 0, changed 0, unchanged 2, moved 0, removed 1, retried 0, read 0"},
        {"the archive's folder renamed",
         [&] {
             fs::rename(archive, dir.path() / "moved");
             root = dir.path() / "moved";
         },
         "new 0, changed 0, unchanged 2, moved 0, removed 0, retried 0, read 0"},
    };
    std::map<std::string, std::set<std::string>>
        found;  // step -> files found for "Youthoria website"
    for (const auto& step : steps) {
        INFO(step.what);
        step.change();
        IndexReport r = index_paths({root.string()}, options);
        CHECK(counts(r) == step.counts);
        CHECK(disagreements(db) == "");
        CHECK(r.failures() == 1);  // junk.pdf, read or not
        found[step.what] = files_found(db, "Youthoria website");
    }
    CHECK(found["nothing changed"].count("b.pdf") == 1);
    CHECK(found["renamed into a folder"].count("2017/self.pdf") == 1);
    CHECK(found["renamed into a folder"].count("b.pdf") == 0);
    CHECK(found["a file deleted"].count("2017/self.pdf") == 0);
    const auto amount = files_found(db,
                                    "\xC2\xA3"
                                    "39,441");
    CHECK(amount.count("a-copy.pdf") == 1);
    CHECK(amount.count("a.pdf") == 0);
    {
        Xapian::Database x(db);
        const std::string sha = read_ledger(x).at("a-copy.pdf").sha256;
        CHECK(x.get_metadata("file:" + sha) == (root / "a-copy.pdf").string());
    }

    // The same archive indexed from scratch gives the same index.
    CHECK(index_dump(db) == index_dump(fresh_build(dir, root.string())));
}

TEST_CASE("a run killed mid-batch leaves the last commit, and the next run finishes the job",
          "[incremental][crash]") {
    test::TempDir dir("minutebook-crash");
    const fs::path archive = dir.path() / "archive";
    fs::create_directories(archive);
    // Four files with different bytes and the same pages: quick to read.
    for (int i = 1; i <= 4; ++i) {
        const fs::path f = archive / ("pack" + std::to_string(i) + ".pdf");
        fs::copy_file(test::corpus_dir() / kCp2019, f);
        append(f, "\n% copy " + std::to_string(i) + "\n");
    }
    const std::string db = (dir.path() / "db").string();
    IndexOptions options = quick_options(db);
    options.batch_files = 2;

    // Batches of 1 file, then 2: the second file is written but its batch
    // is not committed.
    IndexOptions killed = options;
    killed.jobs = 1;
    CHECK(killed_after(archive, killed, 2) == SIGKILL);
    {
        Xapian::Database x(db);
        auto ledger = read_ledger(x);
        CHECK(ledger.size() == 1);
        CHECK(ledger.count("pack1.pdf") == 1);
        CHECK(x.get_doccount() > 0);
    }
    CHECK(disagreements(db) == "");

    IndexReport rest = index_paths({archive.string()}, options);
    CHECK(counts(rest) == "new 3, changed 0, unchanged 1, moved 0, removed 0, retried 0, read 3");
    CHECK(index_dump(db) == index_dump(fresh_build(dir, archive.string())));
}

TEST_CASE("a run killed after its last commit leaves the vocabulary to the next run",
          "[incremental][crash][vocabulary]") {
    test::TempDir dir("minutebook-crash-vocabulary");
    const fs::path archive = two_file_archive(dir.path());
    const std::string db = (dir.path() / "db").string();
    IndexOptions options = quick_options(db);
    options.batch_files = 1;

    // Both files are committed; the run's end, which rebuilds the
    // vocabulary, never comes.
    CHECK(killed_after(archive, options, 2) == SIGKILL);
    CHECK(read_ledger(Xapian::Database(db)).size() == 2);

    // Nothing is left to read, yet the vocabulary is rebuilt.
    IndexReport rest = index_paths({archive.string()}, options);
    CHECK(rest.read == 0);
    const std::string fresh = fresh_build(dir, archive.string());
    CHECK(index_dump(db) == index_dump(fresh));
    CHECK(test::vocabulary_dump(db) == test::vocabulary_dump(fresh));
    CHECK(Xapian::Database(db).get_metadata("vocabulary:stale").empty());
}

TEST_CASE("while a run writes, a second run is turned away and searches see the last commit",
          "[incremental][concurrency]") {
    test::TempDir dir("minutebook-busy");
    const fs::path archive = two_file_archive(dir.path());
    const std::string db = (dir.path() / "db").string();
    IndexOptions options = quick_options(db);
    options.jobs = 1;
    options.batch_files = 1;
    bool checked = false;
    test::CommandResult second, search, stats;
    options.on_progress = [&](const IndexProgress& p) {
        if (p.files_done != 1 || checked) return;
        checked = true;  // a.pdf is committed, b.pdf is not read yet
        second =
            run_minutebook("index --ocr never --db " + quote(db) + " " + quote(archive.string()));
        search = run_minutebook("search --json --db " + quote(db) + " " +
                                quote("\xC2\xA3"
                                      "39,441"));
        stats = run_minutebook("stats --json --db " + quote(db));
    };
    const auto start = std::chrono::steady_clock::now();
    IndexReport r = index_paths({archive.string()}, options);
    REQUIRE(checked);
    CHECK(r.read == 2);

    CHECK(second.status == 1);
    CHECK(second.err.find("is being written by another run") != std::string::npos);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(120));

    REQUIRE(search.status == 0);
    auto found = nlohmann::json::parse(search.out);
    REQUIRE(!found["results"].empty());
    CHECK(found["results"][0]["file"] == "a.pdf");

    REQUIRE(stats.status == 0);
    auto s = nlohmann::json::parse(stats.out);
    CHECK(s["files"] == 1);  // the last commit: b.pdf's batch is still open
}

TEST_CASE("the summary says what a run found and stats says what the index holds",
          "[incremental][cli]") {
    test::TempDir dir("minutebook-summary");
    const fs::path archive = dir.path() / "archive";
    fs::create_directories(archive);
    fs::copy_file(test::corpus_dir() / kCp2019, archive / "a.pdf");
    const std::string db = quote((dir.path() / "db").string());
    const std::string index = "index --ocr never --db " + db + " " + quote(archive.string());

    auto first = run_minutebook(index);
    CHECK(first.status == 0);
    CHECK(first.err.find("Files: 1 new, 0 changed, 0 unchanged, 0 moved, 0 removed (1 read).") !=
          std::string::npos);
    fs::rename(archive / "a.pdf", archive / "b.pdf");
    auto second = run_minutebook(index);
    CHECK(second.status == 0);
    CHECK(second.err.find("Files: 0 new, 0 changed, 0 unchanged, 1 moved, 0 removed (0 read).") !=
          std::string::npos);

    auto text = run_minutebook("stats --db " + db);
    REQUIRE(text.status == 0);
    for (const char* line :
         {"Files:      1 (1 indexed, 0 failed)", "Pages:      38 (0 read by OCR)",
          "Passages:   ", "Meetings:   ", "Committees: 1", "Last run:   "}) {
        INFO(line << "\n" << text.out);
        CHECK(text.out.find(line) != std::string::npos);
    }
    auto json = run_minutebook("stats --json --db " + db);
    REQUIRE(json.status == 0);
    auto j = nlohmann::json::parse(json.out);
    CHECK(j["pages"] == 38);
    CHECK(j["passages"].get<int>() > 0);
    CHECK(j["meetings"].get<int>() >= 1);
    CHECK(j["last_run"]["moved"] == 1);
    CHECK(j["failures"].empty());

    auto missing = run_minutebook("stats --db " + quote((dir.path() / "nothing").string()));
    CHECK(missing.status == 1);
    CHECK(missing.err.find("no index") != std::string::npos);
}

TEST_CASE("a file stopped or cut short by a limit is read again when a run raises the limit",
          "[incremental][limits]") {
    test::TempDir dir("minutebook-limits");
    const fs::path archive = dir.path() / "archive";
    fs::create_directories(archive);
    fs::copy_file(test::corpus_dir() / kCp2019, archive / "small.pdf");  // 38 pages, 156 KB
    fs::copy_file(test::corpus_dir() / kCyp2017, archive / "big.pdf");   // 119 pages, 364 KB
    const std::string db = (dir.path() / "db").string();
    const std::string index = "index --ocr never --db " + quote(db) + " ";

    // "Froude" is printed on page 30 of small.pdf and on none before it.
    struct Step {
        const char* limits;
        int status;
        std::vector<std::string> says;
        size_t froude_found;
    };
    const std::vector<Step> steps = {
        {"--max-file-size 200K --max-pages 20",
         1,
         {"failed  big.pdf: too large: 364 KB, over the 200 KB limit\n",
          "warning small.pdf: only the first 20 pages of 38 read (page limit)\n",
          "Indexed 1 of 2 files: 20 pages", "(2 read)"},
         0},
        {"--max-file-size 200K --max-pages 20",
         1,
         {"failed  big.pdf: too large: 364 KB, over the 200 KB limit (unchanged since", "2 unchanged",
          "(0 read)"},
         0},
        {"--max-file-size 1M --max-pages 20",
         0,
         {"warning big.pdf: only the first 20 pages of 119 read (page limit)\n",
          "Indexed 2 of 2 files: 40 pages", "1 unchanged", "1 read again", "(1 read)"},
         0},
        {"", 0, {"Indexed 2 of 2 files: 157 pages", "2 read again", "(2 read)"}, 1},
        {"", 0, {"2 unchanged", "(0 read)"}, 1},
    };
    for (const auto& step : steps) {
        INFO(step.limits);
        auto r = run_minutebook(index + step.limits + " " + quote(archive.string()));
        INFO(r.err);
        CHECK(r.status == step.status);
        for (const auto& s : step.says) CHECK(r.err.find(s) != std::string::npos);
        CHECK(files_found(db, "Froude").count("small.pdf") == step.froude_found);
    }
}

TEST_CASE("files indexed in an older index format are read again, and then match a fresh build",
          "[incremental][format]") {
    test::TempDir dir("minutebook-format");
    const fs::path archive = two_file_archive(dir.path());
    const std::string db = (dir.path() / "db").string();
    index_paths({archive.string()}, quick_options(db));

    // What an index written before sample buckets holds: entries without
    // "format", passages without XB terms.
    {
        Xapian::WritableDatabase w(db, Xapian::DB_OPEN);
        for (const auto& [path, entry] : read_ledger(w)) {
            auto j = nlohmann::json::parse(ledger_to_json(entry));
            j.erase("format");
            w.set_metadata(ledger_key(path), j.dump());
        }
        for (auto doc = w.postlist_begin(""); doc != w.postlist_end(""); ++doc) {
            Xapian::Document d = w.get_document(*doc);
            for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) {
                if ((*t).rfind("XB", 0) == 0) {
                    d.remove_term(*t);
                    break;
                }
            }
            w.replace_document(*doc, d);
        }
        w.commit();
    }
    CHECK(Xapian::Database(db).allterms_begin("XB") == Xapian::Database(db).allterms_end("XB"));

    IndexReport again = index_paths({archive.string()}, quick_options(db));
    CHECK(counts(again) == "new 0, changed 0, unchanged 0, moved 0, removed 0, retried 2, read 2");
    for (const auto& [path, entry] : read_ledger(Xapian::Database(db))) CHECK(entry.format == kIndexFormat);
    CHECK(index_dump(db) == index_dump(fresh_build(dir, archive.string())));

    // Read in this format, they are not read again.
    CHECK(index_paths({archive.string()}, quick_options(db)).read == 0);
}
