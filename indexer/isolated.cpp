#include "indexer/isolated.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>

#include "core/sizes.h"

namespace minutebook {
namespace {

using Clock = std::chrono::steady_clock;

// Poppler's allocator writes this on standard error when an allocation
// fails, then either gives up the object it was decoding or aborts.
constexpr std::string_view kOutOfMemory = "Out of memory";

// Watches a child's standard error for kOutOfMemory, keeping only enough
// of it to find the words across two reads.
class StderrWatch {
  public:
    void feed(const char* data, size_t size) {
        tail_.append(data, size);
        if (tail_.find(kOutOfMemory) != std::string::npos) out_of_memory_ = true;
        if (tail_.size() > kOutOfMemory.size()) tail_.erase(0, tail_.size() - kOutOfMemory.size());
    }
    bool out_of_memory() const { return out_of_memory_; }

  private:
    std::string tail_;
    bool out_of_memory_ = false;
};

struct Child {
    pid_t pid = -1;
    int out = -1;  // the outcome, as JSON; its end means the child is done
    int err = -1;  // its standard error, until it closes (then -1)
    size_t index = 0;
    std::string output;
    StderrWatch err_watch;
    Clock::time_point started;
    bool killed_for_time = false;
};

// An outcome as a reader process sends it: one line of JSON, then each
// passage's terms in their compact encoding (indexer/passage_terms.h).
std::string serialise(const FileOutcome& o) {
    nlohmann::json passages = nlohmann::json::array();
    for (const auto& p : o.passages) passages.push_back(to_document_data(p));
    std::string out =
        nlohmann::json{{"status", o.report.status}, {"message", o.report.message},
                       {"pages", o.report.pages},   {"sha256", o.sha256},
                       {"ocr_pages", o.ocr_pages},  {"copy_forbidden", o.report.copy_forbidden},
                       {"limits", o.report.limits}, {"pages_only", o.report.pages_only},
                       {"passages", passages}}
            .dump();
    out.push_back('\n');
    for (const auto& t : o.terms) append_terms(t, out);
    return out;
}

FileOutcome deserialise(const ArchiveFile& file, const std::string& data) {
    const size_t eol = data.find('\n');
    if (eol == std::string::npos) throw std::runtime_error("no outcome");
    auto j = nlohmann::json::parse(std::string_view(data).substr(0, eol));
    FileOutcome o;
    o.report.file = file.display;
    o.report.status = j.at("status").get<std::string>();
    o.report.message = j.at("message").get<std::string>();
    o.report.pages = j.at("pages").get<int>();
    o.sha256 = j.at("sha256").get<std::string>();
    o.ocr_pages = j.value("ocr_pages", 0);
    o.report.ocr_pages = o.ocr_pages;
    o.report.copy_forbidden = j.value("copy_forbidden", false);
    o.report.limits = j.value("limits", std::vector<std::string>());
    o.report.pages_only = j.value("pages_only", "");
    for (const auto& p : j.at("passages"))
        o.passages.push_back(from_document_data(p.get<std::string>()));
    o.report.passages = static_cast<int>(o.passages.size());
    std::string_view terms = std::string_view(data).substr(eol + 1);
    while (!terms.empty()) o.terms.push_back(read_terms(terms));
    if (o.terms.size() != o.passages.size())
        throw std::runtime_error("passages without their terms");
    return o;
}

void write_all(int fd, const std::string& data) {
    size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        done += static_cast<size_t>(n);
    }
}

std::string memory_limit_text(const IsolationOptions& options) {
    return "the " + format_size(options.memory_limit_bytes) + " memory limit";
}

FileOutcome failure(const ArchiveFile& file, const std::string& message,
                    const char* limit = nullptr) {
    FileOutcome o;
    o.report.file = file.display;
    o.report.status = "damaged";
    o.report.message = message;
    if (limit) o.report.limits.push_back(limit);
    return o;
}

FileOutcome out_of_memory(const ArchiveFile& file, const IsolationOptions& options) {
    return failure(file, "damaged: reading it needs more than " + memory_limit_text(options),
                   kLimitMemory);
}

[[noreturn]] void child_main(int out, int err, pid_t parent, const ArchiveFile& file,
                             const IsolationOptions& options,
                             const std::function<FileOutcome(const ArchiveFile&)>& read) {
    // A reader outliving a killed run would go on burning a core on a file
    // nobody waits for.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) _exit(1);
    ::dup2(err, STDERR_FILENO);
    ::close(err);
    // Only the pipe to the parent stays open: a reader holding the parent's
    // descriptors, the database's lock among them, would keep the lock
    // after a killed run until the reader died too.
    constexpr int kOut = 3;
    if (out != kOut) {
        ::dup2(out, kOut);
        ::close(out);
        out = kOut;
    }
    ::close_range(kOut + 1, ~0U, 0);
    // A crash kills the reader with its signal, whatever handlers the host
    // program installed, so that the parent can name it.
    for (int crash : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) ::signal(crash, SIG_DFL);
    if (options.memory_limit_bytes > 0) {
        struct rlimit limit {
            options.memory_limit_bytes, options.memory_limit_bytes
        };
        setrlimit(RLIMIT_AS, &limit);
    }
    FileOutcome outcome;
    try {
        outcome = read(file);
    } catch (const std::bad_alloc&) {
        outcome = out_of_memory(file, options);
    } catch (const std::exception& e) {
        outcome = failure(file, std::string("damaged: ") + e.what());
    }
    write_all(out, serialise(outcome));
    ::close(out);
    _exit(0);  // no destructors: the parent's database handles are not ours
}

// What a child that has ended gave: its outcome, or why it has none.
FileOutcome outcome_of(const Child& c, int status, const ArchiveFile& file,
                       const IsolationOptions& options) {
    if (c.killed_for_time) {
        return failure(file,
                       "damaged: reading it took longer than " +
                           std::to_string(static_cast<int>(options.seconds_per_file)) +
                           " s, so it was stopped",
                       kLimitTime);
    }
    const bool out_of_memory_seen = c.err_watch.out_of_memory();
    if (WIFSIGNALED(status)) {
        if (out_of_memory_seen) return out_of_memory(file, options);
        return failure(file, std::string("damaged: the PDF library crashed on it (") +
                                 strsignal(WTERMSIG(status)) + ")");
    }
    FileOutcome o;
    try {
        o = deserialise(file, c.output);
    } catch (const std::exception&) {
        if (out_of_memory_seen) return out_of_memory(file, options);
        return failure(file, "damaged: its reader process stopped without an answer");
    }
    if (out_of_memory_seen && o.report.status == "ok") {
        const std::string left_out =
            "parts of it need more than " + memory_limit_text(options) + " and were left out";
        o.report.message = o.report.message.empty() ? left_out : o.report.message + "; " + left_out;
        o.report.limits.push_back(kLimitMemory);
    }
    return o;
}

enum class Got { kData, kNothing, kEnd };

// Reads what is waiting on `fd` into `take`: kEnd at its end (or a failure).
Got read_some(int fd, const std::function<void(const char*, size_t)>& take) {
    char buffer[65536];
    ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got > 0) {
        take(buffer, static_cast<size_t>(got));
        return Got::kData;
    }
    return got < 0 && (errno == EINTR || errno == EAGAIN) ? Got::kNothing : Got::kEnd;
}

}  // namespace

