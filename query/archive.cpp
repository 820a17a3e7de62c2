#include "query/archive.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace minutebook {
namespace {

constexpr std::string_view kRemoteScheme = "tcp://";
// A shard that does not answer within these is taken for down: a search
// fails with 503 rather than hang a worker.
constexpr unsigned kConnectTimeoutMs = 5000;
constexpr unsigned kOperationTimeoutMs = 30000;

struct RemoteAddress {
    std::string host;
    unsigned port = 0;
};

RemoteAddress parse_remote(const std::string& location) {
    const std::string rest = location.substr(kRemoteScheme.size());
    const size_t colon = rest.rfind(':');
    auto bad = [&] {
        return std::invalid_argument("'" + location + "' is not a remote database address (use tcp://HOST:PORT).");
    };
    if (colon == std::string::npos || colon == 0) throw bad();
    RemoteAddress address;
    address.host = rest.substr(0, colon);
    if (address.host.size() > 2 && address.host.front() == '[' && address.host.back() == ']') {
        address.host = address.host.substr(1, address.host.size() - 2);  // [::1]
    }
    const std::string port = rest.substr(colon + 1);
    auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), address.port);
    if (error != std::errc() || end != port.data() + port.size() || address.port == 0 || address.port > 65535) {
        throw bad();
    }
    return address;
}

}  // namespace

bool is_remote(const std::string& location) { return location.rfind(kRemoteScheme, 0) == 0; }

void check_location(const std::string& location) {
    if (is_remote(location)) parse_remote(location);
}

Xapian::Database open_database(const std::string& location) {
    if (!is_remote(location)) return Xapian::Database(location);
    const RemoteAddress address = parse_remote(location);
    try {
        return Xapian::Remote::open(address.host, address.port, kOperationTimeoutMs, kConnectTimeoutMs);
    } catch (const Xapian::NetworkError& e) {
        throw Xapian::DatabaseOpeningError(location + ": " + e.get_msg());
    }
}

OpenIndex open_index(const IndexLocation& location) {
    if (location.databases.empty()) throw std::invalid_argument("open_index: no database given.");
    OpenIndex index;
    index.remote = std::any_of(location.databases.begin(), location.databases.end(), is_remote);
    if (location.vocabulary.empty()) {
        if (location.databases.size() > 1) {
            throw Xapian::DatabaseOpeningError(
                "several databases need a vocabulary database (minutebook vocabulary).");
        }
        index.passages = open_database(location.databases.front());
        index.vocabulary = index.passages;
        return index;
    }
    index.vocabulary = Xapian::Database(location.vocabulary);
    if (index.vocabulary.get_doccount() != 0) {
        throw Xapian::DatabaseOpeningError(location.vocabulary +
                                           " holds passages: it is an index, not a vocabulary database.");
    }
    index.passages.add_database(index.vocabulary);
    for (const auto& db : location.databases) index.passages.add_database(open_database(db));
    return index;
}

}  // namespace minutebook
