#include "web/server.h"

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <atomic>
#include <chrono>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <thread>

#include "web/html.h"
#include "web/lookup.h"
#include "web/routes.h"

namespace minutebook::web {
namespace {

// Routes that answer machines; everything else is a page for people.
bool machine_route(const std::string& path) {
    for (const char* prefix : {"/api/", "/files/"}) {
        if (path.rfind(prefix, 0) == 0) return true;
    }
    return path == "/healthz" || path == "/feed.atom" || path == "/export.csv" || path == "/files";
}

int status_of(FailureKind kind) {
    switch (kind) {
        case FailureKind::kBadRequest:
            return 400;
        case FailureKind::kNotFound:
            return 404;
        case FailureKind::kUnavailable:
            return 503;
    }
    return 500;
}

std::string heading_for(int status) {
    switch (status) {
        case 400:
            return "This request cannot be answered";
        case 404:
            return "Not found";
        case 405:
            return "Method not allowed";
        case 413:
            return "Request too large";
        case 431:
            return "Request too large";
        case 416:
            return "Range not satisfiable";
        case 503:
            return "The archive cannot be read just now";
        default:
            return status >= 500 ? "Something went wrong" : "This request cannot be answered";
    }
}

std::string default_message(int status) {
    switch (status) {
        case 404:
            return "Nothing is at this address.";
        case 405:
            return "Only GET and HEAD requests are answered.";
        case 413:
            return "The request is larger than this server accepts.";
        case 416:
            return "The range asked for is outside the file.";
        default:
            return status >= 500 ? "The server could not answer this request."
                                 : "The request cannot be read.";
    }
}

void log_error(const httplib::Request& req, const std::string& what) {
    std::cerr << "minutebook serve: " << req.method << " " << req.path << ": " << what << "\n";
}

// More header fields than a browser sends by far; httplib bounds each
// line (8 KB) but not their number.
constexpr size_t kMaxHeaderFields = 100;

struct Refusal {
    int status;
    std::string message;
};

bool hex_digit(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// Whether every '%' of `target` starts an escape of two hex digits
// (httplib passes the rest through as text).
bool escapes_valid(const std::string& target) {
    for (size_t i = 0; i < target.size(); ++i) {
        if (target[i] != '%') continue;
        if (i + 2 >= target.size() || !hex_digit(target[i + 1]) || !hex_digit(target[i + 2])) return false;
        i += 2;
    }
    return true;
}

// What is wrong with a request before any route reads it, or nullopt.
// httplib reads no body for a GET and would read what was sent as the
// next request on the connection, so a GET with a body is refused (and its
// connection closed) whatever its size. Other methods get their 405; httplib
// reads their bodies up to max_payload_bytes.
std::optional<Refusal> refusal(const httplib::Request& req, const ServerOptions& o) {
    if (req.headers.size() > kMaxHeaderFields) {
        return Refusal{431, "The request has more than " + std::to_string(kMaxHeaderFields) + " header fields."};
    }
    const std::string length = req.get_header_value("Content-Length");
    const bool get = req.method == "GET" || req.method == "HEAD";
    if (get && (req.has_header("Transfer-Encoding") || (!length.empty() && length != "0"))) {
        const bool number = !length.empty() && length.size() <= 18 &&
                            std::all_of(length.begin(), length.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (length.size() > 18 || (number && std::stoull(length) > o.max_payload_bytes)) {
            return Refusal{413, "The request is larger than this server accepts."};
        }
        return Refusal{400, "A GET request takes no body."};
    }
    if (!escapes_valid(req.target)) {
        return Refusal{400, "The address holds a % that is not followed by two hexadecimal digits."};
    }
    return std::nullopt;
}

unsigned worker_threads(unsigned wanted) {
    if (wanted > 0) return wanted;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    return std::max(8u, cores * 4);
}

// httplib gives each connection a worker for as long as it stays open, so
// with more busy keep-alive connections than workers the others waited, some
// for the whole of a load test. This pool counts the connections accepted
// and not yet taken by a worker, so a response can close its connection while
// others wait: each gets a turn.
class CountingPool : public httplib::ThreadPool {
  public:
    CountingPool(size_t threads, std::atomic<size_t>& waiting)
        : httplib::ThreadPool(threads), waiting_(waiting) {}

    void enqueue(std::function<void()> fn) override {
        ++waiting_;
        httplib::ThreadPool::enqueue([this, fn = std::move(fn)] {
            --waiting_;
            fn();
        });
    }

  private:
    std::atomic<size_t>& waiting_;
};

}  // namespace

void send_html(httplib::Response& res, const std::string& html) {
    res.set_header(
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; "
        "form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'");
    res.set_content(html, "text/html; charset=utf-8");
}

void send_redirect(httplib::Response& res, const std::string& location) {
    res.set_redirect(location, 301);
}

void send_candidates(httplib::Response& res, const std::string& heading, const std::vector<Passage>& passages,
                     bool meetings) {
    std::vector<std::pair<std::string, std::string>> choices;
    for (const auto& p : passages) {
        const std::string url = meetings ? meeting_url(p.council, p.committee.value_or(""), p.meeting_date.value_or(""))
                                         : passage_url(p);
        std::string what = p.council.value_or("No council named");
        if (p.committee) what += ", " + *p.committee;
        if (p.meeting_date) what += ", " + long_date(*p.meeting_date);
        if (!meetings) what += ": " + p.title;
        choices.emplace_back(url, what);
    }
    send_choices(res, heading, choices);
}

void send_choices(httplib::Response& res, const std::string& heading,
                  const std::vector<std::pair<std::string, std::string>>& choices) {
    std::string list;
    for (const auto& [url, label] : choices) list += "<li><a href=\"" + escape(url) + "\">" + escape(label) + "</a></li>\n";
    res.status = 300;
    send_html(res, html_page({heading, "", "", "", true},
                             "<h1>" + escape(heading) + "</h1>\n<p>This address names " + std::to_string(choices.size()) +
                                 " things in this archive, one for each council that has it. Choose one:</p>\n<ul>\n" +
                                 list + "</ul>"));
}

void send_error(const httplib::Request& req, httplib::Response& res, int status,
                const std::string& message) {
    res.status = status;
    if (machine_route(req.path)) {
        nlohmann::json body = {{"error", {{"status", status}, {"message", message}}}};
        res.set_content(body.dump(), "application/json");
        return;
    }
    PageFrame frame;
    frame.title = heading_for(status);
    send_html(res, html_page(frame, error_page(heading_for(status), message)));
}

void send_failure(const httplib::Request& req, httplib::Response& res, const Failure& failure) {
    send_error(req, res, status_of(failure.kind), failure.message);
}

Outcome<SearchResponse> run_search(IndexSession& session, const SearchRequest& request) {
    try {
        return session.searcher.search(request);
    } catch (const BadRequest& e) {
        return bad_request(e.what());
    }
}

namespace {

bool usable_host(const std::string& host) {
    return !host.empty() && host.size() <= 255 && std::all_of(host.begin(), host.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' ||
               c == ']';
    });
}

// "/archive" for "/archive/" or "archive": a path of plain characters, no
// trailing slash; "" for the root or anything else.
std::string clean_prefix(std::string p) {
    while (!p.empty() && p.back() == '/') p.pop_back();
    if (p.empty()) return "";
    if (p.front() != '/') p.insert(p.begin(), '/');
    const bool plain = p.size() <= 200 && p.find("//") == std::string::npos &&
                       std::all_of(p.begin(), p.end(), [](char c) {
                           return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '-' || c == '_' ||
                                  c == '.' || c == '~';
                       });
    return plain && p.find("/..") == std::string::npos ? p : "";
}

bool from_trusted_proxy(const httplib::Request& req, const Context& context) {
    const auto& proxies = context.options.trusted_proxies;
    return std::find(proxies.begin(), proxies.end(), req.remote_addr) != proxies.end();
}

// `prefix` put before every root-relative path that follows `opening` in
// `text` ("href=\"/search" -> "href=\"/archive/search"); protocol-relative
// ones ("//cdn.example/") are another site's and stay.
void prefix_paths(std::string& text, const std::string& opening, const std::string& prefix) {
    for (size_t at = text.find(opening); at != std::string::npos; at = text.find(opening, at)) {
        at += opening.size();
        if (at < text.size() && text[at] == '/' && (at + 1 == text.size() || text[at + 1] != '/')) {
            text.insert(at, prefix);
            at += prefix.size();
        }
    }
}

}  // namespace

void under_prefix(httplib::Response& res, const std::string& prefix) {
    if (prefix.empty()) return;
    if (res.has_header("Location")) {
        std::string location = res.get_header_value("Location");
        if (location.size() >= 1 && location[0] == '/' && (location.size() == 1 || location[1] != '/')) {
            res.headers.erase("Location");
            res.set_header("Location", prefix + location);
        }
    }
    const std::string type = res.get_header_value("Content-Type");
    const size_t before = res.body.size();
    if (type.rfind("text/html", 0) == 0) {
        for (const char* attribute : {"href=\"", "src=\"", "action=\""}) prefix_paths(res.body, attribute, prefix);
    } else if (type.rfind("application/json", 0) == 0) {
        prefix_paths(res.body, "url\":\"", prefix);  // "url":"/passages/...", "pdf_url":"/files/..."
    }
    if (res.body.size() != before && res.has_header("Content-Length")) {
        res.headers.erase("Content-Length");
        res.set_header("Content-Length", std::to_string(res.body.size()));
    }
}

std::string path_prefix(const httplib::Request& req, const Context& context) {
    const std::string& base = context.options.base_url;
    if (!base.empty()) {
        const size_t scheme = base.find("://");
        const size_t path = scheme == std::string::npos ? 0 : base.find('/', scheme + 3);
        return path == std::string::npos ? "" : clean_prefix(base.substr(path));
    }
    if (from_trusted_proxy(req, context)) return clean_prefix(req.get_header_value("X-Forwarded-Prefix"));
    return "";
}

std::string base_url(const httplib::Request& req, const Context& context) {
    std::string base = context.options.base_url;
    if (!base.empty()) {
        while (!base.empty() && base.back() == '/') base.pop_back();
        return base;
    }
    if (from_trusted_proxy(req, context)) {
        const std::string host = req.get_header_value("X-Forwarded-Host");
        const std::string proto = req.get_header_value("X-Forwarded-Proto");
        if (usable_host(host))
            return (proto == "https" ? "https://" : "http://") + host + path_prefix(req, context);
    }
    const std::string host = req.get_header_value("Host");
    if (usable_host(host)) return "http://" + host;
    const std::string& bound = context.options.host;
    const bool ipv6 = bound.find(':') != std::string::npos;
    return "http://" + (ipv6 ? "[" + bound + "]" : bound) + ":" +
           std::to_string(context.port.load());
}

httplib::Server::Handler guarded(Handler handler) {
    return [handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
        try {
            handler(req, res);
        } catch (const Xapian::DatabaseOpeningError& e) {
            log_error(req, "cannot open the index: " + e.get_msg());
            send_error(req, res, 503, "The index cannot be opened.");
        } catch (const Xapian::DatabaseModifiedError& e) {
            log_error(req, e.get_description());
            send_error(req, res, 503, "The index changed while it was read; try again.");
        } catch (const Xapian::Error& e) {
            log_error(req, e.get_description());
            send_error(req, res, 503, "The index cannot be read just now.");
        } catch (const std::exception& e) {
            log_error(req, e.what());
            send_error(req, res, 500, "The server could not answer this request.");
        }
    };
}

struct Server::Impl {
    explicit Impl(ServerOptions o) : context(o) {}
    Context context;
    httplib::Server http;
    std::atomic<bool> run_started{false};
    std::atomic<bool> stopping{false};
    std::atomic<bool> finished{false};
    std::atomic<size_t> connections_waiting{0};  // accepted, no worker yet
};

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
    Context& context = impl_->context;
    const ServerOptions& o = context.options;
    // Fails now, not at the first request, when there is no index.
    try {
        context.sessions.acquire();
    } catch (const Xapian::DatabaseOpeningError&) {
        if (!o.wait_for_index) throw;
    }

