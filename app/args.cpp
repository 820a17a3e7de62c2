#include "app/args.h"

#include <cstdlib>

#include "app/config.h"
#include "core/sizes.h"

namespace minutebook {

Args::Args(const std::vector<std::string>& argv, const ArgSpec& given) {
    ArgSpec spec = given;
    spec.options.insert("config");
    bool only_positional = false;
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (only_positional || a.size() < 3 || a.compare(0, 2, "--") != 0) {
            if (a == "--") {
                only_positional = true;
                continue;
            }
            if (!only_positional && a == "-h") {
                flags_.insert("help");
                continue;
            }
            positional_.push_back(a);
            continue;
        }
        std::string name = a.substr(2);
        std::optional<std::string> inline_value;
        if (size_t eq = name.find('='); eq != std::string::npos) {
            inline_value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (spec.flags.count(name)) {
            if (inline_value) throw UsageError("--" + name + " takes no value.");
            flags_.insert(name);
        } else if (spec.options.count(name)) {
            if (inline_value) {
                values_[name].push_back(*inline_value);
            } else if (i + 1 < argv.size()) {
                values_[name].push_back(argv[++i]);
            } else {
                throw UsageError("--" + name + " needs a value.");
            }
        } else {
            throw UsageError("Unknown option --" + name + ".");
        }
    }
    // An option not given: its environment variable, then the configuration file.
    config_ = &active_config(value("config"));
    for (const std::string& name : spec.options) {
        if (values_.count(name)) continue;
        const std::string variable = environment_variable_of(name);
        if (const char* env = variable.empty() ? nullptr : std::getenv(variable.c_str()); env && *env) {
            values_[name].push_back(env);
        } else if (*config_) {
            if (auto v = (*config_)->option(name)) values_[name].push_back(*v);
        }
    }
}

const Config* Args::config() const {
    return config_ && *config_ ? &**config_ : nullptr;
}

std::optional<std::string> Args::value(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second.back();
}

std::vector<std::string> Args::values(const std::string& name) const {
    auto it = values_.find(name);
    return it == values_.end() ? std::vector<std::string>() : it->second;
}

int Args::integer(const std::string& name, int fallback, int min, int max) const {
    auto v = value(name);
    if (!v) return fallback;
    size_t used = 0;
    int n = 0;
    try {
        n = std::stoi(*v, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != v->size() || n < min || n > max) {
        throw UsageError("--" + name + " must be a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max) + ".");
    }
    return n;
}

std::uintmax_t Args::size(const std::string& name, std::uintmax_t fallback) const {
    auto v = value(name);
    if (!v) return fallback;
    auto bytes = parse_size(*v);
    if (!bytes) throw UsageError("--" + name + " must be a size in bytes, such as 1073741824, 512M or 1G.");
    return *bytes;
}

}  // namespace minutebook
