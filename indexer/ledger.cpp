#include "indexer/ledger.h"

#include <sys/stat.h>
#include <xapian.h>

#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/normalise.h"
#include "core/passage.h"

namespace minutebook {
namespace {

// Xapian refuses metadata keys longer than 252 bytes; deeper paths keep a
// readable head and a digest of the whole.
constexpr size_t kMaxKeyBytes = 240;
constexpr size_t kLongPathHead = 160;

}  // namespace

std::string ledger_key(const std::string& path) {
    std::string key = kLedgerPrefix + path;
    if (key.size() <= kMaxKeyBytes) return key;
    return kLedgerPrefix + std::string(utf8_prefix(path, kLongPathHead)) + "#" + sha256_hex(path);
}

std::string ledger_to_json(const LedgerEntry& e) {
    nlohmann::json j{{"path", e.path},
                     {"root", e.root},
                     {"sha256", e.sha256},
                     {"size", e.size},
                     {"mtime_ns", e.mtime_ns},
                     {"status", e.status},
                     {"message", e.message},
                     {"pages", e.pages},
                     {"passages", e.passages},
                     {"ocr_pages", e.ocr_pages},
                     {"copy_forbidden", e.copy_forbidden},
                     {"indexed_at", e.indexed_at},
                     {"format", e.format}};
    if (!e.passwords.empty()) j["passwords"] = e.passwords;
    if (!e.ocr.empty()) j["ocr"] = e.ocr;
    if (!e.council.empty()) j["council"] = e.council;
    if (!e.limits.empty()) j["limits"] = e.limits;
    if (!e.pages_only.empty()) j["pages_only"] = e.pages_only;
    return j.dump();
}

std::optional<LedgerEntry> ledger_from_json(const std::string& path, const std::string& json) {
    try {
        auto j = nlohmann::json::parse(json);
        LedgerEntry e;
        e.path = j.value("path", path);
        e.root = j.value("root", "");
        e.sha256 = j.value("sha256", "");
        e.size = j.value("size", std::uintmax_t{0});
        e.mtime_ns = j.value("mtime_ns", std::int64_t{0});
        e.status = j.at("status").get<std::string>();
        e.message = j.value("message", "");
        e.pages = j.value("pages", 0);
        e.passages = j.value("passages", 0);
        e.ocr_pages = j.value("ocr_pages", 0);
        e.copy_forbidden = j.value("copy_forbidden", false);
        e.passwords = j.value("passwords", "");
        e.ocr = j.value("ocr", "");
        e.council = j.value("council", "");
        e.limits = j.value("limits", std::map<std::string, double>());
        e.pages_only = j.value("pages_only", "");
        e.indexed_at = j.value("indexed_at", "");
        e.format = j.value("format", 1);
        return e;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

std::map<std::string, LedgerEntry> read_ledger(const Xapian::Database& db) {
    std::map<std::string, LedgerEntry> out;
    for (auto it = db.metadata_keys_begin(kLedgerPrefix); it != db.metadata_keys_end(kLedgerPrefix);
         ++it) {
        const std::string key = *it;
        if (auto e = ledger_from_json(key.substr(std::string_view(kLedgerPrefix).size()),
                                      db.get_metadata(key))) {
            out[e->path] = std::move(*e);
        }
    }
    return out;
}

std::string password_list_hash(const std::vector<std::string>& passwords) {
    if (passwords.empty()) return "";
    std::string joined;
    for (const auto& p : passwords) joined.append(p).push_back('\0');
    return sha256_hex(joined);
}

FileStat stat_file(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return {};
    return {true, static_cast<std::uintmax_t>(st.st_size),
            static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

std::string hash_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return "";
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) return "";
    return sha256_hex(bytes.str());
}

const char* to_string(FileChange change) {
    switch (change) {
        case FileChange::kNew:
            return "new";
        case FileChange::kChanged:
            return "changed";
        case FileChange::kUnchanged:
            return "unchanged";
        case FileChange::kMoved:
            return "moved";
        case FileChange::kRetried:
            return "retried";
    }
    return "unknown";
}

bool read_again(const LedgerEntry& e, const PlanOptions& options) {
    if (e.ok() && e.format < kIndexFormat) return true;
    if (e.ok() && !options.council.empty() && options.council != e.council) return true;
    for (const auto& [name, value] : e.limits) {
        auto now = options.limits.find(name);
        if (now != options.limits.end() && (now->second == 0 || now->second > value)) return true;
    }
    if (e.status == "encrypted") return e.passwords != options.password_hash;
    if (!e.ok() || e.ocr.empty() || e.ocr == options.ocr) return false;
    if (e.ocr == "always" || options.ocr == "always") return true;
    // A warning is what extraction says of pages without text.
    return e.ocr_pages > 0 || !e.message.empty();
}

RunPlan plan_run(const std::vector<ArchiveFile>& files, const std::vector<FileStat>& stats,
                 const std::map<std::string, LedgerEntry>& ledger, const PlanOptions& options) {
    const auto& roots = options.roots;
    const auto& hash = options.hash;
    std::set<std::string> listed;
    for (const auto& f : files) listed.insert(f.display);
    const std::set<std::string> root_set(roots.begin(), roots.end());
    // Files gone from under the run's roots, by their bytes, so that a new
    // path with the same bytes is taken for a move.
    std::multimap<std::string, const LedgerEntry*> gone_by_sha;
    std::set<std::string> gone_paths;
    auto unlisted = [&](const LedgerEntry& e) {
        for (const auto& u : options.unlisted) {
            if (u.root == e.root &&
                (u.path.empty() || e.path == u.path || e.path.compare(0, u.path.size() + 1, u.path + "/") == 0)) {
                return true;
            }
        }
        return false;
    };
    for (const auto& [path, entry] : ledger) {
        if (root_set.count(entry.root) && !listed.count(path) && !unlisted(entry)) {
            gone_paths.insert(path);
            if (!entry.sha256.empty()) gone_by_sha.emplace(entry.sha256, &entry);
        }
    }

    RunPlan plan;
    plan.files.reserve(files.size());
    for (size_t i = 0; i < files.size(); ++i) {
        const ArchiveFile& file = files[i];
        const FileStat& now = stats[i];
        PlannedFile p;
        if (auto it = ledger.find(file.display); it != ledger.end()) p.previous = it->second;
        const LedgerEntry* prev = p.previous ? &*p.previous : nullptr;

        bool same_bytes = false;
        if (prev && now.known && prev->size == now.size && prev->mtime_ns == now.mtime_ns) {
            same_bytes = true;
            p.sha256 = prev->sha256;
        } else if (now.known && (prev || !gone_by_sha.empty())) {
            p.sha256 = hash(file);
            same_bytes = prev && !p.sha256.empty() && p.sha256 == prev->sha256;
        }

        auto keep = [&](const LedgerEntry& base) {
            p.entry = base;
            p.entry.path = file.display;
            p.entry.root = file.root;
            p.entry.size = now.size;
            p.entry.mtime_ns = now.mtime_ns;
            p.entry_changed = !prev || prev->root != p.entry.root || prev->size != p.entry.size ||
                              prev->mtime_ns != p.entry.mtime_ns;
        };
        if (same_bytes) {
            const bool retry = read_again(*prev, options);
            p.change = retry ? FileChange::kRetried : FileChange::kUnchanged;
            if (!retry) keep(*prev);
        } else if (auto moved = p.sha256.empty() ? gone_by_sha.end() : gone_by_sha.find(p.sha256);
                   moved != gone_by_sha.end()) {
            p.moved_from = *moved->second;
            gone_paths.erase(moved->second->path);
            gone_by_sha.erase(moved);
            const bool retry = read_again(*p.moved_from, options);
            p.change = retry ? FileChange::kRetried : FileChange::kMoved;
            if (!retry) {
                keep(*p.moved_from);
                p.entry_changed = true;
            }
        } else {
            p.change = prev ? FileChange::kChanged : FileChange::kNew;
        }
        plan.files.push_back(std::move(p));
    }
    for (const auto& path : gone_paths) plan.gone.push_back(ledger.at(path));
    return plan;
}

namespace {

nlohmann::json run_json(const RunRecord& r) {
    return nlohmann::json{{"started_at", r.started_at},
                          {"finished_at", r.finished_at},
                          {"seconds", r.seconds},
                          {"files", r.files},
                          {"new", r.new_files},
                          {"changed", r.changed},
                          {"unchanged", r.unchanged},
                          {"moved", r.moved},
                          {"removed", r.removed},
                          {"retried", r.retried},
                          {"read", r.read},
                          {"failures", r.failures},
                          {"removed_files", r.removed_files},
                          {"unlisted", r.unlisted},
                          {"held", r.held},
                          {"transient", r.transient},
                          {"disk_full", r.disk_full}};
}

RunRecord run_from(const nlohmann::json& j) {
    RunRecord r;
    r.started_at = j.value("started_at", "");
    r.finished_at = j.value("finished_at", "");
    r.seconds = j.value("seconds", 0.0);
    r.files = j.value("files", 0);
    r.new_files = j.value("new", 0);
    r.changed = j.value("changed", 0);
    r.unchanged = j.value("unchanged", 0);
    r.moved = j.value("moved", 0);
    r.removed = j.value("removed", 0);
    r.retried = j.value("retried", 0);
    r.read = j.value("read", 0);
    r.failures = j.value("failures", 0);
    r.removed_files = j.value("removed_files", std::vector<std::string>{});
    r.unlisted = j.value("unlisted", std::vector<std::string>{});
    r.held = j.value("held", std::vector<std::string>{});
    r.transient = j.value("transient", 0);
    r.disk_full = j.value("disk_full", "");
    return r;
}

}  // namespace

std::string run_to_json(const RunRecord& r) { return run_json(r).dump(); }

std::optional<RunRecord> run_from_json(const std::string& json) {
    try {
        return run_from(nlohmann::json::parse(json));
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

std::vector<RunRecord> runs_from_json(const std::string& json) {
    std::vector<RunRecord> out;
    try {
        auto j = nlohmann::json::parse(json);
        if (!j.is_array()) return out;
        for (const auto& r : j) out.push_back(run_from(r));
    } catch (const nlohmann::json::exception&) {
        out.clear();
    }
    return out;
}

std::string runs_with(const std::string& stored, const RunRecord& run) {
    nlohmann::json out = nlohmann::json::array({run_json(run)});
    for (const auto& r : runs_from_json(stored)) {
        if (static_cast<int>(out.size()) >= kRunHistory) break;
        out.push_back(run_json(r));
    }
    return out.dump();
}

}  // namespace minutebook
