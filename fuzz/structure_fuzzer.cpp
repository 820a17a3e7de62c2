// Structure recognition and the passage builder on any text: the input is
// a file's text with pages split at form feeds, as pdftotext prints it.
// Each page gets word boxes laid out from its text (one line a row, runs of
// two or more spaces a gap between table cells), so the action-log reader,
// which works on word boxes, sees tables too.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/normalise.h"
#include "core/passage.h"
#include "fuzz_checks.h"
#include "indexer/passages.h"
#include "indexer/structure.h"

using namespace minutebook;
using minutebook::fuzz::require;
using minutebook::fuzz::valid_utf8;

namespace {

// A page of text this many points per character and per line: one space is
// a gap between words, two are a gap between cells (indexer/actions.cpp).
constexpr double kCharWidth = 4;
constexpr double kLineHeight = 12;

std::vector<Word> laid_out_words(const std::string& text) {
    std::vector<Word> words;
    double y = 0;
    size_t column = 0;
    for (size_t i = 0; i < text.size();) {
        if (text[i] == '\n') {
            y += kLineHeight;
            column = 0;
            ++i;
        } else if (text[i] == ' ') {
            ++column;
            ++i;
        } else {
            size_t j = text.find_first_of(" \n", i);
            if (j == std::string::npos) j = text.size();
            const double x0 = static_cast<double>(column) * kCharWidth;
            column += j - i;
            words.push_back(Word{text.substr(i, j - i), x0, y,
                                 static_cast<double>(column) * kCharWidth, y + kLineHeight - 2});
            i = j;
        }
    }
    return words;
}

std::vector<PageText> pages_of(std::string_view input) {
    std::vector<PageText> pages;
    for (size_t i = 0; i <= input.size();) {
        size_t j = input.find('\f', i);
        if (j == std::string_view::npos) j = input.size();
        PageText page;
        page.number = static_cast<int>(pages.size()) + 1;
        page.text = clean_text(input.substr(i, j - i));
        page.words = laid_out_words(page.text);
        pages.push_back(std::move(page));
        i = j + 1;
    }
    return pages;
}

// Pages from `first` to `last`, with one offset into `text` for each.
void check_pages(int first, int last, const std::vector<size_t>& page_starts,
                 const std::string& text, int page_count) {
    require(first >= 1 && first <= last && last <= page_count,
            "a piece's pages are the file's, in order");
    require(page_starts.size() == static_cast<size_t>(last - first + 1),
            "page_starts has one offset per page");
    for (size_t i = 0; i < page_starts.size(); ++i) {
        require(page_starts[i] <= text.size(), "page_starts lie inside the text");
        require(i == 0 || page_starts[i - 1] <= page_starts[i], "page_starts are in order");
    }
}

void check_structure(const DocumentStructure& s, int page_count) {
    for (const auto& part : s.parts) {
        require(part.first_page >= 1 && part.first_page <= part.last_page &&
                    part.last_page <= page_count,
                "a part's pages are the file's, in order");
    }
    for (const auto& minutes : s.minutes) {
        for (const auto& item : minutes.items) {
            check_pages(item.first_page, item.last_page, item.page_starts, item.body, page_count);
        }
    }
    for (const auto& report : s.reports) {
        for (const auto& section : report.sections) {
            check_pages(section.first_page, section.last_page, section.page_starts, section.text,
                        page_count);
        }
    }
}

void check_passage(const Passage& p, int page_count) {
    require(!p.locations.empty(), "a passage has a location");
    for (const auto& location : p.locations) {
        require(!location.pages.empty(), "a location has a page");
        for (int page : location.pages)
            require(page >= 1 && page <= page_count, "a passage's pages are the file's");
    }
    require(p.page_starts.empty() || p.page_starts.size() == p.primary().pages.size(),
            "page_starts has one offset per page");
    for (size_t start : p.page_starts)
        require(start <= p.text.size(), "page_starts lie inside the text");
    const Passage back = from_document_data(to_document_data(p));
    require(back.key == p.key && back.text == p.text, "document data reads back");
    p.id();
    passage_url(p);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::vector<PageText> pages =
        pages_of(std::string_view(reinterpret_cast<const char*>(data), size));
    const DocumentStructure structure = understand(pages);
    check_structure(structure, static_cast<int>(pages.size()));
    // dump() throws on invalid UTF-8: what inspect --json would do.
    require(valid_utf8(structure_to_json(structure).dump()), "the structure's JSON is UTF-8");
    const FileInfo file{"fuzz.pdf", std::string(64, '0')};
    for (const auto& passage : make_passages(file, pages))
        check_passage(passage, static_cast<int>(pages.size()));
    return 0;
}
