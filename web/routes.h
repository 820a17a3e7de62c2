// The routes of the HTTP server and what they share. Internal to web/: only
// these files see httplib, and only they turn a Failure into a status code.
#pragma once

#include <httplib.h>

#include <atomic>
#include <functional>

#include "web/outcome.h"
#include "web/pdf_files.h"
#include "web/server.h"
#include "web/sessions.h"

namespace minutebook::web {

struct Context {
    explicit Context(const ServerOptions& o)
        : options(o),
          sessions(o.index.databases.empty() ? IndexLocation{{o.db_path}, ""} : o.index, o.search),
          files(o.roots) {}
    ServerOptions options;
    SessionPool sessions;
    PdfFiles files;
    std::atomic<int> port{0};  // the port bound, for absolute links when a request names no host
};

using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

// The HTTP boundary: runs `handler`, and turns what it throws into an error
// response (503 when the index cannot be read, 500 otherwise), logged.
httplib::Server::Handler guarded(Handler handler);

// An error response: JSON {"error": {"status", "message"}} for the API, the
// files, feeds and exports; an HTML page for the pages.
void send_failure(const httplib::Request& req, httplib::Response& res, const Failure& failure);
void send_error(const httplib::Request& req, httplib::Response& res, int status,
                const std::string& message);

void send_html(httplib::Response& res, const std::string& html);

// 301 to `location` (a path on this server): an address that moved.
void send_redirect(httplib::Response& res, const std::string& location);
// 300 and a page listing `passages` (their addresses, or with `meetings`
// the addresses of their meetings), each with its council, committee and
// date: an old address that now names several things.
void send_candidates(httplib::Response& res, const std::string& heading, const std::vector<Passage>& passages,
                     bool meetings = false);
// The same for any choices: (address, label) pairs.
void send_choices(httplib::Response& res, const std::string& heading,
                  const std::vector<std::pair<std::string, std::string>>& choices);

// A search through the query layer, a request it refuses as a Failure.
Outcome<SearchResponse> run_search(IndexSession& session, const SearchRequest& request);

// "http://host:port" as the request named it (Host), else as bound.
// The scheme, host and path prefix people reach the server at: the
// configured base URL, else the X-Forwarded-* headers of a trusted proxy,
// else the request's Host; no trailing slash.
std::string base_url(const httplib::Request& req, const Context& context);
// The path the server is published under ("/archive"), "" at the root.
std::string path_prefix(const httplib::Request& req, const Context& context);
// Puts a response's own links (Location, HTML href/src/action, JSON urls)
// under `prefix`.
void under_prefix(httplib::Response& res, const std::string& prefix);

void add_page_routes(httplib::Server& server, Context& context);
void add_api_routes(httplib::Server& server, Context& context);
void add_file_routes(httplib::Server& server, Context& context);

}  // namespace minutebook::web
