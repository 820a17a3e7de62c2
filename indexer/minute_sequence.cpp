// Minute item labels and the sequence they form: which numbered lines of a
// set of minutes are its items' headings.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "indexer/structure_internal.h"

namespace minutebook::structure {
namespace {

bool digit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}
bool upper(char c) {
    return std::isupper(static_cast<unsigned char>(c)) != 0;
}
bool alpha(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
}

// The penalty of a step from label a to label b, or a negative value when b
// cannot follow a (a smaller number, or a jump of more than ten).
double step_cost(const ItemLabel& a, const ItemLabel& b) {
    constexpr double kGap = 0.25;       // per number left out
    constexpr double kNewSeries = 0.3;  // 19.03.9 -> 19.04.1, 23/45 -> 24/1
    if (a.series != b.series) {
        // A new month or year numbers its items from 1 again, in the same shape.
        if (a.series.empty() || b.series.empty() || a.series.back() != b.series.back()) return -1;
        return b.major <= 2 ? kNewSeries + kGap * (b.major - 1) : -1;
    }
    constexpr double kDuplicate = 0.6;  // the same number printed twice
    if (b.major == a.major) {
        if (b.minor == a.minor) return kDuplicate;
        if (b.minor < a.minor) return -1;
        // 5 -> 5a, 5a -> 5b; 5a -> 5d leaves two out.
        return kGap * (b.minor - a.minor - 1);
    }
    if (b.major < a.major) return -1;
    int gap = b.major - a.major - 1 + std::max(0, b.minor - 1);
    if (gap > 9) return -1;
    return kGap * gap;
}

// The checks every heading's title passes; nullopt when `l` does not.
std::optional<ItemLabel> with_title(ItemLabel l, std::string_view line, size_t q) {
    while (q < line.size() && line[q] == ' ') ++q;
    l.title = std::string(line.substr(q));
    while (!l.title.empty() && l.title.back() == ' ') l.title.pop_back();
    if (l.title.empty()) return l;
    auto c = static_cast<unsigned char>(l.title[0]);
    if (!(std::isupper(c) || std::isdigit(c) || c == '\'' || c == '"' || c >= 0x80))
        return std::nullopt;
    if (l.title.size() > 200 || l.title.back() == ',') return std::nullopt;
    if (l.title.back() == ':' && l.title.size() > 60) return std::nullopt;
    if (std::isdigit(c) && l.title.find(' ') == std::string::npos)
        return std::nullopt;  // "1. 2024"
    return l;
}

size_t digits_at(std::string_view line, size_t at) {
    size_t e = at;
    while (e < line.size() && digit(line[e])) ++e;
    return e - at;
}

// Labels numbered within a month or year: "19.03.4", "21.01.02" (year,
// month, item), "14/037:", "FC 23/45", "C/24/12" (a prefix, the year, the
// item). Not dates with slashes ("20/03/18"), planning references
// ("17/01648/PP") or years ("2019/20").
std::optional<ItemLabel> parse_series_label(std::string_view line) {
    size_t q = 0;
    while (q < line.size() && q < 3 && upper(line[q])) ++q;
    if (q > 0) {
        if (q >= line.size() || (line[q] != ' ' && line[q] != '/')) return std::nullopt;
        ++q;
    }
    size_t a = digits_at(line, q);
    if (a == 0 || a > 2 || q + a >= line.size()) return std::nullopt;
    const char sep = line[q + a];
    if (sep != '.' && sep != '/') return std::nullopt;
    size_t b_at = q + a + 1;
    size_t b = digits_at(line, b_at);
    if (b == 0) return std::nullopt;
    ItemLabel l;
    size_t end = b_at + b;
    if (sep == '.') {
        int month = std::stoi(std::string(line.substr(b_at, b)));
        // Year and month print two digits each: "3.2.1" numbers a paragraph.
        if (a != 2 || b != 2 || month < 1 || month > 12 || end >= line.size() || line[end] != '.')
            return std::nullopt;
        size_t c = digits_at(line, end + 1);
        if (c == 0 || c > 3) return std::nullopt;
        l.series = std::string(line.substr(0, end + 1));
        l.major = std::stoi(std::string(line.substr(end + 1, c)));
        end += 1 + c;
    } else {
        if (b > 4) return std::nullopt;
        l.series = std::string(line.substr(0, b_at));
        l.major = std::stoi(std::string(line.substr(b_at, b)));
    }
    if (l.major == 0) return std::nullopt;
    l.number = std::string(line.substr(0, end));
    l.punctuated = true;
    if (end < line.size() && (line[end] == '.' || line[end] == ':' || line[end] == ')')) ++end;
    if (end < line.size() && line[end] != ' ')
        return std::nullopt;  // "20/03/18", "17/01648/PP", "19.03.4.1"
    return with_title(l, line, end);
}

}  // namespace

