#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/args.h"
#include "app/commands.h"
#include "indexer/extract.h"
#include "indexer/passages.h"
#include "indexer/structure.h"

namespace minutebook {
namespace {

const char* kHelp = R"(Usage: minutebook inspect [--json] [--passwords FILE] FILE

Shows what Minutebook understands of one PDF: its parts with page ranges,
the meeting it is for, the minutes it carries (their meeting, attendance,
minute items with resolutions and decision kinds), the action log, reports
(author, key decision, forward plan reference, contacts) and the people
named; and, for a file that gave no minute items, why (no minutes header
found, no items under the header, numbers that do not run in sequence), and
whether the index would know it only as plain pages. Nothing is written to
the index.

Options:
  --json            print it as JSON
  --passwords FILE  passwords to try if the file is encrypted, one per line
)";

std::string pages_of(int first, int last) {
    return first == last ? "p. " + std::to_string(first)
                         : "pp. " + std::to_string(first) + "-" + std::to_string(last);
}

void print_structure(const DocumentStructure& d, std::ostream& out) {
    if (d.meeting) {
        out << "Meeting: " << d.meeting->committee << ", " << d.meeting->date;
        if (!d.meeting->time.empty()) out << ", " << d.meeting->time;
        if (!d.meeting->venue.empty()) out << ", " << d.meeting->venue;
        out << "\n";
    }
    if (!d.parts.empty()) out << "\nParts:\n";
    for (const auto& p : d.parts) {
        out << "  " << to_string(p.kind) << " (" << pages_of(p.first_page, p.last_page) << ")";
        if (!p.title.empty()) out << ": " << p.title;
        out << "\n";
    }
    if (!d.agenda.empty()) out << "\nAgenda:\n";
    for (const auto& a : d.agenda) out << "  " << a.number << ". " << a.title << " (p. " << a.page << ")\n";
    for (const auto& m : d.minutes) {
        out << "\nMinutes of " << (m.meeting.committee.empty() ? "?" : m.meeting.committee) << ", "
            << (m.meeting.date.empty() ? "undated" : m.meeting.date) << " ("
            << pages_of(m.first_page, m.last_page) << ")\n";
        if (!m.attendance.present.empty()) out << "  present: " << m.attendance.present.size() << " people\n";
        if (!m.attendance.chair.empty()) out << "  chair: " << m.attendance.chair << "\n";
        for (const auto& i : m.items) {
            out << "  " << (i.number.empty() ? "" : i.number + ". ") << i.title << " (" << pages_of(i.first_page, i.last_page) << ")";
            if (i.resolution) out << " -> " << i.resolution->kind;
            out << "\n";
            for (const auto& motion : i.motions) {
                out << "      motion:";
                if (!motion.moved_by.empty()) out << " moved " << motion.moved_by;
                if (!motion.seconded_by.empty()) out << ", seconded " << motion.seconded_by;
                if (motion.result != MotionResult::kNotStated) out << ", " << to_string(motion.result);
                if (motion.votes_for && motion.against)
                    out << " " << motion.votes_for->count << "-" << motion.against->count;
                out << "\n";
            }
        }
    }
    if (!d.actions.empty()) out << "\nActions:\n";
    for (const auto& a : d.actions) {
        out << "  minute " << (a.minute.empty() ? "?" : a.minute) << ": " << a.report_title << " - "
            << a.officer << " - " << (a.status == ActionStatus::kNotPrinted ? "?" : to_string(a.status)) << " (p. " << a.page << ")\n";
    }
    if (!d.reports.empty()) out << "\nReports:\n";
    for (const auto& r : d.reports) {
        out << "  " << (r.item.empty() ? "" : r.item + ". ") << r.title << " ("
            << pages_of(r.first_page, r.last_page) << ")";
        if (r.key_decision) out << (*r.key_decision ? ", key decision" : ", not a key decision");
        if (!r.forward_plan.empty()) out << ", forward plan " << r.forward_plan;
        out << "\n";
        if (!r.officers.empty()) {
            out << "    officers:";
            for (const auto& o : r.officers) out << " " << o << ";";
            out << "\n";
        }
    }
    if (!d.people.empty()) out << "\nPeople: " << d.people.size() << "\n";
    for (const auto& p : d.people) out << "  " << p.name << " (" << p.role << ")\n";
    if (d.minutes_finding != MinutesFinding::kItems) out << "\nNo minute items: " << describe(d.minutes_finding) << "\n";
}

}  // namespace

int run_inspect(const std::vector<std::string>& argv) {
    Args args(argv, {{"passwords"}, {"json", "help"}});
    if (args.flag("help")) {
        std::cout << kHelp;
        return 0;
    }
    if (args.positional().size() != 1) throw UsageError("give one PDF file to inspect.");
    const std::string path = args.positional()[0];
    if (!std::filesystem::is_regular_file(path)) throw UsageError("No such file: " + path);
    ExtractOptions options;
    if (auto file = args.value("passwords")) options.passwords = read_password_file(*file);
    ExtractResult r = extract_pdf(path, options);
    DocumentStructure d = r.ok() ? understand(r.pages) : DocumentStructure{};
    // What the index would make of it: known only as pages, and why.
    FileFindings findings;
    if (r.ok()) make_passages(FileInfo{std::filesystem::path(path).filename().string(), r.sha256}, r.pages, d, &findings);
    if (args.flag("json")) {
        nlohmann::json j = structure_to_json(d);
        j["file"] = std::filesystem::path(path).filename().string();
        j["sha256"] = r.sha256;
        j["status"] = to_string(r.status);
        j["message"] = r.message;
        j["page_count"] = r.page_count;
        j["pages_only"] = findings.pages_only.empty() ? nlohmann::json(nullptr) : nlohmann::json(findings.pages_only);
        std::cout << j.dump(1) << "\n";
    } else {
        std::cout << path << ": " << to_string(r.status) << ", " << r.page_count << " pages\n";
        if (!r.message.empty()) std::cout << "  " << r.message << "\n";
        if (r.ok()) print_structure(d, std::cout);
        if (!findings.pages_only.empty()) {
            std::cout << "Pages only: the index knows this file only as plain pages (" << findings.pages_only << ")\n";
        }
    }
    return r.ok() ? 0 : 1;
}

}  // namespace minutebook
