// The subcommands of `minutebook`. Each takes the arguments after its name
// and returns the process exit status: 0 success, 1 failure, 2 misuse
// (thrown as UsageError).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace minutebook {

struct IndexReport;
struct IndexOptions;

int run_index(const std::vector<std::string>& args);
int run_search(const std::vector<std::string>& args);
int run_minute(const std::vector<std::string>& args);
int run_inspect(const std::vector<std::string>& args);
int run_stats(const std::vector<std::string>& args);
int run_serve(const std::vector<std::string>& args);
int run_vocabulary(const std::vector<std::string>& args);
int run_check(const std::vector<std::string>& args);

// Indexes `paths` into `db` (created when missing), with a progress line on
// a terminal unless `quiet`; prints nothing else. `jobs` 0: the cores.
IndexReport index_with_progress(const std::vector<std::string>& paths, const std::string& db,
                                const std::vector<std::string>& passwords, bool quiet, int jobs = 0);
// The same with every option of the run (OCR, cache); `on_progress` is set here.
IndexReport index_with_progress(const std::vector<std::string>& paths, IndexOptions options, bool quiet);
// The run's summary: files, pages, passages, time, each failure with its reason.
void print_summary(const IndexReport& report, std::ostream& out);

// Passwords to try on encrypted PDFs, one per line; throws UsageError when
// the file cannot be read.
std::vector<std::string> read_password_file(const std::string& path);

// The database used when --db is not given.
std::string default_db_path();
// The bundled archive: $MINUTEBOOK_CORPUS or the corpus/ the program was built with.
std::string bundled_corpus_path();

}  // namespace minutebook
