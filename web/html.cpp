#include "web/html.h"

#include "query/snippet.h"

namespace minutebook::web {
namespace {

// One small stylesheet for every page; no fonts, images or scripts to fetch.
constexpr const char* kStyle = R"css(
:root{--ink:#1d2430;--muted:#556070;--line:#d9dfe7;--bg:#f5f6f8;--card:#fff;--accent:#1c5aa6;
--navy:#16324f;--chip:#e5ecf4;--mark:#ffe98a;--ok:#1e6b3a;--ok-bg:#e3f4e8}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--ink);background:var(--bg)}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
header.top{background:var(--navy);color:#fff;padding:.65rem 1.5rem;display:flex;gap:1.5rem;
align-items:center;flex-wrap:wrap}
header.top .brand{color:#fff;font-weight:700;font-size:1.2rem;letter-spacing:.01em}
header.top nav{margin-left:auto;display:flex;gap:1.2rem}
header.top nav a{color:#d6e4f2}
form.search{display:flex;flex:1;max-width:640px}
form.search input[type=search]{flex:1;min-width:0;padding:.5rem .7rem;border:1px solid #9fb3c8;
border-radius:4px 0 0 4px;font-size:1rem}
form.search button{padding:.5rem 1rem;border:0;background:#f0b429;color:var(--navy);font-weight:700;
border-radius:0 4px 4px 0;font-size:1rem;cursor:pointer}
main{max-width:1180px;margin:0 auto;padding:1.4rem 1.5rem 3rem}
h1{font-size:1.6rem;line-height:1.25;margin:.2rem 0 .6rem}
h2{font-size:1.15rem;margin:1.6rem 0 .6rem}
.layout{display:grid;grid-template-columns:250px minmax(0,1fr);gap:2rem}
@media (max-width:820px){.layout{grid-template-columns:1fr}.layout>aside.facets{order:2}}
aside.facets h2,.side h2{font-size:.78rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);
margin:1.3rem 0 .35rem}
aside.facets h2:first-child{margin-top:0}
.side h2{margin-top:1.3rem}
aside.facets ul{list-style:none;margin:0;padding:0}
aside.facets li,ul.counts li{display:flex;justify-content:space-between;gap:.6rem;padding:.12rem 0;font-size:.93rem}
.count,.muted{color:var(--muted)}
.count{font-variant-numeric:tabular-nums}
aside.facets li.chosen{font-weight:700}
aside.facets details summary{cursor:pointer;color:var(--accent);font-size:.9rem;padding:.2rem 0}
form.dates label{display:block;font-size:.88rem;color:var(--muted);margin:.2rem 0}
form.dates input{width:100%;padding:.3rem .4rem;border:1px solid var(--line);border-radius:4px;
font:inherit;color:var(--ink)}
form.dates button,.button{margin-top:.5rem;padding:.3rem .9rem;border:1px solid var(--accent);
background:#fff;color:var(--accent);border-radius:4px;font:inherit;cursor:pointer}
.summary{display:flex;justify-content:space-between;align-items:baseline;flex-wrap:wrap;gap:.4rem 1rem;
margin-bottom:.6rem}
.summary p{margin:0}
.sort strong,.sort a{margin-left:.5rem}
.chips{display:flex;flex-wrap:wrap;gap:.4rem;margin:0 0 .9rem;padding:0;list-style:none}
.chip{display:inline-flex;align-items:center;gap:.45rem;background:var(--chip);border-radius:999px;
padding:.15rem .35rem .15rem .75rem;font-size:.88rem}
.chip a{display:inline-block;width:1.3rem;height:1.3rem;line-height:1.25rem;text-align:center;
border-radius:50%;color:var(--muted);font-weight:700}
.chip a:hover{background:#c9d6e4;text-decoration:none}
.result{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.85rem 1.1rem;
margin:0 0 .8rem}
.result h3{margin:0 0 .2rem;font-size:1.07rem;line-height:1.35}
.meta{color:var(--muted);font-size:.88rem;display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .8rem}
.badge{display:inline-block;padding:0 .45rem;border-radius:3px;font-size:.74rem;font-weight:700;
text-transform:uppercase;letter-spacing:.04em;background:var(--chip);color:#334e68}
.badge.decision{background:var(--ok-bg);color:var(--ok)}
.badge.ocr{background:#fdf0d5;color:#8a5a00}
.snippet{margin:.45rem 0;overflow-wrap:anywhere}
mark{background:var(--mark);color:inherit;padding:0 .1em;border-radius:2px}
.links{font-size:.9rem;display:flex;flex-wrap:wrap;gap:.2rem 1rem;align-items:baseline}
.links .file{color:var(--muted);overflow-wrap:anywhere}
.pager{display:flex;justify-content:space-between;align-items:center;margin-top:1.2rem}
.empty{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:1rem 1.2rem}
.empty p:first-child{margin-top:0}
.named{background:var(--ok-bg);border:1px solid #b9dfc3;border-radius:6px;padding:.6rem 1rem;margin:0 0 .9rem}
.empty ul{margin-bottom:0}
.crumbs{font-size:.9rem;color:var(--muted);margin-bottom:.4rem}
.columns{display:grid;grid-template-columns:minmax(0,1fr) 300px;gap:2rem}
@media (max-width:820px){.columns{grid-template-columns:1fr}}
.text{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--card);border:1px solid var(--line);
border-radius:6px;padding:1rem 1.2rem;font-size:.95rem;margin:0}
.pagemark:first-child{border-top:0;margin-top:0;padding-top:0}
.pagemark{display:block;color:var(--muted);font-size:.8rem;border-top:1px dashed var(--line);
margin:.6rem 0 .3rem;padding-top:.2rem}
.resolution{border-left:4px solid #3f9142;background:var(--ok-bg);padding:.6rem 1rem;margin:1rem 0;
border-radius:0 6px 6px 0}
.resolution h2{margin:0 0 .3rem;font-size:1rem}
.resolution p{margin:0;white-space:pre-wrap}
.card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.9rem 1.1rem}
.card h3,.card h2:first-child{margin-top:0}
.card h3{margin-bottom:.2rem}
.card p{margin:.2rem 0 .6rem}
ul.years{display:flex;flex-wrap:wrap;gap:.4rem 1.4rem;list-style:none;margin:0;padding:0}
ul.years .count{margin-left:.35rem}
ul.counts{list-style:none;margin:0;padding:0}
dl.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.25rem .9rem;margin:0;font-size:.93rem}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}
.cite{font-size:.88rem;background:#f0f2f5;border-radius:4px;padding:.4rem .6rem;overflow-wrap:anywhere}
ul.plain{list-style:none;padding:0;margin:0}
ul.plain li{padding:.2rem 0;overflow-wrap:anywhere}
.item{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.8rem 1.1rem;margin:0 0 .7rem}
.item h3{margin:0 0 .2rem;font-size:1.02rem}
.num{color:var(--muted);font-variant-numeric:tabular-nums;margin-right:.4rem}
.hero{max-width:720px;margin:2.5rem auto 1.5rem;text-align:center}
.hero h1{font-size:2rem}
.hero form.search{max-width:none;margin:1rem 0 .5rem}
.hero form.search input[type=search]{font-size:1.1rem;padding:.7rem .9rem}
.hero p{color:var(--muted)}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:1rem}
.meetings{display:flex;flex-wrap:wrap;gap:.3rem .8rem;font-size:.92rem}
code{background:#eef1f5;border-radius:3px;padding:0 .25em;font-size:.92em}
table.syntax{border-collapse:collapse;background:var(--card);width:100%}
table.syntax td:first-child{width:40%}
table.syntax td,table.syntax th{border:1px solid var(--line);padding:.4rem .6rem;text-align:left;vertical-align:top}
footer{color:var(--muted);font-size:.85rem;text-align:center;padding:1rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.3rem}
)css";

}  // namespace

std::string escape(const std::string& text) {
    return escape_html(text);
}

std::string hidden_input(const std::string& name, const std::string& value) {
    return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
}

std::string capitalised(const std::string& word) {
    std::string out = word;
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::string type_label(const std::string& type) {
    if (type == "minute") return "Minute item";
    if (type == "action") return "Action";
    if (type == "report") return "Report";
    if (type == "agenda") return "Agenda item";
    if (type == "page") return "Page";
    return capitalised(type);
}

std::string type_label(PassageType type) { return type_label(std::string(to_string(type))); }

std::string html_page(const PageFrame& frame, const std::string& main_html) {
    std::string out;
    out.reserve(main_html.size() + 8000);
    out +=
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    out += escape(frame.title.empty() ? "Minutebook" : frame.title + " · Minutebook");
    out += "</title>\n<link rel=\"icon\" href=\"data:,\">\n";
    if (!frame.feed_url.empty()) {
        out +=
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Atom feed of this "
            "search\" href=\"" +
            escape(frame.feed_url) + "\">\n";
    }
    out += "<style>";
    out += kStyle;
    out +=
        "</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n"
        "<header class=\"top\">\n<a class=\"brand\" href=\"/\">Minutebook</a>\n";
    if (frame.header_search) {
        out +=
            "<form class=\"search\" action=\"/search\" method=\"get\" role=\"search\">"
            "<input type=\"search\" name=\"q\" value=\"" +
            escape(frame.query) +
            "\" placeholder=\"Search minutes, reports and actions\" aria-label=\"Search\">" +
            frame.hidden_html + "<button type=\"submit\">Search</button></form>\n";
    }
    out +=
        "<nav><a href=\"/browse\">Browse</a><a href=\"/help\">Search help</a></nav>\n</header>\n"
        "<main id=\"main\">\n";
    out += main_html;
    out +=
        "\n</main>\n<footer>Minutebook · committee papers, searchable · "
        "<a href=\"/help#api\">JSON API</a></footer>\n</body>\n</html>\n";
    return out;
}

std::string error_page(const std::string& heading, const std::string& message) {
    return "<h1>" + escape(heading) + "</h1>\n<p>" + escape(message) +
           "</p>\n<p><a href=\"/\">Start a new search</a> · <a href=\"/browse\">Browse "
           "committees</a> · "
           "<a href=\"/help\">How to search</a></p>";
}

}  // namespace minutebook::web
