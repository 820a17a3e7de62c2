// understand(): the front sheet, then the parts of the pack found in one
// text stream, each read by its own recogniser, then the people named.
#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>

#include "core/committees.h"
#include "core/councils.h"
#include "core/dates.h"
#include "core/names.h"
#include "indexer/structure_internal.h"

namespace minutebook {
namespace structure {
namespace {

bool names_a_body(std::string_view line) {
    static const std::regex body(R"(\b(committee|sub-committee|cabinet|council|board|commission|authority|panel|forum|working group)\b)",
                                 std::regex::icase);
    return std::regex_search(std::string(line), body);
}

// Lines of the first page that has text.
std::vector<size_t> first_page_lines(const TextStream& s, size_t limit) {
    std::vector<size_t> out;
    int page = -1;
    for (size_t i = 0; i < s.lines.size() && out.size() < limit; ++i) {
        if (s.lines[i].blank()) continue;
        if (page < 0) page = s.lines[i].page;
        if (s.lines[i].page != page) break;
        out.push_back(i);
    }
    return out;
}

bool is_action_log_heading(std::string_view line) {
    // "... Committee - Minutes Action Log", "Minutes-Action Log", "Action
    // Log"; not an item title such as "Minutes of previous meeting and Action Log".
    static const std::regex log(R"((^|[-:]\s*)(minutes[- ]+)?action log$)", std::regex::icase);
    std::string l(line);
    return l.size() <= 90 && !l.empty() && !std::isdigit(static_cast<unsigned char>(l[0])) &&
           ends_with_ci(l, "action log") && std::regex_search(l, log);
}

// "CYP Agenda Plan" / "Sub-Committee Workshop and Training Plan" over a table.
std::optional<PartKind> plan_kind(const TextStream& s, size_t i) {
    const std::string& t = s.lines[i].text;
    if (t.size() > 110 || t.empty() || std::isdigit(static_cast<unsigned char>(t[0])) || t.back() == '.' ||
        t.rfind("•", 0) == 0)
        return std::nullopt;
    std::string l = lower(t);
    std::optional<PartKind> kind;
    if (l.find("agenda plan") != std::string::npos) kind = PartKind::kAgendaPlan;
    else if (l.find("training plan") != std::string::npos || l.find("training programme") != std::string::npos)
        kind = PartKind::kTrainingPlan;
    if (!kind) return std::nullopt;
    if (l.find("minute") != std::string::npos || labelled(t, "To")) return std::nullopt;
    // A table header follows close below.
    static const std::regex header(R"(^(committee date|meeting date|agenda item|lead officer|report author|date|subject|topic|title|time|venue|item)\b)",
                                   std::regex::icase);
    for (size_t j = i + 1, seen = 0; j < s.lines.size() && seen < 12; ++j) {
        if (s.lines[j].blank()) continue;
        ++seen;
        if (std::regex_search(s.lines[j].text, header)) return kind;
    }
    return std::nullopt;
}

// The first non-blank line of its page.
bool is_page_head(const TextStream& s, size_t i) {
    for (size_t j = i; j-- > 0;) {
        if (s.lines[j].page != s.lines[i].page) return true;
        if (!s.lines[j].blank()) return false;
    }
    return true;
}

bool is_appendix_heading(const TextStream& s, size_t i) {
    static const std::regex app(R"(^Appendix\s+[A-Z0-9]{1,3}\b.{0,80}$)", std::regex::icase);
    // Only at the head of a page: elsewhere it is a reference.
    return std::regex_match(s.lines[i].text, app) && is_page_head(s, i);
}

struct Start {
    size_t line;
    PartKind kind;
};

// Lower-case words of a title, punctuation dropped: "Finance Monitoring
// Report – August 2024" and "Finance Monitoring Report - August 2024" agree.
std::string title_key(std::string_view title) {
    std::string out;
    for (char c : lower(title)) {
        if (std::isalnum(static_cast<unsigned char>(c))) out += c;
        else if (!out.empty() && out.back() != ' ') out += ' ';
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// An action whose minute, by number and title, is an item of minutes in the
// same file comes from those minutes, whatever "Minutes of ..." line stands
// above it: a log may print rows under the heading of older minutes.
void date_from_minutes(ActionRow& action, const std::vector<Minutes>& minutes) {
    if (action.minute.empty()) return;
    std::string title = title_key(action.report_title);
    if (title.size() < 6) return;
    for (const auto& m : minutes) {
        if (m.meeting.date.empty()) continue;
        for (const auto& item : m.items) {
            if (item.number != action.minute) continue;
            std::string it = title_key(item.title);
            size_t n = std::min(it.size(), title.size());
            bool prefix = it.compare(0, n, title, 0, n) == 0 && (n == it.size() || it[n] == ' ') &&
                          (n == title.size() || title[n] == ' ');
            if (prefix) {
                action.minutes_date = m.meeting.date;
                return;
            }
        }
    }
}

// The council named alone above minutes that start on the file's first
// lines ("KENT COUNTY COUNCIL" over "MINUTES of a meeting of the Cabinet" or
// "... of the County Council"), when the minutes' own words name none or
// only its kind ("County Council").
std::string council_above(const TextStream& s, size_t minutes_line, const std::string& found) {
    int seen = 0;
    for (size_t i = 0; i < minutes_line && seen < 3; ++i) {
        if (s.lines[i].blank()) continue;
        ++seen;
        std::string name = canonical_committee(s.lines[i].text);
        size_t space = name.find(' ');
        if (space == std::string::npos || !ends_with_ci(name, " Council") || name.size() > 60) continue;
        if (found.empty() || (name.size() > found.size() && ends_with_ci(name, " " + found))) return name;
    }
    return found;
}

// One past the last line of the page that `line` stands on.
size_t first_page_end(const TextStream& s, size_t line) {
    size_t i = line;
    while (i < s.lines.size() && s.lines[i].page == s.lines[line].page) ++i;
    return i;
}

}  // namespace

std::vector<AgendaItem> read_agenda_items(const TextStream& s, const std::vector<PageText>& pages, size_t begin,
                                          size_t end, size_t first_page_end) {
    static const std::regex pages_range(R"(\s*\d+\s*-\s*\d+$)");
    static const std::regex only_pages(R"(^\d+\s*-\s*\d+$)");  // a line "12 - 15"
    std::vector<AgendaItem> found;
    std::vector<ItemCandidate> labels;
    end = std::min(end, s.lines.size());
    for (size_t i = begin; i < end; ++i) {
        const std::string& t = s.lines[i].text;
        if (t.empty()) continue;
        auto label = parse_agenda_label(t);
        if (!label) continue;
        // An unpunctuated number stands for an item only on the agenda's
        // first page, where its list of business is ("3 Public Comment").
        if (!label->punctuated && label->series.empty() && i >= first_page_end) continue;
        AgendaItem a;
        a.number = label->number;
        a.title = label->title;
        a.page = s.lines[i].page;
        // A bare number: the title is printed beside it, or on the next line
        // ("12 - 15" is its pages).
        if (a.title.empty()) a.title = title_beside(pages, a.page, t);
        for (size_t j = i + 1; a.title.empty() && j < end && j <= i + 6; ++j) {
            const std::string& n = s.lines[j].text;
            if (n.empty()) continue;
            if (parse_agenda_label(n) || std::regex_match(n, only_pages)) break;
            a.title = n;
        }
        a.title = std::regex_replace(a.title, pages_range, "");
        a.title.erase(std::remove(a.title.begin(), a.title.end(), '*'), a.title.end());
        // Trailing colons and dashes are the heading's punctuation.
        for (bool cut = true; cut;) {
            cut = false;
            while (!a.title.empty() && (a.title.back() == ' ' || a.title.back() == ':' || a.title.back() == '-')) {
                a.title.pop_back();
                cut = true;
            }
            for (std::string_view dash : {"\u2013", "\u2014"}) {
                if (a.title.size() >= dash.size() && a.title.ends_with(dash)) {
                    a.title.resize(a.title.size() - dash.size());
                    cut = true;
                }
            }
        }
        if (std::none_of(a.title.begin(), a.title.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
            continue;  // "15. 13.02"
        labels.push_back(ItemCandidate{*label, heading_score(*label, a.title), -1, a.page});
        found.push_back(std::move(a));
    }
    // A number printed again in an agenda numbers a list under the item
    // ("1. Constitutional Matters" over "1. Change in Membership").
    std::vector<AgendaItem> items;
    for (size_t c : decode_item_sequence(labels)) {
        if (items.empty() || items.back().number != found[c].number) items.push_back(found[c]);
    }
    return items;
}

std::optional<FrontSheet> read_front_sheet(const TextStream& s, const std::vector<PageText>& pages) {
    std::vector<size_t> lines = first_page_lines(s, 40);
    if (lines.empty() || starts_minutes(s, lines.front())) return std::nullopt;
    FrontSheet fs;
    // The meeting's date as its heading writes it out, as every agenda of
    // the corpus does (Garelochhead's "Tuesday 17th August 2021", Lincoln's
    // "April 16, 2019", Kent's "Thursday, 30th January, 2025", Cuyahoga's
    // "AGENDA - April 24, 2019"); a numeric date above it, before the first
    // item of business, is a stamp of the paper ("REVISED" / "4/23/19").
    size_t date_at = lines.size();
    for (size_t k = 0; k < lines.size() && k < 20; ++k) {
        std::string t = s.lines[lines[k]].text;
        if (date_at < lines.size() && parse_agenda_label(t)) break;
        if (auto v = labelled(t, "Date")) t = *v;
        auto dates = find_dates(t, s.dates);
        auto full = std::find_if(dates.begin(), dates.end(), [](const DateMatch& m) { return m.date.day > 0; });
        if (full == dates.end()) continue;
        const std::string_view printed = std::string_view(t).substr(full->begin, full->end - full->begin);
        const bool spelled = std::any_of(printed.begin(), printed.end(),
                                         [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
        if (date_at == lines.size() || spelled) {
            fs.meeting.date = full->date.iso();
            date_at = k;
        }
        if (spelled) break;
    }
    size_t agenda_at = lines.size();
    for (size_t k = 0; k < lines.size(); ++k) {
        std::string l = lower(s.lines[lines[k]].text);
        if (k < 8 && starts_minutes(s, lines[k])) return std::nullopt;
        // "AGENDA", "Agenda for the meeting of ...", "Notice and Agenda",
        // "Garelochhead Community Council Public Meeting Agenda"; not an
        // item ("2. Amend / Accept Agenda").
        // The heading stands above the business it lists.
        if (parse_agenda_label(s.lines[lines[k]].text)) {
            if (k > date_at) break;
            continue;
        }
        bool heading = l.size() <= 40 || l.rfind("agenda", 0) == 0 || (k <= date_at + 1 && l.size() <= 80);
        if (heading && l.find("agenda") != std::string::npos) {
            agenda_at = k;
            break;
        }
    }
    // Or a meeting's heading over its date and a list of numbered business
    // ("Suffolk's Libraries IPS Ltd Annual General Meeting" / "Thursday, 29th
    // September 2016" / "1. Chair's welcome ...", "Meeting of the Lincoln
    // Township Board of Trustees" / "April 16, 2019" / "1. Call Meeting to Order").
    size_t meeting_heading = lines.size();  // the heading's line, when there is no "agenda"
    if (agenda_at == lines.size() && date_at < lines.size() && !read_minutes_header(s, lines.front())) {
        for (size_t k = 0; k <= date_at; ++k) {
            const std::string& t = s.lines[lines[k]].text;
            if (t.size() <= 80 && has_word(t, "meeting") && !has_word(t, "minutes")) {
                agenda_at = date_at;
                meeting_heading = k;
                break;
            }
        }
    }
    const bool listed_only = meeting_heading < lines.size();
    if (fs.meeting.date.empty() || agenda_at == lines.size()) return std::nullopt;
    // Minutes that say "The agenda was approved" below their header.
    if (auto header = read_minutes_header(s, lines.front()); header && header->date_line < lines[agenda_at])
        return std::nullopt;
    fs.agenda = true;
    // The committee: capitals above the date ("CHILDREN AND YOUNG PEOPLE" /
    // "COMMITTEE"), else the first line naming a body.
    std::string name;
    for (size_t k = 0; k < std::min<size_t>(date_at, 6); ++k) {
        const std::string& t = s.lines[lines[k]].text;
        if (lower(t) == "agenda") continue;
        // A stamp above the heading ("REVISED" / "4/23/19") is not its name.
        if (first_date(t, s.dates)) {
            name.clear();
            continue;
        }
        if (!has_lower(t) && t.size() < 80) {
            name += (name.empty() ? "" : " ") + t;
        } else if (!name.empty()) {
            break;
        }
    }
    if (name.empty() || !names_a_body(name)) {
        name.clear();
        // A line of the heading, not the business under it ("of the Board,
        // Tony Brown, and the Chief Executive" in an item of Suffolk's AGM).
        const size_t heading_end = listed_only ? date_at + 1 : lines.size();
        for (size_t k = 0; k < lines.size() && k < 25 && k < heading_end; ++k) {
            const std::string& t = s.lines[lines[k]].text;
            if (names_a_body(t) && t.size() < 80 && !first_date(t) &&
                std::isupper(static_cast<unsigned char>(t[0]))) {
                name = t;
                break;
            }
        }
        // Else the meeting's heading names it: "Suffolk's Libraries IPS Ltd
        // Annual General Meeting".
        if (name.empty() && listed_only) name = s.lines[lines[meeting_heading]].text;
    }
    fs.meeting.committee = canonical_committee(name);
    static const std::regex time(R"(\b(\d{1,2}[:.]\d{2})\s*(hr|hrs|am|pm|a\.m\.|p\.m\.)?)", std::regex::icase);
    for (size_t k = 0; k < lines.size() && k < 20; ++k) {
        std::smatch m;
        const std::string& t = s.lines[lines[k]].text;
        if (std::regex_search(t, m, time)) {
            fs.meeting.time = m[0].str();
            if (k + 1 < lines.size() && k + 1 < agenda_at) fs.meeting.venue = s.lines[lines[k + 1]].text;
            break;
        }
    }
    fs.items_begin = lines[agenda_at] + 1;
    if (listed_only) {
        // Without the word, the numbered business makes it an agenda.
        fs.items = read_agenda_items(s, pages, fs.items_begin, s.lines.size(), first_page_end(s, lines.front()));
        if (fs.items.size() < 3) return std::nullopt;
    }
    return fs;
}

}  // namespace structure

const char* to_string(MinutesStatus status) {
    switch (status) {
        case MinutesStatus::kDraft:
            return "draft";
        case MinutesStatus::kUnapproved:
            return "unapproved";
        case MinutesStatus::kApproved:
            return "approved";
        case MinutesStatus::kAdopted:
            return "adopted";
        case MinutesStatus::kNotPrinted:
            break;
    }
    return "";
}

bool parse_minutes_status(std::string_view text, MinutesStatus* status) {
    for (MinutesStatus s : {MinutesStatus::kDraft, MinutesStatus::kUnapproved,
                            MinutesStatus::kApproved, MinutesStatus::kAdopted}) {
        if (text == to_string(s)) {
            *status = s;
            return true;
        }
    }
    return false;
}

const char* to_string(MinutesFinding finding) {
    switch (finding) {
        case MinutesFinding::kItems:
            return "items";
        case MinutesFinding::kNoHeader:
            return "no-header";
        case MinutesFinding::kNoItems:
            return "no-items";
        case MinutesFinding::kBelowConfidence:
            return "below-confidence";
    }
    return "";
}

std::optional<MinutesFinding> parse_minutes_finding(std::string_view text) {
    for (MinutesFinding f : kMinutesFindings) {
        if (text == to_string(f)) return f;
    }
    return std::nullopt;
}

const char* describe(MinutesFinding finding) {
    switch (finding) {
        case MinutesFinding::kItems:
            return "";
        case MinutesFinding::kNoHeader:
            return "no minutes header found";
        case MinutesFinding::kNoItems:
            return "a minutes header, but no numbered or headed minute items under it";
        case MinutesFinding::kBelowConfidence:
            return "numbered lines under a minutes header, but their numbers do not run in sequence";
    }
    return "";
}

DocumentStructure understand(const std::vector<PageText>& pages) {
    using namespace structure;
    DocumentStructure doc;
    TextStream s = make_stream(pages);
    if (s.lines.empty()) return doc;

    std::vector<Start> starts;
    auto front = read_front_sheet(s, pages);
    if (front) {
        doc.meeting = front->meeting;
        if (doc.meeting->council.empty()) doc.meeting->council = council_named_by(doc.meeting->committee);
        starts.push_back(Start{0, PartKind::kAgenda});
    }
    std::optional<PartKind> current;
    if (front) current = PartKind::kAgenda;
    // A file that opens with a minutes header is minutes from its first line.
    if (!front) {
        size_t first = 0;
        while (first < s.lines.size() && s.lines[first].blank()) ++first;
        auto header = first < s.lines.size() ? read_minutes_header(s, first) : std::nullopt;
        // Unless the minutes' heading stands a few lines below ("KENT COUNTY
        // COUNCIL" over "MINUTES of a meeting of ..."): they start there.
        bool below = false;
        for (size_t i = first; header && i <= header->date_line && !below; ++i) below = starts_minutes(s, i);
        if (header && !below) {
            starts.push_back(Start{first, PartKind::kMinutes});
            current = PartKind::kMinutes;
        }
    }
    for (size_t i = 0; i < s.lines.size(); ++i) {
        if (s.lines[i].blank()) continue;
        size_t title_begin = i;
        std::optional<PartKind> found;
        if (starts_minutes(s, i)) found = PartKind::kMinutes;
        else if (current && current != PartKind::kMinutes && heads_minutes_over_date(s, i)) found = PartKind::kMinutes;
        else if (is_action_log_heading(s.lines[i].text)) found = PartKind::kActionLog;
        else if (starts_report(s, i, title_begin)) found = PartKind::kReport;
        else if (auto plan = current == PartKind::kAgenda ? std::nullopt : plan_kind(s, i)) found = plan;
        else if ((current == PartKind::kReport || current == PartKind::kAppendix) && is_appendix_heading(s, i))
            found = PartKind::kAppendix;
        if (!found) continue;
        const PartKind kind = *found;
        // The minutes' heading printed again at the head of each page
        // ("Minutes of the Regular Meeting" / "Norwalk Housing Authority" /
        // "October 18, 2022") goes on with the same minutes.
        if (kind == PartKind::kMinutes && current == PartKind::kMinutes && !starts.empty() && is_page_head(s, i)) {
            auto again = read_minutes_header(s, i);
            auto first = read_minutes_header(s, starts.back().line);
            if (again && first && again->date == first->date) continue;
        }
        auto is_plan = [](std::optional<PartKind> k) {
            return k == PartKind::kAgendaPlan || k == PartKind::kTrainingPlan;
        };
        if (kind == current && (is_plan(kind) || kind == PartKind::kActionLog)) continue;
        // Plans are tables whose cells name items ("Action Log", "Agenda
        // Plan, Training Plan"): only a new page's heading starts another plan.
        bool in_plan = is_plan(current);
        if (in_plan && kind == PartKind::kActionLog) continue;
        if (in_plan && is_plan(kind) && !is_page_head(s, i)) continue;
        // A report's title lines may stand above "To:" on the lines of the part before.
        while (!starts.empty() && starts.back().line >= title_begin && starts.back().kind != PartKind::kAgenda) starts.pop_back();
        if (!starts.empty() && starts.back().line > title_begin) continue;
        starts.push_back(Start{title_begin, kind});
        current = kind;
    }
    if (front) {
        // The agenda's business, up to the part after it.
        size_t end = starts.size() > 1 ? starts[1].line : s.lines.size();
        doc.agenda = read_agenda_items(s, pages, front->items_begin, end, first_page_end(s, front->items_begin));
    }

    std::vector<NameSeen> names;
    for (size_t p = 0; p < starts.size(); ++p) {
        Span span{starts[p].line, p + 1 < starts.size() ? starts[p + 1].line : s.lines.size()};
        while (span.end > span.begin && s.lines[span.end - 1].blank()) --span.end;
        if (span.end <= span.begin) continue;
        Part part;
        part.kind = starts[p].kind;
        part.first_page = s.lines[span.begin].page;
        part.last_page = s.lines[span.end - 1].page;
        part.title = s.lines[span.begin].text;
        if (part.kind == PartKind::kMinutes) {
            MinutesFinding finding;
            Minutes m = read_minutes(s, pages, span, names, finding);
            // Items anywhere in the file say most, then a doubtful sequence, then a header alone.
            auto rank = [](MinutesFinding f) {
                return f == MinutesFinding::kItems ? 3 : f == MinutesFinding::kBelowConfidence ? 2
                                                     : f == MinutesFinding::kNoItems        ? 1
                                                                                             : 0;
            };
            if (rank(finding) > rank(doc.minutes_finding)) doc.minutes_finding = finding;
            if (m.items.empty() && m.meeting.date.empty()) continue;
            m.meeting.council = council_above(s, span.begin, m.meeting.council);
            if (m.meeting.council.empty()) m.meeting.council = council_named_by(m.meeting.committee);
            // "MINUTES of a meeting of the County Council": the council's own meeting.
            if (!m.meeting.council.empty() && names_full_council(m.meeting.committee))
                m.meeting.committee = m.meeting.council;
            doc.minutes.push_back(std::move(m));
        } else if (part.kind == PartKind::kActionLog) {
            auto rows = read_actions(s, pages, span, names);
            doc.actions.insert(doc.actions.end(), rows.begin(), rows.end());
        } else if (part.kind == PartKind::kReport) {
            Report r = read_report(s, span, names);
            if (r.meeting_date.empty() && doc.meeting) r.meeting_date = doc.meeting->date;
            part.title = r.title;
            // The agenda item number from the front sheet, when the report does not print it.
            if (r.item.empty()) {
                std::string t = lower(r.title);
                for (const auto& a : doc.agenda) {
                    std::string at = lower(a.title);
                    size_t n = std::min<size_t>({at.size(), t.size(), 24});
                    if (n >= 8 && at.compare(0, n, t, 0, n) == 0) {
                        r.item = a.number;
                        break;
                    }
                }
            }
            doc.reports.push_back(std::move(r));
        }
        doc.parts.push_back(part);
    }

    // A front sheet whose name is an image leaves only "Committee": the
    // minutes inside the pack name the same committee in full.
    if (doc.meeting && !doc.minutes.empty() && doc.meeting->committee.find(' ') == std::string::npos)
        doc.meeting->committee = doc.minutes.front().meeting.committee;

    // People: one canonical name per person across the document.
    PeopleRegistry registry;
    for (const auto& n : names) registry.add(n.raw);
    std::map<std::string, Person> people;
    for (const auto& n : names) {
        std::string c = registry.canonical(n.raw);
        if (c.empty()) continue;
        Person& p = people[c];
        p.name = c;
        if (n.councillor) p.role = "councillor";
        else if (p.role.empty()) p.role = "officer";
        if (std::find(p.variants.begin(), p.variants.end(), n.raw) == p.variants.end()) p.variants.push_back(n.raw);
    }
    for (auto& [name, person] : people) doc.people.push_back(person);
    auto canon = [&](std::vector<std::string>& v) {
        std::vector<std::string> out;
        for (const auto& raw : v) {
            std::string c = registry.canonical(raw);
            if (!c.empty() && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
        }
        v = std::move(out);
    };
    for (auto& m : doc.minutes) {
        canon(m.attendance.present);
        canon(m.attendance.apologies);
        canon(m.attendance.substitutes);
        canon(m.attendance.in_attendance);
        canon(m.attendance.absent);
        if (!m.attendance.chair.empty()) m.attendance.chair = registry.canonical(m.attendance.chair);
        for (auto& item : m.items) {
            canon(item.people);
            // Movers and voters as the attendance names them; a post
            // ("Vice Chair") stays as printed.
            for (auto& motion : item.motions) {
                for (auto* who : {&motion.moved_by, &motion.seconded_by}) {
                    std::string c = who->empty() ? "" : registry.canonical(*who);
                    if (!c.empty()) *who = c;
                }
                for (auto* side : {&motion.votes_for, &motion.against, &motion.abstain, &motion.absent}) {
                    if (*side) canon((*side)->names);
                }
            }
        }
    }
    for (auto& r : doc.reports) {
        canon(r.officers);
        for (auto& c : r.contacts) {
            std::string n = registry.canonical(c.name);
            if (!n.empty()) c.name = n;
        }
    }
    for (auto& a : doc.actions) {
        // "Fiona MacKirdy/Richenda Greenhill": each person canonical, a post as printed.
        std::string officers;
        size_t start = 0;
        while (start <= a.officer.size() && !a.officer.empty()) {
            size_t sep = std::min(a.officer.find('/', start), a.officer.size());
            std::string raw = a.officer.substr(start, sep - start);
            std::string n = registry.canonical(raw);
            officers += (officers.empty() ? "" : "/") + (n.empty() ? raw : n);
            start = sep + 1;
        }
        a.officer = officers;
        date_from_minutes(a, doc.minutes);
    }
    return doc;
}

}  // namespace minutebook
