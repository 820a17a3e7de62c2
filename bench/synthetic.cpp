#include "bench/synthetic.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <set>

namespace minutebook::synthetic {
namespace {

constexpr double kMisspeltShare = 1.0 / 4000;
constexpr size_t kMinMisspeltLength = 7;

bool ends_sentence(std::string_view word) {
    return !word.empty() && (word.back() == '.' || word.back() == '?' || word.back() == '!');
}

bool lower_word(std::string_view w) {
    return std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::islower(c); });
}

std::string misspelt(Rng& rng, const std::string& word) {
    const size_t at = 1 + rng.below(word.size() - 2);
    std::string out = word;
    if (rng.chance(0.5)) {
        out.erase(at, 1);
    } else {
        std::swap(out[at], out[at + 1]);
    }
    return out;
}

std::chrono::sys_days to_sys(int days) { return std::chrono::sys_days{std::chrono::days{days}}; }

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};
const char* const kWeekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

}  // namespace

uint64_t Rng::next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

uint32_t MarkovText::id(std::string_view word) {
    auto [it, added] = ids_.emplace(std::string(word), static_cast<uint32_t>(words_.size()));
    if (added) {
        words_.emplace_back(word);
        next_.emplace_back();
    }
    return it->second;
}

void MarkovText::train(std::string_view text) {
    bool sentence_start = true;
    int64_t previous = -1;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        size_t j = i;
        while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
        if (j == i) break;
        const std::string_view word = text.substr(i, j - i);
        const uint32_t w = id(word);
        if (previous >= 0) next_[static_cast<size_t>(previous)].push_back(w);
        if (sentence_start) starts_.push_back(w);
        sentence_start = ends_sentence(word);
        previous = w;
        i = j;
    }
}

uint32_t MarkovText::step(Rng& rng, uint32_t from) const {
    const auto& options = next_[from];
    return options.empty() ? pick(rng, starts_) : options[rng.below(options.size())];
}

void MarkovText::append_word(Rng& rng, uint32_t word, std::string& out) const {
    const std::string& w = words_[word];
    if (w.size() >= kMinMisspeltLength && rng.chance(kMisspeltShare) && lower_word(w)) {
        out += misspelt(rng, w);
    } else {
        out += w;
    }
}

std::string MarkovText::generate(Rng& rng, size_t words) const {
    std::string out;
    out.reserve(words * 7);
    uint32_t w = pick(rng, starts_);
    size_t line_left = 8 + rng.below(7);
    for (size_t n = 0; n < words; ++n) {
        if (n > 0) {
            if (--line_left == 0) {
                out.push_back('\n');
                line_left = 8 + rng.below(7);
            } else {
                out.push_back(' ');
            }
            w = step(rng, w);
        }
        append_word(rng, w, out);
    }
    return out;
}

std::string MarkovText::continue_from(Rng& rng, const std::string& first, size_t words) const {
    if (words <= 1) return first;
    auto it = ids_.find(first);
    if (it == ids_.end()) return first + " " + generate(rng, words - 1);
    std::string out = first;
    uint32_t w = it->second;
    for (size_t n = 1; n < words; ++n) {
        w = step(rng, w);
        out.push_back(' ');
        append_word(rng, w, out);
    }
    return out;
}

size_t count_words(std::string_view text) {
    size_t n = 0;
    bool in_word = false;
    for (unsigned char c : text) {
        const bool space = std::isspace(c);
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

std::vector<std::string> name_pool(const std::vector<std::string>& names, size_t size, Rng& rng) {
    std::set<std::string> firsts, lasts;
    for (const auto& name : names) {
        const size_t space = name.find(' ');
        if (space == std::string::npos || name.rfind(' ') != space) continue;  // "First Last" only
        const std::string first = name.substr(0, space), last = name.substr(space + 1);
        if (first.size() > 1) firsts.insert(first);  // not an initial
        if (last.size() > 1) lasts.insert(last);
    }
    std::vector<std::string> pool;
    for (const auto& f : firsts) {
        for (const auto& l : lasts) pool.push_back(f + " " + l);
    }
    for (size_t i = pool.size(); i > 1; --i) std::swap(pool[i - 1], pool[rng.below(i)]);
    if (pool.size() > size) pool.resize(size);
    return pool;
}

std::vector<std::string> committees(const std::vector<std::string>& from_corpus) {
    static const char* const kCouncil[] = {
        "Adults and Health Committee",
        "Highways and Transport Committee",
        "Environment and Green Investment Committee",
        "Strategy, Resources and Performance Committee",
        "Audit and Accounts Committee",
        "Communities, Social Mobility and Inclusion Committee",
        "Economy and Environment Committee",
        "Planning Committee",
        "Pension Fund Committee",
        "Health and Wellbeing Board",
        "Staffing and Appeals Committee",
        "Assets and Procurement Committee",
        "Health Committee",
        "Employment Committee",
        "Constitution and Ethics Committee",
        "Schools Forum",
        "Corporate Parenting Board",
        "Adoption and Fostering Panel",
        "Scrutiny Committee",
        "Joint Development Control Committee",
        "Fire Authority",
        "Police and Crime Panel",
    };
    std::vector<std::string> out = from_corpus;
    for (const char* c : kCouncil) {
        if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    }
    return out;
}

int days_from_iso(const std::string& iso) {
    using namespace std::chrono;
    const year_month_day ymd{year{std::stoi(iso.substr(0, 4))}, month{static_cast<unsigned>(std::stoi(iso.substr(5, 2)))},
                             day{static_cast<unsigned>(std::stoi(iso.substr(8, 2)))}};
    return static_cast<int>(sys_days{ymd}.time_since_epoch().count());
}

std::string iso_from_days(int days) {
    const std::chrono::year_month_day ymd{to_sys(days)};
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return out;
}

std::string long_date(int days) {
    const std::chrono::year_month_day ymd{to_sys(days)};
    return std::to_string(static_cast<unsigned>(ymd.day())) + " " + kMonths[static_cast<unsigned>(ymd.month()) - 1] +
           " " + std::to_string(static_cast<int>(ymd.year()));
}

std::string file_date(int days) {
    const std::chrono::year_month_day ymd{to_sys(days)};
    char out[16];
    std::snprintf(out, sizeof out, "%02u-%.3s-%04d", static_cast<unsigned>(ymd.day()),
                  kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()));
    return out;
}

std::string dated_weekday(int days) {
    const std::chrono::weekday wd{to_sys(days)};
    return std::string(kWeekdays[wd.c_encoding()]) + ", " + long_date(days);
}

}  // namespace minutebook::synthetic
