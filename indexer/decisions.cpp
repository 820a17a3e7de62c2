// Decisions of the meeting in the words minutes use for them; a minute
// item's decision, its resolution number and its motions (motions.cpp).
#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

#include "indexer/structure_internal.h"

namespace minutebook::structure {
namespace {

bool is_word_char(char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '-' || c == '\'' || u >= 0x80;
}

// ASCII upper case with no lower-case letter: "RESOLVED", "AGREED".
bool all_caps(std::string_view w) {
    bool upper = false;
    for (char c : w) {
        if (std::islower(static_cast<unsigned char>(c))) return false;
        upper = upper || std::isupper(static_cast<unsigned char>(c));
    }
    return upper;
}

bool capitalised(std::string_view w) { return !w.empty() && std::isupper(static_cast<unsigned char>(w[0])); }

template <size_t N>
bool one_of(std::string_view w, const std::array<std::string_view, N>& set) {
    return std::find(set.begin(), set.end(), w) != set.end();
}

// Words that stand between a subject or auxiliary and its verb without
// changing who acts: "it was unanimously agreed", "the Board then agreed".
constexpr std::array<std::string_view, 12> kAdverbs = {"unanimously", "duly",    "formally", "then",
                                                        "also",        "therefore", "subsequently", "jointly",
                                                        "finally",     "further", "thereupon", "not"};

// Who the meeting is, as the subject of its own decision: "the Committee
// agreed", "Members resolved", "All agreed", "we decided".
constexpr std::array<std::string_view, 20> kCollective = {
    "committee", "council", "board",  "commission", "meeting",   "members",  "councillors",
    "directors", "trustees", "governors", "cabinet",  "panel",     "all",      "everyone",
    "we",        "assembly", "forum",  "subcommittee", "sub-committee", "commissioners"};

// Verbs by which minutes record a decision.
constexpr std::array<std::string_view, 23> kDecisionVerbs = {
    "resolved", "agreed",   "decided",  "approved",  "adopted",  "accepted", "ratified", "endorsed",
    "carried",  "passed",   "elected",  "appointed", "co-opted", "granted",  "refused",  "rejected",
    "deferred", "confirmed", "arranged", "failed",   "lost",     "defeated", "voted"};

// What a motion's result is said of: "the motion was lost", "Amendment defeated".
bool names_a_motion(std::string_view lower_word) {
    return lower_word == "motion" || lower_word == "amendment" || lower_word == "resolution" ||
           lower_word == "proposal" || lower_word == "recommendation" || lower_word == "vote";
}

// Words that make a clause a condition or a time, not a decision: "once the
// council agreed", "if approved", "where three policies were agreed",
// "although the previous application was approved".
constexpr std::array<std::string_view, 14> kConditions = {
    "if",    "once",   "when",     "whenever", "until",  "unless", "where",
    "whether", "before", "as",     "although", "though", "because", "since"};

// "At that meeting", "at the meeting", "at its meeting": a decision
// reported from another meeting ("At that meeting, Members agreed to
// refer the decision to full Council" in a Cabinet's minutes of its
// Scrutiny Committee; "It was agreed at the meeting a public meeting would
// be arranged" in a community council's report of a trust's meeting).
bool reports_another_meeting(std::string_view sentence) {
    static const std::regex at(R"(\bat (that|the|its|their|this) meeting\b)", std::regex::icase);
    return find_ci(sentence, " meeting") != std::string_view::npos &&
           std::regex_search(sentence.begin(), sentence.end(), at);
}

bool is_body_word(std::string_view lower_word) {
    static const std::array<std::string_view, 11> kBodies = {"committee", "council", "board",  "cabinet",
                                                            "authority", "panel",   "commission", "government",
                                                            "department", "trust",  "sub-committee"};
    return one_of(lower_word, kBodies);
}

// Whether the verb at w[v] has an agent that is a named body other than the
// meeting's own: "was appointed Vice Chair ... by the Children and Young
// People Committee on 27th June". "by the Board", "by roll call vote" and
// the meeting's own names are not another body.
bool by_another_body(std::string_view sentence, const std::vector<WordAt>& w, size_t v,
                     const std::vector<std::string>& own_names) {
    for (size_t k = v + 1; k + 1 < w.size(); ++k) {
        if (w[k].lower != "by") continue;
        size_t a = k + 1;
        if (w[a].lower == "the" && a + 1 < w.size()) ++a;
        // A capitalised name ending in a body word: "Argyll & Bute Council".
        size_t e = a;
        bool proper = false;
        while (e < w.size() && (capitalised(w[e].raw) || w[e].lower == "and" || w[e].lower == "of")) {
            if (is_body_word(w[e].lower)) break;
            proper = proper || capitalised(w[e].raw);
            ++e;
        }
        if (e >= w.size() || !is_body_word(w[e].lower) || !proper) continue;
        const std::string_view agent = sentence.substr(w[a].offset, w[e].offset + w[e].raw.size() - w[a].offset);
        bool own = false;
        for (const auto& n : own_names) own = own || (n.size() == agent.size() && starts_with_ci(n, agent));
        if (!own) return true;
    }
    return false;
}

}  // namespace

std::vector<WordAt> words_at(std::string_view text) {
    std::vector<WordAt> out;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && !is_word_char(text[i])) ++i;
        size_t b = i;
        while (i < text.size() && is_word_char(text[i])) ++i;
        if (i > b) {
            std::string_view raw = text.substr(b, i - b);
            while (!raw.empty() && (raw.back() == '-' || raw.back() == '\'')) raw.remove_suffix(1);
            if (!raw.empty()) out.push_back(WordAt{std::string(raw), lower(raw), b});
        }
    }
    return out;
}

