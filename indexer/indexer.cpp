#include "indexer/indexer.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <set>
#include <thread>
#include <unordered_map>
#include <xapian.h>

#include "core/councils.h"
#include "core/dates.h"
#include "indexer/extract.h"
#include "indexer/isolated.h"
#include "indexer/ledger.h"
#include "indexer/passages.h"
#include "indexer/writer.h"

namespace minutebook {
namespace fs = std::filesystem;

int IndexReport::failures() const {
    return static_cast<int>(std::count_if(reports.begin(), reports.end(),
                                          [](const FileReport& r) { return r.status != "ok"; }));
}

namespace {

// The path given, as ledger entries record their root.
std::string archive_root(const std::string& given) {
    fs::path p = fs::absolute(given).lexically_normal();
    if (p.filename().empty() && p.has_parent_path()) p = p.parent_path();  // "corpus/"
    return p.string();
}

bool is_pdf_name(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".pdf";
}

std::string absolute_path(const ArchiveFile& file) {
    return fs::absolute(file.path).lexically_normal().string();
}

// The ledger as the run changes it: in memory, and in the writer's batch.
class Ledger {
public:
    explicit Ledger(IndexWriter& writer) : writer_(writer) {
        for (const auto& key : writer_.metadata_keys(kLedgerPrefix)) {
            auto e = ledger_from_json(key.substr(std::string_view(kLedgerPrefix).size()), writer_.metadata(key));
            if (e && ledger_key(e->path) == key) add(std::move(*e));
        }
    }
    const std::map<std::string, LedgerEntry>& entries() const { return entries_; }
    const LedgerEntry* find(const std::string& path) const {
        auto it = entries_.find(path);
        return it == entries_.end() ? nullptr : &it->second;
    }
    void put(const LedgerEntry& e) {
        remove(e.path);
        writer_.set_metadata(ledger_key(e.path), ledger_to_json(e));
        add(e);
    }
    void forget(const std::string& path) {
        if (remove(path)) writer_.set_metadata(ledger_key(path), "");
    }
    // Entries with these bytes.
    int refs(const std::string& sha256) const {
        auto it = refs_.find(sha256);
        return it == refs_.end() ? 0 : it->second;
    }
    // Removes from the index what only the file with these bytes carried.
    void drop_file(const std::string& sha256) {
        writer_.remove_file(sha256);
        writer_.set_metadata("file:" + sha256, "");
    }

private:
    void add(LedgerEntry e) {
        if (!e.sha256.empty()) ++refs_[e.sha256];
        std::string path = e.path;
        entries_[path] = std::move(e);
    }
    bool remove(const std::string& path) {
        auto it = entries_.find(path);
        if (it == entries_.end()) return false;
        if (!it->second.sha256.empty() && --refs_[it->second.sha256] == 0) refs_.erase(it->second.sha256);
        entries_.erase(it);
        return true;
    }

    IndexWriter& writer_;
    std::map<std::string, LedgerEntry> entries_;
    std::unordered_map<std::string, int> refs_;
};

// Ends a batch after enough files, passages or ledger changes. The first
// batches hold 1, 2, 4, ... files up to the most: a commit made while the
// readers go on costs the run little, and the first files are searchable
// at once. (On 700 synthetic packs, batches of 10 to 20 files indexed in
// 36 to 37 s, of 50 in 40 s, of 1 in 52 s; on 100 packs, 4.1 s, 4.9 s
// and 4.1 s.)
class Batch {
public:
    Batch(IndexWriter& writer, const IndexOptions& options)
        : writer_(writer), max_files_(std::max(1, options.batch_files)),
          max_passages_(std::max(1, options.batch_passages)) {}
    void note_file(int passages) {
        ++files_;
        passages_ += passages;
        if (files_ >= std::min(growing_, max_files_) || passages_ >= max_passages_) {
            flush();
            growing_ = std::min(growing_ * 2, max_files_);
        }
    }
    // A change of the ledger alone (a file moved, touched or gone).
    void note_change() {
        if (++changes_ >= kMaxChanges) flush();
    }

