// The ledger: what the index knows of each file of the archive, kept in the
// database's metadata beside the passages it describes (core/schema.h,
// "ledger:<path>"), so that a run reads only what is new or changed.
//
// An entry is written in the same commit as its file's passages: after a
// crash the ledger and the passages agree on the last committed state.
// Files that failed stay in the ledger with their reason and are not read
// again until their bytes change, except encrypted ones, which are tried
// again when the list of passwords changes (and files with pages without
// text, when the OCR mode changes, and files stopped or cut short by a
// limit, when a run raises that limit).
//
// Plain values and free functions; the run's own bookkeeping lives in
// indexer.cpp. Nothing here is shared between threads.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "indexer/indexer.h"

namespace Xapian {
class Database;
}

namespace minutebook {

// The format of the passages the indexer writes. It goes up when what a
// passage's document holds changes so that a search needs it (2: sample
// bucket terms, core/schema.h kSample; 3: officers and people after the 16th
// in value slots, core/schema.h kSlotPersonMore0; 4: councils, in keys,
// terms and a value slot, core/schema.h kCouncil; 5: minutes of any
// council's papers recognised, and the ledger's pages_only; 6: decisions
// in any wording, motions and votes, core/schema.h kMovedBy ...); a file indexed
// in an older format is read again by the next run.
inline constexpr int kIndexFormat = 6;

struct LedgerEntry {
    std::string path;    // as shown and stored in locations: relative to its root (the key)
    std::string root;    // absolute, normalised folder (or file) given to `index` that holds it
    std::string sha256;  // of the bytes; empty when the file could not be read
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;  // modification time, nanoseconds since the epoch
    // FileReport::status: "ok", "encrypted", "not a PDF", "damaged", "empty", "too large"
    std::string status;
    std::string message;  // the reason of a failure, or a warning
    int pages = 0;
    int passages = 0;
    int ocr_pages = 0;
    bool copy_forbidden = false;  // indexed although an owner password forbids copying
    std::string passwords;        // encrypted files: password_list_hash() of the list tried
    std::string ocr;  // the OCR mode it was read with ("never", "auto", "always"); "" unknown
    // The council it was indexed as (`index --council`), "" for the one its
    // text names. Kept by later runs that name none.
    std::string council;
    // The limits that stopped reading it or cut it short (FileReport::limits),
    // each with the value it had in that run (IndexOptions's unit: seconds,
    // bytes, pages). Empty for none.
    std::map<std::string, double> limits;
    // Read, but known only as pages: why no structure was recognised
    // (FileReport::pages_only). "" when some was, and for entries of format 4
    // and before.
    std::string pages_only;
    std::string indexed_at;  // when the file was last read, ISO 8601 UTC
    // The index format its passages were written in (kIndexFormat); 1 for
    // entries written before the field.
    int format = kIndexFormat;

