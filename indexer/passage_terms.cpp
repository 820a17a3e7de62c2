#include "indexer/passage_terms.h"

#include <xapian.h>

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include "core/money.h"
#include "core/normalise.h"
#include "core/schema.h"

namespace minutebook {
namespace {

bool alphabetic(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalpha(c); });
}

void append_number(uint64_t n, std::string& out) {
    while (n >= 0x80) {
        out.push_back(static_cast<char>((n & 0x7F) | 0x80));
        n >>= 7;
    }
    out.push_back(static_cast<char>(n));
}

void append_string(std::string_view s, std::string& out) {
    append_number(s.size(), out);
    out.append(s);
}

// English stems, each word stemmed once: a file repeats its words, and the
// Snowball stemmer was most of the cost of generating terms.
class RememberingStemmer : public Xapian::StemImplementation {
public:
    std::string operator()(const std::string& word) override {
        auto [it, added] = stems_.try_emplace(word);
        if (added) it->second = english_(word);
        return it->second;
    }
    std::string get_description() const override { return "remembering " + english_.get_description(); }

private:
    Xapian::Stem english_{"english"};
    std::unordered_map<std::string, std::string> stems_;
};

[[noreturn]] void malformed() { throw std::runtime_error("malformed passage terms"); }

uint64_t read_number(std::string_view& in) {
    uint64_t n = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (in.empty()) malformed();
        const auto byte = static_cast<unsigned char>(in.front());
        in.remove_prefix(1);
        n |= static_cast<uint64_t>(byte & 0x7F) << shift;
        if (!(byte & 0x80)) return n;
    }
    malformed();
}

std::string read_string(std::string_view& in) {
    const uint64_t size = read_number(in);
    if (size > in.size()) malformed();
    std::string out(in.substr(0, size));
    in.remove_prefix(size);
    return out;
}

}  // namespace

PassageTerms passage_terms(const Passage& p) {
    // One per process: it keeps the vocabulary of what the process reads
    // (one file, in a reader process).
    static const Xapian::Stem stemmer(new RememberingStemmer);
    Xapian::TermGenerator generator;
    generator.set_stemmer(stemmer);
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    Xapian::Document doc;
    generator.set_document(doc);
    const std::string folded_text = fold_text(p.text);
    if (!p.title.empty() && p.text.compare(0, p.title.size(), p.title) != 0) {
        generator.index_text(fold_text(p.title));
        generator.increase_termpos();
    }
    generator.index_text(folded_text);
    for (const auto& extra : extra_terms(folded_text)) {
        doc.add_term(extra);
        if (alphabetic(extra)) doc.add_term(std::string("Z").append(stemmer(extra)));
    }
    for (int64_t amount : find_amounts(p.text)) {
        for (const auto& t : amount_terms(amount)) doc.add_boolean_term(std::string(schema::kAmount).append(t));
    }
    if (p.decision) {
        generator.increase_termpos();
        generator.index_text(fold_text(p.decision->text));
    }

    PassageTerms out;
    out.terms.reserve(doc.termlist_count());
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        PassageTerms::Term term{*it, it.get_wdf(), {}};
        for (auto pos = it.positionlist_begin(); pos != it.positionlist_end(); ++pos) term.positions.push_back(*pos);
        out.terms.push_back(std::move(term));
    }
    out.acronyms = find_acronym_definitions(p.text);
    return out;
}

// Positions are sent as gaps from the one before, which are mostly small.
void append_terms(const PassageTerms& terms, std::string& out) {
    append_number(terms.terms.size(), out);
    for (const auto& t : terms.terms) {
        append_string(t.name, out);
        append_number(t.wdf, out);
        append_number(t.positions.size(), out);
        unsigned last = 0;
        for (unsigned pos : t.positions) {
            append_number(pos - last, out);
            last = pos;
        }
    }
    append_number(terms.acronyms.size(), out);
    for (const auto& a : terms.acronyms) {
        append_string(a.acronym, out);
        append_string(a.expansion, out);
    }
}

PassageTerms read_terms(std::string_view& in) {
    PassageTerms out;
    const uint64_t count = read_number(in);
    if (count > in.size()) malformed();  // every term takes at least one byte
    out.terms.resize(count);
    for (auto& t : out.terms) {
        t.name = read_string(in);
        t.wdf = static_cast<unsigned>(read_number(in));
        const uint64_t positions = read_number(in);
        if (positions > in.size()) malformed();
        t.positions.resize(positions);
        unsigned last = 0;
        for (auto& pos : t.positions) pos = last += static_cast<unsigned>(read_number(in));
    }
    const uint64_t acronyms = read_number(in);
    if (acronyms > in.size()) malformed();
    out.acronyms.resize(acronyms);
    for (auto& a : out.acronyms) {
        a.acronym = read_string(in);
        a.expansion = read_string(in);
    }
    return out;
}

}  // namespace minutebook
