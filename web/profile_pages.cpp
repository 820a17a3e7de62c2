#include <map>

#include "web/html.h"
#include "web/lookup.h"
#include "web/pages.h"
#include "web/params.h"

namespace minutebook::web {
namespace {

std::string link(const std::string& href, const std::string& text) {
    return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
}

std::string meeting_label(const MeetingRef& m) {
    return link(meeting_url(m.council, m.committee, m.date), m.committee + ", " + long_date(m.date));
}

// One passage in a list: its link, its meeting, its status or decision.
std::string passage_row(const Passage& p) {
    std::string label = p.type == PassageType::kMinute && p.minute ? "Minute " + *p.minute + ": " : "";
    label += p.title.empty() ? "(untitled)" : p.title;
    std::string out = "<li>" + link(passage_url(p), label);
    if (p.status)
        out += " <span class=\"badge\">" + escape(p.status_text.value_or(*p.status)) + "</span>";
    if (p.minute && p.type == PassageType::kAction && p.committee && p.meeting_date) {
        out += " " + link("/minutes/" + url_encode(slugify(*p.committee)) + "/" + *p.meeting_date +
                              "/" + url_encode(slugify(*p.minute)),
                          "Minute " + *p.minute);
    }
    if (p.committee && p.meeting_date) {
        out += "<br><span class=\"muted\">" +
               link(meeting_url(p.council, *p.committee, *p.meeting_date),
                    *p.committee + ", " + long_date(*p.meeting_date)) +
               "</span>";
    }
    return out + "</li>\n";
}

std::string passage_list(const std::string& heading, const std::vector<Passage>& passages,
                         const std::string& none) {
    std::string out = "<h2>" + escape(heading) + "</h2>\n";
    if (passages.empty()) return out + "<p class=\"empty\">" + escape(none) + "</p>\n";
    out += "<ul>\n";
    for (const auto& p : passages) out += passage_row(p);
    return out + "</ul>\n";
}

// The decisions about `topic`, oldest first, or "" when no topic was asked.
// `with_committee`: each item names its committee (a council's decisions).
std::string decisions_html(const std::string& topic, const std::vector<Passage>& decisions, const char* none,
                           bool with_committee) {
    if (topic.empty()) return "";
    std::string main = "<h2>Decisions about “" + escape(topic) + "”</h2>\n";
    if (decisions.empty()) return main + "<p class=\"empty\">" + escape(none) + "</p>\n";
    main += "<ol class=\"timeline\">\n";
    for (const auto& p : decisions) {
        main += "<li><span class=\"muted\">" +
                (p.meeting_date && p.committee
                     ? link(meeting_url(p.council, *p.committee, *p.meeting_date), long_date(*p.meeting_date))
                     : std::string("Undated")) +
                "</span> " +
                link(passage_url(p), (with_committee && p.committee ? *p.committee + ", minute " : std::string("Minute ")) +
                                         p.minute.value_or("?") + ": " + (p.title.empty() ? "(untitled)" : p.title)) +
                " <span class=\"badge decision\">" + escape(capitalised(p.decision->kind)) + "</span>";
        for (const auto& m : p.motions) {
            if (m.result != MotionResult::kNotStated) main += " <span class=\"badge\">" + escape(motion_tally(m)) + "</span>";
        }
        if (!p.decision->text.empty()) main += "<p class=\"resolution\">" + escape(p.decision->text) + "</p>";
        main += "</li>\n";
    }
    return main + "</ol>\n";
}

// Meetings grouped by year, newest first.
std::string meetings_by_year(const std::vector<MeetingRef>& meetings, bool with_committee) {
    std::string main;
    std::map<std::string, std::vector<const MeetingRef*>, std::greater<>> years;
    for (const auto& m : meetings) years[m.date.substr(0, 4)].push_back(&m);
    for (const auto& [year, list] : years) {
        main += "<h3>" + escape(year) + "</h3>\n<div class=\"meetings\">";
        for (const MeetingRef* m : list) {
            main += link(meeting_url(m->council, m->committee, m->date),
                         (with_committee ? m->committee + ", " : std::string()) + long_date(m->date));
        }
        main += "</div>\n";
    }
    return main;
}

}  // namespace

std::string council_page(const std::string& council, const std::vector<CommitteeSummary>& committees,
                         const SearchResponse& everything, const std::string& topic,
                         const std::vector<Passage>& decisions) {
    std::string main = "<nav class=\"crumbs\" aria-label=\"Where this stands\"><a href=\"/browse\">Browse</a></nav>\n<h1>" +
                       escape(council) + "</h1>\n";
    main += "<p class=\"muted\">" + std::to_string(everything.total) + " passages, " +
            std::to_string(committees.size()) + (committees.size() == 1 ? " committee" : " committees") + " · " +
            link("/search?council=" + url_encode(council), "Search this council") + "</p>\n";
    main += "<form class=\"search\" action=\"" + escape(council_href(council)) +
            "\" method=\"get\"><input type=\"search\" name=\"q\" value=\"" + escape(topic) +
            "\" placeholder=\"A topic: its decisions over time\" aria-label=\"Topic\"><button "
            "type=\"submit\">Show decisions</button></form>\n";
    main += decisions_html(topic, decisions, "No minute item of this council about this records a decision.", true);
    main += "<h2>Committees</h2>\n<ul>\n";
    std::vector<MeetingRef> meetings;
    for (const auto& c : committees) {
        main += "<li>" +
                link("/committees/" + url_encode(c.slug) + "?council=" + url_encode(slugify(council)), c.name) +
                " <span class=\"muted\">" + std::to_string(c.meetings.size()) +
                (c.meetings.size() == 1 ? " meeting" : " meetings") + "</span></li>\n";
        for (const auto& [date, n] : c.meetings) meetings.push_back(MeetingRef{c.name, c.council, date, n});
    }
    main += "</ul>\n";
    for (const char* facet : {"officer", "person"}) {
        for (const auto& [name, values] : everything.facets) {
            if (name != facet || values.empty()) continue;
            main += std::string("<h2>") + (name == "officer" ? "Officers" : "People") + " most named</h2>\n<ul>\n";
            for (size_t i = 0; i < std::min<size_t>(values.size(), 10); ++i) {
                main += "<li>" + link((name == "officer" ? officer_href(values[i].value) : person_href(values[i].value)),
                                      values[i].value) +
                        " <span class=\"count\">" + std::to_string(values[i].count) + "</span></li>\n";
            }
            main += "</ul>\n";
        }
    }
    main += "<h2>Meetings</h2>\n" + meetings_by_year(meetings, true);
    PageFrame frame;
    frame.title = council;
    return html_page(frame, main);
}


std::string profile_page(const Profile& profile) {
    const bool officer = profile.kind == Profile::Kind::kOfficer;
    const char* filter = officer ? "officer" : "person";
    std::string main =
        "<nav class=\"crumbs\" aria-label=\"Where this stands\"><a "
        "href=\"/browse\">Browse</a></nav>\n<h1>" +
        escape(profile.name) + "<br><span class=\"muted\">" + (officer ? "Officer" : "Person") +
        "</span></h1>\n";
    main += "<p>" +
            link("/search?" + std::string(filter) + "=" + url_encode(profile.name),
                 "Every passage naming " + profile.name) +
            "</p>\n";
    main += passage_list("Reports", profile.reports, "No report names them.");
    main += passage_list("Officer contact for", profile.contacts,
                         "No report gives them as its officer contact.");
    main += passage_list("Actions", profile.actions, "No action names them.");
    if (!officer) {
        main += "<h2>Motions and votes</h2>\n";
        if (profile.motions.empty()) {
            main += "<p class=\"empty\">No motion names them as mover, seconder or voter.</p>\n";
        } else {
            main += "<ul>\n";
            for (const auto& [p, role] : profile.motions) {
                std::string row = passage_row(p);
                row.insert(row.size() - 6, " <span class=\"badge\">" + escape(role) + "</span>");
                main += row;
            }
            main += "</ul>\n";
        }
        main += passage_list("Attendance", profile.attendance, "No attendance list names them.");
    }
    main += "<h2>Meetings</h2>\n";
    if (profile.meetings.empty()) {
        main += "<p class=\"empty\">No meeting names them.</p>\n";
    } else {
        main += "<ul>\n";
        for (const auto& m : profile.meetings) main += "<li>" + meeting_label(m) + "</li>\n";
        main += "</ul>\n";
    }
    PageFrame frame;
    frame.title = profile.name;
    return html_page(frame, main);
}

std::string committee_page(const CommitteeSummary& committee, const std::string& topic,
                           const std::vector<Passage>& decisions) {
    std::string main =
        "<nav class=\"crumbs\" aria-label=\"Where this stands\"><a "
        "href=\"/browse\">Browse</a>" +
        (committee.council ? " › " + link(council_href(*committee.council), *committee.council) : std::string()) +
        "</nav>\n<h1>" + escape(committee.name) + "</h1>\n";
    const std::string council_query = committee.council ? "council=" + url_encode(*committee.council) + "&" : "";
    main += "<p class=\"muted\">" + std::to_string(committee.passages) + " passages, " +
            std::to_string(committee.meetings.size()) +
            (committee.meetings.size() == 1 ? " meeting" : " meetings") + " · " +
            link("/search?" + council_query + "committee=" + url_encode(committee.name), "Search this committee") +
            "</p>\n";
    main += "<form class=\"search\" action=\"" +
            escape("/committees/" + url_encode(committee.slug)) + "\" method=\"get\">" +
            (committee.council ? hidden_input("council", slugify(*committee.council)) : std::string()) +
            "<input type=\"search\" name=\"q\" value=\"" + escape(topic) +
            "\" placeholder=\"A topic: its decisions over time\" aria-label=\"Topic\"><button "
            "type=\"submit\">Show decisions</button></form>\n";
    main += decisions_html(topic, decisions, "No minute item of this committee about this records a decision.", false);
    std::vector<MeetingRef> meetings;
    for (const auto& [date, n] : committee.meetings) meetings.push_back(MeetingRef{committee.name, committee.council, date, n});
    main += "<h2>Meetings</h2>\n" + meetings_by_year(meetings, false);
    PageFrame frame;
    frame.title = topic.empty() ? committee.name : committee.name + ": " + topic;
    return html_page(frame, main);
}

}  // namespace minutebook::web