    // Files whose passages a commit holds.
    int committed_files() const { return committed_; }

private:
    static constexpr int kMaxChanges = 10000;
    void flush() {
        writer_.commit();
        committed_ += files_;
        files_ = passages_ = changes_ = 0;
    }
    IndexWriter& writer_;
    const int max_files_, max_passages_;
    int growing_ = 1;  // files of the current batch, doubling up to max_files_
    int files_ = 0, passages_ = 0, changes_ = 0, committed_ = 0;
};

void count_change(FileChange change, IndexReport& report) {
    switch (change) {
        case FileChange::kNew: ++report.new_files; break;
        case FileChange::kChanged: ++report.changed; break;
        case FileChange::kUnchanged: ++report.unchanged; break;
        case FileChange::kMoved: ++report.moved; break;
        case FileChange::kRetried: ++report.retried; break;
    }
}

// A file gone from under the run's roots loses its entry, and the index its
// passages unless another file has the same bytes: then that file's path
// stands in the locations.
void forget_gone(const LedgerEntry& gone, const RunPlan& plan, const std::vector<ArchiveFile>& files,
                 Ledger& ledger, IndexWriter& writer) {
    ledger.forget(gone.path);
    if (gone.sha256.empty()) return;
    if (ledger.refs(gone.sha256) == 0) {
        ledger.drop_file(gone.sha256);
        return;
    }
    for (size_t i = 0; i < plan.files.size(); ++i) {
        if (plan.files[i].sha256 == gone.sha256) {
            writer.rename_file(gone.sha256, files[i].display);
            writer.set_file_path(gone.sha256, absolute_path(files[i]));
            return;
        }
    }
}

// A file not read: moved (its locations take the new path), touched (its
// entry takes the new time), or in an archive that moved (its path
// changes). True when its entry was rewritten.
bool keep_unread(const PlannedFile& p, const ArchiveFile& file, Ledger& ledger, IndexWriter& writer) {
    const bool read_before = !p.entry.sha256.empty();
    if (p.moved_from) {
        ledger.forget(p.moved_from->path);
        if (read_before && p.entry.ok()) writer.rename_file(p.entry.sha256, file.display);
    }
    if (read_before && (p.moved_from || (p.previous && p.previous->root != p.entry.root))) {
        writer.set_file_path(p.entry.sha256, absolute_path(file));
    }
    if (!p.entry_changed) return false;
    const std::string replaced = p.previous ? p.previous->sha256 : "";
    ledger.put(p.entry);
    if (!replaced.empty() && replaced != p.entry.sha256 && ledger.refs(replaced) == 0) ledger.drop_file(replaced);
    return true;
}

// The roots whose removals this run holds back: it would remove every
// indexed file of the root, or more than half of at least kHoldMinFiles.
// Their entries leave `plan.gone`, so the files keep their passages.
std::vector<IndexReport::Held> hold_removals(const std::vector<std::string>& paths,
                                             const std::map<std::string, LedgerEntry>& ledger, RunPlan& plan) {
    std::vector<IndexReport::Held> held;
    for (const auto& given : paths) {
        const std::string root = archive_root(given);
        int indexed = 0, gone = 0;
        for (const auto& [path, e] : ledger) indexed += e.root == root;
        for (const auto& e : plan.gone) gone += e.root == root;
        if (gone == 0 || (gone < indexed && (indexed < kHoldMinFiles || gone * 2 <= indexed))) continue;
        if (std::any_of(held.begin(), held.end(), [&](const auto& h) { return archive_root(h.root) == root; })) continue;
        const int listed = indexed - gone;
        held.push_back({given, listed, indexed,
                        given + " lists " + std::to_string(listed) + " of " + std::to_string(indexed) +
                            " indexed files: is the share mounted? Run with --prune to remove them"});
        plan.gone.erase(std::remove_if(plan.gone.begin(), plan.gone.end(),
                                       [&](const LedgerEntry& e) { return e.root == root; }),
                        plan.gone.end());
    }
    return held;
}

// Whether a Xapian error came from a full disk (or quota) under `dir`: its
// system error says so, or (Xapian does not always keep the error number) a
// small write there fails with ENOSPC or EDQUOT now.
bool is_disk_full(const Xapian::Error& e, const std::string& dir) {
    if (const char* why = e.get_error_string()) {
        const std::string text = why;
        if (text == std::strerror(ENOSPC) || text == std::strerror(EDQUOT)) return true;
    }
    const std::string probe = (fs::path(dir) / ".space-probe").string();
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return errno == ENOSPC || errno == EDQUOT;
    const std::string block(4096, '\0');
    bool full = false;
    if (::write(fd, block.data(), block.size()) < 0 || ::fsync(fd) != 0) full = errno == ENOSPC || errno == EDQUOT;
    ::close(fd);
    ::unlink(probe.c_str());
    return full;
}

std::string disk_full_message(const std::string& dir) { return "the disk holding " + dir + " is full"; }

FileReport known_failure(const LedgerEntry& e) {
    FileReport r;
    r.file = e.path;
    r.status = e.status;
    r.message = e.message;
    r.pages = e.pages;
    r.passages = e.passages;
    r.ocr_pages = e.ocr_pages;
    r.copy_forbidden = e.copy_forbidden;
    for (const auto& limit : e.limits) r.limits.push_back(limit.first);
    r.not_retried = true;
    r.indexed_at = e.indexed_at;
    return r;
}

// The run's limits by name, as the ledger records them; 0 for none.
std::map<std::string, double> run_limits(const IndexOptions& options) {
    return {{kLimitFileSize, static_cast<double>(options.max_file_bytes)},
            {kLimitPages, options.max_pages},
            {kLimitTime, options.seconds_per_file},
            {kLimitMemory, static_cast<double>(options.memory_limit_bytes)},
            {kLimitOcrPages, options.ocr_page_limit}};
}

// The limits that cut the reading of a file short, by name.
std::vector<std::string> limits_hit(const ExtractResult& extracted) {
    std::vector<std::string> out;
    if (extracted.status == ExtractStatus::kTooLarge) out.push_back(kLimitFileSize);
    if (extracted.pages_limited) out.push_back(kLimitPages);
    // OCR's time is a share of the file's (see index_paths).
    if (extracted.ocr_time_limited) out.push_back(kLimitTime);
    if (extracted.ocr_pages_limited) out.push_back(kLimitOcrPages);
    return out;
}

LedgerEntry entry_for(const ArchiveFile& file, const FileStat& stat, const FileOutcome& o,
                      const PlanOptions& plan, const std::string& council) {
    LedgerEntry e;
    e.path = file.display;
    e.root = file.root;
    e.sha256 = o.sha256;
    e.size = stat.size;
    e.mtime_ns = stat.mtime_ns;
    e.status = o.report.status;
    e.message = o.report.message;
    e.pages = o.report.pages;
    e.passages = static_cast<int>(o.passages.size());
    e.ocr_pages = o.ocr_pages;
    e.copy_forbidden = o.report.copy_forbidden;
    if (e.status == "encrypted") e.passwords = plan.password_hash;
    e.ocr = plan.ocr;
    e.council = council;
    for (const auto& name : o.report.limits) e.limits[name] = plan.limits.at(name);
    e.pages_only = o.report.pages_only;
    e.indexed_at = utc_now_iso();
    return e;
}

}  // namespace

namespace {

// Walks one folder root: every *.pdf under it, and each folder that could
// not be listed completely. Symbolic links to folders are not followed.
class FolderWalk {
public:
    FolderWalk(const fs::path& root, const std::string& given, const std::string& root_key, ArchiveListing& out)
        : root_(without_trailing_separator(root.lexically_normal())), given_(given), root_key_(root_key), out_(out) {}

