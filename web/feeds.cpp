#include "web/feeds.h"

#include "web/html.h"
#include "web/pages.h"
#include "web/params.h"

namespace minutebook::web {
namespace {

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : separator) + parts[i];
    return out;
}

std::string rfc3339(const std::string& iso_date) {
    return iso_date + "T00:00:00Z";
}

std::string pdf_url(const SearchResult& r) {
    return "/files/" + r.passage.primary().file_id + "#page=" + std::to_string(r.page);
}

std::string summary_html(const SearchResult& r) {
    const Passage& p = r.passage;
    std::vector<std::string> facts{type_label(p.type)};
    if (p.committee) facts.push_back(*p.committee);
    if (p.meeting_date) facts.push_back(long_date(*p.meeting_date));
    if (p.minute) facts.push_back("minute " + *p.minute);
    if (p.decision) facts.push_back("decision: " + p.decision->kind);
    return "<p>" + escape(join(facts, " · ")) + "</p><p>" + r.snippet + "</p>";
}

}  // namespace

std::string xml_text(const std::string& text) {
    std::string clean;
    clean.reserve(text.size());
    for (char c : text) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            clean.push_back(' ');
        } else {
            clean.push_back(c);
        }
    }
    return escape(clean);
}

std::string atom_feed(const SearchResponse& response, const std::string& base_url,
                      const std::string& now) {
    const SearchRequest& r = response.request;
    SearchRequest state = r;
    state.offset = 0;
    state.sort = "relevance";
    const std::string qs = query_string(state);
    const std::string self = base_url + "/feed.atom" + (qs.empty() ? "" : "?" + qs);
    SearchRequest page = state;
    page.sort = "date";
    const std::string page_qs = query_string(page);

    std::string updated;
    for (const auto& result : response.results) {
        if (result.passage.meeting_date && result.passage.meeting_date->size() == 10 &&
            rfc3339(*result.passage.meeting_date) > updated) {
            updated = rfc3339(*result.passage.meeting_date);
        }
    }
    if (updated.empty()) updated = now;

    std::string out =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed "
        "xmlns=\"http://www.w3.org/2005/Atom\">\n";
    out += "<title>" +
           xml_text(r.query.empty() ? "Minutebook: latest passages" : "Minutebook: " + r.query) +
           "</title>\n";
    out += "<id>" + xml_text(self) + "</id>\n<updated>" + updated + "</updated>\n";
    out += "<link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_text(self) + "\"/>\n";
    out += "<link rel=\"alternate\" type=\"text/html\" href=\"" +
           xml_text(base_url + "/search?" + page_qs) + "\"/>\n";
    out += "<author><name>Minutebook</name></author>\n<generator>Minutebook</generator>\n";
    for (const auto& result : response.results) {
        const Passage& p = result.passage;
        const std::string date =
            p.meeting_date && p.meeting_date->size() == 10 ? rfc3339(*p.meeting_date) : updated;
        out +=
            "<entry>\n<title>" + xml_text(p.title.empty() ? "(untitled)" : p.title) + "</title>\n";
        out += "<id>urn:minutebook:passage:" + xml_text(p.id()) + "</id>\n";
        out += "<link rel=\"alternate\" type=\"text/html\" href=\"" +
               xml_text(base_url + passage_url(p)) + "\"/>\n";
        out += "<link rel=\"related\" type=\"application/pdf\" href=\"" +
               xml_text(base_url + pdf_url(result)) + "\"/>\n";
        out += "<updated>" + date + "</updated>\n";
        out += "<category term=\"" + xml_text(to_string(p.type)) + "\"/>\n";
        out +=
            "<summary type=\"html\">" + xml_text(summary_html(result)) + "</summary>\n</entry>\n";
    }
    return out + "</feed>\n";
}

std::string csv_field(const std::string& text) {
    std::string value = text;
    if (!value.empty() &&
        (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@')) {
        value.insert(value.begin(), '\'');
    }
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    return out + "\"";
}

std::string csv_header() {
    return "id,type,title,committee,meeting_date,minute,decision,decision_text,status,officers,"
           "file,page,pages,"
           "url,pdf_url,motion,moved_by,seconded_by\r\n";
}

std::string csv_rows(const std::vector<SearchResult>& results, const std::string& base_url) {
    std::string out;
    for (const auto& r : results) {
        const Passage& p = r.passage;
        std::vector<std::string> pages;
        for (int n : p.primary().pages) pages.push_back(std::to_string(n));
        // The item's motions, "; " between them: "carried 5-0", their movers and seconders.
        std::vector<std::string> motions, movers, seconders;
        for (const auto& m : p.motions) {
            motions.push_back(motion_tally(m));
            movers.push_back(m.moved_by);
            seconders.push_back(m.seconded_by);
        }
        const std::vector<std::string> cells = {
            p.id(),
            to_string(p.type),
            p.title,
            p.committee.value_or(""),
            p.meeting_date.value_or(""),
            p.minute.value_or(""),
            p.decision ? p.decision->kind : "",
            p.decision ? p.decision->text : "",
            p.status.value_or(""),
            join(p.officers, "; "),
            p.primary().file,
            std::to_string(r.page),
            join(pages, " "),
            base_url + passage_url(p),
            base_url + pdf_url(r),
            join(motions, "; "),
            join(movers, "; "),
            join(seconders, "; "),
        };
        for (size_t i = 0; i < cells.size(); ++i) out += (i == 0 ? "" : ",") + csv_field(cells[i]);
        out += "\r\n";
    }
    return out;
}

}  // namespace minutebook::web
