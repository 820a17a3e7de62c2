#include "core/names.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/name_words.h"

namespace minutebook {
using namespace name_words;
namespace {

// Letters and digits only, lower case: "Ogle- Welbourn" and "OgleWelbourn"
// give the same key.
std::string compact(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (is_letter(c) || is_digit(c)) out += to_lower(c);
    }
    return out;
}

struct Title {
    std::string_view printed;    // lower case, without a full stop
    std::string_view canonical;
    char sex;                    // 'm', 'f' or 0
    bool councillor;
};

constexpr std::array<Title, 26> kTitles = {{
    {"councillor", "Councillor", 0, true},   {"councillors", "Councillor", 0, true},
    {"cllr", "Councillor", 0, true},         {"cllrs", "Councillor", 0, true},
    {"councilmember", "Councilmember", 0, true},
    {"commissioner", "Commissioner", 0, false},
    {"commissioners", "Commissioner", 0, false},
    {"mr", "Mr", 'm', false},                {"mrs", "Mrs", 'f', false},
    {"ms", "Ms", 'f', false},                {"miss", "Miss", 'f', false},
    {"mx", "Mx", 0, false},                  {"dr", "Dr", 0, false},
    {"prof", "Prof", 0, false},              {"professor", "Professor", 0, false},
    {"sir", "Sir", 'm', false},              {"dame", "Dame", 'f', false},
    {"lord", "Lord", 'm', false},            {"lady", "Lady", 'f', false},
    {"baroness", "Baroness", 'f', false},    {"rev", "Rev", 0, false},
    {"revd", "Revd", 0, false},              {"reverend", "Reverend", 0, false},
    {"mayor", "Mayor", 0, false},            {"alderman", "Alderman", 0, false},
    {"canon", "Canon", 0, false},
}};

const Title* find_title(std::string_view word) {
    if (!word.empty() && word.back() == '.') word.remove_suffix(1);
    for (const Title& t : kTitles) {
        if (iequals(word, t.printed)) return &t;
    }
    return nullptr;
}

// Letters after a name that are not part of it.
constexpr std::array<std::string_view, 17> kHonours = {
    "cb", "cbe", "cmc", "dbe", "dl", "esq",
    "frs", "jp", "kbe", "kc", "mbe", "mep",
    "mp", "obe", "phd", "qc", "rn",
};
static_assert(std::is_sorted(kHonours.begin(), kHonours.end()));

bool is_honour(std::string_view word) {
    if (word.size() < 2 || word.size() > 3) return false;
    bool caps = std::none_of(word.begin(), word.end(), is_lower);
    return (caps || word == "PhD" || word == "Esq") && in_list(kHonours, word);
}

// Words that make a post (or a body) of what would otherwise read as a name.
constexpr std::array<std::string_view, 71> kPostWords = {
    "academy", "accountant", "adviser", "advisor", "analyst", "assistant",
    "association", "auditor", "authority", "board", "borough", "cabinet",
    "chair", "chairman", "chairwoman", "chief", "church", "city",
    "clerk", "co-ordinator", "college", "commissioner", "committee", "consultant",
    "consulting", "coordinator", "council", "counsel", "county", "democratic",
    "department", "deputy", "diocese", "director", "directorate", "directors",
    "district", "engineer", "executive", "government", "group", "headteacher",
    "inspector", "leader", "limited", "ltd", "manager", "managers",
    "member", "members", "nhs", "office", "officer",
    "officers", "panel", "parish", "partnership", "planner", "plc",
    "psychologist", "school", "secretary", "service", "services", "solicitor",
    "sub-committee", "surveyor", "team", "treasurer", "trust", "unit",
};
static_assert(std::is_sorted(kPostWords.begin(), kPostWords.end()));

// Capitalised words of council papers that are not names when no title
// stands before them.
constexpr std::array<std::string_view, 152> kNotNameWords = {
    "absent", "action", "actions", "actual", "adoption", "adults", "agenda",
    "agreed", "all", "also", "amber", "and", "annex", "announcements",
    "apologies", "appendix", "appointed", "approved", "april", "assurance", "attendance",
    "august", "background", "budget", "care", "chapter", "children",
    "closed", "complete", "completed", "contact", "corporate", "date", "december",
    "decision", "decisions", "development", "draft", "education", "email", "england",
    "families", "family", "february", "finance", "for", "forward", "fostering",
    "friday", "from", "general", "governance", "green", "health", "high",
    "i", "improvement", "in", "introduction", "issues", "it", "item",
    "items", "january", "july", "june", "key", "legal",
    "low", "main", "march", "may", "medium", "meeting", "meetings",
    "minute", "minutes", "monday", "name", "next", "nil", "no",
    "none", "not", "note", "noted", "notes", "november", "october",
    "of", "on", "on-going", "ongoing", "open", "other", "others",
    "outcome", "outcomes", "page", "parenting", "part", "people", "plan",
    "planning", "policy", "post", "practice", "present", "previous", "priority",
    "progress", "public", "purpose", "quality", "recommendation", "red", "report",
    "reports", "reps", "resolved", "response", "risk", "risks", "role",
    "saturday", "section", "see", "september", "settings", "social", "status",
    "strategy", "subject", "summary", "sunday", "table", "tbc", "tel",
    "telephone", "the", "thursday", "timescale", "total", "tuesday", "unsure",
    "update", "updates", "vacant", "various", "wednesday", "welcome", "yes",
};
static_assert(std::is_sorted(kNotNameWords.begin(), kNotNameWords.end()));

// Lower-case words allowed inside a name: "Ursula von der Leyen".
constexpr std::array<std::string_view, 13> kParticles = {
    "al", "bin", "da", "de", "del", "della", "den",
    "der", "di", "du", "le", "van", "von",
};
static_assert(std::is_sorted(kParticles.begin(), kParticles.end()));

// Printed before a name in some lists: "Vice Chair Valencia", "co-opted
// member F Vettese".
constexpr std::array<std::string_view, 8> kLeadingRoles = {
    "co-opted member", "co-opted members", "vice chairman", "vice-chairman",
    "vice chair",      "vice-chair",       "chairman",      "chair"};

// A post word of seven letters or more printed with one letter left out
// ("Construction Programme Manger"). Shorter ones are too close to
// surnames ("Clerk", "Clark").
bool misprints_post_word(std::string_view w) {
    if (w.size() < 6) return false;
    for (std::string_view post : kPostWords) {
        if (post.size() != w.size() + 1) continue;
        size_t k = 0;
        while (k < w.size() && w[k] == post[k]) ++k;
        if (post.substr(k + 1) == w.substr(k)) return true;
    }
    return false;
}

bool is_post_word(const std::vector<std::string_view>& words, size_t i) {
    std::string w = lower(words[i]);
    while (!w.empty() && !is_letter(w.back())) w.pop_back();
    if (w.ends_with("'s")) w.resize(w.size() - 2);
    // "Head of Service" is a post; "Mrs C Head" is a person.
    if (w == "head") return i + 1 < words.size() && iequals(words[i + 1], "of");
    return in_list(kPostWords, w) || misprints_post_word(w);
}

bool is_not_name_word(std::string_view word) {
    std::string w = lower(word);
    while (!w.empty() && !is_letter(w.back())) w.pop_back();
    return in_list(kNotNameWords, w);
}

// "S", "S.", "SJ", "S.J.": initials rather than a forename.
bool is_initials(std::string_view word) {
    std::string letters;
    for (char c : word) {
        if (c == '.') continue;
        if (!is_upper(c)) return false;
        letters += c;
    }
    return !letters.empty() && letters.size() <= 3;
}

bool is_name_word(std::string_view word) {
    if (word.empty()) return false;
    if (!is_upper(word[0]) && !is_high(word[0])) return false;
    for (char c : word) {
        if (!(is_letter(c) || c == '\'' || c == '-' || c == '.')) return false;
    }
    return true;
}

// The head of `text` before a separator that starts a post or a note:
// ", ", ": ", " - ". Sets `tail` to what follows it.
std::string_view split_head(std::string_view text, std::string_view& tail) {
    size_t best = std::string_view::npos;
    size_t skip = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == ',' || c == ';' || c == ':') {
            best = i;
            skip = 1;
            break;
        }
        if (c == '-' && i > 0 && text[i - 1] == ' ' && i + 1 < text.size() && text[i + 1] == ' ') {
            best = i - 1;
            skip = 3;
            break;
        }
    }
    if (best == std::string_view::npos) {
        tail = {};
        return trim(text);
    }
    tail = trim_punct(text.substr(best + skip));
    return trim(text.substr(0, best));
}

