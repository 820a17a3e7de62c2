// The HTML pages: front page, search, browse, help, a minute item, a
// meeting, any passage.
#include <optional>
#include <regex>

#include "query/minute_ref.h"
#include "web/html.h"
#include "web/lookup.h"
#include "web/pages.h"
#include "web/params.h"
#include "web/profiles.h"
#include "web/routes.h"

namespace minutebook::web {
namespace {

bool passage_id(const std::string& id) {
    static const std::regex kId("[0-9a-f]{16}");
    return std::regex_match(id, kId);
}

// Facets and total of every passage: what the front and browse pages show.
SearchResponse everything(IndexSession& session) {
    SearchRequest all;
    all.limit = 1;
    return session.searcher.search(all);
}

}  // namespace

void add_page_routes(httplib::Server& server, Context& context) {
    server.Get("/", guarded([&context](const httplib::Request&, httplib::Response& res) {
                   auto session = context.sessions.acquire();
                   send_html(res, home_page(committees(session->db), everything(*session)));
               }));

    server.Get("/search", guarded([&context](const httplib::Request& req, httplib::Response& res) {
                   ParamRules rules;
                   rules.reject_unknown = false;
                   auto request = search_request(req.params, rules);
                   if (!request) return send_failure(req, res, request.failure());
                   auto session = context.sessions.acquire();
                   auto response = run_search(*session, request.value());
                   if (!response) return send_failure(req, res, response.failure());
                   // A query that names one minute item ("CYP 232") gets a link to it
                   // above the results, which stay as they are.
                   std::optional<MinuteLookup> lookup;
                   if (!request->query.empty() && request->query.size() <= kMaxReferenceBytes &&
                       request->offset == 0) {
                       lookup = look_up_minute(session->db, request->query);
                   }
                   const Passage* named = lookup ? lookup->resolved() : nullptr;
                   send_html(res, search_page(response.value(), rules.default_limit, named));
               }));

    server.Get("/browse", guarded([&context](const httplib::Request&, httplib::Response& res) {
                   auto session = context.sessions.acquire();
                   send_html(res, browse_page(committees(session->db), everything(*session)));
               }));

    // The one script the pages load (the policy forbids inline scripts): a
    // button with data-copy="<id>" copies that element's text.
    server.Get("/copy.js", [](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "public, max-age=86400");
        res.set_content(
            "document.addEventListener('click', function (e) {\n"
            "  var b = e.target.closest('button[data-copy]');\n"
            "  if (!b || !navigator.clipboard) return;\n"
            "  var t = document.getElementById(b.getAttribute('data-copy'));\n"
            "  if (!t) return;\n"
            "  navigator.clipboard.writeText(t.textContent.trim()).then(function () {\n"
            "    b.textContent = 'Copied';\n"
            "  });\n"
            "});\n",
            "text/javascript; charset=utf-8");
    });

    server.Get("/help", guarded([](const httplib::Request&, httplib::Response& res) {
                   send_html(res, help_page());
               }));

    // A minute item: /minutes/{council}/{committee}/{date}/{number}, and
    // for one of no known council /minutes/{committee}/{date}/{number}.
    // Addresses from before URLs named councils still answer: a redirect to
    // the item's address, or the candidates when councils now tell them apart.
    auto minute_route = [&context](const httplib::Request& req, httplib::Response& res, const std::string& council,
                                   const std::string& slug, const std::string& date, const std::string& number) {
        if ((!council.empty() && !path_segment(council)) || !path_segment(slug) || !iso_date_text(date) ||
            !path_segment(number)) {
            return send_failure(
                req, res, bad_request("A minute item's address is /minutes/council/committee/YYYY-MM-DD/number."));
        }
        auto session = context.sessions.acquire();
        const auto items = minute_items(session->db, council, slug, date, number);
        if (items.empty()) {
            const auto name = committee_name(session->db, slug);
            return send_failure(req, res,
                                not_found("The archive has no minute " + number + " of the " +
                                          name.value_or("committee") + " meeting of " + long_date(date) + "."));
        }
        if (items.size() > 1) return send_candidates(res, "Minute " + number + " of " + long_date(date), items);
        const Passage& item = items.front();
        if (passage_url(item) != req.path) return send_redirect(res, passage_url(item));
        send_html(res, passage_page(item, cited_minutes(session->db, item), citing_passages(session->db, item)));
    };
    server.Get(R"(/minutes/([^/]+)/([^/]+)/([^/]+)/([^/]+))",
               guarded([minute_route](const httplib::Request& req, httplib::Response& res) {
                   // An old address with a segment too many is no address at all.
                   if (!iso_date_text(req.matches[3])) {
                       return send_failure(req, res, not_found("No page of the archive has this address."));
                   }
                   minute_route(req, res, req.matches[1], req.matches[2], req.matches[3], req.matches[4]);
               }));
    server.Get(R"(/minutes/([^/]+)/([^/]+)/([^/]+))",
               guarded([minute_route](const httplib::Request& req, httplib::Response& res) {
                   minute_route(req, res, "", req.matches[1], req.matches[2], req.matches[3]);
               }));

