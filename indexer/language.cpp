#include "indexer/language.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace minutebook {
namespace {

constexpr std::string_view kWords[] = {
#include "indexer/english_words.inc"
};

// A page needs this many judged tokens before a low share of common words
// condemns it; below that only junk does. Legible pages of the corpus
// (council packs, US agendas, a jail log, a book) score 0.42 or more, the
// garbled ones 0.00, a poor OCR layer 0.13 to 0.40.
constexpr int kMinimumJudged = 5;
constexpr double kMinimumKnownShare = 0.25;

enum class Kind { kNeutral, kKnown, kUnknown, kJunk };

bool is_edge_punctuation(UChar32 c) {
    switch (c) {
        case '(': case ')': case '[': case ']': case '{': case '}': case ',': case '.': case ':':
        case ';': case '"': case '\'': case '!': case '?': case '*':
        case 0x201C: case 0x201D: case 0x2018: case 0x2019: case 0x00AB: case 0x00BB:
            return true;
        default:
            return false;
    }
}

bool is_bad_character(UChar32 c) {
    if (c == 0xFFFD) return true;
    switch (u_charType(c)) {
        case U_CONTROL_CHAR: case U_PRIVATE_USE_CHAR: case U_UNASSIGNED: case U_SURROGATE:
            return true;
        default:
            return false;
    }
}

bool is_letter(UChar32 c) { return u_isalpha(c) != 0; }
bool is_digit(UChar32 c) { return u_isdigit(c) != 0; }
bool is_latin_letter(UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(c, &status) == USCRIPT_LATIN && U_SUCCESS(status);
}
bool is_currency(UChar32 c) { return c == '$' || c == '#' || c == 0xA3 || c == 0x20AC; }
bool is_word_joiner(UChar32 c) { return c == '-' || c == '\'' || c == '.'; }

// "abc-def'gh": runs of Latin letters joined by single - ' or .
bool is_word(const std::vector<UChar32>& t) {
    bool after_letter = false;
    for (UChar32 c : t) {
        if (is_letter(c) && is_latin_letter(c)) {
            after_letter = true;
        } else if (is_word_joiner(c) && after_letter) {
            after_letter = false;
        } else {
            return false;
        }
    }
    return after_letter;
}

// "-1,360", "(£39,441)", "40%", "2024/039", "10.30am", "1st".
bool is_number(const std::vector<UChar32>& t) {
    size_t i = 0, n = t.size();
    if (i < n && (t[i] == '-' || t[i] == '+' || t[i] == '(')) ++i;
    if (i < n && is_currency(t[i])) ++i;
    if (i == n || !is_digit(t[i])) return false;
    while (i < n) {
        while (i < n && is_digit(t[i])) ++i;
        if (i + 1 < n && (t[i] == '.' || t[i] == ',' || t[i] == ':' || t[i] == '/' || t[i] == '-') &&
            is_digit(t[i + 1])) {
            ++i;
            continue;
        }
        break;
    }
    if (i < n && t[i] == '%') ++i;
    size_t letters = 0;
    while (i < n && t[i] < 0x80 && is_letter(t[i]) && letters < 3) ++i, ++letters;
    if (i < n && t[i] == ')') ++i;
    return i == n;
}

// "S32", "£000s", "ab12-cd_3.qxd", "j.smith@kent.gov.uk": ASCII letters and
// digits joined by single - / . _ @ :
bool is_code(const std::vector<UChar32>& t) {
    bool after_alnum = false;
    for (UChar32 c : t) {
        if ((c < 0x80 && std::isalnum(static_cast<int>(c))) || is_currency(c)) {
            after_alnum = true;
        } else if ((c == '-' || c == '/' || c == '.' || c == '_' || c == '@' || c == ':') && after_alnum) {
            after_alnum = false;
        } else {
            return false;
        }
    }
    return after_alnum;
}

std::string lower_ascii(const std::vector<UChar32>& t, size_t from, size_t to) {
    std::string s;
    for (size_t i = from; i < to; ++i) s.push_back(static_cast<char>(u_tolower(t[i]) < 0x80 ? u_tolower(t[i]) : '?'));
    return s;
}

bool known_word(const std::vector<UChar32>& t) {
    if (is_common_english_word(lower_ascii(t, 0, t.size()))) return true;
    // "sub-committee", "children's": every part of two letters or more known.
    bool any = false;
    size_t start = 0;
    for (size_t i = 0; i <= t.size(); ++i) {
        if (i == t.size() || is_word_joiner(t[i])) {
            if (i - start >= 2) {
                if (!is_common_english_word(lower_ascii(t, start, i))) return false;
                any = true;
            }
            start = i + 1;
        }
    }
    return any;
}

Kind classify(std::vector<UChar32>& t) {
    t.erase(std::remove_if(t.begin(), t.end(), [](UChar32 c) { return u_charType(c) == U_FORMAT_CHAR; }),
            t.end());
    size_t begin = 0, end = t.size();
    while (begin < end && is_edge_punctuation(t[begin])) ++begin;
    while (end > begin && is_edge_punctuation(t[end - 1])) --end;
    std::vector<UChar32> core(t.begin() + static_cast<long>(begin), t.begin() + static_cast<long>(end));
    if (std::any_of(core.begin(), core.end(), is_bad_character)) return Kind::kJunk;
    if (core.size() < 2) return Kind::kNeutral;
    const bool letters = std::any_of(core.begin(), core.end(), is_letter);
    const bool digits = std::any_of(core.begin(), core.end(), is_digit);
    if (!letters && !digits) return Kind::kNeutral;
    if (std::any_of(core.begin(), core.end(), [](UChar32 c) { return is_letter(c) && !is_latin_letter(c); })) {
        return Kind::kNeutral;  // another script: the word list cannot judge it
    }
    if (is_word(core)) return known_word(core) ? Kind::kKnown : Kind::kUnknown;
    if (is_number(core) || is_code(core)) return Kind::kNeutral;
    return Kind::kJunk;
}

bool is_space(UChar32 c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || u_isUWhiteSpace(c); }

}  // namespace

bool is_common_english_word(std::string_view word) {
    return std::binary_search(std::begin(kWords), std::end(kWords), word);
}

bool LanguageScore::is_language() const {
    const int n = judged();
    if (n == 0) return true;
    if (junk * 2 > n) return false;
    return n < kMinimumJudged || known >= kMinimumKnownShare * n;
}

LanguageScore score_language(std::string_view text) {
    LanguageScore score;
    std::vector<UChar32> token;
    auto flush = [&] {
        if (token.empty()) return;
        switch (classify(token)) {
            case Kind::kKnown: ++score.known; break;
            case Kind::kUnknown: ++score.unknown; break;
            case Kind::kJunk: ++score.junk; break;
            case Kind::kNeutral: break;
        }
        token.clear();
    };
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) c = 0xFFFD;
        if (is_space(c)) {
            flush();
        } else {
            token.push_back(c);
        }
    }
    flush();
    return score;
}

}  // namespace minutebook
