// A reader that crashes, hangs, or eats memory costs its own file and
// nothing else: the other files' outcomes come back intact and in order.
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <thread>
#include <vector>

#include "indexer/isolated.h"
#include "run_command.h"
#include "test_paths.h"

using namespace minutebook;
namespace fs = std::filesystem;

namespace {

// A crash in a test should not leave a core file behind.
void no_core_dumps() {
    struct rlimit none{0, 0};
    setrlimit(RLIMIT_CORE, &none);
}

FileOutcome read_fine(const ArchiveFile& file) {
    FileOutcome o;
    o.report.file = file.display;
    o.report.status = "ok";
    o.report.pages = 1;
    o.sha256 = "sha-of-" + file.display;
    Passage p;
    p.key = "page/" + file.display;
    p.type = PassageType::kPage;
    p.locations.push_back(Location{file.display, o.sha256, {1}});
    p.text = "text of " + file.display;
    o.terms.push_back(passage_terms(p));
    o.passages.push_back(std::move(p));
    return o;
}

// What each reader does, by file name; any other file is read fine.
const std::map<std::string, std::function<FileOutcome(const ArchiveFile&)>>& behaviours() {
    static const std::map<std::string, std::function<FileOutcome(const ArchiveFile&)>> kBehaviours = {
        {"segfault.pdf",
         [](const ArchiveFile&) -> FileOutcome {
             no_core_dumps();
             ::raise(SIGSEGV);
             std::abort();
         }},
        {"abort.pdf",
         [](const ArchiveFile&) -> FileOutcome {
             no_core_dumps();
             std::abort();
         }},
        {"hang.pdf",
         [](const ArchiveFile&) -> FileOutcome {
             for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
         }},
        {"spin.pdf",
         [](const ArchiveFile& f) -> FileOutcome {
             volatile unsigned long n = 0;
             for (;;) n = n + f.display.size();
         }},
        {"hog.pdf",
         [](const ArchiveFile&) -> FileOutcome {
             std::vector<std::unique_ptr<char[]>> held;
             for (;;) {
                 held.emplace_back(new char[1 << 20]);
                 held.back()[0] = 1;
             }
         }},
        // Poppler's allocator: a message on standard error, then abort().
        {"poppler-oom.pdf",
         [](const ArchiveFile&) -> FileOutcome {
             no_core_dumps();
             std::fputs("Out of memory\n", stderr);
             std::abort();
         }},
        // Poppler giving up an image it cannot allocate and reading on.
        {"part-oom.pdf",
         [](const ArchiveFile& f) {
             std::fputs("Syntax Error: something\nOut of memory\n", stderr);
             return read_fine(f);
         }},
        {"silent-exit.pdf", [](const ArchiveFile&) -> FileOutcome { _exit(3); }},
        {"throws.pdf", [](const ArchiveFile&) -> FileOutcome { throw std::runtime_error("bad xref"); }},
        // Standard error far beyond a pipe's buffer must not stall the reader.
        {"chatty.pdf",
         [](const ArchiveFile& f) {
             const std::string line(1000, 'x');
             for (int i = 0; i < 1000; ++i) std::fprintf(stderr, "%s\n", line.c_str());
             return read_fine(f);
         }},
    };
    return kBehaviours;
}

FileOutcome read_by_name(const ArchiveFile& file) {
    auto it = behaviours().find(file.display);
    return it == behaviours().end() ? read_fine(file) : it->second(file);
}

}  // namespace

