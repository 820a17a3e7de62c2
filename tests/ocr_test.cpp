#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "indexer/extract.h"
#include "indexer/indexer.h"
#include "indexer/language.h"
#include "indexer/ocr.h"
#include "query/search.h"
#include "run_command.h"
#include "test_paths.h"

using namespace minutebook;
namespace fs = std::filesystem;

namespace {

const char* kHorsley = "hostile/font_garbled_tounicode_horsley_parish_council_minutes.pdf";
const char* kOutlines = "real/us_duarte_planning_commission_cancellation_2022-11-21_NOTEXT.pdf";
const char* kScan = "derived/scanned_Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf";
const char* kText = "Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Reads English only when the one dark block of its image stands in the top
// left quarter (as if that were how upright text looks), reporting the
// block as a word; anything else reads as glyph garbage.
class CornerEngine : public OcrEngine {
public:
    int readings = 0;

    OcrText recognise(const GrayImage& image) override {
        ++readings;
        int x0 = image.width, y0 = image.height, x1 = 0, y1 = 0;
        for (int y = 0; y < image.height; ++y) {
            for (int x = 0; x < image.width; ++x) {
                if (image.pixels[static_cast<size_t>(y * image.stride + x)] < 128) {
                    x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x + 1), y1 = std::max(y1, y + 1);
                }
            }
        }
        OcrText out;
        if (x1 <= image.width / 2 && y1 <= image.height / 2) {
            out.text = "The council agreed the minutes of the meeting and noted the report.";
            const double k = 72.0 / image.dpi;
            out.words.push_back(Word{"council", x0 * k, y0 * k, x1 * k, y1 * k});
        } else {
            out.text = "6',8 /398+74,8.+2++8/3-.+1*43 '6). '8 52/38.+%/11'-+'11 6+7+38116')0+88 .'/62'3";
        }
        return out;
    }
};

GrayImage page_with_block(int width, int height, int x0, int y0, int x1, int y1) {
    GrayImage image;
    image.width = width, image.height = height, image.stride = width + 3, image.dpi = 72;
    image.pixels.assign(static_cast<size_t>(image.stride * height), 255);
    for (int y = y0; y < y1; ++y) {
        for (int x = x0; x < x1; ++x) image.pixels[static_cast<size_t>(y * image.stride + x)] = 0;
    }
    return image;
}

}  // namespace

TEST_CASE("text that is not language is told from text that is", "[ocr][language]") {
    struct Case {
        const char* text;
        bool language;
    };
    static const Case kCases[] = {
        // Fonts whose ToUnicode maps send glyphs to the wrong characters.
        {"6',8 /398+74,8.+2++8/3-.+1*43 8.  '6).  '8 52/38.+%/11'-+'11 6+7+38116')0+88 .'/62'3 "
         "116'9*;+11 %/)+.'/62'3 1167 4;+117 67'='3*7)43'-.",
         false},
        {"3HQ\xC4\x8C\xC3\xA5Qt\x03SURVW\xC4\x9CHGN\x03QD\x03~\xC3\xA7WHFK", false},
        {"The Vice Chairman noted that a new duty had been placed on the Council in relation to support "
         "for children previously in care and asked whether the funding was sufficient.",
         true},
        // Names and figures are not garbage.
        {"Present: Councillors A Hay, A Bradnam, A Costello and C Richards; Mr Bywater, Mrs Meschini", true},
        {"2019/20 -1,360 -40% \xC2\xA3" "39,441 (750) 12.30pm 1st 2024/039 S32 j.smith@kent.gov.uk", true},
        {"\xD9\x8A\xD8\xA8\xD9\x8A\xD8\xA8\xD9\x8E\xD8\xAD \xD9\x8A\xD8\xA8\xD9\x8A\xD8\xA8\xD9\x8E\xD8\xAD "
         "\xD9\x8A\xD8\xA8\xD9\x8A\xD8\xA8\xD9\x8E\xD8\xAD",
         true},  // Arabic: the word list cannot judge it
        {"Potato 1", true},  // too little to judge
        {"", true},
    };
    for (const auto& c : kCases) {
        INFO(c.text);
        const LanguageScore score = score_language(c.text);
        INFO("known " << score.known << ", unknown " << score.unknown << ", junk " << score.junk);
        CHECK(score.is_language() == c.language);
    }
}

