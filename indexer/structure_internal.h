// The recognisers behind understand(), shared by its source files and the
// tests. Not part of the indexer's public interface.
#pragma once

#include <algorithm>
#include <cctype>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.h"
#include "indexer/extract.h"
#include "indexer/structure.h"

namespace minutebook::structure {

// ASCII lower case (the recognisers' patterns and keywords are ASCII).
inline std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Whether `s` holds a lower-case ASCII letter: headings are printed in capitals.
inline bool has_lower(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
}

// One line of the file's text stream. Page footers ("Page 5", a bare page
// number at the foot of a page) are left out: they cut items in two.
struct Line {
    std::string text;  // trimmed
    size_t offset = 0;  // byte offset of the line in TextStream::text
    int page = 0;       // 1-based page it stands on
    bool blank() const { return text.empty(); }
};

// The pages of one file as one text: parts do not always start on a new
// page, so segmentation works on lines and maps them back to pages.
struct TextStream {
    std::string text;
    std::vector<Line> lines;
    std::vector<size_t> page_starts;  // offset where each page's text begins
    std::vector<int> page_numbers;    // the page at page_starts[i]
    // How this document prints numeric dates (guess_numeric_order over the
    // whole text): every recogniser reads its dates with these options.
    DateOptions dates;
    int page_at(size_t offset) const;
};

TextStream make_stream(const std::vector<PageText>& pages);

// Text built line by line over pages from `first_page` on: records that text
// from `page` begins at `offset`, for every page up to it not yet recorded.
void mark_page(std::vector<size_t>& page_starts, int first_page, int page, size_t offset);

// Words of one page grouped into visual lines (same baseline), left to right.
struct VisualLine {
    double y0 = 0, y1 = 0;
    std::vector<const Word*> words;
    std::string text() const;
};
std::vector<VisualLine> visual_lines(const PageText& page);
// The words of a visual line from word `from` on, in cells: a gap wider
// than the line's height parts two cells of a table row.
std::vector<std::string> cells_of(const std::vector<const Word*>& words, size_t from);
// The visual lines of page `page` of `pages`, read once per page into `cache`.
const std::vector<VisualLine>& lines_of_page(const std::vector<PageText>& pages, int page,
                                             std::map<int, std::vector<VisualLine>>& cache);

// "Page 5", "5" (as the last line of a page).
bool is_footer_line(std::string_view line);

// A numbered minute heading: "231. Healthy Child Programme Commissioning
// Approach", "3. MINUTES OF THE MEETING ON 14 MARCH 2017 AND ACTION LOG",
// "84." (Kent prints the title beside the number, in another text run).
struct MinuteHeading {
    std::string number;
    std::string title;  // "" for a bare number
};
std::optional<MinuteHeading> parse_minute_heading(std::string_view line);

// The label at the start of a minute item's heading, in the shapes items are
// numbered with: "12.", "12)", "5a.", "8b", "5.0", "1.Introductions" with
// the title glued on, and numbers within a month or year ("19.03.4",
// "14/037:", "FC 23/45", "C/24/12"). Sub-paragraph numbers ("5.1"), file numbers
// ("17/01648/PP") and counts ("39 tickets", "3 Lochs Way") are not labels.
struct ItemLabel {
    std::string number;  // as printed, without a trailing '.', ':' or ')': "5a", "5.0", "19.03.4"
    // What the item's number is counted within: "19.03." for "19.03.4",
    // "FC 23/" for "FC 23/45"; "" for plain numbers.
    std::string series;
    int major = 0;       // 5 for "5", "5a" and "5.0"; 4 for "19.03.4", 45 for "FC 23/45"
    int minor = 0;       // the suffix letter's place, "5a" -> 1; 0 for none
    std::string title;   // what follows on the line, "" for a bare label
    bool punctuated = false;  // printed with '.' or ')'
};
std::optional<ItemLabel> parse_item_label(std::string_view line);

// The words printed beside a label that stands alone in the text stream
// ("84." in one text run and its title in another, a column of numbers
// before a column of titles): the rest of the visual line on `page` that
// opens with `label`; "" when none does.
std::string title_beside(const std::vector<PageText>& pages, int page, const std::string& label);

// The label of an agenda item: parse_item_label's shapes, Roman numerals
// ("IV. NEW BUSINESS") and a number before a heading without a point ("1
// Call to Order in the Council Chambers"), as agendas print them.
std::optional<ItemLabel> parse_agenda_label(std::string_view line);

// Words of `text` in lower case other than the small words of a title
// ("and", "of"): a heading has few, a sentence many.
int lower_case_words(std::string_view text);

// How much a numbered line looks like an item heading rather than a point of
// a list: short titles score high, sentences and long lines low. `title` is
// the heading's title (for a bare label, the line that gives it).
double heading_score(const ItemLabel& label, std::string_view title);

// Label b can be a later item than label a in one sequence (4 -> 5, 5 ->
// 5a, 19.03.9 -> 19.04.1): not a smaller number, not the same one again.
bool follows(const ItemLabel& a, const ItemLabel& b);

struct ItemCandidate {
    ItemLabel label;
    double score = 0;
    double x = -1;  // left edge of the label on its page in points; -1 when unknown
    int page = 0;
};

// The items of a set of minutes among the numbered lines in document order:
// the run of labels that best follow one another (12 -> 13, 5a -> 5b, 4 ->
// 5a, 5i -> 6, 19.03.4 -> 19.03.5, 14/037 -> 14/038, and a new month's or
// year's series from 1: 19.03.9 -> 19.04.1), allowing gaps and a repeated number at a cost, scored by
// heading_score. Numbered points of a list inside an item fall out because
// they break the run or score lower than the headings around them; so do
// labels standing at another indent than the run's on the same page, and
// the labels of a column (one indent) from the second time it starts again
// at 1 (paragraphs numbered within each item, as Kent prints them, and
// Garelochhead's lists inside an item). Returns
// the indices of the chosen candidates, in order.
std::vector<size_t> decode_item_sequence(const std::vector<ItemCandidate>& candidates);

// Whether the chosen run (decode_item_sequence's indices into `candidates`)
// is worth trusting: of three items or more, at least half of its steps go
// to the next label (12 -> 13, 5a -> 5b, 19.03.9 -> 19.04.1) rather than
// over a gap or to a number printed again. A run of scattered numbers is
// paragraphs or numbers cited in the text, not the minutes' headings.
bool sequence_trusted(const std::vector<ItemCandidate>& candidates, const std::vector<size_t>& chain);

// Whether a line opens a resolution: "It was resolved ...", "RESOLVED that
// ...", "... were approved as an accurate record".
bool opens_resolution(std::string_view line);

// A resolution from its opening line to its item's end: its text, its
// lettered or numbered points ("a) Approve ..."), its decision kind.
Resolution read_resolution(const std::vector<std::string>& lines);

// The decision kind of a resolution's words: approved, agreed, noted,
// commented, endorsed, deferred, rejected or other.
std::string decision_kind(std::string_view resolution);

// ---- Decisions and motions in any council's wording (decisions.cpp, motions.cpp) ----

// A word of a text: as printed, in ASCII lower case, and where it starts.
struct WordAt {
    std::string raw;
    std::string lower;
    size_t offset = 0;
};
// The words of a text: letters, digits, hyphens and apostrophes inside a word.
std::vector<WordAt> words_at(std::string_view text);

// Whether w[i] is a person's undertaking rather than the meeting's decision:
// "Fiona Robinson agreed to take on the position", "Cllr Freeman agreed to
// email" (a name before "agreed to", not the Council, Members or All).
bool undertaking_at(const std::vector<WordAt>& w, size_t i);

// A text's sentences: its lines joined (a word hyphenated across lines
// mended), cut after ".", ";", "?" or "!" before a space (not after "Mr.",
// "Cllr." or an initial) and at bullets.
std::vector<std::string> sentences_of(std::string_view text);

// The verb by which a sentence records a decision of the meeting, and its
// place among the sentence's words (words_at).
struct DecisionVerb {
    std::string verb;  // "agreed", "approved", ... in lower case
    size_t word = 0;
    bool negated = false;  // "was not agreed"
};
// The decision a sentence records, when it records one of this meeting:
// "It was agreed", "RESOLVED that", "The Board accepted the application",
// "GCC members agreed", "The minutes were accepted as a true record",
// "Approved by roll call vote ...", "Motion carried", "all Board members
// were in agreement". Not: an undertaking ("Cllr Freeman agreed to email"),
// a progress line or earlier decision ("has been agreed", "had previously
// been agreed", "as agreed"), a future or condition ("to be approved", "if
// approved", "once the council agreed"), another body's decision ("were
// approved by Argyll & Bute Council", "SCC agreed to this", "At that
// meeting, Members agreed"). `own_names` are the names the meeting's body
// goes by, as own_names_of gives.
std::optional<DecisionVerb> decision_verb(std::string_view sentence, const std::vector<std::string>& own_names);
// The names the meeting's body goes by: its council's and committee's
// names and their initials ("GCC" for "Garelochhead Community Council").
std::vector<std::string> own_names_of(const Meeting& meeting);

// The motions a minute item's text records, in order, with their movers,
// seconders, results and votes; people resolved to `attendees` (canonical
// names of those at the meeting). Votes name attendees only.
std::vector<Motion> motions_in(std::string_view text, const std::vector<std::string>& attendees);

// `word` names a side of a vote as roll calls print it: "AYES", "Nays",
// "Abstained", "ABSENT".
bool names_vote_side(std::string_view word);

// The motions of a table of nominations or proposals: a header row with a
// proposer's column ("Nominated by", "Proposed by", "Moved by", "Proposer")
// and a seconder's ("Seconded by", "Seconder"), each row under it one motion
// (Garelochhead's "Office | Who elected | Nominated by | Seconded by"). A
// column of who was elected or appointed makes each carried. People resolved
// to `attendees`.
std::vector<Motion> table_motions(const std::vector<VisualLine>& lines, const std::vector<std::string>& attendees);

// Reads a minute item's motions and, unless `item` already has a
// resolution ("RESOLVED ..."), its decision in any other wording
// (decision_verb) or a seconded or voted motion.
// A numbered resolution's number as printed: "15-3" for "RESOLUTION NO.
// 15-3", "2021-07" for "Resolution 2021-07"; "" when none.
std::string resolution_number(std::string_view text);

void read_decision(std::string_view text, const std::vector<std::string>& own_names,
                   const std::vector<std::string>& attendees, MinuteItem& item);

// An action's printed status folded: "Completed", "Complete", "Closed", "No
// longer required" -> "complete"; "On-going", "Ongoing", "In progress",
// "Action Required", "See action 206" and any other non-empty text -> "open";
// kNotPrinted when nothing is printed.
ActionStatus fold_status(std::string_view printed);

// Minute numbers a text cites: "Minute 270", "minute 58 above refers",
// "minutes 12 and 13".
std::vector<std::string> minute_references(std::string_view text);

// ---- Matching text cheaply ----
//
// std::regex tries a pattern at every character of the text it searches,
// which made it most of the cost of understand(); these let a recogniser
// look for a fixed word first and run its pattern only where it can match.
// Case is ignored as std::regex::icase ignores it: ASCII letters only.

// Where `needle` first occurs in `hay` at or after `from`, ignoring case; npos if nowhere.
size_t find_ci(std::string_view hay, std::string_view needle, size_t from = 0);
bool starts_with_ci(std::string_view s, std::string_view prefix);
// Whether `line` holds `word` as a whole word, ignoring case.
bool has_word(std::string_view line, std::string_view word);
bool ends_with_ci(std::string_view s, std::string_view suffix);

// Calls `on_match` with each match of `re` in `text`: the same matches, in
// the same order, as std::sregex_iterator gives. REQUIRES: every match of
// `re` begins with one of `openings` (ignoring case when `icase`); the
// pattern is tried only where one does.
void for_each_match(const std::string& text, const std::regex& re, std::initializer_list<std::string_view> openings,
                    bool icase, const std::function<void(const std::smatch&)>& on_match);

// Labelled value on a line: "From: Wendi Ogle-Welbourn" -> "Wendi
// Ogle-Welbourn" for label "From". Case-insensitive; nullopt when the line
// does not start with the label and a colon.
std::optional<std::string> labelled(std::string_view line, std::string_view label);

// ---- The recognisers, each over a range of stream lines [begin, end) ----

struct Span {
    size_t begin = 0;  // line index
    size_t end = 0;    // one past the last line
};

// The pack's meeting from the front sheet, with the agenda items listed
// there; nullopt when page one is not an agenda front sheet.
struct FrontSheet {
    Meeting meeting;
    std::vector<AgendaItem> items;
    bool agenda = false;  // the sheet says AGENDA and lists items
    size_t items_begin = 0;  // stream line where its list of business begins
};
std::optional<FrontSheet> read_front_sheet(const TextStream& stream, const std::vector<PageText>& pages);

// The items of an agenda among the lines [begin, end): the numbered lines
// (parse_agenda_label) that run in sequence, as decode_item_sequence reads
// minutes; a bare number takes its title from the next line. Lines from
// `first_page_end` on count only with a punctuated label.
std::vector<AgendaItem> read_agenda_items(const TextStream& stream, const std::vector<PageText>& pages,
                                          size_t begin, size_t end, size_t first_page_end);

// The next non-blank line of `s` at or after i, or end.
size_t next_text(const TextStream& s, size_t i, size_t end);

// The first of `lines` whose text is `text`, or null.
const VisualLine* visual_line_of(const std::vector<VisualLine>& lines, std::string_view text);

struct BulletHead {
    size_t line;  // the bullet's line in the stream
    size_t body;  // the first line after its title
    std::string title;
};

// Minutes set out as a bulleted outline without numbers: Garelochhead's
// "• Introductions and welcome", "• Police Report" and Chicago SSA #21's
// "• Perfunctory Business", "• New Business" over their points. A heading is
// a bullet whose text is a title (bullet_title), alone on its line, whose
// wrapped tail (a line at the text's indent just below) keeps it a title; not
// a point of a list that a line ending in a colon announces ("... the
// following incidents of significance:"). A heading followed at once by
// another is that one's item, the second its sub-heading ("• Police Report"
// over "• Police Scotland").
std::vector<BulletHead> bullet_heads(const TextStream& s, const std::vector<PageText>& pages, size_t from,
                                     size_t to, std::map<int, std::vector<VisualLine>>& page_lines);

// Whether a minutes document starts at `line` (its heading or the
// "MINUTES of a meeting of ..." sentence).
bool starts_minutes(const TextStream& stream, size_t line);
// A heading naming minutes with the meeting's date alone on a line at most
// three short heading lines below, as minutes open inside a packet after
// its agenda: the Norwalk Housing Authority's "MINUTES OF THE REGULAR
// MEETING" / "NORWALK HOUSING AUTHORITY" / "NORWALK, CALIFORNIA" /
// "OCTOBER 18, 2022", the shape of Lincoln Township's "SPECIAL MEETING
// MINUTES" / "March 21, 2019" at the head of its minutes.
bool heads_minutes_over_date(const TextStream& s, size_t i);

// The header a file of minutes opens with, read from the first lines of its
// first page from `begin`: the minutes' own heading ("MINUTES for the
// Garelochhead Community Council meeting", "Board Meeting Minutes
// (unapproved)", "BUDGET WORKSHOP MEETING MINUTES") or the opening sentence
// of US minutes ("The meeting of the ... was called to order"), with a full
// date that is not a signing, approval or next-meeting date. nullopt when
// the lines are not a minutes header (an agenda's "AGENDA", no date).
struct MinutesHeader {
    std::string committee;  // the body named, as printed; "" when none
    std::string date;       // ISO
    size_t date_line = 0;   // stream line of the date
    MinutesStatus status = MinutesStatus::kNotPrinted;  // printed in the heading, up to the date
};
std::optional<MinutesHeader> read_minutes_header(const TextStream& stream, size_t begin);

// Whether a name holds a word for a body ("Council", "Committee", "Board",
// "Commission", ...): "Lincoln Township" does not.
bool names_a_body_word(std::string_view name);

// The council of a committee's canonical name: the name itself for a
// council's own meeting ("Garelochhead Community Council"), the name up to
// its authority for a committee of one ("Lincoln Township Planning
// Commission" -> "Lincoln Township"); "" when the name does not say
// ("Cabinet").
std::string council_of(std::string_view committee);

// ---- Attendance (attendance.cpp) ----

// Which list of Attendance a label opens.
enum class AttendanceField { kPresent, kApologies, kAbsent, kInAttendance, kPublic };

// An attendance label at the start of a line, with what follows it:
// "Present: Councillors A, B" -> {kPresent, "Councillors A, B"}; "Members
// Present:", "PRESENT", "a. Present", "Apologies:", "Commissioners Absent:",
// "Attending:", "Guests:", "Public: None". Without a colon only a label
// standing alone ("Public comments were heard" is not one).
struct AttendanceLabel {
    AttendanceField field;
    std::string rest;  // the line after the label, "" when the list is below
};
std::optional<AttendanceLabel> attendance_label(std::string_view line);

// One name of a table under a label, with the post printed beside it.
struct AttendanceEntry {
    std::string name;  // as printed
    std::string post;  // "Convenor CC", "A&B Councillor"; "" when none
};
// The table under the `occurrence`th visual line of a page that opens with
// `label_line` (0-based): rows of a name and its post ("Alan Pinder  Acting
// Secretary CC"), rows of names ("Jane Archer (JA)  Alan Caudwell (AC)"),
// or a list run over lines in the cell beside the label ("Attendees  Shona
// Bendix (Chair), Sylvia Knights, ..."). Columns are parted by gaps wider
// than the line's height; a column holds names when most of its cells read
// as names and not posts. Ends at the next label, an item heading, a footer,
// prose or a wide gap.
std::vector<AttendanceEntry> attendance_table(const std::vector<VisualLine>& lines,
                                              std::string_view label_line, int occurrence);
// Whether the entry's post makes its name the chair ("Convenor", "Chair CC",
// "Acting Chairperson"; not "Vice Chair").
bool chairs(const AttendanceEntry& entry);

// A US roll call in the opening sentences of minutes: "called to order ...
// with Ensign, Wray, Crockett present, Duford absent, and 2 guests", "Roll
// call was taken: A, B, and C (alternate), were present. D was absent.",
// "Responding to roll call were Commissioners A, Vice Chair B, and Chair C
// in person. ... D and E were absent.", "Roll Call: Present: A, B. Absent:
// C."; the chair from "called to order by Chairperson X" or "Chair X called
// the meeting to order". Names as printed, posts dropped. Empty (no
// present) when the text holds no roll call.
struct RollCall {
    std::vector<std::string> present;
    std::vector<std::string> absent;
    std::optional<int> public_count;  // "and 12 guests"
    std::string chair;
};
RollCall read_roll_call(std::string_view text);

// The status a minutes heading line prints ("DRAFT MINUTES for the",
// "Board Meeting Minutes (unapproved)", "FINAL ADOPTED Minutes for the");
// kNotPrinted for any other line ("The minutes of the March 13, 2018
// meeting were approved ...").
MinutesStatus minutes_status_of(std::string_view heading_line);

// People named in the structure, as printed, with the role they had.
struct NameSeen {
    std::string raw;
    bool councillor = false;
};

// Whether a line starts a labelled field of a minutes header ("Present:",
// "Apologies:", "Date:", "Venue:" ...), ending the list above it.
bool is_field_label(std::string_view line);
// One attendance field at stream line k: its list on the line ("Present:
// Councillors A, B"), or a table below a label standing alone ("Members
// Present:" over names with their posts beside them), read from the page's
// word boxes (`page_lines` caches them per page); without them, the lines
// below as a list. Sets k to the last line read.
void read_attendance_field(const TextStream& s, const std::vector<PageText>& pages, size_t& k, size_t end,
                           const AttendanceLabel& label, std::map<int, std::vector<VisualLine>>& page_lines,
                           Attendance& a, std::vector<NameSeen>& names);
// The roll call in the opening lines [begin, end) of US minutes.
void read_roll_call_lines(const TextStream& s, size_t begin, size_t end, Attendance& a, std::vector<NameSeen>& names);
// "Apologies for absence were received from Councillor A (substituted by
// Councillor B), Councillor C and Dr D." -> apologies {A, C, D}, substitutes {B}.
void read_apologies_sentence(std::string_view body, Attendance& a, std::vector<NameSeen>& names);

// `finding` receives kItems, kNoItems, or kBelowConfidence when the numbered
// lines it found did not run in sequence (sequence_trusted) and it kept none.
Minutes read_minutes(const TextStream& stream, const std::vector<PageText>& pages, Span span,
                     std::vector<NameSeen>& names, MinutesFinding& finding);

// Rows of the minutes action log tables on the pages of `span`, from the
// pages' word boxes (PageText::words). Each row's minutes_date is that of
// the "Minutes - 12 March 2024" heading above it ("" before any); a row
// printed without a minute number takes the number and report title of the
// row above (the same minute's next action) unless such a heading stands
// between them or it names a report of its own; then its minute is "".
// `officer` holds the officers as printed, several joined by "/"; each
// person's name is added to `names`.
std::vector<ActionRow> read_actions(const TextStream& stream, const std::vector<PageText>& pages,
                                    Span span, std::vector<NameSeen>& names);

// Whether a report's title block starts at `line` ("To:" with "Meeting
// Date:" close below); sets `title_begin` to its first title line.
bool starts_report(const TextStream& stream, size_t line, size_t& title_begin);

Report read_report(const TextStream& stream, Span span, std::vector<NameSeen>& names);

}  // namespace minutebook::structure