TEST_CASE("a reader that crashes, hangs or eats memory costs its own file only", "[isolated]") {
    struct Case {
        const char* file;
        const char* status;
        const char* message;  // the whole message
        const char* limit;    // the limit named in the report, "" for none
    };
    static const Case kCases[] = {
        {"a.pdf", "ok", "", ""},
        {"segfault.pdf", "damaged", "damaged: the PDF library crashed on it (Segmentation fault)", ""},
        {"b.pdf", "ok", "", ""},
        {"abort.pdf", "damaged", "damaged: the PDF library crashed on it (Aborted)", ""},
        {"hang.pdf", "damaged", "damaged: reading it took longer than 2 s, so it was stopped", "time"},
        {"c.pdf", "ok", "", ""},
        {"spin.pdf", "damaged", "damaged: reading it took longer than 2 s, so it was stopped", "time"},
        {"hog.pdf", "damaged", "damaged: reading it needs more than the 512 MB memory limit", "memory"},
        {"poppler-oom.pdf", "damaged", "damaged: reading it needs more than the 512 MB memory limit",
         "memory"},
        {"part-oom.pdf", "ok", "parts of it need more than the 512 MB memory limit and were left out",
         "memory"},
        {"silent-exit.pdf", "damaged", "damaged: its reader process stopped without an answer", ""},
        {"throws.pdf", "damaged", "damaged: bad xref", ""},
        {"chatty.pdf", "ok", "", ""},
        {"d.pdf", "ok", "", ""},
    };
    std::vector<ArchiveFile> files;
    for (const auto& c : kCases) files.push_back({c.file, c.file, "/archive"});
    IsolationOptions options;
    options.seconds_per_file = 2;
    options.memory_limit_bytes = std::uintmax_t(512) << 20;

    for (int jobs : {1, 3}) {
        options.jobs = jobs;
        INFO("jobs: " << jobs);
        std::vector<size_t> order;
        std::vector<FileOutcome> outcomes(files.size());
        const auto start = std::chrono::steady_clock::now();
        read_isolated(files, options, read_by_name, [&](size_t i, FileOutcome&& o) {
            order.push_back(i);
            outcomes[i] = std::move(o);
        });
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

        std::vector<size_t> expected_order(files.size());
        for (size_t i = 0; i < files.size(); ++i) expected_order[i] = i;
        CHECK(order == expected_order);
        for (size_t i = 0; i < files.size(); ++i) {
            const Case& c = kCases[i];
            const FileOutcome& o = outcomes[i];
            INFO(c.file << ": " << o.report.status << ": " << o.report.message);
            CHECK(o.report.file == c.file);
            CHECK(o.report.status == c.status);
            CHECK(o.report.message == c.message);
            CHECK(o.report.limits == (*c.limit ? std::vector<std::string>{c.limit} : std::vector<std::string>{}));
            if (o.report.status == "ok") {
                // Passages cross the pipe whole.
                CHECK(o.sha256 == std::string("sha-of-") + c.file);
                REQUIRE(o.passages.size() == 1);
                CHECK(o.passages[0].text == std::string("text of ") + c.file);
            } else {
                CHECK(o.passages.empty());
            }
        }
        // Two files hold a reader for their 2 s each; nothing else waits long.
        CHECK(seconds < 30);
    }
}

TEST_CASE("a reader killed by a signal during a real run costs its file, not the run",
          "[isolated][e2e]") {
    test::TempDir dir("minutebook-reader-killed");
    const fs::path archive = dir.path() / "archive";
    fs::create_directories(archive);
    const char* kPack = "Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf";
    for (const char* name : {"a.pdf", "b.pdf", "c.pdf"}) {
        fs::copy_file(test::corpus_dir() / kPack, archive / name);
        std::ofstream(archive / name, std::ios::binary | std::ios::app) << "\n% " << name << "\n";
    }
    const fs::path db = dir.path() / "db";
    const fs::path err = dir.path() / "err";
    // One reader at a time: the first reader started reads a.pdf.
    const pid_t run = ::fork();
    REQUIRE(run >= 0);
    if (run == 0) {
        no_core_dumps();
        std::freopen(err.c_str(), "w", stderr);
        std::freopen("/dev/null", "w", stdout);
        ::execl(test::binary().c_str(), "minutebook", "index", "--quiet", "--ocr", "never", "--jobs", "1",
                "--db", db.c_str(), archive.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    // The run's first child is the reader of a.pdf: it gets a SIGSEGV as
    // if Poppler had crashed.
    pid_t reader = -1;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (reader < 0 && std::chrono::steady_clock::now() < deadline) {
        std::ifstream children("/proc/" + std::to_string(run) + "/task/" + std::to_string(run) + "/children");
        if (!(children >> reader)) {
            reader = -1;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    }
    REQUIRE(reader > 0);
    REQUIRE(::kill(reader, SIGSEGV) == 0);
    int status = 0;
    REQUIRE(::waitpid(run, &status, 0) == run);
    const std::string said = test::read_file(err);
    INFO(said);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 1);
    CHECK(said.find("Indexed 2 of 3 files") != std::string::npos);
    CHECK(said.find("failed  a.pdf: damaged: the PDF library crashed on it (Segmentation fault)") !=
          std::string::npos);
    CHECK(said.find("1 files failed.") != std::string::npos);
}
