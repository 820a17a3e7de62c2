// The index schema: every term prefix and value slot Minutebook writes, in
// one place. docs/schema.md mirrors this file line for line; a reader of the
// index needs nothing else.
#pragma once

#include <string_view>

namespace minutebook::schema {

// ---- Term prefixes (boolean terms carry no positions and no wdf) ----
inline constexpr std::string_view kUnique = "Q";         // passage key: Q<key>, one per document
inline constexpr std::string_view kId = "XI";            // passage id (Passage::id(), 16 hex digits)
inline constexpr std::string_view kLegacyId = "XJ";      // id of the key before keys named councils (Passage::legacy_id())
inline constexpr std::string_view kFileId = "XF";        // SHA-256 (hex) of a file carrying the passage
inline constexpr std::string_view kType = "XT";          // passage type: minute|action|report|agenda|page
inline constexpr std::string_view kPart = "XA";          // part of the pack: agenda|minutes|action-log|report|...
inline constexpr std::string_view kCouncil = "XL";       // council slug (kent-county-council)
inline constexpr std::string_view kCommittee = "XC";     // committee slug (children-and-young-people-committee)
inline constexpr std::string_view kYear = "XY";          // year of meeting_date (2024)
inline constexpr std::string_view kMonth = "XM";         // year and month of meeting_date (202410)
inline constexpr std::string_view kDate = "XD";          // meeting_date as YYYYMMDD
inline constexpr std::string_view kMinute = "XN";        // minute number as printed (232)
inline constexpr std::string_view kCites = "XX";         // a minute number the passage cites (270): Passage::cites
inline constexpr std::string_view kDecision = "XK";      // decision kind: approved|agreed|noted|...
inline constexpr std::string_view kOfficer = "XO";       // officer slug (helen-gregg), one per officer
inline constexpr std::string_view kPerson = "XP";        // person slug, officers and councillors
inline constexpr std::string_view kStatus = "XS";        // action status: open|complete
inline constexpr std::string_view kMovedBy = "XW";       // person slug of a motion's mover
inline constexpr std::string_view kSecondedBy = "XE";    // person slug of a motion's seconder
inline constexpr std::string_view kVotedFor = "XG";      // person slug named for a motion in a roll call or vote block
inline constexpr std::string_view kVotedAgainst = "XH";  // person slug named against
inline constexpr std::string_view kAbstained = "XZ";     // person slug named abstaining
inline constexpr std::string_view kResolution = "XQ";    // a numbered resolution's number, folded (2021-07)
inline constexpr std::string_view kResult = "XU";        // motion result: carried|failed|withdrawn (every motion's)
inline constexpr std::string_view kAmount = "XV";        // sums of money: XV<digits>:<leading digits> (core/money.h amount_terms)
inline constexpr std::string_view kOcr = "XR";           // XRocr when the text came from OCR
inline constexpr std::string_view kSample = "XB";        // sample bucket: 2 hex digits of SHA-256(group key), 00..ff
// Free text has no prefix: TermGenerator terms with English stemming (Z
// prefix for stems), plus extra terms from core/normalise.h extra_terms().

// Sample buckets split the archive into 256 parts of about equal size,
// independent of when a passage was indexed, and keep each result group
// (kSlotGroup) whole: a search with very many matches counts its facets on
// a few buckets (query/search.cpp).
inline constexpr unsigned kSampleBuckets = 256;

// ---- Value slots ----
inline constexpr unsigned kSlotDate = 0;       // meeting_date as YYYYMMDD, empty when undated
inline constexpr unsigned kSlotCommittee = 1;  // canonical committee name
inline constexpr unsigned kSlotType = 2;       // passage type
inline constexpr unsigned kSlotDecision = 3;   // decision kind
inline constexpr unsigned kSlotYear = 4;       // YYYY of meeting_date
inline constexpr unsigned kSlotStatus = 5;     // action status: open|complete
inline constexpr unsigned kSlotSortKey = 6;    // stable key (the passage key) to break score ties
inline constexpr unsigned kSlotFirstPage = 7;  // first page, sortable_serialise()d
inline constexpr unsigned kSlotGroup = 8;      // what people cite: results collapse on it (a report's sections share one)
inline constexpr unsigned kSlotPrior = 9;      // prior weight in [0,1], sortable_serialise()d: substantive items above procedural ones
inline constexpr unsigned kSlotCouncil = 10;   // canonical council name
inline constexpr unsigned kSlotResult = 11;    // result of the item's last motion with one stated: result facet
// Multi-valued facets get a fixed run of slots each, so that Xapian's
// built-in ValueCountMatchSpy (the one the remote backend knows) can count
// them: the i-th officer of a passage goes in multi_slot(kSlotOfficer0,
// kSlotOfficerMore0, i), the first kMaxMultiSlots in the first run, the rest
// (a full council's attendance lists) in the second, up to kMaxMultiValues
// in all. Slots are filled in order, so the first slot no passage fills
// ends each run.
inline constexpr unsigned kSlotOfficer0 = 20;       // officers 1 to kMaxMultiSlots
inline constexpr unsigned kSlotPerson0 = 40;        // people 1 to kMaxMultiSlots
inline constexpr unsigned kMaxMultiSlots = 16;
inline constexpr unsigned kSlotOfficerMore0 = 256;  // officers after the 16th
inline constexpr unsigned kSlotPersonMore0 = 512;   // people after the 16th
inline constexpr unsigned kMaxMultiValues = 256;    // values of one facet a passage counts in
inline constexpr unsigned multi_slot(unsigned first, unsigned more, unsigned i) {
    return i < kMaxMultiSlots ? first + i : more + (i - kMaxMultiSlots);
}
static_assert(kSlotOfficerMore0 + kMaxMultiValues - kMaxMultiSlots <= kSlotPersonMore0);

// ---- Metadata ----
// "council:<slug>", "committee:<slug>", "officer:<slug>", "person:<slug>": canonical names.
// "acronym:<letters>": what an acronym the papers define stands for
// ("acronym:mash" = "multi agency safeguarding hub"), folded.
// "file:<sha256>": absolute path of the file with those bytes when indexed
// (the web layer serves PDFs by id through it).
// "ledger:<path>": what the index knows of the file at <path> (relative to
// the folder given to `index`; a path too long for a key is cut and ends in
// "#<sha256 of the path>"): JSON of indexer/ledger.h LedgerEntry, written in
// the same commit as the file's passages.
// "run:last": JSON of indexer/ledger.h RunRecord, what the last run did.

// ---- Document data ----
// Written by core/passage.h to_document_data(): a JSON object with the
// passage's fields (those of the design's JSON contract, "key", "locations",
// "page_starts"), then a NUL byte, then the passage's display text (for
// snippets), which needs no JSON parsing to read.

}  // namespace minutebook::schema