    // A meeting: /meetings/{council}/{committee}/{date}, and as for minutes.
    auto meeting_route = [&context](const httplib::Request& req, httplib::Response& res, const std::string& council,
                                    const std::string& slug, const std::string& date) {
        if ((!council.empty() && !path_segment(council)) || !path_segment(slug) || !iso_date_text(date)) {
            return send_failure(req, res,
                                bad_request("A meeting's address is /meetings/council/committee/YYYY-MM-DD."));
        }
        auto session = context.sessions.acquire();
        auto passages = meeting_passages(session->db, council, slug, date);
        const auto name = committee_name(session->db, slug);
        if (passages.empty()) {
            return send_failure(req, res,
                                not_found("The archive has no meeting of " +
                                          (name ? "the " + *name : std::string("this committee")) + " on " +
                                          long_date(date) + "."));
        }
        const std::vector<std::string> councils = councils_of(passages);
        if (council.empty() && councils.size() > 1) {
            std::vector<Passage> one_each;
            for (const auto& c : councils) {
                for (const auto& p : passages) {
                    if (p.council.value_or("") == c) {
                        one_each.push_back(p);
                        break;
                    }
                }
            }
            return send_candidates(res, "Meetings of " + long_date(date), one_each, /*meetings=*/true);
        }
        const Passage& first = passages.front();
        const std::string url = meeting_url(first.council, slug, date);
        if (council.empty() && first.council) return send_redirect(res, url);
        send_html(res, meeting_page(name.value_or(first.committee.value_or(slug)), date, passages));
    };
    server.Get(R"(/meetings/([^/]+)/([^/]+)/([^/]+))",
               guarded([meeting_route](const httplib::Request& req, httplib::Response& res) {
                   if (!iso_date_text(req.matches[3])) {
                       return send_failure(req, res, not_found("No page of the archive has this address."));
                   }
                   meeting_route(req, res, req.matches[1], req.matches[2], req.matches[3]);
               }));
    server.Get(R"(/meetings/([^/]+)/([^/]+))",
               guarded([meeting_route](const httplib::Request& req, httplib::Response& res) {
                   meeting_route(req, res, "", req.matches[1], req.matches[2]);
               }));

    server.Get(R"(/passages/([^/]+))",
               guarded([&context](const httplib::Request& req, httplib::Response& res) {
                   const std::string id = req.matches[1];
                   if (!passage_id(id)) {
                       return send_failure(req, res,
                                           bad_request("A passage's id is 16 hexadecimal digits."));
                   }
                   auto session = context.sessions.acquire();
                   auto passage = passage_by_id(session->db, id);
                   if (!passage) {
                       // An id from before keys named their council.
                       const auto renamed = passages_by_legacy_id(session->db, id);
                       if (renamed.size() == 1) return send_redirect(res, passage_url(renamed.front()));
                       if (renamed.size() > 1) return send_candidates(res, "Passages with this id", renamed);
                       return send_failure(req, res,
                                           not_found("No passage with this id is in the archive."));
                   }
                   send_html(res, passage_page(*passage, cited_minutes(session->db, *passage),
                                               citing_passages(session->db, *passage)));
               }));

