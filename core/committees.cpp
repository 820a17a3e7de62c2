#include "core/committees.h"

#include <algorithm>
#include <array>

#include "core/dates.h"
#include "core/name_words.h"

namespace minutebook {
using namespace name_words;
namespace {

bool iends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

constexpr std::array<std::string_view, 12> kSmallWords = {
    "a", "an", "and", "as", "at", "by",
    "for", "in", "of", "on", "the", "to",
};
static_assert(std::is_sorted(kSmallWords.begin(), kSmallWords.end()));

// What a title line adds to a committee's name: ": Minutes", "Agenda".
constexpr std::array<std::string_view, 12> kCommitteeSuffixes = {
    "minutes action log", "action log", "agenda and reports", "agenda reports pack",
    "reports pack",       "agenda pack", "agenda",            "minutes",
    "decisions",          "draft",       "meeting",           "papers"};

// The kinds of meeting printed before or after a body's name.
constexpr std::array<std::string_view, 7> kMeetingKinds = {"regular", "special",  "extraordinary", "ordinary",
                                                           "adjourned", "public", "emergency"};

std::string title_case_word(std::string_view word, bool first, bool keep_acronyms) {
    std::string out(word);
    if (!first && in_list(kSmallWords, word)) return lower(word);
    bool all_caps = std::none_of(word.begin(), word.end(), is_lower) &&
                    std::count_if(word.begin(), word.end(), is_upper) >= 2;
    if (keep_acronyms && all_caps && word.size() <= 5) return out;  // "SEND", "NHS"
    bool start = true;
    for (char& c : out) {
        c = start ? to_upper(c) : to_lower(c);
        start = c == '-' || c == '/';
    }
    return out;
}

}  // namespace

std::string canonical_committee(std::string_view raw) {
    std::string text = tidy(raw);
    std::string_view s = trim_punct(text);
    // "2. Children and Young People Committee Minutes", "The Cabinet".
    size_t digits = 0;
    while (digits < s.size() && is_digit(s[digits])) ++digits;
    if (digits > 0 && digits + 1 < s.size() && s[digits] == '.' && s[digits + 1] == ' ') {
        s = trim(s.substr(digits + 1));
    }
    if (istarts_with(s, "the ")) s = trim(s.substr(4));
    // "A Regular Meeting of the La Habra Heights City Council", "Special
    // Meeting of the Board of Trustees": the kind of meeting goes.
    {
        std::string_view lead = s;
        for (std::string_view article : {"a ", "an "}) {
            if (istarts_with(lead, article)) lead = trim(lead.substr(article.size()));
        }
        for (std::string_view kind : kMeetingKinds) {
            if (!istarts_with(lead, kind) || lead.size() <= kind.size() || lead[kind.size()] != ' ') continue;
            std::string_view rest = trim(lead.substr(kind.size()));
            if (!istarts_with(rest, "meeting of ")) continue;
            s = trim(rest.substr(std::string_view("meeting of ").size()));
            if (istarts_with(s, "the ")) s = trim(s.substr(4));
            break;
        }
    }
    // Kent: "MINUTES of a meeting of the Cabinet held in the Council Chamber".
    static constexpr std::array<std::string_view, 5> kLeads = {
        "minutes of a meeting of the ", "minutes of the meeting of the ", "minutes of the ",
        "a meeting of the ", "meeting of the "};
    for (std::string_view lead : kLeads) {
        if (istarts_with(s, lead)) {
            s.remove_prefix(lead.size());
            std::string l = lower(s);
            size_t held = l.find(" held ");
            if (held != std::string::npos) s = s.substr(0, held);
            break;
        }
    }
    // "Children and Young People Committee Minutes - 8 October 2024".
    std::vector<DateMatch> dates = find_dates(s);
    if (!dates.empty()) s = s.substr(0, dates.front().begin);
    for (bool changed = true; changed;) {
        changed = false;
        s = trim_punct(s);
        while (!s.empty() && (s.back() == '-' || s.back() == ' ')) s.remove_suffix(1);
        for (std::string_view tail : {std::string_view(" on"), std::string_view(" of")}) {
            if (iends_with(s, tail)) {
                s.remove_suffix(tail.size());
                changed = true;
            }
        }
        for (std::string_view suffix : kCommitteeSuffixes) {
            // An organisation's general meeting is the body that meets.
            if (suffix == "meeting" && (iends_with(s, "general meeting") || iends_with(s, "annual meeting")))
                continue;
            if (s.size() > suffix.size() && iends_with(s, suffix) &&
                !is_letter(s[s.size() - suffix.size() - 1])) {
                s.remove_suffix(suffix.size());
                changed = true;
                // "... Adjourned Regular Meeting", "... Public Meeting": the kind goes with it.
                if (suffix == "meeting") {
                    for (bool more = true; more;) {
                        more = false;
                        s = trim(s);
                        for (std::string_view kind : kMeetingKinds) {
                            if (s.size() > kind.size() + 1 && iends_with(s, kind) && s[s.size() - kind.size() - 1] == ' ') {
                                s.remove_suffix(kind.size());
                                more = true;
                            }
                        }
                    }
                }
                break;
            }
        }
    }
    std::vector<std::string_view> words = split_words(s);
    bool any_letter = std::any_of(s.begin(), s.end(), is_letter);
    if (words.empty() || !any_letter) return "";
    // Acronyms can be told only in mixed case; in "CYP COMMITTEE" every word is one.
    bool mixed = std::any_of(s.begin(), s.end(), is_lower);
    std::string out;
    for (size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += ' ';
        out += title_case_word(words[i], i == 0, mixed);
    }
    return out;
}

namespace {

// Words of a canonical name for initials and prefixes: hyphenated parts are
// words of their own ("Sub-Committee" -> "sub", "committee"); '&' is "and".
std::vector<std::string> committee_words(std::string_view name) {
    std::vector<std::string> out;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) out.push_back(word);
        word.clear();
    };
    for (char c : name) {
        if (is_letter(c) || is_digit(c)) {
            word += to_lower(c);
        } else if (c == '&') {
            flush();
            out.push_back("and");
        } else if (c != '\'' && c != '.') {
            flush();
        }
    }
    flush();
    return out;
}

