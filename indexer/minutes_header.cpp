// The header a set of minutes opens with, in the forms councils print it,
// and the council and committee it names.
#include <algorithm>
#include <cctype>

#include "core/dates.h"
#include "indexer/structure_internal.h"

namespace minutebook::structure {
namespace {

constexpr size_t kHeaderLines = 16;

bool is_word_char(char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || u >= 0x80 || c == '\'' || c == '&' || c == '-' || c == '.';
}

struct Token {
    std::string text;
    bool line_start = false;
    bool short_line = false;  // its line above is a short heading line
};

std::vector<Token> tokens_of(const std::vector<std::string>& lines) {
    std::vector<Token> out;
    for (size_t n = 0; n < lines.size(); ++n) {
        const std::string& line = lines[n];
        const bool short_above = n > 0 && lines[n - 1].size() <= 40;
        bool first = true;
        size_t i = 0;
        while (i < line.size()) {
            if (!is_word_char(line[i])) {
                // Punctuation between words ends a name: "Lincoln Township – Midland County".
                if (line[i] != ' ' && !out.empty()) out.push_back(Token{"", false});
                ++i;
                continue;
            }
            size_t j = i;
            while (j < line.size() && is_word_char(line[j])) ++j;
            out.push_back(Token{line.substr(i, j - i), first, first && short_above});
            first = false;
            i = j;
        }
    }
    return out;
}

bool is_one_of(std::string_view word, std::initializer_list<std::string_view> words) {
    for (auto w : words) {
        if (word.size() == w.size() && starts_with_ci(word, w)) return true;
    }
    return false;
}

// The word that ends a body's name.
bool is_body_word(std::string_view w) {
    return is_one_of(w, {"council", "committee", "sub-committee", "board", "commission",
                         "authority", "panel", "forum", "cabinet", "trustees"});
}

// Words of a header that are never part of the name before them.
bool is_header_word(std::string_view w) {
    return is_one_of(
        w, {"minutes",  "minute",  "of",      "the",      "for",        "meeting", "draft",
            "final",    "adopted", "agreed",  "approved", "unapproved", "a",       "an",
            "held",     "regular", "special", "annual",   "open",       "public",  "extraordinary",
            "ordinary", "general", "budget",  "workshop", "virtual"});
}

bool capitalised(std::string_view w) {
    return !w.empty() && (std::isupper(static_cast<unsigned char>(w[0])) || w[0] == '&');
}

// The name that ends at the body word tokens[end]: the capitalised words
// before it, up to a header word or punctuation.
std::string name_ending_at(const std::vector<Token>& tokens, size_t end) {
    size_t begin = end;
    while (begin > 0) {
        const std::string& w = tokens[begin - 1].text;
        // "Children and Young People Committee": "and" between capitalised words.
        bool joins = is_one_of(w, {"and"}) && begin > 1 && capitalised(tokens[begin - 2].text) &&
                     !is_header_word(tokens[begin - 2].text);
        if (!joins && (!capitalised(w) || is_header_word(w))) break;
        // A name goes on from the line above only from a short heading line
        // ("Lincoln Township" over "Board Meeting Minutes").
        if (tokens[begin].line_start && !tokens[begin].short_line) break;
        --begin;
    }
    // "Board of Trustees", "Board of Directors": the name goes on.
    size_t last = end;
    if (last + 2 < tokens.size() && starts_with_ci(tokens[last + 1].text, "of") &&
        capitalised(tokens[last + 2].text) && !is_header_word(tokens[last + 2].text) &&
        !tokens[last + 1].line_start)
        last += 2;
    std::string name;
    for (size_t k = begin; k <= last; ++k) name += (name.empty() ? "" : " ") + tokens[k].text;
    return name;
}

// "meeting of the Lincoln Township Board was called to order", "Meeting of
// Garelochhead Community Council held at": the name after "meeting of".
std::string name_after_meeting_of(const std::vector<Token>& tokens) {
    for (size_t i = 0; i + 2 < tokens.size(); ++i) {
        if (!starts_with_ci(tokens[i].text, "meeting") || tokens[i].text.size() != 7) continue;
        if (!is_one_of(tokens[i + 1].text, {"of"})) continue;
        size_t k = i + 2;
        if (k < tokens.size() && is_one_of(tokens[k].text, {"the"})) ++k;
        size_t body = tokens.size();
        for (size_t j = k; j < tokens.size() && capitalised(tokens[j].text); ++j) {
            if (is_body_word(tokens[j].text)) body = j;
        }
        if (body < tokens.size()) {
            std::string name;
            for (size_t j = k; j <= body; ++j) name += (name.empty() ? "" : " ") + tokens[j].text;
            return name;
        }
    }
    return "";
}

bool opens_with(std::string_view line, std::string_view word) {
    return starts_with_ci(line, word) &&
           (line.size() == word.size() ||
            !std::isalpha(static_cast<unsigned char>(line[word.size()])));
}

// Dates a header prints that are not the meeting's: signing, approval, the next meeting.
bool is_other_date_line(std::string_view line) {
    return find_ci(line, "next meeting") != std::string_view::npos || opens_with(line, "signed") ||
           opens_with(line, "approved") || opens_with(line, "date of") ||
           opens_with(line, "published") || opens_with(line, "revised");
}


// "Ltd.", "IPS": the legal form after an organisation's name.
bool is_legal_form(std::string_view w) {
    return is_one_of(w, {"ltd", "ltd.", "limited", "ips", "cic", "plc", "inc", "inc.", "llc"});
}

// "Suffolk Libraries IPS - Board Meeting" -> "Suffolk Libraries Board"; "Newtown
// Parish Council – Minutes of the Meeting held 3rd March 2015" -> "Newtown
// Parish Council": a name, a dash, then the meeting (of one of its bodies).
std::string name_before_dash(std::string_view line) {
    for (std::string_view dash : {" - ", " \u2013 ", " \u2014 "}) {
        size_t at = line.find(dash);
        if (at == std::string_view::npos) continue;
        std::vector<std::string> left;
        for (const auto& t : tokens_of({std::string(line.substr(0, at))})) {
            if (t.text.empty() || !capitalised(t.text)) return "";
            left.push_back(t.text);
        }
        while (!left.empty() && is_legal_form(left.back())) left.pop_back();
        if (left.size() < 2) return "";
        std::string_view right = line.substr(at + dash.size());
        std::string body;
        size_t space = right.find(' ');
        if (space != std::string_view::npos && is_body_word(right.substr(0, space))) {
            body = std::string(right.substr(0, space));
            right.remove_prefix(space + 1);
        }
        std::string name;
        for (const auto& w : left) name += (name.empty() ? "" : " ") + w;
        // "Suffolk's Libraries IPS Ltd. - AGM": the members' annual meeting.
        if (body.empty() && (right == "AGM" || starts_with_ci(right, "annual general meeting")))
            return name + " Annual General Meeting";
        if (!starts_with_ci(right, "meeting") && !starts_with_ci(right, "minutes")) return "";
        return body.empty() ? name : name + " " + body;
    }
    return "";
}

}  // namespace

// `word` stands in `line` as a word of its own, ignoring case.
bool has_word(std::string_view line, std::string_view word) {
    for (size_t at = find_ci(line, word); at != std::string_view::npos;
         at = find_ci(line, word, at + 1)) {
        bool left = at == 0 || !std::isalpha(static_cast<unsigned char>(line[at - 1]));
        bool right = at + word.size() == line.size() ||
                     !std::isalpha(static_cast<unsigned char>(line[at + word.size()]));
        if (left && right) return true;
    }
    return false;
}

std::optional<MinutesHeader> read_minutes_header(const TextStream& s, size_t begin) {
    std::vector<std::string> lines;
    std::vector<size_t> at;
    int page = -1;
    for (size_t i = begin; i < s.lines.size() && lines.size() < kHeaderLines; ++i) {
        if (s.lines[i].blank()) continue;
        if (page < 0) page = s.lines[i].page;
        if (s.lines[i].page != page) break;
        lines.push_back(s.lines[i].text);
        at.push_back(i);
    }
    if (lines.empty()) return std::nullopt;
    bool minutes = false;
    for (size_t k = 0; k < lines.size(); ++k) {
        const std::string& t = lines[k];
        // An agenda's heading: "AGENDA", "Agenda for the meeting of ...".
        if (k < 6 && opens_with(t, "agenda") && t.size() <= 40) return std::nullopt;
        if (std::isdigit(static_cast<unsigned char>(t[0]))) continue;
        // The minutes' own heading, not "Approval of the minutes of ...".
        if (has_word(t, "minutes") && t.size() <= 100 && find_ci(t, "approv") == std::string::npos)
            minutes = true;
        if (find_ci(t, "called to order") != std::string::npos) minutes = true;
        if (opens_with(t, "meeting of") && find_ci(t, " held") != std::string::npos) minutes = true;
        // "Garelochhead Community Council public meeting held", "... Parish
        // Council – Minutes of the Meeting held 3rd March 2015".
        if (find_ci(t, "meeting held") != std::string::npos) minutes = true;
    }
    if (!minutes) return std::nullopt;
    MinutesHeader h;
    for (size_t k = 0; k < lines.size(); ++k) {
        if (is_other_date_line(lines[k])) continue;
        auto d = first_date(lines[k], s.dates);
        if (d && d->day > 0) {
            h.date = d->iso();
            h.date_line = at[k];
            break;
        }
    }
    if (h.date.empty()) return std::nullopt;
    for (size_t k = 0;
         k < lines.size() && at[k] <= h.date_line && h.status == MinutesStatus::kNotPrinted; ++k)
        h.status = minutes_status_of(lines[k]);
    // "Garelochhead Community Council Public Meeting Agenda" over its date.
    for (size_t k = 0; k < lines.size() && at[k] <= h.date_line; ++k) {
        if (has_word(lines[k], "agenda") && !has_word(lines[k], "minutes")) return std::nullopt;
    }
    // The body: named after "meeting of", else the first name ending in a
    // body word ("MINUTES for the Garelochhead Community Council meeting").
    // The sentence may stand below the date; a bare name stands in the
    // heading, up to the date's line, never in the business below it.
    std::vector<std::string> named;
    for (size_t k = 0; k < lines.size() && at[k] <= h.date_line; ++k) {
        if (lines[k].size() <= 110)
            named.push_back(lines[k]);  // a long line is a sentence or a tagline
    }
    h.committee = name_after_meeting_of(tokens_of(lines));
    for (size_t k = 0; k < named.size() && h.committee.empty(); ++k)
        h.committee = name_before_dash(named[k]);
    std::vector<Token> tokens = tokens_of(named);
    for (size_t k = 0; k < tokens.size() && h.committee.empty(); ++k) {
        if (!is_body_word(tokens[k].text)) continue;
        std::string name = name_ending_at(tokens, k);
        // "... 9:00am at Carbon Arc Bar & Board": a venue, not the body.
        size_t words = static_cast<size_t>(std::count(name.begin(), name.end(), ' ')) + 1;
        bool venue = k + 1 >= words && k + 1 - words > 0 &&
                     is_one_of(tokens[k - words].text, {"at", "in", "within"});
        if (name.find(' ') != std::string::npos && !venue)
            h.committee = name;  // not "Council" alone
    }
    return h;
}

MinutesStatus minutes_status_of(std::string_view line) {
    if (line.size() > 100) return MinutesStatus::kNotPrinted;
    size_t minutes = find_ci(line, "minutes");
    if (minutes == std::string_view::npos || !has_word(line, "minutes"))
        return MinutesStatus::kNotPrinted;
    // The status stands before "Minutes" or in brackets after it.
    std::string_view before = line.substr(0, minutes);
    std::string_view after = line.substr(minutes + 7);
    while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
    std::string_view bracket;
    if (!after.empty() && after.front() == '(') bracket = after.substr(1, after.find(')') - 1);
    auto says = [&](std::string_view word) {
        return has_word(before, word) || has_word(bracket, word);
    };
    if (says("unapproved")) return MinutesStatus::kUnapproved;
    if (says("draft")) return MinutesStatus::kDraft;
    if (says("adopted")) return MinutesStatus::kAdopted;
    if (says("approved") || says("agreed") || says("confirmed")) return MinutesStatus::kApproved;
    return MinutesStatus::kNotPrinted;
}

bool names_a_body_word(std::string_view name) {
    size_t i = 0;
    while (i < name.size()) {
        size_t j = name.find(' ', i);
        if (j == std::string_view::npos) j = name.size();
        if (is_body_word(name.substr(i, j - i))) return true;
        i = j + 1;
    }
    return false;
}

std::string council_of(std::string_view committee) {
    std::vector<std::string> words;
    size_t i = 0;
    while (i < committee.size()) {
        size_t j = committee.find(' ', i);
        if (j == std::string_view::npos) j = committee.size();
        if (j > i) words.emplace_back(committee.substr(i, j - i));
        i = j + 1;
    }
    if (words.empty()) return "";
    // A council's own meeting: its committee is the council itself.
    if (is_one_of(words.back(), {"council"})) return std::string(committee);
    // "Suffolk Libraries Annual General Meeting": the organisation's general meeting.
    if (words.size() >= 4 && is_one_of(words[words.size() - 3], {"annual"}) &&
        is_one_of(words[words.size() - 2], {"general"}) && is_one_of(words.back(), {"meeting"})) {
        std::string out;
        for (size_t k = 0; k + 3 < words.size(); ++k) out += (out.empty() ? "" : " ") + words[k];
        return out;
    }
    // "Lincoln Township Planning Commission" -> "Lincoln Township": the name up
    // to its last word for a kind of authority, with "of Springfield" after it.
    size_t last = words.size();
    for (size_t k = 0; k + 1 < words.size(); ++k) {
        if (is_one_of(words[k], {"township", "city", "county", "borough", "town", "village",
                                 "district", "parish"}))
            last = k;
    }
    if (last == words.size()) {
        // "Suffolk Libraries Board", "Lincoln Township Board": the board of
        // the organisation named before it.
        if (words.size() >= 3 && is_one_of(words.back(), {"board"})) {
            std::string out;
            for (size_t k = 0; k + 1 < words.size(); ++k)
                out += (out.empty() ? "" : " ") + words[k];
            return out;
        }
        return "";
    }
    if (last + 2 < words.size() && is_one_of(words[last + 1], {"of"})) last += 2;
    std::string out;
    for (size_t k = 0; k <= last; ++k) out += (out.empty() ? "" : " ") + words[k];
    return out;
}

}  // namespace minutebook::structure
