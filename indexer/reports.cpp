// Officers' reports: the title block ("To:", "Meeting Date:", "From:", "Key
// decision:", "Forward Plan ref:"), officer contacts and recommendations,
// and the report cut into page-sized sections for indexing.
#include <algorithm>
#include <cctype>
#include <regex>

#include "core/dates.h"
#include "core/names.h"
#include "indexer/structure_internal.h"

namespace minutebook::structure {
namespace {

// A section is cut at a numbered heading once it holds about a page.
constexpr size_t kSectionBytes = 4000;
constexpr size_t kSectionMaxBytes = 6000;

// The value of a label: on its own line, or on the next non-blank line
// when the label stands alone (tables come out one cell per line).
std::string value_of(const TextStream& s, size_t i, size_t end, std::string_view label) {
    auto v = labelled(s.lines[i].text, label);
    if (!v) return "";
    if (!v->empty()) return *v;
    for (size_t j = i + 1; j < end && j < i + 4; ++j) {
        if (s.lines[j].blank()) continue;
        if (s.lines[j].text.find(':') != std::string::npos && s.lines[j].text.back() == ':') return "";
        return s.lines[j].text;
    }
    return "";
}

// Cuts "Name: A Post: B Email: C" into its fields.
std::vector<std::pair<std::string, std::string>> fields(const std::string& text) {
    static const std::regex label(R"(\b(Names?|Post|Role|Email|E-mail|Tel|Telephone|Phone)\s*:)", std::regex::icase);
    std::vector<std::pair<std::string, std::string>> out;
    auto it = std::sregex_iterator(text.begin(), text.end(), label);
    std::vector<std::smatch> ms(it, std::sregex_iterator());
    for (size_t k = 0; k < ms.size(); ++k) {
        size_t from = static_cast<size_t>(ms[k].position(0) + ms[k].length(0));
        size_t to = k + 1 < ms.size() ? static_cast<size_t>(ms[k + 1].position(0)) : text.size();
        std::string v = text.substr(from, to - from);
        while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.erase(v.begin());
        while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.pop_back();
        std::string key = ms[k][1].str();
        for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out.emplace_back(key, v);
    }
    return out;
}

bool is_section_heading(std::string_view line) {
    static const std::regex h(R"(^\d{1,2}\.\s+[A-Z].{2,80}$)");
    std::string l(line);
    return std::regex_match(l, h) && l.back() != '.';
}

}  // namespace

bool starts_report(const TextStream& s, size_t i, size_t& title_begin) {
    auto to = labelled(s.lines[i].text, "To");
    if (!to) return false;
    bool dated = false;
    size_t from_above = i;  // a memo's "From:" printed above its "To:"
    for (size_t j = i + 1, seen = 0; j < s.lines.size() && seen < 6; ++j) {
        if (s.lines[j].blank()) continue;
        ++seen;
        if (labelled(s.lines[j].text, "Meeting Date") || labelled(s.lines[j].text, "Date of meeting")) dated = true;
        // A memo's heading: "TO:" / "FROM:" (Gardena's and Norwalk's staff
        // reports, Kent's reports to the County Council, "From:" first).
        if (labelled(s.lines[j].text, "From")) dated = true;
    }
    for (size_t j = i, seen = 0; j-- > 0 && seen < 3 && s.lines[j].page == s.lines[i].page;) {
        if (s.lines[j].blank()) continue;
        ++seen;
        if (labelled(s.lines[j].text, "From")) {
            dated = true;
            from_above = j;
        }
    }
    if (!dated) return false;
    if (from_above < i) {
        title_begin = from_above;
        return true;
    }
    // The title: the lines just above, back to a blank line, a numbered
    // paragraph or a sentence's end; all capitals above all capitals.
    title_begin = i;
    size_t taken = 0;
    for (size_t j = i; j-- > 0 && taken < 3;) {
        const std::string& t = s.lines[j].text;
        if (t.empty()) break;
        if (t.back() == '.' || t.back() == ':') break;
        static const std::regex numbered(R"(^\d+(\.\d+)*\s)");
        if (std::regex_search(t, numbered)) break;
        if (auto item = labelled(t, "Agenda Item No"); item) {
            title_begin = j;
            break;
        }
        if (taken > 0 && !has_lower(s.lines[title_begin].text) && has_lower(t)) break;
        title_begin = j;
        ++taken;
    }
    // "Agenda Item No: 4" just above the title belongs to the block.
    if (title_begin > 0) {
        size_t j = title_begin;
        while (j > 0 && s.lines[j - 1].blank()) --j;
        if (j > 0 && labelled(s.lines[j - 1].text, "Agenda Item No")) title_begin = j - 1;
    }
    return true;
}

Report read_report(const TextStream& s, Span span, std::vector<NameSeen>& names) {
    Report r;
    r.first_page = s.lines[span.begin].page;
    r.last_page = s.lines[span.end - 1].page;
    size_t i = span.begin;
    for (; i < span.end; ++i) {
        const std::string& t = s.lines[i].text;
        if (t.empty()) continue;
        if (auto v = labelled(t, "Agenda Item No"); v) {
            r.item = *v;
            continue;
        }
        if (labelled(t, "To") || labelled(t, "From")) break;
        if (!r.title.empty()) r.title += ' ';
        r.title += t;
    }
    // A memo's title is its subject: "SUBJECT: HOUSING ASSISTANCE PAYMENTS
    // PROGRAM - APPROVE" / "WARRANT RUN OCTOBER 15, 2022 - NOVEMBER 1, 2022".
    for (size_t j = i; r.title.empty() && j < span.end && j < i + 40; ++j) {
        const auto subject = labelled(s.lines[j].text, "Subject");
        if (!subject) continue;
        r.title = value_of(s, j, span.end, "Subject");
        // After the value's own line when it stands below the label.
        size_t k = subject->empty() ? next_text(s, j + 1, span.end) + 1 : j + 1;
        for (; !r.title.empty() && !has_lower(r.title) && k < span.end; ++k) {
            const std::string& n = s.lines[k].text;
            if (n.empty() || has_lower(n) || n.back() == ':') break;
            r.title += ' ' + n;
        }
    }
    // Strip the bold marks some packs carry through extraction.
    r.title.erase(std::remove(r.title.begin(), r.title.end(), '*'), r.title.end());
    size_t block_end = std::min(span.end, i + 90);
    bool in_contacts = false;
    std::string contacts;
    for (size_t j = i; j < block_end; ++j) {
        const std::string& t = s.lines[j].text;
        if (t.empty()) continue;
        if (labelled(t, "Meeting Date") && r.meeting_date.empty()) {
            auto d = first_date(value_of(s, j, block_end, "Meeting Date"), s.dates);
            if (d) r.meeting_date = d->iso();
        } else if (labelled(t, "From") && r.from.empty()) {
            r.from = value_of(s, j, block_end, "From");
            r.from.erase(std::remove(r.from.begin(), r.from.end(), '*'), r.from.end());
        } else if (labelled(t, "Forward Plan ref") && r.forward_plan.empty()) {
            std::string v = value_of(s, j, block_end, "Forward Plan ref");
            // "KD 2017/037 Key decision: Yes" share a line.
            size_t kd = v.find("Key decision");
            r.forward_plan = v.substr(0, kd);
            while (!r.forward_plan.empty() && r.forward_plan.back() == ' ') r.forward_plan.pop_back();
            if (kd != std::string::npos) {
                std::string rest = v.substr(kd);
                if (rest.find("Yes") != std::string::npos) r.key_decision = true;
                else if (rest.find("No") != std::string::npos) r.key_decision = false;
            }
        }
        static const std::regex key(R"(Key decision\s*:\s*(Yes|No)?)", std::regex::icase);
        std::smatch km;
        if (!r.key_decision && std::regex_search(t, km, key)) {
            std::string v = km[1].matched ? km[1].str() : value_of(s, j, block_end, "Key decision");
            if (!v.empty() && (v[0] == 'Y' || v[0] == 'y')) r.key_decision = true;
            else if (!v.empty() && (v[0] == 'N' || v[0] == 'n')) r.key_decision = false;
        }
        if (auto v = labelled(t, "Recommendation"); v || labelled(t, "Recommendations")) {
            std::string rec = v ? *v : *labelled(t, "Recommendations");
            for (size_t k = j + 1; k < block_end; ++k) {
                const std::string& n = s.lines[k].text;
                if (n.empty()) continue;
                if (n.back() == ':' || labelled(n, "Voting arrangements") || labelled(n, "Officer contact") ||
                    labelled(n, "Name"))
                    break;
                rec += (rec.empty() ? "" : " ") + n;
            }
            r.recommendations = rec;
        }
        if (labelled(t, "Officer contact") || labelled(t, "Officer contacts")) in_contacts = true;
        if (in_contacts) {
            if (is_section_heading(t) || labelled(t, "Summary")) break;
            contacts += t;
            contacts += ' ';
        }
    }
    // Contacts: each "Name:" opens one; councillors are member contacts.
    OfficerContact current;
    bool open = false;
    auto flush = [&] {
        if (open && !current.name.empty()) r.contacts.push_back(current);
        current = OfficerContact{};
        open = false;
    };
    for (const auto& [key, value] : fields(contacts)) {
        if (key == "name" || key == "names") {
            flush();
            open = true;
            current.name = value;
            auto p = parse_person(value);
            if (!p) current.name.clear();
            else current.member = p->councillor;
        } else if (key == "post" || key == "role") {
            if (current.post.empty()) current.post = value;
        } else if (key == "email" || key == "e-mail") {
            if (current.email.empty()) current.email = value.substr(0, value.find(' '));
        } else {
            if (current.telephone.empty()) current.telephone = value;
        }
    }
    flush();
    for (const auto& c : r.contacts) names.push_back(NameSeen{c.name, c.member});
    // "From:" names an officer only when it is a person, never a post.
    // "Claire Betteridge - Service Development Manager", "Wendi Ogle-Welbourn, Executive Director".
    std::string from_name = r.from.substr(0, std::min(r.from.find(','), r.from.find(" - ")));
    if (!from_name.empty() && !is_post(from_name) && parse_person(from_name)) {
        names.push_back(NameSeen{from_name, false});
        r.officers.push_back(from_name);
    }
    for (const auto& c : r.contacts) {
        if (!c.member) r.officers.push_back(c.name);
    }

    // Sections: cut at numbered headings once a section holds about a page.
    ReportSection sec;
    sec.title = r.title;
    auto push = [&] {
        if (sec.text.find_first_not_of(" \n") != std::string::npos) r.sections.push_back(sec);
    };
    for (size_t j = span.begin; j < span.end; ++j) {
        const std::string& t = s.lines[j].text;
        if (t.empty()) continue;
        bool cut = (sec.text.size() > kSectionBytes && is_section_heading(t)) || sec.text.size() > kSectionMaxBytes;
        if (cut) {
            push();
            sec = ReportSection{};
            sec.title = r.title + (is_section_heading(t) ? " - " + t : "");
        }
        if (sec.text.empty()) sec.first_page = s.lines[j].page;
        sec.last_page = s.lines[j].page;
        mark_page(sec.page_starts, sec.first_page, sec.last_page, sec.text.size());
        sec.text += t;
        sec.text += '\n';
    }
    push();
    return r;
}

}  // namespace minutebook::structure
