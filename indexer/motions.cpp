// Motions put to a meeting: who moved and seconded them, their result and
// the vote, as minutes print them.
#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

#include "core/names.h"
#include "indexer/structure_internal.h"

namespace minutebook::structure {
namespace {

// Posts that minutes print in a mover's place: "The Vice Chair proposed ...".
bool is_role(std::string_view printed) {
    static const std::array<std::string_view, 19> kRoles = {
        "chair",     "chairman",   "chairwoman", "chairperson", "vice chair", "vice-chair",   "vice chairman",
        "convenor",  "convener",   "vice convenor", "mayor",    "deputy mayor", "president", "vice president",
        "supervisor", "clerk",     "secretary",  "treasurer",   "vice-convenor"};
    const std::string l = lower(printed);
    return std::find(kRoles.begin(), kRoles.end(), l) != kRoles.end();
}

// Titles that stand before a name and belong to it.
bool is_title(std::string_view w) {
    static const std::array<std::string_view, 14> kTitles = {
        "Cllr",  "Cllr.", "Councillor", "Mr",     "Mr.",   "Mrs",       "Mrs.",
        "Ms",    "Ms.",   "Dr",         "Dr.",    "Trustee", "Commissioner", "Councilmember"};
    return std::find(kTitles.begin(), kTitles.end(), w) != kTitles.end();
}

// Capitalised words that end a name: "by Ensign And Crockett" is rare, "Sue
// Ensign to approve" common; these are the words a name never holds.
bool stops_name(std::string_view w) {
    static const std::array<std::string_view, 16> kStops = {"And", "To", "That", "The", "Motion", "Carried",
                                                            "Seconded", "Second", "Supported", "All", "Ayes",
                                                            "Nays", "On", "With", "For", "Approved"};
    return std::find(kStops.begin(), kStops.end(), w) != kStops.end();
}

size_t skip_spaces(std::string_view s, size_t p) {
    while (p < s.size() && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n')) ++p;
    return p;
}

// The name printed at `p`: up to four capitalised words or initials after
// an optional "the" ("the Convenor" -> "Convenor", "Cllr J. Smith").
std::string name_after(std::string_view s, size_t p) {
    p = skip_spaces(s, p);
    while (p < s.size() && (s[p] == ':' || s[p] == '-' || s[p] == ',')) p = skip_spaces(s, p + 1);
    if (s.compare(p, 3, "\xe2\x80\x93") == 0) p = skip_spaces(s, p + 3);  // en dash
    if (s.compare(p, 4, "the ") == 0 || s.compare(p, 4, "The ") == 0) p += 4;
    std::string out;
    int words = 0;
    while (p < s.size() && words < 4) {
        size_t e = p;
        while (e < s.size() && s[e] != ' ' && s[e] != '\n' && s[e] != ',' && s[e] != ';' && s[e] != ':' &&
               s[e] != '(' && s[e] != ')')
            ++e;
        std::string_view w = s.substr(p, e - p);
        // A sentence's full stop ends the name; an initial's or a title's does not.
        bool stop_after = false;
        if (!w.empty() && w.back() == '.' && w.size() > 2 && !is_title(w)) {
            w.remove_suffix(1);
            stop_after = true;
        }
        if (w.empty() || !std::isupper(static_cast<unsigned char>(w[0])) || (words > 0 && stops_name(w)) ||
            (words == 0 && stops_name(w) && w != "The"))
            break;
        if (!out.empty()) out += ' ';
        out += std::string(w);
        ++words;
        // A line break ends a name of two words or more: "Colin Smith" over
        // the next line's "Police reports"; "Sue" + "Ensign" goes on.
        if (stop_after || e >= s.size() || (s[e] != ' ' && s[e] != '\n') || (s[e] == '\n' && words >= 2)) break;
        p = e + 1;
    }
    while (!out.empty() && (out.back() == '.' || out.back() == '-')) out.pop_back();
    return out;
}

// The name printed just before `p` ("Craig Ritchie proposed"): capitalised
// words back to a lower-case word, punctuation or the sentence's start,
// without a leading "The".
std::string name_before(std::string_view s, size_t p) {
    std::vector<std::string_view> words;
    size_t e = p;
    while (e > 0 && s[e - 1] == ' ') --e;
    while (e > 0 && words.size() < 4) {
        size_t b = e;
        while (b > 0 && s[b - 1] != ' ' && s[b - 1] != '\n' && s[b - 1] != ',' && s[b - 1] != ';' &&
               s[b - 1] != ':' && s[b - 1] != '(')
            --b;
        std::string_view w = s.substr(b, e - b);
        // "(Bungay Library) Seconded:" names a place, not the seconder.
        if (w.empty() || !std::isupper(static_cast<unsigned char>(w[0])) || stops_name(w) ||
            w.find(')') != std::string_view::npos)
            break;
        words.push_back(w);
        if (b == 0 || s[b - 1] != ' ') break;
        e = b - 1;
    }
    std::string out;
    for (auto it = words.rbegin(); it != words.rend(); ++it) out += (out.empty() ? "" : " ") + std::string(*it);
    return out;
}

// A printed name as the meeting's attendee it names: the one attendee it
// matches, else the post or the name as printed.
std::string resolve(const std::string& printed, const std::vector<std::string>& attendees) {
    if (printed.empty() || is_role(printed)) return printed;
    std::string match;
    for (const auto& a : attendees) {
        if (!person_matches(a, printed)) continue;
        if (!match.empty() && match != a) return printed;  // two attendees of that name
        match = a;
    }
    return match.empty() ? printed : match;
}

struct Event {
    size_t pos;
    bool mover;
    std::string name;
    bool formal;  // "motion by", "moved by": a motion even without a seconder
    // "supported by", "with support from": a seconder only of a motion
    // already open ("will be supported by Graham Watson" is not one).
    bool weak = false;
};

// Movers and seconders in one sentence, in the order printed.
std::vector<Event> events_in(const std::string& s) {
    // Keys are found across line breaks ("proposed,\nseconded"), names read
    // from the printed lines.
    std::string l = lower(s);
    std::replace(l.begin(), l.end(), '\n', ' ');
    std::vector<Event> out;
    auto forward = [&](std::string_view key, bool mover, bool formal, bool weak = false) {
        for (size_t p = l.find(key); p != std::string::npos; p = l.find(key, p + 1)) {
            if (p > 0 && std::isalpha(static_cast<unsigned char>(l[p - 1]))) continue;
            // "Nominated by" alone on its line heads a table's column.
            const size_t end = p + key.size();
            if ((p == 0 || s[p - 1] == '\n') && (end == s.size() || s[end] == '\n')) continue;
            std::string name = name_after(s, end);
            if (name.empty() && !formal) continue;
            out.push_back(Event{p, mover, name, formal, weak});
        }
    };
    struct Key {
        std::string_view key;
        bool mover, formal, weak;
    };
    static const Key kKeys[] = {
        {"moved by", true, true, false},
        {"motion by", true, true, false},
        {"motion was made by", true, true, false},
        {"motion made by", true, true, false},
        {"motion from", true, true, false},
        {"motion of", true, true, false},
        {"proposed by", true, false, false},
        {"proposed -", true, false, false},  // "Proposed - Gemma Kimmet and Seconded - Margaret Stratton"
        {"seconded -", false, false, false},
        {"nominated by", true, false, false},
        {"proposer:", true, false, false},
        {"proposed:", true, false, false},
        {"moved:", true, false, false},
        {"motion:", true, false, false},
        {"seconded by", false, false, false},
        {"second by", false, false, false},
        {"supported by", false, false, true},
        {"support by", false, false, true},
        {"support from", false, false, true},
        {"support of", false, false, true},
        {"seconder:", false, false, false},
        {"seconded:", false, false, false},
        {"second:", false, false, false},
    };
    for (const Key& k : kKeys) forward(k.key, k.mover, k.formal, k.weak);
    // "Proposed Cllr Smith, seconded Cllr Jones": the name straight after.
    for (std::string_view key : {std::string_view("proposed "), std::string_view("seconded ")}) {
        for (size_t p = l.find(key); p != std::string::npos; p = l.find(key, p + 1)) {
            if (p > 0 && std::isalpha(static_cast<unsigned char>(l[p - 1]))) continue;
            // "the proposed Planning Application": an adjective.
            const std::string_view before = std::string_view(l).substr(0, p);
            if (before.ends_with("the ") || before.ends_with("a ") || before.ends_with("this ")) continue;
            const size_t n = p + key.size();
            if (n < s.size() && std::isupper(static_cast<unsigned char>(s[n])) && s.compare(n, 4, "The ") != 0) {
                std::string name = name_after(s, n);
                if (!name.empty()) out.push_back(Event{p, key[0] == 'p', name, false});
            }
        }
    }
    // "Craig Ritchie proposed ...", "Jamie Crockett made a motion to ...",
    // "Sheila Mesler nominated ...", "Y seconded", "M. Prest (motion), C. Dallas
    // (second)": the name before.
    for (std::string_view key : {std::string_view(" proposed"), std::string_view(" moved"),
                                 std::string_view(" made a motion"), std::string_view(" made the motion"),
                                 std::string_view(" nominated"), std::string_view(" seconded"),
                                 std::string_view(" (motion)"), std::string_view(" (second)")}) {
        for (size_t p = l.find(key); p != std::string::npos; p = l.find(key, p + 1)) {
            const size_t after = p + key.size();
            // "Seconded:" labels the name after it.
            if (after < l.size() && (std::isalpha(static_cast<unsigned char>(l[after])) || l[after] == ':')) continue;
            // "Seconded by Y" names the seconder after it.
            if (l.compare(after, 3, " by") == 0) continue;
            std::string name = name_before(s, p);
            if (name.empty()) continue;
            const bool mover = key != " seconded" && key != " (second)";
            out.push_back(Event{p - name.size(), mover, name, key.find("motion") != std::string_view::npos});
        }
    }
    // "Proposed and seconded - Margaret and Watson", "were proposed, seconded and accepted".
    for (std::string_view key : {std::string_view("proposed and seconded"), std::string_view("proposed, seconded"),
                                 std::string_view("moved and seconded")}) {
        for (size_t p = l.find(key); p != std::string::npos; p = l.find(key, p + 1)) {
            size_t n = p + key.size();
            size_t q = skip_spaces(s, n);
            if (l.compare(q, 3, "by ") == 0) q += 3;
            std::string first = name_after(s, q), second;
            if (!first.empty()) {
                const size_t at = l.find(lower(first), q);
                const size_t rest = at == std::string::npos ? std::string::npos : at + first.size();
                if (rest != std::string::npos && l.compare(skip_spaces(l, rest), 4, "and ") == 0)
                    second = name_after(s, skip_spaces(l, rest) + 4);
            }
            out.push_back(Event{p, true, first, true});
            out.push_back(Event{p + 1, false, second, true});
        }
    }
    std::sort(out.begin(), out.end(), [](const Event& a, const Event& b) { return a.pos < b.pos; });
    // One event per place: "proposed by X" is not also "X proposed".
    out.erase(std::unique(out.begin(), out.end(),
                          [](const Event& a, const Event& b) { return a.pos == b.pos && a.mover == b.mover; }),
              out.end());
    return out;
}

// The text without what it quotes: a motion's own words ("... candidates
// who were not elected ...") do not say what became of it.
std::string unquoted(const std::string& text) {
    std::string out;
    bool in = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const bool curly_open = text.compare(i, 3, "\xe2\x80\x9c") == 0;
        const bool curly_close = text.compare(i, 3, "\xe2\x80\x9d") == 0;
        if ((text[i] == '"' && !in) || (curly_open && !in)) {
            in = true;
        } else if ((text[i] == '"' && in) || (curly_close && in)) {
            in = false;
        } else if (!in) {
            out += text[i];
            continue;
        } else {
            continue;
        }
        if (curly_open || curly_close) i += 2;
    }
    // An unclosed quote runs on to the end: keep what came before it.
    return out;
}

MotionResult result_in(const std::string& quoted) {
    const std::string text = unquoted(quoted);
    const std::vector<WordAt> w = words_at(text);
    MotionResult r = MotionResult::kNotStated;
    for (size_t i = 0; i < w.size(); ++i) {
        const std::string& t = w[i].lower;
        if (undertaking_at(w, i)) continue;
        const bool negated = i > 0 && w[i - 1].lower == "not";
        if (t == "withdrawn" || t == "withdrew") return MotionResult::kWithdrawn;
        if ((t == "failed" && (i + 1 == w.size() || w[i + 1].lower != "to")) || t == "defeated" || t == "lost" ||
            (negated && (t == "carried" || t == "passed" || t == "approved")))
            return MotionResult::kFailed;
        if (!negated && (t == "carried" || t == "passed" || t == "approved" || t == "adopted" || t == "accepted" ||
                         t == "agreed" || t == "elected" || t == "appointed" || t == "resolved" || t == "granted" ||
                         t == "ratified" || t == "unanimously" || t == "unanimous"))
            r = MotionResult::kCarried;
        if ((t == "agreement" || t == "favour" || t == "favor") && i > 0 && w[i - 1].lower == "in")
            r = MotionResult::kCarried;
    }
    return r;
}

// Names of a roll-call list: "Crockett, Duford and Wray", "none";
// "Council Members Lee, Park and Mayor Young" without the posts.
std::vector<std::string> list_names(std::string_view list) {
    static const std::array<std::string_view, 12> kPosts = {
        "Council Members ", "Councilmembers ", "Council Member ", "Councilmember ", "Commissioners ",
        "Trustees ",        "Directors ",      "Councillors ",    "Cllrs ",          "Mayor ",
        "Vice Mayor ",      "Members "};
    std::vector<std::string> out;
    std::string item;
    auto flush = [&]() {
        size_t b = item.find_first_not_of(" \t");
        for (bool again = true; again && b != std::string::npos;) {
            again = false;
            for (std::string_view post : kPosts) {
                if (item.compare(b, post.size(), post) == 0) {
                    b = item.find_first_not_of(" \t", b + post.size());
                    again = true;
                    break;
                }
            }
        }
        if (b != std::string::npos) {
            std::string n = item.substr(b, item.find_last_not_of(" \t.") - b + 1);
            if (!n.empty() && lower(n) != "none" && std::isupper(static_cast<unsigned char>(n[0]))) out.push_back(n);
        }
        item.clear();
    };
    for (size_t i = 0; i < list.size(); ++i) {
        if (list[i] == ',' || list[i] == ';') {
            flush();
        } else if (list.compare(i, 5, " and ") == 0) {
            flush();
            i += 4;
        } else {
            item += list[i];
        }
    }
    flush();
    return out;
}

enum Side { kFor, kAgainst, kAbstain, kAbsent };

// The side of a vote a printed word names: "yes", "Nays", "Abstained", "excused".
std::optional<Side> side_of(const std::string& word) {
    const std::string w = lower(word);
    if (w == "yes" || w == "aye" || w == "ayes" || w == "yea" || w == "yeas" || w == "for" || w == "in favour" ||
        w == "in favor")
        return kFor;
    if (w == "no" || w == "nay" || w == "nays" || w == "noes" || w == "against" || w == "opposed") return kAgainst;
    if (w.rfind("abstain", 0) == 0 || w.rfind("abstention", 0) == 0) return kAbstain;
    if (w == "absent" || w == "excused") return kAbsent;
    return std::nullopt;
}

// The lists of `text` under labels that `label` matches (group 1 names the
// side, group 2 a printed count when there is one), each running from its
// label to the next.
struct SideList {
    Side side;
    size_t begin, end;
    std::optional<int> count;
};
std::vector<SideList> side_lists(const std::string& text, const std::regex& label) {
    std::vector<SideList> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), label); it != std::sregex_iterator(); ++it) {
        auto side = side_of((*it)[1].str());
        if (!side) continue;
        if (!out.empty()) out.back().end = static_cast<size_t>(it->position(0));
        std::optional<int> count;
        if (it->size() > 2 && (*it)[2].matched) count = std::stoi((*it)[2].str());
        out.push_back({*side, static_cast<size_t>(it->position(0) + it->length(0)), text.size(), count});
    }
    return out;
}

