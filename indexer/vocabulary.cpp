#include "indexer/vocabulary.h"

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>
#include <vector>

#include "core/passage.h"
#include "core/schema.h"
#include "indexer/acronyms.h"

namespace minutebook {
namespace {

// Words shorter than this are never taken for misspellings of another.
constexpr size_t kMinMisspellingLength = 7;
// A misspelling is rare and its correction common.
constexpr Xapian::doccount kMaxMisspellingFreq = 3;
constexpr Xapian::doccount kMinCorrectionRatio = 5;

bool is_word(const std::string& term) {
    return !term.empty() && std::all_of(term.begin(), term.end(), [](unsigned char c) { return std::islower(c); });
}

// Plain words of the index: unprefixed, lower-case letters only.
std::map<std::string, Xapian::doccount> plain_words(const Xapian::Database& db) {
    std::map<std::string, Xapian::doccount> out;
    for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
        const std::string term = *it;
        if (term.empty() || !std::islower(static_cast<unsigned char>(term[0]))) continue;
        if (is_word(term)) out.emplace(term, it.get_termfreq());
    }
    return out;
}

void rebuild_spelling(Xapian::WritableDatabase& db, const std::map<std::string, Xapian::doccount>& words) {
    std::map<std::string, Xapian::doccount> current;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) current[*it] = it.get_termfreq();
    for (const auto& [word, freq] : current) {
        auto want = words.find(word);
        Xapian::doccount target = want == words.end() ? 0 : want->second;
        if (freq > target) db.remove_spelling(word, freq - target);
    }
    for (const auto& [word, freq] : words) {
        auto have = current.find(word);
        Xapian::doccount existing = have == current.end() ? 0 : have->second;
        if (freq > existing) db.add_spelling(word, freq - existing);
    }
}

// Every form of `word` with one letter deleted.
std::vector<std::string> deletes(const std::string& word) {
    std::vector<std::string> out;
    for (size_t i = 0; i < word.size(); ++i) out.push_back(word.substr(0, i) + word.substr(i + 1));
    return out;
}

// One edit apart: an insertion, a deletion, a substitution or two adjacent
// letters swapped.
bool one_edit_apart(const std::string& a, const std::string& b) {
    if (a == b) return false;
    const std::string& shorter = a.size() <= b.size() ? a : b;
    const std::string& longer = a.size() <= b.size() ? b : a;
    if (longer.size() - shorter.size() > 1) return false;
    size_t i = 0;
    while (i < shorter.size() && shorter[i] == longer[i]) ++i;
    if (shorter.size() == longer.size()) {
        if (shorter.compare(i + 1, std::string::npos, longer, i + 1, std::string::npos) == 0) return true;
        return i + 1 < shorter.size() && shorter[i] == longer[i + 1] && shorter[i + 1] == longer[i] &&
               shorter.compare(i + 2, std::string::npos, longer, i + 2, std::string::npos) == 0;
    }
    return shorter.compare(i, std::string::npos, longer, i + 1, std::string::npos) == 0;
}

void clear_synonyms(Xapian::WritableDatabase& db) {
    std::vector<std::string> keys(db.synonym_keys_begin(), db.synonym_keys_end());
    for (const auto& k : keys) db.clear_synonyms(k);
}

// Both ways. The query parser looks up synonyms of a word as typed and of
// its stem; both lead to the other word's stem, so every form of it matches.
void add_pair(Xapian::WritableDatabase& db, const Xapian::Stem& stem, const std::string& a, const std::string& b) {
    const std::string za = std::string("Z").append(stem(a)), zb = std::string("Z").append(stem(b));
    if (za == zb) return;
    db.add_synonym(a, zb);
    db.add_synonym(b, za);
    db.add_synonym(za, zb);
    db.add_synonym(zb, za);
}

}  // namespace

// Rare words one edit away from a word at least kMinCorrectionRatio times as
// common: misspelt -> correction. Symmetric deletes find the candidates in
// time linear in the vocabulary.
std::map<std::string, std::string> misspellings(const std::map<std::string, Xapian::doccount>& words) {
    std::unordered_map<std::string, std::vector<const std::string*>> by_delete;
    for (const auto& [word, freq] : words) {
        if (word.size() + 1 < kMinMisspellingLength || freq < kMinCorrectionRatio) continue;
        by_delete[word].push_back(&word);
        for (auto& d : deletes(word)) by_delete[d].push_back(&word);
    }
    std::map<std::string, std::string> out;
    for (const auto& [word, freq] : words) {
        if (freq > kMaxMisspellingFreq || word.size() < kMinMisspellingLength) continue;
        std::vector<std::string> keys = deletes(word);
        keys.push_back(word);
        const std::string* best = nullptr;
        Xapian::doccount best_freq = 0;
        for (const auto& key : keys) {
            auto it = by_delete.find(key);
            if (it == by_delete.end()) continue;
            for (const std::string* candidate : it->second) {
                const Xapian::doccount f = words.at(*candidate);
                if (f >= freq * kMinCorrectionRatio && f > best_freq && one_edit_apart(word, *candidate)) {
                    best = candidate;
                    best_freq = f;
                }
            }
        }
        if (best) out.emplace(word, *best);
    }
    return out;
}

