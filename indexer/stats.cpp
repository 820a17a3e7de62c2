#include "indexer/stats.h"

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <set>

#include "core/schema.h"

namespace minutebook {
namespace {

// Terms with `prefix`, each with how many passages carry it.
std::map<std::string, int> term_counts(const Xapian::Database& db, std::string_view prefix) {
    std::map<std::string, int> out;
    const std::string p(prefix);
    for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it) {
        out[(*it).substr(p.size())] = static_cast<int>(it.get_termfreq());
    }
    return out;
}

// Distinct (committee, date) pairs: the two value streams are walked
// together, both being in document order.
int count_meetings(const Xapian::Database& db) {
    std::set<std::string> meetings;
    auto committee = db.valuestream_begin(schema::kSlotCommittee);
    const auto committee_end = db.valuestream_end(schema::kSlotCommittee);
    auto date = db.valuestream_begin(schema::kSlotDate);
    const auto date_end = db.valuestream_end(schema::kSlotDate);
    while (committee != committee_end && date != date_end) {
        if (committee.get_docid() < date.get_docid()) {
            committee.skip_to(date.get_docid());
        } else if (date.get_docid() < committee.get_docid()) {
            date.skip_to(committee.get_docid());
        } else {
            if (!(*committee).empty() && !(*date).empty())
                meetings.insert(*committee + '\n' + *date);
            ++committee;
            ++date;
        }
    }
    return static_cast<int>(meetings.size());
}

nlohmann::json entry_json(const LedgerEntry& e) {
    return {{"file", e.path},
            {"status", e.status},
            {"message", e.message},
            {"indexed_at", e.indexed_at}};
}

}  // namespace

IndexStats read_stats(const std::string& db_path) { return read_stats(Xapian::Database(db_path)); }

IndexStats read_stats(const Xapian::Database& db) {
    IndexStats s;
    s.passages = static_cast<int>(db.get_doccount());
    s.passages_by_type = term_counts(db, schema::kType);
    s.committees = static_cast<int>(term_counts(db, schema::kCommittee).size());
    s.meetings = count_meetings(db);
    s.ocr_passages = static_cast<int>(db.get_termfreq(std::string(schema::kOcr) + "ocr"));
    const unsigned last = schema::kMaxMultiValues - 1;
    s.at_facet_cap = static_cast<int>(db.get_value_freq(schema::multi_slot(schema::kSlotOfficer0, schema::kSlotOfficerMore0, last)) +
                                      db.get_value_freq(schema::multi_slot(schema::kSlotPerson0, schema::kSlotPersonMore0, last)));
    for (const auto& [path, e] : read_ledger(db)) {
        ++s.files;
        s.ocr_pages += e.ocr_pages;
        if (e.ok()) {
            ++s.indexed;
            s.pages += e.pages;
            if (e.copy_forbidden) s.copy_forbidden.push_back(e);
        } else {
            s.failures[e.status].push_back(e);
        }
    }
    s.last_run = run_from_json(db.get_metadata(kLastRunKey));
    s.runs = runs_from_json(db.get_metadata(kRunHistoryKey));
    if (s.runs.empty() && s.last_run) s.runs.push_back(*s.last_run);
    return s;
}

std::string stats_to_json(const IndexStats& s) {
    nlohmann::json failures = nlohmann::json::object();
    for (const auto& [reason, entries] : s.failures) {
        nlohmann::json files = nlohmann::json::array();
        for (const auto& e : entries) files.push_back(entry_json(e));
        failures[reason] = {{"count", entries.size()}, {"files", files}};
    }
    nlohmann::json forbidden = nlohmann::json::array();
    for (const auto& e : s.copy_forbidden) forbidden.push_back(e.path);
    nlohmann::json j{{"files", s.files},
                     {"indexed", s.indexed},
                     {"pages", s.pages},
                     {"passages", s.passages},
                     {"passages_by_type", s.passages_by_type},
                     {"meetings", s.meetings},
                     {"committees", s.committees},
                     {"ocr_pages", s.ocr_pages},
                     {"ocr_passages", s.ocr_passages},
                     {"failures", failures},
                     {"copy_forbidden", forbidden},
                     {"at_facet_cap", s.at_facet_cap},
                     {"last_run", nullptr}};
    if (s.last_run) j["last_run"] = nlohmann::json::parse(run_to_json(*s.last_run));
    j["runs"] = nlohmann::json::array();
    for (const auto& r : s.runs) j["runs"].push_back(nlohmann::json::parse(run_to_json(r)));
    return j.dump(1);
}

}  // namespace minutebook
