#include "web/profiles.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <tuple>

#include "core/names.h"
#include "query/query_builder.h"
#include "web/lookup.h"
#include "web/params.h"

namespace minutebook::web {
namespace {

// Passages naming one officer or person, of one type ("" for any), newest
// first.
Outcome<std::vector<Passage>> naming(IndexSession& session, Profile::Kind kind,
                                     const std::string& name, const std::string& type) {
    SearchRequest request;
    if (kind == Profile::Kind::kOfficer) {
        request.officer = name;
    } else {
        request.person = name;
    }
    if (!type.empty()) request.type = type;
    request.sort = "date";
    request.limit = kMaxLimit;
    std::vector<Passage> out;
    try {
        SearchResponse response = session.searcher.search(request);
        for (auto& r : response.results) out.push_back(std::move(r.passage));
    } catch (const BadRequest& e) {
        return bad_request(e.what());
    }
    return out;
}

// What a person did in a passage's motions: "moved", "voted for", ...
std::string roles_in(const Passage& p, const std::string& name) {
    std::vector<std::string> roles;
    auto add = [&](const char* role) {
        if (std::find(roles.begin(), roles.end(), role) == roles.end()) roles.push_back(role);
    };
    for (const auto& m : p.motions) {
        if (!m.moved_by.empty() && person_matches(name, m.moved_by)) add("moved");
        if (!m.seconded_by.empty() && person_matches(name, m.seconded_by)) add("seconded");
        const std::pair<const std::optional<VoteSide>*, const char*> sides[] = {
            {&m.votes_for, "voted for"}, {&m.against, "voted against"}, {&m.abstain, "abstained"}, {&m.absent, "absent"}};
        for (const auto& [side, role] : sides) {
            if (!*side) continue;
            for (const auto& n : (*side)->names) {
                if (person_matches(name, n)) add(role);
            }
        }
    }
    std::string out;
    for (const auto& r : roles) out += (out.empty() ? "" : ", ") + r;
    return out;
}

// Minute items whose motions name a person as mover, seconder or voter
// (every name of a motion is a person the item names), newest first.
Outcome<std::vector<std::pair<Passage, std::string>>> motions_of(IndexSession& session, const std::string& name) {
    auto minutes = naming(session, Profile::Kind::kPerson, name, "minute");
    if (!minutes) return minutes.failure();
    std::vector<std::pair<Passage, std::string>> out;
    for (auto& p : minutes.value()) {
        std::string roles = roles_in(p, name);
        if (!roles.empty()) out.emplace_back(std::move(p), roles);
    }
    return out;
}

std::string lowercase(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// Whether a report gives `name` as its officer contact ("Officer contact:
// Name: Claire Hiorns ...").
bool officer_contact(const Passage& p, const std::string& name) {
    const std::string text = lowercase(p.text);
    const size_t at = text.find("officer contact");
    return at != std::string::npos && text.find(lowercase(name), at) != std::string::npos;
}

std::vector<MeetingRef> meetings_of(const std::vector<Passage>& passages) {
    std::map<std::tuple<std::string, std::string, std::optional<std::string>>, int> counts;
    for (const auto& p : passages) {
        if (p.committee && p.meeting_date) ++counts[{*p.meeting_date, *p.committee, p.council}];
    }
    std::vector<MeetingRef> out;
    for (auto it = counts.rbegin(); it != counts.rend(); ++it) {
        const auto& [date, committee, council] = it->first;
        out.push_back(MeetingRef{committee, council, date, it->second});
    }
    return out;
}

}  // namespace

std::string officer_href(const std::string& name) {
    return "/officers/" + url_encode(slugify(name));
}

std::string person_href(const std::string& name) {
    return "/people/" + url_encode(slugify(name));
}

std::string committee_href(const std::string& committee) {
    return "/committees/" + url_encode(slugify(committee));
}

std::string council_href(const std::string& council) { return "/councils/" + url_encode(slugify(council)); }


bool attendance_passage(const Passage& p) {
    return p.type == PassageType::kPage && p.part == PartKind::kMinutes && p.title.rfind("Attendance", 0) == 0;
}

std::optional<std::string> canonical_name(const Xapian::Database& db, Profile::Kind kind,
                                          const std::string& typed) {
    const std::string prefix = kind == Profile::Kind::kOfficer ? "officer:" : "person:";
    std::string exact = db.get_metadata(prefix + typed);
    if (exact.empty()) exact = db.get_metadata(prefix + slugify(typed));
    if (!exact.empty()) return exact;
    QueryBuilder builder(db);
    const auto names = kind == Profile::Kind::kOfficer ? builder.officers_matching(typed)
                                                       : builder.people_matching(typed);
    if (names.empty()) return std::nullopt;
    return names.front();
}

Outcome<Profile> profile(IndexSession& session, Profile::Kind kind, const std::string& typed) {
    const auto name = canonical_name(session.db, kind, typed);
    const char* what = kind == Profile::Kind::kOfficer ? "officer" : "person";
    if (!name) return not_found(std::string("The archive names no ") + what + " of this name.");
    Profile out;
    out.kind = kind;
    out.name = *name;
    out.slug = slugify(*name);
    auto reports = naming(session, kind, *name, "report");
    if (!reports) return reports.failure();
    out.reports = std::move(reports.value());
    for (const auto& p : out.reports) {
        if (officer_contact(p, out.name)) out.contacts.push_back(p);
    }
    auto actions = naming(session, kind, *name, "action");
    if (!actions) return actions.failure();
    out.actions = std::move(actions.value());
    std::stable_sort(
        out.actions.begin(), out.actions.end(), [](const Passage& a, const Passage& b) {
            return (a.status.value_or("") == "open") > (b.status.value_or("") == "open");
        });
    if (kind == Profile::Kind::kPerson) {
        auto motions = motions_of(session, out.name);
        if (!motions) return motions.failure();
        out.motions = std::move(motions.value());
    }
    auto all = naming(session, kind, *name, "");
    if (!all) return all.failure();
    for (const auto& p : all.value()) {
        if (attendance_passage(p)) out.attendance.push_back(p);
    }
    out.meetings = meetings_of(out.attendance.empty() ? all.value() : out.attendance);
    return out;
}

std::vector<MeetingRef> all_meetings(const Xapian::Database& db) {
    std::vector<MeetingRef> out;
    for (const auto& c : committees(db)) {
        for (const auto& [date, count] : c.meetings) out.push_back(MeetingRef{c.name, c.council, date, count});
    }
    std::stable_sort(out.begin(), out.end(), [](const MeetingRef& a, const MeetingRef& b) {
        return std::tie(b.date, a.committee) < std::tie(a.date, b.committee);
    });
    return out;
}

Outcome<std::vector<Passage>> decisions_timeline(IndexSession& session, const std::optional<std::string>& council,
                                                 const std::string& committee, const std::string& topic) {
    SearchRequest request;
    request.query = topic;
    if (!committee.empty()) request.committee = committee;
    request.council = council;
    request.type = "minute";
    request.sort = "date";
    request.limit = kMaxLimit;
    std::vector<Passage> out;
    try {
        SearchResponse response = session.searcher.search(request);
        for (auto& r : response.results) {
            if (r.passage.decision) out.push_back(std::move(r.passage));
        }
    } catch (const BadRequest& e) {
        return bad_request(e.what());
    }
    std::reverse(out.begin(), out.end());
    return out;
}

}  // namespace minutebook::web
