// `minutebook index` killed (SIGKILL) at random moments, again and again:
// after each kill the last commit is searchable and its ledger and passages
// agree, and a last run without a kill gives the index a run from scratch
// gives. Prints what each kill hit, for the record.
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <regex>
#include <string>

#include "index_checks.h"
#include "indexer/ledger.h"
#include "query/search.h"
#include "run_command.h"
#include "test_paths.h"

using namespace minutebook;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

const char* kCp2019 = "Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf";
const char* kSelf2017 = "Childrens_Services_Self-Assessment_2017.pdf";
constexpr int kFiles = 7;

// Small batches, so that kills land between commits as well as within them.
const char* kIndexFlags[] = {"index", "--ocr", "never", "--jobs", "2", "--batch-files", "2"};

struct Run {
    bool finished = false;  // it ended before the kill
    int exit_status = -1;   // when finished
    int files_done = 0;     // files written, as its progress line last said
    int files_to_read = 0;
    std::string said;       // everything it printed
};

// Runs `minutebook index` on a terminal (so that it shows its progress)
// and kills it after `seconds`, unless it ends first.
Run run_until(const std::string& db, const fs::path& archive, double seconds) {
    std::vector<std::string> args{"minutebook"};
    args.insert(args.end(), std::begin(kIndexFlags), std::end(kIndexFlags));
    args.insert(args.end(), {"--db", db, archive.string()});
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int terminal = -1;
    const pid_t pid = ::forkpty(&terminal, nullptr, nullptr, nullptr);
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::execv(test::binary().c_str(), argv.data());
        _exit(127);
    }
    Run run;
    const auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
    int status = 0;
    while (Clock::now() < deadline) {
        pollfd p{terminal, POLLIN, 0};
        if (::poll(&p, 1, 5) > 0) {
            char buffer[4096];
            const ssize_t got = ::read(terminal, buffer, sizeof buffer);
            if (got > 0) run.said.append(buffer, static_cast<size_t>(got));
        }
        if (::waitpid(pid, &status, WNOHANG) == pid) {
            run.finished = true;
            run.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            break;
        }
    }
    if (!run.finished) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
    }
    ::close(terminal);
    // "[3/10 files] 200 pages, ..." after each file written.
    static const std::regex kProgress(R"(\[(\d+)/(\d+) files\])");
    for (std::sregex_iterator it(run.said.begin(), run.said.end(), kProgress), end; it != end; ++it) {
        run.files_done = std::stoi((*it)[1]);
        run.files_to_read = std::stoi((*it)[2]);
    }
    return run;
}

int ledger_size(const std::string& db) {
    if (!fs::exists(fs::path(db) / "iamglass")) return 0;
    return static_cast<int>(read_ledger(Xapian::Database(db)).size());
}

// What the index holds now: opens it, searches it, checks its ledger
// against its passages. "" when all is well.
std::string check_now(const std::string& db, int* files, int* passages) {
    try {
        Xapian::Database x(db);
        *files = static_cast<int>(read_ledger(x).size());
        *passages = static_cast<int>(x.get_doccount());
        Searcher searcher(db);
        SearchRequest request;
        request.query = "children placements";
        const SearchResponse found = searcher.search(request);
        if (*passages > 0 && found.results.empty()) return "a search found nothing";
        return test::disagreements(db);
    } catch (const Xapian::Error& e) {
        return "the index cannot be read: " + e.get_msg();
    }
}

}  // namespace

TEST_CASE("index killed at random moments leaves a searchable index and the next run finishes",
          "[incremental][crash][kill]") {
    test::TempDir dir("minutebook-kill");
    const fs::path archive = dir.path() / "archive";
    fs::create_directories(archive);
    // A pack of 38 pages, a report of 93 and five copies of the pack (bytes
    // differ; their passages merge with the pack's): seven files.
    for (const char* name : {kCp2019, kSelf2017}) fs::copy_file(test::corpus_dir() / name, archive / name);
    for (int i = 1; i <= 5; ++i) {
        const fs::path copy = archive / ("copy" + std::to_string(i) + ".pdf");
        fs::copy_file(test::corpus_dir() / kCp2019, copy);
        std::ofstream(copy, std::ios::binary | std::ios::app) << "\n% copy " << i << "\n";
    }

    // The reference, and how long a whole run takes here.
    const std::string clean = (dir.path() / "clean").string();
    const auto started = Clock::now();
    const Run reference = run_until(clean, archive, 600);
    const double full_seconds = std::chrono::duration<double>(Clock::now() - started).count();
    REQUIRE(reference.finished);
    REQUIRE(reference.exit_status == 0);
    REQUIRE(reference.files_to_read == kFiles);

    // KILL_TEST_SEED=<seed> repeats a run's kills (as near as timing allows).
    const char* given_seed = std::getenv("KILL_TEST_SEED");
    const unsigned seed = given_seed ? static_cast<unsigned>(std::stoul(given_seed)) : std::random_device{}();
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> delay(0.0, full_seconds);
    constexpr int kKills = 16;
    std::cout << "kill test: seed " << seed << ", a whole run takes " << full_seconds << " s, " << kKills
              << " runs killed after a random delay in [0, " << full_seconds << ") s\n";

    const std::string db = (dir.path() / "db").string();
    int killed = 0, mid_batch = 0, between = 0, before_first = 0, finished_first = 0, fresh_starts = 0;
    for (int k = 1; k <= kKills; ++k) {
        if (ledger_size(db) == kFiles) {
            // All done: start again from nothing, so that there is work to kill.
            fs::remove_all(db);
            ++fresh_starts;
        }
        const int before = ledger_size(db);
        const double after = delay(random);
        const Run run = run_until(db, archive, after);
        int files = 0, passages = 0;
        // Killed before it created the index: nothing to check (the next run must cope).
        const std::string problem =
            fs::exists(fs::path(db) / "iamglass") ? check_now(db, &files, &passages) : "";
        const int committed = files - before;
        std::string what;
        if (run.finished) {
            ++finished_first;
            what = "finished first (exit " + std::to_string(run.exit_status) + ")";
        } else if (run.files_done == 0) {
            ++before_first;
            what = "before the first file was written";
        } else if (run.files_done > committed) {
            ++mid_batch;
            what = "mid-batch: " + std::to_string(run.files_done - committed) + " written, not committed";
        } else {
            ++between;
            what = "between batches";
        }
        killed += run.finished ? 0 : 1;
        std::printf("  kill %2d at %5.2f s: %d/%d files written, %s; index: %d files, %d passages%s%s\n", k,
                    after, run.files_done, run.files_to_read, what.c_str(), files, passages,
                    problem.empty() ? "" : ": ", problem.c_str());
        INFO("kill " << k << " after " << after << " s (seed " << seed << "):\n" << run.said);
        CHECK(problem == "");
        if (run.finished) CHECK(run.exit_status == 0);
    }
    std::printf("kill test: %d runs killed (%d before the first file was written, %d mid-batch, %d between "
                "batches), %d finished before their kill, %d fresh starts\n",
                killed, before_first, mid_batch, between, finished_first, fresh_starts);

    // A last run without a kill finishes the work and gives the clean index.
    const Run last = run_until(db, archive, 600);
    INFO(last.said);
    REQUIRE(last.finished);
    CHECK(last.exit_status == 0);
    CHECK(check_index(db).ok());  // the vocabulary too
    CHECK(test::index_dump(db) == test::index_dump(clean));
    CHECK(test::vocabulary_dump(db) == test::vocabulary_dump(clean));
}