// The roll call in `text`, onto the motion's sides: "Crockett-yes;
// Ensign-absent", "For (51) Mr Baker, ... Against (6) ...", or "Ayes: A, B.
// Nays: none. Absent: C." A roll call states every side, so a side nobody
// is on is an empty list.
bool read_votes(const std::string& text, const std::vector<std::string>& attendees, Motion& m) {
    std::vector<std::pair<Side, std::string>> votes;
    static const std::regex pair(R"(([A-Z][A-Za-z'’]+(?:\s[A-Z][A-Za-z'’]+)?)\s*[-–:]\s*([A-Za-z]+)\b)");
    if (text.find('-') != std::string::npos || text.find(':') != std::string::npos) {
        for (auto it = std::sregex_iterator(text.begin(), text.end(), pair); it != std::sregex_iterator(); ++it) {
            if (auto side = side_of((*it)[2].str())) votes.emplace_back(*side, (*it)[1].str());
        }
    }
    // Vote blocks with their counts: "For (51) Mr Baker, ... Against (6) ...
    // Abstain (2) Mr Stepto, Ms Wright".
    std::array<std::optional<int>, 4> printed_counts{};
    if (votes.size() < 2 && text.find('(') != std::string::npos) {
        static const std::regex block(
            R"(\b(For|FOR|Against|AGAINST|Abstain|ABSTAIN|Abstentions?|Absent|ABSENT)\s*\((\d{1,3})\))");
        std::vector<SideList> lists = side_lists(text, block);
        // One vote: a side printed again begins the next vote's blocks (Kent's
        // amendment "lost" by 14 to 40, then the substantive motion's 39 to 19).
        for (size_t k = 1; k < lists.size(); ++k) {
            const bool again = std::any_of(lists.begin(), lists.begin() + static_cast<long>(k),
                                           [&](const SideList& l) { return l.side == lists[k].side; });
            if (!again) continue;
            lists.resize(k);
            break;
        }
        if (lists.size() >= 2) {
            votes.clear();
            for (const auto& l : lists) {
                printed_counts[l.side] = l.count;
                std::string list = text.substr(l.begin, l.end - l.begin);
                std::replace(list.begin(), list.end(), '\n', ' ');
                // The list ends at its sentence's end ("... Ms Wright Motion carried.").
                const size_t stop = list.find_first_of(".");
                if (stop != std::string::npos) list = list.substr(0, stop);
                for (auto& n : list_names(list)) {
                    // "Mr Wright Motion carried", "Ms Constantine Amendment
                    // lost": the words after the last name.
                    size_t cut = std::string::npos;
                    for (const char* word : {" Motion", " Amendment", " Substantive"}) cut = std::min(cut, n.find(word));
                    votes.emplace_back(l.side, n.substr(0, cut));
                }
            }
        }
    }
    if (votes.size() < 2) {
        votes.clear();
        // Labelled lists: "Ayes: A, B, C. Nays: none. Absent: E."
        static const std::regex label(
            R"(\b(Ayes?|AYES?|Yeas?|YEAS?|Yes|YES|Noes|NOES|Nays?|NAYS?|No|NO|In [Ff]avou?r|IN FAVOU?R|Opposed|OPPOSED|Abstain(?:ed|ing)?|ABSTAIN(?:ED|ING)?|Abstentions?|ABSTENTIONS?|Absent|ABSENT|Excused|EXCUSED)\s*:)");
        const std::vector<SideList> lists = side_lists(text, label);
        if (lists.size() < 2) return false;
        for (const auto& l : lists) {
            std::string list = text.substr(l.begin, l.end - l.begin);
            const size_t stop = list.find(". ");
            if (stop != std::string::npos) list = list.substr(0, stop);
            // A list wraps onto the next line ("... Vice Chair Valencia," /
            // "and Chair Ramirez") and marks names for a footnote
            // ("*Davis, **Hernandez": Norwalk Housing Authority).
            std::replace(list.begin(), list.end(), '\n', ' ');
            list.erase(std::remove(list.begin(), list.end(), '*'), list.end());
            std::string bare = lower(list);
            bare.erase(std::remove_if(bare.begin(), bare.end(), [](char c) { return !std::isalpha(static_cast<unsigned char>(c)); }),
                       bare.end());
            if (bare == "none") continue;  // "NOES: None"
            for (const auto& n : list_names(list)) votes.emplace_back(l.side, n);
        }
    }
    if (votes.empty()) return false;
    std::array<VoteSide, 4> sides{};
    for (const auto& [side, printed] : votes) {
        sides[side].count += 1;
        const std::string name = resolve(printed, attendees);
        // Only the meeting's attendees vote: a name that is none of them is
        // counted, not named.
        if (attendees.empty() || std::find(attendees.begin(), attendees.end(), name) != attendees.end())
            sides[side].names.push_back(name);
    }
    for (size_t k = 0; k < sides.size(); ++k) {
        if (printed_counts[k]) sides[k].count = *printed_counts[k];
    }
    m.votes_for = sides[kFor];
    m.against = sides[kAgainst];
    m.abstain = sides[kAbstain];
    m.absent = sides[kAbsent];
    return true;
}

