// Minutes set out as a bulleted outline: their heading bullets (bullet_heads
// in structure_internal.h).
#include <algorithm>
#include <cctype>
#include <map>

#include "indexer/structure_internal.h"

namespace minutebook::structure {
namespace {

// A line opening with a list bullet ("• Police Report"): the text after it.
std::optional<std::string> after_bullet(std::string_view line) {
    for (std::string_view bullet : {"\u2022", "\u25CF", "\u25AA"}) {
        if (line.substr(0, bullet.size()) != bullet) continue;
        std::string rest(line.substr(bullet.size()));
        size_t b = rest.find_first_not_of(' ');
        return b == std::string::npos ? std::string() : rest.substr(b);
    }
    return std::nullopt;
}

// A bullet's text that reads as a heading: a few words, opening with a
// capital or a figure, not closed by punctuation or left open by a word
// that leads on ("Update on", "Letter sent to", "3 Lochs Way -").
bool bullet_title(std::string_view title) {
    if (title.empty() || title.size() > 60) return false;
    unsigned char c = static_cast<unsigned char>(title[0]);
    if (!std::isupper(c) && !std::isdigit(c)) return false;
    if (std::string_view(".,;:-").find(title.back()) != std::string_view::npos) return false;
    if (title.find(';') != std::string_view::npos) return false;
    size_t words = 1 + static_cast<size_t>(std::count(title.begin(), title.end(), ' '));
    if (words > 8) return false;
    std::string_view last = title.substr(title.rfind(' ') == std::string_view::npos ? 0 : title.rfind(' ') + 1);
    for (std::string_view w : {"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "re",
                               "regarding", "the", "to", "with"}) {
        if (last == w) return false;
    }
    return true;
}

}  // namespace

std::vector<BulletHead> bullet_heads(const TextStream& s, const std::vector<PageText>& pages, size_t from,
                                     size_t to, std::map<int, std::vector<VisualLine>>& page_lines) {
    std::vector<BulletHead> out;
    // Poppler's reading order may set a bullet apart from its text, and a
    // bullet in a symbol font may sit on a baseline of its own just left of
    // its text: the visual lines say which lines a bullet opens.
    struct Bulleted {
        const VisualLine* line;
        size_t text;  // the line's first word after the bullet
    };
    std::map<int, std::map<std::string, Bulleted>> bulleted;
    auto bullet_line = [&](size_t j) -> std::optional<Bulleted> {
        const int page = s.lines[j].page;
        auto it = bulleted.find(page);
        if (it == bulleted.end()) {
            it = bulleted.emplace(page, std::map<std::string, Bulleted>{}).first;
            const std::vector<VisualLine>& lines = lines_of_page(pages, page, page_lines);
            for (const auto& v : lines) {
                std::optional<std::string> rest = after_bullet(v.text());
                if (!rest) continue;
                if (!rest->empty()) {
                    it->second.emplace(*rest, Bulleted{&v, 1});
                    continue;
                }
                const Word* b = v.words.front();
                for (const auto& w : lines) {
                    const double mid = (w.y0 + w.y1) / 2, height = w.y1 - w.y0;
                    if (&w != &v && std::abs(mid - (b->y0 + b->y1) / 2) < 0.6 * height && w.words.front()->x0 > b->x1 &&
                        w.words.front()->x0 - b->x1 < 40)
                        it->second.emplace(w.text(), Bulleted{&w, 0});
                }
            }
        }
        std::string text = s.lines[j].text;
        if (std::optional<std::string> rest = after_bullet(text)) text = *rest;
        auto found = it->second.find(text);
        if (found == it->second.end()) return std::nullopt;
        return found->second;
    };
    // A table's row: cells parted by gaps wider than three line heights.
    auto table_row = [](const VisualLine& v) {
        for (size_t w = 1; w < v.words.size(); ++w) {
            if (v.words[w]->x0 - v.words[w - 1]->x1 > 3 * (v.y1 - v.y0)) return true;
        }
        return false;
    };
    // A bullet in a table's cell: a row of the table stands within two and
    // a half lines of it.
    auto in_table = [&](const VisualLine& at, int page) {
        const double height = at.y1 - at.y0;
        for (const auto& v : lines_of_page(pages, page, page_lines)) {
            if (std::abs(v.y0 - at.y0) <= 2.5 * height && table_row(v)) return true;
        }
        return false;
    };
    bool listed = false;                // in the points of a list announced by a colon
    bool after_head = false;            // nothing but blank lines since the last heading
    double text_x = -1;                 // where the last bullet's text begins
    for (size_t j = from; j < to; ++j) {
        const std::string& t = s.lines[j].text;
        if (t.empty() || after_bullet(t) == std::string()) continue;
        const std::optional<Bulleted> at = bullet_line(j);
        if (!at) {
            // A wrapped line of the last bullet's text hangs at its indent.
            const VisualLine* v = visual_line_of(lines_of_page(pages, s.lines[j].page, page_lines), t);
            if (!v || std::abs(v->words.front()->x0 - text_x) >= 3) {
                listed = t.back() == ':';
                text_x = -1;
            }
            after_head = false;
            continue;
        }
        const VisualLine& line = *at->line;
        text_x = line.words[at->text]->x0;
        std::string title = at->text == 0 ? line.text() : *after_bullet(line.text());
        if (listed || !bullet_title(title) || in_table(line, s.lines[j].page)) {
            after_head = false;
            continue;
        }
        size_t body = j + 1;
        const std::vector<VisualLine>& lines = lines_of_page(pages, s.lines[j].page, page_lines);
        auto next = lines.begin() + (at->line - lines.data()) + 1;
        if (next != lines.end() && !after_bullet(next->text())) {
            const double height = line.y1 - line.y0;
            size_t b = next_text(s, body, to);
            if (std::abs(next->words.front()->x0 - text_x) < 3 && next->y0 - line.y0 < 1.6 * height && b < to &&
                s.lines[b].text == next->text()) {
                title += ' ' + next->text();
                body = b + 1;
                if (!bullet_title(title)) {
                    after_head = false;
                    continue;
                }
            }
        }
        if (!after_head) out.push_back(BulletHead{j, body, title});
        after_head = true;
    }
    return out;
}

}  // namespace minutebook::structure
