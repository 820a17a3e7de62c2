#include "indexer/passages.h"

#include <optional>

#include <algorithm>
#include <map>
#include <set>

#include "core/councils.h"
#include "core/names.h"
#include "core/normalise.h"
#include "indexer/structure.h"

namespace minutebook {
namespace {

// A page-sized passage: longer pages are split at line ends near this size.
constexpr size_t kMaxPassageBytes = 6000;

std::string first_line(const std::string& text) {
    size_t start = text.find_first_not_of(" \n");
    if (start == std::string::npos) return "";
    size_t end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (line.size() > 120) line = std::string(utf8_prefix(line, 117)) + "...";
    return line;
}

bool has_text(const std::string& text) {
    return text.find_first_not_of(" \n") != std::string::npos;
}

}  // namespace

std::vector<Passage> page_passages(const FileInfo& file, const std::vector<PageText>& pages) {
    std::vector<Passage> out;
    for (const auto& page : pages) {
        if (!has_text(page.text)) continue;
        size_t start = 0;
        int piece = 0;
        while (start < page.text.size()) {
            size_t end = page.text.size();
            if (end - start > kMaxPassageBytes) {
                size_t cut = page.text.rfind('\n', start + kMaxPassageBytes);
                // A page without line ends is cut between characters.
                end = (cut == std::string::npos || cut <= start)
                          ? start + utf8_prefix(std::string_view(page.text).substr(start), kMaxPassageBytes).size()
                          : cut;
            }
            std::string text = page.text.substr(start, end - start);
            start = end;
            if (!has_text(text)) continue;
            Passage p;
            p.key = "page/" + file.file_id + "/" + std::to_string(page.number) +
                    (piece > 0 ? "/" + std::to_string(piece) : "");
            ++piece;
            p.type = PassageType::kPage;
            p.part = PartKind::kOther;
            p.title = first_line(text);
            p.locations.push_back(Location{file.file, file.file_id, {page.number}, page.ocr, ""});
            p.text = std::move(text);
            out.push_back(std::move(p));
        }
    }
    return out;
}

namespace {

struct FileContext {
    const FileInfo& file;
    const std::vector<PageText>& pages;
    std::string pack_date;  // ISO, "" when the pack's meeting is unknown
    std::string council;    // canonical, given or the pack's; "" when unknown
    // The council of a meeting: the one given, else the meeting's, else the pack's.
    std::optional<std::string> council_of(const Meeting& m) const {
        if (!file.council.empty()) return council;
        std::string c = canonical_council(m.council);
        if (c.empty()) c = council;
        if (c.empty()) return std::nullopt;
        return c;
    }
    // The key segment of a council: "kent-county-council/", or "" for none.
    static std::string segment(const std::optional<std::string>& council) {
        return council ? slugify(*council) + "/" : "";
    }
};

Location location(const FileContext& ctx, int first, int last) {
    Location loc{ctx.file.file, ctx.file.file_id, {}, false, ctx.pack_date};
    if (last < first) last = first;
    for (int p = first; p <= last; ++p) {
        loc.pages.push_back(p);
        for (const auto& page : ctx.pages) {
            if (page.number == p && page.ocr) loc.ocr = true;
        }
    }
    return loc;
}

std::optional<std::string> optional_of(const std::string& s) {
    if (s.empty()) return std::nullopt;
    return s;
}

// Gives a passage its council: the field, and the council's slug after the
// kind in its key ("page/kent-county-council/<file>/3"), so that the same
// bytes given as two councils' papers are two passages.
void name_council(Passage& p, const std::optional<std::string>& council) {
    p.council = council;
    if (council) p.key.insert(p.key.find('/') + 1, slugify(*council) + "/");
}

std::string slug_or(const std::string& s, const std::string& fallback) {
    std::string slug = slugify(s);
    return slug.empty() ? fallback : slug;
}

void add_unique(std::vector<std::string>& into, const std::string& name) {
    if (!name.empty() && std::find(into.begin(), into.end(), name) == into.end()) into.push_back(name);
}

// An action's officer cell may hold several people ("Fiona MacKirdy/
// Richenda Greenhill"); a post is never an officer.
std::vector<std::string> officers_in(const std::string& cell) {
    std::vector<std::string> out;
    PeopleRegistry registry;
    size_t start = 0;
    while (start < cell.size()) {
        size_t sep = cell.find_first_of("/,&", start);
        if (sep == std::string::npos) sep = cell.size();
        std::string raw = cell.substr(start, sep - start);
        if (!is_post(raw)) add_unique(out, registry.add(raw));
        start = sep + 1;
    }
    return out;
}

// Page starts of a body placed `by` bytes into a passage's text; empty
// unless there is one per page (a passage on one page needs none).
std::vector<size_t> shifted(const std::vector<size_t>& starts, size_t by, size_t pages) {
    if (pages < 2 || starts.size() != pages) return {};
    std::vector<size_t> out{0};
    for (size_t i = 1; i < starts.size(); ++i) out.push_back(starts[i] + by);
    return out;
}

// Who was there: the minutes' attendance as one passage, so that people are
// found by name (the lines themselves stand before the first minute item).
std::optional<Passage> attendance_passage(const FileContext& ctx, const Minutes& m,
                                          const std::optional<std::string>& pack_committee) {
    const Attendance& a = m.attendance;
    if (a.present.empty() && a.apologies.empty() && a.in_attendance.empty() && a.absent.empty())
        return std::nullopt;
    std::string committee = m.meeting.committee.empty() && pack_committee ? *pack_committee : m.meeting.committee;
    Passage p;
    p.council = ctx.council_of(m.meeting);
    p.key = "attendance/" + FileContext::segment(p.council) + slug_or(committee, ctx.file.file_id) + "/" +
            (m.meeting.date.empty() ? ctx.file.file_id : m.meeting.date);
    p.type = PassageType::kPage;
    p.part = PartKind::kMinutes;
    p.title = "Attendance" + (committee.empty() ? "" : ": " + committee) +
              (m.meeting.date.empty() ? "" : ", " + m.meeting.date);
    p.committee = optional_of(committee);
    p.meeting_date = optional_of(m.meeting.date);
    auto list = [&](const char* label, const std::vector<std::string>& names) {
        if (names.empty()) return;
        p.text += std::string(label) + ": ";
        for (size_t i = 0; i < names.size(); ++i) {
            p.text += (i ? ", " : "") + names[i];
            add_unique(p.people, names[i]);
        }
        p.text += "\n";
    };
    if (!a.chair.empty()) list("Chair", {a.chair});
    list("Present", a.present);
    list("Apologies", a.apologies);
    list("Substitutes", a.substitutes);
    list("In attendance", a.in_attendance);
    list("Absent", a.absent);
    // Members of the public are found by name but are not people of the
    // person facet (councillors and officers).
    if (!a.public_members.empty() || a.public_count) {
        p.text += "Public: ";
        for (size_t i = 0; i < a.public_members.size(); ++i)
            p.text += (i ? ", " : "") + a.public_members[i];
        if (a.public_members.empty()) p.text += std::to_string(*a.public_count);
        p.text += "\n";
    }
    const int first = m.first_page > 0 ? m.first_page : (m.items.empty() ? 1 : m.items.front().first_page);
    p.locations.push_back(location(ctx, first, first));
    return p;
}

// The passages of `doc`, the structure of `pages`; `named` is the council its text names.
std::vector<Passage> passages_of(const FileInfo& file, const std::vector<PageText>& pages,
                                 const DocumentStructure& doc, const std::string& named) {
    const std::string given = canonical_council(file.council);
    if (doc.empty()) {
        std::vector<Passage> out = page_passages(file, pages);
        const std::string council = given.empty() ? named : given;
        for (auto& p : out) name_council(p, optional_of(council));
        return out;
    }
    FileContext ctx{file, pages, doc.meeting ? doc.meeting->date : "", given.empty() ? named : given};
    const std::optional<std::string> pack_council = optional_of(ctx.council);
    std::optional<std::string> pack_committee = doc.meeting ? optional_of(doc.meeting->committee) : std::nullopt;
    std::vector<Passage> out;
    std::set<int> claimed;
    auto claim = [&](int first, int last) {
        for (int p = first; p <= std::max(first, last); ++p) claimed.insert(p);
    };

    for (const auto& m : doc.minutes) {
        if (auto attendance = attendance_passage(ctx, m, pack_committee)) out.push_back(std::move(*attendance));
        std::string committee = m.meeting.committee.empty() && pack_committee ? *pack_committee : m.meeting.committee;
        const std::optional<std::string> council = ctx.council_of(m.meeting);
        std::set<std::string> keys;
        for (const auto& item : m.items) {
            Passage p;
            p.council = council;
            // An unnumbered item is known by its title, not its place, so that
            // its key survives re-indexing; a number printed twice keeps both.
            std::string base = "minute/" + FileContext::segment(council) + slug_or(committee, file.file_id) + "/" +
                               (m.meeting.date.empty() ? "undated" : m.meeting.date) + "/" +
                               (item.number.empty() ? "item-" + slugify(std::string(utf8_prefix(item.title, 60))) : item.number);
            p.key = base;
            for (int n = 2; !keys.insert(p.key).second; ++n) p.key = base + "-" + std::to_string(n);
            p.type = PassageType::kMinute;
            p.part = PartKind::kMinutes;
            p.title = item.title;
            p.committee = optional_of(committee);
            p.meeting_date = optional_of(m.meeting.date);
            p.minute = optional_of(item.number);
            if (item.resolution)
                p.decision = Decision{item.resolution->kind, item.resolution->text, item.resolution->number};
            p.motions = item.motions;
            for (auto& motion : p.motions) motion.text.clear();  // the passage's text holds it
            p.people = item.people;
            p.cites = item.minute_refs;
            p.locations.push_back(location(ctx, item.first_page, item.last_page));
            p.text = item.title + "\n" + item.body;
            p.page_starts = shifted(item.page_starts, item.title.size() + 1, p.locations.front().pages.size());
            claim(item.first_page, item.last_page);
            out.push_back(std::move(p));
        }
    }

    std::map<std::string, int> seen_actions;
    for (const auto& a : doc.actions) {
        Passage p;
        std::string date = a.minutes_date.empty() ? ctx.pack_date : a.minutes_date;
        p.council = pack_council;
        std::string base = "action/" + FileContext::segment(pack_council) + slug_or(pack_committee.value_or(""), file.file_id) + "/" +
                           (date.empty() ? "undated" : date) + "/" + (a.minute.empty() ? "0" : a.minute);
        int n = seen_actions[base]++;
        p.key = base + "/" + std::to_string(n + 1);
        p.type = PassageType::kAction;
        p.part = PartKind::kActionLog;
        p.title = a.report_title.empty() ? "Action" : a.report_title;
        p.committee = pack_committee;
        p.meeting_date = optional_of(a.minutes_date);
        p.minute = optional_of(a.minute);
        if (!a.minute.empty()) p.cites = {a.minute};
        p.status = optional_of(to_string(a.status));
        p.status_text = optional_of(a.status_text);
        p.officers = officers_in(a.officer);
        p.people = p.officers;
        p.locations.push_back(location(ctx, a.page, a.page));
        p.text = a.report_title + "\n" + a.officer + "\n" + a.action + "\n" + a.response + "\n" + a.status_text;
        claim(a.page, a.page);
        out.push_back(std::move(p));
    }

    for (size_t r = 0; r < doc.reports.size(); ++r) {
        const Report& report = doc.reports[r];
        for (size_t k = 0; k < report.sections.size(); ++k) {
            const ReportSection& sec = report.sections[k];
            Passage p;
            p.key = "report/" + file.file_id + "/" + std::to_string(r + 1) + "/" + std::to_string(k + 1);
            name_council(p, pack_council);
            p.type = PassageType::kReport;
            p.part = PartKind::kReport;
            p.title = sec.title;
            p.committee = pack_committee;
            p.meeting_date = optional_of(ctx.pack_date);
            p.officers = report.officers;
            p.people = report.officers;
            p.locations.push_back(location(ctx, sec.first_page, sec.last_page));
            p.text = sec.text;
            p.page_starts = shifted(sec.page_starts, 0, p.locations.front().pages.size());
            claim(sec.first_page, sec.last_page);
            out.push_back(std::move(p));
        }
    }

    for (const auto& part : doc.parts) {
        if (part.kind != PartKind::kAgenda || doc.agenda.empty()) continue;
        for (const auto& item : doc.agenda) {
            Passage p;
            p.council = pack_council;
            p.key = "agenda/" + FileContext::segment(pack_council) + slug_or(pack_committee.value_or(""), file.file_id) + "/" +
                    (ctx.pack_date.empty() ? file.file_id : ctx.pack_date) + "/" + item.number;
            p.type = PassageType::kAgenda;
            p.part = PartKind::kAgenda;
            p.title = item.title;
            p.committee = pack_committee;
            p.meeting_date = optional_of(ctx.pack_date);
            p.locations.push_back(location(ctx, item.page, item.page));
            p.text = item.number + ". " + item.title;
            out.push_back(std::move(p));
        }
        // The front sheet's pages stay page passages too: agenda items hold
        // only their titles, and every word of a page must be found.
    }

    // Pages nobody claimed stay page passages, with what is known of them.
    std::vector<PageText> rest;
    for (const auto& page : pages) {
        if (!claimed.count(page.number)) rest.push_back(page);
    }
    for (Passage& p : page_passages(file, rest)) {
        int page = p.locations.front().pages.front();
        for (const auto& part : doc.parts) {
            if (page >= part.first_page && page <= part.last_page) p.part = part.kind;
        }
        name_council(p, pack_council);
        p.committee = pack_committee;
        p.meeting_date = optional_of(ctx.pack_date);
        p.locations.front().pack_date = ctx.pack_date;
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace

std::vector<Passage> make_passages(const FileInfo& file, const std::vector<PageText>& pages,
                                   FileFindings* findings) {
    return make_passages(file, pages, understand(pages), findings);
}

std::vector<Passage> make_passages(const FileInfo& file, const std::vector<PageText>& pages,
                                   const DocumentStructure& doc, FileFindings* findings) {
    std::string named = doc.meeting ? canonical_council(doc.meeting->council) : "";
    for (const auto& m : doc.minutes) {
        if (named.empty()) named = canonical_council(m.meeting.council);
    }
    std::vector<Passage> out = passages_of(file, pages, doc, named);
    if (findings) {
        findings->text_council = named;
        const bool pages_only = std::all_of(out.begin(), out.end(), [](const Passage& p) {
            return p.type == PassageType::kPage;
        });
        findings->pages_only.clear();
        if (!out.empty() && pages_only) {
            findings->pages_only = doc.minutes_finding == MinutesFinding::kNoHeader
                                       ? "no minutes header, agenda or report recognised"
                                       : describe(doc.minutes_finding);
        }
    }
    return out;
}

}  // namespace minutebook
