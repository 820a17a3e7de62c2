// Index sessions: a Searcher and a Xapian database, lent to one request at a
// time. Searcher is not thread-safe; the pool gives each worker its own and
// keeps them open between requests.
//
// Thread-safe: any thread may acquire(); a Lease returns its session when it
// goes out of scope.
#pragma once

#include <xapian.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "query/search.h"

namespace minutebook::web {

struct IndexSession {
    IndexSession(const IndexLocation& location, SearchSettings settings)
        : searcher(location, settings), db(searcher.index().passages) {}
    // Shows the latest commit (and reconnects to remote databases).
    void reopen() {
        searcher.reopen();
        db = searcher.index().passages;
    }
    Searcher searcher;
    // For look-ups by term; its metadata is the archive's (query/archive.h).
    Xapian::Database db;
};

class SessionPool {
  public:
    SessionPool(IndexLocation location, SearchSettings settings)
        : location_(std::move(location)), settings_(settings) {}

    class Lease {
      public:
        Lease(SessionPool& pool, std::unique_ptr<IndexSession> session)
            : pool_(&pool), session_(std::move(session)) {}
        Lease(Lease&&) = default;
        ~Lease() {
            if (session_) pool_->give_back(std::move(session_));
        }
        IndexSession* operator->() { return session_.get(); }
        IndexSession& operator*() { return *session_; }

      private:
        SessionPool* pool_;
        std::unique_ptr<IndexSession> session_;
    };

    // A session whose database shows the latest commit. Throws Xapian::Error
    // when the index cannot be opened.
    Lease acquire();

  private:
    void give_back(std::unique_ptr<IndexSession> session);

    const IndexLocation location_;
    const SearchSettings settings_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<IndexSession>> idle_;
};

}  // namespace minutebook::web
