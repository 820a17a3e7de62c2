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
    explicit IndexSession(const std::string& db_path) : searcher(db_path), db(db_path) {}
    Searcher searcher;
    Xapian::Database db;  // for look-ups by term
};

class SessionPool {
  public:
    explicit SessionPool(std::string db_path) : db_path_(std::move(db_path)) {}

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

    const std::string db_path_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<IndexSession>> idle_;
};

}  // namespace minutebook::web
