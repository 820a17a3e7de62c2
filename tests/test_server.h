// A Minutebook web server on a free loopback port, run in-process for tests
// until the object goes.
#pragma once

#include <signal.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "web/server.h"

namespace minutebook::test {

class TestServer {
  public:
    explicit TestServer(const std::string& db, std::vector<std::string> roots = {}, SearchSettings search = {})
        : TestServer(options_for(db, std::move(roots), search)) {}
    // Any options; the port is chosen free.
    explicit TestServer(web::ServerOptions options) {
        signal(SIGPIPE, SIG_IGN);
        options.port = 0;
        server_ = std::make_unique<web::Server>(options);
        port_ = server_->bind();
        thread_ = std::thread([this] { server_->run(); });
    }
    ~TestServer() {
        server_->stop();
        thread_.join();
    }
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;
    int port() const { return port_; }

    static web::ServerOptions options_for(const std::string& db, std::vector<std::string> roots, SearchSettings search) {
        web::ServerOptions options;
        options.db_path = db;
        options.search = search;
        options.threads = 4;
        options.roots = std::move(roots);
        return options;
    }

  private:
    std::unique_ptr<web::Server> server_;
    int port_ = 0;
    std::thread thread_;
};

}  // namespace minutebook::test
