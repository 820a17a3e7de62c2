// The minutes action log. Poppler's reading order gives one table cell per
// line, so rows and columns come from the word boxes.
//
// A visual line splits into chunks where the gap between two words is wider
// than a space: each chunk is the line's part of one cell. The columns
// (Minute | Report title | Officer responsible | Action | Response | Status)
// come from the header row when there is one, else from a row that fills all
// six cells; they carry over to the next page, where tables often go on
// without a header. A minute number with a dot in the first column opens a
// row; so does a new officer beside a new action (a second action under the
// same minute, its number cell left blank). "Minutes - 12 March 2024" lines,
// sometimes wrapped inside the first column, date the rows below them.
// A row whose cells fit no grid (a table of other widths, cells run
// together) is read from what its cells hold: the officer is a person's name,
// the status the last cell.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <deque>
#include <map>
#include <regex>
#include <set>

#include "core/dates.h"
#include "core/names.h"
#include "indexer/structure_internal.h"

namespace minutebook::structure {
namespace {

enum Column { kMinute, kTitle, kOfficer, kAction, kResponse, kStatus, kColumns };

// Words further apart than this (points) stand in different cells; a space
// between words is about 2.5 points, a cell's padding on both sides 10 or more.
constexpr double kCellGap = 7;
// How far a cell's text may start from its column's left edge.
constexpr double kEdgeTolerance = 8;

std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

std::vector<std::string> words_of(std::string_view s) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        size_t j = s.find(' ', i);
        if (j == std::string::npos) j = s.size();
        if (j > i) out.emplace_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep = " ") {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

// A run of words of one cell on one visual line.
struct Chunk {
    double x0 = 0, x1 = 0;
    std::vector<const Word*> words;
    std::string text() const {
        std::string out;
        for (const Word* w : words) out += (out.empty() ? "" : " ") + w->text;
        return out;
    }
};

struct TableLine {
    int page = 0;
    double y0 = 0, y1 = 0;
    std::vector<Chunk> chunks;
    bool opens_block = false;  // after a vertical gap, a rule or the top of a page
    std::string text() const {
        std::string out;
        for (const auto& c : chunks) out += (out.empty() ? "" : " ") + c.text();
        return out;
    }
};

std::vector<Chunk> chunks_of(const VisualLine& vl) {
    std::vector<Chunk> out;
    for (const Word* w : vl.words) {
        if (out.empty() || w->x0 - out.back().x1 > kCellGap) out.push_back(Chunk{w->x0, w->x1, {}});
        out.back().words.push_back(w);
        out.back().x1 = std::max(out.back().x1, w->x1);
    }
    return out;
}

// The left edge of each column; -1 where unknown. A header without a
// "Minute" label leaves the first column's edge unknown: whatever stands
// left of the title column is in it.
struct Grid {
    double edge[kColumns] = {-1, -1, -1, -1, -1, -1};
    bool known(int c) const { return edge[c] >= 0; }
    int at(double x0) const {
        int best = -1;
        for (int c = 0; c < kColumns; ++c) {
            if (known(c) && edge[c] <= x0 + kEdgeTolerance && (best < 0 || edge[c] > edge[best]))
                best = c;
        }
        return best < 0 ? kMinute : best;
    }
    double next_edge(int c) const {
        for (int n = c + 1; n < kColumns; ++n) {
            if (known(n)) return edge[n];
        }
        return -1;
    }
};

bool is_minute_number(std::string_view t) {
    // With its dot: a bare number in the first column is a date's day
    // ("Minutes of 12 / June 2017" wrapped) or a count.
    static const std::regex n(R"(^\d{1,4}\.$)");
    return std::regex_match(std::string(t), n);
}

bool is_rule(const VisualLine& vl) {
    for (const Word* w : vl.words) {
        if (w->text.size() < 2 || w->text.find_first_not_of("-_") != std::string::npos)
            return false;
    }
    return !vl.words.empty();
}

bool is_page_footer(std::string_view text) {
    // "Page 17", and "Page 30 of 204" carried over from a document printed into the pack.
    static const std::regex page(R"(^Page\s+\d+(\s+of\s+\d+)?$)", std::regex::icase);
    return std::regex_match(std::string(text), page);
}

// The column a header word names, -1 for none.
int header_column(std::string_view word, bool leftmost) {
    std::string t = lower(word);
    while (!t.empty() && (t.back() == ':' || t.back() == '.')) t.pop_back();
    if (leftmost && (t == "minute" || t == "minutes" || t == "min" || t == "no" || t == "ref"))
        return kMinute;
    if (t == "report" || t == "title" || t == "item" || t == "subject") return kTitle;
    if (t == "officer" || t == "officers" || t == "officer(s)" || t == "lead") return kOfficer;
    if (t == "action" || t == "actions") return kAction;
    if (t == "response" || t == "update" || t == "updates" || t == "progress" || t == "comments")
        return kResponse;
    if (t == "status") return kStatus;
    return -1;
}

// A header row: every cell a column name, with "Action" and "Status" and a
// report or officer column among them.
std::optional<Grid> header_grid(const TableLine& line) {
    Grid g;
    for (size_t k = 0; k < line.chunks.size(); ++k) {
        const Chunk& c = line.chunks[k];
        int col = header_column(c.words.front()->text, k == 0);
        if (col < 0 || g.known(col)) return std::nullopt;
        g.edge[col] = c.x0;
    }
    if (!g.known(kAction) || !g.known(kStatus) || (!g.known(kTitle) && !g.known(kOfficer)))
        return std::nullopt;
    return g;
}

// The second line of a two-line header cell ("Officer / responsible").
bool is_header_tail(const TableLine& line) {
    static const std::set<std::string> tail{"responsible", "title", "officer", "officer(s)",
                                            "by",          "lead",  "date",    "taken"};
    for (const auto& c : line.chunks) {
        for (const Word* w : c.words) {
            if (!tail.count(lower(w->text))) return false;
        }
    }
    return true;
}

// A row whose first line fills all six cells gives the grid its table was
// drawn with.
std::optional<Grid> full_row_grid(const TableLine& line) {
    if (line.chunks.size() != kColumns || line.chunks[0].words.size() != 1 ||
        !is_minute_number(line.chunks[0].words[0]->text))
        return std::nullopt;
    Grid g;
    for (int c = 0; c < kColumns; ++c) g.edge[c] = line.chunks[static_cast<size_t>(c)].x0;
    return g;
}

// The columns of a line's cells under `grid`; nullopt when they do not fit
// it: a cell starting off a column's edge, running into the next column, two
// cells in one column, or text other than a row's minute number in the first.
std::optional<std::vector<int>> fit(const Grid& grid, const TableLine& line, bool row_start) {
    std::vector<int> cols;
    for (size_t k = 0; k < line.chunks.size(); ++k) {
        const Chunk& c = line.chunks[k];
        int col = grid.at(c.x0);
        if (grid.known(col) && std::abs(c.x0 - grid.edge[col]) > kEdgeTolerance)
            return std::nullopt;
        double next = grid.next_edge(col);
        if (next >= 0 && c.x1 > next + 1) return std::nullopt;
        if (!cols.empty() && col <= cols.back()) return std::nullopt;
        if (col == kMinute && (!row_start || k != 0 || c.words.size() != 1)) return std::nullopt;
        cols.push_back(col);
    }
    return cols;
}

bool looks_like_status(std::string_view text) {
    static const std::regex status(
        R"(^(completed?|closed|done|on-?going|in progress|open|outstanding|pending|overdue|not started|no longer required|not required|withdrawn|superseded)\b)",
        std::regex::icase);
    return std::regex_search(std::string(text), status);
}

bool is_officer_name(std::string_view text) {
    std::string t = trim(text);
    while (!t.empty() && (t.back() == '/' || t.back() == ',')) t.pop_back();
    return parse_person(t).has_value() && !is_post(t);
}

// A row being read: its cells line by line, and the left edge of each of its
// columns for the lines still to come.
struct Building {
    ActionRow row;
    std::vector<std::string> cells[kColumns];
    size_t block_from[kColumns] = {0, 0, 0, 0, 0, 0};
    Grid edges;
    bool own_columns = false;     // a table of its own with no minute column
    bool run_on = false;          // title, officer and action run together in the title cell
    bool heading_before = false;  // a "Minutes - date" heading stands between it and the row before

    void add(const TableLine& line, const std::vector<int>& cols) {
        for (size_t k = 0; k < line.chunks.size(); ++k) add(cols[k], line.chunks[k].text());
    }
    void add(const TableLine& line) {
        for (const auto& c : line.chunks) add(edges.at(c.x0), c.text());
    }
    void add(int col, std::string text) {
        if (!text.empty()) cells[col].push_back(std::move(text));
    }
    // A block that only repeats the end of a cell (a cell printed again after
    // a break in the table) adds nothing to it.
    void settle_block() {
        for (int c = 0; c < kColumns; ++c) {
            std::string before, added;
            for (size_t i = 0; i < cells[c].size(); ++i)
                (i < block_from[c] ? before : added) += " " + lower(cells[c][i]);
            std::vector<std::string> b = words_of(before), a = words_of(added);
            if (!a.empty() && a.size() <= b.size() && std::equal(a.rbegin(), a.rend(), b.rbegin()))
                cells[c].resize(block_from[c]);
            block_from[c] = cells[c].size();
        }
    }
};

// The people in an officer cell, as printed, one per name: "Fiona MacKirdy/
// Richenda Greenhill" is two, and so are two names each on a line of its own
// ("Jacqui Barry" over "Aidan O'Reilly") and "Kate Knight and Claire
// Betteridge"; "Wendi / Ogle- / Welbourn" is one, and so is a post
// ("Children, Families and Adults").
std::vector<std::string> officer_names(const std::vector<std::string>& lines) {
    std::vector<std::string> names;
    std::string current;
    auto flush = [&] {
        std::string t = trim(current);
        if (!t.empty()) names.push_back(t);
        current.clear();
    };
    for (const auto& line : lines) {
        static const std::regex joined(R"((-|,|&|\band)$)");
        if (words_of(current).size() >= 2 && !std::regex_search(current, joined) &&
            words_of(line).size() >= 2 && is_officer_name(line))
            flush();
        size_t start = 0;
        for (size_t slash = line.find('/'); slash != std::string::npos;
             slash = line.find('/', start)) {
            current += " " + line.substr(start, slash - start);
            flush();
            start = slash + 1;
        }
        current += " " + line.substr(start);
    }
    flush();
    std::vector<std::string> out;
    static const std::regex sep(R"(\s*(,|&|\band\b)\s*)");
    for (const auto& name : names) {
        std::vector<std::string> parts;
        for (std::sregex_token_iterator it(name.begin(), name.end(), sep, -1), end; it != end; ++it)
            if (std::string part = trim(it->str()); !part.empty()) parts.push_back(part);
        bool all_names =
            parts.size() > 1 && std::all_of(parts.begin(), parts.end(), is_officer_name);
        if (all_names)
            out.insert(out.end(), parts.begin(), parts.end());
        else
            out.push_back(name);
    }
    return out;
}

std::string normal_name(std::string_view name) {
    std::string out;
    for (char c : lower(name)) {
        if (std::isalnum(static_cast<unsigned char>(c))) out += c;
    }
    return out;
}

// Words [from, to) joined by spaces.
std::string join_words(const std::vector<std::string>& w, size_t from, size_t to) {
    std::string out;
    for (size_t i = from; i < to && i < w.size(); ++i) out += (out.empty() ? "" : " ") + w[i];
    return out;
}

// Title, officer and action run together in one cell ("Free School
// Proposals Hazel Belchamber/ Richenda Greenhill Output"): the officers are
// names that other rows of the log give, joined by "/".
void split_run_on(ActionRow& row, const std::string& text, const std::set<std::string>& known) {
    std::vector<std::string> w = words_of(text);
    auto name_at = [&](size_t i) -> size_t {  // words of a known name starting at i, 0 for none
        for (size_t n = 4; n >= 2; --n) {
            if (i + n <= w.size() && known.count(normal_name(join_words(w, i, i + n)))) return n;
        }
        return 0;
    };
    for (size_t i = 1; i < w.size(); ++i) {
        size_t n = name_at(i);
        if (n == 0) continue;
        std::vector<std::string> names{join_words(w, i, i + n)};
        size_t end = i + n;
        while (names.back().ends_with("/")) {
            names.back().pop_back();
            size_t more = name_at(end);
            if (more == 0) break;
            names.push_back(join_words(w, end, end + more));
            end += more;
        }
        row.report_title = join_words(w, 0, i);
        row.officer = join(names, "/");
        row.action = join({row.action, join_words(w, end, w.size())});
        return;
    }
    row.report_title = text;
}

// Reads the lines of the log's table into rows.
class TableReader {
  public:
    TableReader(std::vector<TableLine> lines, const DateOptions& dates,
                std::vector<NameSeen>& names)
        : lines_(std::move(lines)), dates_(dates), names_(names) {
        for (const auto& l : lines_) {
            if (auto g = full_row_grid(l)) page_grids_[l.page].push_back(*g);
            auto [it, fresh] = page_left_.emplace(l.page, l.chunks.front().x0);
            if (!fresh) it->second = std::min(it->second, l.chunks.front().x0);
        }
    }

    std::vector<ActionRow> read() {
        for (size_t i = 0; i < lines_.size(); ++i) {
            const TableLine& line = lines_[i];
            if (auto g = header_grid(line)) {
                grid_ = *g;
                started_ = true;
                while (i + 1 < lines_.size() && lines_[i + 1].page == line.page &&
                       lines_[i + 1].y0 < line.y1 + 12 && is_header_tail(lines_[i + 1]))
                    ++i;
                continue;
            }
            if (size_t used = read_minutes_heading(i)) {
                close();
                heading_since_row_ = true;
                started_ = true;
                i += used - 1;
                continue;
            }
            if (is_row_start(line)) {
                close();
                open_numbered(line);
                started_ = true;
                continue;
            }
            if (!started_) continue;  // the log's introduction
            if (line.opens_block) {
                if (current_) current_->settle_block();
                if (open_unnumbered(line)) continue;
            }
            if (current_) current_->add(line);
        }
        close();
        fix_run_ons();
        std::vector<ActionRow> out;
        for (auto& b : done_) out.push_back(std::move(b.row));
        return out;
    }

  private:
    // "Minutes - 12 March 2024", "Minutes of the / meeting on 22 / May 2019"
    // wrapped in the first column, or beside a "Minute" header cell; returns
    // the number of lines it takes, 0 when line i is not one.
    size_t read_minutes_heading(size_t i) {
        const TableLine& line = lines_[i];
        size_t from = 0;
        if (line.chunks.size() >= 2 && lower(line.chunks[0].text()) == "minute") from = 1;
        std::string text;
        for (size_t k = from; k < line.chunks.size(); ++k)
            text += (text.empty() ? "" : " ") + line.chunks[k].text();
        if (text.size() > 70 || lower(text).rfind("minutes", 0) != 0) return 0;
        // The lines below in the same cell, until the date is whole.
        double x = line.chunks[from].x0;
        size_t used = 1;
        for (size_t j = i + 1; j < lines_.size() && used < 5 && !first_date(text, dates_); ++j) {
            const TableLine& next = lines_[j];
            if (next.page != line.page || next.opens_block || next.chunks.size() != 1 ||
                std::abs(next.chunks[0].x0 - x) > kEdgeTolerance || is_row_start(next))
                break;
            text += " " + next.text();
            ++used;
        }
        auto date = first_date(text, dates_);
        if (!date || date->day == 0) return 0;
        minutes_date_ = date->iso();
        return used;
    }

    bool is_row_start(const TableLine& line) const {
        const Chunk& c = line.chunks.front();
        if (!is_minute_number(c.words.front()->text)) return false;
        if (grid_.known(kTitle)) return c.x0 < grid_.edge[kTitle] - kEdgeTolerance;
        return c.x0 <= page_left_.at(line.page) + 30;
    }

    // The grid the line's cells fit: the one in force, else one of a full
    // row on the same page (a table drawn with other widths), else on the
    // nearest page that has one (a scan that lost the row's number).
    std::optional<std::vector<int>> fit_any(const TableLine& line, bool row_start, Grid& used) {
        if (auto cols = fit(grid_, line, row_start)) {
            used = grid_;
            return cols;
        }
        std::vector<std::pair<int, const Grid*>> near;
        for (const auto& [page, grids] : page_grids_) {
            for (const Grid& g : grids) near.emplace_back(std::abs(page - line.page), &g);
        }
        std::stable_sort(near.begin(), near.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [distance, g] : near) {
            if (auto cols = fit(*g, line, row_start)) {
                used = *g;
                return cols;
            }
        }
        return std::nullopt;
    }

    Building start(const TableLine& line) {
        Building b;
        b.row.page = line.page;
        b.row.minutes_date = minutes_date_;
        b.heading_before = heading_since_row_;
        heading_since_row_ = false;
        return b;
    }

    void open_numbered(const TableLine& line) {
        Building b = start(line);
        std::string number = line.chunks.front().words.front()->text;
        b.row.minute = number.substr(0, number.size() - 1);
        if (auto g = full_row_grid(line)) grid_ = *g;
        Grid used;
        if (auto cols = fit_any(line, true, used)) {
            grid_ = used;
            b.edges = used;
            for (size_t k = 1; k < line.chunks.size(); ++k)
                b.add((*cols)[k], line.chunks[k].text());
        } else {
            // The first cell runs on past the number: read the others from the right.
            const Chunk& first = line.chunks.front();
            std::string rest = trim(first.text().substr(number.size()));
            b.run_on = true;
            b.edges.edge[kTitle] = first.x0;
            b.add(kTitle, rest);
            label_from_right(b, line, 1);
        }
        current_ = std::move(b);
    }

    // Cells after the officer (or the run-on first cell): action, response,
    // status; a last cell holding a status word is the status.
    void label_from_right(Building& b, const TableLine& line, size_t from) {
        size_t n = line.chunks.size() - from;
        std::vector<int> cols;
        if (n >= 3)
            cols = {kAction, kResponse, kStatus};
        else if (n == 2)
            cols = {kAction, looks_like_status(line.chunks.back().text()) ? kStatus : kResponse};
        else if (n == 1)
            cols = {looks_like_status(line.chunks.back().text()) ? kStatus : kAction};
        for (size_t k = 0; k < n && k < cols.size(); ++k) {
            const Chunk& c = line.chunks[from + k];
            b.edges.edge[cols[k]] = c.x0;
            b.add(cols[k], c.text());
        }
    }

    // A row with no number of its own: a new officer beside a new action.
    bool open_unnumbered(const TableLine& line) {
        Grid used;
        if (auto cols = fit_any(line, false, used)) {
            bool officer = std::find(cols->begin(), cols->end(), kOfficer) != cols->end();
            bool more = std::any_of(cols->begin(), cols->end(), [](int c) { return c > kOfficer; });
            if (!officer || !more) return false;
            close();
            Building b = start(line);
            b.edges = used;
            b.add(line, *cols);
            current_ = std::move(b);
            return true;
        }
        // A table of its own: find the officer among the first cells.
        if (line.chunks.size() < 2) return false;
        size_t officer = line.chunks.size();
        for (size_t k = 0; k < 2; ++k) {
            if (is_officer_name(line.chunks[k].text())) {
                officer = k;
                break;
            }
        }
        if (officer == line.chunks.size()) return false;
        close();
        Building b = start(line);
        b.own_columns = true;
        if (officer == 1) {
            b.edges.edge[kTitle] = line.chunks[0].x0;
            b.add(kTitle, line.chunks[0].text());
        }
        b.edges.edge[kOfficer] = line.chunks[officer].x0;
        b.add(kOfficer, line.chunks[officer].text());
        label_from_right(b, line, officer + 1);
        current_ = std::move(b);
        return true;
    }

    void close() {
        if (!current_) return;
        Building b = std::move(*current_);
        current_.reset();
        b.settle_block();
        ActionRow& row = b.row;
        std::string title = join(b.cells[kTitle]);
        std::vector<std::string> officers = officer_names(b.cells[kOfficer]);
        row.officer = join(officers, "/");
        row.action = join(b.cells[kAction]);
        row.response = join(b.cells[kResponse]);
        row.status_text = join(b.cells[kStatus]);
        row.status = fold_status(row.status_text);
        if (b.run_on) {
            run_on_.push_back({done_.size(), title});
        } else {
            row.report_title = title;
            for (const auto& o : officers) known_officers_.insert(normal_name(o));
        }
        // A second action under the same minute and report leaves their
        // cells blank, or prints the rest of a title broken across rows.
        if (row.minute.empty() && !done_.empty() && !b.heading_before &&
            !(b.own_columns && !title.empty())) {
            ActionRow& prev = done_.back().row;
            row.minute = prev.minute;
            if (!title.empty() && !prev.report_title.ends_with(title))
                prev.report_title = join({prev.report_title, title});
            row.report_title = prev.report_title;
        }
        for (const auto& o : officers) {
            if (is_officer_name(o)) names_.push_back(NameSeen{o, false});
        }
        done_.push_back(std::move(b));
    }

    void fix_run_ons() {
        for (const auto& [index, text] : run_on_) {
            ActionRow& row = done_[index].row;
            split_run_on(row, text, known_officers_);
            for (const auto& o : officer_names({row.officer})) {
                if (is_officer_name(o)) names_.push_back(NameSeen{o, false});
            }
        }
    }

    std::vector<TableLine> lines_;
    DateOptions dates_;
    std::vector<NameSeen>& names_;
    std::map<int, std::vector<Grid>> page_grids_;
    std::map<int, double> page_left_;
    Grid grid_;
    bool started_ = false;
    bool heading_since_row_ = false;
    std::string minutes_date_;
    std::optional<Building> current_;
    std::vector<Building> done_;
    std::set<std::string> known_officers_;
    std::vector<std::pair<size_t, std::string>> run_on_;
};

// The page's words without what OCR reads into a table's borders: blank
// words and "|" (on a scanned page a cell's border may stick to its text,
// "|Completed").
PageText without_rule_marks(const PageText& page) {
    PageText out;
    out.number = page.number;
    for (const Word& w : page.words) {
        size_t b = w.text.find_first_not_of(" |"), e = w.text.find_last_not_of(" |");
        if (b == std::string::npos) continue;
        Word kept = w;
        kept.text = w.text.substr(b, e - b + 1);
        out.words.push_back(std::move(kept));
    }
    return out;
}

// A raised ordinal ("29th" printed with a superscript "th") makes a visual
// line of its own, overlapping the line it belongs to: it joins that line.
std::vector<VisualLine> join_raised(const std::vector<VisualLine>& vls) {
    std::vector<VisualLine> out;
    for (size_t i = 0; i < vls.size(); ++i) {
        VisualLine vl = vls[i];
        if (!out.empty() && out.back().words.size() <= 2 && vl.y0 < out.back().y1 - 1.5 &&
            out.back().y1 - out.back().y0 < vl.y1 - vl.y0) {
            vl.words.insert(vl.words.end(), out.back().words.begin(), out.back().words.end());
            std::sort(vl.words.begin(), vl.words.end(),
                      [](const Word* a, const Word* b) { return a->x0 < b->x0; });
            vl.y0 = std::min(vl.y0, out.back().y0);
            out.pop_back();
        }
        out.push_back(std::move(vl));
    }
    return out;
}

// Whether a visual line is the stream line `text` (the part's heading, or
// the next part's first line), as far as the first 20 letters tell.
bool same_line(const std::string& visual, const std::string& text) {
    std::string a = normal_name(visual), b = normal_name(text);
    if (b.empty()) return false;
    size_t n = std::min<size_t>(20, b.size());
    return a.size() >= n && a.compare(0, n, b, 0, n) == 0;
}

}  // namespace

ActionStatus fold_status(std::string_view printed) {
    std::string t = lower(printed);
    if (t.find_first_not_of(" \n.-") == std::string::npos) return ActionStatus::kNotPrinted;
    if (t.find("not complete") != std::string::npos || t.find("incomplete") != std::string::npos)
        return ActionStatus::kOpen;
    static const char* complete[] = {"complete",     "closed",    "done",
                                     "achieved",     "resolved",  "no longer required",
                                     "not required", "withdrawn", "superseded"};
    for (const char* c : complete) {
        if (t.find(c) != std::string::npos) return ActionStatus::kComplete;
    }
    return ActionStatus::kOpen;
}

std::vector<ActionRow> read_actions(const TextStream& s, const std::vector<PageText>& pages,
                                    Span span, std::vector<NameSeen>& names) {
    int first_page = s.lines[span.begin].page;
    int last_page = s.lines[span.end - 1].page;
    // The log's heading on its first page: what stands above it is the part before.
    const std::string& heading = s.lines[span.begin].text;
    size_t heading_seen = 0;
    for (size_t k = span.begin; k-- > 0 && s.lines[k].page == first_page;) {
        if (same_line(s.lines[k].text, heading)) ++heading_seen;
    }
    // Where the next part begins on the last page, the table has ended.
    std::string next_first;
    if (span.end < s.lines.size() && s.lines[span.end].page == last_page) {
        size_t k = span.end;
        while (k < s.lines.size() && s.lines[k].blank()) ++k;
        if (k < s.lines.size()) next_first = s.lines[k].text;
    }

    std::deque<PageText> kept;  // the words the table's lines point to
    std::vector<TableLine> lines;
    for (const auto& page : pages) {
        if (page.number < first_page || page.number > last_page) continue;
        const PageText& cleaned = kept.emplace_back(without_rule_marks(page));
        std::vector<VisualLine> vls = join_raised(visual_lines(cleaned));
        size_t from = 0;
        if (page.number == first_page) {
            size_t seen = 0;
            for (size_t i = 0; i < vls.size(); ++i) {
                if (same_line(vls[i].text(), heading) && seen++ == heading_seen) {
                    from = i + 1;
                    break;
                }
            }
        }
        bool after_break = true;
        double bottom = 0;
        for (size_t i = from; i < vls.size(); ++i) {
            std::string text = vls[i].text();
            if (page.number == last_page && !next_first.empty() && same_line(text, next_first))
                break;
            if (is_page_footer(text) || (i + 1 == vls.size() && is_footer_line(text))) continue;
            if (is_rule(vls[i])) {
                after_break = true;
                continue;
            }
            TableLine line;
            line.page = page.number;
            line.y0 = vls[i].y0;
            line.y1 = vls[i].y1;
            line.chunks = chunks_of(vls[i]);
            double height = vls[i].y1 - vls[i].y0;
            line.opens_block = after_break || line.y0 - bottom > std::max(3.0, height / 2);
            after_break = false;
            bottom = line.y1;
            lines.push_back(std::move(line));
        }
    }
    return TableReader(std::move(lines), s.dates, names).read();
}

}  // namespace minutebook::structure

namespace minutebook {

const char* to_string(ActionStatus status) {
    switch (status) {
        case ActionStatus::kOpen:
            return "open";
        case ActionStatus::kComplete:
            return "complete";
        case ActionStatus::kNotPrinted:
            break;
    }
    return "";
}

std::optional<ActionStatus> parse_action_status(std::string_view text) {
    for (ActionStatus s : {ActionStatus::kOpen, ActionStatus::kComplete}) {
        if (text == to_string(s)) return s;
    }
    return std::nullopt;
}

}  // namespace minutebook