    void walk(const fs::path& dir) {
        std::error_code ec;
        fs::directory_iterator it(dir, ec);
        std::vector<fs::path> subfolders;
        for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
            const fs::directory_entry& entry = *it;
            std::error_code type_ec;
            if (entry.is_symlink(type_ec)) {
                if (entry.is_regular_file(type_ec) && is_pdf_name(entry.path())) add(entry.path());
            } else if (entry.is_directory(type_ec)) {
                subfolders.push_back(entry.path());
            } else if (entry.is_regular_file(type_ec) && is_pdf_name(entry.path())) {
                add(entry.path());
            }
        }
        if (ec) unlisted(dir, ec);
        for (const auto& sub : subfolders) walk(sub);
    }

private:
    static fs::path without_trailing_separator(fs::path p) {
        return p.filename().empty() && p.has_parent_path() ? p.parent_path() : p;
    }
    std::string relative(const fs::path& p) const {
        std::string rel = p.lexically_normal().lexically_relative(root_).generic_string();
        return rel == "." ? "" : rel;
    }
    void add(const fs::path& p) { out_.files.push_back({p.string(), relative(p), root_key_}); }
    void unlisted(const fs::path& dir, const std::error_code& ec) {
        const std::string rel = relative(dir);
        std::string shown = given_;
        if (!rel.empty()) shown = (fs::path(given_) / rel).generic_string();
        out_.unlisted.push_back({root_key_, rel, shown, ec.message()});
    }

