// The web server under malformed, oversized and slow requests sent over a
// raw socket: each gets a 4xx or its connection is closed, never a 5xx,
// and the server goes on answering everyone else.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <future>
#include <string>
#include <thread>

#include "corpus_index.h"
#include "test_server.h"

using namespace minutebook;
using Clock = std::chrono::steady_clock;

namespace {

int connect_to(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    return fd;
}

// Sends what it can of `bytes` (the server may close first).
void send_all(int fd, const std::string& bytes) {
    size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return;
        sent += static_cast<size_t>(n);
    }
}

struct RawReply {
    int status = 0;  // of the first response; 0 for none
    std::string raw;
};

// Whether `raw` holds a whole response: its head and Content-Length bytes.
bool whole_response(const std::string& raw) {
    const size_t head = raw.find("\r\n\r\n");
    if (head == std::string::npos) return false;
    size_t length = 0;
    const size_t field = raw.find("Content-Length: ");
    if (field != std::string::npos && field < head) length = std::stoul(raw.substr(field + 16));
    return raw.size() >= head + 4 + length;
}

// What the server says on `fd`: its first response, or what it sent before
// it closed the connection or `seconds` passed.
RawReply read_reply(int fd, double seconds) {
    RawReply reply;
    const auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
    while (Clock::now() < deadline && !whole_response(reply.raw)) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        char buffer[65536];
        const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
        if (got <= 0) break;
        reply.raw.append(buffer, static_cast<size_t>(got));
    }
    int status = 0;
    if (std::sscanf(reply.raw.c_str(), "HTTP/1.%*d %d", &status) == 1) reply.status = status;
    return reply;
}

// `bytes` on a new connection; the server has `seconds` to answer.
RawReply send_request(int port, const std::string& bytes, double seconds = 8) {
    const int fd = connect_to(port);
    // Not half-closed: httplib drops a request whose client has shut its side.
    send_all(fd, bytes);
    RawReply reply = read_reply(fd, seconds);
    ::close(fd);
    return reply;
}

std::string get_request(const std::string& target, const std::string& headers = "") {
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers + "\r\n";
}

std::string many_headers(int count) {
    std::string out;
    for (int i = 0; i < count; ++i) out += "X-Header-" + std::to_string(i) + ": value\r\n";
    return out;
}

const test::TestServer& server() {
    static test::TestServer s(test::corpus_index().db);
    return s;
}

}  // namespace

