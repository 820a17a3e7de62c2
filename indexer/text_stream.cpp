#include <map>
#include <algorithm>
#include <cctype>
#include <regex>

#include "indexer/structure_internal.h"

namespace minutebook::structure {
namespace {

std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

}  // namespace

bool is_footer_line(std::string_view line) {
    static const std::regex footer(R"(^(Page\s+\d+|\d{1,3})$)", std::regex::icase);
    return std::regex_match(trim(line), footer);
}

int TextStream::page_at(size_t offset) const {
    auto it = std::upper_bound(page_starts.begin(), page_starts.end(), offset);
    if (it == page_starts.begin()) return page_numbers.empty() ? 0 : page_numbers.front();
    return page_numbers[static_cast<size_t>(it - page_starts.begin()) - 1];
}

TextStream make_stream(const std::vector<PageText>& pages) {
    TextStream s;
    for (const auto& page : pages) {
        s.page_starts.push_back(s.text.size());
        s.page_numbers.push_back(page.number);
        std::vector<Line> lines;
        size_t pos = 0;
        const std::string& t = page.text;
        while (pos <= t.size()) {
            size_t nl = t.find('\n', pos);
            if (nl == std::string::npos) nl = t.size();
            lines.push_back(Line{trim(std::string_view(t).substr(pos, nl - pos)), s.text.size() + pos, page.number});
            pos = nl + 1;
        }
        // The footer is the last non-blank line; everything else is content.
        for (size_t i = lines.size(); i-- > 0;) {
            if (lines[i].blank()) continue;
            if (is_footer_line(lines[i].text)) lines[i].text.clear();
            break;
        }
        // "Page N" may also stand just above a continuation line.
        for (auto& line : lines) {
            static const std::regex page_n(R"(^Page\s+\d+$)");
            if (std::regex_match(line.text, page_n)) line.text.clear();
        }
        for (auto& line : lines) s.lines.push_back(std::move(line));
        s.text += t;
        s.text += '\n';
    }
    s.dates.numeric_order = guess_numeric_order(s.text);
    return s;
}

std::string VisualLine::text() const {
    std::string out;
    for (const Word* w : words) {
        if (!out.empty()) out += ' ';
        out += w->text;
    }
    return out;
}

std::vector<VisualLine> visual_lines(const PageText& page) {
    std::vector<const Word*> words;
    for (const auto& w : page.words) {
        if (!w.text.empty()) words.push_back(&w);
    }
    std::sort(words.begin(), words.end(), [](const Word* a, const Word* b) {
        if (a->y0 != b->y0) return a->y0 < b->y0;
        return a->x0 < b->x0;
    });
    std::vector<VisualLine> lines;
    for (const Word* w : words) {
        if (!lines.empty() && std::abs(lines.back().y0 - w->y0) < 2.5) {
            lines.back().words.push_back(w);
            lines.back().y1 = std::max(lines.back().y1, w->y1);
        } else {
            lines.push_back(VisualLine{w->y0, w->y1, {w}});
        }
    }
    for (auto& line : lines) {
        std::sort(line.words.begin(), line.words.end(),
                  [](const Word* a, const Word* b) { return a->x0 < b->x0; });
    }
    return lines;
}

std::optional<std::string> labelled(std::string_view line, std::string_view label) {
    std::string l = trim(line);
    if (l.size() < label.size() + 1) return std::nullopt;
    for (size_t i = 0; i < label.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(l[i])) != std::tolower(static_cast<unsigned char>(label[i])))
            return std::nullopt;
    }
    size_t p = label.size();
    while (p < l.size() && l[p] == ' ') ++p;
    if (p >= l.size() || l[p] != ':') return std::nullopt;
    return trim(std::string_view(l).substr(p + 1));
}

namespace {

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ci(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower_ascii(x) == lower_ascii(y); });
}

}  // namespace

size_t find_ci(std::string_view hay, std::string_view needle, size_t from) {
    if (needle.empty()) return from <= hay.size() ? from : std::string_view::npos;
    for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
        if (lower_ascii(hay[i]) == lower_ascii(needle[0]) && equal_ci(hay.substr(i, needle.size()), needle)) return i;
    }
    return std::string_view::npos;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && equal_ci(s.substr(0, prefix.size()), prefix);
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && equal_ci(s.substr(s.size() - suffix.size()), suffix);
}

void for_each_match(const std::string& text, const std::regex& re, std::initializer_list<std::string_view> openings,
                    bool icase, const std::function<void(const std::smatch&)>& on_match) {
    auto find = [&](std::string_view opening, size_t from) {
        return icase ? find_ci(text, opening, from) : text.find(opening, from);
    };
    // Where each opening next occurs, looked for again only once passed.
    std::vector<size_t> next;
    for (std::string_view opening : openings) next.push_back(find(opening, 0));
    size_t from = 0;
    while (from < text.size()) {
        size_t at = std::string::npos;
        for (size_t k = 0; k < next.size(); ++k) {
            if (next[k] != std::string::npos && next[k] < from) next[k] = find(openings.begin()[k], from);
            at = std::min(at, next[k]);
        }
        if (at == std::string::npos) return;
        // Anchored where the opening stands, seeing the character before it
        // (for \b), as the iterator's search would at that position.
        auto flags = std::regex_constants::match_continuous;
        if (at > 0) flags |= std::regex_constants::match_prev_avail;
        std::smatch m;
        if (std::regex_search(text.begin() + static_cast<long>(at), text.end(), m, re, flags)) {
            on_match(m);
            from = at + std::max<size_t>(1, static_cast<size_t>(m.length(0)));
        } else {
            from = at + 1;
        }
    }
}

void mark_page(std::vector<size_t>& page_starts, int first_page, int page, size_t offset) {
    while (first_page + static_cast<int>(page_starts.size()) <= page) page_starts.push_back(offset);
}

// The visual lines of a page, read once per page.
const std::vector<VisualLine>& lines_of_page(const std::vector<PageText>& pages, int page,
                                             std::map<int, std::vector<VisualLine>>& cache) {
    auto it = cache.find(page);
    if (it != cache.end()) return it->second;
    std::vector<VisualLine>& lines = cache[page];
    for (const auto& p : pages) {
        if (p.number == page) lines = visual_lines(p);
    }
    return lines;
}

const VisualLine* visual_line_of(const std::vector<VisualLine>& lines, std::string_view text) {
    for (const auto& v : lines) {
        if (v.text() == text) return &v;
    }
    return nullptr;
}

}  // namespace minutebook::structure
