#include "app/config.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <toml++/toml.h>

#include "core/sizes.h"

namespace minutebook {
namespace {

namespace fs = std::filesystem;

enum class Kind { kText, kPath, kCount, kSize, kOcr, kUrl };

// A key of the file, the option it sets and what its value is.
struct Key {
    const char* key;
    const char* option;
    Kind kind;  // kPath: a file or folder, read relative to the file's folder
    int max = 0;  // kCount: the largest whole number (from 0, or 1 for jobs)
};

const std::map<std::string, std::vector<Key>>& tables() {
    static const std::map<std::string, std::vector<Key>> t = {
        {"index",
         {{"dir", "db", Kind::kPath},
          {"passwords", "passwords", Kind::kPath},
          {"ocr", "ocr", Kind::kOcr},
          {"ocr_cache", "ocr-cache", Kind::kPath},
          {"jobs", "jobs", Kind::kCount, 256},
          {"batch_files", "batch-files", Kind::kCount, 1000000},
          {"time_limit", "time-limit", Kind::kCount, 86400},
          {"memory_limit", "memory-limit", Kind::kSize},
          {"max_file_size", "max-file-size", Kind::kSize},
          {"max_pages", "max-pages", Kind::kCount, 10000000}}},
        {"server",
         {{"host", "host", Kind::kText},
          {"port", "port", Kind::kCount, 65535},
          {"threads", "threads", Kind::kCount, 1024},
          {"base_url", "base-url", Kind::kUrl},
          {"trusted_proxies", "trusted-proxies", Kind::kText}}},
    };
    return t;
}

std::string where(const Config& c, const toml::node& node) {
    return c.file + " line " + std::to_string(node.source().begin.line);
}

// A value as the command line would give it: text, a whole number, or true/false.
std::string scalar(const Config& c, const std::string& name, const toml::node& node) {
    if (auto s = node.value<std::string>()) return *s;
    if (node.is_integer()) return std::to_string(*node.value<int64_t>());
    if (node.is_boolean()) return *node.value<bool>() ? "true" : "false";
    // A list of addresses: as the command line takes it, comma-separated.
    if (const toml::array* list = node.as_array()) {
        std::string joined;
        for (const toml::node& item : *list) {
            auto text = item.value<std::string>();
            if (!text) throw ConfigError(where(c, item) + ": " + name + " must be a list of text.");
            joined += (joined.empty() ? "" : ",") + *text;
        }
        return joined;
    }
    throw ConfigError(where(c, node) + ": " + name + " must be text or a whole number.");
}

std::string resolved(const Config& c, const std::string& path) {
    if (path.empty()) return path;
    fs::path p(path);
    if (p.is_relative()) p = fs::path(c.file).parent_path() / p;
    return p.lexically_normal().string();
}

}  // namespace

std::optional<std::string> Config::option(const std::string& name) const {
    for (const auto& [key, value] : options) {
        if (key == name) return value;
    }
    return std::nullopt;
}

Config read_config(const std::string& path) {
    Config c;
    c.file = path;
    toml::table root;
    try {
        root = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        std::string why(e.description());
        if (e.source().begin.line == 0) throw ConfigError(path + ": " + why + ".");
        throw ConfigError(path + " line " + std::to_string(e.source().begin.line) + ": " + why + ".");
    }
    for (const auto& [name, node] : root) {
        const std::string key(name.str());
        if (key == "archive") {
            const toml::array* roots = node.as_array();
            if (!roots || !roots->is_array_of_tables())
                throw ConfigError(where(c, node) + ": archive must be [[archive]] tables, each with a path.");
            for (const toml::node& entry : *roots) {
                const toml::table& t = *entry.as_table();
                ArchiveRoot r;
                for (const auto& [field_name, field] : t) {
                    const std::string f(field_name.str());
                    if (f == "path") r.path = resolved(c, scalar(c, "archive.path", field));
                    else if (f == "council") r.council = scalar(c, "archive.council", field);
                    else throw ConfigError(where(c, field) + ": unknown key '" + f + "' in [[archive]] (path, council).");
                }
                if (r.path.empty()) throw ConfigError(where(c, entry) + ": an [[archive]] needs a path.");
                c.archive.push_back(r);
            }
            continue;
        }
        auto table = tables().find(key);
        if (table == tables().end())
            throw ConfigError(where(c, node) + ": unknown key '" + key + "' (index, server, archive).");
        const toml::table* t = node.as_table();
        if (!t) throw ConfigError(where(c, node) + ": " + key + " must be a table, [" + key + "].");
        for (const auto& [field_name, field] : *t) {
            const std::string f(field_name.str());
            const Key* known = nullptr;
            for (const Key& k : table->second) {
                if (f == k.key) known = &k;
            }
            if (!known) {
                std::string keys;
                for (const Key& k : table->second) keys += std::string(keys.empty() ? "" : ", ") + k.key;
                throw ConfigError(where(c, field) + ": unknown key '" + f + "' in [" + key + "] (" + keys + ").");
            }
            const std::string name = key + "." + f;
            std::string value = scalar(c, name, field);
            switch (known->kind) {
                case Kind::kText:
                    break;
                case Kind::kPath:
                    value = resolved(c, value);
                    break;
                case Kind::kCount: {
                    auto n = field.value<int64_t>();
                    if (!field.is_integer() || *n < 0 || *n > known->max)
                        throw ConfigError(where(c, field) + ": " + name + " must be a whole number from 0 to " +
                                          std::to_string(known->max) + ".");
                    break;
                }
                case Kind::kSize:
                    if (!parse_size(value))
                        throw ConfigError(where(c, field) + ": " + name +
                                          " must be a size in bytes, such as 1073741824, \"512M\" or \"1G\".");
                    break;
                case Kind::kUrl:
                    if (value.rfind("http://", 0) != 0 && value.rfind("https://", 0) != 0)
                        throw ConfigError(where(c, field) + ": " + name +
                                          " must be an http:// or https:// address, such as \"https://example.org/archive/\".");
                    break;
                case Kind::kOcr:
                    if (value != "auto" && value != "never" && value != "always")
                        throw ConfigError(where(c, field) + ": " + name + " must be \"auto\", \"never\" or \"always\".");
                    break;
            }
            c.options.emplace_back(known->option, value);
        }
    }
    return c;
}

const std::optional<Config>& active_config(const std::optional<std::string>& config_flag) {
    static const std::optional<Config> config = [&]() -> std::optional<Config> {
        std::string path;
        if (config_flag) {
            path = *config_flag;
            if (path.empty()) return std::nullopt;
        } else if (const char* env = std::getenv("MINUTEBOOK_CONFIG")) {
            path = env;
            if (path.empty()) return std::nullopt;
        } else {
            std::error_code ec;
            if (!fs::exists(kSystemConfigPath, ec)) return std::nullopt;
            path = kSystemConfigPath;
        }
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) throw ConfigError(path + ": no such configuration file.");
        return read_config(fs::absolute(path).string());
    }();
    return config;
}

std::string environment_variable_of(const std::string& option) {
    for (const auto& [table, keys] : tables()) {
        for (const Key& k : keys) {
            if (option != k.option) continue;
            std::string name = "MINUTEBOOK_";
            for (char ch : option) name += ch == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            return name;
        }
    }
    return "";
}

}  // namespace minutebook
