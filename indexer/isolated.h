// Reading files in child processes, so that a PDF that crashes Poppler,
// hangs it or eats all memory costs one file, never the run. Up to `jobs`
// files are read at once; results come back in the order the files were given.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/passage.h"
#include "indexer/indexer.h"
#include "indexer/passage_terms.h"

namespace minutebook {

struct FileOutcome {
    FileReport report;
    std::string sha256;  // empty when the file could not be read
    std::vector<Passage> passages;
    // passage_terms() of each passage, worked out in the reader process.
    std::vector<PassageTerms> terms;
    int ocr_pages = 0;
};

struct IsolationOptions {
    int jobs = 1;                   // child processes at once, >= 1
    // A child still running after this is killed. 0: none. Default: 300.
    double seconds_per_file = 300;
    // Address space of each child (RLIMIT_AS, which counts what it inherits
    // from the parent too). 0: none. Default: 1 GiB.
    std::uintmax_t memory_limit_bytes = std::uintmax_t(1) << 30;
};

// Reads `files` with `read` (which runs in a child) and calls `done` in the
// parent with each outcome, in the order of `files`. A child that dies (a
// signal: the reason names it), times out, or runs out of memory gives an
// outcome with status "damaged" and the reason; the time and memory limits
// are named in `report.limits` (kLimitTime, kLimitMemory). A child's
// standard error is read by the parent, never shown: Poppler says there
// when an allocation failed, and an outcome that is "ok" all the same gets
// a warning that parts were left out for the memory limit.
void read_isolated(const std::vector<ArchiveFile>& files, const IsolationOptions& options,
                   const std::function<FileOutcome(const ArchiveFile&)>& read,
                   const std::function<void(size_t index, FileOutcome&&)>& done);

}  // namespace minutebook