int lower_case_words(std::string_view text) {
    static const std::string_view small[] = {"a",  "an", "and", "at", "by",  "for", "from",
                                             "in", "of", "on",  "or", "the", "to",  "with"};
    int count = 0;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        size_t j = i;
        while (j < text.size() && text[j] != ' ') ++j;
        std::string_view word = text.substr(i, j - i);
        if (!word.empty() && std::islower(static_cast<unsigned char>(word[0])) &&
            std::find(std::begin(small), std::end(small), word) == std::end(small))
            ++count;
        i = j;
    }
    return count;
}

std::optional<ItemLabel> parse_item_label(std::string_view line) {
    if (auto series = parse_series_label(line)) return series;
    size_t p = 0;
    while (p < line.size() && digit(line[p])) ++p;
    if (p == 0 || p > 4) return std::nullopt;
    ItemLabel l;
    l.major = std::stoi(std::string(line.substr(0, p)));
    if (l.major == 0) return std::nullopt;
    size_t q = p;
    auto ends_label = [&](size_t at) {
        return at == line.size() || line[at] == '.' || line[at] == ')' || line[at] == ' ';
    };
    // A letter suffix: "5a.", "9A", "8b Vice Convenor's report" (not "7pm", "2nd").
    if (q < line.size() && alpha(line[q]) && ends_label(q + 1)) {
        l.minor = std::tolower(static_cast<unsigned char>(line[q])) - 'a' + 1;
        ++q;
    }
    size_t number_end = q;
    if (l.minor == 0 && q + 1 < line.size() && line[q] == '.' && line[q + 1] == '0' &&
        (q + 2 == line.size() || line[q + 2] == ' ')) {
        // "5.0 Councillors' Updates": item 5 printed with its paragraph zero.
        q += 2;
        number_end = q;
        l.punctuated = true;
    } else if (q < line.size() && (line[q] == '.' || line[q] == ')')) {
        ++q;
        l.punctuated = true;
    }
    l.number = std::string(line.substr(0, number_end));
    if (q < line.size() && line[q] != ' ') {
        // "1.Introductions and welcome"; never "5.1", "17/01648/PP", "2021-0456".
        if (!(l.punctuated && upper(line[q]))) return std::nullopt;
    }
    // An unpunctuated number before words is a count ("39 tickets", "3 Lochs
    // Way"), unless it carries a letter ("8b Vice Convenor's report").
    auto titled = with_title(l, line, q);
    if (titled && !titled->title.empty() && !l.punctuated && l.minor == 0) return std::nullopt;
    return titled;
}

namespace {

// The value of a Roman numeral in capitals ("IV" -> 4), 0 when it is none.
int roman_value(std::string_view r) {
    static const std::pair<std::string_view, int> kNumerals[] = {
        {"XL", 40}, {"X", 10}, {"IX", 9}, {"V", 5}, {"IV", 4}, {"I", 1}};
    int value = 0;
    size_t at = 0;
    for (const auto& [numeral, v] : kNumerals) {
        int repeats = 0;
        while (r.substr(at, numeral.size()) == numeral && repeats < 3) {
            value += v;
            at += numeral.size();
            ++repeats;
        }
    }
    return at == r.size() ? value : 0;
}

}  // namespace

std::optional<ItemLabel> parse_agenda_label(std::string_view line) {
    if (auto l = parse_item_label(line)) return l;
    // "IV. NEW BUSINESS", "II) Roll call".
    size_t p = 0;
    while (p < line.size() && p < 6 && (line[p] == 'I' || line[p] == 'V' || line[p] == 'X' || line[p] == 'L')) ++p;
    if (p > 0 && p + 1 < line.size() && (line[p] == '.' || line[p] == ')') && line[p + 1] == ' ') {
        int value = roman_value(line.substr(0, p));
        if (value == 0) return std::nullopt;
        ItemLabel l;
        l.number = std::string(line.substr(0, p));
        l.series = "roman ";  // counted apart from numbers in figures
        l.major = value;
        l.punctuated = true;
        auto titled = with_title(l, line, p + 1);
        if (titled && !titled->title.empty()) return titled;
        return std::nullopt;
    }
    // "1 Call to Order in the Council Chambers", "3 Public Comment": a number
    // before a heading in the agendas US city councils publish.
    size_t d = digits_at(line, 0);
    if (d == 0 || d > 2 || d + 1 >= line.size() || line[d] != ' ') return std::nullopt;
    ItemLabel l;
    l.number = std::string(line.substr(0, d));
    l.major = std::stoi(l.number);
    if (l.major == 0) return std::nullopt;
    auto titled = with_title(l, line, d + 1);
    if (!titled || titled->title.empty() || std::isdigit(static_cast<unsigned char>(titled->title[0])) ||
        titled->title.size() > 80 || lower_case_words(titled->title) > 6)
        return std::nullopt;
    return titled;
}

