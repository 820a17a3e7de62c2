#include <pthread.h>
#include <signal.h>

#include <filesystem>
#include <iostream>
#include <thread>

#include "app/args.h"
#include "app/commands.h"
#include "app/index_location.h"
#include "web/server.h"

namespace minutebook {
namespace {

const char* kHelp = R"(Usage: minutebook serve [--db DIR]... [--vocabulary DIR] [--host ADDRESS] [--port N] [--root DIR]

Serves the index over HTTP: search pages, minute items and meetings, the PDFs
at their pages, the JSON API (GET /api/search), an Atom feed and CSV export.
Without an index yet, the bundled archive (corpus/) is indexed first.
Ctrl-C stops it.

Options (each also as --name=value):
  --db DIR        the index to serve; repeat it to serve several databases
                  as one (shards), each a folder or tcp://HOST:PORT
                  (xapian-tcpsrv)
  --vocabulary DIR  the shards' vocabulary (minutebook vocabulary); without
                  it, several databases get one made at start
  --host ADDRESS  the address to listen on (default 127.0.0.1: this machine
                  only; 0.0.0.0 for every network)
  --port N        the port (default 8080; 0 picks a free one)
  --root DIR      the archive folder, to find PDFs that the index does not
                  record the place of (indexes made by older versions)
  --threads N     worker threads (default: 4 per core, at least 8)
  --base-url URL  the address people reach the server at behind a reverse
                  proxy (https://example.org/archive/): links, redirects,
                  feeds, CSV and JSON urls are written under it
  --trusted-proxies ADDR,...  the proxy addresses whose X-Forwarded-Proto,
                  -Host and -Prefix headers are believed (from no one else)
  --quiet         no line per request on standard error
  --exact-count N count a search's total and facets one by one up to N
                  matching passages (default 5000); beyond, estimate them
                  from a sample of the archive ("about")
)";

}  // namespace

int run_serve(const std::vector<std::string>& argv) {
    Args args(argv, {{"db", "vocabulary", "exact-count", "host", "port", "root", "threads", "base-url", "trusted-proxies"},
                     {"help", "quiet"}});
    if (args.flag("help")) {
        std::cout << kHelp;
        return 0;
    }
    if (!args.positional().empty()) throw UsageError("serve takes no arguments, only options.");
    web::ServerOptions options;
    IndexLocation location = index_location(args);
    options.host = args.value("host").value_or("127.0.0.1");
    options.port = args.integer("port", 8080, 0, 65535);
    options.threads = static_cast<unsigned>(args.integer("threads", 0, 1, 1024));
    if (auto root = args.value("root"))
        options.roots.push_back(std::filesystem::absolute(*root).string());
    options.log_requests = !args.flag("quiet");
    if (auto base = args.value("base-url")) {
        if (base->rfind("http://", 0) != 0 && base->rfind("https://", 0) != 0)
            throw UsageError("--base-url takes an http:// or https:// address, such as https://example.org/archive/.");
        options.base_url = *base;
    }
    if (auto proxies = args.value("trusted-proxies")) {
        std::string list = *proxies;
        for (size_t at = 0; at <= list.size();) {
            size_t comma = list.find(',', at);
            if (comma == std::string::npos) comma = list.size();
            std::string one = list.substr(at, comma - at);
            one.erase(0, one.find_first_not_of(' '));
            one.erase(one.find_last_not_of(' ') + 1);
            if (!one.empty()) options.trusted_proxies.push_back(one);
            at = comma + 1;
        }
    }
    options.search = search_settings(args);

    index_bundled_archive_if_missing(location, args);
    // Under a configuration file the server never falls back to the bundled
    // archive: with no index yet it answers 503 until the first run writes one.
    options.wait_for_index = args.config() != nullptr;
    TemporaryVocabulary vocabulary(location);
    options.db_path = location.databases.front();
    if (location.databases.size() > 1 || !location.vocabulary.empty()) options.index = location;

    // Ctrl-C and SIGTERM are taken by one thread that stops the server;
    // every other thread, the workers included, has them blocked.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    // A browser that closes a connection mid-download must not end the server.
    signal(SIGPIPE, SIG_IGN);

    web::Server server(options);
    const int port = server.bind();
    const bool ipv6 = options.host.find(':') != std::string::npos;
    std::cout << "Serving " << describe(location) << " at http://"
              << (ipv6 ? "[" + options.host + "]" : options.host) << ":" << port
              << "/ (Ctrl-C stops it)." << std::endl;

    std::thread signals([&] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
        server.stop();
    });
    server.run();
    // run() may also end by itself: wake the signal thread so it can end.
    pthread_kill(signals.native_handle(), SIGTERM);
    signals.join();
    std::cerr << "Stopped.\n";
    return 0;
}

}  // namespace minutebook
