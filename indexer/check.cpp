#include "indexer/check.h"

#include <xapian.h>

#include <fstream>
#include <map>
#include <sstream>

#include "core/passage.h"
#include "core/schema.h"
#include "indexer/ledger.h"
#include "indexer/writer.h"

namespace minutebook {

namespace {

// Xapian's checker: each line it prints that reports an error.
void check_tables(const std::string& db_path, CheckReport& report) {
    std::ostringstream out;
    size_t errors = 0;
    try {
        errors = Xapian::Database::check(db_path, 0, &out);
    } catch (const Xapian::DatabaseOpeningError&) {
        if (!std::ifstream(db_path + "/iamglass")) throw;  // no index there
        report.tables_damaged = true;
        report.problems.push_back("the index's tables are damaged: its version file cannot be read");
        return;
    } catch (const Xapian::Error& e) {
        report.tables_damaged = true;
        report.problems.push_back("the index's tables are damaged: " + e.get_description());
        return;
    }
    if (errors == 0) return;
    report.tables_damaged = true;
    std::istringstream lines(out.str());
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) report.problems.push_back("the index's tables are damaged: " + line);
    }
}

std::string doc_name(const Xapian::Document& doc, Xapian::docid id) {
    const std::string prefix(schema::kUnique);
    auto t = doc.termlist_begin();
    t.skip_to(prefix);
    if (t != doc.termlist_end() && std::string(*t).rfind(prefix, 0) == 0) return std::string(*t).substr(prefix.size());
    return "document " + std::to_string(id);
}

bool has_prefix(const Xapian::Document& doc, std::string_view prefix) {
    auto t = doc.termlist_begin();
    t.skip_to(std::string(prefix));
    return t != doc.termlist_end() && std::string(*t).compare(0, prefix.size(), prefix) == 0;
}

void check_contents(const std::string& db_path, CheckReport& report);

}  // namespace

CheckReport check_index(const std::string& db_path) {
    CheckReport report;
    check_tables(db_path, report);
    if (report.tables_damaged) return report;
    try {
        check_contents(db_path, report);
    } catch (const Xapian::Error& e) {
        report.tables_damaged = true;
        report.problems.push_back("the index cannot be read: " + e.get_description());
    }
    return report;
}

