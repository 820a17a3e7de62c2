// Counting a search with more matches than it counts one by one: the total
// and facets come from the index's sample buckets (core/schema.h kSample),
// scaled up. The archive here is indexed oldest meeting first, as a real
// archive grows, so a sample of the first matches Xapian meets (in document
// order) would hold only the oldest years.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "indexer/writer.h"
#include "query/search.h"
#include "test_paths.h"

using namespace minutebook;

namespace {

constexpr int kYears = 20;
constexpr int kPerYear = 1000;
const char* const kCommittees[] = {"Children and Young People Committee", "Adults and Health Committee",
                                   "Highways and Transport Committee", "Corporate Parenting Sub-Committee"};

// 20,000 minute items, 2006 to 2025, every one about fostering, every third
// about transport, spread evenly over four committees.
const std::string& archive() {
    static test::TempDir dir("minutebook-sample");
    static const std::string db = [] {
        const std::string path = (dir.path() / "db").string();
        IndexWriter writer(path);
        for (int year = 2006; year < 2006 + kYears; ++year) {
            for (int i = 0; i < kPerYear; ++i) {
                Passage p;
                const std::string date = std::to_string(year) + "-0" + std::to_string(1 + i % 9) + "-15";
                p.type = PassageType::kMinute;
                p.part = PartKind::kMinutes;
                p.committee = kCommittees[i % 4];
                p.meeting_date = date;
                p.minute = std::to_string(i + 1);
                p.key = "minute/" + slugify(*p.committee) + "/" + date + "/" + *p.minute;
                p.title = "Fostering allowances " + std::to_string(i);
                p.text = p.title + "\nThe committee considered fostering allowances for " + std::to_string(year) +
                         (i % 3 == 0 ? " and home to school transport." : ".");
                p.locations.push_back({"pack-" + std::to_string(year) + ".pdf", sha256_hex(std::to_string(year)),
                                       {1 + i / 10}, false, date});
                writer.add(p);
            }
            writer.commit();
        }
        writer.finish();
        return path;
    }();
    return db;
}

SearchResponse search(const std::string& query, unsigned exact_matches) {
    Searcher searcher(IndexLocation{{archive()}, ""}, SearchSettings{exact_matches});
    SearchRequest request;
    request.query = query;
    return searcher.search(request);
}

std::map<std::string, int> facet(const SearchResponse& r, const std::string& name) {
    std::map<std::string, int> out;
    for (const auto& [facet_name, values] : r.facets) {
        if (facet_name != name) continue;
        for (const auto& v : values) out[v.value] = v.count;
    }
    return out;
}

// Within `share` of `expected`.
bool near(int estimate, int expected, double share) {
    return std::abs(estimate - expected) <= share * expected;
}

}  // namespace

TEST_CASE("a search with many matches is counted on a sample of every year", "[query][sample]") {
    for (const auto& [query, matches] : std::vector<std::pair<std::string, int>>{
             {"fostering", kYears * kPerYear}, {"transport", kYears * ((kPerYear + 2) / 3)}}) {
        INFO(query);
        const SearchResponse exact = search(query, 100000);
        REQUIRE(exact.total_exact);
        REQUIRE(exact.facets_exact);
        REQUIRE(exact.total == matches);

        const SearchResponse sampled = search(query, 2000);
        CHECK_FALSE(sampled.total_exact);
        CHECK_FALSE(sampled.facets_exact);
        INFO("estimated total " << sampled.total);
        CHECK(near(sampled.total, matches, 0.15));

        const auto years = facet(sampled, "year");
        CHECK(years.size() == kYears);  // the newest years too
        for (const auto& [year, count] : facet(exact, "year")) {
            INFO(year << ": " << count << ", estimated " << (years.count(year) ? years.at(year) : 0));
            CHECK(years.count(year));
            if (years.count(year)) CHECK(near(years.at(year), count, 0.35));
        }
        const auto committees = facet(sampled, "committee");
        for (const auto& [committee, count] : facet(exact, "committee")) {
            INFO(committee << ": " << count);
            CHECK(near(committees.count(committee) ? committees.at(committee) : 0, count, 0.2));
        }

        // The ranking is over every match: the same scores. (Passages of
        // equal score may come in another order: Xapian stops early once
        // no match left can score more.)
        REQUIRE(sampled.results.size() == exact.results.size());
        for (size_t i = 0; i < exact.results.size(); ++i) {
            CHECK(sampled.results[i].score == Approx(exact.results[i].score));
        }
        // The same buckets every time.
        CHECK(search(query, 2000).total == sampled.total);
    }
}

TEST_CASE("a search within the exact count is counted one by one", "[query][sample]") {
    const SearchResponse r = search("fostering year:2012", 2000);
    CHECK(r.total_exact);
    CHECK(r.facets_exact);
    CHECK(r.total == kPerYear);
    CHECK(facet(r, "year") == std::map<std::string, int>{{"2012", kPerYear}});
}

TEST_CASE("a search Xapian expects to match more than it does is counted exactly", "[query][sample]") {
    // Xapian estimates 334 matches, over the exact count of 300; the
    // first sample bucket shows there are too few to sample.
    const SearchResponse r = search("transport year:2012", 300);
    CHECK(r.total_exact);
    CHECK(r.facets_exact);
    CHECK(r.total == (kPerYear + 2) / 3);
}
