// The HTTP server: JSON API, HTML pages, PDFs by id, feeds and exports, all
// read from one Xapian index. Pages need no network: CSS is inline and there
// is no script.
//
// Thread-safety: bind() and run() from one thread; stop() from any thread.
// REQUIRES: SIGPIPE ignored in the process, or a client that goes away in
// the middle of a response ends it.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "query/archive.h"
#include "query/search.h"

namespace minutebook::web {

struct ServerOptions {
    std::string db_path;  // the index, when `index` names no database. REQUIRES: an index exists there,
                          // unless wait_for_index
    // Start even when the index cannot be opened yet: every request is
    // answered 503 (/healthz too) until one is written there. Default: off,
    // the constructor throws.
    bool wait_for_index = false;
    // The address people reach the server at, behind a reverse proxy
    // ("https://example.org/archive/"): every link, redirect, feed and CSV
    // URL and JSON url is written under it. Default: none, links from the
    // root of the request's own host.
    std::string base_url;
    // Addresses of the reverse proxy whose X-Forwarded-Proto, -Host and
    // -Prefix headers are believed; from anyone else they are ignored.
    // Default: none.
    std::vector<std::string> trusted_proxies;
    // Several databases (shards) served as one, and their vocabulary.
    // Default: none, db_path alone.
    IndexLocation index;
    SearchSettings search;  // how searches count (--exact-count)
    std::string host = "127.0.0.1";
    int port = 8080;  // 0: any free port; bind() tells which
    // Archive folders where a file is looked for by its path relative to
    // the archive, when the index does not record where it lives.
    // Default: none.
    std::vector<std::string> roots;
    unsigned threads = 0;  // worker threads. Default (0): 4 per core, at least 8
    int read_timeout_seconds = 5;
    int write_timeout_seconds = 10;        // per write, so a slow PDF download may take longer
    int keep_alive_seconds = 2;            // an idle connection holds a worker this long
    size_t max_payload_bytes = 64 * 1024;  // request bodies: every route is a GET
    bool log_requests = false;             // one line per request on standard error
};

class Server {
  public:
    // Throws Xapian::DatabaseOpeningError when there is no index at
    // options.db_path (or a database of options.index cannot be opened).
    explicit Server(ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds and listens (connections queue from then on); returns the port.
    // Throws std::runtime_error when the address cannot be bound.
    int bind();
    // Serves until stop(). REQUIRES: bind() returned.
    void run();
    // Stops run(); safe from any thread and before run() starts.
    void stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace minutebook::web