    bool ok() const { return status == "ok"; }
};

// Metadata key of the entry for `path`: "ledger:<path>", or for a path too
// long for a Xapian key its head, "#" and the SHA-256 of the whole path.
std::string ledger_key(const std::string& path);
inline constexpr const char* kLedgerPrefix = "ledger:";

// One JSON object per entry (docs/schema.md lists its fields). Parsing
// returns nullopt for text that is not an entry, so a damaged value costs a
// re-read of one file, never the run.
std::string ledger_to_json(const LedgerEntry& entry);
std::optional<LedgerEntry> ledger_from_json(const std::string& path, const std::string& json);

// Every entry of `db`, by path.
std::map<std::string, LedgerEntry> read_ledger(const Xapian::Database& db);

// A fingerprint of the passwords tried on encrypted files (SHA-256 of the
// list, in order); "" for no passwords.
std::string password_list_hash(const std::vector<std::string>& passwords);


// ---- Planning a run ----

// What the file system says of a file now; `known` is false when it could
// not be asked (the file is then read, and its reader says why it fails).
struct FileStat {
    bool known = false;
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
};
FileStat stat_file(const std::string& path);

enum class FileChange {
    kNew,        // no entry for its path and no file gone with its bytes: read it
    kChanged,    // its bytes differ from its entry's: read it
    kUnchanged,  // same bytes as its entry (size and time, or else SHA-256): not read
    kMoved,      // its bytes are those of a file gone from its old path: not read
    kRetried,    // unchanged, but what reading it gives may differ: encrypted and the
                 // passwords changed, pages without text and the OCR mode changed, or
                 // stopped or cut short by a limit that this run raises
};
const char* to_string(FileChange change);

struct PlannedFile {
    FileChange change = FileChange::kNew;
    bool read() const {
        return change == FileChange::kNew || change == FileChange::kChanged ||
               change == FileChange::kRetried;
    }
    // SHA-256 of its bytes when known without reading it: from its entry when
    // size and time match, else hashed when a move or a touch had to be told
    // apart. Empty when not needed.
    std::string sha256;
    std::optional<LedgerEntry> previous;    // the entry under this path before the run
    std::optional<LedgerEntry> moved_from;  // kMoved: the entry of its old path
    // Files not read: their entry after the run (path, root, size and time
    // brought up to date), and whether it differs from what is stored.
    LedgerEntry entry;
    bool entry_changed = false;
};

struct RunPlan {
    std::vector<PlannedFile> files;  // one per file listed, in the same order
    // Entries under the run's roots whose files are gone and were not moved.
    std::vector<LedgerEntry> gone;
};

struct PlanOptions {
    // The absolute, normalised paths the run was given: an entry under one
    // of them whose path is not listed is gone.
    std::vector<std::string> roots;
    // Folders the walk could not list completely: no entry under one is gone.
    std::vector<UnlistedFolder> unlisted;
    std::string password_hash;  // password_list_hash() of this run's passwords
    std::string ocr;            // this run's OCR mode ("never", "auto", "always")
    std::string council;        // the council this run names (IndexOptions::council), "" for none
    // This run's limits by name (kLimit...), in LedgerEntry::limits's
    // units; 0 for none.
    std::map<std::string, double> limits;
    // Reads a file's SHA-256 ("" when it cannot). Called only for files whose
    // size or time changed, and for new files when some file is gone (to
    // find moves). REQUIRES: set.
    std::function<std::string(const ArchiveFile&)> hash;
};

// Decides what a run does with each file. `stats` is parallel to `files`.
RunPlan plan_run(const std::vector<ArchiveFile>& files, const std::vector<FileStat>& stats,
                 const std::map<std::string, LedgerEntry>& ledger, const PlanOptions& options);

// Whether an entry whose bytes have not changed is read again: indexed in an
// older format (kIndexFormat); a limit that stopped it or cut it short is
// higher (or gone) in this run; encrypted and the passwords changed; or
// pages without text (or read by OCR) and the OCR mode changed; or the OCR
// mode changed to or from reading every page.
bool read_again(const LedgerEntry& entry, const PlanOptions& options);

// SHA-256 of the file's bytes, "" when it cannot be read.
std::string hash_file(const std::string& path);

// What a run did, kept as metadata "run:last" (JSON) for `minutebook stats`.
struct RunRecord {
    std::string started_at, finished_at;  // ISO 8601 UTC
    double seconds = 0;
    int files = 0, new_files = 0, changed = 0, unchanged = 0, moved = 0, removed = 0, retried = 0;
    int read = 0, failures = 0;
    std::vector<std::string> removed_files;  // paths as shown
    std::vector<std::string> unlisted;       // folders not listed: "share/2024: Permission denied"
    std::vector<std::string> held;           // IndexReport::Held messages
    int transient = 0;                       // files left for the next run (I/O error, changed while read)
    std::string disk_full;                   // IndexReport::disk_full
};
inline constexpr const char* kLastRunKey = "run:last";
// "runs": a JSON array of the last kRunHistory RunRecords, newest first.
inline constexpr const char* kRunHistoryKey = "runs";
inline constexpr int kRunHistory = 10;
// The run history with `run` in front, as JSON, from the stored value.
std::string runs_with(const std::string& stored, const RunRecord& run);
std::vector<RunRecord> runs_from_json(const std::string& json);
std::string run_to_json(const RunRecord& run);
std::optional<RunRecord> run_from_json(const std::string& json);

}  // namespace minutebook
