// Attendance as minutes print it: labelled lists, tables of names with their
// posts beside them, the roll calls of US minutes, apologies sentences.
#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

#include "core/names.h"
#include "indexer/structure_internal.h"

namespace minutebook::structure {
namespace {

struct LabelWords {
    const char* words;
    AttendanceField field;
};

// Longest first, so that "Members of the public" is not read as "Members".
const LabelWords kLabels[] = {
    {"members of the public", AttendanceField::kPublic},
    {"members of public", AttendanceField::kPublic},
    {"apologies for absence", AttendanceField::kApologies},
    {"board members present", AttendanceField::kPresent},
    {"board members absent", AttendanceField::kAbsent},
    {"commissioners present", AttendanceField::kPresent},
    {"commissioners absent", AttendanceField::kAbsent},
    {"councillors present", AttendanceField::kPresent},
    {"members present", AttendanceField::kPresent},
    {"members absent", AttendanceField::kAbsent},
    {"others present", AttendanceField::kInAttendance},
    {"also present", AttendanceField::kInAttendance},
    {"in attendance", AttendanceField::kInAttendance},
    {"attendees", AttendanceField::kPresent},
    {"attending", AttendanceField::kInAttendance},
    {"apologies", AttendanceField::kApologies},
    {"invited", AttendanceField::kInAttendance},
    {"present", AttendanceField::kPresent},
    {"absent", AttendanceField::kAbsent},
    {"guests", AttendanceField::kInAttendance},
    {"public", AttendanceField::kPublic},
};

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

std::string trim_copy(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return std::string(s);
}

// "Acting Chairperson", "Convenor CC", "Chair": the post of who chairs;
// not "Vice Chair", "Vice-Convenor".
bool is_chair_post(std::string_view post) {
    std::string p = lower(trim_copy(post));
    if (p.rfind("acting ", 0) == 0) p.erase(0, 7);
    if (p.size() > 3 && p.compare(p.size() - 3, 3, " cc") == 0) p.resize(p.size() - 3);
    for (const char* chair :
         {"chair", "chairman", "chairwoman", "chairperson", "convenor", "convener"}) {
        if (p == chair) return true;
    }
    return false;
}

// A cell that says what someone is rather than who: "Member CC", "A&B
// Councillor", "Police Scotland", "Public".
bool is_post_cell(std::string_view cell) {
    if (is_post(cell) || !parse_person(cell)) return true;
    static const std::regex post_word(
        R"(\b(member|members|public|councillor|convenor|convener|chair|chairperson|police|msp|mp|guest|resident|residents)\b)",
        std::regex::icase);
    return std::regex_search(std::string(cell), post_word);
}


size_t word_count(std::string_view s) {
    size_t n = 0;
    bool in = false;
    for (char c : s) {
        if (is_space(c))
            in = false;
        else if (!in)
            in = true, ++n;
    }
    return n;
}

// Names of a list sentence: "Ensign, Wray, Trinklein, Duford, Crockett" or
// "Commissioners Perez, Vice Chair Valencia, and Chair Ramirez"; posts before
// a name ("Vice Chair", "Commissioners") and "(alternate)" are dropped.
std::vector<std::string> names_of_clause(std::string clause) {
    static const std::regex posts(
        R"(\b(?:(?:vice[ -])?chair(?:person|man|woman)?|commissioners?|trustees?|directors?|supervisor|treasurer|clerk|secretary|mayor|members?)\s+(?=[A-Z]))",
        std::regex::icase);
    static const std::regex bracket(R"(\s*\([^)]*\))");
    clause = std::regex_replace(clause, bracket, "");
    clause = std::regex_replace(clause, posts, "");
    std::vector<std::string> out;
    for (auto& raw : split_name_list(clause)) {
        std::string n = trim_copy(raw);
        while (!n.empty() && (n.back() == ',' || n.back() == '.')) n.pop_back();
        if (n.rfind("and ", 0) == 0) n.erase(0, 4);
        if (!n.empty() && parse_person(n)) out.push_back(n);
    }
    return out;
}

}  // namespace

std::vector<std::string> cells_of(const std::vector<const Word*>& words, size_t from) {
    std::vector<std::string> cells;
    for (size_t k = from; k < words.size(); ++k) {
        const Word* w = words[k];
        bool gap = k == from || w->x0 - words[k - 1]->x1 > std::max(6.0, 1.2 * (w->y1 - w->y0));
        if (gap) cells.emplace_back();
        std::string& cell = cells.back();
        cell += (cell.empty() ? "" : " ") + w->text;
    }
    // "C Lyne  -  Acting Chairperson", "Tam Ward )": rules and brackets
    // between the columns are not cells.
    std::vector<std::string> out;
    for (auto& c : cells) {
        while (!c.empty() &&
               (c.back() == ' ' || (c.back() == ')' && std::count(c.begin(), c.end(), '(') <
                                                           std::count(c.begin(), c.end(), ')'))))
            c.pop_back();
        if (c.size() > 2 && c.compare(c.size() - 2, 2, " -") == 0) c.resize(c.size() - 2);
        if (!c.empty() && c != "-" && c != "\u2013") out.push_back(c);
    }
    return out;
}

std::optional<AttendanceLabel> attendance_label(std::string_view line) {
    std::string_view l = line;
    // "a. Present", "b. Apologies:" under "1. Introductions and welcome"; "o Commissioners
    // Present:".
    if (l.size() > 3 && std::isalpha(static_cast<unsigned char>(l[0])) &&
        (l[1] == '.' || l[1] == ')') && l[2] == ' ')
        l.remove_prefix(3);
    else if (l.size() > 2 && (l[0] == 'o' || l[0] == '-') && l[1] == ' ')
        l.remove_prefix(2);
    for (const auto& label : kLabels) {
        std::string_view words = label.words;
        if (!starts_with_ci(l, words)) continue;
        std::string_view rest = l.substr(words.size());
        size_t p = 0;
        while (p < rest.size() && is_space(rest[p])) ++p;
        bool colon = p < rest.size() && rest[p] == ':';
        // Without a colon the label stands alone ("PRESENT", "a. Present");
        // "Public comments were heard" is not one.
        if (!colon && p < rest.size()) continue;
        if (colon) ++p;
        return AttendanceLabel{label.field, trim_copy(rest.substr(p))};
    }
    return std::nullopt;
}

std::vector<AttendanceEntry> attendance_table(const std::vector<VisualLine>& lines,
                                              std::string_view label_line, int occurrence) {
    std::vector<AttendanceEntry> out;
    const size_t label_words = word_count(label_line);
    size_t at = lines.size();
    for (size_t k = 0; k < lines.size() && at == lines.size(); ++k) {
        if (lines[k].words.size() < label_words) continue;
        std::string opening;  // the line's first words, as many as the label's
        for (size_t w = 0; w < label_words; ++w)
            opening += (w ? " " : "") + lines[k].words[w]->text;
        if (opening != label_line) continue;
        if (occurrence-- == 0) at = k;
    }
    if (at == lines.size()) return out;
    std::vector<std::vector<std::string>> rows;
    bool list = false;  // the cells hold a list run over lines ("A (Chair), B, C")
    for (size_t k = at; k < lines.size() && rows.size() < 60; ++k) {
        const VisualLine& vl = lines[k];
        std::vector<std::string> cells = cells_of(vl.words, k == at ? label_words : 0);
        if (k > at) {
            const std::string text = vl.text();
            if (attendance_label(text) || (!cells.empty() && attendance_label(cells.front())))
                break;
            if (parse_minute_heading(text) || parse_item_label(text) || is_footer_line(text) ||
                starts_with_ci(text, "page "))
                break;
            // Prose below the table (a post beside a name may be long).
            if (!list && !cells.empty() && word_count(cells.front()) > 6 &&
                cells.front().find(',') == std::string::npos)
                break;
            if (vl.y0 - lines[k - 1].y1 > 2.5 * std::max(1.0, vl.y1 - vl.y0)) break;
        }
        if (cells.empty()) continue;
        if (rows.empty() && cells.size() == 1 && cells[0].find(',') != std::string::npos)
            list = true;
        rows.push_back(std::move(cells));
    }
    if (list) {
        std::string joined;
        for (const auto& r : rows) {
            for (const auto& c : r) joined += (joined.empty() ? "" : " ") + c;
        }
        for (auto& n : split_name_list(joined)) out.push_back(AttendanceEntry{n, ""});
        return out;
    }
    // Which columns after the first hold names rather than posts: most of
    // their cells read as people's names, not posts.
    size_t columns = 0;
    for (const auto& r : rows) columns = std::max(columns, r.size());
    std::vector<bool> names_column(columns, false);
    if (columns > 0) names_column[0] = true;
    for (size_t c = 1; c < columns; ++c) {
        int cells = 0, named = 0;
        for (const auto& r : rows) {
            if (c >= r.size()) continue;
            ++cells;
            named += is_post_cell(r[c]) ? 0 : 1;
        }
        names_column[c] = cells > 0 && named * 2 > cells;
    }
    for (const auto& r : rows) {
        for (size_t c = 0; c < r.size(); ++c) {
            if (!names_column[c]) continue;
            // "Colin Taylor,  Convenor": the comma parts name and post.
            std::string name = r[c];
            while (!name.empty() && (name.back() == ',' || name.back() == ' ')) name.pop_back();
            AttendanceEntry e{name, ""};
            for (size_t d = c + 1; d < r.size() && !names_column[d]; ++d)
                e.post += (e.post.empty() ? "" : " ") + r[d];
            out.push_back(std::move(e));
        }
    }
    return out;
}

bool chairs(const AttendanceEntry& entry) {
    return is_chair_post(entry.post);
}

RollCall read_roll_call(std::string_view text) {
    RollCall rc;
    std::string t(text);
    static const std::regex guests(
        R"((?:,?\s*and\s+)?\b(\d{1,4})\s+(?:guests|members of the public|visitors)\b)",
        std::regex::icase);
    std::smatch m;
    if (std::regex_search(t, m, guests)) rc.public_count = std::stoi(m[1].str());
    // "called to order by Chairperson Sheila Mesler", "Chair Ramirez called the meeting to order".
    static const std::regex chair_by(
        R"(called to order[^.]*?\bby\s+(?:the\s+)?(?:[Vv]ice\s+)?[Cc]hair(?:person|man|woman)?\s+((?:[A-Z][A-Za-z'\-]+\s?){1,3}))");
    static const std::regex chair_subject(
        R"(\b(?:Chair(?:person|man|woman)?)\s+([A-Z][A-Za-z'\-]+)\s+called\b[^.]*\bto order)");
    if (std::regex_search(t, m, chair_by) || std::regex_search(t, m, chair_subject)) {
        std::string name = trim_copy(m[1].str());
        if (size_t at = name.find(" at"); at != std::string::npos) name.resize(at);
        if (parse_person(name)) rc.chair = name;
    }
    // "called to order ... with Wray, Duford, Trinklein, Crockett present, Ensign absent, and 2
    // guests."
    static const std::regex with(R"(called to order\b[^.]*?\bwith\s+([^.]*))", std::regex::icase);
    // "Roll call was taken: A, B, and C (alternate), were present. D was absent."
    static const std::regex taken(
        R"(\broll call(?: was taken)?\s*:\s*([^.]*?)\s*,?\s*were present\b)", std::regex::icase);
    // "Responding to roll call were Commissioners Perez, Vice Chair Valencia, and Chair Ramirez in
    // person."
    static const std::regex responding(
        R"(\bresponding to (?:the )?roll call were\s+([^.]*?)(?:\s+in person)?\.)",
        std::regex::icase);
    static const std::regex absent_sentence(
        R"((?:^|\.\s+)([A-Z][^.]*?)\s+(?:was|were)\s+absent\b)");
    static const std::regex present_label(R"(\bpresent\s*:\s*([^.]*))", std::regex::icase);
    static const std::regex absent_label(R"(\babsent\s*:\s*([^.]*))", std::regex::icase);
    if (std::regex_search(t, m, with)) {
        std::string clause = std::regex_replace(m[1].str(), guests, "");
        // Each "present" or "absent" closes the names before it.
        static const std::regex part(R"(([\s\S]*?)\b(present|absent)\b)", std::regex::icase);
        for (auto it = std::sregex_iterator(clause.begin(), clause.end(), part);
             it != std::sregex_iterator(); ++it) {
            auto names = names_of_clause((*it)[1].str());
            auto& into = lower((*it)[2].str()) == "present" ? rc.present : rc.absent;
            into.insert(into.end(), names.begin(), names.end());
        }
    } else if (std::regex_search(t, m, taken) || std::regex_search(t, m, responding)) {
        rc.present = names_of_clause(m[1].str());
    } else if (find_ci(t, "roll call") != std::string::npos &&
               std::regex_search(t, m, present_label)) {
        // "Roll Call: Present: A, B. Absent: C."
        rc.present = names_of_clause(m[1].str());
        if (std::regex_search(t, m, absent_label)) rc.absent = names_of_clause(m[1].str());
    }
    // "Commissioners Davis and Hernandez participated via videoconference."
    static const std::regex remote(
        R"((?:^|\.\s+)([A-Z][^.]*?)\s+participated (?:via|by|remotely)\b)");
    if (!rc.present.empty() && std::regex_search(t, m, remote)) {
        auto names = names_of_clause(m[1].str());
        rc.present.insert(rc.present.end(), names.begin(), names.end());
    }
    if (rc.present.empty()) return RollCall{};
    if (rc.absent.empty() && std::regex_search(t, m, absent_sentence))
        rc.absent = names_of_clause(m[1].str());
    return rc;
}

// ---- Attendance in minutes: labelled fields, apologies sentences, roll calls ----

// Whether a line starts another labelled attendance field, ending a list.
bool is_field_label(std::string_view line) {
    if (attendance_label(line)) return true;
    static const std::regex label(
        R"(^(Present|Apologies|Co-opted|Also present|In attendance|Non-voting|Officers|Date|Time|Venue|Place|Meeting theme|Substitutes?)[^:]{0,30}:)",
        std::regex::icase);
    return std::regex_search(std::string(line), label);
}

namespace {

// "o Others Present: ...", "\uF0B7 Meeting called to order": a point of a bulleted list.
bool opens_with_bullet(std::string_view line) {
    for (std::string_view bullet : {"o ", "- ", "* ", "\u2022", "\uF0B7"}) {
        if (line.substr(0, bullet.size()) == bullet) return true;
    }
    return false;
}

bool is_structure_heading(std::string_view line) {
    static const std::regex caps(R"(^[A-Z][A-Z &'/-]{3,}$)");
    return std::regex_match(std::string(line), caps);
}

// Whether a list's line goes on to the next: it ends in a comma, "and" or
// an open bracket ("Mrs S Hammond" over "(Corporate Director ..."), or the
// next line opens with a bracket or a small letter.
bool list_goes_on(std::string_view line, std::string_view next) {
    if (line.empty()) return true;  // the label alone: the list is below
    if (line.back() == ',' || line.back() == '&' || ends_with_ci(line, " and")) return true;
    if (std::count(line.begin(), line.end(), '(') > std::count(line.begin(), line.end(), ')'))
        return true;
    return !next.empty() &&
           (next.front() == '(' || std::islower(static_cast<unsigned char>(next.front())));
}

// Collects a labelled list that may run over several lines.
std::string collect_list(const TextStream& s, size_t& i, size_t end, std::string first) {
    std::string out = std::move(first);
    size_t j = i + 1;
    while (j < end) {
        const std::string& t = s.lines[j].text;
        if (t.empty() || is_field_label(t) || parse_minute_heading(t) || is_structure_heading(t) ||
            opens_with_bullet(t) ||
            !list_goes_on(s.lines[j - 1].text == s.lines[i].text ? out : s.lines[j - 1].text, t))
            break;
        out += ' ';
        out += t;
        ++j;
    }
    i = j - 1;
    return out;
}

void add_names(std::string_view list, bool councillor, std::vector<std::string>& into,
               std::vector<NameSeen>& names, std::string* chair = nullptr) {
    for (const auto& raw : split_name_list(list)) {
        if (!parse_person(raw)) continue;
        into.push_back(raw);
        names.push_back(NameSeen{raw, councillor});
        if (chair && chair->empty()) {
            std::string l = lower(raw);
            if (l.find("(chair") != std::string::npos) *chair = raw;
        }
    }
}

void read_substitutes(std::string_view list, Attendance& a, std::vector<NameSeen>& names) {
    static const std::regex sub(R"(\(?\s*substituted by\s+([^)]+)\)?)", std::regex::icase);
    std::string text(list);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), sub); it != std::sregex_iterator(); ++it) {
        add_names((*it)[1].str(), true, a.substitutes, names);
    }
}

}  // namespace