namespace {

void check_contents(const std::string& db_path, CheckReport& report) {
    Xapian::Database db(db_path);

    const auto ledger = read_ledger(db);
    std::map<std::string, std::vector<std::string>> paths_of;  // sha -> ledger paths of indexed files
    for (const auto& [path, e] : ledger) {
        ++report.files;
        if (e.ok() && !e.sha256.empty()) paths_of[e.sha256].push_back(path);
    }
    auto read_again = [&](const std::string& sha) {
        for (const auto& path : paths_of[sha]) report.files_to_read.insert(path);
    };

    // Every passage: its file, pages, id and sample bucket.
    const std::string file_prefix(schema::kFileId);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        ++report.passages;
        const Xapian::Document doc = db.get_document(*it);
        const std::string name = doc_name(doc, *it);
        std::vector<std::string> files;
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            t.skip_to(file_prefix);
            if (t == doc.termlist_end() || std::string(*t).compare(0, file_prefix.size(), file_prefix) != 0) break;
            files.push_back(std::string(*t).substr(file_prefix.size()));
        }
        std::string wrong;
        if (files.empty()) wrong = "no file";
        if (!has_prefix(doc, schema::kSample)) wrong = "no sample bucket";
        if (!has_prefix(doc, schema::kId)) wrong = "no id";
        try {
            const Passage p = from_document_data(doc.get_data());
            if (p.locations.empty()) wrong = "no location";
            for (const auto& [names, what] : {std::pair{&p.officers, "officers"}, std::pair{&p.people, "people"}}) {
                const std::set<std::string> distinct(names->begin(), names->end());
                if (distinct.size() > schema::kMaxMultiValues) {
                    report.over_facet_cap.push_back(name + ": " + std::to_string(distinct.size()) + " " + what);
                }
            }
            for (const auto& l : p.locations) {
                if (l.pages.empty()) wrong = "no pages";
            }
        } catch (const std::exception&) {
            wrong = "data that cannot be read";
        }
        if (!wrong.empty()) {
            report.problems.push_back("passage " + name + " has " + wrong);
            for (const auto& sha : files) read_again(sha);
        }
    }

    // The ledger and the passages agree, file by file.
    for (auto it = db.allterms_begin(file_prefix); it != db.allterms_end(file_prefix); ++it) {
        const std::string sha = (*it).substr(file_prefix.size());
        if (!paths_of.count(sha)) {
            report.problems.push_back("passages of a file the ledger does not hold: " + sha);
            report.orphans.insert(sha);
        } else if (db.get_metadata("file:" + sha).empty()) {
            report.problems.push_back("no path recorded for the file of " + paths_of[sha].front());
            read_again(sha);
        }
    }
    // Files with the same bytes share their passages, unless given as
    // different councils' papers: then each council has its own.
    std::map<std::string, std::map<std::string, int>> expected;  // sha -> council -> passages
    for (const auto& [path, e] : ledger) {
        if (e.ok() && !e.sha256.empty()) expected[e.sha256][e.council] = e.passages;
    }
    for (const auto& [path, e] : ledger) {
        if (!e.ok() || e.sha256.empty()) continue;
        int passages = 0;
        for (const auto& [council, n] : expected[e.sha256]) passages += n;
        const auto held = static_cast<int>(db.get_termfreq(file_prefix + e.sha256));
        if (held != passages) {
            report.problems.push_back(path + ": the ledger counts " + std::to_string(passages) +
                                      " passages, the index holds " + std::to_string(held));
            report.files_to_read.insert(path);
        }
    }

    if (!db.get_metadata(kVocabularyStaleKey).empty()) {
        report.vocabulary_stale = true;
        report.problems.push_back(
            "the vocabulary (spelling, synonyms, acronyms, names) was not rebuilt after the last change");
    }
}

}  // namespace

IndexReport repair_index(const CheckReport& found, const IndexOptions& options) {
    std::set<std::string> roots;
    IndexOptions run = options;
    {
        IndexWriter writer(options.db_path);
        Xapian::Database db(options.db_path);
        const auto ledger = read_ledger(db);
        // Files are read again with the OCR mode of their root's files, so
        // that nothing else is read again.
        auto read_with = [&](const LedgerEntry& e) {
            roots.insert(e.root);
            if (!e.ocr.empty()) parse_ocr_mode(e.ocr, &run.ocr);
        };
        // The entry of a file under the root that holds an absolute path.
        auto neighbour = [&](const std::string& path) -> const LedgerEntry* {
            for (const auto& [_, e] : ledger) {
                if (path == e.root || path.compare(0, e.root.size() + 1, e.root + "/") == 0) return &e;
            }
            return nullptr;
        };
        // Passages of a file the ledger lost: removed, and the file read
        // again from where it was when indexed.
        for (const auto& sha : found.orphans) {
            const std::string path = db.get_metadata("file:" + sha);
            writer.remove_file(sha);
            writer.set_metadata("file:" + sha, "");
            if (const LedgerEntry* e = path.empty() ? nullptr : neighbour(path)) read_with(*e);
        }
        for (const auto& path : found.files_to_read) {
            auto it = ledger.find(path);
            if (it == ledger.end()) continue;
            if (!it->second.sha256.empty()) writer.remove_file(it->second.sha256);
            writer.set_metadata(ledger_key(path), "");
            read_with(it->second);
        }
        // Rebuilds the vocabulary when it is stale or the passages changed.
        writer.finish();
    }
    if (roots.empty()) return {};
    return index_paths({roots.begin(), roots.end()}, run);
}

}  // namespace minutebook
