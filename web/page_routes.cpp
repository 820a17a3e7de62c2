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

    server.Get(R"(/minutes/([^/]+)/([^/]+)/([^/]+))",
               guarded([&context](const httplib::Request& req, httplib::Response& res) {
                   const std::string slug = req.matches[1], date = req.matches[2],
                                     number = req.matches[3];
                   if (!path_segment(slug) || !iso_date_text(date) || !path_segment(number)) {
                       return send_failure(
                           req, res,
                           bad_request(
                               "A minute item's address is /minutes/committee/YYYY-MM-DD/number."));
                   }
                   auto session = context.sessions.acquire();
                   auto item = minute_item(session->db, slug, date, number);
                   if (!item) {
                       const auto name = committee_name(session->db, slug);
                       return send_failure(req, res,
                                           not_found("The archive has no minute " + number +
                                                     " of the " + name.value_or("committee") +
                                                     " meeting of " + long_date(date) + "."));
                   }
                   send_html(res, passage_page(*item, cited_minutes(session->db, *item),
                                               citing_passages(session->db, *item)));
               }));

    server.Get(R"(/meetings/([^/]+)/([^/]+))",
               guarded([&context](const httplib::Request& req, httplib::Response& res) {
                   const std::string slug = req.matches[1], date = req.matches[2];
                   if (!path_segment(slug) || !iso_date_text(date)) {
                       return send_failure(
                           req, res,
                           bad_request("A meeting's address is /meetings/committee/YYYY-MM-DD."));
                   }
                   auto session = context.sessions.acquire();
                   auto passages = meeting_passages(session->db, slug, date);
                   if (passages.empty()) {
                       const auto name = committee_name(session->db, slug);
                       return send_failure(
                           req, res,
                           not_found("The archive has no meeting of " +
                                     (name ? "the " + *name : std::string("this committee")) +
                                     " on " + long_date(date) + "."));
                   }
                   std::string name = committee_name(session->db, slug)
                                          .value_or(passages.front().committee.value_or(slug));
                   send_html(res, meeting_page(name, date, passages));
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
                   if (!passage)
                       return send_failure(req, res,
                                           not_found("No passage with this id is in the archive."));
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
                   auto session = context.sessions.acquire();
                   std::optional<CommitteeSummary> committee;
                   for (auto& c : committees(session->db)) {
                       if (c.slug == slug) committee = std::move(c);
                   }
                   if (!committee)
                       return send_failure(req, res,
                                           not_found("The archive has no committee of this name."));
                   std::vector<Passage> decisions;
                   if (!topic.empty()) {
                       auto found = decisions_timeline(*session, committee->name, topic);
                       if (!found) return send_failure(req, res, found.failure());
                       decisions = std::move(found.value());
                   }
                   send_html(res, committee_page(*committee, topic, decisions));
               }));
}

}  // namespace minutebook::web