TEST_CASE("a page turned upside down or sideways is read the right way up, boxes in its frame", "[ocr]") {
    struct Case {
        const char* how;
        int x0, y0, x1, y1;  // the block on a 40 x 60 page
        int readings;        // upright, then turned 180, 90, 270 degrees
    };
    static const Case kCases[] = {
        {"upright", 2, 3, 10, 8, 1},
        {"upside down", 30, 50, 38, 57, 2},
        {"turned a quarter left", 3, 40, 9, 58, 3},
        {"turned a quarter right", 25, 2, 37, 11, 4},
    };
    for (const auto& c : kCases) {
        INFO(c.how);
        CornerEngine engine;
        const OcrText text = recognise_upright(engine, page_with_block(40, 60, c.x0, c.y0, c.x1, c.y1));
        CHECK(engine.readings == c.readings);
        CHECK(score_language(text.text).is_language());
        REQUIRE(text.words.size() == 1);
        const Word& w = text.words[0];
        CHECK(w.x0 == Approx(c.x0));
        CHECK(w.y0 == Approx(c.y0));
        CHECK(w.x1 == Approx(c.x1));
        CHECK(w.y1 == Approx(c.y1));
    }
}

TEST_CASE("scans turned 0, 90, 180 and 270 degrees all read as language", "[ocr]") {
    if (test::shared_corpus_dir().empty()) {
        WARN("../shared/corpus is not here");
        return;
    }
    ExtractResult r = extract_pdf(
        (test::shared_corpus_dir() / "hostile" / "scan_4pages_content_rotated_0_90_180_270_NOTEXT.pdf").string());
    REQUIRE(r.ok());
    REQUIRE(r.pages.size() == 4);
    for (const auto& page : r.pages) {
        INFO("page " << page.number << ": " << page.text.substr(0, 120));
        CHECK(page.ocr);
        CHECK(score_language(page.text).is_language());
        CHECK(contains(page.text, "LinnSequencer"));
    }
}

TEST_CASE("the OCR modes are named auto, never and always", "[ocr]") {
    for (OcrMode mode : {OcrMode::kNever, OcrMode::kAuto, OcrMode::kAlways}) {
        OcrMode parsed = OcrMode::kNever;
        CHECK(parse_ocr_mode(to_string(mode), &parsed));
        CHECK(parsed == mode);
    }
    OcrMode parsed = OcrMode::kAuto;
    CHECK_FALSE(parse_ocr_mode("sometimes", &parsed));
    CHECK(parsed == OcrMode::kAuto);
}

TEST_CASE("the garbled Horsley minutes are read by OCR into words", "[ocr]") {
    if (test::shared_corpus_dir().empty()) {
        WARN("../shared/corpus is not here");
        return;
    }
    const std::string pdf = (test::shared_corpus_dir() / kHorsley).string();
    ExtractOptions never;
    never.ocr = OcrMode::kNever;
    ExtractResult layer = extract_pdf(pdf, never);
    REQUIRE(layer.ok());
    REQUIRE(layer.page_count == 3);
    for (const auto& page : layer.pages) {
        INFO("page " << page.number << ": " << page.text.substr(0, 80));
        CHECK_FALSE(score_language(page.text).is_language());
        CHECK_FALSE(page.ocr);
    }

    ExtractResult r = extract_pdf(pdf);
    REQUIRE(r.ok());
    CHECK(r.ocr_pages == 3);
    CHECK(r.message == "3 pages read by OCR (text layer is not language: 3)");
    for (const auto& page : r.pages) {
        INFO("page " << page.number << ": " << page.text.substr(0, 200));
        CHECK(page.ocr);
        CHECK(page.ocr_reason == kOcrReasonNotLanguage);
        CHECK(score_language(page.text).is_language());
        CHECK(!page.words.empty());
    }
    CHECK(contains(r.pages[0].text, "HORSLEY PARISH COUNCIL"));
    CHECK(contains(r.pages[0].text, "Village Hall"));
    CHECK(contains(r.pages[0].text, "Wheelbarrow Farm"));
}

TEST_CASE("a page drawn as outlines is read by OCR because it has no text layer", "[ocr]") {
    if (test::shared_corpus_dir().empty()) {
        WARN("../shared/corpus is not here");
        return;
    }
    ExtractResult r = extract_pdf((test::shared_corpus_dir() / kOutlines).string());
    REQUIRE(r.ok());
    REQUIRE(r.pages.size() == 1);
    CHECK(r.pages[0].ocr);
    CHECK(r.pages[0].ocr_reason == kOcrReasonNoText);
    CHECK(r.pages_without_text.empty());
    CHECK(r.message == "1 page read by OCR");
    CHECK(contains(r.pages[0].text, "Planning Commission"));
}