    httplib::Server& http = impl_->http;
    const unsigned threads = worker_threads(o.threads);
    http.new_task_queue = [this, threads] {
        return new CountingPool(threads, impl_->connections_waiting);
    };
    // Under contention a connection is closed after its response (clients
    // reconnect and join the queue); otherwise it is kept alive.
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        const auto refused = refusal(req, impl_->context.options);
        if (!refused) return httplib::Server::HandlerResponse::Unhandled;
        send_error(req, res, refused->status, refused->message);
        res.set_header("Connection", "close");
        return httplib::Server::HandlerResponse::Handled;
    });
    http.set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (impl_->connections_waiting > 0) res.set_header("Connection", "close");
        under_prefix(res, path_prefix(req, impl_->context));
    });
    http.set_read_timeout(o.read_timeout_seconds, 0);
    http.set_write_timeout(o.write_timeout_seconds, 0);
    http.set_keep_alive_timeout(o.keep_alive_seconds);
    http.set_keep_alive_max_count(100);
    http.set_payload_max_length(o.max_payload_bytes);
    http.set_default_headers(
        {{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}});
    // Errors httplib answers itself (no route, a request it cannot read)
    // get the same bodies as ours.
    http.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty() || res.content_provider_)
                return httplib::Server::HandlerResponse::Unhandled;
            const int status = res.status;
            send_error(req, res, status, default_message(status));
            return httplib::Server::HandlerResponse::Handled;
        }));
    http.set_exception_handler(
        [](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
            log_error(req, "unexpected exception");
            send_error(req, res, 500, default_message(500));
        });
    if (o.log_requests) {
        http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
            std::cerr << req.remote_addr << " " << req.method << " " << req.target << " "
                      << res.status << "\n";
        });
    }
    add_page_routes(http, context);
    add_api_routes(http, context);
    add_file_routes(http, context);
    auto refuse = [](const httplib::Request& req, httplib::Response& res) {
        res.set_header("Allow", "GET, HEAD");
        send_error(req, res, 405, default_message(405));
    };
    http.Post(".*", refuse);
    http.Put(".*", refuse);
    http.Patch(".*", refuse);
    http.Delete(".*", refuse);
    http.Options(".*", refuse);
}

Server::~Server() = default;

int Server::bind() {
    Context& context = impl_->context;
    const ServerOptions& o = context.options;
    int port = o.port;
    if (port == 0) {
        port = impl_->http.bind_to_any_port(o.host);
    } else if (!impl_->http.bind_to_port(o.host, port)) {
        port = -1;
    }
    if (port <= 0) {
        throw std::runtime_error("Cannot listen on " + o.host + ":" + std::to_string(o.port) +
                                 " (in use, or not an address of this machine).");
    }
    context.port = port;
    return port;
}

void Server::run() {
    impl_->run_started = true;
    if (!impl_->stopping) impl_->http.listen_after_bind();
    impl_->finished = true;
}

void Server::stop() {
    impl_->stopping = true;
    if (!impl_->run_started) return;  // run() sees `stopping` and returns at once
    // run() may be about to listen: wait for it, briefly, so the stop lands.
    for (int i = 0; i < 400 && !impl_->http.is_running() && !impl_->finished; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    impl_->http.stop();
}

}  // namespace minutebook::web
