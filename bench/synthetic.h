// What the scale generators share: a seeded random source, a word-bigram
// model of the corpus's own text, pools of names built from the corpus's
// names, the committees and the calendar of a synthetic archive. Everything
// is deterministic for a given seed and model, on any platform (no
// std::*_distribution, whose results the standard leaves to the library).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace minutebook::synthetic {

// SplitMix64: small, fast, and the same sequence everywhere.
class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed) {}
    uint64_t next();
    // Uniform in [0, n). REQUIRES: n > 0.
    size_t below(size_t n) { return static_cast<size_t>(next() % n); }
    // Skewed towards 0: the smaller of two draws (some officers and titles
    // recur far more than others, as in a real archive).
    size_t skewed_below(size_t n) { return std::min(below(n), below(n)); }
    bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }

private:
    uint64_t state_;
};

template <typename T>
const T& pick(Rng& rng, const std::vector<T>& items) {
    return items[rng.below(items.size())];
}

// Word bigrams of the corpus's text: generated text has its word frequencies,
// its numbers and sums, and its local phrasing. A small share of words come
// out misspelt (one letter dropped or two swapped), so the vocabulary keeps
// growing with the archive as a real one does.
class MarkovText {
public:
    void train(std::string_view text);
    // `words` words in lines of 8 to 14 words. REQUIRES: trained.
    std::string generate(Rng& rng, size_t words) const;
    // Words continuing from `first` (a word of the corpus or not).
    std::string continue_from(Rng& rng, const std::string& first, size_t words) const;
    size_t vocabulary() const { return words_.size(); }

private:
    uint32_t id(std::string_view word);
    uint32_t step(Rng& rng, uint32_t from) const;
    void append_word(Rng& rng, uint32_t word, std::string& out) const;

    std::vector<std::string> words_;
    std::unordered_map<std::string, uint32_t> ids_;
    std::vector<std::vector<uint32_t>> next_;  // with repeats: frequencies
    std::vector<uint32_t> starts_;              // words that begin a sentence
};

// Words of a text, split on white space.
size_t count_words(std::string_view text);

// People named as the corpus names them: every first name with every
// surname, in a fixed shuffled order.
std::vector<std::string> name_pool(const std::vector<std::string>& names, size_t size, Rng& rng);

// The corpus's committees and those a county council has beside them (the
// corpus holds two; a whole council's archive holds about two dozen).
std::vector<std::string> committees(const std::vector<std::string>& from_corpus);

// Days since 1970-01-01 <-> ISO date.
int days_from_iso(const std::string& iso);
std::string iso_from_days(int days);
// "11 July 2017", "11-Jul-2017", "Tuesday, 11 July 2017".
std::string long_date(int days);
std::string file_date(int days);
std::string dated_weekday(int days);

}  // namespace minutebook::synthetic