std::vector<std::string> sentences_of(std::string_view text) {
    // Lines joined where a word is hyphenated across them ("Ensign-" +
    // "absent" -> "Ensign-absent"); other line breaks stay, so that a name
    // does not run on over one ("Second by Colin Smith" over the next
    // item's "Police reports").
    std::string joined;
    joined.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && !joined.empty() && joined.back() == '-') continue;
        joined += text[i];
    }
    static const std::array<std::string_view, 12> kAbbreviations = {"mr", "mrs", "ms",  "dr", "cllr", "no",
                                                                     "st", "vs",  "nos", "rev", "prof", "cllrs"};
    std::vector<std::string> out;
    size_t start = 0;
    auto cut = [&](size_t end) {
        std::string s = joined.substr(start, end - start);
        size_t b = s.find_first_not_of(" \t\n");
        if (b != std::string::npos) out.push_back(s.substr(b, s.find_last_not_of(" \t\n") - b + 1));
    };
    auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t'; };
    for (size_t i = 0; i < joined.size(); ++i) {
        const char c = joined[i];
        if (c == '\xe2' && joined.compare(i, 3, "\xe2\x80\xa2") == 0) {  // a bullet
            cut(i);
            start = i + 3;
            i += 2;
            continue;
        }
        // A blank line ends a paragraph and its sentence.
        if (c == '\n' && i + 1 < joined.size() && joined[i + 1] == '\n') {
            cut(i);
            start = i + 1;
            continue;
        }
        if (c != '.' && c != ';' && c != '?' && c != '!') continue;
        if (i + 1 < joined.size() && !space(joined[i + 1])) continue;
        // A sentence goes on after "Rd." when the next word is in lower case.
        size_t n = i + 1;
        while (n < joined.size() && space(joined[n])) ++n;
        if (n < joined.size() && std::islower(static_cast<unsigned char>(joined[n]))) continue;
        if (c == '.') {
            size_t b = i;
            while (b > start && std::isalpha(static_cast<unsigned char>(joined[b - 1]))) --b;
            const std::string prev = lower(std::string_view(joined).substr(b, i - b));
            // "Mr. Ward", "J. Smith": not an end.
            if (one_of(prev, kAbbreviations) || prev.size() == 1) continue;
        }
        cut(i + 1);
        start = i + 1;
    }
    if (start < joined.size()) cut(joined.size());
    return out;
}

