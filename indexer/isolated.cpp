#include "indexer/isolated.h"

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

namespace minutebook {
namespace {

using Clock = std::chrono::steady_clock;

struct Child {
    pid_t pid = -1;
    int fd = -1;
    size_t index = 0;
    std::string output;
    Clock::time_point started;
    bool killed_for_time = false;
};

// An outcome as a reader process sends it: one line of JSON, then each
// passage's terms in their compact encoding (indexer/passage_terms.h).
std::string serialise(const FileOutcome& o) {
    nlohmann::json passages = nlohmann::json::array();
    for (const auto& p : o.passages) passages.push_back(to_document_data(p));
    std::string out = nlohmann::json{{"status", o.report.status},   {"message", o.report.message},
                                     {"pages", o.report.pages},     {"sha256", o.sha256},
                                     {"ocr_pages", o.ocr_pages},    {"copy_forbidden", o.report.copy_forbidden},
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
    for (const auto& p : j.at("passages")) o.passages.push_back(from_document_data(p.get<std::string>()));
    o.report.passages = static_cast<int>(o.passages.size());
    std::string_view terms = std::string_view(data).substr(eol + 1);
    while (!terms.empty()) o.terms.push_back(read_terms(terms));
    if (o.terms.size() != o.passages.size()) throw std::runtime_error("passages without their terms");
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

[[noreturn]] void child_main(int fd, pid_t parent, const ArchiveFile& file, const IsolationOptions& options,
                             const std::function<FileOutcome(const ArchiveFile&)>& read) {
    // A reader outliving a killed run would go on burning a core on a file
    // nobody waits for.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) _exit(1);
    struct rlimit limit{options.memory_limit_bytes, options.memory_limit_bytes};
    setrlimit(RLIMIT_AS, &limit);
    FileOutcome outcome;
    try {
        outcome = read(file);
    } catch (const std::bad_alloc&) {
        outcome.report.status = "damaged";
        outcome.report.message = "damaged: reading it needs more memory than allowed";
    } catch (const std::exception& e) {
        outcome.report.status = "damaged";
        outcome.report.message = std::string("damaged: ") + e.what();
    }
    write_all(fd, serialise(outcome));
    ::close(fd);
    _exit(0);  // no destructors: the parent's database handles are not ours
}

FileOutcome failure(const ArchiveFile& file, const std::string& message) {
    FileOutcome o;
    o.report.file = file.display;
    o.report.status = "damaged";
    o.report.message = message;
    return o;
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
        int fds[2];
        if (::pipe(fds) != 0) throw std::runtime_error("Cannot create a pipe for a reader process.");
        const pid_t parent = ::getpid();
        pid_t pid = ::fork();
        if (pid < 0) throw std::runtime_error("Cannot start a reader process.");
        if (pid == 0) {
            ::close(fds[0]);
            child_main(fds[1], parent, files[index], options, read);
        }
        ::close(fds[1]);
        running.push_back(Child{pid, fds[0], index, "", Clock::now(), false});
    };

    auto finish_child = [&](Child& c) {
        ::close(c.fd);
        int status = 0;
        while (::waitpid(c.pid, &status, 0) < 0 && errno == EINTR) {
        }
        const ArchiveFile& file = files[c.index];
        if (c.killed_for_time) {
            finished[c.index] = failure(file, "damaged: reading it took longer than " +
                                                  std::to_string(static_cast<int>(options.seconds_per_file)) +
                                                  " s, so it was stopped");
        } else if (WIFSIGNALED(status)) {
            finished[c.index] = failure(file, std::string("damaged: the PDF library crashed on it (") +
                                                  strsignal(WTERMSIG(status)) + ")");
        } else {
            try {
                finished[c.index] = deserialise(file, c.output);
            } catch (const std::exception&) {
                finished[c.index] = failure(file, "damaged: its reader process stopped without an answer");
            }
        }
    };

    while (next_to_deliver < files.size()) {
        while (running.size() < jobs && next < files.size() && next < next_to_deliver + window) {
            start_child(next++);
        }
        std::vector<pollfd> fds;
        for (const auto& c : running) fds.push_back(pollfd{c.fd, POLLIN, 0});
        if (!fds.empty()) {
            int n = ::poll(fds.data(), fds.size(), 1000);
            if (n < 0 && errno != EINTR) throw std::runtime_error("Waiting for reader processes failed.");
        }
        for (size_t i = 0; i < running.size();) {
            Child& c = running[i];
            bool closed = false;
            if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
                char buffer[65536];
                ssize_t got = ::read(c.fd, buffer, sizeof buffer);
                if (got > 0) {
                    c.output.append(buffer, static_cast<size_t>(got));
                } else if (got == 0 || errno != EINTR) {
                    closed = true;
                }
            }
            if (!closed && !c.killed_for_time &&
                std::chrono::duration<double>(Clock::now() - c.started).count() > options.seconds_per_file) {
                ::kill(c.pid, SIGKILL);
                c.killed_for_time = true;
            }
            if (closed) {
                finish_child(c);
                running.erase(running.begin() + static_cast<long>(i));
                fds.erase(fds.begin() + static_cast<long>(i));
            } else {
                ++i;
            }
        }
        while (finished.count(next_to_deliver)) {
            done(next_to_deliver, std::move(finished[next_to_deliver]));
            finished.erase(next_to_deliver++);
        }
    }
}

}  // namespace minutebook
