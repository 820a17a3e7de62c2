#include "core/money.h"

#include <cctype>
#include <cmath>

namespace minutebook {
namespace {

constexpr int64_t kMaxAmount = 999'999'999'999'999;  // 15 digits

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Reads "39,441", "2.9", "1,490" at `i`; returns the value and moves `i`.
std::optional<double> read_number(std::string_view t, size_t& i) {
    std::string digits;
    bool seen_point = false;
    size_t j = i;
    while (j < t.size()) {
        if (digit(t[j])) {
            digits.push_back(t[j]);
        } else if (t[j] == ',' && !seen_point && !digits.empty() && j + 3 < t.size() && digit(t[j + 1]) &&
                   digit(t[j + 2]) && digit(t[j + 3]) && (j + 4 == t.size() || !digit(t[j + 4]))) {
            // a thousands separator: exactly three digits follow
        } else if (t[j] == '.' && !seen_point && j + 1 < t.size() && digit(t[j + 1])) {
            seen_point = true;
            digits.push_back('.');
        } else {
            break;
        }
        ++j;
    }
    if (digits.empty()) return std::nullopt;
    i = j;
    return std::stod(digits);
}

// "m", "million", "k", "bn", "billion" right after a number (one space allowed).
double read_multiplier(std::string_view t, size_t& i) {
    size_t j = i;
    if (j < t.size() && t[j] == ' ') ++j;
    auto word = [&](std::string_view w) {
        if (t.size() - j < w.size()) return false;
        for (size_t k = 0; k < w.size(); ++k) {
            if (std::tolower(static_cast<unsigned char>(t[j + k])) != w[k]) return false;
        }
        size_t end = j + w.size();
        return end == t.size() || !std::isalpha(static_cast<unsigned char>(t[end]));
    };
    struct Unit {
        std::string_view word;
        double factor;
    };
    static const Unit kUnits[] = {{"million", 1e6}, {"billion", 1e9}, {"bn", 1e9}, {"m", 1e6}, {"k", 1e3}};
    for (const auto& u : kUnits) {
        if (word(u.word)) {
            i = j + u.word.size();
            return u.factor;
        }
    }
    return 1;
}

std::string digits_of(int64_t amount) { return std::to_string(amount); }

}  // namespace

std::vector<int64_t> find_amounts(std::string_view text) {
    std::vector<int64_t> out;
    for (size_t i = 0; i < text.size(); ++i) {
        size_t sign_len = 0;
        if (text[i] == '$') sign_len = 1;
        if (static_cast<unsigned char>(text[i]) == 0xC2 && i + 1 < text.size() &&
            static_cast<unsigned char>(text[i + 1]) == 0xA3) {
            sign_len = 2;  // £
        }
        if (sign_len == 0) continue;
        size_t j = i + sign_len;
        auto number = read_number(text, j);
        if (!number) continue;
        double value = *number * read_multiplier(text, j);
        if (value >= 0 && value <= static_cast<double>(kMaxAmount)) out.push_back(static_cast<int64_t>(std::floor(value)));
        i = j - 1;
    }
    return out;
}

std::optional<int64_t> parse_amount(std::string_view text) {
    size_t i = 0;
    if (text.substr(0, 2) == "\xC2\xA3") i = 2;
    else if (!text.empty() && text[0] == '$') i = 1;
    auto number = read_number(text, i);
    if (!number) return std::nullopt;
    double value = *number * read_multiplier(text, i);
    if (i != text.size() || value > static_cast<double>(kMaxAmount)) return std::nullopt;
    return static_cast<int64_t>(std::floor(value));
}

std::vector<std::string> amount_terms(int64_t amount) {
    const std::string d = digits_of(amount);
    std::vector<std::string> out;
    for (size_t k = 0; k <= d.size(); ++k) out.push_back(std::to_string(d.size()) + ":" + d.substr(0, k));
    return out;
}

std::vector<std::string> amount_range_terms(int64_t low, int64_t high) {
    // Split [low, high] into aligned blocks [p * 10^e, (p + 1) * 10^e - 1]
    // within one digit length; each block is the term of its prefix p.
    std::vector<std::string> out;
    int64_t at = low;
    while (at <= high) {
        const std::string d = digits_of(at);
        // The largest block that starts at `at` and ends within `high` and
        // within numbers of the same length.
        int64_t size = 1;
        size_t zeros = 0;
        while (zeros + 1 < d.size() && at % (size * 10) == 0 && at + size * 10 - 1 <= high) {
            size *= 10;
            ++zeros;
        }
        if (at == 0) {
            out.push_back("1:0");
            at = 1;
            continue;
        }
        // Every number of this many digits: the term of the length alone (not for
        // one digit, whose length term also holds 0).
        int64_t first_of_length = 1;
        for (size_t k = 1; k < d.size(); ++k) first_of_length *= 10;
        if (d.size() > 1 && at == first_of_length && first_of_length <= (kMaxAmount - 9) / 10 + 1 &&
            first_of_length * 10 - 1 <= high) {
            out.push_back(std::to_string(d.size()) + ":");
            at = first_of_length * 10;
            continue;
        }
        out.push_back(std::to_string(d.size()) + ":" + d.substr(0, d.size() - zeros));
        if (at > kMaxAmount - size) break;
        at += size;
    }
    return out;
}

}  // namespace minutebook
