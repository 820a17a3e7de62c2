#include "core/normalise.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace minutebook {
namespace {

const icu::Normalizer2& normalizer(const char* name, UNormalization2Mode mode) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getInstance(nullptr, name, mode, status);
    if (U_FAILURE(status) || n == nullptr) {
        throw std::runtime_error(std::string("ICU normaliser ") + name + " is not available.");
    }
    return *n;
}

icu::UnicodeString normalize(const icu::Normalizer2& n, const icu::UnicodeString& s) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out = n.normalize(s, status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU normalisation failed.");
    return out;
}

std::string to_utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

bool is_dash(UChar32 c) {
    switch (c) {
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
        case 0x2015: case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
            return true;
        default:
            return false;
    }
}

bool is_single_quote(UChar32 c) {
    return c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B || c == 0x2032 ||
           c == 0x00B4 || c == 0x0060;
}

bool is_double_quote(UChar32 c) {
    return c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0x2033 ||
           c == 0x00AB || c == 0x00BB;
}

// Maps one code point of NFKC text to its clean form; returns false to drop it.
bool clean_char(UChar32 c, UChar32& out) {
    if (c == '\n' || c == '\t') {
        out = c == '\t' ? ' ' : '\n';
        return true;
    }
    if (c == '\r' || c == '\f' || c == '\v' || c == 0x2028 || c == 0x2029) {
        out = '\n';
        return true;
    }
    if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return false;  // soft hyphen, ZWSP
    // Word's list bullets set in the Symbol and Wingdings fonts come out in the
    // private use area: U+F0B7 is Symbol's bullet, U+F0A7 Wingdings' square.
    if (c == 0xF0B7 || c == 0xF0A7) {
        out = 0x2022;
        return true;
    }
    int8_t type = u_charType(c);
    if (type == U_CONTROL_CHAR || type == U_FORMAT_CHAR || type == U_UNASSIGNED ||
        type == U_PRIVATE_USE_CHAR || type == U_SURROGATE) {
        return false;
    }
    if (u_isUWhiteSpace(c)) {
        out = ' ';
    } else if (is_dash(c)) {
        out = '-';
    } else if (is_single_quote(c)) {
        out = '\'';
    } else if (is_double_quote(c)) {
        out = '"';
    } else if (c == 0x2022 || c == 0x25CF || c == 0x25AA || c == 0x2023) {
        out = c;  // bullets stay: they mark list items for the recognisers
    } else {
        out = c;
    }
    return true;
}

bool is_lower_letter(UChar32 c) { return u_isULowercase(c); }

// Whether `c` is cleaned into `into` (a tab into a space, a vertical tab into a line end).
bool cleans_to(UChar32 c, UChar32 into) {
    UChar32 mapped;
    return clean_char(c, mapped) && mapped == into;
}

// Cleans `raw` once; `joined` says whether it dropped a character or joined a
// word across lines, which brings together characters that stood apart.
icu::UnicodeString clean_pass(const icu::UnicodeString& raw, bool& joined) {
    static const icu::Normalizer2& nfkc = normalizer("nfkc", UNORM2_COMPOSE);
    const icu::UnicodeString in = normalize(nfkc, raw);
    icu::UnicodeString out;
    joined = false;
    const int32_t n = in.length();
    for (int32_t i = 0; i < n;) {
        UChar32 c = in.char32At(i);
        int32_t next = in.moveIndex32(i, 1);
        UChar32 mapped;
        if (!clean_char(c, mapped)) {
            joined = true;
            i = next;
            continue;
        }
        // A word split across lines by a hyphen: "organi-\nsation" -> "organisation".
        if (mapped == '-' && next < n && cleans_to(in.char32At(next), '\n') && out.length() > 0 &&
            is_lower_letter(out.char32At(out.length() - 1))) {
            int32_t j = next + 1;
            while (j < n && cleans_to(in.char32At(j), ' ')) ++j;
            if (j < n && is_lower_letter(in.char32At(j))) {
                joined = true;
                i = j;
                continue;
            }
        }
        out.append(mapped);
        i = next;
    }
    return out;
}

}  // namespace

std::string clean_text(std::string_view utf8) {
    // Printable ASCII is its own NFKC and clean form, but for the backquote:
    // most words of a page need no trip through ICU.
    if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c <= 0x7E && c != '`'; })) {
        return std::string(utf8);
    }
    // Characters brought together by a pass may clean otherwise: an accent
    // after a control character composes with the letter before it, a hyphen
    // before a zero-width space and a line end joins its word. Passes repeat
    // until nothing more is brought together, so clean text stays as it is.
    constexpr int kMaxPasses = 8;
    icu::UnicodeString text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    bool joined = true;
    for (int pass = 0; pass < kMaxPasses && joined; ++pass) text = clean_pass(text, joined);
    return to_utf8(text);
}

std::string fold_text(std::string_view text) {
    static const icu::Normalizer2& casefold = normalizer("nfkc_cf", UNORM2_COMPOSE);
    static const icu::Normalizer2& nfd = normalizer("nfc", UNORM2_DECOMPOSE);
    static const icu::Normalizer2& nfc = normalizer("nfc", UNORM2_COMPOSE);
    icu::UnicodeString folded = normalize(
        casefold, icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))));
    // Remove accents only where there are any: most text is ASCII.
    bool plain = true;
    for (int32_t i = 0; i < folded.length() && plain; ++i) plain = folded.charAt(i) < 0x80;
    if (plain) return to_utf8(folded);
    icu::UnicodeString decomposed = normalize(nfd, folded);
    icu::UnicodeString stripped;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        if (u_charType(c) != U_NON_SPACING_MARK) stripped.append(c);
        i = decomposed.moveIndex32(i, 1);
    }
    return to_utf8(normalize(nfc, stripped));
}

