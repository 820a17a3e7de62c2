// Minutes: their own meeting and items (their attendance: attendance.cpp; their
// resolutions: resolutions.cpp; decisions and motions: decisions.cpp, motions.cpp).
#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

#include "core/committees.h"
#include "core/dates.h"
#include "core/names.h"
#include "indexer/structure_internal.h"

namespace minutebook::structure {
namespace {

bool contains_ci(std::string_view hay, std::string_view needle) {
    return lower(hay).find(lower(needle)) != std::string::npos;
}

// "MINUTES of a meeting of ...", "Minutes of the meeting of ...": by hand,
// as it is asked of every line of a file.
bool opens_minutes_sentence(std::string_view line) {
    for (std::string_view head : {"minutes of a meeting of", "minutes of the meeting of"}) {
        if (!starts_with_ci(line, head)) continue;
        if (line.size() == head.size()) return true;
        const auto next = static_cast<unsigned char>(line[head.size()]);
        if (!(std::isalnum(next) || next == '_')) return true;  // the regex's \b
    }
    return false;
}

std::string iso_of(std::string_view text, const DateOptions& dates) {
    auto d = first_date(text, dates);
    return d ? d->iso() : "";
}

// A signature line closes the minutes: what follows is appendices.
bool is_signature(std::string_view line) {
    static const std::regex sig(R"(^(Chair(man|woman|person)?)(\s*\(?date\)?)?$)", std::regex::icase);
    return std::regex_match(std::string(line), sig);
}

}  // namespace

size_t next_text(const TextStream& s, size_t i, size_t end) {
    while (i < end && s.lines[i].blank()) ++i;
    return i;
}

// Kent prints "84." in one text run and the title beside it in another, and
// Garelochhead "4" beside "Committee updates"; the word boxes put them back
// on one line. `label` is the label as printed ("84.", "4").
std::string title_beside(const std::vector<PageText>& pages, int page, const std::string& label) {
    for (const auto& p : pages) {
        if (p.number != page) continue;
        for (const auto& vl : visual_lines(p)) {
            if (vl.words.size() < 2 || vl.words.front()->text != label) continue;
            std::string title;
            for (size_t k = 1; k < vl.words.size(); ++k) {
                if (!title.empty()) title += ' ';
                title += vl.words[k]->text;
            }
            return title;
        }
    }
    return "";
}

namespace {

// The visual line that opens with `first_word`, the `occurrence`th such line
// of its page (0-based, top to bottom); null when the page has no word
// boxes or no such line.
const VisualLine* line_opening(const std::vector<VisualLine>& lines, std::string_view first_word, int occurrence) {
    for (const auto& vl : lines) {
        if (vl.words.empty() || vl.words.front()->text != first_word) continue;
        if (occurrence-- == 0) return &vl;
    }
    return nullptr;
}

// Every word of the line is set in a bold font.
bool all_bold(const VisualLine& vl) {
    return !vl.words.empty() && std::all_of(vl.words.begin(), vl.words.end(), [](const Word* w) { return w->bold; });
}

// The line that goes on with the bold heading `head` of `lines`: the next
// visual line, all bold like it, beginning where the heading's title
// begins (its second word, after the label), a line's height below; null
// when there is none.
const VisualLine* bold_title_tail(const std::vector<VisualLine>& lines, const VisualLine& head) {
    if (head.words.size() < 2 || !all_bold(head) || &head + 1 == lines.data() + lines.size()) return nullptr;
    const VisualLine& next = *(&head + 1);
    const double height = head.y1 - head.y0;
    if (!all_bold(next) || std::abs(next.words.front()->x0 - head.words[1]->x0) >= 3 || next.y0 - head.y1 > height)
        return nullptr;
    return &next;
}

// The signature block that closes minutes: a rule to sign on ("_____"),
// "Certification", or a name with the post after it ("Reid Duford,
// Secretary", "Mark Trinklein, Lincoln Township Clerk").
bool closes_minutes(std::string_view line) {
    if (line.rfind("_____", 0) == 0 || line == "Certification" || is_signature(line)) return true;
    size_t comma = line.find(", ");
    if (comma == std::string_view::npos || line.size() > 60 || line.back() == '.') return false;
    std::string_view post = line.substr(line.rfind(' ') + 1);
    for (std::string_view p : {"Secretary", "Clerk", "Chair", "Chairperson", "Chairman", "Supervisor", "Treasurer",
                               "Mayor", "President", "Recorder"}) {
        if (post == p) return true;
    }
    return false;
}

// "Page 1 of 1", "Page 2 of 9": a footer.
bool is_page_of(std::string_view line) {
    return line.rfind("Page ", 0) == 0 && line.find(" of ") != std::string_view::npos && line.size() < 20;
}

// An attendance list's label at the head of minutes: "PRESENT:", "Members
// Present:", "APOLOGIES:", "ATTENDING:", "In attendance:", "Absent:".
bool opens_attendance(std::string_view line) {
    for (std::string_view label : {"present", "members present", "apologies", "attending", "in attendance",
                                   "also present", "absent"}) {
        if (!starts_with_ci(line, label)) continue;
        if (line.size() == label.size()) return true;
        char next = line[label.size()];
        if (next == ':' || next == ' ' || next == '\t') return true;
    }
    return false;
}

// A paragraph that heads the business below it rather than recording any:
// one line, not a sentence ("Rosneath Peninsula and Gare Loch Beach Litter
// Monitoring"), or set in capitals ("DATE OF NEXT MEETING : TUESDAY 4TH
// MARCH 2014 AT 7.00 PM IN").
bool heads_business(std::string_view first_line, bool one_line) {
    if (first_line.empty() || !std::isupper(static_cast<unsigned char>(first_line[0]))) return false;
    if (names_vote_side(first_line.substr(0, first_line.find(':')))) return false;
    if (!has_lower(first_line) && first_line.size() >= 3) return true;
    if (!one_line || first_line.size() > 80) return false;
    // "Old Business: None": a paragraph with its own heading run in.
    size_t colon = first_line.find(':');
    if (colon != std::string_view::npos && colon + 1 < first_line.size()) return false;
    char last = first_line.back();
    return last != '.' && last != ',' && last != ';' && last != ':' && lower_case_words(first_line) <= 1;
}

// A paragraph that opens with a heading of its own run into it: "Old
// Business: None", "Public Comments: None".
bool runs_in_heading(std::string_view first_line) {
    size_t colon = first_line.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 40 || colon + 1 >= first_line.size()) return false;
    std::string_view head = first_line.substr(0, colon);
    // "AYES: Commissioners Davis, ..." is the vote of the paragraph above.
    if (names_vote_side(head)) return false;
    return std::isupper(static_cast<unsigned char>(head[0])) && lower_case_words(head) <= 1;
}

// A visual line's text, or two when a sentence ends and another paragraph
// stands beside it across a wide gap ("The meeting adjourned at 7:20 pm."
// and "The next meeting is scheduled for June 4, 2019" on one line).
struct Piece {
    std::string text;
    double y0 = 0;
    bool beside = false;  // the right-hand paragraph of a line split in two
};
std::vector<Piece> line_pieces(const std::vector<VisualLine>& lines) {
    std::vector<Piece> out;
    for (const auto& line : lines) {
        const double height = line.y1 - line.y0;
        size_t split = 0;
        for (size_t w = 1; w < line.words.size(); ++w) {
            double gap = line.words[w]->x0 - line.words[w - 1]->x1;
            const std::string& before = line.words[w - 1]->text;
            if (gap > 36 && gap > 3 * height && before.back() == '.' &&
                std::isupper(static_cast<unsigned char>(line.words[w]->text[0])))
                split = w;
        }
        if (split == 0) {
            out.push_back(Piece{line.text(), line.y0, false});
            continue;
        }
        VisualLine left{line.y0, line.y1, {line.words.begin(), line.words.begin() + static_cast<long>(split)}};
        VisualLine right{line.y0, line.y1, {line.words.begin() + static_cast<long>(split), line.words.end()}};
        out.push_back(Piece{left.text(), line.y0, false});
        out.push_back(Piece{right.text(), line.y0, true});
    }
    return out;
}

// Minutes printed as paragraphs without numbered headings (township boards
// and planning commissions, community councils): one item per paragraph,
// from after the header's date line and the attendance lists below it to
// the signature block. A short line ending in a colon heads the paragraph
// below it ("New Business:"); a heading of its own (heads_business) starts an
// item that holds the paragraphs below it up to the next heading or a
// paragraph with its heading run in (runs_in_heading). A
// paragraph's lines are set closer than the gap between paragraphs, measured
// on each page against its line spacing (its lower quartile); a page without
// word boxes gives none.
std::vector<MinuteItem> paragraph_items(const std::vector<PageText>& pages, int first_page, int last_page,
                                        const std::string& header_date, const DateOptions& dates) {
    std::vector<MinuteItem> items;
    bool started = header_date.empty();
    bool attendance = false;    // in the attendance lists after the header
    bool owned = false;         // the last item is a heading's, holding the paragraphs below it
    bool heading_only = false;  // the last item's heading has no paragraph under it yet
    for (const auto& page : pages) {
        if (page.number < first_page || page.number > last_page) continue;
        std::vector<VisualLine> lines = visual_lines(page);
        std::vector<double> steps;
        for (size_t k = 1; k < lines.size(); ++k) {
            if (lines[k].y0 > lines[k - 1].y0) steps.push_back(lines[k].y0 - lines[k - 1].y0);
        }
        if (steps.empty()) continue;
        // The line spacing inside a paragraph: the lower quartile of the steps
        // (a page of one-line paragraphs has as many gaps as lines).
        std::nth_element(steps.begin(), steps.begin() + static_cast<long>(steps.size() / 4), steps.end());
        const double pitch = steps[steps.size() / 4];
        std::vector<Piece> pieces = line_pieces(lines);
        bool open = false;  // the last item goes on on this page
        for (size_t k = 0; k < pieces.size(); ++k) {
            const std::string& text = pieces[k].text;
            if (!started) {
                auto d = first_date(text, dates);
                started = d && d->iso() == header_date;
                continue;
            }
            if (!items.empty() && closes_minutes(text)) return items;
            if (is_page_of(text) || is_footer_line(text)) continue;
            bool gap = k == 0 || pieces[k].beside || pieces[k].y0 - pieces[k - 1].y0 > 1.5 * pitch;
            if (items.empty() && (gap || attendance)) {
                // The lists of who was there are not business: up to the
                // first paragraph that is a sentence.
                if (opens_attendance(text)) attendance = true;
                if (attendance && (!gap || lower_case_words(text) < 4)) continue;
                attendance = false;
            }
            // "New Business:" over the business it heads.
            bool after_heading = open && items.back().body.empty() && items.back().title.size() <= 40 &&
                                 items.back().title.back() == ':';
            bool next_gap = k + 1 == pieces.size() || pieces[k + 1].beside || pieces[k + 1].y0 - pieces[k].y0 > 1.5 * pitch;
            bool heading = (gap || !open) && heads_business(text, next_gap);
            bool run_in = (gap || !open) && runs_in_heading(text);
            if (owned && !heading && !run_in && (gap || !open)) {
                // A paragraph under the heading's item.
                MinuteItem& item = items.back();
                item.last_page = page.number;
                mark_page(item.page_starts, item.first_page, item.last_page,
                          item.body.empty() ? 0 : item.body.size() + 1);
                if (!item.body.empty()) item.body += '\n';
                item.body += text;
                open = true;
                heading_only = false;
                continue;
            }
            if (!open || gap || after_heading || (heading_only && heading)) {
                MinuteItem item;
                item.title = text;
                if (auto label = parse_item_label(text); label && label->punctuated && !label->title.empty()) {
                    item.number = label->number;
                    item.title = label->title;
                }
                item.first_page = item.last_page = page.number;
                item.page_starts.push_back(0);
                items.push_back(std::move(item));
                open = true;
                owned = heading && text.back() != ':';
                heading_only = owned;
                continue;
            }
            MinuteItem& item = items.back();
            item.last_page = page.number;
            mark_page(item.page_starts, item.first_page, item.last_page, item.body.empty() ? 0 : item.body.size() + 1);
            if (!item.body.empty()) item.body += '\n';
            item.body += text;
        }
    }
    return items;
}

bool body_has_line(const std::vector<std::string>& lines, std::string_view line) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l == line; });
}