// Removes the bracketed groups at the end of `text` ("(Chair)", "(Vice
// Chairwoman)") and returns their contents, joined by "; ".
std::string take_brackets(std::string& text) {
    std::string role;
    for (;;) {
        std::string_view t = trim_punct(text);
        if (t.empty() || t.back() != ')') break;
        int depth = 0;
        size_t open = std::string_view::npos;
        for (size_t i = t.size(); i-- > 0;) {
            if (t[i] == ')') ++depth;
            if (t[i] == '(' && --depth == 0) {
                open = i;
                break;
            }
        }
        if (open == std::string_view::npos) break;
        std::string inner(trim(t.substr(open + 1, t.size() - open - 2)));
        role = role.empty() ? inner : inner + "; " + role;
        text = std::string(trim(t.substr(0, open)));
    }
    // A bracket in the middle: "Mr R C Love (Chairman), OBE".
    size_t open = text.find('(');
    size_t close = text.find(')', open == std::string::npos ? 0 : open);
    if (open != std::string::npos && close != std::string::npos) {
        std::string inner(trim(std::string_view(text).substr(open + 1, close - open - 1)));
        role = role.empty() ? inner : inner + "; " + role;
        text = std::string(trim(std::string_view(text).substr(0, open))) + text.substr(close + 1);
    }
    return role;
}

