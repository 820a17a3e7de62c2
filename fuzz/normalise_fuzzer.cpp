// The normaliser and the recognisers of core/ on any bytes: clean and fold
// the text, then read dates, sums of money and names in it, as the indexer
// does with a page and the query layer with what a person types.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/committees.h"
#include "core/dates.h"
#include "core/money.h"
#include "core/names.h"
#include "core/normalise.h"
#include "fuzz_checks.h"

using namespace minutebook;
using minutebook::fuzz::require;
using minutebook::fuzz::valid_utf8;

namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> out;
    for (size_t i = 0; i <= text.size();) {
        size_t j = text.find(separator, i);
        if (j == std::string_view::npos) j = text.size();
        if (j > i) out.push_back(text.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

void check_dates(const std::string& clean) {
    for (auto order : {NumericOrder::kDayFirst, NumericOrder::kMonthFirst}) {
        const DateOptions options{order};
        for (const auto& m : find_dates(clean, options)) {
            require(m.begin < m.end && m.end <= clean.size(), "a date match lies inside the text");
            require(m.date.month >= 1 && m.date.month <= 12, "a date's month is 1..12");
            require(m.date.day >= 0 && m.date.day <= 31, "a date's day is 0..31");
            m.date.iso();
        }
        parse_date(clean, options);
        first_date(clean, options);
    }
    guess_numeric_order(clean);
}

void check_money(const std::string& clean, const std::string& folded) {
    for (int64_t amount : find_amounts(clean)) {
        require(amount >= 0, "amounts are not negative");
        amount_terms(amount);
    }
    // A range as amount:low..high reads it.
    const size_t dots = folded.find("..");
    const auto low = parse_amount(folded.substr(0, dots));
    const auto high = dots == std::string::npos ? low : parse_amount(folded.substr(dots + 2));
    if (low && high && *low >= 0 && *low <= *high) amount_range_terms(*low, *high);
}

void check_names(const std::string& clean) {
    const std::string committee = canonical_committee(clean);
    require(valid_utf8(committee), "canonical_committee gives UTF-8");
    committee_initials(committee);
    committee_matches(committee, clean);
    if (auto person = parse_person(clean)) {
        person->display();
        person_matches(person->display(), clean);
    }
    is_post(clean);
    PeopleRegistry registry;
    for (const auto& listed : split_name_list(clean)) {
        require(valid_utf8(listed), "split_name_list gives UTF-8");
        substitute_of(listed);
        registry.add(listed);
    }
    for (auto line : split(clean, '\n')) registry.add(line);
    registry.variants();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::string clean = clean_text(input);
    require(valid_utf8(clean), "clean_text gives UTF-8");
    require(clean_text(clean) == clean, "clean text stays as it is");
    require(fold_text(fold_text(clean)) == fold_text(clean), "folded text stays as it is");
    const std::string folded = fold_text(clean);
    require(valid_utf8(folded), "fold_text gives UTF-8");
    const std::string query = fold_query(input);
    require(valid_utf8(query), "fold_query gives UTF-8");
    for (const auto& term : extra_terms(folded))
        require(valid_utf8(term), "extra_terms gives UTF-8");
    for (auto token : split(query, ' ')) {
        for (const auto& term : query_alternatives(token)) {
            require(valid_utf8(term), "query_alternatives gives UTF-8");
        }
    }
    check_dates(clean);
    check_money(clean, folded);
    check_names(clean);
    return 0;
}
