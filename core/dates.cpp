#include "core/dates.h"

#include <array>
#include <cstdio>
#include <ctime>
#include <utility>

namespace minutebook {
namespace {

// A hand-written scanner rather than std::regex: find_dates runs on every
// line of every page, and a regex over this many alternatives is slow.

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

bool at(std::string_view s, size_t i, char c) { return i < s.size() && s[i] == c; }
bool digit_at(std::string_view s, size_t i) { return i < s.size() && is_digit(s[i]); }
bool alpha_at(std::string_view s, size_t i) { return i < s.size() && is_alpha(s[i]); }
bool alnum_at(std::string_view s, size_t i) { return i < s.size() && is_alnum(s[i]); }

// Length of the space at i: ASCII white space, or the no-break and thin
// spaces that PDF text layers put between a day and its month.
size_t space_len(std::string_view s, size_t i) {
    if (i >= s.size()) return 0;
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    auto byte = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
    if (byte(0) == 0xC2 && byte(1) == 0xA0) return 2;  // U+00A0
    if (byte(0) == 0xE2 && byte(1) == 0x80 &&
        ((byte(2) >= 0x80 && byte(2) <= 0x8A) || byte(2) == 0xAF)) {
        return 3;  // U+2000..U+200A, U+202F
    }
    return 0;
}

size_t skip_spaces(std::string_view s, size_t i) {
    while (size_t n = space_len(s, i)) i += n;
    return i;
}

// Reads a run of digits; returns how many (0 when none).
size_t read_number(std::string_view s, size_t i, int& value) {
    size_t n = 0;
    value = 0;
    while (digit_at(s, i + n)) {
        if (n < 6) value = value * 10 + (s[i + n] - '0');
        ++n;
    }
    return n;
}

size_t word_end(std::string_view s, size_t i) {
    while (alpha_at(s, i)) ++i;
    return i;
}

bool iequals(std::string_view word, std::string_view lower_name) {
    if (word.size() != lower_name.size()) return false;
    for (size_t k = 0; k < word.size(); ++k) {
        if (lower(word[k]) != lower_name[k]) return false;
    }
    return true;
}

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// Reads a month name at i ("March", "MARCH", "Mar", "Mar.", "Sept"); returns
// 1..12 and sets `end`, or 0.
int read_month(std::string_view s, size_t i, size_t& end) {
    size_t e = word_end(s, i);
    std::string_view word = s.substr(i, e - i);
    if (word.size() < 3) return 0;
    int month = 0;
    for (size_t m = 0; m < kMonths.size() && month == 0; ++m) {
        if (iequals(word, kMonths[m]) || iequals(word, kMonths[m].substr(0, 3))) {
            month = static_cast<int>(m) + 1;
        }
    }
    if (month == 0 && iequals(word, "sept")) month = 9;
    if (month == 0) return 0;
    if (word.size() <= 4 && at(s, e, '.')) ++e;  // "Jan. 29, 2018"
    end = e;
    return month;
}

// Reads a weekday at i ("Tuesday", "Tue", "Tues", "Thurs"); sets `end`.
bool read_weekday(std::string_view s, size_t i, size_t& end) {
    static constexpr std::array<std::string_view, 7> kDays = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    static constexpr std::array<std::string_view, 4> kShort = {"tues", "wed", "thur", "thurs"};
    size_t e = word_end(s, i);
    std::string_view word = s.substr(i, e - i);
    if (word.size() < 3) return false;
    bool found = false;
    for (std::string_view d : kDays) {
        found = found || iequals(word, d) || iequals(word, d.substr(0, 3));
    }
    for (std::string_view d : kShort) found = found || iequals(word, d);
    if (!found) return false;
    if (at(s, e, '.')) ++e;
    end = e;
    return true;
}

// Skips an ordinal suffix after a day: "12th", "2 nd", "29<sup>th</sup>".
size_t skip_ordinal(std::string_view s, size_t i) {
    static constexpr std::array<std::string_view, 4> kSuffixes = {"st", "nd", "rd", "th"};
    auto suffix_at = [&](size_t k) {
        if (k + 2 > s.size()) return false;
        for (std::string_view suffix : kSuffixes) {
            if (iequals(s.substr(k, 2), suffix)) return true;
        }
        return false;
    };
    if (s.substr(i, 5) == "<sup>" && suffix_at(i + 5) && s.substr(i + 7, 6) == "</sup>") {
        return i + 13;
    }
    if (suffix_at(i) && !alpha_at(s, i + 2)) return i + 2;
    // "2 nd May 2017": the suffix set apart by one space.
    size_t sp = space_len(s, i);
    if (sp > 0 && suffix_at(i + sp) && !alpha_at(s, i + sp + 2)) return i + sp + 2;
    return i;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2099;

bool valid(int year, int month, int day) {
    if (year < kMinYear || year > kMaxYear || month < 1 || month > 12) return false;
    return day == 0 || (day >= 1 && day <= days_in_month(year, month));
}

// Papers print two-digit years for this century; "99" is read as 1999.
int expand_year(int yy, size_t digits) {
    if (digits == 4) return yy;
    return yy < 70 ? 2000 + yy : 1900 + yy;
}

// What may follow a date: not more of a word or a number ("2017a", "2024/25",
// "2.1.13.4", "2024-25").
bool ends_cleanly(std::string_view s, size_t end) {
    if (alnum_at(s, end)) return false;
    if ((at(s, end, '/') || at(s, end, '-') || at(s, end, '.')) && digit_at(s, end + 1)) {
        return false;
    }
    return true;
}

// Reads a four-digit year after a separator of spaces and at most one comma.
bool read_year_after(std::string_view s, size_t i, int& year, size_t& end) {
    size_t j = skip_spaces(s, i);
    if (at(s, j, ',')) j = skip_spaces(s, j + 1);
    if (j == i) return false;  // "June2017" is not printed
    int value = 0;
    size_t n = read_number(s, j, value);
    if (n != 4) return false;
    year = value;
    end = j + n;
    return true;
}

// The shape a date was printed in, for guessing a document's habits: a
// slashed date that can be read one way only ("25/12/2019", "11/30/17")
// says which order its document prints.
enum class Form {
    kNumeric,
    kNumericDayFirst,
    kNumericMonthFirst,
    kIso,
    kDayMonth,
    kMonthDay,
    kMonthOnly
};

struct Found {
    Date date;
    size_t end = 0;
    Form form = Form::kDayMonth;
};

// "15.11.23", "03.07.19", "12/06/2017", "11/30/17" (US, when day first cannot be).
std::optional<Found> numeric_date(std::string_view s, size_t i, NumericOrder order) {
    int d = 0;
    int m = 0;
    int y = 0;
    size_t nd = read_number(s, i, d);
    if (nd < 1 || nd > 2) return std::nullopt;
    char sep = i + nd < s.size() ? s[i + nd] : '\0';
    if (sep != '.' && sep != '/') return std::nullopt;
    size_t j = i + nd + 1;
    size_t nm = read_number(s, j, m);
    if (nm < 1 || nm > 2 || !at(s, j + nm, sep)) return std::nullopt;
    j += nm + 1;
    size_t ny = read_number(s, j, y);
    if (ny != 2 && ny != 4) return std::nullopt;
    size_t end = j + ny;
    if (!ends_cleanly(s, end)) return std::nullopt;
    // Paragraph numbers look like dotted dates ("2.1.13 Health Report");
    // dates in council papers pad the day or the month.
    if (sep == '.' && nd == 1 && nm == 1 && ny == 2) return std::nullopt;
    int year = expand_year(y, ny);
    const bool day_first = valid(year, m, d) && d > 0;
    if (sep == '.') {
        if (!day_first) return std::nullopt;
        return Found{{year, m, d}, end, Form::kNumeric};
    }
    const bool month_first = valid(year, d, m) && m > 0;
    if (!day_first && !month_first) return std::nullopt;
    Form form = day_first && month_first ? Form::kNumeric
                : day_first              ? Form::kNumericDayFirst
                                         : Form::kNumericMonthFirst;
    if (month_first && (!day_first || order == NumericOrder::kMonthFirst))
        return Found{{year, d, m}, end, form};
    return Found{{year, m, d}, end, form};
}

// "2024-10-08".
std::optional<Found> iso_date(std::string_view s, size_t i) {
    int y = 0;
    int m = 0;
    int d = 0;
    if (read_number(s, i, y) != 4 || !at(s, i + 4, '-')) return std::nullopt;
    if (read_number(s, i + 5, m) != 2 || !at(s, i + 7, '-')) return std::nullopt;
    if (read_number(s, i + 8, d) != 2) return std::nullopt;
    size_t end = i + 10;
    if (!ends_cleanly(s, end) || !valid(y, m, d) || d == 0) return std::nullopt;
    return Found{{y, m, d}, end, Form::kIso};
}

// "12 June 2017", "12th July 2023", "2 nd May 2017", "30th January, 2025",
// "12th of June 2017".
std::optional<Found> day_month_year(std::string_view s, size_t i) {
    int d = 0;
    size_t nd = read_number(s, i, d);
    if (nd < 1 || nd > 2) return std::nullopt;
    size_t j = skip_ordinal(s, i + nd);
    size_t k = skip_spaces(s, j);
    if (k == j && j == i + nd) return std::nullopt;  // "12June"
    if (iequals(s.substr(k, word_end(s, k) - k), "of")) k = skip_spaces(s, k + 2);
    size_t month_end = 0;
    int m = read_month(s, k, month_end);
    if (m == 0) return std::nullopt;
    int y = 0;
    size_t end = 0;
    if (!read_year_after(s, month_end, y, end)) return std::nullopt;
    if (!ends_cleanly(s, end) || !valid(y, m, d) || d == 0) return std::nullopt;
    return Found{{y, m, d}, end, Form::kDayMonth};
}

// "June 12, 2017", "Jan. 29, 2018", "November 4th, 2019"; and, when
// `month_only` is allowed, "November 2024".
std::optional<Found> month_first(std::string_view s, size_t i, bool month_only) {
    size_t month_end = 0;
    int m = read_month(s, i, month_end);
    if (m == 0) return std::nullopt;
    size_t j = skip_spaces(s, month_end);
    if (j == month_end) return std::nullopt;
    int value = 0;
    size_t n = read_number(s, j, value);
    if (n == 4 && month_only) {
        // Lower-case "may 2025" is more often the verb than the month.
        if (!is_upper(s[i]) || !ends_cleanly(s, j + 4) || !valid(value, m, 0)) return std::nullopt;
        return Found{{value, m, 0}, j + 4, Form::kMonthOnly};
    }
    if (n < 1 || n > 2) return std::nullopt;
    size_t after_day = skip_ordinal(s, j + n);
    int y = 0;
    size_t end = 0;
    if (!read_year_after(s, after_day, y, end)) return std::nullopt;
    if (!ends_cleanly(s, end) || !valid(y, m, value) || value == 0) return std::nullopt;
    return Found{{y, m, value}, end, Form::kMonthDay};
}

struct Match {
    Found found;
    size_t begin = 0;
};

// A date starting at i, which starts a word.
std::optional<Match> date_at(std::string_view s, size_t i, const DateOptions& options) {
    size_t j = i;
    size_t weekday_end = 0;
    bool weekday = false;
    if (alpha_at(s, i) && read_weekday(s, i, weekday_end)) {
        size_t k = weekday_end;
        if (at(s, k, ',')) ++k;
        size_t after = skip_spaces(s, k);
        if (after == k) return std::nullopt;
        j = after;
        weekday = true;
    }
    std::optional<Found> found;
    if (digit_at(s, j)) {
        char before = i > 0 ? s[i - 1] : ' ';
        // Part of an amount, a reference or a decimal: "£9,126,108", "s.17.73".
        if (before == '.' || before == ',' || before == '/' || before == '$') return std::nullopt;
        if (i >= 2 && s.substr(i - 2, 2) == "\xC2\xA3") return std::nullopt;  // '£'
        if (before != '-') {
            found = iso_date(s, j);
            if (!found) found = numeric_date(s, j, options.numeric_order);
        }
        if (!found) found = day_month_year(s, j);
    } else if (alpha_at(s, j)) {
        found = month_first(s, j, !weekday);
    }
    if (!found) return std::nullopt;
    return Match{*found, i};
}

// Calls `visit(match)` for every date in `text`; stops when it returns false.
template <typename Visit>
void scan(std::string_view text, const DateOptions& options, Visit visit) {
    size_t i = 0;
    while (i < text.size()) {
        bool word_start = is_alnum(text[i]) && (i == 0 || !is_alnum(text[i - 1]));
        if (word_start) {
            if (std::optional<Match> m = date_at(text, i, options)) {
                if (!visit(*m)) return;
                i = m->found.end;
                continue;
            }
        }
        ++i;
    }
}

std::string_view trim(std::string_view s) {
    size_t b = skip_spaces(s, 0);
    s.remove_prefix(b);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' ||
                          s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

}  // namespace

std::string Date::iso() const {
    char buf[16];
    if (day == 0) {
        std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    } else {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    }
    return buf;
}

NumericOrder guess_numeric_order(std::string_view document_text) {
    constexpr int kDecides = 1000;
    int day_first = 0;
    int month_first = 0;
    scan(document_text, DateOptions{}, [&](const Match& m) {
        // A slashed date that can be read one way only decides; spelled-out
        // dates ("16 April 2019", "April 16, 2019") tell the convention.
        switch (m.found.form) {
            case Form::kDayMonth:
                ++day_first;
                break;
            case Form::kMonthDay:
                ++month_first;
                break;
            case Form::kNumericDayFirst:
                day_first += kDecides;
                break;
            case Form::kNumericMonthFirst:
                month_first += kDecides;
                break;
            default:
                break;
        }
        return true;
    });
    return month_first > day_first ? NumericOrder::kMonthFirst : NumericOrder::kDayFirst;
}

std::optional<Date> parse_date(std::string_view text, const DateOptions& options) {
    text = trim(text);
    while (!text.empty() && (text.back() == ':' || text.back() == '.')) text.remove_suffix(1);
    text = trim(text);
    if (text.empty()) return std::nullopt;
    std::optional<Match> m = date_at(text, 0, options);
    if (m && m->found.end == text.size()) return m->found.date;
    // "2024-11", the form Date::iso() gives a month; only whole, since in
    // running text "2011-12" is a financial year.
    int y = 0;
    int mo = 0;
    if (text.size() == 7 && read_number(text, 0, y) == 4 && text[4] == '-' &&
        read_number(text, 5, mo) == 2 && valid(y, mo, 0)) {
        return Date{y, mo, 0};
    }
    return std::nullopt;
}

int month_number(std::string_view word) {
    while (!word.empty() && word.back() == ',') word.remove_suffix(1);
    size_t end = 0;
    const int month = read_month(word, 0, end);
    return end == word.size() ? month : 0;
}

std::vector<DateMatch> find_dates(std::string_view text, const DateOptions& options) {
    std::vector<DateMatch> out;
    scan(text, options, [&](const Match& m) {
        out.push_back(DateMatch{m.found.date, m.begin, m.found.end});
        return true;
    });
    return out;
}

std::optional<Date> first_date(std::string_view text, const DateOptions& options) {
    std::optional<Date> out;
    scan(text, options, [&](const Match& m) {
        if (m.found.date.day == 0) return true;
        out = m.found.date;
        return false;
    });
    return out;
}

std::string utc_now_iso() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

}  // namespace minutebook

