// Runs the minutebook program as a user would, capturing its output.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "test_paths.h"

namespace minutebook::test {

struct CommandResult {
    int status = -1;
    std::string out;
    std::string err;
};

inline std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// `args` is appended to the program's path as it stands: quote what needs it.
// `env` comes before the program (variables, or a command that runs it);
// `program` defaults to the one built.
inline CommandResult run_minutebook(const std::string& args, const std::string& env = "",
                                    const std::string& program = binary()) {
    TempDir tmp("minutebook-cli");
    const auto out = tmp.path() / "out", err = tmp.path() / "err";
    const std::string command = env + " " + quote(program) + " " + args + " >" + quote(out.string()) +
                                " 2>" + quote(err.string()) + " </dev/null";
    int raw = std::system(command.c_str());
    CommandResult r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
}

}  // namespace minutebook::test
