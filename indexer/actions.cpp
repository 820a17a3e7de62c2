// The minutes action log. Poppler's reading order gives one table cell per
// line, so rows and columns come from the word boxes: the header row
// (Minute | Report title | Officer responsible | Action | Response | Status)
// gives each column's left edge, and a minute number in the first column
// opens a row.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <regex>

#include "core/dates.h"
#include "core/names.h"
#include "indexer/structure_internal.h"

namespace minutebook::structure {
namespace {

enum Column { kMinute, kTitle, kOfficer, kAction, kResponse, kStatus, kColumns };

struct Columns {
    double x[kColumns] = {-1, -1, -1, -1, -1, -1};
    bool valid() const { return x[kMinute] >= 0 && x[kAction] >= 0 && x[kStatus] >= 0; }
    // The column a word starting at x0 falls in.
    int at(double x0) const {
        int best = -1;
        for (int c = 0; c < kColumns; ++c) {
            if (x[c] < 0) continue;
            if (x[c] <= x0 + 4 && (best < 0 || x[c] > x[best])) best = c;
        }
        return best < 0 ? kMinute : best;
    }
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Finds the header row of an action log table on a visual line: "Action"
// and "Status" with a report or officer column beside them. The first
// column's header may be "Minute" or the minutes' date.
std::optional<Columns> header_columns(const std::vector<VisualLine>& lines, size_t i, double& bottom) {
    const VisualLine& vl = lines[i];
    if (vl.words.size() < 3) return std::nullopt;
    Columns c;
    c.x[kMinute] = vl.words.front()->x0;
    bottom = vl.y1;
    // Header cells may be one or two lines high ("Officer / responsible").
    for (size_t k = i; k < lines.size() && lines[k].y0 < vl.y0 + 12; ++k) {
        for (const Word* w : lines[k].words) {
            std::string t = lower(w->text);
            int col = -1;
            if (t == "report" || t == "title" || t == "item") col = kTitle;
            else if (t == "officer" || t == "lead" || t == "officer(s)") col = kOfficer;
            else if (t == "action" || t == "actions") col = kAction;
            else if (t == "response" || t == "update" || t == "progress" || t == "comments") col = kResponse;
            else if (t == "status") col = kStatus;
            if (col < 0 || w->x0 <= c.x[kMinute] + 5) continue;
            if (k > i && col != kOfficer && col != kTitle) continue;
            if (c.x[col] < 0 || w->x0 < c.x[col]) c.x[col] = w->x0;
            bottom = std::max(bottom, w->y1);
        }
    }
    if (!c.valid() || (c.x[kTitle] < 0 && c.x[kOfficer] < 0)) return std::nullopt;
    return c;
}

// Tables printed without a header row: the columns' left edges are where
// most cell lines start.
std::optional<Columns> guess_columns(const PageText& page) {
    std::map<int, int> starts;
    for (const auto& vl : visual_lines(page)) {
        double prev_end = -100;
        for (const Word* w : vl.words) {
            // A word well apart from the previous one opens a cell line.
            if (w->x0 - prev_end > 8) ++starts[static_cast<int>(w->x0 / 4)];
            prev_end = w->x1;
        }
    }
    std::vector<std::pair<double, int>> peaks;
    for (const auto& [bucket, count] : starts) {
        if (count < 6) continue;
        double x = bucket * 4.0;
        if (!peaks.empty() && x - peaks.back().first < 20) {
            peaks.back().second += count;
            continue;
        }
        peaks.emplace_back(x, count);
    }
    if (peaks.size() < 5 || peaks.size() > 7) return std::nullopt;
    Columns c;
    c.x[kMinute] = peaks[0].first;
    c.x[kTitle] = peaks[1].first;
    c.x[kOfficer] = peaks[2].first;
    c.x[kAction] = peaks[3].first;
    if (peaks.size() >= 6) c.x[kResponse] = peaks[4].first;
    c.x[kStatus] = peaks.back().first;
    return c;
}

bool is_minute_number(std::string_view t) {
    // With its dot: a bare number in the first column is a date's day
    // ("Minutes - 25 / June 2024" wrapped) or a count.
    static const std::regex n(R"(^\d{1,4}\.$)");
    return std::regex_match(std::string(t), n);
}

std::string join(std::vector<const Word*> words) {
    std::stable_sort(words.begin(), words.end(), [](const Word* a, const Word* b) {
        if (std::abs(a->y0 - b->y0) >= 2.5) return a->y0 < b->y0;
        return a->x0 < b->x0;
    });
    std::string out;
    for (const Word* w : words) {
        if (!out.empty()) out += ' ';
        out += w->text;
    }
    return out;
}

}  // namespace

std::string fold_status(std::string_view printed) {
    std::string t = lower(printed);
    if (t.find_first_not_of(" \n.-") == std::string::npos) return "";
    static const char* complete[] = {"complete", "closed", "done", "achieved", "resolved"};
    for (const char* c : complete) {
        if (t.find(c) != std::string::npos && t.find("not complete") == std::string::npos &&
            t.find("incomplete") == std::string::npos)
            return "complete";
    }
    return "open";
}

std::vector<ActionRow> read_actions(const TextStream& s, const std::vector<PageText>& pages, Span span,
                                    std::vector<NameSeen>& names) {
    std::vector<ActionRow> rows;
    int first_page = s.lines[span.begin].page;
    int last_page = s.lines[span.end - 1].page;
    // Where the next part begins on the last page, the table has ended.
    std::string next_first;
    if (span.end < s.lines.size() && s.lines[span.end].page == last_page) {
        size_t k = span.end;
        while (k < s.lines.size() && s.lines[k].blank()) ++k;
        if (k < s.lines.size()) next_first = s.lines[k].text.substr(0, 20);
    }
    Columns cols;
    std::string minutes_date;
    for (const auto& page : pages) {
        if (page.number < first_page || page.number > last_page) continue;
        std::vector<VisualLine> vls = visual_lines(page);
        double cut = 1e9;
        bool seen_header = false;
        // Boundaries on this page: headers, "Minutes - date" lines, the cut.
        struct Mark {
            double y;
            int kind;  // 0 header, 1 minutes date, 2 row start
            std::string text;
            double bottom;
        };
        std::vector<Mark> marks;
        std::vector<std::pair<double, double>> footers;
        for (size_t i = 0; i < vls.size(); ++i) {
            std::string text = vls[i].text();
            if (is_footer_line(text)) footers.emplace_back(vls[i].y0 - 1, vls[i].y1 + 1);
            if (page.number == last_page && !next_first.empty() && text.rfind(next_first, 0) == 0 &&
                (seen_header || cols.valid())) {
                cut = std::min(cut, vls[i].y0 - 1);
            }
            double bottom = 0;
            if (auto c = header_columns(vls, i, bottom)) {
                cols = *c;
                seen_header = true;
                marks.push_back(Mark{vls[i].y0, 0, "", bottom});
                continue;
            }
            static const std::regex minutes_line(R"(^Minutes\s*(of|from|-|–)?\s*(the meeting (on|of|held on)\s*)?.*\d{4}$)",
                                                 std::regex::icase);
            if (text.size() < 60 && std::regex_match(text, minutes_line) && first_date(text)) {
                marks.push_back(Mark{vls[i].y0, 1, first_date(text)->iso(), vls[i].y1});
            }
        }
        if (!cols.valid() && !seen_header) {
            if (auto g = guess_columns(page)) cols = *g;
        }
        if (!cols.valid()) continue;
        // Row starts: a minute number at the left of the first column.
        for (const auto& w : page.words) {
            if (w.y0 >= cut || !is_minute_number(w.text)) continue;
            if (cols.at(w.x0) != kMinute || w.x0 > (cols.x[kTitle] > 0 ? cols.x[kTitle] : cols.x[kMinute] + 40) - 3)
                continue;
            // Below some header on this page, or the page continues a table.
            bool below_header = !seen_header;
            for (const auto& m : marks) {
                if (m.kind == 0 && w.y0 > m.bottom - 1) below_header = true;
            }
            if (!below_header) continue;
            marks.push_back(Mark{w.y0, 2, w.text, w.y1});
        }
        std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.y < b.y; });
        for (size_t m = 0; m < marks.size(); ++m) {
            if (marks[m].kind == 1) {
                minutes_date = marks[m].text;
                continue;
            }
            if (marks[m].kind != 2) continue;
            // Text between a header and the first number belongs to that row
            // ("Minutes of / 8 / November / 2016" above "221." in 2017).
            double top = (m > 0 && marks[m - 1].kind == 0) ? marks[m - 1].bottom : marks[m].y - 2;
            double bottom = m + 1 < marks.size() ? marks[m + 1].y - 2 : cut;
            std::vector<const Word*> cell[kColumns];
            for (const auto& w : page.words) {
                if (w.y0 < top || w.y0 >= bottom || w.text.empty()) continue;
                bool footer = false;
                for (const auto& [f0, f1] : footers) footer = footer || (w.y0 >= f0 && w.y0 <= f1);
                if (footer) continue;
                cell[cols.at(w.x0)].push_back(&w);
            }
            ActionRow row;
            row.page = page.number;
            std::string minute = join(cell[kMinute]);
            row.minute = marks[m].text;
            if (!row.minute.empty() && row.minute.back() == '.') row.minute.pop_back();
            if (auto d = first_date(minute)) minutes_date = d->iso();
            row.report_title = join(cell[kTitle]);
            row.officer = join(cell[kOfficer]);
            // The second line of a two-line header ("Officer / responsible").
            if (row.officer.rfind("responsible ", 0) == 0) row.officer = row.officer.substr(12);
            row.action = join(cell[kAction]);
            row.response = join(cell[kResponse]);
            row.status_text = join(cell[kStatus]);
            row.status = fold_status(row.status_text);
            row.minutes_date = minutes_date;
            for (std::string part : {row.officer}) {
                size_t start = 0;
                while (start < part.size()) {
                    size_t sep = part.find_first_of("/,&", start);
                    if (sep == std::string::npos) sep = part.size();
                    std::string raw = part.substr(start, sep - start);
                    if (parse_person(raw)) names.push_back(NameSeen{raw, false});
                    start = sep + 1;
                }
            }
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

}  // namespace minutebook::structure