// "Apologies for absence were received from Councillor A (substituted by
// Councillor B), Councillor C and Dr D." -> apologies {A, C, D}, substitutes {B}.
void read_apologies_sentence(std::string_view body, Attendance& a, std::vector<NameSeen>& names) {
    std::string text(body);
    size_t from = lower(text).find("received from");
    if (from == std::string::npos) return;
    text = text.substr(from + 13);
    static const std::regex end_of_sentence(R"(\.\s+[A-Z]|\.$)");
    std::smatch m;
    if (std::regex_search(text, m, end_of_sentence)) text = text.substr(0, static_cast<size_t>(m.position(0)));
    static const std::regex sub(R"(,?\s*\(?\s*substituted by\s+([^),]+)\)?)", std::regex::icase);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), sub); it != std::sregex_iterator(); ++it) {
        add_names((*it)[1].str(), true, a.substitutes, names);
    }
    text = std::regex_replace(text, sub, "");
    add_names(text, true, a.apologies, names);
}

// One attendance field at stream line k: its list on the line ("Present:
// Councillors A, B"), or a table below a label standing alone ("Members
// Present:" over names with their posts beside them), read from the page's
// word boxes; without them, the lines below as a list. Sets k to the last
// line read.
void read_attendance_field(const TextStream& s, const std::vector<PageText>& pages, size_t& k,
                           size_t end, const AttendanceLabel& label,
                           std::map<int, std::vector<VisualLine>>& page_lines, Attendance& a,
                           std::vector<NameSeen>& names) {
    const std::string& t = s.lines[k].text;
    std::vector<AttendanceEntry> table;
    if (label.rest.empty()) {
        int occurrence = 0;
        for (size_t j = k; j-- > 0 && s.lines[j].page == s.lines[k].page;)
            occurrence += s.lines[j].text == t ? 1 : 0;
        const std::vector<VisualLine>& lines = lines_of_page(pages, s.lines[k].page, page_lines);
        table = attendance_table(lines, t, occurrence);
        // A post in a table's column ("Public" beside a name) is no label.
        if (table.empty() && !lines.empty()) return;
    }
    std::string list;
    if (table.empty()) {
        list = collect_list(s, k, end, label.rest);
    } else {
        for (const auto& e : table) list += (list.empty() ? "" : ", ") + e.name;
    }
    switch (label.field) {
        case AttendanceField::kPresent:
            if (!table.empty()) {
                for (const auto& e : table) {
                    add_names(e.name, true, a.present, names, &a.chair);
                    if (a.chair.empty() && chairs(e) && !a.present.empty() &&
                        a.present.back() == e.name)
                        a.chair = e.name;
                }
            } else {
                add_names(list, true, a.present, names, &a.chair);
            }
            break;
        case AttendanceField::kApologies: {
            read_substitutes(list, a, names);
            static const std::regex sub(R"(\(?\s*substituted by\s+[^)]+\)?)", std::regex::icase);
            add_names(std::regex_replace(list, sub, ""), true, a.apologies, names);
            break;
        }
        case AttendanceField::kAbsent:
            add_names(list, true, a.absent, names);
            break;
        case AttendanceField::kInAttendance: {
            // Officers are listed with their post in brackets: keep the name.
            static const std::regex post(R"(\([^)]*\))");
            add_names(std::regex_replace(list, post, ""), false, a.in_attendance, names);
            break;
        }
        case AttendanceField::kPublic: {
            // Members of the public are not councillors or officers: kept as printed.
            if (starts_with_ci(list, "none") || starts_with_ci(list, "nil")) a.public_count = 0;
            for (const auto& raw : split_name_list(list)) {
                if (auto p = parse_person(raw)) a.public_members.push_back(p->display());
            }
            break;
        }
    }
}

// The roll call in the opening lines [begin, end) of US minutes.
void read_roll_call_lines(const TextStream& s, size_t begin, size_t end, Attendance& a,
                          std::vector<NameSeen>& names) {
    std::string text;
    for (size_t j = begin; j < end && j < begin + 30; ++j) {
        if (!s.lines[j].blank()) text += (text.empty() ? "" : " ") + s.lines[j].text;
    }
    RollCall rc = read_roll_call(text);
    if (rc.present.empty()) return;
    for (const auto& n : rc.present) add_names(n, true, a.present, names);
    for (const auto& n : rc.absent) add_names(n, true, a.absent, names);
    if (!a.public_count) a.public_count = rc.public_count;
    if (a.chair.empty() && !rc.chair.empty()) {
        a.chair = rc.chair;
        names.push_back(NameSeen{rc.chair, true});
    }
}

}  // namespace minutebook::structure