// The words that name what kind of body a committee is, dropped from the
// short initials ("cyp" beside "cypc").
bool is_body_word(std::string_view word) {
    return word == "committee" || word == "subcommittee" || word == "sub";
}

}  // namespace

std::vector<std::string> committee_initials(std::string_view canonical) {
    std::vector<std::string> words = committee_words(canonical);
    std::string full;
    for (const std::string& w : words) {
        if (!in_list(kSmallWords, w)) full += w[0];
    }
    size_t keep = words.size();
    while (keep > 0 && is_body_word(words[keep - 1])) --keep;
    std::string short_form;
    for (size_t i = 0; i < keep; ++i) {
        if (!in_list(kSmallWords, words[i])) short_form += words[i][0];
    }
    // One letter would match too much ("c" for "Cabinet").
    std::vector<std::string> out;
    if (full.size() >= 2) out.push_back(full);
    if (short_form.size() >= 2 && short_form != full) out.push_back(short_form);
    return out;
}

bool committee_matches(std::string_view canonical, std::string_view typed) {
    // Each name also without its small words: "children young people" is
    // "Children and Young People", "finance general purposes" "Finance and
    // General Purposes".
    for (const bool small : {true, false}) {
        std::string key;
        for (const std::string& w : committee_words(typed)) {
            if (small || !in_list(kSmallWords, w)) key += w;
        }
        if (key.empty()) return false;
        std::vector<std::string> keys = {key};
        static constexpr std::string_view kCommittee = "committee";
        if (key.size() > kCommittee.size() && key.ends_with(kCommittee)) {
            keys.push_back(key.substr(0, key.size() - kCommittee.size()));
        }
        std::vector<std::string> prefixes;
        std::string prefix;
        for (const std::string& w : committee_words(canonical)) {
            if (!small && in_list(kSmallWords, w)) continue;
            prefix += w;
            prefixes.push_back(prefix);
        }
        std::vector<std::string> initials = committee_initials(canonical);
        for (const std::string& k : keys) {
            if (std::find(prefixes.begin(), prefixes.end(), k) != prefixes.end()) return true;
            if (std::find(initials.begin(), initials.end(), k) != initials.end()) return true;
        }
    }
    return false;
}

}  // namespace minutebook
