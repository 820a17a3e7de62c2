#include <catch2/catch.hpp>

#include "core/sizes.h"

using namespace minutebook;

TEST_CASE("sizes are read as people write them, 1024-based", "[sizes]") {
    struct Case {
        const char* text;
        std::uintmax_t bytes;  // 0: not a size
    };
    static const Case kCases[] = {
        {"1073741824", 1073741824}, {"512M", 512ull << 20}, {"512m", 512ull << 20},
        {"1G", 1ull << 30},         {"1.5G", 3ull << 29},   {"64K", 64ull << 10},
        {"2GB", 2ull << 30},        {"2GiB", 2ull << 30},   {"1T", 1ull << 40},
        {"100B", 100},              {"0", 0},               {"", 0},
        {"M", 0},                   {"12X", 0},             {"-5M", 0},
        {"1.2.3", 0},               {"5 M", 0},             {"1e3", 0},
        {"99999999999T", 0},
    };
    for (const auto& c : kCases) {
        INFO(c.text);
        auto got = parse_size(c.text);
        if (c.bytes == 0) {
            CHECK(!got);
        } else {
            REQUIRE(got);
            CHECK(*got == c.bytes);
        }
    }
}

TEST_CASE("sizes are written in the largest unit with a whole part", "[sizes]") {
    struct Case {
        std::uintmax_t bytes;
        const char* text;
    };
    static const Case kCases[] = {
        {0, "0 bytes"},          {1, "1 byte"},           {44, "44 bytes"},
        {1024, "1 KB"},          {373300, "364 KB"},      {512ull << 20, "512 MB"},
        {700ull << 20, "700 MB"}, {1ull << 30, "1 GB"},   {3ull << 29, "1.5 GB"},
        {1245540515, "1.1 GB"},  {12ull << 30, "12 GB"},
    };
    for (const auto& c : kCases) {
        INFO(c.bytes);
        CHECK(format_size(c.bytes) == c.text);
    }
}
