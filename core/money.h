// Sums of money as papers print them: "£39,441", "£9,126,108", "£2.9m",
// "£1,490k", "£1.5 million", "$250,000", "£0.5bn". Amounts are whole pounds
// (or dollars): pence are dropped.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace minutebook {

// Every amount in `text` (clean text, any case), in order.
std::vector<int64_t> find_amounts(std::string_view text);

// A bound typed by a person: "1000000", "1,000,000", "£1m", "250k". nullopt
// when it is not a number.
std::optional<int64_t> parse_amount(std::string_view text);

// Index terms for an amount: its number of digits alone ("7:") and with each
// leading run of its digits ("7:1", "7:12", ... "7:1234567"), so that any range of
// whole amounts is a union of a few terms (amount_range_terms).
std::vector<std::string> amount_terms(int64_t amount);

// The terms whose union is exactly the amounts in [low, high].
// REQUIRES: 0 <= low <= high.
std::vector<std::string> amount_range_terms(int64_t low, int64_t high);

}  // namespace minutebook