bool undertaking_at(const std::vector<WordAt>& w, size_t i) {
    if (i == 0 || i + 1 >= w.size() || w[i].lower != "agreed" || w[i + 1].lower != "to") return false;
    const std::string& who = w[i - 1].raw;
    if (who.empty() || !std::isupper(static_cast<unsigned char>(who[0])) || one_of(w[i - 1].lower, kCollective))
        return false;
    // "GCC agreed to": the body's initials.
    return std::any_of(who.begin(), who.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
}

std::optional<DecisionVerb> decision_verb(std::string_view sentence, const std::vector<std::string>& own_names) {
    const std::vector<WordAt> w = words_at(sentence);
    for (size_t i = 0; i < w.size(); ++i) {
        const std::string& v = w[i].lower;
        if (!one_of(v, kDecisionVerbs)) continue;
        const std::string next = i + 1 < w.size() ? w[i + 1].lower : "";
        // "work was carried out", "passed away", "passed on to".
        if ((v == "carried" || v == "passed") &&
            (next == "out" || next == "on" || next == "away" || next == "to" || next == "through" ||
             next == "over" || next == "forward" || next == "round"))
            continue;
        // Confirmations are decisions only of a record: "the minutes were
        // confirmed"; "Cllr X confirmed that ..." informs.
        if (v == "confirmed" && find_ci(sentence, "minute") == std::string_view::npos &&
            find_ci(sentence, "record") == std::string_view::npos)
            continue;
        // "lost" and "defeated" are a motion's: "the council lost its appeal" is not.
        if (v == "lost" || v == "defeated") {
            bool motion = false;
            for (size_t k = i; k-- > 0 && k + 4 > i;) motion = motion || names_a_motion(w[k].lower);
            if (!motion) continue;
        }
        bool negated = false;
        size_t j = i;
        while (j > 0 && one_of(w[j - 1].lower, kAdverbs)) {
            negated = negated || w[j - 1].lower == "not";
            --j;
        }
        // The words before the verb back to the clause's start (a comma, or
        // the sentence's start).
        auto clause_has_condition = [&](size_t upto) {
            for (size_t k = upto; k-- > 0;) {
                const char* between = sentence.data() + w[k].offset + w[k].raw.size();
                const char* then = sentence.data() + w[k + 1].offset;
                if (std::find(between, then, ',') != then) break;
                if (one_of(w[k].lower, kConditions)) return true;
            }
            return false;
        };
        // "were proposed, seconded and accepted": the auxiliary of the first
        // of verbs joined.
        // "The Board reviewed and accepted": the subject of the first.
        for (size_t k = j; k > 1; --k) {
            const std::string& p = w[k - 1].lower;
            if (p == "and" || p == "or" || (p.size() > 3 && p.compare(p.size() - 2, 2, "ed") == 0)) {
                const std::string& q = w[k - 2].lower;
                if (q == "was" || q == "were" || one_of(q, kCollective) ||
                    std::find(own_names.begin(), own_names.end(), w[k - 2].raw) != own_names.end()) {
                    j = k - 1;
                    break;
                }
                continue;
            }
            break;
        }
        const std::string before = j > 0 ? w[j - 1].lower : "";
        const std::string before2 = j > 1 ? w[j - 2].lower : "";
        // "RESOLVED that ...", "AGREED:", "Approved by roll call vote ...",
        // "Carried.": the verb opens the sentence (after an item's label).
        // ... or after a label: "Decision: Granted", "Resolved: Agreed".
        const bool opens = j == 0 || (j == 1 && (std::isdigit(static_cast<unsigned char>(w[0].raw[0])) ||
                                                w[0].lower == "decision" || w[0].lower == "resolution" ||
                                                w[0].lower == "outcome"));
        // "Approved by ...", "Agreed on 27th February": a heading such as
        // "Agreed Actions" is not a decision.
        const bool heading = !all_caps(w[i].raw) && i + 1 < w.size() && capitalised(w[i + 1].raw);
        if (opens && !heading && (all_caps(w[i].raw) || capitalised(w[i].raw))) {
            // "Arranged ..." opens a list; "Failed to ..." says what did not happen.
            if (v == "arranged" || (v == "failed" && next == "to")) continue;
            return DecisionVerb{v, i, negated};
        }
        if (v == "arranged") {
            // Only "it was arranged that ...".
            if (before == "was" && before2 == "it" && next == "that") return DecisionVerb{v, i, negated};
            continue;
        }
        // "were voted in by the society membership": a ballot's result announced;
        // only "Members voted to ..." decides.
        if ((before == "was" || before == "were" || before == "is" || before == "are") && v != "voted") {
            // "has been agreed", "to be approved", "as was agreed": not this meeting's decision.
            if (before2 == "has" || before2 == "have" || before2 == "had" || before2 == "as") continue;
            // "a previous application which was granted": what a thing is, not a
            // decision; "He was appointed an MBE in 2010": a life told (a tribute).
            if (before2 == "which" || before2 == "who" || before2 == "he" || before2 == "she") continue;
            if (clause_has_condition(j - 1)) continue;
            if (reports_another_meeting(sentence)) continue;
            if (by_another_body(sentence, w, i, own_names)) continue;
            // "... were approved by Argyll & Bute Council": another body's.
            if (next == "by" && i + 2 < w.size()) {
                const WordAt& agent = w[i + 2];
                const bool own = one_of(agent.lower, kCollective) || agent.lower == "the" || agent.lower == "roll" ||
                                 agent.lower == "email" || agent.lower == "e-mail" || agent.lower == "a" ||
                                 agent.lower == "show" || agent.lower == "acclamation" || agent.lower == "consensus" ||
                                 agent.lower == "vote" || agent.lower == "majority" ||
                                 std::find(own_names.begin(), own_names.end(), agent.raw) != own_names.end();
                if (!own) continue;
                if (agent.lower == "the" && i + 3 < w.size() && !one_of(w[i + 3].lower, kCollective)) continue;
            }
            return DecisionVerb{v, i, negated};
        }
        if (before == "has" || before == "have" || before == "had" || before == "been" || before == "be" ||
            before == "to" || before == "will" || before == "would")
            continue;
        // Active: the meeting is the subject. "the Committee agreed", "GCC
        // members agreed", "Councillors resolved", "Motion carried".
        if (j == 0) continue;
        const WordAt& subject = w[j - 1];
        const bool collective = one_of(subject.lower, kCollective) ||
                                std::find(own_names.begin(), own_names.end(), subject.raw) != own_names.end();
        const bool motion_subject = (v == "carried" || v == "passed" || v == "failed" || v == "lost" ||
                                     v == "defeated") &&
                                    names_a_motion(subject.lower);
        if (!collective && !motion_subject) continue;
        // "At that meeting, Members agreed to refer ...": another meeting's decision.
        if (reports_another_meeting(sentence)) continue;
        if (v == "failed" && !motion_subject) continue;
        if (clause_has_condition(j - 1)) continue;
        return DecisionVerb{v, i, negated};
    }
    // "all Board members were in agreement", "with all in favour".
    if (find_ci(sentence, "agreement") == std::string_view::npos && find_ci(sentence, "favo") == std::string_view::npos)
        return std::nullopt;
    static const std::regex agreement(R"(\b(all|everyone)\b[^.;]{0,40}\b(in agreement|in favou?r)\b)");
    if (std::regex_search(lower(sentence), agreement)) return DecisionVerb{"agreed", 0, false};
    return std::nullopt;
}

std::vector<std::string> own_names_of(const Meeting& meeting) {
    std::vector<std::string> out;
    for (const std::string* name : {&meeting.council, &meeting.committee}) {
        if (!name->empty()) out.push_back(*name);
        // The initials of a body's name, as its members write it: "GCC" for
        // "Garelochhead Community Council".
        std::string initials;
        for (const WordAt& w : words_at(*name)) {
            if (capitalised(w.raw)) initials += w.raw[0];
        }
        if (initials.size() >= 2 && std::find(out.begin(), out.end(), initials) == out.end()) out.push_back(initials);
        // The word that names what the body is, as it calls itself: "the
        // Authority" of the Norwalk Housing Authority, "the Board" of the
        // Lincoln Township Board, "the Commission".
        std::vector<WordAt> words = words_at(*name);
        if (words.size() >= 2 && capitalised(words.back().raw) &&
            std::find(out.begin(), out.end(), words.back().raw) == out.end())
            out.push_back(words.back().raw);
    }
    return out;
}

namespace {

// The kind of the decision a sentence records, from its verb and what the
// verb governs: "agreed to defer" is deferred, "were accepted" approved.
std::string kind_of(const std::string& sentence, const DecisionVerb& v) {
    const std::string& verb = v.verb;
    if (verb == "refused" || verb == "rejected" || verb == "failed" || verb == "lost" || verb == "defeated")
        return "rejected";
    if (verb == "deferred") return "deferred";
    if (verb == "endorsed") return v.negated ? "rejected" : "endorsed";
    if (verb == "resolved" || verb == "agreed" || verb == "decided" || verb == "arranged" || verb == "voted") {
        if (v.negated) return "rejected";
        const std::vector<WordAt> w = words_at(sentence);
        const size_t from = v.word < w.size() ? w[v.word].offset : 0;
        std::string kind = decision_kind(std::string_view(sentence).substr(from));
        if (kind == "other" && verb != "resolved") kind = "agreed";
        return kind;
    }
    return v.negated ? "rejected" : "approved";
}

}  // namespace

std::string resolution_number(std::string_view text) {
    if (find_ci(text, "resolution") == std::string_view::npos) return "";
    // "RESOLUTION NO. 15-3", "Resolution #2021-07", "Resolution 2021-07":
    // a number with a dash or slash unless "No." or "#" says it is one.
    static const std::regex re(
        R"(\bresolution\s+(?:(?:no\.?|number|#)\s*([a-z]{0,3}-?\d{1,4}(?:[-/.]\d{1,4})*)|([a-z]{0,3}-?\d{1,4}[-/]\d{1,4}(?:[-/]\d{1,4})*))\b)",
        std::regex::icase);
    std::match_results<std::string_view::const_iterator> m;
    if (!std::regex_search(text.begin(), text.end(), m, re)) return "";
    return m[1].matched ? m[1].str() : m[2].str();
}

void read_decision(std::string_view text, const std::vector<std::string>& own_names,
                   const std::vector<std::string>& attendees, MinuteItem& item) {
    item.motions = motions_in(text, attendees);
    const std::string number = resolution_number(text);
    if (item.resolution) {
        item.resolution->number = number;
        return;
    }
    const std::vector<std::string> sentences = sentences_of(text);
    for (size_t i = 0; i < sentences.size(); ++i) {
        auto v = decision_verb(sentences[i], own_names);
        if (!v) continue;
        Resolution r;
        r.text = sentences[i];
        r.kind = kind_of(sentences[i], *v);
        r.number = number;
        item.resolution = std::move(r);
        return;
    }
    // A numbered resolution is a decision wherever the minutes print it.
    if (!number.empty()) {
        Resolution r;
        r.text = std::string(text.substr(0, std::min<size_t>(text.size(), 600)));
        r.kind = decision_kind(text);
        r.number = number;
        item.resolution = std::move(r);
        return;
    }
    // A motion seconded, voted on or with its result printed decides: "The
    // minutes ... were proposed, seconded and accepted", "Proposed by X -
    // Second by Y".
    for (const Motion& m : item.motions) {
        if (m.seconded_by.empty() && m.result == MotionResult::kNotStated && !m.votes_for) continue;
        Resolution r;
        r.text = m.text;
        if (m.result == MotionResult::kFailed) {
            r.kind = "rejected";
        } else if (m.result == MotionResult::kWithdrawn) {
            r.kind = "other";
        } else {
            r.kind = decision_kind(m.text);
            if (r.kind == "other") r.kind = "approved";
        }
        item.resolution = std::move(r);
        return;
    }
}

}  // namespace minutebook::structure
