// The configuration file every command reads (docs/configuration.md): the
// archive roots with their councils, the index folder, passwords, OCR,
// limits, and the server's host, port and threads.
//
// Which file: --config FILE, else $MINUTEBOOK_CONFIG (set but empty: none),
// else /etc/minutebook/minutebook.conf when it exists. A value is taken from
// the command line first, then from its environment variable
// (MINUTEBOOK_DB, MINUTEBOOK_PORT, ...), then from the file, then the
// command's default.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace minutebook {

// A configuration file that cannot be used: one sentence naming the file,
// the line and the key. main() prints it and exits with status 2.
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ArchiveRoot {
    std::string path;
    std::string council;  // "" when the text is to name it
};

struct Config {
    std::string file;                        // where it was read from
    std::vector<ArchiveRoot> archive;        // [[archive]] tables, in order
    // Values of command-line options, by option name ("db", "ocr", "port").
    std::vector<std::pair<std::string, std::string>> options;
    std::optional<std::string> option(const std::string& name) const;
};

// The system-wide file, used when nothing names another.
inline constexpr const char* kSystemConfigPath = "/etc/minutebook/minutebook.conf";

// Reads and checks the file at `path`. Throws ConfigError.
Config read_config(const std::string& path);

// The file in effect for a command given `config_flag` (--config's value,
// when given): read once, or nullopt when there is none. Throws ConfigError.
const std::optional<Config>& active_config(const std::optional<std::string>& config_flag);

// The environment variable of an option the file can set ("db" ->
// MINUTEBOOK_DB, "max-file-size" -> MINUTEBOOK_MAX_FILE_SIZE), or "" for an
// option that has none.
std::string environment_variable_of(const std::string& option);

}  // namespace minutebook
