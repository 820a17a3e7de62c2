#include "core/name_words.h"

namespace minutebook::name_words {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = to_lower(c);
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (to_lower(a[i]) != to_lower(b[i])) return false;
    }
    return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::string_view trim_punct(std::string_view s) {
    auto junk = [](char c) { return is_space(c) || c == '.' || c == ',' || c == ';' || c == ':'; };
    while (!s.empty() && junk(s.back())) s.remove_suffix(1);
    while (!s.empty() && (is_space(s.front()) || s.front() == ',' || s.front() == ';')) {
        s.remove_prefix(1);
    }
    return s;
}

std::vector<std::string_view> split_words(std::string_view s) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        size_t b = i;
        while (i < s.size() && s[i] != ' ') ++i;
        if (i > b) out.push_back(s.substr(b, i - b));
    }
    return out;
}

std::string tidy(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    bool pending_space = false;
    for (size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        std::string_view rest = raw.substr(i);
        if (rest.substr(0, 3) == "\xE2\x80\x93" || rest.substr(0, 3) == "\xE2\x80\x94" ||
            rest.substr(0, 3) == "\xE2\x88\x92") {
            c = '-';
            i += 2;
        } else if (rest.substr(0, 3) == "\xE2\x80\x99" || rest.substr(0, 3) == "\xE2\x80\x98") {
            c = '\'';
            i += 2;
        } else if (rest.substr(0, 2) == "\xC2\xA0") {
            c = ' ';
            i += 1;
        } else if (c == '<') {
            size_t close = rest.find('>');
            if (close != std::string_view::npos && close <= 6) {
                i += close;
                continue;
            }
        }
        if (c == '*' || c == '#' || c == '_') continue;
        if (is_space(c)) {
            pending_space = true;
            continue;
        }
        if (pending_space && !out.empty()) {
            // "Ogle- Welbourn": a hyphen closing a word, then a letter.
            bool broken = out.size() >= 2 && out.back() == '-' && is_letter(out[out.size() - 2]) &&
                          is_letter(c);
            if (!broken) out += ' ';
        }
        pending_space = false;
        out += c;
    }
    return out;
}

}  // namespace minutebook::name_words