// A printed tally: "Motion carried 5-0", "FAILED (3-4)", "by 7 votes to 3",
// "6 for, 2 against, 1 abstention"; "unanimously" gives none against.
void read_tally(const std::string& text, Motion& m) {
    const std::string l = lower(text);
    static const std::regex dash(
        R"(\b(?:carried|passed|approved|adopted|failed|defeated|lost|votes?|voted|motion)\b[^.;\d]{0,20}?\(?(\d{1,2})\s*(?:-|–|to|:)\s*(\d{1,2})(?:\s*(?:-|–|:)\s*(\d{1,2}))?\)?)");
    static const std::regex words(
        R"(\b(\d{1,2})\s+(?:votes?\s+)?(?:for|in favou?r)\W+(\d{1,2})\s+against(?:\W+(?:and\s+)?(\d{1,2})\s+abstentions?)?)");
    static const std::regex ayes(
        R"(\b(\d{1,2})\s+(?:ayes?|yeas?|yes)\W+(\d{1,2})\s+(?:nays?|noes|no)\b(?:\W+(\d{1,2})\s+abstain)?)");
    std::smatch x;
    if ((std::regex_search(l, x, dash) || std::regex_search(l, x, words) || std::regex_search(l, x, ayes)) &&
        x[1].matched) {
        m.votes_for = VoteSide{{}, std::stoi(x[1].str())};
        m.against = VoteSide{{}, std::stoi(x[2].str())};
        if (x[3].matched) m.abstain = VoteSide{{}, std::stoi(x[3].str())};
        return;
    }
    static const std::regex unanimous(
        R"(\bunanimous(ly)?\b|\ball in favou?r\b|\b(all|everyone)\b[^.;]{0,40}\bin agreement\b|without dissent|nem\.? con)");
    if (std::regex_search(l, unanimous)) m.against = VoteSide{{}, 0};
}

}  // namespace