TEST_CASE("OCR mode always reads pages that have a good text layer too", "[ocr]") {
    ExtractOptions options;
    options.ocr = OcrMode::kAlways;
    options.ocr_page_limit = 1;
    ExtractResult r = extract_pdf((test::corpus_dir() / kText).string(), options);
    REQUIRE(r.ok());
    CHECK(r.ocr_pages == 1);
    CHECK(r.pages[0].ocr);
    CHECK(r.pages[0].ocr_reason == kOcrReasonAlways);
    CHECK(contains(r.pages[0].text, "CORPORATE PARENTING SUB-COMMITTEE"));
    CHECK_FALSE(r.pages[1].ocr);
    CHECK(r.message == "1 page read by OCR (OCR of every page asked for: 1); 37 pages not read by OCR (limit of 1 page)");
}

TEST_CASE("a second run reads OCR'd pages from the cache and recognises none", "[ocr][cache]") {
    if (test::shared_corpus_dir().empty()) {
        WARN("../shared/corpus is not here");
        return;
    }
    test::TempDir cache("minutebook-ocr-cache");
    ExtractOptions options;
    options.ocr_cache_dir = cache.path().string();
    const std::string pdf = (test::shared_corpus_dir() / kHorsley).string();
    ExtractResult first = extract_pdf(pdf, options);
    ExtractResult second = extract_pdf(pdf, options);
    CHECK(first.ocr_pages == 3);
    CHECK(first.ocr_from_cache == 0);
    CHECK(second.ocr_pages == 3);
    CHECK(second.ocr_from_cache == 3);
    REQUIRE(first.pages.size() == second.pages.size());
    for (size_t i = 0; i < first.pages.size(); ++i) {
        INFO("page " << i + 1);
        CHECK(first.pages[i].text == second.pages[i].text);
        CHECK(first.pages[i].words.size() == second.pages[i].words.size());
    }
    // A damaged entry is recognised again, not served.
    for (const auto& entry : fs::recursive_directory_iterator(cache.path())) {
        if (entry.is_regular_file()) std::ofstream(entry.path(), std::ios::trunc) << "{not json";
    }
    ExtractResult third = extract_pdf(pdf, options);
    CHECK(third.ocr_pages == 3);
    CHECK(third.ocr_from_cache == 0);
}