    const fs::path root_;
    const std::string given_, root_key_;
    ArchiveListing& out_;
};

}  // namespace

ArchiveListing walk_archive(const std::vector<std::string>& paths) {
    ArchiveListing out;
    for (const auto& given : paths) {
        fs::path root(given);
        const std::string root_key = archive_root(given);
        std::error_code ec;
        if (fs::is_directory(root, ec)) {
            const size_t first = out.files.size();
            FolderWalk(root, given, root_key, out).walk(root);
            std::sort(out.files.begin() + static_cast<std::ptrdiff_t>(first), out.files.end(),
                      [](const ArchiveFile& a, const ArchiveFile& b) { return a.display < b.display; });
        } else if (fs::exists(root, ec)) {
            out.files.push_back({root.string(), root.filename().string(), root_key});
        } else if (ec && ec != std::errc::no_such_file_or_directory) {
            // It may exist: nothing under it is taken for gone.
            out.unlisted.push_back({root_key, "", given, ec.message()});
        } else {
            out.missing.push_back(given);
        }
    }
    return out;
}

std::vector<ArchiveFile> list_archive(const std::vector<std::string>& paths) {
    ArchiveListing listing = walk_archive(paths);
    if (!listing.missing.empty()) throw std::invalid_argument("No such file or folder: " + listing.missing.front());
    return std::move(listing.files);
}

