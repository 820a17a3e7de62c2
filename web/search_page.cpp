#include <algorithm>

#include "web/html.h"
#include "web/lookup.h"
#include "web/pages.h"
#include "web/params.h"

namespace minutebook::web {
namespace {

// Facet values shown before "More".
constexpr size_t kFacetValuesShown = 8;

std::string search_href(const SearchRequest& r, int default_limit) {
    const std::string qs = query_string(r, default_limit);
    return qs.empty() ? "/search" : "/search?" + qs;
}

bool year_range(const SearchRequest& r, std::string* year) {
    if (!r.from || !r.to || r.from->size() != 10 || r.from->substr(4) != "-01-01" ||
        *r.to != r.from->substr(0, 4) + "-12-31") {
        return false;
    }
    *year = r.from->substr(0, 4);
    return true;
}

std::optional<std::string>* filter_field(SearchRequest& r, const std::string& facet) {
    if (facet == "council") return &r.council;
    if (facet == "committee") return &r.committee;
    if (facet == "officer") return &r.officer;
    if (facet == "decision") return &r.decision;
    if (facet == "type") return &r.type;
    if (facet == "status") return &r.status;
    if (facet == "person") return &r.person;
    if (facet == "result") return &r.result;
    return nullptr;
}

SearchRequest with_facet(SearchRequest r, const std::string& facet, const std::string& value) {
    r.offset = 0;
    if (facet == "year") {
        r.from = value + "-01-01";
        r.to = value + "-12-31";
    } else if (auto* field = filter_field(r, facet)) {
        *field = value;
    }
    return r;
}

bool facet_chosen(SearchRequest r, const std::string& facet, const std::string& value) {
    std::string year;
    if (facet == "year") return year_range(r, &year) && year == value;
    auto* field = filter_field(r, facet);
    return field && *field && **field == value;
}

std::string facet_title(const std::string& facet) {
    if (facet == "type") return "Kind of passage";
    if (facet == "result") return "Motion";
    return capitalised(facet);
}

std::string value_label(const std::string& facet, const std::string& value) {
    if (facet == "type") return type_label(value);
    if (facet == "decision" || facet == "status" || facet == "result") return capitalised(value);
    return value;
}

std::string facet_html(const SearchRequest& request, const std::string& facet,
                       const std::vector<FacetValue>& values, bool exact, int default_limit) {
    if (values.empty()) return "";
    std::string out = "<h2>" + escape(facet_title(facet)) + "</h2>\n<ul>\n";
    auto item = [&](const FacetValue& v) {
        const std::string label = escape(value_label(facet, v.value));
        std::string li;
        if (facet_chosen(request, facet, v.value)) {
            li = "<li class=\"chosen\"><span>" + label + "</span>";
        } else {
            li = "<li><a href=\"" +
                 escape(search_href(with_facet(request, facet, v.value), default_limit)) + "\">" +
                 label + "</a>";
        }
        return li + "<span class=\"count\">" + (exact ? "" : "≈") + std::to_string(v.count) + "</span></li>\n";
    };
    for (size_t i = 0; i < std::min(values.size(), kFacetValuesShown); ++i) out += item(values[i]);
    out += "</ul>\n";
    if (values.size() > kFacetValuesShown) {
        out += "<details><summary>" + std::to_string(values.size() - kFacetValuesShown) +
               " more</summary><ul>\n";
        for (size_t i = kFacetValuesShown; i < values.size(); ++i) out += item(values[i]);
        out += "</ul></details>\n";
    }
    return out;
}

// Hidden inputs for every part of the state but the named ones.
std::string hidden_state(const SearchRequest& r, std::initializer_list<std::string_view> except,
                         int default_limit) {
    auto skip = [&](std::string_view name) {
        return std::find(except.begin(), except.end(), name) != except.end();
    };
    std::string out;
    auto add = [&](const char* name, const std::optional<std::string>& value) {
        if (value && !value->empty() && !skip(name)) out += hidden_input(name, *value);
    };
    add("q", r.query.empty() ? std::nullopt : std::optional<std::string>(r.query));
    for (const auto& [name, value] : filter_fields(r)) add(name, *value);
    if (r.sort != "relevance") add("sort", r.sort);
    if (r.limit != default_limit) add("limit", std::to_string(r.limit));
    return out;
}

std::string dates_form(const SearchRequest& r, int default_limit) {
    auto value = [](const std::optional<std::string>& v) { return v ? escape(*v) : std::string(); };
    return "<h2>Meeting date</h2>\n<form class=\"dates\" action=\"/search\" method=\"get\">" +
           hidden_state(r, {"from", "to"}, default_limit) +
           "<label>From <input type=\"date\" name=\"from\" value=\"" + value(r.from) +
           "\"></label><label>To <input type=\"date\" name=\"to\" value=\"" + value(r.to) +
           "\"></label><button type=\"submit\">Apply dates</button></form>\n";
}

struct Chip {
    std::string label;
    SearchRequest without;
};

std::vector<Chip> chips(const SearchRequest& request) {
    std::vector<Chip> out;
    SearchRequest base = request;
    base.offset = 0;
    auto add = [&](const std::string& label, auto clear) {
        SearchRequest r = base;
        clear(r);
        out.push_back({label, r});
    };
    if (request.committee)
        add("Committee: " + *request.committee, [](SearchRequest& r) { r.committee.reset(); });
    std::string year;
    if (year_range(request, &year)) {
        add("Year: " + year, [](SearchRequest& r) { r.from.reset(), r.to.reset(); });
    } else {
        if (request.from)
            add("From " + long_date(*request.from), [](SearchRequest& r) { r.from.reset(); });
        if (request.to) add("To " + long_date(*request.to), [](SearchRequest& r) { r.to.reset(); });
    }
    if (request.officer)
        add("Officer: " + *request.officer, [](SearchRequest& r) { r.officer.reset(); });
    if (request.person)
        add("Person: " + *request.person, [](SearchRequest& r) { r.person.reset(); });
    if (request.decision) {
        add("Decision: " + capitalised(*request.decision),
            [](SearchRequest& r) { r.decision.reset(); });
    }
    if (request.type)
        add("Kind: " + type_label(*request.type), [](SearchRequest& r) { r.type.reset(); });
    if (request.status)
        add("Status: " + capitalised(*request.status), [](SearchRequest& r) { r.status.reset(); });
    if (request.result)
        add("Motion: " + capitalised(*request.result), [](SearchRequest& r) { r.result.reset(); });
    if (request.moved_by)
        add("Moved by: " + *request.moved_by, [](SearchRequest& r) { r.moved_by.reset(); });
    if (request.voted_for)
        add("Voted for: " + *request.voted_for, [](SearchRequest& r) { r.voted_for.reset(); });
    if (request.voted_against)
        add("Voted against: " + *request.voted_against, [](SearchRequest& r) { r.voted_against.reset(); });
    return out;
}

std::string result_html(const SearchResult& r) {
    const Passage& p = r.passage;
    std::string out = "<article class=\"result\">\n<h3><a href=\"" + escape(passage_url(p)) +
                      "\">" + escape(p.title.empty() ? "(untitled)" : p.title) +
                      "</a></h3>\n<div class=\"meta\">";
    out += "<span class=\"badge\">" + escape(type_label(p.type)) + "</span>";
    if (p.decision) {
        out +=
            "<span class=\"badge decision\">" + escape(capitalised(p.decision->kind)) + "</span>";
    }
    for (const auto& m : p.motions) {
        if (m.result != MotionResult::kNotStated)
            out += "<span class=\"badge\" title=\"Motion\">" + escape(capitalised(motion_tally(m))) + "</span>";
    }
    if (p.status)
        out += "<span class=\"badge\">" + escape(p.status_text.value_or(*p.status)) + "</span>";
    if (p.ocr()) out += "<span class=\"badge ocr\" title=\"Text read by OCR\">OCR</span>";
    if (p.council) out += "<span>" + escape(*p.council) + "</span>";
    if (p.committee) out += "<span>" + escape(*p.committee) + "</span>";
    if (p.meeting_date) {
        const std::string date = escape(long_date(*p.meeting_date));
        if (p.committee) {
            out += "<span><a href=\"" + escape(meeting_url(p.council, *p.committee, *p.meeting_date)) +
                   "\">Meeting of " + date + "</a></span>";
        } else {
            out += "<span>" + date + "</span>";
        }
    }
    if (p.minute) out += "<span>Minute " + escape(*p.minute) + "</span>";
    out += "</div>\n<p class=\"snippet\">" + r.snippet + "</p>\n<div class=\"links\">";
    out += "<a href=\"" + escape(pdf_href(p.primary().file_id, r.page)) + "\">Open PDF at page " +
           std::to_string(r.page) + "</a>";
    out += "<span class=\"file\">" + escape(p.primary().file) + "</span>";
    if (p.locations.size() > 1) {
        const size_t more = p.locations.size() - 1;
        out += "<span class=\"muted\">also printed in " + std::to_string(more) + " other " +
               (more == 1 ? "file" : "files") + "</span>";
    }
    return out + "</div>\n</article>\n";
}

std::string pager_html(const SearchResponse& response, int default_limit) {
    const SearchRequest& r = response.request;
    if (response.total <= r.limit && r.offset == 0) return "";
    std::string out = "<nav class=\"pager\" aria-label=\"Pages of results\"><span>";
    if (r.offset > 0) {
        SearchRequest prev = r;
        prev.offset = std::max(0, r.offset - r.limit);
        out += "<a rel=\"prev\" href=\"" + escape(search_href(prev, default_limit)) +
               "\">← Previous</a>";
    }
    const int page = r.offset / r.limit + 1;
    const int pages = std::max(page, (response.total + r.limit - 1) / r.limit);
    out += "</span><span class=\"muted\">Page " + std::to_string(page) + " of " +
           std::to_string(pages) + "</span><span>";
    if (r.offset + r.limit < response.total && r.offset + r.limit <= kMaxOffset) {
        SearchRequest next = r;
        next.offset = r.offset + r.limit;
        out +=
            "<a rel=\"next\" href=\"" + escape(search_href(next, default_limit)) + "\">Next →</a>";
    }
    return out + "</span></nav>\n";
}

std::string summary_html(const SearchResponse& response, int default_limit) {
    const SearchRequest& r = response.request;
    std::string out = "<div class=\"summary\"><p>";
    const int shown = static_cast<int>(response.results.size());
    std::string count = (response.total_exact ? "" : "about ") + std::to_string(response.total);
    out += "<strong>" + count + "</strong> " + (response.total == 1 ? "passage" : "passages");
    if (!r.query.empty()) out += " for <q>" + escape(r.query) + "</q>";
    if (shown > 0 && response.total > shown) {
        out += " <span class=\"muted\">(" + std::to_string(r.offset + 1) + "–" +
               std::to_string(r.offset + shown) + ")</span>";
    }
    out += "</p>";
    if (response.total == 0) return out + "</div>\n";
    out += "<p class=\"sort\">Sort:";
    for (const auto& [value, label] :
         {std::pair<std::string, std::string>{"relevance", "Relevance"},
          {"date", "Newest first"}}) {
        if (r.sort == value) {
            out += "<strong>" + label + "</strong>";
        } else {
            SearchRequest s = r;
            s.sort = value;
            s.offset = 0;
            out += "<a href=\"" + escape(search_href(s, default_limit)) + "\">" + label + "</a>";
        }
    }
    SearchRequest everything = r;
    everything.offset = 0;
    everything.limit = default_limit;
    const std::string qs = query_string(everything, default_limit);
    SearchRequest feed = everything;
    feed.sort = "relevance";
    const std::string feed_qs = query_string(feed, default_limit);
    out += "</p><p class=\"muted\"><a href=\"/export.csv" + escape(qs.empty() ? "" : "?" + qs) +
           "\">Download all as CSV</a> · <a href=\"/feed.atom" +
           escape(feed_qs.empty() ? "" : "?" + feed_qs) + "\">Atom feed</a></p></div>\n";
    return out;
}

}  // namespace

std::string pdf_href(const std::string& file_id, int page) {
    return "/files/" + file_id + "#page=" + std::to_string(page);
}

std::string search_page(const SearchResponse& response, int default_limit, const Passage* named) {
    const SearchRequest& r = response.request;
    std::string main = "<div class=\"layout\">\n<aside class=\"facets\" aria-label=\"Filters\">\n";
    if (!response.facets_exact) {
        main += "<p class=\"muted\">Too many matches to count one by one: ≈ counts are estimated from a "
                "sample of the archive.</p>\n";
    }
    for (const auto& [facet, values] : response.facets) {
        // Councils are shown when the results span more than one.
        if (facet == "council" && values.size() < 2) continue;
        main += facet_html(r, facet, values, response.facets_exact, default_limit);
        if (facet == "year") main += dates_form(r, default_limit);
    }
    main += "</aside>\n<section aria-label=\"Results\">\n";
    main += summary_html(response, default_limit);
    const auto chosen = chips(r);
    if (!chosen.empty()) {
        main += "<ul class=\"chips\" aria-label=\"Chosen filters\">";
        for (const auto& chip : chosen) {
            main += "<li class=\"chip\">" + escape(chip.label) + "<a href=\"" +
                    escape(search_href(chip.without, default_limit)) +
                    "\" title=\"Remove this filter\" aria-label=\"Remove " + escape(chip.label) +
                    "\">×</a></li>";
        }
        main += "</ul>\n";
    }
    if (named) {
        main += "<p class=\"named\">Minute " + escape(named->minute.value_or("")) + " of the " +
                escape(named->committee.value_or("committee")) + ", " +
                escape(long_date(named->meeting_date.value_or(""))) + ": <a href=\"" +
                escape(passage_url(*named)) + "\">" +
                escape(named->title.empty() ? "(untitled)" : named->title) + "</a></p>\n";
    }
    if (response.corrected) {
        main += "<p>Nothing matches <q>" + escape(r.query) +
                "</q>; these are the results for <strong>" + escape(*response.corrected) +
                "</strong>.</p>\n";
    }
    if (response.did_you_mean) {
        SearchRequest c = r;
        c.query = *response.did_you_mean;
        c.offset = 0;
        main += "<p>Did you mean <a href=\"" + escape(search_href(c, default_limit)) + "\">" +
                escape(*response.did_you_mean) + "</a>?</p>\n";
    }
    if (response.results.empty()) {
        main +=
            "<div class=\"empty\"><p><strong>No passage matches.</strong></p><ul>"
            "<li>Check the spelling, or use fewer words.</li>";
        if (!chosen.empty()) {
            SearchRequest bare;
            bare.query = r.query;
            bare.limit = r.limit;
            main += "<li><a href=\"" + escape(search_href(bare, default_limit)) +
                    "\">Search again without the filters</a>.</li>";
        }
        main += "<li>See <a href=\"/help\">how to search</a>.</li></ul></div>\n";
    }
    for (const auto& result : response.results) main += result_html(result);
    main += pager_html(response, default_limit);
    main += "</section>\n</div>";

    PageFrame frame;
    frame.title = r.query.empty() ? "Search" : r.query;
    frame.query = r.query;
    frame.hidden_html = hidden_state(r, {"q"}, default_limit);
    SearchRequest feed = r;
    feed.offset = 0;
    feed.limit = default_limit;
    feed.sort = "relevance";
    const std::string feed_qs = query_string(feed, default_limit);
    frame.feed_url = "/feed.atom" + (feed_qs.empty() ? "" : "?" + feed_qs);
    return html_page(frame, main);
}

}  // namespace minutebook::web
