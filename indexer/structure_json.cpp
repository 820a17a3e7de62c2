#include <nlohmann/json.hpp>

#include "indexer/structure.h"

namespace minutebook {
namespace {

using nlohmann::json;

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json meeting_json(const Meeting& m) {
    return {{"council", or_null(m.council)}, {"committee", or_null(m.committee)}, {"date", or_null(m.date)}, {"time", or_null(m.time)},
            {"venue", or_null(m.venue)}};
}

json item_json(const MinuteItem& i, const Meeting& meeting) {
    json j = {{"number", i.number},
              {"title", i.title},
              {"meeting_date", or_null(meeting.date)},
              {"first_page", i.first_page},
              {"last_page", i.last_page},
              {"decision", nullptr}};
    if (i.resolution) {
        j["decision"] = {{"kind", i.resolution->kind}, {"text", i.resolution->text}, {"points", i.resolution->points},
                         {"number", or_null(i.resolution->number)}};
    }
    j["motions"] = json::array();
    for (const auto& m : i.motions) j["motions"].push_back(motion_json(m));
    j["minute_refs"] = i.minute_refs;
    j["people"] = i.people;
    return j;
}

}  // namespace

nlohmann::json structure_to_json(const DocumentStructure& d) {
    json out;
    out["meeting"] = d.meeting ? meeting_json(*d.meeting) : json(nullptr);
    out["parts"] = json::array();
    for (const auto& p : d.parts) {
        out["parts"].push_back({{"kind", to_string(p.kind)}, {"title", p.title}, {"first_page", p.first_page}, {"last_page", p.last_page}});
    }
    out["agenda"] = json::array();
    for (const auto& a : d.agenda) out["agenda"].push_back({{"number", a.number}, {"title", a.title}, {"page", a.page}});
    out["minutes_finding"] = to_string(d.minutes_finding);
    out["minutes"] = json::array();
    for (const auto& m : d.minutes) {
        json j = {{"meeting", meeting_json(m.meeting)},
                  {"status", or_null(to_string(m.status))},
                  {"first_page", m.first_page},
                  {"last_page", m.last_page}};
        const Attendance& a = m.attendance;
        j["attendance"] = {{"present", a.present},
                           {"apologies", a.apologies},
                           {"substitutes", a.substitutes},
                           {"in_attendance", a.in_attendance},
                           {"absent", a.absent},
                           {"public",
                            {{"count", a.public_count ? json(*a.public_count) : json(nullptr)},
                             {"names", a.public_members}}},
                           {"chair", or_null(a.chair)}};
        j["items"] = json::array();
        for (const auto& i : m.items) j["items"].push_back(item_json(i, m.meeting));
        out["minutes"].push_back(j);
    }
    out["actions"] = json::array();
    for (const auto& a : d.actions) {
        out["actions"].push_back({{"minutes_date", or_null(a.minutes_date)},
                                  {"minute", or_null(a.minute)},
                                  {"report_title", a.report_title},
                                  {"officer", a.officer},
                                  {"action", a.action},
                                  {"response", a.response},
                                  {"status", or_null(to_string(a.status))},
                                  {"status_text", a.status_text},
                                  {"page", a.page}});
    }
    out["reports"] = json::array();
    for (const auto& r : d.reports) {
        json j = {{"item", or_null(r.item)},
                  {"title", r.title},
                  {"from", or_null(r.from)},
                  {"key_decision", r.key_decision ? json(*r.key_decision) : json(nullptr)},
                  {"forward_plan", or_null(r.forward_plan)},
                  {"meeting_date", or_null(r.meeting_date)},
                  {"officers", r.officers},
                  {"recommendations", or_null(r.recommendations)},
                  {"first_page", r.first_page},
                  {"last_page", r.last_page},
                  {"sections", r.sections.size()}};
        j["contacts"] = json::array();
        for (const auto& c : r.contacts) {
            j["contacts"].push_back({{"name", c.name}, {"post", or_null(c.post)}, {"email", or_null(c.email)},
                                     {"telephone", or_null(c.telephone)}, {"member", c.member}});
        }
        out["reports"].push_back(j);
    }
    out["people"] = json::array();
    for (const auto& p : d.people) {
        out["people"].push_back({{"name", p.name}, {"role", p.role}, {"variants", p.variants}});
    }
    return out;
}

}  // namespace minutebook