size_t occurrences(std::string_view text, std::string_view phrase) {
    size_t n = 0;
    for (size_t p = text.find(phrase); p != std::string_view::npos; p = text.find(phrase, p + phrase.size())) ++n;
    return n;
}

// A body's name as its papers print it most often: a header's "Suffolk's
// Libraries IPS Ltd." is "Suffolk Libraries" where the text says "Suffolk
// Libraries" more often than "Suffolk's Libraries" (a "King's Lynn" printed
// so throughout keeps its possessive).
std::string usual_spelling(const std::string& name, std::string_view text) {
    std::string out = name;
    for (size_t p = out.find("'s "); p != std::string::npos; p = out.find("'s ", p + 1)) {
        size_t b = out.rfind(' ', p);
        b = b == std::string::npos ? 0 : b + 1;
        size_t e = out.find(' ', p + 3);
        const std::string possessive = out.substr(b, (e == std::string::npos ? out.size() : e) - b);
        std::string plain = possessive;
        plain.erase(p - b, 2);
        if (occurrences(text, plain) > occurrences(text, possessive)) {
            out.erase(p, 2);
            p = b;
        }
    }
    return out;
}

bool is_item_marker(std::string_view line) {
    static const std::regex item(R"(^\(Item\s+[0-9A-Za-z.]+\)$)", std::regex::icase);
    return std::regex_match(std::string(line), item);
}