IndexReport index_paths(const std::vector<std::string>& paths, const IndexOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    const std::string started_at = utc_now_iso();
    ArchiveListing listing = walk_archive(paths);
    const std::vector<ArchiveFile>& files = listing.files;
    std::unique_ptr<IndexWriter> opened;
    try {
        opened = std::make_unique<IndexWriter>(options.db_path);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexBusyError("the index " + options.db_path + " is being written by another run; try again when it ends.");
    } catch (const Xapian::Error& e) {
        if (!is_disk_full(e, options.db_path)) throw;
        IndexReport full;
        full.files = full.not_indexed = static_cast<int>(files.size());
        full.disk_full = disk_full_message(options.db_path);
        full.seconds = elapsed();
        return full;
    }
    IndexWriter& writer = *opened;
    IndexReport report;
    report.files = static_cast<int>(files.size());
    Ledger ledger(writer);

    // A path given that is gone is an error unless the index has files
    // from it: then it lists none of them (a share not mounted).
    for (const auto& given : listing.missing) {
        const std::string key = archive_root(given);
        const bool known = std::any_of(ledger.entries().begin(), ledger.entries().end(),
                                       [&](const auto& e) { return e.second.root == key; });
        if (!known) throw std::invalid_argument("No such file or folder: " + given);
    }
    report.unlisted = listing.unlisted;
    std::vector<std::string> roots;
    for (const auto& given : paths) roots.push_back(archive_root(given));
    std::vector<FileStat> stats;
    stats.reserve(files.size());
    for (const auto& f : files) stats.push_back(stat_file(f.path));
    PlanOptions plan_options;
    plan_options.roots = roots;
    plan_options.unlisted = listing.unlisted;
    plan_options.password_hash = password_list_hash(options.passwords);
    plan_options.ocr = to_string(options.ocr);
    plan_options.council = canonical_council(options.council);
    plan_options.limits = run_limits(options);
    plan_options.hash = [](const ArchiveFile& f) { return hash_file(f.path); };
    RunPlan plan = plan_run(files, stats, ledger.entries(), plan_options);

    Batch batch(writer, options);
    size_t files_to_read = 0;
    try {
        // Reports of files not read (failures kept from earlier runs), merged
        // with those read, in the order of the archive.
        std::vector<std::pair<size_t, FileReport>> reports;

        if (!options.prune) report.held = hold_removals(paths, ledger.entries(), plan);
        for (const auto& gone : plan.gone) {
            forget_gone(gone, plan, files, ledger, writer);
            ++report.removed;
            report.removed_files.push_back(gone.path);
            batch.note_change();
        }
        // The council of each file read: the run's, else the one it was
        // indexed as before.
        std::map<std::string, std::string> council_of_file;
        auto council_for = [&council_of_file](const std::string& display) {
            auto it = council_of_file.find(display);
            return it == council_of_file.end() ? std::string() : it->second;
        };
        std::vector<ArchiveFile> to_read;
        std::vector<size_t> read_index;  // position in `files` of each file in `to_read`
        for (size_t i = 0; i < plan.files.size(); ++i) {
            const PlannedFile& p = plan.files[i];
            count_change(p.change, report);
            if (p.read()) {
                const LedgerEntry* before = p.previous ? &*p.previous : p.moved_from ? &*p.moved_from : nullptr;
                const std::string council = !plan_options.council.empty() ? plan_options.council
                                            : before                      ? before->council
                                                                          : "";
                if (!council.empty()) council_of_file[files[i].display] = council;
                to_read.push_back(files[i]);
                read_index.push_back(i);
                continue;
            }
            if (keep_unread(p, files[i], ledger, writer)) batch.note_change();
            if (!p.entry.ok()) reports.emplace_back(i, known_failure(p.entry));
        }
        files_to_read = to_read.size();

        ExtractOptions extract_options;
        extract_options.passwords = options.passwords;
        extract_options.ocr = options.ocr;
        extract_options.ocr_cache_dir =
            options.ocr_cache_dir.empty() ? (fs::path(options.db_path) / "ocr-cache").string() : options.ocr_cache_dir;
        extract_options.ocr_page_limit = options.ocr_page_limit;
        extract_options.max_file_bytes = options.max_file_bytes;
        extract_options.max_pages = options.max_pages;
        // OCR stops in time for the reader to finish the file within its limit.
        extract_options.ocr_seconds = options.seconds_per_file * 0.8;

        auto read = [&](const ArchiveFile& file) {
            ExtractResult extracted = extract_pdf(file.path, extract_options);
            FileOutcome o;
            o.report.file = file.display;
            o.report.status = extracted.ok() ? "ok" : to_string(extracted.status);
            o.report.message = extracted.message;
            // Pages read: a file cut short by the page limit counts what it gave.
            o.report.pages = extracted.pages_limited ? static_cast<int>(extracted.pages.size()) : extracted.page_count;
            o.sha256 = extracted.sha256;
            o.report.copy_forbidden = extracted.copy_forbidden;
            o.ocr_pages = o.report.ocr_pages = extracted.ocr_pages;
            o.report.limits = limits_hit(extracted);
            if (extracted.ok()) {
            const std::string council = council_for(file.display);
            FileFindings findings;
            o.passages = make_passages(FileInfo{file.display, extracted.sha256, council}, extracted.pages, &findings);
            o.report.pages_only = findings.pages_only;
            const std::string& named = findings.text_council;
            if (!council.empty() && !named.empty() && !council_matches(council, named)) {
                const std::string note = "its text names " + named + ", not " + council + " (--council)";
                o.report.message = o.report.message.empty() ? note : o.report.message + "; " + note;
            }
        }
            // Here, in the reader process, rather than in the one writer.
            for (const auto& passage : o.passages) o.terms.push_back(passage_terms(passage));
            return o;
        };
        int pages_read = 0;
        auto done = [&](size_t k, FileOutcome&& o) {
            const size_t index = read_index[k];
            const ArchiveFile& file = files[index];
            const PlannedFile& p = plan.files[index];
            if (o.report.status == to_string(ExtractStatus::kTransient)) {
                // Nothing changes: what the index had of it stays until a run reads it.
                ++report.transient;
                ++report.read;
                reports.emplace_back(index, std::move(o.report));
                return;
            }
            if (!o.sha256.empty()) {
                // The same bytes given as another council's papers keep theirs.
                std::set<std::string> other_councils;
                const std::string own = council_for(file.display);
                for (const auto& [path, e] : ledger.entries()) {
                    if (e.sha256 == o.sha256 && path != file.display && !e.council.empty() && e.council != own) {
                        other_councils.insert(e.council);
                    }
                }
                writer.remove_file(o.sha256, other_councils);
                writer.set_file_path(o.sha256, absolute_path(file));
            }
            for (size_t i = 0; i < o.passages.size(); ++i) writer.add(o.passages[i], o.terms[i]);
            o.report.passages = static_cast<int>(o.passages.size());
            LedgerEntry entry = entry_for(file, stats[index], o, plan_options,
                                      council_for(file.display));
            const std::string replaced = p.previous ? p.previous->sha256 : "";
            ledger.put(entry);
            if (p.moved_from) ledger.forget(p.moved_from->path);
            for (const std::string& old : {replaced, p.moved_from ? p.moved_from->sha256 : std::string()}) {
                if (!old.empty() && old != entry.sha256 && ledger.refs(old) == 0) ledger.drop_file(old);
            }
            ++report.read;
            pages_read += o.report.pages;
            reports.emplace_back(index, std::move(o.report));
            batch.note_file(static_cast<int>(o.passages.size()));
            if (options.on_progress) {
                const bool last = k + 1 == to_read.size();
                options.on_progress({report.read, static_cast<int>(to_read.size()), pages_read, elapsed(),
                                     last ? "" : to_read[k + 1].display});
            }
        };
        IsolationOptions isolation;
        isolation.jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
        isolation.seconds_per_file = options.seconds_per_file;
        isolation.memory_limit_bytes = options.memory_limit_bytes;
        if (options.on_progress && !to_read.empty()) {
            options.on_progress({0, static_cast<int>(to_read.size()), 0, 0, to_read.front().display});
        }
        read_isolated(to_read, isolation, read, done);

        for (const auto& f : files) {
            if (const LedgerEntry* e = ledger.find(f.display)) {
                report.pages += e->pages;
                report.passages += e->passages;
            }
        }
        std::stable_sort(reports.begin(), reports.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& [index, r] : reports) report.reports.push_back(std::move(r));
        report.seconds = elapsed();
        RunRecord run{started_at, utc_now_iso(), report.seconds, report.files, report.new_files, report.changed,
                      report.unchanged, report.moved, report.removed, report.retried, report.read,
                      report.failures()};
        run.removed_files = report.removed_files;
        for (const auto& u : report.unlisted) run.unlisted.push_back(u.shown + ": " + u.reason);
        for (const auto& h : report.held) run.held.push_back(h.message);
        run.transient = report.transient;
        run.disk_full = report.disk_full;
        writer.set_metadata(kLastRunKey, run_to_json(run));
        writer.set_metadata(kRunHistoryKey, runs_with(writer.metadata(kRunHistoryKey), run));
        writer.finish();
    } catch (const Xapian::Error& e) {
        if (!is_disk_full(e, options.db_path)) throw;
        // The last commit is whole (Xapian writes a revision before it
        // points to it); what came after it is read by the next run.
        report.disk_full = disk_full_message(options.db_path);
        report.not_indexed = static_cast<int>(files_to_read) - batch.committed_files();
        report.seconds = elapsed();
    }
    return report;
}

}  // namespace minutebook
