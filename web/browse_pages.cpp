#include "web/html.h"
#include "web/lookup.h"
#include "web/pages.h"
#include "web/params.h"

namespace minutebook::web {
namespace {

// Meetings listed per committee on the front page.
constexpr size_t kRecentMeetings = 6;

const std::vector<FacetValue>& facet(const SearchResponse& response, const std::string& name) {
    static const std::vector<FacetValue> kNone;
    for (const auto& [facet_name, values] : response.facets) {
        if (facet_name == name) return values;
    }
    return kNone;
}

std::string meeting_link(const CommitteeSummary& c, const std::pair<std::string, int>& meeting) {
    return "<a href=\"" + escape(meeting_url(c.council, c.name, meeting.first)) + "\">" +
           escape(long_date(meeting.first)) + "</a>";
}

std::string year_links(const SearchResponse& everything) {
    std::string out;
    for (const auto& y : facet(everything, "year")) {
        out += "<li><a href=\"/search?from=" + escape(url_encode(y.value)) +
               "-01-01&amp;to=" + escape(url_encode(y.value)) + "-12-31\">" + escape(y.value) +
               "</a><span class=\"count\">" + std::to_string(y.count) + "</span></li>\n";
    }
    return out;
}

// An example query that runs when clicked.
std::string example(const std::string& query) {
    return "<a href=\"/search?q=" + escape(url_encode(query)) + "\"><code>" + escape(query) +
           "</code></a>";
}

}  // namespace

std::string home_page(const std::vector<CommitteeSummary>& committees,
                      const SearchResponse& everything) {
    std::string main =
        "<section class=\"hero\"><h1>Search the committee papers</h1>\n"
        "<form class=\"search\" action=\"/search\" method=\"get\" role=\"search\">"
        "<input type=\"search\" name=\"q\" autofocus placeholder=\"Try: home to school transport, "
        "minute:232, "
        "&quot;music education hub&quot;\" aria-label=\"Search\"><button "
        "type=\"submit\">Search</button></form>\n"
        "<p>" +
        std::to_string(everything.total) +
        " passages of minutes, reports, actions and agendas from " +
        std::to_string(committees.size()) +
        (committees.size() == 1 ? " committee" : " committees") +
        ".</p>\n<p><a href=\"/help\">How to search</a> · <a href=\"/browse\">Browse every "
        "meeting</a></p></section>\n";
    if (!committees.empty()) {
        main += "<h2>Committees</h2>\n<div class=\"grid\">\n";
        for (const auto& c : committees) {
            main += "<div class=\"card\"><h3><a href=\"/search?committee=" +
                    escape(url_encode(c.name)) + "\">" + escape(c.name) +
                    "</a></h3><p class=\"muted\">" + std::to_string(c.passages) + " passages, " +
                    std::to_string(c.meetings.size()) +
                    (c.meetings.size() == 1 ? " meeting" : " meetings") +
                    "</p><div class=\"meetings\">";
            for (size_t i = 0; i < std::min(c.meetings.size(), kRecentMeetings); ++i) {
                main += meeting_link(c, c.meetings[i]);
            }
            if (c.meetings.size() > kRecentMeetings) {
                main += "<a href=\"/browse#" + escape(url_encode(c.slug)) + "\">All meetings</a>";
            }
            main += "</div></div>\n";
        }
        main += "</div>\n";
    }
    const std::string years = year_links(everything);
    if (!years.empty()) {
        main +=
            "<h2>Years</h2>\n<div class=\"card\"><ul class=\"years\">" + years + "</ul></div>\n";
    }
    PageFrame frame;
    frame.header_search = false;
    return html_page(frame, main);
}

std::string browse_page(const std::vector<CommitteeSummary>& committees,
                        const SearchResponse& everything) {
    std::string main =
        "<h1>Browse</h1>\n<div class=\"layout\">\n<aside "
        "class=\"facets\">\n<h2>Years</h2>\n<ul>\n" +
        year_links(everything) + "</ul>\n<h2>Kinds of passage</h2>\n<ul>\n";
    for (const auto& t : facet(everything, "type")) {
        main += "<li><a href=\"/search?type=" + escape(url_encode(t.value)) + "\">" +
                escape(type_label(t.value)) + "</a><span class=\"count\">" +
                std::to_string(t.count) + "</span></li>\n";
    }
    main += "</ul>\n</aside>\n<section>\n";
    if (committees.empty())
        main += "<p class=\"empty\">No committee has been recognised in the archive yet.</p>\n";
    for (const auto& c : committees) {
        main += "<section class=\"item\" id=\"" + escape(url_encode(c.slug)) +
                "\"><h3><a href=\"/search?committee=" + escape(url_encode(c.name)) + "\">" +
                escape(c.name) + "</a></h3><p class=\"muted\">" + std::to_string(c.passages) +
                " passages · <a href=\"/committees/" + escape(url_encode(c.slug)) +
                "\">Meetings by year, decisions by topic</a></p><div class=\"meetings\">";
        for (const auto& m : c.meetings) main += meeting_link(c, m);
        main += "</div></section>\n";
    }
    main += "</section>\n</div>";
    PageFrame frame;
    frame.title = "Browse";
    return html_page(frame, main);
}

std::string help_page() {
    struct Row {
        std::vector<std::string> examples;
        std::string meaning;  // HTML
    };
    const Row rows[] = {
        {{"\"music education hub\""}, "the words together, in this order"},
        {{"transport -taxi"}, "passages about transport that do not mention taxis"},
        {{"fostering OR adoption"},
         "either word; <code>AND</code>, <code>NOT</code> and brackets work too"},
        {{"committee:cyp"}, "one committee, by any name people use for it (initials too)"},
        {{"minute:232"}, "a minute item by its number"},
        {{"officer:gregg", "person:goodliffe"}, "passages naming an officer, or anyone"},
        {{"type:minute"},
         "one kind of passage: <code>minute</code>, <code>action</code>, <code>report</code>, "
         "<code>agenda</code>, "
         "<code>page</code>"},
        {{"decision:approved"},
         "minute items by decision: <code>approved</code>, <code>agreed</code>, "
         "<code>noted</code>, "
         "<code>commented</code>, <code>endorsed</code>, <code>deferred</code>, "
         "<code>rejected</code>, <code>other</code>"},
        {{"result:failed"},
         "minute items by their motion's result: <code>carried</code>, <code>failed</code>, "
         "<code>withdrawn</code>"},
        {{"Resolution 2021-07"}, "a numbered resolution, as it is cited"},
        {{"status:open"}, "actions still open (or <code>complete</code>)"},
        {{"year:2019", "date:2019-01-01..2020-06-30"},
         "meetings in a year or between two dates (<code>date:2019..2020</code> too)"},
        {{"2024/039", "£39,441"},
         "references and sums as they are printed (<code>39441</code> finds the sum too)"},
    };
    std::string table = "<table class=\"syntax\">\n<tr><th>You type</th><th>To find</th></tr>\n";
    for (const auto& row : rows) {
        std::string examples;
        for (const auto& e : row.examples) examples += (examples.empty() ? "" : ", ") + example(e);
        table += "<tr><td>" + examples + "</td><td>" + row.meaning + "</td></tr>\n";
    }
    table += "</table>\n";
    const std::string main =
        R"html(<h1>How to search</h1>
<p>Type words; every word must appear, in any form (<code>placements</code> also finds
<code>placement</code>). Case, accents and ligatures do not matter. Results come best first;
choose <em>Newest first</em> to order them by meeting date. Click an example to run it.</p>
)html" + table +
        R"html(<p>The filters at the side of the results do the same with a click; each chosen filter shows
above the results with a <strong>×</strong> to remove it. The address of a results page holds
the whole search: bookmark it or send it on.</p>
<h2>Pages</h2>
<ul>
<li><code>/minutes/<var>committee</var>/<var>date</var>/<var>number</var></code>: a minute item, with its resolution, its motions and votes, and a citation to paste;</li>
<li><code>/meetings/<var>committee</var>/<var>date</var></code>: every item of one meeting;</li>
<li><code>/committees/<var>committee</var></code>: a committee's meetings by year; add <code>?q=<var>topic</var></code> for its decisions about a topic, oldest first;</li>
<li><code>/officers/<var>name</var></code>, <code>/people/<var>name</var></code>: reports, actions and meetings of an officer or a person, and the motions a person moved and how they voted;</li>
<li><code>/browse</code>: committees, their meetings, and the years of the archive.</li>
</ul>
<h2 id="api">API</h2>
<p><code>GET /api/search?q=…</code> answers with the JSON object that
<code>minutebook search --json</code> prints. Parameters: <code>q</code>, <code>committee</code>,
<code>from</code>, <code>to</code> (YYYY-MM-DD, inclusive, on the meeting date), <code>officer</code>,
<code>person</code>, <code>decision</code>, <code>result</code> (a motion's: <code>carried</code>,
<code>failed</code>, <code>withdrawn</code>), <code>moved_by</code>, <code>voted_for</code>,
<code>voted_against</code> (a person, as a roll call or vote block names them), <code>type</code>, <code>status</code>,
<code>sort</code> (<code>relevance</code> or <code>date</code>), <code>offset</code> (up to 10000) and
<code>limit</code> (1 to 100). Errors come as
<code>{"error": {"status": 400, "message": "…"}}</code>.</p>
<ul>
<li><code>GET /api/meetings</code> and <code>GET /api/meetings/<var>committee</var>/<var>date</var></code>: every meeting, and one meeting's passages;</li>
<li><code>GET /api/officers/<var>name</var></code>: an officer's reports, actions and meetings;</li>
<li><code>GET /api/facets?q=…</code>: the facets of a search alone;</li>
<li><code>GET /feed.atom?q=…</code>: an Atom feed of a search, newest first;</li>
<li><code>GET /export.csv?q=…</code>: every result of a search as CSV;</li>
<li><code>GET /files/<var>id</var></code>: a PDF by the SHA-256 of its bytes (ranges supported);</li>
<li><code>GET /healthz</code>: whether the index can be read.</li>
</ul>)html";
    PageFrame frame;
    frame.title = "How to search";
    return html_page(frame, main);
}

}  // namespace minutebook::web
