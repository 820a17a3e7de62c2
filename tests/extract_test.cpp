#include <catch2/catch.hpp>

#include <filesystem>

#include "indexer/extract.h"
#include "test_paths.h"

using namespace minutebook;
namespace fs = std::filesystem;

TEST_CASE("extraction reads every page of a pack with its page number", "[extract]") {
    struct Case {
        const char* file;
        int pages;
        int page;
        const char* sentence;  // stands on `page`, in Poppler's reading order
    };
    static const Case kCases[] = {
        {"Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf", 38, 5,
         "support for children previously in care and asked whether the funding of \xC2\xA3" "39,441"},
        {"Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf", 38, 1,
         "Date: Wednesday, 17 July 2019"},
        {"Agenda_reports_pack_11-Jul-2017_Children_and_Young_People_Committee.pdf", 119, 40,
         "the contract was awarded to Ideal Building Solutions (IBS)"},
        {"Agenda_reports_pack_26-Nov-2024_Children_and_Young_People_Committee.pdf", 126, 3,
         "Date: 8 October 2024"},
        {"Childrens_Services_Self-Assessment_2017.pdf", 93, 1, ""},
    };
    for (const auto& c : kCases) {
        INFO(c.file << " page " << c.page);
        ExtractResult r = extract_pdf((test::corpus_dir() / c.file).string());
        REQUIRE(r.ok());
        CHECK(r.page_count == c.pages);
        REQUIRE(static_cast<int>(r.pages.size()) == c.pages);
        CHECK(r.pages[c.page - 1].number == c.page);
        CHECK(r.pages[c.page - 1].text.find(c.sentence) != std::string::npos);
        CHECK(r.pages_without_text.empty());
        CHECK(r.sha256.size() == 64);
    }
}

TEST_CASE("extraction gives word boxes in reading order for tables", "[extract]") {
    ExtractResult r = extract_pdf(
        (test::corpus_dir() / "Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf").string());
    REQUIRE(r.ok());
    const auto& words = r.pages[0].words;
    REQUIRE(!words.empty());
    for (const auto& w : words) {
        CHECK(w.x1 >= w.x0);
        CHECK(w.y1 >= w.y0);
    }
}

TEST_CASE("bad files are reported with a reason and never throw", "[extract][bad-input]") {
    const fs::path derived = test::shared_corpus_dir() / "derived";
    if (test::shared_corpus_dir().empty()) {
        WARN("../shared/corpus is not here: the derived files are not tried");
        return;
    }
    struct Case {
        const char* file;
        ExtractStatus status;
        const char* message;
    };
    static const Case kCases[] = {
        {"empty.pdf", ExtractStatus::kEmpty, "empty file (0 bytes)"},
        {"not_a_pdf.pdf", ExtractStatus::kNotPdf, "not a PDF (no %PDF header)"},
        {"truncated_pack.pdf", ExtractStatus::kDamaged, "damaged"},
        {"broken_xref.pdf", ExtractStatus::kDamaged, "damaged"},
        {"encrypted_user_password.pdf", ExtractStatus::kEncrypted, "encrypted: a password is needed"},
    };
    for (const auto& c : kCases) {
        INFO(c.file);
        ExtractResult r = extract_pdf((derived / c.file).string());
        CHECK(r.status == c.status);
        CHECK(r.message.rfind(c.message, 0) == 0);
    }
}

TEST_CASE("a scanned pack opens but reports its pages without text", "[extract][bad-input]") {
    if (test::shared_corpus_dir().empty()) {
        WARN("../shared/corpus is not here");
        return;
    }
    ExtractOptions options;
    options.words = false;
    options.ocr = OcrMode::kNever;  // tests/ocr_test.cpp reads it by OCR
    ExtractResult r = extract_pdf(
        (test::shared_corpus_dir() / "derived" /
         "scanned_Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf").string(),
        options);
    CHECK(r.ok());
    CHECK(r.page_count == 38);
    CHECK(r.pages_without_text.size() == 38);
    CHECK(r.message == "no text layer on 38 pages");
}

TEST_CASE("an owner password that forbids copying does not stop extraction", "[extract][bad-input]") {
    if (test::shared_corpus_dir().empty()) {
        WARN("../shared/corpus is not here");
        return;
    }
    ExtractResult r =
        extract_pdf((test::shared_corpus_dir() / "derived" / "encrypted_owner_only_no_extract.pdf").string());
    CHECK(r.ok());
    CHECK(r.copy_forbidden);
    CHECK(r.pages_without_text.empty());
}
