// Structure recognition measured on the hand-checked labels of other
// councils' minutes (../shared/corpus/councils/labels.jsonl, LABELS.md).
//
// A found minute item matches a label when their pages agree and their
// numbers agree with case, spaces and trailing punctuation folded; for a
// label without a number, when the pages agree and the label's folded title
// is a prefix of the found item's folded title. Each label and each found
// item match once. The figures per body are printed (run the test binary
// alone to read them: `build/tests/councils_test`) and held to floors at what
// the recognisers reach today, so that a regression fails.
//
// Exits with 77 (ctest: skipped) where ../shared/corpus is absent.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/committees.h"
#include "indexer/extract.h"
#include "indexer/structure.h"
#include "run_command.h"
#include "test_paths.h"

using nlohmann::json;
using namespace minutebook;
namespace fs = std::filesystem;

namespace {

constexpr int kSkipped = 77;

// "5a." -> "5a", " 14 / 037: " -> "14/037": case and spaces folded, trailing
// punctuation dropped.
std::string fold_number(std::string_view number) {
    std::string out;
    for (char c : number) {
        if (std::isspace(static_cast<unsigned char>(c))) continue;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    while (!out.empty() && std::string_view(".:)-,;").find(out.back()) != std::string_view::npos)
        out.pop_back();
    return out;
}

// Lower-case ASCII letters and digits, every other run of bytes one space:
// "Councillors’ Updates:" and "councillors updates" agree.
std::string fold_title(std::string_view title) {
    std::string out;
    for (char c : title) {
        auto u = static_cast<unsigned char>(c);
        if (u < 128 && std::isalnum(u)) {
            out += static_cast<char>(std::tolower(u));
        } else if (!out.empty() && out.back() != ' ') {
            out += ' ';
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool title_prefix(const std::string& label, const std::string& found) {
    std::string l = fold_title(label), f = fold_title(found);
    return !l.empty() && f.compare(0, l.size(), l) == 0 &&
           (f.size() == l.size() || f[l.size()] == ' ');
}

struct Found {
    std::string number;
    std::string title;
    int page = 0;
};

// For each label, the index of the found item it matches (-1: none), each
// label and item used once.
std::vector<int> match_labels(const json& labels, const std::vector<Found>& found) {
    std::vector<bool> used(found.size(), false);
    std::vector<int> out;
    for (const auto& label : labels) {
        out.push_back(-1);
        int page = label["page"].get<int>();
        bool numbered = label["number"].is_string();
        for (size_t f = 0; f < found.size(); ++f) {
            if (used[f] || found[f].page != page) continue;
            bool ok = numbered ? fold_number(label["number"].get<std::string>()) ==
                                     fold_number(found[f].number)
                               : title_prefix(label["title"].get<std::string>(), found[f].title);
            if (!ok) continue;
            used[f] = true;
            out.back() = static_cast<int>(f);
            break;
        }
    }
    return out;
}

int count_matches(const json& labels, const std::vector<Found>& found) {
    int matched = 0;
    for (int m : match_labels(labels, found)) matched += m >= 0 ? 1 : 0;
    return matched;
}

// Names compared as a person reads them: case and punctuation folded.
bool same_name(const std::string& label, const std::string& found) {
    return !found.empty() && fold_title(label) == fold_title(found);
}

struct Figures {
    int documents = 0;
    int labelled = 0;
    int found = 0;
    int matched = 0;
    int dates = 0;
    int councils = 0;
    int committees = 0;
    Figures& operator+=(const Figures& o) {
        documents += o.documents;
        labelled += o.labelled;
        found += o.found;
        matched += o.matched;
        dates += o.dates;
        councils += o.councils;
        committees += o.committees;
        return *this;
    }
};

// Calls row(name, figures) for each body, then for "all" with their sum.
template <class F, class Row>
void each_row(const std::map<std::string, F>& bodies, Row row) {
    F all;
    for (const auto& [name, f] : bodies) {
        row(name, f);
        all += f;
    }
    row("all", all);
}

std::string percent(int part, int whole) {
    if (whole == 0) return "-";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f%%", 100.0 * part / whole);
    return buf;
}

void print_table(const std::map<std::string, Figures>& bodies, std::ostream& out) {
    char line[256];
    std::snprintf(line, sizeof line, "%-38s %4s %7s %5s %7s %6s %9s %5s %7s %9s\n", "body", "docs",
                  "labels", "found", "matched", "recall", "precision", "dates", "council",
                  "committee");
    out << line;
    each_row(bodies, [&](const std::string& name, const Figures& f) {
        std::snprintf(line, sizeof line,
                      "%-38s %4d %7d %5d %7d %6s %9s %2d/%-2d %3d/%-3d %4d/%-4d\n", name.c_str(),
                      f.documents, f.labelled, f.found, f.matched,
                      percent(f.matched, f.labelled).c_str(), percent(f.matched, f.found).c_str(),
                      f.dates, f.documents, f.councils, f.documents, f.committees, f.documents);
        out << line;
    });
}

// What the recognisers reach on each body today: a change that finds fewer
// must say why.
struct Floor {
    const char* body;
    int matched;
    double precision;  // of the found items, the share that match a label
    int dates;
    int councils;
    int committees;
};
const Floor kFloors[] = {
    {"Garelochhead Community Council", 110, 1.0, 10, 10, 10},
    {"Lincoln Township Board", 42, 1.0, 5, 5, 5},
    {"Lincoln Township Planning Commission", 32, 1.0, 3, 3, 3},
    {"Suffolk Libraries IPS", 36, 1.0, 3, 3, 3},
};

// ../shared/corpus/councils; exits as skipped where it is absent.
fs::path labelled_dir_or_skip() {
    const fs::path dir =
        test::shared_corpus_dir().empty() ? fs::path() : test::shared_corpus_dir() / "councils";
    if (dir.empty() || !fs::exists(dir / "labels.jsonl")) {
        std::cerr << "../shared/corpus/councils is absent: skipped\n";
        std::exit(kSkipped);
    }
    return dir;
}

struct Labelled {
    json label;
    std::string file;
    DocumentStructure doc;
};

// Every labelled document of labels.jsonl, read and understood once for all
// the test cases.
const std::vector<Labelled>& labelled_documents(const fs::path& dir) {
    static std::vector<Labelled> documents;
    if (!documents.empty()) return documents;
    std::ifstream in(dir / "labels.jsonl");
    for (std::string text; std::getline(in, text);) {
        if (text.empty()) continue;
        json label = json::parse(text);
        const std::string file = label["file"].get<std::string>();
        ExtractResult r = extract_pdf((dir / file).string());
        INFO(file);
        REQUIRE(r.ok());
        documents.push_back(Labelled{label, file, understand(r.pages)});
    }
    return documents;
}

}  // namespace

TEST_CASE("minute items, dates and bodies of other councils' minutes are found as labelled",
          "[councils]") {
    const fs::path dir = labelled_dir_or_skip();
    std::map<std::string, Figures> bodies;
    std::ostringstream misses;
    for (const auto& [label, file, d] : labelled_documents(dir)) {
        INFO(file);
        // Every labelled minutes document is understood: none is below confidence.
        CHECK(to_string(d.minutes_finding) == std::string("items"));

        std::vector<Found> found;
        std::string date, council, committee;
        for (const auto& m : d.minutes) {
            if (date.empty()) date = m.meeting.date;
            if (council.empty()) council = m.meeting.council;
            if (committee.empty()) committee = m.meeting.committee;
            for (const auto& item : m.items)
                found.push_back(Found{item.number, item.title, item.first_page});
        }
        Figures& f = bodies[label["body"].get<std::string>()];
        const json& items = label["items"];
        int matched = count_matches(items, found);
        f.documents += 1;
        f.labelled += static_cast<int>(items.size());
        f.found += static_cast<int>(found.size());
        f.matched += matched;
        f.dates += date == label["meeting_date"].get<std::string>() ? 1 : 0;
        f.councils += same_name(label["council"].get<std::string>(), council) ? 1 : 0;
        f.committees += same_name(label["committee"].get<std::string>(), committee) ? 1 : 0;
        misses << file << ": " << matched << "/" << items.size() << " items (found " << found.size()
               << "), date " << (date.empty() ? "-" : date) << " ("
               << label["meeting_date"].get<std::string>() << "), council '" << council
               << "', committee '" << committee << "'\n";
    }
    std::ostringstream table;
    print_table(bodies, table);
    std::cout << table.str() << "\n" << misses.str();
    INFO(table.str());
    for (const Floor& floor : kFloors) {
        INFO(floor.body);
        REQUIRE(bodies.count(floor.body) == 1);
        const Figures& f = bodies[floor.body];
        CHECK(f.matched >= floor.matched);
        CHECK(f.matched >= floor.precision * f.found);
        CHECK(f.dates >= floor.dates);
        CHECK(f.councils >= floor.councils);
        CHECK(f.committees >= floor.committees);
    }
}

namespace {

// A printed name as the label gives it ("Ensign", "Margaret", "Vice Chair")
// agrees with the canonical name found ("Sue Ensign") when each of its
// words is one of the found name's words.
bool same_person(const json& label, const std::string& found) {
    if (!label.is_string()) return found.empty();
    std::istringstream want(fold_title(label.get<std::string>()));
    std::set<std::string> have;
    std::istringstream f(fold_title(found));
    for (std::string w; f >> w;) have.insert(w);
    bool any = false;
    for (std::string w; want >> w;) {
        if (!have.count(w)) return false;
        any = true;
    }
    return any;
}

// A vote side against its label: null (not stated), a count, or names.
bool same_side(const json& label, const std::optional<VoteSide>& found) {
    if (label.is_null()) return !found;
    if (!found) return false;
    if (label.is_number()) return label.get<int>() == found->count;
    if (label.size() != found->names.size()) return false;
    for (const auto& name : label) {
        bool any = false;
        for (const auto& n : found->names) any = any || same_person(name, n);
        if (!any) return false;
    }
    return true;
}

struct DecisionFigures {
    int labelled = 0;  // items whose label records a decision
    int found = 0;     // matched items found with a decision
    int right = 0;     // both
    int motions = 0;   // labelled motions
    int movers = 0, seconders = 0, results = 0, votes = 0;
    int outsiders = 0;  // votes given to someone not at the meeting
    DecisionFigures& operator+=(const DecisionFigures& o) {
        labelled += o.labelled;
        found += o.found;
        right += o.right;
        motions += o.motions;
        movers += o.movers;
        seconders += o.seconders;
        results += o.results;
        votes += o.votes;
        outsiders += o.outsiders;
        return *this;
    }
};

}  // namespace

// Decisions and motions measured on every labelled item (LABELS.md): an
// item's decision is found when the recognisers give it a resolution; its
// first motion's mover, seconder and result, and its vote sides, agree with
// the label's. Labels whose item is not found count as missed decisions.
TEST_CASE("decisions and motions of other councils' minutes are found as labelled", "[councils][decisions]") {
    const fs::path dir = labelled_dir_or_skip();
    std::map<std::string, DecisionFigures> bodies;
    std::ostringstream misses;
    for (const auto& [label, file, d] : labelled_documents(dir)) {
        std::vector<Found> found;
        std::vector<const MinuteItem*> items;
        std::set<std::string> attendees;
        for (const auto& m : d.minutes) {
            for (const auto* list : {&m.attendance.present, &m.attendance.in_attendance, &m.attendance.absent})
                attendees.insert(list->begin(), list->end());
            if (!m.attendance.chair.empty()) attendees.insert(m.attendance.chair);
            for (const auto& item : m.items) {
                found.push_back(Found{item.number, item.title, item.first_page});
                items.push_back(&item);
            }
        }
        DecisionFigures& f = bodies[label["body"].get<std::string>()];
        const json& labels = label["items"];
        const std::vector<int> match = match_labels(labels, found);
        for (size_t i = 0; i < labels.size(); ++i) {
            const json& l = labels[i];
            const MinuteItem* item = match[i] >= 0 ? items[static_cast<size_t>(match[i])] : nullptr;
            const bool want = l["decision"].get<bool>();
            const bool got = item && item->resolution;
            f.labelled += want ? 1 : 0;
            f.found += got ? 1 : 0;
            f.right += want && got ? 1 : 0;
            const std::string where = file + " item " + (l["number"].is_string() ? l["number"].get<std::string>() : "-") +
                                      " '" + l["title"].get<std::string>() + "'";
            if (want != got)
                misses << where << ": decision " << (want ? "missed" : "found, not labelled") << "\n";
            if (item) {
                for (const auto& m : item->motions) {
                    for (const auto* side : {&m.votes_for, &m.against, &m.abstain, &m.absent}) {
                        if (!*side) continue;
                        for (const auto& n : (*side)->names) f.outsiders += attendees.count(n) ? 0 : 1;
                    }
                }
            }
            if (!l.contains("motion")) continue;
            const json& lm = l["motion"];
            f.motions += 1;
            const Motion* m = item && !item->motions.empty() ? &item->motions.front() : nullptr;
            const bool mover = m ? same_person(lm["moved_by"], m->moved_by) : false;
            const bool seconder = m ? same_person(lm["seconded_by"], m->seconded_by) : false;
            const std::string result = m ? to_string(m->result) : "";
            const bool result_right = m && (lm["result"].is_null() ? result.empty() : lm["result"] == result);
            const bool votes = m && same_side(lm["for"], m->votes_for) && same_side(lm["against"], m->against) &&
                               same_side(lm["abstain"], m->abstain) && same_side(lm["absent"], m->absent);
            f.movers += mover ? 1 : 0;
            f.seconders += seconder ? 1 : 0;
            f.results += result_right ? 1 : 0;
            f.votes += votes ? 1 : 0;
            if (!m) {
                misses << where << ": motion not found\n";
            } else if (!mover || !seconder || !result_right || !votes) {
                misses << where << ": motion " << m->moved_by << " / " << m->seconded_by << " / " << result
                       << (votes ? "" : " (votes differ)") << ", label " << lm.dump() << "\n";
            }
        }
    }
    std::ostringstream table;
    char line[256];
    std::snprintf(line, sizeof line, "%-38s %8s %6s %6s %9s %7s %7s %9s %7s %6s %9s\n", "body", "labelled",
                  "found", "recall", "precision", "motions", "movers", "seconders", "results", "votes",
                  "outsiders");
    table << line;
    DecisionFigures all;
    for (const auto& [name, f] : bodies) all += f;
    each_row(bodies, [&](const std::string& name, const DecisionFigures& f) {
        std::snprintf(line, sizeof line, "%-38s %8d %6d %6s %9s %7d %7d %9d %7d %6d %9d\n", name.c_str(), f.labelled,
                      f.found, percent(f.right, f.labelled).c_str(), percent(f.right, f.found).c_str(), f.motions,
                      f.movers, f.seconders, f.results, f.votes, f.outsiders);
        table << line;
    });
    std::cout << table.str() << "\n" << misses.str();
    INFO(table.str());
    CHECK(all.outsiders == 0);
    // What the recognisers reach on each body today (found decisions that
    // match, of labelled and of found; motions whose mover, seconder and
    // result are right): a change that finds fewer must say why.
    struct DecisionFloor {
        const char* body;
        int right;
        int found_at_most;
        int motions_right;
    };
    static const DecisionFloor kDecisionFloors[] = {
        {"Garelochhead Community Council", 21, 21, 12},
        {"Lincoln Township Board", 19, 19, 19},
        {"Lincoln Township Planning Commission", 9, 9, 9},
        {"Suffolk Libraries IPS", 14, 14, 4},
    };
    for (const auto& floor : kDecisionFloors) {
        INFO(floor.body);
        REQUIRE(bodies.count(floor.body) == 1);
        const DecisionFigures& f = bodies[floor.body];
        CHECK(f.right >= floor.right);
        CHECK(f.found - f.right <= floor.found_at_most - floor.right);
        CHECK(std::min({f.movers, f.seconders, f.results}) >= floor.motions_right);
    }
}

TEST_CASE("attendance, chair and status of other councils' minutes are read in their printed forms",
          "[councils][attendance]") {
    const fs::path dir = labelled_dir_or_skip();
    // Counted on the first page of each; names as the page prints them.
    struct Case {
        const char* file;
        size_t present;
        size_t apologies;
        const char* absent;  // names joined by '|'
        const char* chair;
        int public_count;  // -1: not printed as a count
        size_t public_names;
        const char* status;  // "" when not printed
    };
    static const Case kCases[] = {
        // "PRESENT" in a table column, a rule between name and post.
        {"uk_garelochhead-cc_minutes_1999-11-18.pdf", 7, 0, "", "C Lyne", -1, 0, ""},
        // "Members Present:" over names with their posts beside them.
        {"uk_garelochhead-cc_minutes_2016-10-25.pdf", 6, 6, "", "Watson Robinson", -1, 0, ""},
        {"uk_garelochhead-cc_minutes_2018-03-20.pdf", 10, 1, "", "Watson Robinson", -1, 7, ""},
        {"uk_garelochhead-cc_minutes_2020-06-16.pdf", 9, 2, "", "Watson Robinson", -1, 1, "draft"},
        {"uk_garelochhead-cc_minutes_2021-03-16.pdf", 7, 4, "", "Watson Robinson", 0, 0, "adopted"},
        {"uk_garelochhead-cc_minutes_2021-06-15.pdf", 6, 4, "", "Watson Robinson", -1, 1,
         "approved"},
        // "Attendees" with the list in the cell beside it.
        {"uk_suffolk-libraries_minutes_2013-03-26.pdf", 8, 0, "", "Shona Bendix", -1, 0, ""},
        // Roll calls in the opening sentence.
        {"us_lincolntwp-board_minutes_2018-04-10.pdf", 5, 0, "", "", 12, 0, "unapproved"},
        {"us_lincolntwp-board_minutes_2019-03-21.pdf", 4, 0, "Ensign", "", 2, 0, ""},
        {"us_lincolntwp-planning_minutes_2019-04-02.pdf", 5, 0, "Reid Duford", "Sheila Mesler", -1,
         0, ""},
        {"us_lincolntwp-planning_minutes_2020-07-21.pdf", 3, 0, "Andrew Acker|David Dauer",
         "Susan Ensign", -1, 0, ""},
    };
    for (const Case& c : kCases) {
        INFO(c.file);
        ExtractResult r = extract_pdf((dir / c.file).string());
        REQUIRE(r.ok());
        DocumentStructure d = understand(r.pages);
        REQUIRE(!d.minutes.empty());
        const Minutes& m = d.minutes.front();
        const Attendance& a = m.attendance;
        std::string absent;
        for (const auto& n : a.absent) absent += (absent.empty() ? "" : "|") + n;
        CHECK(a.present.size() == c.present);
        CHECK(a.apologies.size() == c.apologies);
        CHECK(absent == c.absent);
        CHECK(a.chair == c.chair);
        CHECK(a.public_count.value_or(-1) == c.public_count);
        CHECK(a.public_members.size() == c.public_names);
        CHECK(std::string(to_string(m.status)) == c.status);
    }
}

// Minutes set out as a bulleted outline without numbers: the bullets that
// read as headings are the items, in two bodies' layouts. Garelochhead
// Community Council's 16 June 2020 minutes (Word bullets where the numbers
// were, a sub-heading bullet straight under its item, a list of incidents
// announced by a colon, bullets in the cells of an action table, numbered
// items 8 and 9 after them) and Chicago SSA #21's commission minutes (bullets
// in the Symbol font, on a baseline of their own, over "o" points).
TEST_CASE("a bulleted outline's heading bullets are its minute items (Garelochhead CC, Chicago SSA #21)",
          "[councils][structure]") {
    const fs::path dir = labelled_dir_or_skip();
    struct Case {
        fs::path file;
        std::vector<std::string> titles;
    };
    const Case kCases[] = {
        {dir / "uk_garelochhead-cc_minutes_2020-06-16.pdf",
         {"Introductions and welcome", "Minutes of previous meetings", "Police Report",
          "Committee Reports and COVID 19 Measures", "Councillor's Updates", "Questions from Public", "AOB",
          "Date of the next meeting", "Actions for follow-up at next meeting"}},
        {dir.parent_path() / "real" / "us_chicago_ssa21_commission_minutes_2018-01-29.pdf",
         {"Perfunctory Business", "Todd Feinberg welcomed to SSA Commission", "Updates", "New Business",
          "Announcements", "Meeting adjourned at 11:25am"}},
    };
    for (const Case& c : kCases) {
        INFO(c.file.filename().string());
        ExtractResult r = extract_pdf(c.file.string());
        REQUIRE(r.ok());
        DocumentStructure d = understand(r.pages);
        REQUIRE(d.minutes.size() == 1);
        std::vector<std::string> titles;
        for (const auto& item : d.minutes.front().items) titles.push_back(item.title);
        CHECK(titles == c.titles);
    }
    // The motions under them keep their movers and seconders.
    ExtractResult r = extract_pdf((dir / "uk_garelochhead-cc_minutes_2020-06-16.pdf").string());
    const DocumentStructure d = understand(r.pages);
    const auto& items = d.minutes.front().items;
    REQUIRE(items.size() == 9);
    REQUIRE(items[3].motions.size() == 1);  // "the proposed Planning Application" names no mover
    CHECK(items[3].motions[0].moved_by == "Gemma Kimmet");
    CHECK(items[3].motions[0].seconded_by == "Margaret Stratton");
    // "Fiona Robinson agreed to take on the position": her undertaking, not the result.
    CHECK(items[3].motions[0].result == MotionResult::kNotStated);
}

// A US agenda packet: the agenda, the previous meeting's minutes with their
// own heading and date, then a staff report in memo form. The Norwalk
// Housing Authority's packet of 15 November 2022, checked against pp. 3-5:
// unnumbered headings in capitals over their paragraphs, a consent
// calendar's roll call with footnote marks on two names ("*Davis,
// **Hernandez") and "NOES: None".
TEST_CASE("the previous minutes inside a US agenda packet are read with their own date (Norwalk Housing Authority)",
          "[councils][structure]") {
    const fs::path dir = labelled_dir_or_skip();
    const fs::path pdf = dir.parent_path() / "real" / "us_norwalk_housing_authority_agenda_packet_2022-11-15.pdf";
    ExtractOptions options;
    options.ocr = OcrMode::kNever;  // the warrant listings after the report are scans
    ExtractResult r = extract_pdf(pdf.string(), options);
    REQUIRE(r.ok());
    const DocumentStructure d = understand(r.pages);
    REQUIRE(d.meeting);
    CHECK(d.meeting->date == "2022-11-15");
    REQUIRE(d.minutes.size() == 1);
    const Minutes& m = d.minutes.front();
    CHECK(m.meeting.date == "2022-10-18");
    CHECK(m.meeting.committee == "Norwalk Housing Authority");
    CHECK(m.first_page == 3);
    CHECK(m.last_page <= 5);
    std::vector<std::string> titles;
    for (const auto& item : m.items) titles.push_back(item.title.substr(0, 40));
    CHECK(titles == std::vector<std::string>{"Chair Ramirez called the hybrid meeting ", "CONSENT CALENDAR", "MINUTES",
                                             "WARRANTS", "COMMUNITY DEVELOPMENT DIRECTOR REPORT",
                                             "ORAL COMMUNICATIONS", "ADJOURNMENT"});
    REQUIRE(m.items.size() == 7);
    // "Commissioner Perez moved and Chair Ramirez seconded ... MOTION CARRIED BY THE FOLLOWING ROLL CALL VOTE".
    REQUIRE(m.items[1].motions.size() == 1);
    const Motion& consent = m.items[1].motions[0];
    CHECK(consent.moved_by == "Perez");
    CHECK(consent.seconded_by == "Ramirez");
    CHECK(consent.result == MotionResult::kCarried);
    REQUIRE(consent.votes_for);
    CHECK(consent.votes_for->names == std::vector<std::string>{"Davis", "Hernandez", "Perez", "Valencia", "Ramirez"});
    REQUIRE(consent.against);
    CHECK(consent.against->count == 0);
    REQUIRE(consent.absent);
    CHECK(consent.absent->names == std::vector<std::string>{"Ayala", "Rios"});
    // "The Housing Authority approved the minutes ...": the Authority decides.
    for (size_t k : {size_t{2}, size_t{3}}) {
        INFO(m.items[k].title);
        REQUIRE(m.items[k].resolution);
        CHECK(m.items[k].resolution->kind == "approved");
    }
    CHECK_FALSE(m.items[4].resolution);
    // The running heading at the top of p. 4 goes on with the same minutes;
    // the staff report after the signatures is a report of its own, titled
    // by its subject.
    REQUIRE(d.reports.size() == 1);
    CHECK(d.reports[0].first_page == 5);
    CHECK(d.reports[0].title ==
          "HOUSING ASSISTANCE PAYMENTS PROGRAM - APPROVE WARRANT RUN OCTOBER 15, 2022 - NOVEMBER 1, 2022");
}

// A clerk sees which papers the archive knows only as pages: Horsley Parish
// Council's minutes (a text layer of garbled glyphs, read here without OCR,
// which would recover its words) beside minutes that are understood: Lincoln
// Township's and Garelochhead Community Council's, and the commission
// minutes of Chicago's Special Service Area 21, a bulleted outline without
// numbers.
TEST_CASE("index and stats list the files known only as pages, and count each body's meetings and items",
          "[councils][stats]") {
    const fs::path dir = labelled_dir_or_skip();
    test::TempDir tmp("minutebook-pages-only");
    const fs::path archive = tmp.path() / "archive";
    fs::create_directories(archive);
    const fs::path chicago = dir.parent_path() / "real" / "us_chicago_ssa21_commission_minutes_2018-01-29.pdf";
    REQUIRE(fs::exists(chicago));
    fs::copy_file(chicago, archive / chicago.filename());
    for (const char* file : {"uk_horsley-pc_minutes_2014-03-18.pdf", "us_lincolntwp-board_minutes_2018-04-10.pdf",
                             "uk_garelochhead-cc_minutes_2021-06-15.pdf"})
        fs::copy_file(dir / file, archive / file);
    const std::string db = (tmp.path() / "db").string();
    auto run = test::run_minutebook("index --ocr never --db " + test::quote(db) + " " + test::quote(archive.string()));
    REQUIRE(run.status == 0);
    CHECK(run.err.find("  pages   uk_horsley-pc_minutes_2014-03-18.pdf: no minutes header, agenda or report "
                       "recognised\n") != std::string::npos);
    CHECK(run.err.find("1 file known only as pages") != std::string::npos);
    CHECK(run.err.find("pages   us_lincolntwp") == std::string::npos);
    CHECK(run.err.find("pages   us_chicago") == std::string::npos);

    auto text = test::run_minutebook("stats --db " + test::quote(db));
    REQUIRE(text.status == 0);
    INFO(text.out);
    CHECK(text.out.find("Pages only: 1 file whose") != std::string::npos);
    CHECK(text.out.find("  (council not named) / Lincoln Square Special Service Area 21: 1 meeting, 6 minute items\n") !=
          std::string::npos);
    CHECK(text.out.find("  Lincoln Township / Lincoln Township Board: 1 meeting, 11 minute items\n") != std::string::npos);
    CHECK(text.out.find("  Garelochhead Community Council / Garelochhead Community Council: 1 meeting, 7 minute items\n") !=
          std::string::npos);

    auto j = json::parse(test::run_minutebook("stats --json --db " + test::quote(db)).out);
    REQUIRE(j["pages_only"].size() == 1);
    CHECK(j["pages_only"][0]["file"] == "uk_horsley-pc_minutes_2014-03-18.pdf");
    bool lincoln = false;
    for (const auto& b : j["bodies"]) {
        if (b["committee"] == "Lincoln Township Board") {
            lincoln = true;
            CHECK(b["council"] == "Lincoln Township");
            CHECK(b["meetings"] == 1);
            CHECK(b["minute_items"] == 11);
        }
    }
    CHECK(lincoln);
}
