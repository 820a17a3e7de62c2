#include "indexer/stats.h"

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <set>

#include "core/passage.h"
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

// Meetings and minute items per council and committee, from each passage's values.
std::vector<BodyStats> count_bodies(const Xapian::Database& db) {
    struct Seen {
        std::set<std::string> dates, items;
    };
    std::map<std::pair<std::string, std::string>, Seen> seen;
    const std::string minute = to_string(PassageType::kMinute);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const Xapian::Document doc = db.get_document(*it, Xapian::DOC_ASSUME_VALID);
        const std::string committee = doc.get_value(schema::kSlotCommittee);
        const std::string council = doc.get_value(schema::kSlotCouncil);
        if (committee.empty() && council.empty()) continue;
        Seen& s = seen[{council, committee}];
        const std::string date = doc.get_value(schema::kSlotDate);
        if (!date.empty()) s.dates.insert(date);
        if (doc.get_value(schema::kSlotType) == minute) s.items.insert(doc.get_value(schema::kSlotGroup));
    }
    std::vector<BodyStats> out;
    for (const auto& [body, s] : seen) {
        out.push_back(BodyStats{body.first, body.second, static_cast<int>(s.dates.size()),
                                static_cast<int>(s.items.size())});
    }
    return out;
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
    s.bodies = count_bodies(db);
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
            if (!e.pages_only.empty()) s.pages_only.push_back(e);
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
    nlohmann::json pages_only = nlohmann::json::array();
    for (const auto& e : s.pages_only) pages_only.push_back({{"file", e.path}, {"reason", e.pages_only}});
    nlohmann::json bodies = nlohmann::json::array();
    for (const auto& b : s.bodies) {
        bodies.push_back({{"council", b.council},
                          {"committee", b.committee},
                          {"meetings", b.meetings},
                          {"minute_items", b.minute_items}});
    }
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
                     {"pages_only", pages_only},
                     {"bodies", bodies},
                     {"at_facet_cap", s.at_facet_cap},
                     {"last_run", nullptr}};
    if (s.last_run) j["last_run"] = nlohmann::json::parse(run_to_json(*s.last_run));
    j["runs"] = nlohmann::json::array();
    for (const auto& r : s.runs) j["runs"].push_back(nlohmann::json::parse(run_to_json(r)));
    return j.dump(1);
}

}  // namespace minutebook