// Drops honours at the end: "Mr R C Love, OBE", "Sir Paul Carter, CBE".
void drop_honours(std::string& text) {
    for (;;) {
        std::string_view t = trim_punct(text);
        size_t space = t.find_last_of(" ,");
        if (space == std::string_view::npos) break;
        std::string_view last = t.substr(space + 1);
        if (!is_honour(last)) break;
        text = std::string(trim_punct(t.substr(0, space)));
    }
}

std::string join_words(const std::vector<std::string_view>& words, size_t from, size_t to) {
    std::string out;
    for (size_t i = from; i < to; ++i) {
        if (!out.empty()) out += ' ';
        out += words[i];
    }
    return out;
}

std::string initials_of(std::string_view word) {
    std::string out;
    for (char c : word) {
        if (is_letter(c)) out += to_upper(c);
    }
    return out;
}

// The UTF-8 bytes of the first character of `word`, in upper case if ASCII.
std::string first_letter(std::string_view word) {
    if (word.empty()) return "";
    size_t n = 1;
    while (n < word.size() && (static_cast<unsigned char>(word[n]) & 0xC0) == 0x80) ++n;
    std::string out(word.substr(0, n));
    out[0] = to_upper(out[0]);
    return out;
}

// Reads the words of a name (no title, no role) into `p`.
bool assign_name_words(const std::vector<std::string_view>& words, PersonName& p) {
    if (words.empty()) return false;
    size_t i = 0;
    std::string pre;
    size_t last = words.size() - 1;
    while (i < last && is_initials(words[i])) pre += initials_of(words[i++]);
    if (i < last && !is_initials(words[i])) p.forename = std::string(words[i++]);
    std::string mid;
    while (i < last && is_initials(words[i])) mid += initials_of(words[i++]);
    p.surname = join_words(words, i, words.size());
    p.initials = pre + (p.forename.empty() ? "" : first_letter(p.forename)) + mid;
    return !p.surname.empty() && !is_initials(words[last]);
}

struct Parsed {
    PersonName name;
    char sex = 0;
};

