#include "core/councils.h"

#include <algorithm>
#include <array>
#include <vector>

#include "core/committees.h"
#include "core/name_words.h"

namespace minutebook {
using namespace name_words;
namespace {

// Words that name what kind of body it is, not which one.
constexpr std::array<std::string_view, 22> kGenericWords = {
    "and",      "authority", "board",   "borough", "charter", "city",     "community", "council",
    "county",   "district",  "metropolitan", "of", "parish", "royal",   "school",   "service",
    "the",      "town",      "township", "unitary", "village", "ward"};
static_assert(std::is_sorted(kGenericWords.begin(), kGenericWords.end()));

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    for (std::string_view w : split_words(text)) {
        std::string word;
        for (char c : w) {
            if (is_letter(c) || is_digit(c)) word += to_lower(c);
        }
        if (!word.empty()) out.push_back(word);
    }
    return out;
}

}  // namespace

std::string canonical_council(std::string_view raw) { return canonical_committee(raw); }

bool names_full_council(std::string_view committee) {
    const std::vector<std::string> words = words_of(committee);
    if (words.empty() || words.back() != "council") return false;
    return std::all_of(words.begin(), words.end(),
                       [](const std::string& w) { return w == "full" || in_list(kGenericWords, w); });
}

std::string council_named_by(std::string_view body) {
    const std::string name = canonical_council(body);
    const std::vector<std::string> words = words_of(name);
    if (words.empty() || words.back() != "council" || names_full_council(name)) return "";
    return name;
}

bool council_matches(std::string_view canonical, std::string_view typed) {
    const std::vector<std::string> name = words_of(canonical), want = words_of(typed);
    if (want.empty()) return false;
    // Words every body's name has ("county council", "city") name this one
    // only as its whole name or its initials.
    const bool generic = std::all_of(want.begin(), want.end(), [](const std::string& w) { return in_list(kGenericWords, w); });
    if (generic) {
        if (want == name) return true;
        if (want.size() != 1) return false;
        for (const auto& i : committee_initials(canonical)) {
            if (i == want.front()) return true;
        }
        return false;
    }
    if (committee_matches(canonical, typed)) return true;
    bool distinctive = false;
    for (const auto& w : want) {
        if (std::find(name.begin(), name.end(), w) == name.end()) return false;
        distinctive = distinctive || !in_list(kGenericWords, w);
    }
    return distinctive;
}

}  // namespace minutebook
