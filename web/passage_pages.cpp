#include <algorithm>

#include "web/html.h"
#include "web/lookup.h"
#include "web/pages.h"
#include "web/params.h"

namespace minutebook::web {
namespace {

std::string committee_search_href(const std::string& committee) {
    return "/search?committee=" + url_encode(committee);
}

// The passage's text, escaped, with a mark where each page of its primary
// file begins (a link to that page of the PDF).
std::string text_with_pages(const Passage& p) {
    const Location& where = p.primary();
    std::string out = "<div class=\"text\">";
    const bool marked = p.page_starts.size() == where.pages.size() && where.pages.size() > 1;
    if (!marked) return out + escape(p.text) + "</div>";
    for (size_t i = 0; i < where.pages.size(); ++i) {
        const size_t begin = std::min(p.page_starts[i], p.text.size());
        const size_t end = i + 1 < where.pages.size()
                               ? std::min(p.page_starts[i + 1], p.text.size())
                               : p.text.size();
        out += "<a class=\"pagemark\" href=\"" + escape(pdf_href(where.file_id, where.pages[i])) +
               "\">Page " + std::to_string(where.pages[i]) + "</a>";
        if (end > begin) out += escape(p.text.substr(begin, end - begin));
    }
    return out + "</div>";
}

std::string pages_label(const std::vector<int>& pages) {
    if (pages.size() == 1) return "page " + std::to_string(pages.front());
    return "pages " + std::to_string(pages.front()) + "–" + std::to_string(pages.back());
}

std::string locations_html(const Passage& p) {
    std::string out = "<h2>Printed in</h2>\n<ul class=\"plain\">\n";
    for (const auto& l : p.locations) {
        out += "<li><a href=\"" + escape(pdf_href(l.file_id, l.pages.front())) +
               "\">Open PDF at page " + std::to_string(l.pages.front()) +
               "</a><br><span class=\"muted\">" + escape(l.file) + ", " + pages_label(l.pages) +
               (l.ocr ? " (OCR)" : "") + "</span></li>\n";
    }
    return out + "</ul>\n";
}

std::string facts_html(const Passage& p) {
    std::string out = "<dl class=\"facts\">";
    auto fact = [&](const std::string& name, const std::string& html) {
        out += "<dt>" + escape(name) + "</dt><dd>" + html + "</dd>";
    };
    fact("Kind", escape(type_label(p.type)));
    if (p.committee) {
        fact("Committee", "<a href=\"" + escape(committee_search_href(*p.committee)) + "\">" +
                              escape(*p.committee) + "</a>");
    }
    if (p.meeting_date) {
        fact("Meeting", p.committee
                            ? "<a href=\"" + escape(meeting_url(p.council, *p.committee, *p.meeting_date)) +
                                  "\">" + escape(long_date(*p.meeting_date)) + "</a>"
                            : escape(long_date(*p.meeting_date)));
    }
    if (p.minute && p.type == PassageType::kAction && p.committee && p.meeting_date) {
        // An action refers to a minute item of the minutes it comes from.
        const std::string href = "/minutes/" + url_encode(slugify(*p.committee)) + "/" +
                                 *p.meeting_date + "/" + url_encode(slugify(*p.minute));
        fact("Minute", "<a href=\"" + escape(href) + "\">" + escape(*p.minute) + "</a>");
    } else if (p.minute) {
        fact("Minute", escape(*p.minute));
    }
    if (p.decision) fact("Decision", escape(capitalised(p.decision->kind)));
    if (p.status) fact("Status", escape(p.status_text.value_or(*p.status)));
    auto names = [&](const std::string& name, const std::vector<std::string>& list,
                     std::string (*href)(const std::string&)) {
        if (list.empty()) return;
        std::string html;
        for (const auto& n : list) {
            html += (html.empty() ? "" : ", ") + std::string("<a href=\"") + escape(href(n)) +
                    "\">" + escape(n) + "</a>";
        }
        fact(name, html);
    };
    names("Officers", p.officers, officer_href);
    std::vector<std::string> others;
    for (const auto& person : p.people) {
        if (std::find(p.officers.begin(), p.officers.end(), person) == p.officers.end())
            others.push_back(person);
    }
    names("People", others, person_href);
    return out + "</dl>\n";
}

std::string passage_link(const Passage& p) {
    std::string label =
        p.type == PassageType::kMinute && p.minute ? "Minute " + *p.minute + ": " : type_label(p.type) + ": ";
    label += p.title.empty() ? "(untitled)" : p.title;
    std::string out = "<a href=\"" + escape(passage_url(p)) + "\">" + escape(label) + "</a>";
    if (p.meeting_date)
        out += "<br><span class=\"muted\">" + escape(long_date(*p.meeting_date)) + "</span>";
    return out;
}

// The minutes this passage cites, and the later passages that cite it.
std::string references_html(const std::vector<CitedMinute>& cites,
                            const std::vector<Passage>& cited_by) {
    std::string out;
    if (!cites.empty()) {
        out += "<h2>Cites</h2>\n<ul class=\"plain\">\n";
        for (const auto& c : cites) {
            out += "<li>" +
                   (c.minute ? passage_link(*c.minute)
                             : "Minute " + escape(c.number) +
                                   " <span class=\"muted\">(not in the archive)</span>") +
                   "</li>\n";
        }
        out += "</ul>\n";
    }
    if (!cited_by.empty()) {
        out += "<h2>Cited by</h2>\n<ul class=\"plain\">\n";
        for (const auto& p : cited_by) out += "<li>" + passage_link(p) + "</li>\n";
        out += "</ul>\n";
    }
    return out;
}

std::string decision_html(const Passage& p) {
    std::string out;
    if (p.decision) {
        out = "<section class=\"resolution\"><h2>Resolution <span class=\"badge decision\">" +
              escape(capitalised(p.decision->kind)) + "</span></h2>";
        if (!p.decision->number.empty()) out += "<p class=\"muted\">Resolution " + escape(p.decision->number) + "</p>";
        if (!p.decision->text.empty()) out += "<p>" + escape(p.decision->text) + "</p>";
        out += "</section>\n";
    }
    if (!p.motions.empty()) {
        out += std::string("<section class=\"motions\"><h2>") + (p.motions.size() == 1 ? "Motion" : "Motions") +
               "</h2>\n";
        for (const auto& m : p.motions) out += motion_html(m);
        out += "</section>\n";
    }
    return out;
}

std::string heading(const Passage& p) {
    std::string out = "<h1>";
    if (p.type == PassageType::kMinute && p.minute)
        out += "<span class=\"num\">" + escape(*p.minute) + "</span>";
    return out + escape(p.title.empty() ? "(untitled)" : p.title) + "</h1>\n";
}

std::string crumbs(const Passage& p) {
    std::string out =
        "<nav class=\"crumbs\" aria-label=\"Where this stands\"><a href=\"/browse\">Browse</a>";
    if (p.committee) {
        out += " › <a href=\"" + escape(committee_search_href(*p.committee)) + "\">" +
               escape(*p.committee) + "</a>";
        if (p.meeting_date) {
            out += " › <a href=\"" + escape(meeting_url(p.council, *p.committee, *p.meeting_date)) + "\">" +
                   escape(long_date(*p.meeting_date)) + "</a>";
        }
    }
    return out + "</nav>\n";
}

std::string item_html(const Passage& p) {
    const Location& l = p.primary();
    std::string out = "<article class=\"item\"><h3>";
    if (p.type == PassageType::kMinute && p.minute)
        out += "<span class=\"num\">" + escape(*p.minute) + "</span>";
    out += "<a href=\"" + escape(passage_url(p)) + "\">" +
           escape(p.title.empty() ? "(untitled)" : p.title) +
           "</a></h3><div class=\"meta\"><span class=\"badge\">" + escape(type_label(p.type)) +
           "</span>";
    if (p.decision)
        out +=
            "<span class=\"badge decision\">" + escape(capitalised(p.decision->kind)) + "</span>";
    if (p.status)
        out += "<span class=\"badge\">" + escape(p.status_text.value_or(*p.status)) + "</span>";
    out += "<a href=\"" + escape(pdf_href(l.file_id, l.pages.front())) + "\">Open PDF at page " +
           std::to_string(l.pages.front()) + "</a><span>" + escape(l.file) + "</span></div>";
    if (p.decision && !p.decision->text.empty()) {
        out += "<section class=\"resolution\"><p>" + escape(p.decision->text) + "</p></section>";
    }
    return out + "</article>\n";
}

std::string section_title(PassageType type) {
    switch (type) {
        case PassageType::kMinute: return "Minutes";
        case PassageType::kAction: return "Actions";
        case PassageType::kReport: return "Reports";
        case PassageType::kAgenda: return "Agenda";
        case PassageType::kPage: break;
    }
    return "Other passages";
}

}  // namespace

std::string passage_page(const Passage& p, const std::vector<CitedMinute>& cites,
                         const std::vector<Passage>& cited_by) {
    std::string main = crumbs(p) + heading(p);
    main += "<div class=\"columns\">\n<div>\n" + decision_html(p) + "<h2>Text</h2>\n" +
            text_with_pages(p) + "\n</div>\n<aside class=\"card side\">\n" + facts_html(p) +
            locations_html(p) + references_html(cites, cited_by) +
            "<h2>Cite</h2>\n<p class=\"cite\" id=\"citation\">" + escape(citation(p)) +
            "</p>\n<button type=\"button\" data-copy=\"citation\">Copy citation</button>\n"
            "<script src=\"/copy.js\" defer></script>\n</aside>\n</div>";
    PageFrame frame;
    frame.title = p.type == PassageType::kMinute && p.minute ? "Minute " + *p.minute + ": " + p.title : p.title;
    return html_page(frame, main);
}

std::string meeting_page(const std::string& committee, const std::string& date,
                         const std::vector<Passage>& passages) {
    std::string main =
        "<nav class=\"crumbs\" aria-label=\"Where this stands\"><a href=\"/browse\">Browse</a> › "
        "<a href=\"" +
        escape(committee_search_href(committee)) + "\">" + escape(committee) + "</a></nav>\n";
    main += "<h1>" + escape(committee) + "<br><span class=\"muted\">Meeting of " +
            escape(long_date(date)) + "</span></h1>\n";
    main += "<p><a href=\"/search?committee=" + escape(url_encode(committee)) +
            "&amp;from=" + escape(date) + "&amp;to=" + escape(date) +
            "\">Search within this meeting</a> · " + std::to_string(passages.size()) +
            (passages.size() == 1 ? " passage" : " passages") + "</p>\n";
    std::string current;
    for (const auto& p : passages) {
        const std::string section = section_title(p.type);
        if (section != current) {
            main += "<h2>" + escape(section) + "</h2>\n";
            current = section;
        }
        main += item_html(p);
    }
    PageFrame frame;
    frame.title = committee + ", " + long_date(date);
    return html_page(frame, main);
}

std::string motion_tally(const Motion& m) {
    std::string out = to_string(m.result);
    if (m.votes_for && m.against)
        out += (out.empty() ? "" : " ") + std::to_string(m.votes_for->count) + "-" + std::to_string(m.against->count);
    else if (m.against && m.against->count == 0)
        out += (out.empty() ? "" : " ") + std::string("unanimously");
    return out;
}

std::string motion_html(const Motion& m) {
    std::string who;
    if (!m.moved_by.empty()) who = "Moved by " + escape(m.moved_by);
    if (!m.seconded_by.empty()) who += (who.empty() ? "Seconded by " : ", seconded by ") + escape(m.seconded_by);
    std::string out = "<div class=\"motion\"><p>" + (who.empty() ? std::string("Put to the meeting") : who) + ".";
    if (m.result != MotionResult::kNotStated)
        out += " <span class=\"badge decision\">" + escape(capitalised(to_string(m.result))) + "</span>";
    out += "</p>\n";
    struct Side {
        const char* label;
        const std::optional<VoteSide>* side;
    };
    const Side sides[] = {{"For", &m.votes_for}, {"Against", &m.against}, {"Abstained", &m.abstain},
                          {"Absent", &m.absent}};
    std::string votes;
    for (const auto& s : sides) {
        if (!*s.side) continue;
        const VoteSide& v = **s.side;
        votes += "<li><strong>" + std::string(s.label) + " (" + std::to_string(v.count) + ")</strong>";
        for (size_t i = 0; i < v.names.size(); ++i) {
            votes += (i == 0 ? " " : ", ") +
                     ("<a href=\"/people/" + escape(url_encode(slugify(v.names[i]))) + "\">" + escape(v.names[i]) + "</a>");
        }
        votes += "</li>\n";
    }
    if (!votes.empty()) out += "<ul class=\"plain votes\">\n" + votes + "</ul>\n";
    return out + "</div>\n";
}

}  // namespace minutebook::web