std::optional<Parsed> parse(std::string_view raw) {
    std::string text = tidy(raw);
    text = std::string(trim_punct(text));
    // "Claire Betteridge Post: Service Development Manager Email: ...": a
    // contact block flattened onto one line.
    for (std::string_view label : {" Post:", " Role:", " Email:", " Tel:"}) {
        size_t at = text.find(label);
        if (at != std::string::npos) text.resize(at);
    }
    Parsed out;
    PersonName& p = out.name;
    std::string lead_role;
    for (std::string_view r : kLeadingRoles) {
        if (istarts_with(text, r) && text.size() > r.size() && text[r.size()] == ' ') {
            std::string rest(trim(std::string_view(text).substr(r.size())));
            if (!rest.empty() && (is_upper(rest[0]) || is_high(rest[0]))) {
                lead_role = text.substr(0, r.size());
                text = rest;
            }
            break;
        }
    }
    p.role = take_brackets(text);
    drop_honours(text);

    std::vector<std::string_view> all = split_words(text);
    if (all.size() >= 2) {
        if (const Title* t = find_title(all[0])) {
            std::string_view next = all[1];
            if (is_upper(next[0]) || is_high(next[0])) {
                p.title = std::string(t->canonical);
                p.councillor = t->councillor;
                out.sex = t->sex;
                size_t cut = all[1].data() - text.data();
                text = text.substr(cut);
            }
        }
    }
    std::string_view tail;
    std::string_view head = split_head(text, tail);
    std::vector<std::string_view> words = split_words(head);
    if (words.empty() || (words.size() == 1 && find_title(words[0]))) return std::nullopt;
    for (size_t i = 0; i < words.size(); ++i) {
        bool inner = i > 0 && i + 1 < words.size();
        if (!is_name_word(words[i]) && !(inner && in_list(kParticles, words[i]))) {
            return std::nullopt;
        }
    }
    if (p.title.empty()) {
        if (words.size() > 4) return std::nullopt;
        for (size_t i = 0; i < words.size(); ++i) {
            if (is_not_name_word(words[i]) || is_post_word(words, i)) return std::nullopt;
        }
        // "LSRCC", "OBE": an acronym, not a surname.
        if (words.size() == 1 && words[0].size() > 1 &&
            std::none_of(words[0].begin(), words[0].end(), is_lower)) {
            return std::nullopt;
        }
    } else if (words.size() > 6) {
        return std::nullopt;
    }
    if (!assign_name_words(words, p)) return std::nullopt;

    std::string role;
    auto add_role = [&](std::string_view r) {
        if (r.empty()) return;
        if (!role.empty()) role += "; ";
        role += r;
    };
    add_role(lead_role);
    add_role(tail);
    add_role(p.role);
    p.role = role;
    return out;
}

// ---- Matching people ----

// Short forms of forenames that are not prefixes of the full one.
constexpr std::array<std::pair<std::string_view, std::string_view>, 30> kShortForms = {{
    {"andy", "andrew"},      {"beth", "elizabeth"},   {"bill", "william"},
    {"bob", "robert"},       {"cathy", "catherine"},  {"charlie", "charles"},
    {"dave", "david"},       {"di", "diana"},         {"dick", "richard"},
    {"ed", "edward"},        {"harry", "henry"},      {"jack", "john"},
    {"jenny", "jennifer"},   {"jim", "james"},        {"jo", "joanna"},
    {"jo", "joanne"},        {"jo", "josephine"},     {"kate", "catherine"},
    {"kate", "katherine"},   {"lis", "elizabeth"},    {"liz", "elizabeth"},
    {"maggie", "margaret"},  {"mick", "michael"},     {"mike", "michael"},
    {"peggy", "margaret"},   {"rick", "richard"},     {"steve", "stephen"},
    {"sue", "susan"},        {"ted", "edward"},       {"tony", "anthony"},
}};

bool forenames_compatible(std::string_view a, std::string_view b) {
    std::string x = lower(a);
    std::string y = lower(b);
    if (x == y) return true;
    if (x.size() > y.size()) std::swap(x, y);
    if (x.size() >= 3 && y.starts_with(x)) return true;  // "Sam", "Samantha"
    for (const auto& [short_form, full] : kShortForms) {
        if ((x == short_form && y == full) || (y == short_form && x == full)) return true;
    }
    return false;
}

