// What a committee paper is made of: the parts of an agenda pack, the
// meetings it is for and records, minute items with their resolutions, the
// minutes action log, officers' reports and the people named in them.
//
// understand() reads one file's pages as one text stream (parts do not
// always start on a new page) and never looks at the file's name. A document
// with no recognisable structure gives an empty DocumentStructure (every
// vector empty, no meeting): its pages stay plain page passages.
// All functions are pure and thread-safe.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/passage.h"
#include "indexer/extract.h"

namespace minutebook {

// A meeting: council + committee + date (+ time, venue as printed).
struct Meeting {
    // The body whose papers these are ("Garelochhead Community Council",
    // "Lincoln Township"), "" when not found.
    std::string council;
    std::string committee;  // canonical name (core/committees.h), "" when not found
    std::string date;       // ISO date, "" when not found
    std::string time;       // "2.00pm - 4.15pm", "14:00", as printed
    std::string venue;
};

// A stretch of the file.
struct Part {
    PartKind kind = PartKind::kOther;
    std::string title;
    int first_page = 0;  // 1-based
    int last_page = 0;
};

// A decision of the meeting, as its minutes record it.
struct Resolution {
    std::string kind;                 // approved|agreed|noted|commented|endorsed|deferred|rejected|other
    std::string text;                 // from "It was resolved" / "RESOLVED" to the item's end
    std::vector<std::string> points;  // lettered or numbered points, as printed ("a) Approve ...")
    // The resolution's own number as printed ("2021-07", "R-12", "15-3"),
    // "" when none: "Resolution 2021-07", "RESOLUTION NO. 15-3".
    std::string number;
};

struct MinuteItem {
    std::string number;  // as printed, without the dot: "232"
    std::string title;
    std::string body;    // the item's text after its heading
    int first_page = 0;
    int last_page = 0;
    // Offset in `body` where each page from first_page to last_page begins.
    std::vector<size_t> page_starts;
    std::optional<Resolution> resolution;
    std::vector<Motion> motions;           // in the order printed: an amendment before the motion
    std::vector<std::string> minute_refs;  // other minutes it cites: "270", "58"
    std::vector<std::string> people;       // canonical names mentioned with a title
};

// Who was at a meeting, in whatever form the minutes print it: labelled
// lists ("Present: ...", "Members Present:" over a table of names and posts,
// "Apologies:", "Absent:", "Attending:", "Public:") and US roll calls ("Roll
// call was taken: A, B were present. C was absent.", "called to order ...
// with A, B present, C absent, and 2 guests"). A post printed beside a name
// is not a name; "Chair", "Chairperson" or "Convenor" makes its name the
// chair.
struct Attendance {
    std::vector<std::string> present;      // canonical names
    std::vector<std::string> apologies;
    std::vector<std::string> substitutes;  // who stood in for an apology
    std::vector<std::string> in_attendance;  // officers and others present
    std::vector<std::string> absent;  // members absent (roll call, "Absent:"), canonical names
    // Members of the public: the names as printed in a "Public:" list (they
    // are not councillors or officers, so not canonical people), and their
    // number where it is printed ("and 12 guests present"; 0 for "Public:
    // None"); nullopt when not printed.
    std::vector<std::string> public_members;
    std::optional<int> public_count;
    std::string chair;                     // canonical name, "" when not printed
};

// A minutes document's status as its heading prints it: "DRAFT MINUTES for
// the ...", "Board Meeting Minutes (unapproved)", "AGREED Minutes for the
// ...", "FINAL ADOPTED Minutes for the ...". kNotPrinted when the heading
// says nothing (most minutes inside agenda packs).
enum class MinutesStatus {
    kNotPrinted,
    kDraft,       // "draft"
    kUnapproved,  // "unapproved"
    kApproved,    // "approved", "agreed", "confirmed"
    kAdopted,     // "adopted", "final adopted"
};

// "draft", "unapproved", "approved", "adopted"; "" for kNotPrinted.
const char* to_string(MinutesStatus status);
// The inverse of to_string; false for anything else.
bool parse_minutes_status(std::string_view text, MinutesStatus* status);

// One set of minutes inside the file, with their own meeting.
struct Minutes {
    Meeting meeting;
    MinutesStatus status = MinutesStatus::kNotPrinted;
    Attendance attendance;
    std::vector<MinuteItem> items;
    int first_page = 0;
    int last_page = 0;
};

// An action's status, folded from the words its log prints ("Complete",
// "Ongoing", "Not required").
enum class ActionStatus { kNotPrinted, kOpen, kComplete };
// "open", "complete"; "" for kNotPrinted.
const char* to_string(ActionStatus status);
// The inverse of to_string; nullopt for anything else.
std::optional<ActionStatus> parse_action_status(std::string_view text);

struct ActionRow {
    std::string minutes_date;  // ISO date of the minutes it comes from, "" when unknown
    std::string minute;        // minute number as printed, without the dot
    std::string report_title;
    std::string officer;       // canonical name, or as printed when not a person's name
    std::string action;
    std::string response;
    ActionStatus status = ActionStatus::kNotPrinted;
    std::string status_text;   // the printed status word(s)
    int page = 0;
};

struct OfficerContact {
    std::string name;  // canonical name
    std::string post;
    std::string email;
    std::string telephone;
    bool member = false;  // a councillor named as member contact
};

// A piece of a report no longer than about a page, for indexing.
struct ReportSection {
    std::string title;
    std::string text;
    int first_page = 0;
    int last_page = 0;
    // Offset in `text` where each page from first_page to last_page begins.
    std::vector<size_t> page_starts;
};

struct Report {
    std::string item;   // agenda item number, "" when not printed
    std::string title;
    std::string from;   // as printed (an officer or a post)
    std::optional<bool> key_decision;
    std::string forward_plan;  // "2024/039", "n/a" as printed
    std::string meeting_date;  // ISO, the "Meeting Date:" line
    std::vector<OfficerContact> contacts;
    std::string recommendations;
    std::vector<std::string> officers;  // canonical names: authors and contacts, never a post
    std::vector<ReportSection> sections;
    int first_page = 0;
    int last_page = 0;
};

struct AgendaItem {
    std::string number;  // as printed without the dot: "4", "II"
    std::string title;
    int page = 0;
};

struct Person {
    std::string name;  // canonical
    std::string role;  // officer|councillor
    std::vector<std::string> variants;  // as printed
};

// What the minutes recognisers made of a file: minute items, or why it gave
// none, so that `inspect` can say it and an index can list the files it
// knows only as pages.
enum class MinutesFinding {
    kItems,            // minutes with their minute items
    kNoHeader,         // no minutes header ("Minutes of the meeting of ... held on ...")
    kNoItems,          // a minutes header, but nothing under it read as minute items
    kBelowConfidence,  // numbered lines under a header whose numbers mostly do not run
                       // in sequence: a wrong minute number misleads more than none
};
inline constexpr MinutesFinding kMinutesFindings[] = {MinutesFinding::kItems, MinutesFinding::kNoHeader,
                                                      MinutesFinding::kNoItems,
                                                      MinutesFinding::kBelowConfidence};
// "items", "no-header", "no-items", "below-confidence".
const char* to_string(MinutesFinding finding);
std::optional<MinutesFinding> parse_minutes_finding(std::string_view text);
// The reason as a person reads it: "no minutes header found", ...; "" for kItems.
const char* describe(MinutesFinding finding);

struct DocumentStructure {
    std::optional<Meeting> meeting;  // the pack's meeting (front sheet)
    std::vector<Part> parts;         // in page order
    std::vector<AgendaItem> agenda;
    std::vector<Minutes> minutes;
    std::vector<ActionRow> actions;
    std::vector<Report> reports;
    std::vector<Person> people;
    MinutesFinding minutes_finding = MinutesFinding::kNoHeader;

    bool empty() const {
        return !meeting && parts.empty() && minutes.empty() && actions.empty() && reports.empty();
    }
};

// Recognises the structure of one file from its extracted pages.
DocumentStructure understand(const std::vector<PageText>& pages);

// A readable JSON view (what `minutebook inspect FILE --json` prints).
nlohmann::json structure_to_json(const DocumentStructure& structure);

}  // namespace minutebook
