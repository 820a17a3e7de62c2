#include <catch2/catch.hpp>

#include "core/normalise.h"

using minutebook::clean_text;
using minutebook::extra_terms;
using minutebook::fold_query;
using minutebook::fold_text;
using minutebook::utf8_prefix;

TEST_CASE("clean text mends what PDFs do to words", "[normalise]") {
    struct Case {
        const char* input;
        const char* expected;
    };
    static const Case kCases[] = {
        {"\xEF\xAC\x81nance monitoring", "finance monitoring"},                 // ﬁ ligature
        {"o\xEF\xAC\x80icers", "officers"},                                    // ﬀ ligature
        {"organi-\nsation", "organisation"},                                   // hyphen at line end
        {"Ogle-\nWelbourn", "Ogle-\nWelbourn"},                                // a name keeps its hyphen
        {"safe\xC2\xADguarding", "safeguarding"},                              // soft hyphen
        {"Members\xE2\x80\x99 Services", "Members' Services"},                 // curly apostrophe
        {"\xE2\x80\x9C" "First Access Programme\xE2\x80\x9D", "\"First Access Programme\""},
        {"Minutes \xE2\x80\x93 12 March 2024", "Minutes - 12 March 2024"},     // en dash
        {"2023\xE2\x80\x94" "2028", "2023-2028"},                              // em dash
        {"\xC2\xA3" "39,441", "\xC2\xA3" "39,441"},                            // pound sign stays
        {"New\xC2\xA0Shire\xE2\x80\x83Hall", "New Shire Hall"},                // no-break and em spaces
        {"zero\xE2\x80\x8Bwidth", "zerowidth"},                                // zero-width space
        {"line\r\nbreak", "line\n\nbreak"},
        // Printable ASCII comes out as it went in, but for the backquote.
        {"Cambridgeshire", "Cambridgeshire"},
        {"\"2024/039\", (MASH) & ~{x}|[y]", "\"2024/039\", (MASH) & ~{x}|[y]"},
        {"`quoted'", "'quoted'"},
        {"del\x7F" "ete", "delete"},
        {"tab\there", "tab here"},
        {"", ""},
    };
    for (const auto& c : kCases) {
        INFO("input: " << c.input);
        CHECK(clean_text(c.input) == c.expected);
    }
}

TEST_CASE("folding removes case and accents but keeps words", "[normalise]") {
    struct Case {
        const char* input;
        const char* expected;
    };
    static const Case kCases[] = {
        {"CHILDREN AND YOUNG PEOPLE COMMITTEE", "children and young people committee"},
        {"Caf\xC3\xA9 Nativit\xC3\xA9", "cafe nativite"},
        {"Stra\xC3\x9F" "e", "strasse"},
        {"EHCPs", "ehcps"},
        {"\xC2\xA3" "9,126,108", "\xC2\xA3" "9,126,108"},
    };
    for (const auto& c : kCases) {
        INFO("input: " << c.input);
        CHECK(fold_text(c.input) == c.expected);
    }
}

TEST_CASE("query folding keeps boolean operators outside quotes", "[normalise]") {
    CHECK(fold_query("Fostering OR Adoption") == "fostering OR adoption");
    CHECK(fold_query("\"Black OR White\" AND Music") == "\"black or white\" AND music");
    CHECK(fold_query("Sub-Committee NOT Finance") == "sub-committee NOT finance");
}

TEST_CASE("extra terms cover tokens the word splitter takes apart", "[normalise]") {
    struct Case {
        const char* folded_text;
        std::vector<std::string> expected;
    };
    static const std::vector<Case> kCases = {
        {"forward plan ref: 2024/039", {"2024/039"}},
        {"a spend of \xC2\xA3" "39,441 was", {"39441"}},
        {"the annual budget of \xC2\xA3" "9,126,108 for", {"9126108"}},
        {"corporate parenting sub-committee", {"subcommittee"}},
        {"by e-mail.", {"email"}},
        {"(wendi ogle-welbourn)", {"oglewelbourn"}},
        {"page 5 of 2023-2028", {}},
        {"mash decisions within 24hours", {"24", "hours"}},
        {"the 2nd meeting", {}},
        {"and/ or", {}},
        {"4.8 of the report", {}},
    };
    for (const auto& c : kCases) {
        INFO("text: " << c.folded_text);
        CHECK(extra_terms(c.folded_text) == c.expected);
    }
}

TEST_CASE("a plain number in a query also matches it as papers print it", "[normalise]") {
    CHECK(minutebook::query_alternatives("39441") == std::vector<std::string>{"39,441"});
    CHECK(minutebook::query_alternatives("9126108") == std::vector<std::string>{"9,126,108"});
    CHECK(minutebook::query_alternatives("232").empty());
    CHECK(minutebook::query_alternatives("2024/039") == std::vector<std::string>{"2024/039"});
}

TEST_CASE("a text is shortened between characters, never inside one", "[normalise]") {
    struct Case {
        const char* text;
        size_t max_bytes;
        const char* expected;
    };
    static const Case kCases[] = {
        {"minutes", 10, "minutes"},
        {"minutes", 3, "min"},
        {"ab\u20ac", 5, "ab\u20ac"},     // the euro sign is 3 bytes
        {"ab\u20ac", 4, "ab"},
        {"ab\u20ac", 3, "ab"},
        {"ab\u20acc", 5, "ab\u20ac"},
        {"\x80\x80\x80\x80\x80\x80", 4, "\x80\x80\x80\x80"},  // not UTF-8: cut where asked
    };
    for (const Case& c : kCases) {
        CAPTURE(c.text, c.max_bytes);
        CHECK(std::string(utf8_prefix(c.text, c.max_bytes)) == c.expected);
    }
}

// Cleaning brought together characters it had treated apart, so cleaning
// clean text changed it again (fuzz/regressions/normalise).
TEST_CASE("clean text stays as it is when cleaned again", "[normalise]") {
    struct Case {
        std::string input;
        const char* expected;
    };
    const Case cases[] = {
        {std::string("Families\0\0\xCC\x81", 12), "Familie\xC5\x9B"},  // an accent after control characters
        {"e\x01\xCC\x81", "\xC3\xA9"},
        {"organi-\xE2\x80\x8B\nsation", "organisation"},  // a zero-width space before the line end
        {"organi-\vsation", "organisation"},                // a vertical tab is a line end too
        {"organi-\n\t sation", "organisation"},
        {"safe\xC2\xADguarding", "safeguarding"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.input);
        const std::string clean = clean_text(c.input);
        CHECK(clean == c.expected);
        CHECK(clean_text(clean) == clean);
    }
}