bool compatible(const PersonName& a, char sex_a, const PersonName& b, char sex_b) {
    if (compact(a.surname) != compact(b.surname)) return false;
    if (sex_a != 0 && sex_b != 0 && sex_a != sex_b) return false;
    if (!a.forename.empty() && !b.forename.empty()) {
        return forenames_compatible(a.forename, b.forename);
    }
    if (!a.initials.empty() && !b.initials.empty()) {
        const std::string& shorter = a.initials.size() <= b.initials.size() ? a.initials : b.initials;
        const std::string& longer = a.initials.size() <= b.initials.size() ? b.initials : a.initials;
        return longer.starts_with(shorter);
    }
    return true;
}

bool same_identity(const PersonName& a, const PersonName& b) {
    return compact(a.surname) == compact(b.surname) && lower(a.forename) == lower(b.forename) &&
           a.initials == b.initials;
}

// "Ogle-Welbourn" over "Ogle Welbourn" over "OgleWelbourn".
int surname_shape(std::string_view surname) {
    if (surname.find('-') != std::string_view::npos) return 2;
    if (surname.find(' ') != std::string_view::npos) return 1;
    return 0;
}

void merge_into(PersonName& into, const PersonName& from) {
    if (from.forename.size() > into.forename.size()) into.forename = from.forename;
    // The initials kept must begin with the forename's: "Anthony" is not "T".
    std::string lead = into.forename.empty() ? "" : first_letter(into.forename);
    auto fits = [&](const std::string& initials) {
        return !initials.empty() && (lead.empty() || initials.starts_with(lead));
    };
    if (fits(from.initials) &&
        (!fits(into.initials) || from.initials.size() > into.initials.size())) {
        into.initials = from.initials;
    }
    if (surname_shape(from.surname) > surname_shape(into.surname)) into.surname = from.surname;
    if (into.title.empty()) into.title = from.title;
    if (into.role.empty()) into.role = from.role;
    into.councillor = into.councillor || from.councillor;
}

std::string spaced_initials(std::string_view initials) {
    std::string out;
    for (char c : initials) {
        if (!out.empty()) out += ' ';
        out += c;
    }
    return out;
}