double heading_score(const ItemLabel& label, std::string_view title) {
    double score = label.title.empty() ? 0.8 : 1.0;
    if (!label.punctuated) score -= 0.3;
    if (title.size() <= 60) score += 0.3;
    if (title.size() > 90) score -= 0.5;
    if (!title.empty() && digit(title[0])) score -= 0.4;
    // A sentence rather than a heading: long, in lower case, closed by a full stop.
    if (title.size() > 50 && has_lower(title) && title.back() == '.') score -= 0.3;
    // Headings are names of business; a numbered paragraph is a sentence
    // ("Mr Gough proposed, and Mr Brady seconded that Mr G Cooke be").
    if (lower_case_words(title) >= 4) score -= 0.6;
    if (opens_resolution(title)) score -= 0.6;
    return score;
}

std::vector<size_t> decode_item_sequence(const std::vector<ItemCandidate>& input) {
    constexpr double kColumn = 3.0;  // points: labels closer than this share an indent
    constexpr double kOtherIndent = 0.5;
    constexpr double kRestartingColumn = 0.8;
    std::vector<ItemCandidate> candidates = input;
    const size_t n = candidates.size();
    // A column of labels that starts again at 1 is numbering paragraphs:
    // from its second 1 on, its labels are points of a list, not items.
    for (size_t i = 0; i < n; ++i) {
        if (candidates[i].x < 0) continue;
        int ones = 0;
        for (size_t k = 0; k <= i; ++k) {
            const auto& c = input[k];
            if (c.x >= 0 && std::abs(c.x - input[i].x) < kColumn && c.label.major == 1 &&
                c.label.minor == 0)
                ++ones;
        }
        if (ones >= 2) candidates[i].score -= kRestartingColumn;
    }
    std::vector<double> best(n, 0);
    std::vector<size_t> from(n, n);
    constexpr size_t kLookBack = 400;
    for (size_t j = 0; j < n; ++j) {
        best[j] = candidates[j].score;
        for (size_t i = j > kLookBack ? j - kLookBack : 0; i < j; ++i) {
            double cost = step_cost(candidates[i].label, candidates[j].label);
            if (cost < 0) continue;
            // Margins move between pages; on one page, items share their indent.
            if (candidates[i].page == candidates[j].page && candidates[i].x >= 0 &&
                candidates[j].x >= 0 && std::abs(candidates[i].x - candidates[j].x) >= kColumn)
                cost += kOtherIndent;
            double v = best[i] + candidates[j].score - cost;
            if (v > best[j]) {
                best[j] = v;
                from[j] = i;
            }
        }
    }
    std::vector<size_t> chain;
    if (n == 0) return chain;
    size_t end = static_cast<size_t>(std::max_element(best.begin(), best.end()) - best.begin());
    if (best[end] <= 0) return chain;
    for (size_t k = end; k != n; k = from[k]) chain.push_back(k);
    std::reverse(chain.begin(), chain.end());
    return chain;
}

bool follows(const ItemLabel& a, const ItemLabel& b) {
    return step_cost(a, b) >= 0 && (a.series != b.series || a.major != b.major || a.minor != b.minor);
}

bool sequence_trusted(const std::vector<ItemCandidate>& candidates, const std::vector<size_t>& chain) {
    if (chain.size() < 3) return true;
    size_t next = 0;
    for (size_t k = 1; k < chain.size(); ++k) {
        const ItemLabel& a = candidates[chain[k - 1]].label;
        const ItemLabel& b = candidates[chain[k]].label;
        // The next number, the next letter, or a new month's series from 1.
        if (step_cost(a, b) == 0 || (a.series != b.series && b.major == 1)) ++next;
    }
    return next * 2 >= chain.size() - 1;
}

}  // namespace minutebook::structure
