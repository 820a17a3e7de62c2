// Officers, people and meetings as the archive knows them: who a name in a
// URL means, and the passages that name them, read through the query layer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/passage.h"
#include "web/outcome.h"
#include "web/sessions.h"

namespace minutebook::web {

struct MeetingRef {
    std::string committee;  // canonical name
    std::optional<std::string> council;  // canonical name, none when not known
    std::string date;       // ISO
    int passages = 0;       // of the meeting, or of it naming the profile's subject
};

struct Profile {
    enum class Kind { kOfficer, kPerson };
    Kind kind = Kind::kOfficer;
    std::string name;  // canonical
    std::string slug;
    std::vector<Passage> reports;      // reports naming them, newest first
    std::vector<Passage> contacts;     // those of `reports` giving them as officer contact
    std::vector<Passage> actions;      // actions they are responsible for: open first, newest first
    std::vector<Passage> attendance;   // people: the minutes' attendance lists naming them
    // People: minute items with a motion they moved, seconded or voted on,
    // newest first, each with what they did ("moved", "seconded", "voted
    // for", "voted against", "abstained", "absent"; joined by ", ").
    std::vector<std::pair<Passage, std::string>> motions;
    std::vector<MeetingRef> meetings;  // newest first
};

// The canonical name `typed` (a slug or any variant of the name) means, or
// nothing when the index knows no such officer or person.
std::optional<std::string> canonical_name(const Xapian::Database& db, Profile::Kind kind,
                                          const std::string& typed);

// What the archive holds of an officer or a person; not found when the
// index knows no such name.
Outcome<Profile> profile(IndexSession& session, Profile::Kind kind, const std::string& typed);

// Every meeting of every committee, newest first.
std::vector<MeetingRef> all_meetings(const Xapian::Database& db);

// Minute items of one committee about `topic` that record a decision,
// oldest first.
// `committee` and `council` empty: of any.
Outcome<std::vector<Passage>> decisions_timeline(IndexSession& session, const std::optional<std::string>& council,
                                                 const std::string& committee, const std::string& topic);

// Whether a minutes passage is an attendance list ("Attendance: ...").
bool attendance_passage(const Passage& p);

// Links: "/officers/<slug>", "/people/<slug>", "/committees/<slug>",
// (meetings: web/lookup.h meeting_url) (not escaped).
std::string officer_href(const std::string& name);
std::string person_href(const std::string& name);
std::string committee_href(const std::string& committee);
// "/councils/<slug>".
std::string council_href(const std::string& council);

}  // namespace minutebook::web