bool names_vote_side(std::string_view word) {
    return side_of(std::string(word)).has_value();
}

std::vector<Motion> table_motions(const std::vector<VisualLine>& lines, const std::vector<std::string>& attendees) {
    std::vector<Motion> out;
    for (size_t h = 0; h < lines.size() && out.empty(); ++h) {
        const std::vector<std::string> head = cells_of(lines[h].words, 0);
        int mover = -1, seconder = -1, chosen = -1;
        for (size_t c = 0; c < head.size(); ++c) {
            const std::string cell = lower(head[c]);
            if (cell == "nominated by" || cell == "proposed by" || cell == "moved by" || cell == "proposer" ||
                cell == "nominator")
                mover = static_cast<int>(c);
            else if (cell == "seconded by" || cell == "seconder")
                seconder = static_cast<int>(c);
            else if (cell.find("elected") != std::string::npos || cell.find("appointed") != std::string::npos)
                chosen = static_cast<int>(c);
        }
        if (mover < 0 || seconder < 0) continue;
        for (size_t r = h + 1; r < lines.size(); ++r) {
            const std::vector<std::string> row = cells_of(lines[r].words, 0);
            if (row.size() != head.size()) break;
            Motion m;
            m.moved_by = resolve(row[static_cast<size_t>(mover)], attendees);
            m.seconded_by = resolve(row[static_cast<size_t>(seconder)], attendees);
            if (chosen >= 0) m.result = MotionResult::kCarried;
            for (size_t c = 0; c < row.size(); ++c) m.text += (c ? ", " : "") + head[c] + ": " + row[c];
            out.push_back(std::move(m));
        }
    }
    return out;
}

