// Every damaged, hostile or odd PDF of ../shared/corpus is indexed or
// reported with a clear reason, and none stops or hangs the run.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <xapian.h>

#include "indexer/indexer.h"
#include "indexer/ledger.h"
#include "query/search.h"
#include "run_command.h"
#include "test_paths.h"

using namespace minutebook;
using test::quote;
using test::run_minutebook;
namespace fs = std::filesystem;

namespace {

const char* kBomb = "bomb_decompression_giant_image.pdf";
// A limit that only a hang would reach, even on two busy cores.
constexpr double kSecondsPerFile = 120;

struct HostileRun {
    test::TempDir dir{"minutebook-hostile"};
    std::string db = (dir.path() / "db").string();
    IndexReport report;
    std::map<std::string, FileReport> by_file;
};

IndexOptions hostile_options() {
    IndexOptions options;
    options.ocr = OcrMode::kNever;
    options.jobs = 2;
    options.seconds_per_file = kSecondsPerFile;
    return options;
}

// `files` (names in hostile/ or derived/) indexed with OCR off (scanned
// pages stay without text) and otherwise the default limits.
std::unique_ptr<HostileRun> index_shared(const std::vector<std::string>& files,
                                         IndexOptions options = hostile_options()) {
    auto r = std::make_unique<HostileRun>();
    options.db_path = r->db;
    std::vector<std::string> paths;
    for (const auto& f : files) {
        for (const char* folder : {"hostile", "derived"}) {
            const fs::path p = test::shared_corpus_dir() / folder / f;
            if (fs::exists(p)) paths.push_back(p.string());
        }
    }
    r->report = index_paths(paths, options);
    for (const auto& f : r->report.reports) r->by_file[f.file] = f;
    return r;
}

// Every PDF of both folders.
std::vector<std::string> shared_files() {
    std::vector<std::string> out;
    for (const char* folder : {"hostile", "derived"}) {
        for (const auto& entry : fs::directory_iterator(test::shared_corpus_dir() / folder)) {
            if (entry.path().extension() == ".pdf") out.push_back(entry.path().filename().string());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool skip_without_shared() {
    if (!test::shared_corpus_dir().empty()) return false;
    WARN("../shared/corpus is not here: the hostile files are not tried");
    return true;
}

}  // namespace

TEST_CASE("every hostile or damaged PDF is indexed or reported with its reason", "[hostile]") {
    if (skip_without_shared()) return;
    struct Case {
        const char* file;
        const char* status;   // "ok", or the failure
        const char* message;  // what the report says (a prefix), "" for nothing to check
        int pages;            // when indexed; 0: not checked
    };
    static const Case kCases[] = {
        // hostile/ (the bomb has a test of its own too)
        {kBomb, "ok", "parts of it need more than the 1 GB memory limit and were left out", 1},
        {"broken_malformed_streams.pdf", "ok", "", 1},
        {"broken_missing_xref_trailer.pdf", "ok", "", 4},
        {"broken_no_trailer_unrecoverable.pdf", "damaged", "damaged: Poppler cannot open it", 0},
        {"broken_page_tree_loop.pdf", "ok", "", 0},
        {"broken_xref_prev_loop.pdf", "ok", "", 0},
        {"empty_0_bytes.pdf", "empty", "empty file (0 bytes)", 0},
        {"enc_aes256_r6_userpw.pdf", "encrypted", "encrypted: a password is needed", 0},
        {"enc_rc4_40bit_userpw.pdf", "encrypted", "encrypted: a password is needed", 0},
        {"enc_rc4_empty_userpw_dmca_summary.pdf", "ok", "", 18},
        {"enc_scanned_skewed_userpw.pdf", "encrypted", "encrypted: a password is needed", 0},
        {"font_garbled_tounicode_horsley_parish_council_minutes.pdf", "ok", "", 3},
        {"font_non_unicode_cmap.pdf", "ok", "", 1},
        {"font_type3_no_tounicode.pdf", "ok", "no text layer on 1 pages", 1},
        {"font_vertical_cjk_writing.pdf", "ok", "", 3},
        {"form_acroform_chicago_district_council_agenda.pdf", "ok", "", 1},
        {"form_acroform_irs_f1040nr.pdf", "ok", "", 5},
        {"form_xfa_livecycle.pdf", "ok", "", 1},
        {"ligatures_academic_paper.pdf", "ok", "", 12},
        {"manypages_free_culture_book_352p.pdf", "ok", "", 352},
        {"manypages_stanislaus_jail_log_125p.pdf", "ok", "", 125},
        {"notpdf_header_only_44bytes.pdf", "damaged", "damaged: Poppler cannot open it", 0},
        {"rotated_page_table_nics.pdf", "ok", "", 1},
        {"rotated_pages_arabic_rtl.pdf", "ok", "", 4},
        {"scan_4pages_content_rotated_0_90_180_270_NOTEXT.pdf", "ok", "no text layer on 4 pages",
         4},
        {"scan_business_letter_NOTEXT.pdf", "ok", "no text layer on 1 pages", 1},
        {"scan_jbig2_compressed_NOTEXT.pdf", "ok", "no text layer on 1 pages", 1},
        {"scan_jersey_city_budget_2013_72p_NOTEXT.pdf", "ok", "no text layer on 72 pages", 72},
        {"scan_jersey_city_budget_2013_72p_noisy_ocr.pdf", "ok", "", 72},
        {"scan_skewed_and_rotated_NOTEXT.pdf", "ok", "no text layer on 1 pages", 1},
        // derived/
        {"broken_xref.pdf", "damaged", "damaged", 0},
        {"empty.pdf", "empty", "empty file (0 bytes)", 0},
        {"encrypted_owner_only_no_extract.pdf", "ok", "", 38},
        {"encrypted_user_password.pdf", "encrypted", "encrypted: a password is needed", 0},
        {"not_a_pdf.pdf", "not a PDF", "not a PDF (no %PDF header)", 0},
        {"scanned_Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf", "ok",
         "no text layer on 38 pages", 38},
        {"truncated_pack.pdf", "damaged", "damaged", 0},
    };
    const auto files = shared_files();
    const auto all = index_shared(files);
    const HostileRun& run = *all;
    std::set<std::string> expected;
    for (const auto& c : kCases) {
        INFO(c.file);
        expected.insert(c.file);
        auto it = run.by_file.find(c.file);
        REQUIRE(it != run.by_file.end());
        const FileReport& r = it->second;
        CHECK(r.status == c.status);
        if (*c.message) CHECK(r.message.rfind(c.message, 0) == 0);
        if (r.status != "ok") CHECK(!r.message.empty());
        if (c.pages) CHECK(r.pages == c.pages);
    }
    // A file added to the corpus gets a line in the table.
    for (const auto& [file, r] : run.by_file) {
        INFO(file << ": " << r.status << ": " << r.message);
        CHECK(expected.count(file) == 1);
    }
    CHECK(run.report.read == static_cast<int>(std::size(kCases)));
}

TEST_CASE("the decompression bomb is stopped by the memory limit, or else by the time limit",
          "[hostile][limits]") {
    if (skip_without_shared()) return;
    // Each of its three images is 100000 x 100000 pixels, 1.16 GB: with the
    // default limit of 1 GB Poppler cannot allocate them and reads the
    // page's line of text; with more, it decodes one and parses a content
    // stream of gigabytes until the time limit stops it.
    struct Case {
        const char* what;
        std::uintmax_t memory;
        double seconds;
        const char* status;
        const char* message;
        const char* limit;
        double at_most_seconds;  // the whole run, the loops included
    };
    static const Case kCases[] = {
        {"default memory limit", std::uintmax_t(1) << 30, kSecondsPerFile, "ok",
         "parts of it need more than the 1 GB memory limit and were left out", kLimitMemory, 30},
        {"more memory, 5 s", std::uintmax_t(2) << 30, 5, "damaged",
         "damaged: reading it took longer than 5 s, so it was stopped", kLimitTime, 30},
    };
    for (const auto& c : kCases) {
        INFO(c.what);
        IndexOptions options = hostile_options();
        options.memory_limit_bytes = c.memory;
        options.seconds_per_file = c.seconds;
        const auto run =
            index_shared({kBomb, "broken_page_tree_loop.pdf", "broken_xref_prev_loop.pdf"}, options);
        REQUIRE(run->report.read == 3);
        const FileReport& bomb = run->by_file.at(kBomb);
        CHECK(bomb.status == c.status);
        CHECK(bomb.message == c.message);
        CHECK(bomb.limits == std::vector<std::string>{c.limit});
        for (const char* file : {"broken_page_tree_loop.pdf", "broken_xref_prev_loop.pdf"}) {
            INFO(file);
            CHECK(run->by_file.at(file).status == "ok");
        }
        // The bomb holds one reader while the other reads the loops; a
        // reader that hung would hold the run far longer.
        CHECK(run->report.seconds < c.at_most_seconds);
        Xapian::Database db(run->db);
        const LedgerEntry entry = read_ledger(db).at(kBomb);
        CHECK(entry.limits == std::map<std::string, double>{{c.limit, c.limit == std::string(kLimitTime)
                                                                           ? c.seconds
                                                                           : double(c.memory)}});
    }
}

TEST_CASE("an owner password that forbids copying does not stop indexing and shows in stats",
          "[hostile][stats]") {
    if (skip_without_shared()) return;
    const auto derived =
        index_shared({"broken_xref.pdf", "empty.pdf", "encrypted_owner_only_no_extract.pdf",
                      "encrypted_user_password.pdf", "not_a_pdf.pdf", "truncated_pack.pdf",
                      "enc_rc4_empty_userpw_dmca_summary.pdf"});
    const HostileRun& run = *derived;
    CHECK(run.by_file.at("encrypted_owner_only_no_extract.pdf").copy_forbidden);
    CHECK_FALSE(run.by_file.at("enc_rc4_empty_userpw_dmca_summary.pdf").copy_forbidden);

    auto text = run_minutebook("stats --db " + quote(run.db));
    REQUIRE(text.status == 0);
    CHECK(text.out.find(
              "encrypted_owner_only_no_extract.pdf: copy forbidden (indexed: public record)") !=
          std::string::npos);

    auto json = run_minutebook("stats --json --db " + quote(run.db));
    REQUIRE(json.status == 0);
    auto j = nlohmann::json::parse(json.out);
    CHECK(j["copy_forbidden"] == nlohmann::json::array({"encrypted_owner_only_no_extract.pdf"}));
    CHECK(j["files"] == run.report.files);
    CHECK(j["indexed"] == 2);
    CHECK(j["failures"]["encrypted"]["count"] == 1);
    CHECK(j["failures"]["empty"]["count"] == 1);
    CHECK(j["failures"]["not a PDF"]["count"] == 1);
    CHECK(j["failures"]["damaged"]["count"] == 2);
    CHECK(j["failures"]["encrypted"]["files"][0]["message"] == "encrypted: a password is needed");
    CHECK(j["ocr_pages"] == 0);
    CHECK(j["last_run"]["new"] == run.report.files);
}

TEST_CASE(
    "encrypted PDFs become searchable with a password file, and are retried when the passwords "
    "change",
    "[hostile][encrypted]") {
    if (skip_without_shared()) return;
    test::TempDir dir("minutebook-encrypted");
    const fs::path archive = dir.path() / "archive";
    fs::create_directories(archive);
    for (const char* f : {"enc_aes256_r6_userpw.pdf", "enc_rc4_40bit_userpw.pdf"}) {
        fs::copy_file(test::shared_corpus_dir() / "hostile" / f, archive / f);
    }
    const std::string db = quote((dir.path() / "db").string());
    const std::string index = "index --ocr never --db " + db + " ";
    auto write_passwords = [&](const std::string& name, const std::string& text) {
        std::ofstream(dir.path() / name) << text;
        return quote((dir.path() / name).string());
    };
    const std::string right = write_passwords("right.txt", "wrong\nusersecret\nbaz\n");
    const std::string wrong = write_passwords("wrong.txt", "wrong\n");

    struct Step {
        const char* what;
        std::string passwords;  // "" for none
        int status;
        std::vector<std::string> says;
    };
    const std::vector<Step> steps = {
        {"without a password",
         "",
         1,
         {"failed  enc_aes256_r6_userpw.pdf: encrypted: a password is needed\n",
          "failed  enc_rc4_40bit_userpw.pdf: encrypted: a password is needed\n", "(2 read)"}},
        {"again without: not retried",
         "",
         1,
         {"failed  enc_aes256_r6_userpw.pdf: encrypted: a password is needed (unchanged since",
          "not retried", "2 unchanged", "(0 read)"}},
        {"with a wrong password: retried",
         wrong,
         1,
         {"failed  enc_aes256_r6_userpw.pdf: encrypted: none of the given passwords opens it",
          "2 read again", "(2 read)"}},
        {"the same wrong password: not retried", wrong, 1, {"(0 read)"}},
        {"with the right passwords",
         right,
         0,
         {"Indexed 2 of 2 files", "2 read again", "(2 read)"}},
        {"the same passwords again", right, 0, {"2 unchanged", "(0 read)"}},
    };
    for (const auto& step : steps) {
        INFO(step.what);
        auto r = run_minutebook(
            index + (step.passwords.empty() ? "" : "--passwords " + step.passwords + " ") +
            quote(archive.string()));
        INFO(r.err);
        CHECK(r.status == step.status);
        for (const auto& s : step.says) CHECK(r.err.find(s) != std::string::npos);
    }

    struct Find {
        const char* query;
        const char* file;
    };
    static const Find kFinds[] = {{"Hello World", "enc_aes256_r6_userpw.pdf"},
                                  {"Secret", "enc_rc4_40bit_userpw.pdf"}};
    for (const auto& f : kFinds) {
        INFO(f.query);
        auto r = run_minutebook("search --json --db " + db + " " + quote(f.query));
        REQUIRE(r.status == 0);
        auto j = nlohmann::json::parse(r.out);
        REQUIRE(j["results"].size() == 1);
        CHECK(j["results"][0]["file"] == f.file);
    }
}
