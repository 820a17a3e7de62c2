// Relevance over the bundled corpus: the queries of tests/relevance/queries.json,
// each with the answer checked by reading the page of the PDF, run through
// Searcher as the interfaces run them. Prints a table of hits and misses and
// fails when fewer than kMinHitRate of the queries find their answer in the
// first kDepth results.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "corpus_index.h"
#include "query/search.h"

using namespace minutebook;
using nlohmann::json;

namespace {

constexpr int kDepth = 5;
constexpr double kMinHitRate = 0.9;

// What a result must be for the query to count as answered. Unset fields
// match anything.
struct Expect {
    std::string file;
    std::vector<int> pages;  // acceptable values of the result's page
    std::optional<std::string> meeting_date;
    std::optional<std::string> minute;
    std::optional<std::string> type;
};

struct Case {
    std::string query;
    std::string who;
    SearchRequest request;
    Expect expect;
    std::string why;
};

std::filesystem::path queries_path() { return test::source_dir() / "tests" / "relevance" / "queries.json"; }

std::optional<std::string> optional_string(const json& object, const char* key) {
    if (!object.contains(key)) return std::nullopt;
    return object.at(key).get<std::string>();
}

Case read_case(const json& j) {
    Case c;
    c.query = j.at("query").get<std::string>();
    c.who = j.at("who").get<std::string>();
    c.why = j.value("why", "");
    c.request.query = c.query;
    c.request.limit = kDepth;
    if (j.contains("filters")) {
        for (const auto& [key, value] : j.at("filters").items()) {
            const std::string v = value.get<std::string>();
            if (key == "committee") c.request.committee = v;
            else if (key == "from") c.request.from = v;
            else if (key == "to") c.request.to = v;
            else if (key == "officer") c.request.officer = v;
            else if (key == "person") c.request.person = v;
            else if (key == "decision") c.request.decision = v;
            else if (key == "type") c.request.type = v;
            else if (key == "status") c.request.status = v;
            else throw std::invalid_argument("unknown filter " + key + " in query: " + c.query);
        }
    }
    const json& e = j.at("expect");
    c.expect.file = e.at("file").get<std::string>();
    const json& page = e.at("page");
    if (page.is_array()) {
        c.expect.pages = page.get<std::vector<int>>();
    } else {
        c.expect.pages = {page.get<int>()};
    }
    c.expect.meeting_date = optional_string(e, "meeting_date");
    c.expect.minute = optional_string(e, "minute");
    c.expect.type = optional_string(e, "type");
    return c;
}

std::vector<Case> read_cases() {
    std::ifstream in(queries_path());
    if (!in) throw std::runtime_error("cannot read " + queries_path().string());
    std::vector<Case> cases;
    for (const auto& j : json::parse(in)) cases.push_back(read_case(j));
    return cases;
}

bool contains(const std::vector<int>& pages, int page) {
    return std::find(pages.begin(), pages.end(), page) != pages.end();
}

// The primary location is judged by the page where the best match stands;
// another location carrying the same item, by any of its pages.
bool matches(const SearchResult& r, const Expect& e) {
    const Passage& p = r.passage;
    if (e.type && to_string(p.type) != *e.type) return false;
    if (e.minute && p.minute != e.minute) return false;
    if (e.meeting_date && p.meeting_date != e.meeting_date) return false;
    if (p.primary().file == e.file && contains(e.pages, r.page)) return true;
    for (size_t i = 1; i < p.locations.size(); ++i) {
        const Location& l = p.locations[i];
        if (l.file != e.file) continue;
        for (int page : l.pages) {
            if (contains(e.pages, page)) return true;
        }
    }
    return false;
}

// "Agenda_reports_pack_26-Nov-2024_Children_and_..." -> "26-Nov-2024 CYP".
std::string short_file(const std::string& file) {
    std::string s = file;
    const std::string pack = "Agenda_reports_pack_";
    if (s.rfind(pack, 0) == 0) s = s.substr(pack.size());
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"_Children_and_Young_People_Committee", " CYP"},
             {"_Corporate_Parenting_Sub-Committee", " CP"},
             {"Childrens_Services_Self-Assessment_2017", "Self-Assessment 2017"},
             {".pdf", ""}}) {
        const size_t at = s.find(from);
        if (at != std::string::npos) s.replace(at, from.size(), to);
    }
    return s;
}

std::string describe(const Expect& e) {
    std::ostringstream out;
    out << short_file(e.file) << " p";
    for (size_t i = 0; i < e.pages.size(); ++i) out << (i ? "/" : "") << e.pages[i];
    if (e.type) out << " " << *e.type;
    if (e.minute) out << " #" << *e.minute;
    if (e.meeting_date) out << " " << *e.meeting_date;
    return out.str();
}