std::vector<Motion> motions_in(std::string_view text, const std::vector<std::string>& attendees) {
    const std::vector<std::string> sentences = sentences_of(text);
    struct Open {
        Motion motion;
        size_t first_sentence;
        bool formal;
        size_t last_sentence = 0;  // where its seconder was printed
    };
    std::vector<Open> found;
    for (size_t si = 0; si < sentences.size(); ++si) {
        const std::string& s = sentences[si];
        if (find_ci(s, "propos") == std::string::npos && find_ci(s, "second") == std::string::npos &&
            find_ci(s, "moved") == std::string::npos && find_ci(s, "motion") == std::string::npos &&
            find_ci(s, "support") == std::string::npos && find_ci(s, "nominat") == std::string::npos)
            continue;
        for (const Event& e : events_in(s)) {
            Open* cur = found.empty() ? nullptr : &found.back();
            // A seconder printed after its motion's sentence ("Proposed by X.
            // Seconded by Y.") or before its mover in one.
            if (e.mover) {
                if (cur && cur->first_sentence == si && cur->motion.moved_by.empty() && !cur->motion.seconded_by.empty()) {
                    cur->motion.moved_by = resolve(e.name, attendees);
                    continue;
                }
                found.push_back(Open{Motion{}, si, e.formal});
                found.back().motion.moved_by = resolve(e.name, attendees);
            } else {
                // "The motion was supported by Sue Ensign" after the motion's conditions.
                const bool near = cur && cur->motion.seconded_by.empty() &&
                                  (si - cur->first_sentence <= 1 || find_ci(s, "motion") != std::string::npos);
                if (!near && e.weak) continue;
                if (!near) {
                    found.push_back(Open{Motion{}, si, e.formal});
                    cur = &found.back();
                }
                cur->motion.seconded_by = resolve(e.name, attendees);
                cur->last_sentence = si;
            }
        }
    }
    std::vector<Motion> out;
    for (size_t k = 0; k < found.size(); ++k) {
        Open& o = found[k];
        const size_t end = k + 1 < found.size() ? found[k + 1].first_sentence : sentences.size();
        // Its result is in its sentence or the next two ("Motion carried
        // 5-0."); its roll call may run on over many ("Crockett-yes;
        // Duford-yes; ..."), up to the next motion.
        std::string span, votes;
        for (size_t si = o.first_sentence; si < std::max(end, o.first_sentence + 1); ++si) {
            if (si < std::max(o.first_sentence, o.last_sentence) + 3) span += (span.empty() ? "" : " ") + sentences[si];
            if (votes.size() < 4000) votes += (votes.empty() ? "" : " ") + sentences[si];
        }
        Motion& m = o.motion;
        m.text = span;
        m.result = result_in(span);
        // "... the accounts were accepted and approved. Proposer: X Seconder:
        // Y": the decision printed just before its mover.
        if (m.result == MotionResult::kNotStated && o.first_sentence > 0 &&
            (k == 0 || found[k - 1].first_sentence + 1 < o.first_sentence) &&
            decision_verb(sentences[o.first_sentence - 1], {}))
            m.result = result_in(sentences[o.first_sentence - 1]);
        if (!read_votes(votes, attendees, m)) {
            read_tally(span, m);
        } else if (m.result == MotionResult::kNotStated) {
            // "For (15) ... Against (35) ... Motion lost.": the result after the vote.
            for (size_t si = o.first_sentence + 3; si < end && m.result == MotionResult::kNotStated; ++si) {
                const std::string& t = sentences[si];
                if (find_ci(t, "motion") != std::string::npos || find_ci(t, "amendment") != std::string::npos ||
                    find_ci(t, "carried") != std::string::npos || find_ci(t, "lost") != std::string::npos)
                    m.result = result_in(t.substr(t.size() > 80 ? t.size() - 80 : 0));
            }
        }
        // A suggestion with no seconder, vote or result is not a motion.
        if (m.seconded_by.empty() && m.result == MotionResult::kNotStated && !o.formal && !m.votes_for) continue;
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace minutebook::structure
