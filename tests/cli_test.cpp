#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <nlohmann/json.hpp>

#include "corpus_index.h"
#include "run_command.h"

using namespace minutebook;
using test::quote;
using test::run_minutebook;
namespace fs = std::filesystem;

TEST_CASE("help says what each command does", "[cli]") {
    auto top = run_minutebook("--help");
    CHECK(top.status == 0);
    for (const char* command : {"index", "search", "inspect", "stats"}) CHECK(top.out.find(command) != std::string::npos);
    for (const char* command : {"index", "search", "inspect", "stats"}) {
        INFO(command);
        auto r = run_minutebook(std::string(command) + " --help");
        CHECK(r.status == 0);
        CHECK(r.out.find(std::string("minutebook ") + command) != std::string::npos);
    }
}

TEST_CASE("misuse exits with status 2 and says why", "[cli]") {
    struct Case {
        const char* args;
        const char* says;
    };
    static const Case kCases[] = {
        {"", "Usage"},
        {"frobnicate", "unknown command"},
        {"index", "give at least one file or folder"},
        {"index /no/such/folder", "No such file or folder"},
        {"stats extra", "stats takes no arguments"},
        {"search --limit abc school", "--limit must be a whole number"},
        {"search --limit", "--limit needs a value"},
        {"search --colour red school", "Unknown option --colour"},
        {"search --json=yes school", "--json takes no value"},
        {"index --memory-limit lots corpus", "--memory-limit must be a size in bytes"},
        {"index --max-file-size 0 corpus", "--max-file-size must be a size in bytes"},
        {"index --max-pages 0 corpus", "--max-pages must be a whole number from 1"},
        {"index --time-limit 1.5 corpus", "--time-limit must be a whole number from 1"},
        {"index --batch-files none corpus", "--batch-files must be a whole number from 1"},
    };
    for (const auto& c : kCases) {
        INFO("minutebook " << c.args);
        auto r = run_minutebook(c.args);
        CHECK(r.status == 2);
        CHECK((r.err + r.out).find(c.says) != std::string::npos);
    }
}

TEST_CASE("search --json prints only the JSON object, with --limit in both forms", "[cli][json]") {
    const std::string db = quote(test::corpus_index().db);
    auto spaced = run_minutebook("search --db " + db + " --json --limit 5 'music education hub'");
    auto joined = run_minutebook("search --db=" + db + " --json --limit=5 'music education hub'");
    REQUIRE(spaced.status == 0);
    REQUIRE(joined.status == 0);
    auto a = nlohmann::json::parse(spaced.out);
    auto b = nlohmann::json::parse(joined.out);
    CHECK(a["limit"] == 5);
    CHECK(a["results"].size() == 5);
    CHECK(a == b);
    CHECK(a["query"] == "music education hub");
}

TEST_CASE("search prints a readable list with file, page and marked words", "[cli]") {
    auto r = run_minutebook("search --db " + quote(test::corpus_index().db) + " Ideal Building Solutions");
    REQUIRE(r.status == 0);
    CHECK(r.out.find("1. ") != std::string::npos);
    CHECK(r.out.find("Agenda_reports_pack_11-Jul-2017_Children_and_Young_People_Committee.pdf, page 40") !=
          std::string::npos);
    // The words define the acronym IBS, so they are also matched, and marked, as a phrase.
    CHECK((r.out.find("[Ideal Building Solutions]") != std::string::npos ||
           r.out.find("[Ideal] [Building]") != std::string::npos));
}

TEST_CASE("search without an index indexes the bundled corpus first", "[cli][e2e]") {
    test::TempDir home("minutebook-home");
    auto r = run_minutebook("search --json --limit 1 Ideal Building Solutions",
                            "XDG_DATA_HOME=" + quote(home.path().string()) + " MINUTEBOOK_DB=");
    REQUIRE(r.status == 0);
    CHECK(r.err.find("indexing the bundled archive") != std::string::npos);
    CHECK(fs::exists(home.path() / "minutebook" / "index"));
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["results"].size() == 1);
    CHECK(j["results"][0]["page"] == 40);
}

TEST_CASE("a run with bad files indexes the good ones and reports each bad one", "[cli][bad-input]") {
    if (test::shared_corpus_dir().empty()) {
        WARN("../shared/corpus is not here: the derived files are not tried");
        return;
    }
    test::TempDir archive("minutebook-bad-archive");
    const fs::path derived = test::shared_corpus_dir() / "derived";
    for (const auto& entry : fs::directory_iterator(derived)) {
        fs::copy_file(entry.path(), archive.path() / entry.path().filename());
    }
    fs::copy_file(test::corpus_dir() / "Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf",
                  archive.path() / "good.pdf");
    test::TempDir db("minutebook-bad-db");
    // Without OCR, so the scanned pack costs nothing here (tests/ocr_test.cpp reads it).
    auto r = run_minutebook("index --ocr never --db " + quote(db.path().string()) + " " +
                            quote(archive.path().string()));
    CHECK(r.status == 1);
    struct Expect {
        const char* line;
    };
    static const Expect kLines[] = {
        {"failed  empty.pdf: empty file (0 bytes)"},
        {"failed  not_a_pdf.pdf: not a PDF (no %PDF header)"},
        {"failed  truncated_pack.pdf: damaged"},
        {"failed  broken_xref.pdf: damaged"},
        {"failed  encrypted_user_password.pdf: encrypted: a password is needed"},
        {"warning scanned_Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf: no text layer on "
         "38 pages"},
        {"5 files failed."},
    };
    for (const auto& e : kLines) {
        INFO(e.line << "\n--- stderr:\n" << r.err);
        CHECK(r.err.find(e.line) != std::string::npos);
    }
    // The owner-password copy of the same pack is indexed too (it is the
    // public record): the minute item lists both files.
    auto found = run_minutebook("search --db " + quote(db.path().string()) + " --json 39,441");
    REQUIRE(found.status == 0);
    auto j = nlohmann::json::parse(found.out);
    REQUIRE(!j["results"].empty());
    std::set<std::string> files;
    for (const auto& l : j["results"][0]["locations"]) files.insert(l["file"].get<std::string>());
    CHECK(files == std::set<std::string>{"good.pdf", "encrypted_owner_only_no_extract.pdf"});
}
