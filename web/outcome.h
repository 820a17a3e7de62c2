// A value or the reason there is none: what the web layer's services return.
// Only the HTTP layer (server.cpp) turns a Failure into a status code.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace minutebook::web {

enum class FailureKind {
    kBadRequest,   // the request can be fixed by the person who sent it
    kNotFound,     // nothing in the archive answers to it
    kUnavailable,  // the index or a file cannot be read now
};

struct Failure {
    FailureKind kind;
    std::string message;  // one sentence, shown to people
};

inline Failure bad_request(std::string message) {
    return {FailureKind::kBadRequest, std::move(message)};
}
inline Failure not_found(std::string message) {
    return {FailureKind::kNotFound, std::move(message)};
}
inline Failure unavailable(std::string message) {
    return {FailureKind::kUnavailable, std::move(message)};
}

template <typename T>
class Outcome {
  public:
    Outcome(T value) : state_(std::move(value)) {}
    Outcome(Failure failure) : state_(std::move(failure)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }
    // REQUIRES: ok()
    T& value() { return std::get<0>(state_); }
    const T& value() const { return std::get<0>(state_); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    // REQUIRES: !ok()
    const Failure& failure() const { return std::get<1>(state_); }

  private:
    std::variant<T, Failure> state_;
};

}  // namespace minutebook::web