std::string describe(const SearchResult& r) {
    const Passage& p = r.passage;
    std::ostringstream out;
    out << short_file(p.primary().file) << " p" << r.page << " " << to_string(p.type);
    if (p.minute) out << " #" << *p.minute;
    if (p.meeting_date) out << " " << *p.meeting_date;
    out << " \"" << p.title.substr(0, 50) << "\"";
    return out.str();
}

struct Outcome {
    int rank = 0;  // 1-based rank of the first matching result, 0 for a miss
    std::string first;
    std::string error;
};

Outcome run(Searcher& searcher, const Case& c) {
    Outcome o;
    try {
        SearchResponse response = searcher.search(c.request);
        for (size_t i = 0; i < response.results.size(); ++i) {
            if (o.rank == 0 && matches(response.results[i], c.expect)) o.rank = static_cast<int>(i) + 1;
        }
        o.first = response.results.empty() ? "(no results)" : describe(response.results[0]);
        if (response.corrected) o.first += " [corrected: " + *response.corrected + "]";
    } catch (const BadRequest& e) {
        o.error = e.what();
        o.first = std::string("(refused: ") + e.what() + ")";
    }
    return o;
}

std::string filters_text(const SearchRequest& r) {
    std::string out;
    auto add = [&](const char* name, const std::optional<std::string>& v) {
        if (v) out += std::string(" --") + name + "=" + *v;
    };
    add("committee", r.committee);
    add("from", r.from);
    add("to", r.to);
    add("officer", r.officer);
    add("person", r.person);
    add("decision", r.decision);
    add("type", r.type);
    add("status", r.status);
    return out;
}

}  // namespace

TEST_CASE("the relevance queries are well formed and cover the archive", "[relevance]") {
    const std::vector<Case> cases = read_cases();
    CHECK(cases.size() >= 40);
    std::map<std::string, int> by_who;
    std::set<std::string> files;
    for (const auto& c : cases) {
        INFO("query: " << c.query);
        CHECK((c.who == "councillor" || c.who == "clerk" || c.who == "journalist"));
        CHECK(!c.expect.pages.empty());
        CHECK(std::filesystem::exists(test::corpus_dir() / c.expect.file));
        CHECK(!c.why.empty());
        ++by_who[c.who];
        files.insert(c.expect.file);
    }
    CHECK(by_who.size() == 3);
    for (const auto& entry : std::filesystem::directory_iterator(test::corpus_dir())) {
        if (entry.path().extension() != ".pdf") continue;
        INFO("file without a query: " << entry.path().filename());
        CHECK(files.count(entry.path().filename().string()) == 1);
    }
}

TEST_CASE("the relevance queries find their answer in the first five results", "[relevance][e2e]") {
    const std::vector<Case> cases = read_cases();
    REQUIRE(!cases.empty());
    Searcher searcher(test::corpus_index().db);

    const auto started = std::chrono::steady_clock::now();
    std::vector<Outcome> outcomes;
    for (const auto& c : cases) outcomes.push_back(run(searcher, c));
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    std::map<std::string, std::pair<int, int>> by_who;  // hits, queries
    int hits = 0;
    std::ostringstream table;
    table << "\nRelevance: first " << kDepth << " results of each query\n";
    table << std::left << std::setw(4) << "#" << std::setw(5) << "hit" << std::setw(5) << "rank"
          << std::setw(11) << "who" << "query\n";
    for (size_t i = 0; i < cases.size(); ++i) {
        const Case& c = cases[i];
        const Outcome& o = outcomes[i];
        const bool hit = o.rank > 0;
        hits += hit;
        by_who[c.who].first += hit;
        by_who[c.who].second += 1;
        table << std::left << std::setw(4) << i + 1 << std::setw(5) << (hit ? "hit" : "MISS") << std::setw(5)
              << (hit ? std::to_string(o.rank) : "-") << std::setw(11) << c.who << c.query
              << filters_text(c.request) << "\n";
        if (!hit) {
            table << "         expected: " << describe(c.expect) << "  (" << c.why << ")\n";
            table << "         first:    " << o.first << "\n";
        }
    }
    const double rate = static_cast<double>(hits) / static_cast<double>(cases.size());
    std::ostringstream summary;
    summary << std::fixed << std::setprecision(1) << "hits in the first " << kDepth << ": " << hits << "/"
            << cases.size() << " (" << rate * 100 << "%)";
    for (const auto& [who, counts] : by_who) summary << ", " << who << " " << counts.first << "/" << counts.second;
    summary << "; " << std::setprecision(2) << seconds << " s for " << cases.size() << " queries";
    std::cout << table.str() << summary.str() << "\n" << std::flush;

    INFO(summary.str() << " (the table above lists the misses)");
    CHECK(rate >= kMinHitRate);
}