    for (const auto kind : {Profile::Kind::kOfficer, Profile::Kind::kPerson}) {
        const bool officer = kind == Profile::Kind::kOfficer;
        server.Get(
            officer ? R"(/officers/([^/]+))" : R"(/people/([^/]+))",
            guarded([&context, kind, officer](const httplib::Request& req, httplib::Response& res) {
                const std::string name = req.matches[1];
                if (!path_segment(name)) {
                    return send_failure(
                        req, res,
                        bad_request(officer ? "An officer's address is /officers/name."
                                            : "A person's address is /people/name."));
                }
                auto session = context.sessions.acquire();
                auto found = profile(*session, kind, name);
                if (!found) return send_failure(req, res, found.failure());
                send_html(res, profile_page(found.value()));
            }));
    }

    server.Get(R"(/committees/([^/]+))",
               guarded([&context](const httplib::Request& req, httplib::Response& res) {
                   const std::string slug = req.matches[1];
                   const std::string topic = req.get_param_value("q");
                   if (!path_segment(slug))
                       return send_failure(
                           req, res, bad_request("A committee's address is /committees/name."));
                   if (topic.size() > kMaxQueryBytes || !clean_text(topic)) {
                       return send_failure(req, res,
                                           bad_request("q must be UTF-8 text of at most " +
                                                       std::to_string(kMaxQueryBytes) + " bytes."));
                   }
                   const std::string council = req.get_param_value("council");
                   auto session = context.sessions.acquire();
                   // One per council that has a committee of this name.
                   std::vector<CommitteeSummary> found;
                   for (auto& c : committees(session->db)) {
                       if (c.slug == slug && (council.empty() || slugify(c.council.value_or("")) == council)) {
                           found.push_back(std::move(c));
                       }
                   }
                   if (found.empty())
                       return send_failure(req, res,
                                           not_found("The archive has no committee of this name."));
                   if (found.size() > 1) {
                       std::vector<std::pair<std::string, std::string>> choices;
                       for (const auto& c : found) {
                           choices.emplace_back("/committees/" + url_encode(slug) + "?council=" +
                                                    url_encode(slugify(c.council.value_or(""))),
                                                c.council.value_or("No council named") + ": " + c.name);
                       }
                       return send_choices(res, found.front().name, choices);
                   }
                   const std::optional<CommitteeSummary> committee = std::move(found.front());
                   std::vector<Passage> decisions;
                   if (!topic.empty()) {
                       auto timeline = decisions_timeline(*session, committee->council, committee->name, topic);
                       if (!timeline) return send_failure(req, res, timeline.failure());
                       decisions = std::move(timeline.value());
                   }
                   send_html(res, committee_page(*committee, topic, decisions));
               }));

    server.Get(R"(/councils/([^/]+))",
               guarded([&context](const httplib::Request& req, httplib::Response& res) {
                   const std::string slug = req.matches[1];
                   const std::string topic = req.get_param_value("q");
                   if (!path_segment(slug))
                       return send_failure(req, res, bad_request("A council's address is /councils/name."));
                   if (topic.size() > kMaxQueryBytes || !clean_text(topic)) {
                       return send_failure(req, res,
                                           bad_request("q must be UTF-8 text of at most " +
                                                       std::to_string(kMaxQueryBytes) + " bytes."));
                   }
                   auto session = context.sessions.acquire();
                   const std::string name = session->db.get_metadata("council:" + slug);
                   if (name.empty()) return send_failure(req, res, not_found("The archive has no council of this name."));
                   std::vector<CommitteeSummary> its;
                   for (auto& c : committees(session->db)) {
                       if (c.council == name) its.push_back(std::move(c));
                   }
                   SearchRequest all;
                   all.council = name;
                   all.limit = 1;
                   const SearchResponse everything = session->searcher.search(all);
                   std::vector<Passage> decisions;
                   if (!topic.empty()) {
                       auto timeline = decisions_timeline(*session, name, "", topic);
                       if (!timeline) return send_failure(req, res, timeline.failure());
                       decisions = std::move(timeline.value());
                   }
                   send_html(res, council_page(name, its, everything, topic, decisions));
               }));
}

}  // namespace minutebook::web