TEST_CASE("malformed and oversized requests get a 4xx or a closed connection, never a 5xx",
          "[web][safety][limits]") {
    const int port = server().port();
    struct Case {
        const char* what;
        std::string request;
        int status;  // the one expected; 0: any 4xx, or the connection closed without one
    };
    const std::string kb100(100 * 1024, 'a');
    const std::string mb1(1024 * 1024, 'b');
    const std::vector<Case> cases = {
        {"a request line of 100 KB", get_request("/search?q=" + kb100), 414},
        {"a query string of 1 MB", get_request("/api/search?q=" + mb1), 414},
        {"a header of 1 MB", get_request("/healthz", "X-Big: " + mb1 + "\r\n"), 0},
        {"10,000 headers", get_request("/healthz", many_headers(10000)), 431},
        {"a body on GET", "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world", 400},
        {"a body over 64 KiB", "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 70000\r\n\r\n" +
                                   std::string(70000, 'c'),
         413},
        {"a huge Content-Length and no body",
         "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999\r\n\r\n", 413},
        {"a negative Content-Length", "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", 0},
        {"chunked body on GET",
         "GET /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 400},
        {"invalid percent-encoding in the query", get_request("/search?q=%zz%4"), 400},
        {"invalid percent-encoding in the path", get_request("/files/%zz"), 400},
        {"a truncated percent-escape", get_request("/api/search?q=budget%2"), 400},
        {"an encoded NUL in the path", get_request("/files/abc%00def"), 400},
        {"a raw NUL in the path", get_request(std::string("/fi\0les", 7)), 0},
        {"an encoded NUL in the query", get_request("/api/search?q=a%00b"), 400},
        {"../ on /files/", get_request("/files/../../../etc/passwd"), 0},
        {"encoded ../ on /files/", get_request("/files/..%2F..%2F..%2Fetc%2Fpasswd"), 0},
        {"a file id that is a path", get_request("/files/%2Fetc%2Fpasswd"), 0},
        {"a query that is not UTF-8", get_request("/api/search?q=%ff%fe%fd"), 400},
        {"a page query that is not UTF-8", get_request("/search?q=caf%e9"), 400},
        {"overlong UTF-8", get_request("/api/search?q=%c0%af"), 400},
        {"a committee that is not UTF-8", get_request("/api/search?q=a&committee=%c3%28"), 400},
        {"a huge offset", get_request("/api/search?q=a&offset=99999999999999999999"), 400},
        {"a huge limit", get_request("/api/search?q=a&limit=99999999999999999999"), 400},
        {"a huge page number on a page", get_request("/search?q=a&offset=99999999999999999999"), 400},
        {"an unknown page= on the API", get_request("/api/search?q=a&page=99999999999999999999"), 400},
        {"an unknown size= on the API", get_request("/api/search?q=a&size=-1"), 400},
        {"a negative offset", get_request("/api/search?q=a&offset=-1"), 400},
        {"a negative limit", get_request("/api/search?q=a&limit=-5"), 400},
        {"a limit of zero", get_request("/api/search?q=a&limit=0"), 400},
        {"a feed limit past its cap", get_request("/feed.atom?q=a&limit=1000000"), 400},
        {"a method nobody knows", "BREW /healthz HTTP/1.1\r\nHost: x\r\n\r\n", 0},
        {"POST", "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", 405},
        {"POST with a body", "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nq=abc", 405},
        {"POST with a body over 64 KiB",
         "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 70000\r\n\r\n" + std::string(70000, 'd'), 413},
        {"a body hiding a second request",
         "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 39\r\n\r\nGET /api/meetings HTTP/1.1\r\nHost: x\r\n\r\n",
         400},
        {"HTTP/9.9", "GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n", 0},
        {"no HTTP version", "GET /healthz\r\n\r\n", 0},
        {"a request line of garbage", std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) + "\r\n\r\n", 0},
        {"a Range past the end", get_request("/healthz", "Range: bytes=999999999999-\r\n"), 0},
        {"a thousand ranges", get_request("/healthz", "Range: bytes=" + [] {
             std::string r;
             for (int i = 0; i < 1000; ++i) r += (i ? "," : "") + std::to_string(i) + "-" + std::to_string(i);
             return r;
         }() + "\r\n"),
         0},
    };
    int answered_4xx = 0, closed_without_answer = 0, other = 0;
    std::printf("malformed requests: %zu sent\n", cases.size());
    for (const auto& c : cases) {
        const RawReply reply = send_request(port, c.request);
        INFO(c.what << ": " << reply.raw.substr(0, 300));
        std::printf("  %-40s -> %s\n", c.what,
                    reply.status ? std::to_string(reply.status).c_str() : "closed, no answer");
        CHECK((reply.status == 0 || (reply.status >= 400 && reply.status < 500)));
        if (c.status) CHECK(reply.status == c.status);
        if (reply.status == 0) {
            ++closed_without_answer;
        } else if (reply.status >= 400 && reply.status < 500) {
            ++answered_4xx;
        } else {
            ++other;
        }
        // The server still answers.
        const RawReply health = send_request(port, get_request("/healthz"));
        CHECK(health.status == 200);
    }
    std::printf("malformed requests: %d answered 4xx, %d closed without an answer, %d otherwise\n", answered_4xx,
                closed_without_answer, other);
}

TEST_CASE("a client that sends one byte a second does not stop the server answering others",
          "[web][safety][limits]") {
    const int port = server().port();
    // Three slow clients (the test server has four workers) trickle a
    // request for 6 s, past the 5 s read timeout.
    constexpr int kSlowClients = 3;
    constexpr int kSeconds = 6;
    std::vector<std::future<RawReply>> slow;
    for (int i = 0; i < kSlowClients; ++i) {
        slow.push_back(std::async(std::launch::async, [port] {
            const int fd = connect_to(port);
            const std::string request = get_request("/healthz");
            for (int s = 0; s < kSeconds && s < static_cast<int>(request.size()); ++s) {
                send_all(fd, request.substr(static_cast<size_t>(s), 1));
                std::this_thread::sleep_for(std::chrono::seconds(1));
            }
            RawReply reply = read_reply(fd, 2);
            ::close(fd);
            return reply;
        }));
    }
    // Meanwhile everyone else is answered, promptly.
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    int answered = 0;
    double slowest = 0;
    while (slow.front().wait_for(std::chrono::milliseconds(0)) != std::future_status::ready) {
        const auto start = Clock::now();
        const RawReply health = send_request(port, get_request("/healthz"), 10);
        slowest = std::max(slowest, std::chrono::duration<double>(Clock::now() - start).count());
        CHECK(health.status == 200);
        ++answered;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    for (auto& s : slow) {
        const RawReply reply = s.get();
        // Cut off (closed, or a 4xx) before its request was whole: never a 5xx.
        CHECK((reply.status == 0 || (reply.status >= 400 && reply.status < 500)));
    }
    std::printf("slow clients: %d trickling one byte a second for %d s; %d other requests answered meanwhile, "
                "the slowest in %.4f s\n",
                kSlowClients, kSeconds, answered, slowest);
    CHECK(answered > 10);
    CHECK(slowest < 2);
    CHECK(send_request(port, get_request("/healthz")).status == 200);
}