void read_isolated(const std::vector<ArchiveFile>& files, const IsolationOptions& options,
                   const std::function<FileOutcome(const ArchiveFile&)>& read,
                   const std::function<void(size_t index, FileOutcome&&)>& done) {
    const size_t jobs = static_cast<size_t>(std::max(1, options.jobs));
    // Finished outcomes wait here until every earlier file is done, so the
    // index is written in the order of `files` whatever order children finish in.
    std::map<size_t, FileOutcome> finished;
    std::vector<Child> running;
    size_t next = 0, next_to_deliver = 0;
    const size_t window = jobs * 4;

    auto start_child = [&](size_t index) {
        int out[2] = {-1, -1}, err[2] = {-1, -1};
        auto close_all = [&] {
            for (int fd : {out[0], out[1], err[0], err[1]}) {
                if (fd >= 0) ::close(fd);
            }
        };
        if (::pipe(out) != 0 || ::pipe(err) != 0) {
            close_all();
            throw std::runtime_error("Cannot create a pipe for a reader process.");
        }
        const pid_t parent = ::getpid();
        pid_t pid = ::fork();
        if (pid < 0) {
            close_all();
            throw std::runtime_error("Cannot start a reader process.");
        }
        if (pid == 0) {
            ::close(out[0]);
            ::close(err[0]);
            child_main(out[1], err[1], parent, files[index], options, read);
        }
        ::close(out[1]);
        ::close(err[1]);
        running.push_back(Child{pid, out[0], err[0], index, "", {}, Clock::now(), false});
    };

    // When `done` throws (the disk is full), no reader outlives the run.
    struct StopReaders {
        std::vector<Child>& running;
        ~StopReaders() {
            for (Child& c : running) {
                ::kill(c.pid, SIGKILL);
                while (::waitpid(c.pid, nullptr, 0) < 0 && errno == EINTR) {
                }
                for (int fd : {c.out, c.err}) {
                    if (fd >= 0) ::close(fd);
                }
            }
        }
    } stop_readers{running};

    auto watch = [](Child& c) { return [&c](const char* d, size_t n) { c.err_watch.feed(d, n); }; };
    auto finish_child = [&](Child& c) {
        ::close(c.out);
        int status = 0;
        while (::waitpid(c.pid, &status, 0) < 0 && errno == EINTR) {
        }
        if (c.err >= 0) {
            // The child is gone: what it wrote is all there, and a reader
            // it left behind holding the pipe must not hold us.
            ::fcntl(c.err, F_SETFL, O_NONBLOCK);
            while (read_some(c.err, watch(c)) == Got::kData) {
            }
            ::close(c.err);
        }
        finished[c.index] = outcome_of(c, status, files[c.index], options);
    };

    while (next_to_deliver < files.size()) {
        while (running.size() < jobs && next < files.size() && next < next_to_deliver + window) {
            start_child(next++);
        }
        // Two entries per child: its outcome, then its standard error.
        std::vector<pollfd> fds;
        for (const auto& c : running) {
            fds.push_back(pollfd{c.out, POLLIN, 0});
            fds.push_back(pollfd{c.err, POLLIN, 0});  // ignored by poll() once -1
        }
        if (!fds.empty()) {
            int n = ::poll(fds.data(), fds.size(), 1000);
            if (n < 0 && errno != EINTR)
                throw std::runtime_error("Waiting for reader processes failed.");
        }
        std::vector<Child> still_running;
        for (size_t i = 0; i < running.size(); ++i) {
            Child& c = running[i];
            const short out_events = fds[2 * i].revents, err_events = fds[2 * i + 1].revents;
            if (c.err >= 0 && (err_events & (POLLIN | POLLHUP | POLLERR)) &&
                read_some(c.err, watch(c)) == Got::kEnd) {
                ::close(c.err);
                c.err = -1;
            }
            bool closed = false;
            if (out_events & (POLLIN | POLLHUP | POLLERR)) {
                closed = read_some(c.out, [&c](const char* d, size_t n) {
                             c.output.append(d, n);
                         }) == Got::kEnd;
            }
            if (!closed && !c.killed_for_time && options.seconds_per_file > 0 &&
                std::chrono::duration<double>(Clock::now() - c.started).count() >
                    options.seconds_per_file) {
                ::kill(c.pid, SIGKILL);
                c.killed_for_time = true;
            }
            if (closed) {
                finish_child(c);
            } else {
                still_running.push_back(std::move(c));
            }
        }
        running = std::move(still_running);
        while (finished.count(next_to_deliver)) {
            done(next_to_deliver, std::move(finished[next_to_deliver]));
            finished.erase(next_to_deliver++);
        }
    }
}

}  // namespace minutebook