void people_in(std::string_view text, std::vector<std::string>& into, std::vector<NameSeen>& names) {
    static const std::regex cllr(R"(\b(?:Councillor|Cllr\.?)\s+((?:[A-Z][a-z]+\s+|[A-Z]\s+)?[A-Z][A-Za-z'\-]+))");
    static const std::regex titled(R"(\b(?:Mr|Mrs|Ms|Miss|Dr)\s+(?:[A-Z]\s+){0,3}[A-Z][a-z][A-Za-z'\-]+)");
    const std::string t(text);
    for_each_match(t, cllr, {"Councillor", "Cllr"}, false, [&](const std::smatch& m) {
        std::string raw = m.str();
        if (!parse_person(raw)) return;
        into.push_back(raw);
        names.push_back(NameSeen{raw, true});
    });
    for_each_match(t, titled, {"Mr", "Ms", "Miss", "Dr"}, false, [&](const std::smatch& m) {
        std::string raw = m.str();
        if (!parse_person(raw)) return;
        into.push_back(raw);
        names.push_back(NameSeen{raw, false});
    });
}

}  // namespace

std::optional<MinuteHeading> parse_minute_heading(std::string_view line) {
    static const std::regex heading(R"(^(\d{1,4})\.(?:\s+(.*))?$)");
    std::smatch m;
    std::string l(line);
    if (!std::regex_match(l, m, heading)) return std::nullopt;
    MinuteHeading h{m[1].str(), m[2].str()};
    if (h.title.empty()) return h;
    unsigned char c = static_cast<unsigned char>(h.title[0]);
    if (!(std::isupper(c) || std::isdigit(c) || c == '\'' || c == '"')) return std::nullopt;
    if (h.title.size() > 200 || h.title.back() == ':' || h.title.back() == ',') return std::nullopt;
    if (std::isdigit(c) && h.title.find(' ') == std::string::npos) return std::nullopt;  // "1. 2024"
    return h;
}

