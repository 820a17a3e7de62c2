// A passage: the unit Minutebook indexes and returns. One Xapian document per
// passage; its fields are those of the design's JSON contract.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace minutebook {

// Where a passage stands: one file and its pages.
struct Location {
    std::string file;     // path relative to the indexed root (or the file's name)
    std::string file_id;  // SHA-256 of the file's bytes, hex
    std::vector<int> pages;  // 1-based PDF page indices, never empty
    bool ocr = false;        // the text of these pages came from OCR
    std::string pack_date;   // ISO date of the pack's meeting, "" when unknown; orders locations
};

// What a passage is: a minute item, an action log row, a section of a
// report, an agenda item, or a page nothing else claimed.
enum class PassageType { kMinute, kAction, kReport, kAgenda, kPage };
inline constexpr PassageType kPassageTypes[] = {PassageType::kMinute, PassageType::kAction, PassageType::kReport,
                                                PassageType::kAgenda, PassageType::kPage};
// "minute", "action", "report", "agenda", "page".
const char* to_string(PassageType type);
// The type a name gives; nullopt for any other text.
std::optional<PassageType> parse_passage_type(std::string_view text);

// The kind of stretch of a file a passage stands in.
enum class PartKind { kAgenda, kMinutes, kActionLog, kReport, kAgendaPlan, kTrainingPlan, kAppendix, kOther };
inline constexpr PartKind kPartKinds[] = {PartKind::kAgenda,     PartKind::kMinutes,      PartKind::kActionLog,
                                          PartKind::kReport,     PartKind::kAgendaPlan,   PartKind::kTrainingPlan,
                                          PartKind::kAppendix,   PartKind::kOther};
// "agenda", "minutes", "action-log", "report", "agenda-plan",
// "training-plan", "appendix", "other".
const char* to_string(PartKind kind);
std::optional<PartKind> parse_part_kind(std::string_view text);

// The outcome of a motion as the minutes state it.
enum class MotionResult { kNotStated, kCarried, kFailed, kWithdrawn };
// "carried", "failed", "withdrawn"; "" for kNotStated.
const char* to_string(MotionResult result);
std::optional<MotionResult> parse_motion_result(std::string_view text);

// One side of a vote: the names a roll call gives, or a printed count.
struct VoteSide {
    std::vector<std::string> names;  // canonical names of attendees, as the roll call orders them
    int count = 0;                   // names.size() for a roll call; the printed count otherwise
};

// A motion put to the meeting: a proposal seconded, supported or voted on
// ("Moved by X, seconded by Y", "Proposed X, seconded Y", "A motion by X and
// supported by Y to ...", "MOTION: X / SECOND: Y"), with its result and vote
// ("Motion carried 5-0", "Ayes: A, B. Nays: none. Absent: C.").
struct Motion {
    // The meeting's attendee's canonical name, or the post as printed
    // ("Vice Chair", "Convenor") when only that is; "" when not printed.
    std::string moved_by;
    std::string seconded_by;
    MotionResult result = MotionResult::kNotStated;
    // Each side of the vote, nullopt when the minutes do not state it;
    // "unanimously" gives against a count of 0.
    std::optional<VoteSide> votes_for, against, abstain, absent;
    std::string text;  // the words that record it
};

struct Decision {
    std::string kind;  // approved|agreed|noted|commented|endorsed|deferred|rejected|other
    std::string text;  // the resolution's words
    // The resolution's own number as printed ("2021-07", "R-12"), "" when none.
    std::string number;
};

// A motion as the JSON contract's extension gives it: {"moved_by",
// "seconded_by", "result", "for", "against", "abstain", "absent"}, each
// side null (not stated) or {"count", "names"}.
nlohmann::json motion_json(const Motion& motion);
Motion motion_from_json(const nlohmann::json& j);

struct Passage {
    // What the passage is, e.g. "minute/<council-slug>/<committee-slug>/<date>/<number>";
    // without the council's segment when its council is not known.
    std::string key;
    PassageType type = PassageType::kPage;
    PartKind part = PartKind::kOther;
    std::string title;
    std::optional<std::string> council;       // canonical name of the body whose papers these are
    std::optional<std::string> committee;     // canonical name
    std::optional<std::string> meeting_date;  // ISO date the passage records
    std::optional<std::string> minute;        // minute number as printed
    std::optional<Decision> decision;
    std::vector<Motion> motions;              // minute items: the motions put, in order printed
    std::optional<std::string> status;        // actions: open|complete
    std::optional<std::string> status_text;   // actions: the printed status word
    std::vector<std::string> officers;        // canonical names
    std::vector<std::string> people;          // canonical names, officers and councillors
    // Minute numbers the passage cites, as printed: a minute item's "Minute
    // 270" (never its own number), an action row's minute. Which meeting's
    // minute a number means is resolved at query time (query/minute_ref.h).
    std::vector<std::string> cites;
    std::vector<Location> locations;          // primary first; never empty
    std::string text;                         // display text (ICU-cleaned, original case)
    // Byte offset in `text` where each of primary().pages begins; same length
    // as those pages, or empty when the passage is on one page.
    std::vector<size_t> page_starts;

    // Stable identifier derived from key (hex).
    std::string id() const;
    // The key the passage had before keys named their council (the key
    // without the council's segment), and its id: old URLs and ids still
    // find it. The key itself for a passage without a council.
    std::string legacy_key() const;
    std::string legacy_id() const;
    // The location results cite: the first one.
    const Location& primary() const { return locations.front(); }
    bool ocr() const { return primary().ocr; }
    // Apologies, declarations of interest, approval of the previous minutes,
    // petitions, agenda and training plans: found when asked for, ranked
    // below substantive items otherwise.
    bool procedural() const;
    // How much a match here is worth before the words are weighed, in [0, 1]
    // (docs/schema.md, value slot 9).
    double prior_weight() const;
    // What people cite: the key without a report section's number.
    std::string group_key() const;
    // The sample bucket of the passage's group (core/schema.h kSample): the
    // term "XB" and two hex digits of the group key's SHA-256.
    std::string sample_term() const;
};

// The term of sample bucket `bucket`. REQUIRES: bucket < schema::kSampleBuckets.
std::string sample_term(unsigned bucket);

// Orders locations as the contract asks: a text layer before an OCR copy,
// then the earliest pack, then by file name. Drops exact duplicates.
void sort_locations(std::vector<Location>& locations);

// Document data: the passage as JSON (see core/schema.h).
std::string to_document_data(const Passage& passage);
Passage from_document_data(const std::string& data);

// A URL-safe slug: "Children and Young People Committee" ->
// "children-and-young-people-committee".
std::string slugify(const std::string& text);

// The web address of a passage (design's `url`).
std::string passage_url(const Passage& passage);

// Lowercase hex SHA-256 of bytes.
std::string sha256_hex(const std::string& bytes);

}  // namespace minutebook
