// Query latency: the full search (query parsing with synonyms and
// acronyms, filters, facets over the whole match set, collapsing, snippets,
// JSON) against bare Xapian (QueryParser + Enquire, ten results, nothing
// else) on the same database and queries, in the same run.
//
// Usage: query_latency DB [QUERIES_FILE] [ROUNDS] [--db DB]... [--vocabulary DIR]
// Each --db adds a database searched with DB as one (shards; a folder or
// tcp://HOST:PORT); several need --vocabulary (minutebook vocabulary).
// Prints p50 and p99 of each and their ratio, and of the full search's CPU
// time (the process's, so that a machine shared with other work shows what
// a search costs, not how long it waited for a core); the last line is the
// JSON that bench/query_latency.sh writes to bench/results/.
#include <xapian.h>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "core/normalise.h"
#include "query/search.h"

namespace {

using Clock = std::chrono::steady_clock;

const std::vector<std::string> kDefaultQueries = {
    "music education hub",        "unregulated placements",   "home to school transport",
    "fostering",                  "\"corporate parenting\"",  "ofsted inspection",
    "special educational needs",  "school places",            "finance monitoring report",
    "care leavers",               "EHCP",                     "committee:cyp school",
    "decision:approved",          "type:action status:open",  "year:2024 budget",
    "safeguarding -adult",        "accomodation",             "amount:1000000..",
    "youth offending",            "children's centres",
};

double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// The machine's load over the last minute: how much else wanted its cores.
double load_average() {
    double load = 0;
    std::ifstream("/proc/loadavg") >> load;
    return load;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
    minutebook::IndexLocation location;
    minutebook::SearchSettings settings;
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if ((a == "--db" || a == "--vocabulary") && i + 1 < argc) {
            (a == "--db" ? location.databases.emplace_back() : location.vocabulary) = argv[++i];
        } else if (a == "--exact-count" && i + 1 < argc) {
            settings.exact_matches = static_cast<unsigned>(std::stoul(argv[++i]));
        } else {
            positional.push_back(a);
        }
    }
    if (positional.empty()) {
        std::cerr << "Usage: query_latency DB [QUERIES_FILE] [ROUNDS] [--db DB]... [--vocabulary DIR] [--exact-count N]\n";
        return 2;
    }
    location.databases.insert(location.databases.begin(), positional[0]);
    std::string db_path;
    for (const auto& d : location.databases) db_path += (db_path.empty() ? "" : " + ") + d;
    std::vector<std::string> queries = kDefaultQueries;
    if (positional.size() > 1 && positional[1] != "-") {
        queries.clear();
        std::ifstream in(positional[1]);
        for (std::string line; std::getline(in, line);) {
            if (!line.empty()) queries.push_back(line);
        }
    }
    const int rounds = positional.size() > 2 ? std::stoi(positional[2]) : 20;

    minutebook::Searcher searcher(location, settings);
    Xapian::Database db = searcher.index().passages;
    Xapian::QueryParser qp;
    qp.set_database(searcher.index().vocabulary);
    qp.set_stemmer(Xapian::Stem("english"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);

    std::vector<double> full, bare, cpu;
    std::vector<std::vector<double>> per_query(queries.size());  // CPU ms of each query's rounds
    std::vector<std::string> counted(queries.size());               // its total, "about" when estimated
    size_t sink = 0;
    for (int round = 0; round < rounds + 1; ++round) {
        for (size_t qi = 0; qi < queries.size(); ++qi) {
            const std::string& q = queries[qi];
            auto t0 = Clock::now();
            const double c0 = cpu_ms();
            minutebook::SearchRequest request;
            request.query = q;
            auto response = searcher.search(request);
            sink += minutebook::to_json(response).dump().size();
            auto t1 = Clock::now();
            const double c1 = cpu_ms();
            Xapian::Enquire enquire(db);
            enquire.set_query(qp.parse_query(minutebook::fold_query(q)));
            Xapian::MSet mset = enquire.get_mset(0, 10);
            for (auto it = mset.begin(); it != mset.end(); ++it) sink += it.get_document().get_data().size();
            auto t2 = Clock::now();
            if (round == 0) {  // warm-up: caches
                counted[qi] = (response.total_exact ? "" : "about ") + std::to_string(response.total);
                continue;
            }
            per_query[qi].push_back(c1 - c0);
            full.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            cpu.push_back(c1 - c0);
            bare.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
        }
    }
    const double fp50 = percentile(full, 0.5), fp99 = percentile(full, 0.99);
    const double bp50 = percentile(bare, 0.5), bp99 = percentile(bare, 0.99);
    const double cp50 = percentile(cpu, 0.5), cp99 = percentile(cpu, 0.99);
    std::printf("%-32s %16s %12s\n", "query", "results", "CPU p50 ms");
    for (size_t qi = 0; qi < queries.size(); ++qi) {
        std::printf("%-32s %16s %12.2f\n", queries[qi].c_str(), counted[qi].c_str(), percentile(per_query[qi], 0.5));
    }
    std::printf("database: %s (%u passages), %zu queries x %d rounds, %u cores, load %.1f\n", db_path.c_str(),
                db.get_doccount(), queries.size(), rounds, std::thread::hardware_concurrency(), load_average());
    std::printf("%-44s p50 %8.2f ms   p99 %8.2f ms\n", "minutebook search (facets, snippets, JSON)", fp50, fp99);
    std::printf("%-44s p50 %8.2f ms   p99 %8.2f ms\n", "  its CPU time", cp50, cp99);
    std::printf("%-44s p50 %8.2f ms   p99 %8.2f ms\n", "bare Xapian Enquire (10 results)", bp50, bp99);
    std::printf("%-44s p50 %8.2fx     p99 %8.2fx\n", "ratio", fp50 / bp50, fp99 / bp99);
    nlohmann::json out = {{"database", db_path},
                          {"passages", db.get_doccount()},
                          {"queries", queries.size()},
                          {"rounds", rounds},
                          {"cores", std::thread::hardware_concurrency()},
                          {"load_average", load_average()},
                          {"full_ms", {{"p50", fp50}, {"p99", fp99}}},
                          {"full_cpu_ms", {{"p50", cp50}, {"p99", cp99}}},
                          {"bare_ms", {{"p50", bp50}, {"p99", bp99}}},
                          {"ratio", {{"p50", fp50 / bp50}, {"p99", fp99 / bp99}}}};
    std::cout << "json: " << out.dump() << "\n";
    return sink == 0 ? 1 : 0;
}
