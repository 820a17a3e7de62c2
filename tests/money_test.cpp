#include <catch2/catch.hpp>

#include <set>

#include "core/money.h"

using namespace minutebook;

TEST_CASE("sums of money are read as papers print them", "[money]") {
    struct Case {
        const char* text;
        std::vector<int64_t> amounts;
    };
    static const std::vector<Case> kCases = {
        {"asked whether the funding of \xC2\xA3" "39,441 provided", {39441}},
        {"the annual budget of \xC2\xA3" "9,126,108 for 25-26", {9126108}},
        {"a pressure of \xC2\xA3" "2.9m and \xC2\xA3" "1,490k", {2900000, 1490000}},
        {"\xC2\xA3" "1.5 million over three years", {1500000}},
        {"-\xC2\xA3" "67k", {67000}},
        {"$250,000 for the board", {250000}},
        {"\xC2\xA3" "100,000.", {100000}},
        {"costs \xC2\xA3" "646 a week", {646}},
        {"items 2,232 and 4.8 are not money", {}},
        {"\xC2\xA3" "12,34 is not a thousands separator", {12}},
    };
    for (const auto& c : kCases) {
        INFO(c.text);
        CHECK(find_amounts(c.text) == c.amounts);
    }
}

TEST_CASE("range bounds take the forms people type", "[money]") {
    CHECK(parse_amount("1000000") == 1000000);
    CHECK(parse_amount("1,000,000") == 1000000);
    CHECK(parse_amount("\xC2\xA3" "1m") == 1000000);
    CHECK(parse_amount("250k") == 250000);
    CHECK(!parse_amount("lots"));
    CHECK(!parse_amount("12abc"));
}

TEST_CASE("a range of amounts is exactly the union of its terms", "[money]") {
    struct Case {
        int64_t low, high;
    };
    static const Case kCases[] = {{0, 99999}, {39441, 39441}, {39400, 39499}, {1000, 1000000},
                                  {999, 1001},  {1, 9},         {123, 98765},   {1000000, 999999999999999}};
    const std::vector<int64_t> probes = {0,     1,     9,      10,      998,     999,      1000,       1001,
                                         39399, 39400, 39441,  39499,   39500,   98765,    98766,      99999,
                                         100000, 999999, 1000000, 1000001, 2900000, 123456789, 999999999999999};
    for (const auto& c : kCases) {
        INFO(c.low << ".." << c.high);
        auto range = amount_range_terms(c.low, c.high);
        std::set<std::string> terms(range.begin(), range.end());
        CHECK(range.size() < 200);
        for (int64_t probe : probes) {
            INFO("amount " << probe);
            bool matched = false;
            for (const auto& t : amount_terms(probe)) matched = matched || terms.count(t);
            CHECK(matched == (probe >= c.low && probe <= c.high));
        }
    }
}