// A typed name in lower case ("s bywater") as it would be printed.
std::string capitalise_typed(std::string_view typed) {
    std::string t = tidy(typed);
    if (std::any_of(t.begin(), t.end(), is_upper)) return t;
    std::vector<std::string_view> words = split_words(t);
    std::string out;
    for (size_t i = 0; i < words.size(); ++i) {
        std::string w(words[i]);
        bool initials = i + 1 < words.size() && w.size() <= 2 && !find_title(w);
        for (size_t k = 0; k < w.size(); ++k) {
            if (k == 0 || initials || (w[k - 1] == '-' || w[k - 1] == '\'')) w[k] = to_upper(w[k]);
        }
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

}  // namespace

std::string PersonName::display() const {
    if (!forename.empty()) return forename + " " + surname;
    if (!initials.empty()) return spaced_initials(initials) + " " + surname;
    return surname;
}

std::optional<PersonName> parse_person(std::string_view raw) {
    std::optional<Parsed> p = parse(raw);
    if (!p) return std::nullopt;
    return p->name;
}

bool is_post(std::string_view text) {
    std::string t = tidy(text);
    take_brackets(t);
    std::string_view tail;
    std::string_view head = split_head(t, tail);
    std::vector<std::string_view> words = split_words(head);
    if (words.empty()) return false;
    if (words.size() >= 2 && find_title(words[0]) && (is_upper(words[1][0]) || is_high(words[1][0]))) {
        return false;
    }
    for (size_t i = 0; i < words.size(); ++i) {
        if (is_post_word(words, i)) return true;
    }
    return false;
}

std::optional<std::string> substitute_of(std::string_view listed) {
    std::string t = tidy(listed);
    std::string l = lower(t);
    static constexpr std::string_view kSubstituted = "substituted by ";
    size_t at = l.find(kSubstituted);
    if (at == std::string::npos) return std::nullopt;
    std::string_view rest = std::string_view(t).substr(at + kSubstituted.size());
    size_t close = rest.find(')');
    if (close != std::string_view::npos) rest = rest.substr(0, close);
    rest = trim_punct(rest);
    if (!parse(rest)) return std::nullopt;
    return std::string(rest);
}

namespace {

// A piece of a list and the separator printed before it.
struct Piece {
    std::string_view text;
    std::string_view separator;
};

bool title_starts_at(std::string_view s, size_t i) {
    if (i > 0 && s[i - 1] != ' ') return false;
    if (!is_upper(s[i])) return false;
    size_t e = i;
    while (e < s.size() && s[e] != ' ') ++e;
    const Title* t = find_title(s.substr(i, e - i));
    if (!t || e + 1 >= s.size()) return false;
    char next = s[e + 1];
    return is_upper(next) || is_high(next);
}

std::vector<Piece> split_pieces(std::string_view s) {
    std::vector<Piece> out;
    int depth = 0;
    size_t begin = 0;
    std::string_view separator;
    auto cut = [&](size_t end, size_t next, std::string_view sep) {
        std::string_view piece = trim_punct(s.substr(begin, end - begin));
        if (!piece.empty()) out.push_back({piece, separator});
        separator = sep;
        begin = next;
    };
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '(') ++depth;
        if (c == ')' && depth > 0) {
            --depth;
            // "Jane Archer (JA) Kate Kay (KK)": a bracket closes a name.
            if (depth == 0 && i + 2 < s.size() && s[i + 1] == ' ' &&
                (is_upper(s[i + 2]) || is_high(s[i + 2])) && !is_honour(s.substr(i + 2, 3))) {
                cut(i + 1, i + 2, " ");
                ++i;
            }
            continue;
        }
        if (depth > 0) continue;
        if (c == ',' || c == ';' || c == '/') {
            // "C Malyon/ M Wade": officers sharing an action. The separator
            // keeps the space after the mark, never part of a character.
            cut(i, i + 1, s.substr(i, i + 1 < s.size() && s[i + 1] == ' ' ? 2 : 1));
        } else if (c == ' ' && (iequals(s.substr(i, 5), " and ") || s.substr(i, 3) == " & ")) {
            size_t len = s[i + 1] == '&' ? 3 : 5;
            cut(i, i + len, s.substr(i, len));
            i += len - 1;
        } else if (i > begin && title_starts_at(s, i) &&
                   !trim_punct(s.substr(begin, i - begin)).empty()) {
            // "Councillor Simone Taylor Dr Andy Stone": a title starts a name.
            std::string_view before = trim_punct(s.substr(begin, i - begin));
            if (parse(before)) cut(i, i, " ");
        }
    }
    cut(s.size(), s.size(), {});
    return out;
}

std::string_view drop_label(std::string_view s) {
    std::string l = lower(s);
    static constexpr std::array<std::string_view, 6> kLeads = {
        "apologies for absence from ", "received from ", "apologies from ",
        "roll call were ",             "participating were ", "attendance were "};
    for (std::string_view lead : kLeads) {
        size_t at = l.find(lead);
        if (at != std::string::npos && at < 120) return s.substr(at + lead.size());
    }
    size_t colon = s.find(':');
    if (colon != std::string_view::npos && colon < 50 &&
        s.substr(0, colon).find_first_of(",(") == std::string_view::npos) {
        return s.substr(colon + 1);
    }
    return s;
}

bool starts_with_leading_role(std::string_view piece) {
    return std::any_of(kLeadingRoles.begin(), kLeadingRoles.end(),
                       [&](std::string_view r) { return istarts_with(piece, r); });
}

}  // namespace

std::vector<std::string> split_name_list(std::string_view list) {
    std::string text = tidy(list);
    std::string_view s = trim_punct(drop_label(text));
    std::string group;
    {
        size_t space = s.find(' ');
        if (space != std::string_view::npos) {
            std::string_view first = s.substr(0, space);
            const Title* t = find_title(first);
            bool plural = !first.empty() && to_lower(first.back()) == 's' && t &&
                          t->printed.back() == 's';
            if (plural) {
                group = std::string(t->canonical);
                s = trim(s.substr(space + 1));
            }
        }
    }
    std::vector<std::string> out;
    for (const Piece& piece : split_pieces(s)) {
        std::string_view p = piece.text;
        if (is_honour(p) && !out.empty()) {
            out.back() += ", ";
            out.back() += p;
            continue;
        }
        if (istarts_with(p, "substituted by ") && !out.empty()) {
            out.back() += " (";
            out.back() += p;
            out.back() += ")";
            continue;
        }
        std::optional<Parsed> parsed = parse(p);
        if (!parsed) {
            // A post or a body after a name: "Jon Young, Church of England Diocese of Ely".
            if (!out.empty()) {
                out.back() += piece.separator.empty() ? std::string_view(", ") : piece.separator;
                if (out.back().back() != ' ') out.back() += ' ';
                out.back() += p;
            }
            continue;
        }
        if (!group.empty() && parsed->name.title.empty() && !starts_with_leading_role(p)) {
            out.push_back(group + " " + std::string(p));
        } else {
            out.emplace_back(p);
        }
    }
    return out;
}

