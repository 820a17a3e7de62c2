#include "web/sessions.h"

namespace minutebook::web {

SessionPool::Lease SessionPool::acquire() {
    std::unique_ptr<IndexSession> session;
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            session = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    if (session) {
        session->reopen();
    } else {
        session = std::make_unique<IndexSession>(location_, settings_);
    }
    return Lease(*this, std::move(session));
}

void SessionPool::give_back(std::unique_ptr<IndexSession> session) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(session));
}

}  // namespace minutebook::web
