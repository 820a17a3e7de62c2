// Characters and words shared by the reading of committee names
// (core/committees.cpp) and of people's names (core/names.cpp); not for
// other files. Names and committee names are matched byte-wise on ASCII;
// other UTF-8 bytes count as letters, so "Ó" and "é" stay inside a word.
#pragma once

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace minutebook::name_words {

inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_high(char c) { return static_cast<unsigned char>(c) >= 0x80; }
inline bool is_letter(char c) { return is_upper(c) || is_lower(c) || is_high(c); }
inline char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
inline char to_upper(char c) { return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }

std::string lower(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view s, std::string_view prefix);
std::string_view trim(std::string_view s);

// Trims spaces and the punctuation that ends a list or a line.
std::string_view trim_punct(std::string_view s);

std::vector<std::string_view> split_words(std::string_view s);

// One line of clean text from what a PDF gives: dashes and curly
// apostrophes made plain, markup ("**", "<b>") removed, runs of space
// collapsed, and a word hyphenated across a line joined ("Ogle- Welbourn").
std::string tidy(std::string_view raw);

// Whether `word` is in a sorted list of lower-case words.
template <size_t N>
bool in_list(const std::array<std::string_view, N>& list, std::string_view word) {
    std::string w = lower(word);
    return std::binary_search(list.begin(), list.end(), std::string_view(w));
}

}  // namespace minutebook::name_words
