// The routes for machines: the JSON API, the health check, the Atom feed and
// the CSV export.
#include <ctime>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/dates.h"
#include "query/minute_ref.h"
#include "web/feeds.h"
#include "web/html.h"
#include "web/lookup.h"
#include "web/params.h"
#include "web/profiles.h"
#include "web/routes.h"

namespace minutebook::web {
namespace {

constexpr int kFeedEntries = 20;
// The export reads results in batches of this many, and stops at
// kMaxExportRows: enough for any archive a person reads in a spreadsheet.
constexpr int kExportBatch = 500;
constexpr int kMaxExportRows = 100000;

// What the export still has to write, between calls of its provider.
struct ExportState {
    SearchRequest request;  // offset: the next result to read
    int remaining = 0;      // rows still wanted
    std::string pending;    // rendered, not yet written
    std::string base_url;
};

// A passage as the API's result objects print it.
nlohmann::json passage_json(const Passage& passage) {
    SearchResult result;
    result.passage = passage;
    result.page = passage.primary().pages.front();
    return to_json(result);
}

nlohmann::json meeting_json(const MeetingRef& m) {
    return {{"council", m.council ? nlohmann::json(*m.council) : nlohmann::json(nullptr)},
            {"committee", m.committee},
            {"date", m.date},
            {"url", meeting_url(m.council, m.committee, m.date)},
            {"passages", m.passages}};
}

}  // namespace

void add_api_routes(httplib::Server& server, Context& context) {
    server.Get("/api/search",
               guarded([&context](const httplib::Request& req, httplib::Response& res) {
                   auto request = search_request(req.params, ParamRules{});
                   if (!request) return send_failure(req, res, request.failure());
                   auto session = context.sessions.acquire();
                   auto response = run_search(*session, request.value());
                   if (!response) return send_failure(req, res, response.failure());
                   res.set_content(to_json(response.value()).dump(), "application/json");
               }));

    server.Get(
        "/api/minute", guarded([&context](const httplib::Request& req, httplib::Response& res) {
            const std::string ref = req.get_param_value("ref");
            for (const auto& [name, value] : req.params) {
                if (name != "ref")
                    return send_failure(
                        req, res,
                        bad_request("Unknown parameter '" + (clean_text(name) ? name : "?") +
                                    "': use ref."));
            }
            if (ref.empty())
                return send_failure(req, res,
                                    bad_request("ref must name a minute item, as in ref=CYP+232."));
            if (ref.size() > kMaxReferenceBytes || !clean_text(ref)) {
                return send_failure(req, res,
                                    bad_request("ref must be UTF-8 text of at most " +
                                                std::to_string(kMaxReferenceBytes) + " bytes."));
            }
            auto session = context.sessions.acquire();
            res.set_content(to_json(look_up_minute(session->db, ref)).dump(), "application/json");
        }));

    server.Get("/api/facets",
               guarded([&context](const httplib::Request& req, httplib::Response& res) {
                   auto request = search_request(req.params, ParamRules{});
                   if (!request) return send_failure(req, res, request.failure());
                   request->offset = 0;
                   request->limit = 1;
                   auto session = context.sessions.acquire();
                   auto response = run_search(*session, request.value());
                   if (!response) return send_failure(req, res, response.failure());
                   res.set_content(to_json(response.value())["facets"].dump(), "application/json");
               }));

    server.Get(
        "/api/meetings", guarded([&context](const httplib::Request& req, httplib::Response& res) {
            if (!req.params.empty())
                return send_failure(req, res, bad_request("/api/meetings takes no parameters."));
            auto session = context.sessions.acquire();
            nlohmann::json body = nlohmann::json::array();
            for (const auto& m : all_meetings(session->db)) body.push_back(meeting_json(m));
            res.set_content(body.dump(), "application/json");
        }));

    // A meeting's passages: /api/meetings/{council}/{committee}/{date}, and
    // /api/meetings/{committee}/{date} for the meetings of that committee
    // and date of every council.
    auto meeting_route = [&context](const httplib::Request& req, httplib::Response& res, const std::string& council,
                                    const std::string& slug, const std::string& date) {
        if ((!council.empty() && !path_segment(council)) || !path_segment(slug) || !iso_date_text(date)) {
            return send_failure(
                req, res, bad_request("A meeting's address is /api/meetings/council/committee/YYYY-MM-DD."));
        }
        auto session = context.sessions.acquire();
        const auto passages = meeting_passages(session->db, council, slug, date);
        if (passages.empty())
            return send_failure(req, res,
                                not_found("The archive has no meeting of this committee on " + long_date(date) + "."));
        nlohmann::json body = nlohmann::json::array();
        for (const auto& p : passages) body.push_back(passage_json(p));
        res.set_content(body.dump(), "application/json");
    };
    server.Get(R"(/api/meetings/([^/]+)/([^/]+)/([^/]+))",
               guarded([meeting_route](const httplib::Request& req, httplib::Response& res) {
                   meeting_route(req, res, req.matches[1], req.matches[2], req.matches[3]);
               }));
    server.Get(R"(/api/meetings/([^/]+)/([^/]+))",
               guarded([meeting_route](const httplib::Request& req, httplib::Response& res) {
                   meeting_route(req, res, "", req.matches[1], req.matches[2]);
               }));

    server.Get(R"(/api/officers/([^/]+))",
               guarded([&context](const httplib::Request& req, httplib::Response& res) {
                   const std::string name = req.matches[1];
                   if (!path_segment(name))
                       return send_failure(
                           req, res, bad_request("An officer's address is /api/officers/name."));
                   auto session = context.sessions.acquire();
                   auto found = profile(*session, Profile::Kind::kOfficer, name);
                   if (!found) return send_failure(req, res, found.failure());
                   auto results = [](const std::vector<Passage>& passages) {
                       nlohmann::json out = nlohmann::json::array();
                       for (const auto& p : passages) out.push_back(passage_json(p));
                       return out;
                   };
                   nlohmann::json meetings = nlohmann::json::array();
                   for (const auto& m : found->meetings) meetings.push_back(meeting_json(m));
                   nlohmann::json body = {{"name", found->name},
                                          {"url", officer_href(found->name)},
                                          {"reports", results(found->reports)},
                                          {"contacts", results(found->contacts)},
                                          {"actions", results(found->actions)},
                                          {"meetings", meetings}};
                   res.set_content(body.dump(), "application/json");
               }));

    server.Get("/healthz", guarded([&context](const httplib::Request&, httplib::Response& res) {
                   auto session = context.sessions.acquire();
                   nlohmann::json body = {{"status", "ok"},
                                          {"passages", session->searcher.passage_count()}};
                   res.set_header("Cache-Control", "no-store");
                   res.set_content(body.dump(), "application/json");
               }));

    server.Get(
        "/feed.atom", guarded([&context](const httplib::Request& req, httplib::Response& res) {
            ParamRules rules;
            rules.default_limit = kFeedEntries;
            auto request = search_request(req.params, rules);
            if (!request) return send_failure(req, res, request.failure());
            request->sort = "date";
            auto session = context.sessions.acquire();
            auto response = run_search(*session, request.value());
            if (!response) return send_failure(req, res, response.failure());
            res.set_content(atom_feed(response.value(), base_url(req, context), utc_now_iso()),
                            "application/atom+xml; charset=utf-8");
        }));

    server.Get(
        "/export.csv", guarded([&context](const httplib::Request& req, httplib::Response& res) {
            ParamRules rules;
            rules.default_limit = kMaxExportRows;
            rules.max_limit = kMaxExportRows;
            auto request = search_request(req.params, rules);
            if (!request) return send_failure(req, res, request.failure());
            auto state = std::make_shared<ExportState>();
            state->request = request.value();
            state->remaining = request->limit;
            state->base_url = base_url(req, context);
            // The first batch is read here, so that a search the query layer
            // refuses is a 400, not a broken download.
            state->request.limit = std::min(kExportBatch, state->remaining);
            {
                auto session = context.sessions.acquire();
                auto first = run_search(*session, state->request);
                if (!first) return send_failure(req, res, first.failure());
                state->pending = csv_header() + csv_rows(first->results, state->base_url);
                const int read = static_cast<int>(first->results.size());
                state->remaining = read < state->request.limit
                                       ? 0
                                       : std::min(state->remaining - read,
                                                  first->total - state->request.offset - read);
                state->request.offset += read;
            }
            res.set_header("Content-Disposition", "attachment; filename=\"minutebook-export.csv\"");
            res.set_chunked_content_provider(
                "text/csv; charset=utf-8", [&context, state](size_t, httplib::DataSink& sink) {
                    try {
                        if (state->pending.empty() && state->remaining > 0) {
                            state->request.limit = std::min(kExportBatch, state->remaining);
                            auto session = context.sessions.acquire();
                            auto batch = run_search(*session, state->request);
                            if (!batch) return false;
                            const int read = static_cast<int>(batch->results.size());
                            state->pending = csv_rows(batch->results, state->base_url);
                            state->remaining =
                                read < state->request.limit ? 0 : state->remaining - read;
                            state->request.offset += read;
                        }
                        if (!state->pending.empty()) {
                            if (!sink.write(state->pending.data(), state->pending.size()))
                                return false;
                            state->pending.clear();
                        }
                        if (state->pending.empty() && state->remaining <= 0) sink.done();
                        return true;
                    } catch (const std::exception& e) {
                        std::cerr << "minutebook serve: export stopped: " << e.what() << "\n";
                        return false;
                    }
                });
        }));
}

}  // namespace minutebook::web