const std::map<std::string, std::string>& british_american_pairs() {
    static const std::map<std::string, std::string> kPairs = {
        {"programme", "program"},       {"programmes", "programs"},
        {"centre", "center"},           {"centres", "centers"},
        {"councillor", "councilor"},    {"councillors", "councilors"},
        {"organisation", "organization"}, {"organisations", "organizations"},
        {"organise", "organize"},       {"organised", "organized"},
        {"prioritise", "prioritize"},   {"prioritisation", "prioritization"},
        {"recognise", "recognize"},     {"recognised", "recognized"},
        {"authorise", "authorize"},     {"authorised", "authorized"},
        {"utilise", "utilize"},         {"utilisation", "utilization"},
        {"behaviour", "behavior"},      {"behaviours", "behaviors"},
        {"labour", "labor"},            {"neighbourhood", "neighborhood"},
        {"colour", "color"},            {"favour", "favor"},
        {"licence", "license"},         {"defence", "defense"},
        {"offence", "offense"},         {"offences", "offenses"},
        {"practise", "practice"},       {"paediatric", "pediatric"},
        {"paediatrics", "pediatrics"},  {"enrolment", "enrollment"},
        {"fulfil", "fulfill"},          {"travelling", "traveling"},
        {"cancelled", "canceled"},      {"modelling", "modeling"},
        {"catalogue", "catalog"},       {"cheque", "check"},
        {"kerb", "curb"},               {"tyre", "tire"},
        {"storey", "story"},            {"analyse", "analyze"},
        {"judgement", "judgment"},      {"ageing", "aging"},
        {"aluminium", "aluminum"},      {"manoeuvre", "maneuver"},
        {"mould", "mold"},              {"plough", "plow"},
        {"grey", "gray"},               {"honour", "honor"},
        {"harbour", "harbor"},          {"rumour", "rumor"},
        {"vigour", "vigor"},            {"endeavour", "endeavor"},
    };
    return kPairs;
}

AcronymCounts acronyms_in(const Xapian::Database& db) {
    AcronymCounts out;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const Passage p = from_document_data(db.get_document(*it).get_data());
        const int files = static_cast<int>(p.locations.size());
        for (const auto& d : find_acronym_definitions(p.text)) out[d.acronym][d.expansion] += files;
    }
    return out;
}

namespace {

constexpr const char* kAcronymPrefix = "acronym:";

// The expansion seen most often; of equals, the first in alphabetical order.
std::string most_common(const AcronymCounts::mapped_type& expansions) {
    return std::max_element(expansions.begin(), expansions.end(), [](const auto& a, const auto& b) {
               return a.second < b.second;
           })->first;
}

// The spelling table and synonyms of `db`, made from the words of `source`.
void rebuild_word_tables(const Xapian::Database& source, Xapian::WritableDatabase& db) {
    const auto words = plain_words(source);
    rebuild_spelling(db, words);

    clear_synonyms(db);
    const Xapian::Stem stem("english");
    for (const auto& [british, american] : british_american_pairs()) add_pair(db, stem, british, american);
    // The archive's own misspellings ("accomodation" in a 2017 agenda) are
    // found by the word spelt right, and the other way round.
    for (const auto& [misspelt, correction] : misspellings(words)) add_pair(db, stem, correction, misspelt);
}

// Metadata an archive's readers need (core/schema.h); a database's ledger
// and last run stay with it.
constexpr const char* kArchiveMetadata[] = {"committee:", "officer:", "person:", "file:"};

std::map<std::string, std::string> archive_metadata(const std::vector<Xapian::Database>& shards) {
    std::map<std::string, std::string> out;
    for (const auto& shard : shards) {
        for (const char* prefix : kArchiveMetadata) {
            for (auto it = shard.metadata_keys_begin(prefix); it != shard.metadata_keys_end(prefix); ++it) {
                out.emplace(*it, shard.get_metadata(*it));
            }
        }
    }
    // Each database named its acronym's likeliest expansion; the one most
    // of them name wins, ties to the first in alphabetical order, as one
    // indexing run breaks them (rebuild_vocabulary).
    std::map<std::string, AcronymCounts::mapped_type> votes;
    for (const auto& shard : shards) {
        for (auto it = shard.metadata_keys_begin(kAcronymPrefix); it != shard.metadata_keys_end(kAcronymPrefix);
             ++it) {
            ++votes[*it][shard.get_metadata(*it)];
        }
    }
    for (const auto& [key, counts] : votes) out[key] = most_common(counts);
    return out;
}

}  // namespace

VocabularySummary write_archive_vocabulary(const std::vector<Xapian::Database>& shards,
                                           Xapian::WritableDatabase& out) {
    Xapian::Database all;
    for (const auto& shard : shards) all.add_database(shard);
    rebuild_word_tables(all, out);

    const auto wanted = archive_metadata(shards);
    std::vector<std::string> stale;
    for (auto it = out.metadata_keys_begin(); it != out.metadata_keys_end(); ++it) {
        if (!wanted.count(*it)) stale.push_back(*it);
    }
    for (const auto& key : stale) out.set_metadata(key, "");
    for (const auto& [key, value] : wanted) out.set_metadata(key, value);
    out.commit();

    VocabularySummary summary;
    for (auto it = out.spellings_begin(); it != out.spellings_end(); ++it) ++summary.words;
    for (auto it = out.synonym_keys_begin(); it != out.synonym_keys_end(); ++it) ++summary.synonyms;
    summary.metadata = static_cast<int>(wanted.size());
    const std::string unique(schema::kUnique);
    for (auto it = all.allterms_begin(unique); it != all.allterms_end(unique); ++it) {
        if (it.get_termfreq() > 1) ++summary.shared_passages;
    }
    return summary;
}

void rebuild_vocabulary(Xapian::WritableDatabase& db, const AcronymCounts& acronyms) {
    rebuild_word_tables(db, db);

    for (const auto& [acronym, expansions] : acronyms) {
        if (!expansions.empty()) db.set_metadata(std::string(kAcronymPrefix) + acronym, most_common(expansions));
    }
}

}  // namespace minutebook