bool starts_minutes(const TextStream& s, size_t i) {
    const std::string& t = s.lines[i].text;
    if (t.empty() || t.size() > 160) return false;
    if (opens_minutes_sentence(t)) return true;
    if (!contains_ci(t, "minutes") || std::isdigit(static_cast<unsigned char>(t[0]))) return false;
    if (contains_ci(t, "action log")) return false;
    // A heading "... Minutes" with its own Date: line just below.
    size_t j = i + 1;
    for (int seen = 0; j < s.lines.size() && seen < 3; ++j) {
        if (s.lines[j].blank()) continue;
        ++seen;
        if (auto v = labelled(s.lines[j].text, "Date"); v && first_date(*v)) return true;
    }
    // US minutes: "Minutes from Monday, January 29, 2018 - 9:00am".
    // Only at the head of the document: elsewhere such a line is an agenda
    // item or a minute's title.
    static const std::regex us(R"(^(meeting )?minutes (from|of)\b)", std::regex::icase);
    if (!std::regex_search(t, us) || !first_date(t)) return false;
    int above = 0;
    for (size_t j = 0; j < i; ++j) above += s.lines[j].blank() ? 0 : 1;
    return above < 4;
}

bool heads_minutes_over_date(const TextStream& s, size_t i) {
    const std::string& t = s.lines[i].text;
    if (t.empty() || t.size() > 60 || !contains_ci(t, "minutes") || std::isdigit(static_cast<unsigned char>(t[0])))
        return false;
    if (t.back() == '.' || contains_ci(t, "approv") || contains_ci(t, "action log") || first_date(t)) return false;
    int seen = 0;
    for (size_t k = i + 1; k < s.lines.size() && s.lines[k].page == s.lines[i].page && seen < 4; ++k) {
        if (s.lines[k].blank()) continue;
        ++seen;
        const std::string& below = s.lines[k].text;
        if (auto d = parse_date(below); d && d->day > 0) return true;
        if (below.size() > 40 || below.back() == '.' || first_date(below)) return false;
    }
    return false;
}