std::string fold_query(std::string_view query) {
    std::string cleaned = clean_text(query);
    std::string out;
    bool in_quotes = false;
    size_t i = 0;
    while (i < cleaned.size()) {
        size_t j = i;
        while (j < cleaned.size() && cleaned[j] != ' ' && cleaned[j] != '\n') ++j;
        std::string token = cleaned.substr(i, j - i);
        bool is_operator = !in_quotes && (token == "AND" || token == "OR" || token == "NOT" ||
                                          token == "XOR" || token == "NEAR");
        out += is_operator ? token : fold_text(token);
        for (char c : token) {
            if (c == '"') in_quotes = !in_quotes;
        }
        while (j < cleaned.size() && (cleaned[j] == ' ' || cleaned[j] == '\n')) {
            out.push_back(' ');
            ++j;
        }
        i = j;
    }
    return out;
}

namespace {

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Strips what surrounds a token in running text: brackets, quotes, currency
// signs, sentence punctuation.
std::string_view trim_token(std::string_view t) {
    while (!t.empty() && !is_alnum(t.front())) t.remove_prefix(1);
    while (!t.empty() && !is_alnum(t.back())) t.remove_suffix(1);
    return t;
}

void extra_terms_of_token(std::string_view raw, std::vector<std::string>& out) {
    std::string_view t = trim_token(raw);
    if (t.size() < 3) return;
    bool has_slash = false, has_hyphen = false, has_comma = false;
    bool all_ascii = true, digits_and_commas = true;
    for (char c : t) {
        if (c == '/') has_slash = true;
        if (c == '-') has_hyphen = true;
        if (c == ',') has_comma = true;
        if (static_cast<unsigned char>(c) >= 0x80) all_ascii = false;
        if (!is_digit(c) && c != ',' && c != '.') digits_and_commas = false;
    }
    if (!all_ascii) return;
    if (has_slash) {
        // "2024/039", "cyp/24/01": kept whole, as clerks type references.
        bool parts_ok = true;
        size_t start = 0;
        while (start <= t.size()) {
            size_t slash = t.find('/', start);
            std::string_view part = t.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
            if (part.empty()) parts_ok = false;
            for (char c : part) parts_ok = parts_ok && is_alnum(c);
            if (slash == std::string_view::npos) break;
            start = slash + 1;
        }
        if (parts_ok) out.emplace_back(t);
        return;
    }
    if (has_comma && digits_and_commas) {
        // "39,441" and "9,126,108.50": also as plain digits.
        std::string digits;
        for (char c : t) {
            if (c != ',') digits.push_back(c);
        }
        out.push_back(digits);
        return;
    }
    {
        // "24hours", "6weeks", "25years": the number and the word apart.
        size_t digits = 0;
        while (digits < t.size() && is_digit(t[digits])) ++digits;
        bool letters = digits > 0 && t.size() - digits >= 3;
        for (size_t k = digits; k < t.size() && letters; ++k) letters = is_alpha(t[k]);
        if (letters) {
            out.emplace_back(t.substr(0, digits));
            out.emplace_back(t.substr(digits));
            return;
        }
    }
    if (has_hyphen) {
        // "sub-committee" -> "subcommittee", "e-mail" -> "email", letters only.
        std::string joined;
        bool letters = true;
        for (char c : t) {
            if (c == '-') continue;
            letters = letters && is_alpha(c);
            joined.push_back(c);
        }
        if (letters && t.front() != '-' && t.back() != '-') out.push_back(joined);
    }
}

}  // namespace

std::vector<std::string> extra_terms(std::string_view folded) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < folded.size()) {
        while (i < folded.size() && (folded[i] == ' ' || folded[i] == '\n')) ++i;
        size_t j = i;
        while (j < folded.size() && folded[j] != ' ' && folded[j] != '\n') ++j;
        if (j > i) extra_terms_of_token(folded.substr(i, j - i), out);
        i = j;
    }
    return out;
}

std::vector<std::string> query_alternatives(std::string_view folded_token) {
    std::vector<std::string> out;
    extra_terms_of_token(folded_token, out);
    // "39441" as papers print it, "39,441", which the word splitter keeps whole.
    std::string_view t = trim_token(folded_token);
    if (t.size() >= 4 && std::all_of(t.begin(), t.end(), is_digit) && t.front() != '0') {
        std::string grouped;
        for (size_t i = 0; i < t.size(); ++i) {
            if (i > 0 && (t.size() - i) % 3 == 0) grouped.push_back(',');
            grouped.push_back(t[i]);
        }
        out.push_back(grouped);
    }
    return out;
}

std::string_view utf8_prefix(std::string_view text, size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    // A character is at most four bytes: back over at most three that
    // continue one (text that is not UTF-8 is cut where asked).
    size_t cut = max_bytes;
    while (cut > 0 && max_bytes - cut < 3 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    if ((static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) cut = max_bytes;
    return text.substr(0, cut);
}

}  // namespace minutebook
