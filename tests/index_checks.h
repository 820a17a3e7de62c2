// What an index must hold after any commit, and a whole index as one
// string, for tests that compare an index built in steps (or killed on the
// way) with one built from scratch.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/schema.h"
#include "indexer/check.h"
#include "indexer/ledger.h"

namespace minutebook::test {

// Every passage (its data and boolean terms), every file path and ledger
// entry (without the times that differ between runs), sorted.
inline std::string index_dump(const std::string& db_path) {
    Xapian::Database db(db_path);
    std::vector<std::string> lines;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        Xapian::Document doc = db.get_document(*it);
        std::string line = doc.get_data() + "\n  terms:";
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            const std::string term = *t;
            if (!term.empty() && (term[0] == 'Q' || term[0] == 'X')) line += " " + term;
        }
        lines.push_back(line);
    }
    for (const char* prefix : {"file:", "ledger:"}) {
        for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
            std::string value = db.get_metadata(*it);
            if (std::string(prefix) == "ledger:") {
                auto j = nlohmann::json::parse(value);
                j.erase("indexed_at");
                j.erase("mtime_ns");
                value = j.dump();
            }
            lines.push_back(*it + " = " + value);
        }
    }
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

// The vocabulary a run's end rebuilds (indexer/vocabulary.h): spelling
// words with their frequencies, synonyms, acronyms.
inline std::string vocabulary_dump(const std::string& db_path) {
    Xapian::Database db(db_path);
    std::string out;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
        out += "spelling " + *it + " " + std::to_string(it.get_termfreq()) + "\n";
    }
    for (auto it = db.synonym_keys_begin(); it != db.synonym_keys_end(); ++it) {
        out += "synonym " + *it + ":";
        for (auto s = db.synonyms_begin(*it); s != db.synonyms_end(*it); ++s) out += " " + *s;
        out += "\n";
    }
    for (auto it = db.metadata_keys_begin("acronym:"); it != db.metadata_keys_end("acronym:"); ++it) {
        out += *it + " = " + db.get_metadata(*it) + "\n";
    }
    return out;
}

// What the index and its ledger must agree on after any commit
// (indexer/check.h check_index): Xapian's tables are sound, every file the
// index carries passages of is in the ledger with its path, and every file
// the ledger says was indexed has exactly the passages the ledger counts (a
// file is never half written). The vocabulary may wait for a run's end, so
// a stale one is not counted here. "" when they agree.
inline std::string disagreements(const std::string& db_path) {
    std::string out;
    for (const auto& problem : check_index(db_path).problems) {
        if (problem.find("vocabulary") == std::string::npos) out += problem + "\n";
    }
    return out;
}

}  // namespace minutebook::test
