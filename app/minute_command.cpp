#include <iostream>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "app/args.h"
#include "app/commands.h"
#include "app/index_location.h"
#include "query/citation.h"
#include "query/minute_ref.h"

namespace minutebook {
namespace {

const char* kHelp = R"(Usage: minutebook minute [--db DIR] [--json] REFERENCE...

Finds a minute item from a reference as a clerk types it and prints its
meeting, title, resolution, where it stands (every file and page, the copy
to cite first), the minutes it cites, the later minutes and action-log rows
that cite it, and a citation to paste. Without an index yet, the bundled
archive (corpus/) is indexed first.

A reference is a minute number with, in any order, a committee (any variant:
"CYP", "Children and Young People"), a meeting date or year, and the words
minute, min or item:
  minutebook minute 232
  minutebook minute CYP 232
  minutebook minute minute 232 2024
  minutebook minute Children and Young People 8 October 2024 minute 232
  minutebook minute Corporate Parenting 22 May 2019 item 103

When several items match, they are listed (exit status 0); when none does,
the command says so (exit status 1).

Options (each also as --name=value):
  --db DIR   the index to look in; repeat it for several databases
             (shards), each a folder or tcp://HOST:PORT
  --vocabulary DIR   the shards' vocabulary (minutebook vocabulary)
  --json     print a JSON object instead: the item as a search result plus
             "citation", "cites", "cited_by" and "candidates" (the items
             to choose from when the reference names several)
)";

std::string pages_of(const std::vector<int>& pages) {
    if (pages.size() == 1) return "p. " + std::to_string(pages.front());
    return "pp. " + std::to_string(pages.front()) + "-" + std::to_string(pages.back());
}

std::string describe(const MinuteReference& r) {
    std::string out = "minute " + r.number;
    for (size_t i = 0; i < r.committees.size(); ++i) out += (i == 0 ? " of " : " or ") + r.committees[i];
    if (!r.date.empty()) out += (r.date.size() == 4 ? " in " : " of ") + long_date(r.date);
    return out;
}

void print_indented(const std::string& text, std::ostream& out) {
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        if (line.find_first_not_of(' ') != std::string::npos) out << "  " << line << "\n";
        start = end + 1;
    }
}

void print_item(const MinuteLookup& lookup, std::ostream& out) {
    const Passage& p = *lookup.resolved();
    out << p.committee.value_or("(committee unknown)") << ", "
        << (p.meeting_date ? long_date(*p.meeting_date) : "undated") << ", minute " << p.minute.value_or("?")
        << "\n" << (p.title.empty() ? "(untitled)" : p.title) << "\n\n";
    if (p.decision) {
        out << "Resolution (" << p.decision->kind << "):\n";
        print_indented(p.decision->text, out);
    } else {
        out << "Resolution: none recorded\n";
    }
    out << "\nWhere it stands:\n";
    for (const auto& l : p.locations) {
        out << "  " << l.file << ", " << pages_of(l.pages);
        if (!l.pack_date.empty()) out << " (agenda pack of " << long_date(l.pack_date) << ")";
        if (l.ocr) out << " [OCR]";
        out << "\n";
    }
    out << "\nCites:";
    if (lookup.cites.empty()) out << " no other minute";
    out << "\n";
    for (const auto& c : lookup.cites) {
        out << "  minute " << c.number << ": ";
        if (c.minute) {
            out << c.minute->title << " - " << citation(*c.minute) << "\n";
        } else {
            out << "not in the index\n";
        }
    }
    out << "\nCited by:";
    if (lookup.cited_by.empty()) out << " nothing in the index";
    out << "\n";
    for (const auto& c : lookup.cited_by) {
        std::string facts;
        for (const auto& o : c.officers) facts += (facts.empty() ? "" : ", ") + o;
        if (c.status) facts += (facts.empty() ? "" : "; ") + c.status_text.value_or(*c.status);
        out << "  " << to_string(c.type) << ": " << c.title << (facts.empty() ? "" : " (" + facts + ")") << "\n    "
            << citation(c) << "\n";
    }
    out << "\nCitation:\n  " << citation(p) << "\n";
}

void print_candidates(const MinuteLookup& lookup, std::ostream& out) {
    out << "'" << lookup.text << "' names " << lookup.matches.size() << " minute items:\n";
    int n = 0;
    for (const auto& p : lookup.matches) out << "  " << ++n << ". " << p.title << " - " << citation(p) << "\n";
    out << "Add the committee or the meeting's date to choose one.\n";
}

}  // namespace

int run_minute(const std::vector<std::string>& argv) {
    Args args(argv, {{"db", "vocabulary"}, {"json", "help"}});
    if (args.flag("help")) {
        std::cout << kHelp;
        return 0;
    }
    std::string text;
    for (const auto& word : args.positional()) text += (text.empty() ? "" : " ") + word;
    if (text.empty()) throw UsageError("give a minute reference, such as 'CYP 232' or 'minute 232 2024'.");

    IndexLocation location = index_location(args);
    index_bundled_archive_if_missing(location, args);
    TemporaryVocabulary vocabulary(location);
    const Xapian::Database db = open_index(location).passages;
    const MinuteLookup lookup = look_up_minute(db, text);
    if (!lookup.reference) {
        std::string known;
        for (const auto& c : index_committees(db)) known += (known.empty() ? "" : "; ") + c;
        throw UsageError("'" + text +
                         "' is not a minute reference: give a minute number, with a committee the index knows (" +
                         (known.empty() ? "none yet" : known) + "), a date or a year, as in 'CYP 232'.");
    }
    if (args.flag("json")) {
        std::cout << to_json(lookup).dump(2) << "\n";
    } else if (lookup.resolved()) {
        print_item(lookup, std::cout);
    } else if (!lookup.matches.empty()) {
        print_candidates(lookup, std::cout);
    }
    if (lookup.matches.empty()) {
        std::cerr << "minutebook minute: no " << describe(*lookup.reference) << " in the index.\n";
        return 1;
    }
    return 0;
}

}  // namespace minutebook