// ---- PeopleRegistry ----

std::optional<size_t> PeopleRegistry::find(const PersonName& name) const {
    char sex = 0;
    if (const Title* t = find_title(name.title)) sex = t->sex;
    std::vector<size_t> candidates;
    for (size_t i = 0; i < entries_.size(); ++i) {
        if (compatible(entries_[i].name, entries_[i].sex, name, sex)) candidates.push_back(i);
    }
    if (candidates.size() == 1) return candidates.front();
    for (size_t i : candidates) {
        if (same_identity(entries_[i].name, name)) return i;
    }
    return std::nullopt;
}

std::string PeopleRegistry::canonical_of(size_t index) const {
    const Entry& e = entries_[index];
    std::string display = e.name.display();
    for (size_t i = 0; i < entries_.size(); ++i) {
        if (i != index && entries_[i].name.display() == display && !e.name.title.empty()) {
            return e.name.title + " " + display;
        }
    }
    return display;
}

std::string PeopleRegistry::add(std::string_view raw) {
    std::optional<Parsed> parsed = parse(raw);
    if (!parsed) return "";
    std::string printed(trim(raw));
    std::optional<size_t> index = find(parsed->name);
    if (!index) {
        entries_.push_back(Entry{parsed->name, {printed}, parsed->sex});
        return canonical_of(entries_.size() - 1);
    }
    Entry& e = entries_[*index];
    merge_into(e.name, parsed->name);
    if (e.sex == 0) e.sex = parsed->sex;
    if (std::find(e.seen.begin(), e.seen.end(), printed) == e.seen.end()) e.seen.push_back(printed);
    return canonical_of(*index);
}

std::string PeopleRegistry::canonical(std::string_view raw) const {
    std::string printed(trim(raw));
    for (size_t i = 0; i < entries_.size(); ++i) {
        const std::vector<std::string>& seen = entries_[i].seen;
        if (std::find(seen.begin(), seen.end(), printed) != seen.end()) return canonical_of(i);
    }
    std::optional<Parsed> parsed = parse(raw);
    if (!parsed) return "";
    std::optional<size_t> index = find(parsed->name);
    return index ? canonical_of(*index) : "";
}

std::map<std::string, std::vector<std::string>> PeopleRegistry::variants() const {
    std::map<std::string, std::vector<std::string>> out;
    for (size_t i = 0; i < entries_.size(); ++i) {
        std::vector<std::string>& v = out[canonical_of(i)];
        v.insert(v.end(), entries_[i].seen.begin(), entries_[i].seen.end());
    }
    return out;
}

bool person_matches(std::string_view canonical, std::string_view typed) {
    std::optional<Parsed> c = parse(canonical);
    std::string t = capitalise_typed(typed);
    if (!c) return !compact(t).empty() && compact(canonical) == compact(t);
    std::optional<Parsed> p = parse(t);
    if (p && compatible(c->name, c->sex, p->name, p->sex)) return true;
    if (p && c->sex != 0 && p->sex != 0 && c->sex != p->sex) return false;
    // "ogle welbourn", "wendi oglewelbourn": the words run together.
    std::vector<std::string_view> words = split_words(t);
    if (!words.empty() && find_title(words[0])) words.erase(words.begin());
    std::string key = compact(join_words(words, 0, words.size()));
    if (key.empty()) return false;
    const PersonName& n = c->name;
    return key == compact(n.surname) || key == compact(n.forename + n.surname) ||
           key == compact(n.initials + n.surname);
}

}  // namespace minutebook
