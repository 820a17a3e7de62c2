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

#include "indexer/indexer.h"
#include "query/search.h"
#include "run_command.h"
#include "test_paths.h"

using namespace minutebook;
using test::quote;
using test::run_minutebook;
namespace fs = std::filesystem;

namespace {

const char* kBomb = "bomb_decompression_giant_image.pdf";
// The bomb runs until stopped: it gets a limit of its own, short to keep the
// suite fast. The other files get one that only a hang would reach, even on
// two busy cores.
constexpr double kBombSeconds = 5;
constexpr double kSecondsPerFile = 120;

struct HostileRun {
    test::TempDir dir{"minutebook-hostile"};
    std::string db = (dir.path() / "db").string();
    IndexReport report;
    std::map<std::string, FileReport> by_file;
};

// `files` (names in hostile/ or derived/) indexed with OCR off: scanned
// pages stay without text.
std::unique_ptr<HostileRun> index_shared(const std::vector<std::string>& files,
                                         double seconds_per_file) {
    auto r = std::make_unique<HostileRun>();
    IndexOptions options;
    options.db_path = r->db;
    options.ocr = OcrMode::kNever;
    options.jobs = 2;
    options.seconds_per_file = seconds_per_file;
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

// Every PDF of both folders but the bomb.
std::vector<std::string> shared_files() {
    std::vector<std::string> out;
    for (const char* folder : {"hostile", "derived"}) {
        for (const auto& entry : fs::directory_iterator(test::shared_corpus_dir() / folder)) {
            const std::string name = entry.path().filename().string();
            if (entry.path().extension() == ".pdf" && name != kBomb) out.push_back(name);
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
        // hostile/ (the bomb has a test of its own)
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
    const auto all = index_shared(files, kSecondsPerFile);
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

TEST_CASE("the decompression bomb and the loops end within the per-file time limit", "[hostile]") {
    if (skip_without_shared()) return;
    const auto run = index_shared({kBomb, "broken_page_tree_loop.pdf", "broken_xref_prev_loop.pdf"},
                                  kBombSeconds);
    REQUIRE(run->report.read == 3);
    CHECK(run->by_file.at(kBomb).status == "damaged");
    CHECK(run->by_file.at(kBomb).message ==
          "damaged: reading it took longer than 5 s, so it was stopped");
    for (const char* file : {"broken_page_tree_loop.pdf", "broken_xref_prev_loop.pdf"}) {
        INFO(file);
        CHECK(run->by_file.at(file).status == "ok");
    }
    // The bomb holds one reader for its limit while the other reads the
    // loops; a reader that hung would hold the run far longer.
    CHECK(run->report.seconds < kBombSeconds * 6);
}

TEST_CASE("an owner password that forbids copying does not stop indexing and shows in stats",
          "[hostile][stats]") {
    if (skip_without_shared()) return;
    const auto derived =
        index_shared({"broken_xref.pdf", "empty.pdf", "encrypted_owner_only_no_extract.pdf",
                      "encrypted_user_password.pdf", "not_a_pdf.pdf", "truncated_pack.pdf",
                      "enc_rc4_empty_userpw_dmca_summary.pdf"},
                     kSecondsPerFile);
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