Minutes read_minutes(const TextStream& s, const std::vector<PageText>& pages, Span span,
                     std::vector<NameSeen>& names, MinutesFinding& finding) {
    Minutes mins;
    finding = MinutesFinding::kNoItems;
    mins.first_page = s.lines[span.begin].page;
    mins.last_page = s.lines[span.end - 1].page;
    size_t i = span.begin;
    const std::string& head = s.lines[i].text;
    static const std::regex sentence_form(R"(meeting of (?:the )?(.+?) held (?:in|at|on) (?:the )?(.*?)(?: on (.*))?$)",
                                 std::regex::icase);
    std::smatch m;
    // The "MINUTES of a meeting of ..." sentence may run over three lines.
    std::string sentence = head;
    for (size_t k = i + 1; k < span.end && k < i + 4 && sentence.back() != '.'; ++k) {
        if (s.lines[k].blank() || is_field_label(s.lines[k].text)) break;
        sentence += ' ' + s.lines[k].text;
    }
    if (std::regex_search(sentence, m, sentence_form)) {
        mins.meeting.committee = canonical_committee(m[1].str());
        std::string venue = m[2].str();
        mins.meeting.venue = venue.substr(0, venue.find(" on "));
        mins.meeting.date = iso_of(sentence, s.dates);
    } else {
        mins.meeting.committee = canonical_committee(head);
        static const std::regex us(R"(^(meeting )?minutes (from|of)\b)", std::regex::icase);
        if (std::regex_search(head, us)) {
            // "Minutes from Monday, January 29, 2018": the body is named above.
            mins.meeting.date = iso_of(head, s.dates);
            mins.meeting.committee.clear();
            for (size_t k = 0; k < i && mins.meeting.committee.empty(); ++k) {
                if (!s.lines[k].blank()) mins.meeting.committee = canonical_committee(s.lines[k].text);
            }
        }
    }
    // The header's other forms: "MINUTES for the X meeting held ... on
    // Tuesday 25th October 2016", "Board Meeting Minutes (unapproved)" over
    // "April 10, 2018".
    std::optional<MinutesHeader> header = read_minutes_header(s, span.begin);
    if (header) {
        // The heading line alone may name only the place ("Lincoln Township"
        // over "Board Meeting Minutes").
        // "FINAL ADOPTED Minutes for the Garelochhead Community Council
        // meeting": the name without the header's words.
        if (!header->committee.empty() && (!names_a_body_word(mins.meeting.committee) ||
                                           find_ci(mins.meeting.committee, header->committee) != std::string::npos))
            mins.meeting.committee = canonical_committee(header->committee);
        if (mins.meeting.date.empty()) mins.meeting.date = header->date;
    }
    std::map<int, std::vector<VisualLine>>
        page_lines;  // of the pages with labels or attendance tables
    // Header fields, up to the first item.
    size_t header_end = std::min(span.end, i + 40);
    size_t k = i + 1;
    for (; k < header_end; ++k) {
        const std::string& t = s.lines[k].text;
        if (t.empty()) continue;
        if (parse_minute_heading(t)) break;
        if (auto v = labelled(t, "Date"); v && mins.meeting.date.empty()) {
            mins.meeting.date = iso_of(*v, s.dates);
        } else if (auto v = labelled(t, "Time"); v && mins.meeting.time.empty()) {
            mins.meeting.time = *v;
        } else if (auto v = labelled(t, "Venue"); v && mins.meeting.venue.empty()) {
            mins.meeting.venue = *v;
        } else if (auto label = attendance_label(t)) {
            read_attendance_field(s, pages, k, span.end, *label, page_lines, mins.attendance,
                                  names);
            // A table read from the page leaves its cells in the stream one
            // per line, names then posts: the header goes on past them.
            header_end = std::min(span.end, std::max(header_end, k + 40));
        }
    }
    // US minutes call the roll in their opening sentences.
    if (mins.attendance.present.empty())
        read_roll_call_lines(s, span.begin, std::min(k + 1, span.end), mins.attendance, names);
    if (header) mins.status = header->status;
    if (mins.meeting.date.empty()) mins.meeting.date = iso_of(s.lines[span.begin].text, s.dates);
    mins.meeting.council = council_of(mins.meeting.committee);
    for (std::string* name : {&mins.meeting.council, &mins.meeting.committee}) *name = usual_spelling(*name, s.text);

    // Items: the numbered headings that run in sequence; numbered lines
    // out of the run are points of a list inside an item ("1. Mr R Gough,
    // Leader of the Council ...").
    struct Head {
        size_t line;
        size_t body;
        MinuteHeading h;
        double x = -1;      // left edge on the page, -1 when unknown
        bool bold = false;  // the heading line is set in bold
    };
    std::vector<Head> candidates;
    std::vector<ItemCandidate> labels;
    size_t stop = span.end;
    for (size_t j = span.begin + 1; j < span.end; ++j) {
        const std::string& t = s.lines[j].text;
        if (t.empty()) continue;
        if (!candidates.empty() && is_signature(t)) {
            stop = j;
            break;
        }
        auto label = parse_item_label(t);
        if (!label) continue;
        auto h = std::optional<MinuteHeading>(MinuteHeading{label->number, label->title});
        size_t body = j + 1;
        size_t at = j;  // where the item begins in the stream
        if (h->title.empty()) {
            h->title = title_beside(pages, s.lines[j].page, t);
            if (!h->title.empty()) {
                // A column of labels can come before the text in the stream
                // ("b." and "3." over the rest of item 2's table, then
                // "Police reports"): the item begins at its title's line, and
                // the lines before it are the previous item's. The column
                // ends at the next item's label; numbered points of another
                // column (Kent's "1.", "2." of the chair's election above
                // "283. Apologies") are passed.
                for (size_t b = j + 1; b < span.end && b < j + 60 && s.lines[b].page == s.lines[j].page; ++b) {
                    if (s.lines[b].text == h->title) {
                        if (b > next_text(s, j + 1, span.end)) at = b;
                        break;
                    }
                    if (auto next = parse_item_label(s.lines[b].text); next && follows(*label, *next)) break;
                }
                if (at != j) body = at + 1;
            }
            if (h->title.empty()) {
                // Title on the next lines, up to Kent's "(Item N)".
                size_t b = next_text(s, j + 1, span.end);
                if (b < span.end && !parse_item_label(s.lines[b].text)) {
                    h->title = s.lines[b].text;
                    body = b + 1;
                }
            }
            if (h->title.empty()) continue;
            // Skip the title's own line in the stream when it follows.
            size_t b = next_text(s, body, span.end);
            if (b < span.end && s.lines[b].text == h->title) body = b + 1;
        } else {
            // A long title wraps: "233. Ofsted Action plan and update on
            // Sector Led Improvement" / "Programme".
            bool caps = !has_lower(h->title);
            while (body < span.end && !s.lines[body].blank()) {
                const std::string& nx = s.lines[body].text;
                bool cont = caps ? (!has_lower(nx) && nx.size() < 100)
                                 : (t.size() >= 55 && nx.size() < 45 && nx.back() != '.' && nx.back() != ':' &&
                                    std::isupper(static_cast<unsigned char>(nx[0])) &&
                                    nx.find(' ') == std::string::npos);
                if (!cont || parse_item_label(nx) || opens_resolution(nx)) break;
                h->title += ' ' + nx;
                ++body;
                if (caps) continue;
                break;
            }
        }
        // Trailing colons and dashes are the heading's punctuation, not its title.
        while (!h->title.empty() && (h->title.back() == ':' || h->title.back() == ' ')) h->title.pop_back();
        const int page = s.lines[j].page;
        const std::vector<VisualLine>& lines = lines_of_page(pages, page, page_lines);
        const std::string first_word = t.substr(0, t.find(' '));
        int occurrence = 0;
        for (size_t k = j; k-- > 0 && s.lines[k].page == page;) {
            if (s.lines[k].text.compare(0, first_word.size(), first_word) == 0 &&
                (s.lines[k].text.size() == first_word.size() || s.lines[k].text[first_word.size()] == ' '))
                ++occurrence;
        }
        const VisualLine* vl = line_opening(lines, first_word, occurrence);
        double x = vl ? vl->words.front()->x0 : -1;
        labels.push_back(ItemCandidate{*label, heading_score(*label, h->title), x, page});
        // A bold heading wraps onto a bold line at its title's indent just
        // below (Kent's "284. Declarations of ... or Other Significant" /
        // "Interests in items on the agenda"); it is scored on its first line.
        if (const VisualLine* tail = vl ? bold_title_tail(lines, *vl) : nullptr) {
            size_t b = next_text(s, body, span.end);
            if (b < span.end && s.lines[b].text == tail->text() && !parse_item_label(s.lines[b].text)) {
                h->title += ' ' + s.lines[b].text;
                body = b + 1;
            }
        }
        candidates.push_back(Head{at, body, *h, x, vl && all_bold(*vl)});
    }
    std::vector<Head> heads;
    const std::vector<size_t> chain = decode_item_sequence(labels);
    if (sequence_trusted(labels, chain)) {
        for (size_t c : chain) heads.push_back(candidates[c]);
    } else {
        finding = MinutesFinding::kBelowConfidence;
    }

    // Business after the numbered items, headed as they are but without a
    // number (Garelochhead's "AOB", "Date of next meeting" after "5i. Social
    // media ..."): a line of its own, all bold, at the numbered headings'
    // indent, when at least three quarters of those are bold; up to an
    // appendix. Bold lines between numbered items are their sub-headings.
    size_t bold_heads = static_cast<size_t>(std::count_if(heads.begin(), heads.end(), [](const Head& h) { return h.bold; }));
    if (heads.size() >= 3 && bold_heads * 4 >= heads.size() * 3) {
        std::vector<double> xs;
        for (const auto& h : heads) {
            if (h.bold && h.x >= 0) xs.push_back(h.x);
        }
        std::sort(xs.begin(), xs.end());
        const double indent = xs.empty() ? -1 : xs[xs.size() / 2];
        std::vector<bool> taken(span.end, false);
        for (const auto& h : heads) {
            for (size_t k = h.line; k < h.body && k < span.end; ++k) taken[k] = true;
        }
        std::vector<Head> unnumbered;
        for (size_t j = heads.back().body; j < stop && indent >= 0; ++j) {
            const std::string& t = s.lines[j].text;
            if (starts_with_ci(t, "appendix")) break;
            if (t.empty() || taken[j] || t.size() > 80 || !std::isupper(static_cast<unsigned char>(t[0])) ||
                t.find(':') != std::string::npos || t.back() == '.' || parse_item_label(t))
                continue;
            const VisualLine* vl = visual_line_of(lines_of_page(pages, s.lines[j].page, page_lines), t);
            if (!vl || !all_bold(*vl) || std::abs(vl->words.front()->x0 - indent) >= 3) continue;
            unnumbered.push_back(Head{j, j + 1, MinuteHeading{"", t}, vl->words.front()->x0, true});
        }
        heads.insert(heads.end(), unnumbered.begin(), unnumbered.end());
        std::sort(heads.begin(), heads.end(), [](const Head& a, const Head& b) { return a.line < b.line; });
    }

    if (heads.size() < 3) {
        std::vector<BulletHead> bullets = bullet_heads(s, pages, span.begin + 1, stop, page_lines);
        // Bullets inside a numbered item are its points.
        if (!heads.empty())
            bullets.erase(std::remove_if(bullets.begin(), bullets.end(),
                                         [&](const BulletHead& b) { return b.line > heads.front().line; }),
                          bullets.end());
        if (bullets.size() >= 3) {
            for (const auto& b : bullets) heads.push_back(Head{b.line, b.body, MinuteHeading{"", b.title}});
            std::sort(heads.begin(), heads.end(), [](const Head& a, const Head& b) { return a.line < b.line; });
        }
    }

    std::vector<MinuteItem> paragraphs;
    if (heads.size() < 2 && header) {
        paragraphs = paragraph_items(pages, s.lines[span.begin].page, s.lines[span.end - 1].page,
                                     header->date, s.dates);
        // Only minutes whose first paragraph opens the meeting ("The regular
        // meeting of ... was called to order" on its first line): bullet
        // points and tables also stand apart by gaps.
        auto opens_meeting = [](const MinuteItem& first) {
            const std::string& line = first.title;
            // "called to order", "called the hybrid meeting to order" (Norwalk
            // Housing Authority), "called the meeting to order".
            const size_t called = find_ci(line, "called ");
            const size_t order = called == std::string::npos ? called : find_ci(line.substr(called), " to order");
            return (order != std::string::npos && order <= 40) ||
                   find_ci(line, "opened the meeting") != std::string::npos ||
                   find_ci(line, "meeting was opened") != std::string::npos;
        };
        // Or minutes whose paragraphs are sentences, most of them closed by
        // a full stop (not lists, tables or bullet points).
        auto prose = [](const std::vector<MinuteItem>& items) {
            size_t sentences = 0;
            for (const auto& item : items) {
                const std::string& last = item.body.empty() ? item.title : item.body;
                if (!last.empty() && last.back() == '.' && lower_case_words(item.title + " " + item.body) >= 4)
                    ++sentences;
            }
            return sentences * 4 >= items.size() * 3;
        };
        if (paragraphs.size() >= 3 && (opens_meeting(paragraphs.front()) || prose(paragraphs))) heads.clear();
        else paragraphs.clear();
    }
    const std::vector<std::string> own = own_names_of(mins.meeting);
    std::vector<std::string> attendees;
    for (const auto* list : {&mins.attendance.present, &mins.attendance.in_attendance, &mins.attendance.absent,
                             &mins.attendance.apologies})
        attendees.insert(attendees.end(), list->begin(), list->end());
    if (!mins.attendance.chair.empty()) attendees.push_back(mins.attendance.chair);
    for (auto& item : paragraphs) {
        // A US paragraph decides in its own words: "Approved ... after motion".
        std::string all = item.title + "\n" + item.body;
        if (opens_resolution(all)) item.resolution = read_resolution({all});
        read_decision(all, own, attendees, item);
        item.minute_refs = minute_references(item.body);
        people_in(item.title + "\n" + item.body, item.people, names);
        mins.items.push_back(std::move(item));
    }
    for (size_t h = 0; h < heads.size(); ++h) {
        MinuteItem item;
        item.number = heads[h].h.number;
        item.title = heads[h].h.title;
        size_t end = h + 1 < heads.size() ? heads[h + 1].line : stop;
        item.first_page = s.lines[heads[h].line].page;
        item.last_page = item.first_page;
        std::vector<std::string> body_lines;
        item.page_starts.push_back(0);
        for (size_t j = heads[h].body; j < end; ++j) {
            const std::string& t = s.lines[j].text;
            if (t.empty() || is_item_marker(t)) continue;
            body_lines.push_back(t);
            item.last_page = s.lines[j].page;
            // A heading at the foot of a page: the item is on the next one too.
            mark_page(item.page_starts, item.first_page, item.last_page,
                      item.body.empty() ? 0 : item.body.size() + 1);
            if (!item.body.empty()) item.body += '\n';
            item.body += t;
        }
        for (size_t b = 0; b < body_lines.size(); ++b) {
            if (!opens_resolution(body_lines[b])) continue;
            item.resolution = read_resolution({body_lines.begin() + static_cast<long>(b), body_lines.end()});
            break;
        }
        // A numbered paragraph's first line is its title: "3. The minutes ... were accepted".
        // A heading is a sentence of its own, unless the body goes on with it.
        const bool goes_on = !item.body.empty() && std::islower(static_cast<unsigned char>(item.body[0]));
        read_decision(item.title + (goes_on ? "\n" : "\n\n") + item.body, own, attendees, item);
        // A table of nominations leaves its column heads one per line.
        if (item.motions.empty() && (body_has_line(body_lines, "Seconded by") || body_has_line(body_lines, "Seconder"))) {
            for (int p = item.first_page; p <= item.last_page && item.motions.empty(); ++p)
                item.motions = table_motions(lines_of_page(pages, p, page_lines), attendees);
        }
        item.minute_refs = minute_references(item.body);
        item.minute_refs.erase(std::remove(item.minute_refs.begin(), item.minute_refs.end(), item.number),
                               item.minute_refs.end());
        if (contains_ci(item.title, "apologies")) read_apologies_sentence(item.body, mins.attendance, names);
        people_in(item.body, item.people, names);
        mins.items.push_back(std::move(item));
    }
    if (!mins.items.empty()) {
        mins.last_page = std::max(mins.first_page, mins.items.back().last_page);
        finding = MinutesFinding::kItems;
    }
    return mins;
}

}  // namespace minutebook::structure