TEST_CASE("a scanned pack finds the pages its text version finds", "[ocr][search]") {
    if (test::shared_corpus_dir().empty()) {
        WARN("../shared/corpus is not here");
        return;
    }
    // Phrases that stand on one page of the text version and on no other.
    // The scan is OCR'd up to page 12 only, to keep the suite fast.
    struct Case {
        const char* query;
        int page;
    };
    static const Case kCases[] = {
        {"\"open to public and press\"", 1},
        {"\"guarantee the provision of car parking\"", 2},
        {"\"notification of chairman\"", 3},
        {"\"negative press reports\"", 4},
        {"39,441", 5},
        {"\"late and missed social worker visits\"", 6},
        {"\"briefing on access\"", 7},
        {"\"disclosure and barring service\"", 8},
        {"\"clinical lead on psychology\"", 9},
        {"\"longitudinal study\" adoption", 10},
    };
    constexpr int kOcrPages = 12;
    test::TempDir dir("minutebook-ocr-search");
    IndexOptions text_options;
    text_options.db_path = (dir.path() / "text").string();
    IndexReport text_report = index_paths({(test::corpus_dir() / kText).string()}, text_options);
    REQUIRE(text_report.ok());

    IndexOptions scan_options;
    scan_options.db_path = (dir.path() / "scan").string();
    scan_options.ocr_page_limit = kOcrPages;
    IndexReport scan_report = index_paths({(test::shared_corpus_dir() / kScan).string()}, scan_options);
    REQUIRE(scan_report.ok());
    REQUIRE(scan_report.reports.size() == 1);
    CHECK(scan_report.reports[0].ocr_pages == kOcrPages);
    CHECK(contains(scan_report.reports[0].message, "12 pages read by OCR"));
    CHECK(fs::exists(dir.path() / "scan" / "ocr-cache"));

    Searcher text(text_options.db_path), scan(scan_options.db_path);
    int same = 0;
    for (const auto& c : kCases) {
        SearchRequest request;
        request.query = c.query;
        request.limit = 3;
        const SearchResponse in_text = text.search(request);
        const SearchResponse in_scan = scan.search(request);
        INFO(c.query << ": text version page "
                     << (in_text.results.empty() ? 0 : in_text.results[0].page) << ", scan page "
                     << (in_scan.results.empty() ? 0 : in_scan.results[0].page));
        REQUIRE(!in_text.results.empty());
        CHECK(in_text.results[0].page == c.page);
        const bool found = !in_scan.results.empty() && in_scan.results[0].page == c.page;
        if (found) {
            ++same;
            CHECK(in_scan.results[0].passage.ocr());
        } else {
            WARN("the scan does not find " << c.query << " on page " << c.page);
        }
    }
    CHECK(same >= 8);

    // The minutes inside the pack (pp. 3-7, within the pages OCR'd) give the
    // same minute items, numbered and on the same pages, as the text version.
    auto minute_items = [](Searcher& searcher) {
        SearchRequest request;
        request.type = "minute";
        request.limit = 100;
        std::set<std::string> items;
        for (const auto& r : searcher.search(request).results) {
            const Passage& p = r.passage;
            if (p.primary().pages.front() <= kOcrPages && p.minute)
                items.insert(*p.minute + " p" + std::to_string(p.primary().pages.front()));
        }
        return items;
    };
    const std::set<std::string> text_items = minute_items(text);
    CHECK(text_items.size() == 10);  // minutes 96 to 105 of 22 May 2019
    CHECK(minute_items(scan) == text_items);

    // Cut short by its OCR page limit, the scan is read again only when a
    // run raises the limit; the pages already OCR'd come from the cache.
    CHECK(index_paths({(test::shared_corpus_dir() / kScan).string()}, scan_options).read == 0);
    scan_options.ocr_page_limit = kOcrPages + 2;
    IndexReport more = index_paths({(test::shared_corpus_dir() / kScan).string()}, scan_options);
    CHECK(more.retried == 1);
    REQUIRE(more.reports.size() == 1);
    CHECK(more.reports[0].ocr_pages == kOcrPages + 2);
}

TEST_CASE("a scan whose OCR ran out of time is read again when the time limit is raised",
          "[ocr][limits]") {
    if (test::shared_corpus_dir().empty()) {
        WARN("../shared/corpus is not here");
        return;
    }
    test::TempDir dir("minutebook-ocr-time");
    IndexOptions options;
    options.db_path = (dir.path() / "db").string();
    options.seconds_per_file = 2;  // OCR stops after 1.6 s, or the reader is stopped at 2 s
    const std::string scan = (test::shared_corpus_dir() / kScan).string();
    IndexReport first = index_paths({scan}, options);
    REQUIRE(first.reports.size() == 1);
    INFO(first.reports[0].status << ": " << first.reports[0].message);
    CHECK(first.reports[0].limits == std::vector<std::string>{kLimitTime});
    CHECK(first.reports[0].ocr_pages < 38);
    CHECK(index_paths({scan}, options).read == 0);
    options.seconds_per_file = 3;
    IndexReport again = index_paths({scan}, options);
    CHECK(again.retried == 1);
}

TEST_CASE("index reports pages read by OCR and takes --ocr never, auto or always", "[ocr][cli]") {
    if (test::shared_corpus_dir().empty()) {
        WARN("../shared/corpus is not here");
        return;
    }
    struct Case {
        const char* flags;
        const char* says;
    };
    static const Case kCases[] = {
        {"", "1 page read by OCR"},
        {"--ocr auto", "1 page read by OCR"},
        {"--ocr never", "no text layer on 1 pages"},
    };
    const std::string pdf = test::quote((test::shared_corpus_dir() / kOutlines).string());
    test::TempDir cache("minutebook-ocr-cli-cache");
    for (const auto& c : kCases) {
        INFO("index " << c.flags);
        test::TempDir db("minutebook-ocr-cli");
        auto r = test::run_minutebook("index --quiet --db " + test::quote((db.path() / "db").string()) +
                                      " --ocr-cache " + test::quote(cache.path().string()) + " " + c.flags +
                                      " " + pdf);
        INFO(r.err);
        CHECK(r.status == 0);
        CHECK(contains(r.err, c.says));
    }
    auto bad = test::run_minutebook("index --ocr sometimes " + pdf);
    CHECK(bad.status == 2);
    CHECK(contains(bad.err, "--ocr takes auto, never or always"));
}
