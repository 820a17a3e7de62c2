// Command-line arguments: "--name value", "--name=value", flags, and
// positional words, checked against what a subcommand accepts.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace minutebook {

struct Config;

// Misuse of the command line; main() prints it and exits with status 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ArgSpec {
    std::set<std::string> options;  // take a value: "db", "limit"
    std::set<std::string> flags;    // take none: "json", "help"
};

// Every command also takes --config FILE (app/config.h). An option not on
// the command line takes its environment variable's value, else the
// configuration file's.
class Args {
public:
    // Throws UsageError for an unknown option or a missing value, and
    // ConfigError for a configuration file that cannot be used.
    Args(const std::vector<std::string>& argv, const ArgSpec& spec);

    bool flag(const std::string& name) const { return flags_.count(name) > 0; }
    // The option's value; given more than once, the last.
    std::optional<std::string> value(const std::string& name) const;
    // Every value of an option that may be repeated, in the order given.
    std::vector<std::string> values(const std::string& name) const;
    // An integer option within [min, max], or `fallback` when absent.
    int integer(const std::string& name, int fallback, int min, int max) const;
    // A size in bytes ("1073741824", "512M", "1.5G": core/sizes.h), or
    // `fallback` when absent.
    std::uintmax_t size(const std::string& name, std::uintmax_t fallback) const;
    const std::vector<std::string>& positional() const { return positional_; }
    // The configuration file in effect, or null.
    const Config* config() const;

private:
    const std::optional<Config>* config_ = nullptr;
    std::map<std::string, std::vector<std::string>> values_;
    std::set<std::string> flags_;
    std::vector<std::string> positional_;
};

}  // namespace minutebook
