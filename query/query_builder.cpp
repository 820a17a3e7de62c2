#include "query/query_builder.h"

#include <regex>
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "core/committees.h"
#include "core/councils.h"
#include "core/money.h"
#include "core/names.h"
#include "core/normalise.h"
#include "core/schema.h"
#include "query/minute_ref.h"

namespace minutebook {
namespace {

// Words of a passage that "more like this" looks for.
constexpr Xapian::termcount kMoreLikeTerms = 20;
// Far above what words can score, so a referenced minute comes first.
constexpr double kReferenceWeight = 1000.0;

std::vector<std::string> metadata_values(const Xapian::Database& db, const std::string& prefix) {
    std::vector<std::string> out;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        out.push_back(db.get_metadata(*it));
    }
    return out;
}

Xapian::Query any_term(std::string_view prefix, const std::vector<std::string>& names) {
    std::vector<Xapian::Query> terms;
    for (const auto& n : names) terms.emplace_back(std::string(prefix) + slugify(n));
    if (terms.empty()) return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query date_range(const std::string& from, const std::string& to) {
    const std::string lo = from.empty() ? "" : range_date(from, false);
    const std::string hi = to.empty() ? "99991231" : range_date(to, true);
    if (lo.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, hi);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, lo, hi);
}

// "committee:cyp", "officer:bywater": names resolved through their variants.
class NameProcessor : public Xapian::FieldProcessor {
public:
    using Resolve = std::vector<std::string> (QueryBuilder::*)(const std::string&) const;
    NameProcessor(const QueryBuilder& builder, Resolve resolve, std::string_view prefix)
        : builder_(builder), resolve_(resolve), prefix_(prefix) {}
    Xapian::Query operator()(const std::string& value) override {
        std::string typed = value;
        for (char& c : typed) {
            if (c == '_') c = ' ';
        }
        return any_term(prefix_, (builder_.*resolve_)(typed));
    }

private:
    const QueryBuilder& builder_;
    Resolve resolve_;
    std::string prefix_;
};

// A field that a person can get wrong ("date:june", "amount:lots").
// Xapian's QueryParser leaks what it has built when a field processor
// throws, so the first mistake is kept in `refusal` and the field matches
// nothing; parse() throws it once parse_query() has returned.
class CheckedProcessor : public Xapian::FieldProcessor {
public:
    explicit CheckedProcessor(std::optional<BadRequest>& refusal) : refusal_(refusal) {}
    Xapian::Query operator()(const std::string& value) override {
        try {
            return read(value);
        } catch (const BadRequest& e) {
            if (!refusal_) refusal_ = e;
            return Xapian::Query::MatchNothing;
        }
    }

protected:
    // Throws BadRequest for a value a person can fix.
    virtual Xapian::Query read(const std::string& value) = 0;

private:
    std::optional<BadRequest>& refusal_;
};

// "date:2019-01-01..2020-06-30", "date:2019..2020", "date:2024-10-08".
class DateProcessor : public CheckedProcessor {
public:
    using CheckedProcessor::CheckedProcessor;

protected:
    Xapian::Query read(const std::string& value) override {
        size_t dots = value.find("..");
        if (dots == std::string::npos) return date_range(value, value);
        return date_range(value.substr(0, dots), value.substr(dots + 2));
    }
};

// "amount:1000000..", "amount:..500", "amount:1m..2m", "amount:39441".
class AmountProcessor : public CheckedProcessor {
public:
    using CheckedProcessor::CheckedProcessor;

protected:
    Xapian::Query read(const std::string& value) override {
        size_t dots = value.find("..");
        const std::string low_text = dots == std::string::npos ? value : value.substr(0, dots);
        const std::string high_text = dots == std::string::npos ? value : value.substr(dots + 2);
        auto bound = [&](const std::string& text, int64_t fallback) -> int64_t {
            if (text.empty()) return fallback;
            auto amount = parse_amount(text);
            if (!amount) throw BadRequest("Not an amount: '" + text + "' (use amount:1000000..2000000).");
            return *amount;
        };
        const int64_t low = bound(low_text, 0);
        const int64_t high = bound(high_text, 999'999'999'999'999);
        if (low > high) return Xapian::Query::MatchNothing;
        std::vector<Xapian::Query> terms;
        for (const auto& t : amount_range_terms(low, high)) terms.emplace_back(std::string(schema::kAmount) + t);
        return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    }
};

bool is_common_word(const std::string& token) {
    static const std::set<std::string> kCommon = {
        "a",     "about", "an",    "and",   "any",   "are",  "as",    "at",    "be",    "been",
        "by",    "can",   "could", "did",   "do",    "does", "for",   "from",  "had",   "has",
        "have",  "how",   "i",     "in",    "is",    "it",   "its",   "many",  "much",  "of",
        "on",    "or",    "our",   "should", "that", "the",  "their", "there", "these", "they",
        "this",  "those", "to",    "us",    "was",   "we",   "were",  "what",  "when",  "where",
        "which", "who",   "why",   "will",  "with",  "would", "you",
    };
    return kCommon.count(token) > 0;
}

bool simple_query(const std::string& folded) {
    for (char c : folded) {
        if (c == '"' || c == '(' || c == ')' || c == ':') return false;
    }
    for (const char* op : {" AND ", " OR ", " NOT ", " XOR ", " NEAR "}) {
        if ((" " + folded + " ").find(op) != std::string::npos) return false;
    }
    return true;
}

}  // namespace

std::string range_date(const std::string& text, bool end) {
    auto bad = [&] { return BadRequest("Not a date: '" + text + "' (use YYYY-MM-DD)."); };
    std::string digits;
    for (char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digits.push_back(c);
        } else if (c != '-') {
            throw bad();
        }
    }
    if (digits.size() == 4) return digits + (end ? "1231" : "0101");
    if (digits.size() == 6) return digits + (end ? "31" : "01");
    if (digits.size() == 8) return digits;
    throw bad();
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, const Xapian::Database& vocabulary)
    : db_(db),
      vocabulary_(vocabulary),
      councils_(metadata_values(vocabulary, "council:")),
      committees_(metadata_values(vocabulary, "committee:")),
      officers_(metadata_values(vocabulary, "officer:")),
      people_(metadata_values(vocabulary, "person:")) {
    const std::string prefix = "acronym:";
    for (auto it = vocabulary.metadata_keys_begin(prefix); it != vocabulary.metadata_keys_end(prefix); ++it) {
        const std::string acronym = (*it).substr(prefix.size());
        const std::string expansion = vocabulary.get_metadata(*it);
        acronyms_[acronym] = expansion;
        expansions_[expansion] = acronym;
    }
}

std::vector<std::string> QueryBuilder::councils_matching(const std::string& typed) const {
    std::vector<std::string> out;
    for (const auto& c : councils_) {
        if (council_matches(c, typed)) out.push_back(c);
    }
    return out;
}

std::vector<std::string> QueryBuilder::committees_matching(const std::string& typed) const {
    std::vector<std::string> out;
    for (const auto& c : committees_) {
        if (committee_matches(c, typed)) out.push_back(c);
    }
    return out;
}

std::vector<std::string> QueryBuilder::officers_matching(const std::string& typed) const {
    std::vector<std::string> out;
    for (const auto& o : officers_) {
        if (person_matches(o, typed)) out.push_back(o);
    }
    return out;
}

std::vector<std::string> QueryBuilder::people_matching(const std::string& typed) const {
    std::vector<std::string> out;
    for (const auto& p : people_) {
        if (person_matches(p, typed)) out.push_back(p);
    }
    return out;
}

Xapian::Query QueryBuilder::parse(const std::string& raw, Words words) const {
    const std::string folded = fold_query(raw);
    if (folded.find_first_not_of(' ') == std::string::npos) return Xapian::Query::MatchAll;
    std::optional<BadRequest> refusal;  // outlives the parser and its processors
    Xapian::QueryParser qp;
    qp.set_database(vocabulary_);  // synonyms: shards have none of their own (query/archive.h)
    qp.set_stemmer(Xapian::Stem("english"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.add_boolean_prefix("type", std::string(schema::kType));
    qp.add_boolean_prefix("decision", std::string(schema::kDecision));
    qp.add_boolean_prefix("result", std::string(schema::kResult));
    qp.add_boolean_prefix("status", std::string(schema::kStatus));
    qp.add_boolean_prefix("year", std::string(schema::kYear));
    qp.add_boolean_prefix("minute", std::string(schema::kMinute));
    qp.add_boolean_prefix("part", std::string(schema::kPart));
    qp.add_boolean_prefix(
        "council", (new NameProcessor(*this, &QueryBuilder::councils_matching, schema::kCouncil))->release());
    qp.add_boolean_prefix(
        "committee", (new NameProcessor(*this, &QueryBuilder::committees_matching, schema::kCommittee))->release());
    qp.add_boolean_prefix(
        "officer", (new NameProcessor(*this, &QueryBuilder::officers_matching, schema::kOfficer))->release());
    qp.add_boolean_prefix(
        "person", (new NameProcessor(*this, &QueryBuilder::people_matching, schema::kPerson))->release());
    qp.add_boolean_prefix("date", (new DateProcessor(refusal))->release());
    qp.add_boolean_prefix("amount", (new AmountProcessor(refusal))->release());
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT |
                           Xapian::QueryParser::FLAG_AUTO_SYNONYMS;
    try {
        if (!simple_query(folded)) {
            Xapian::Query query = qp.parse_query(folded, flags);
            if (refusal) throw *refusal;
            return query;
        }
        // A simple query: every word must match, each word through its
        // alternatives (extra terms, acronyms and what they stand for).
        std::vector<std::string> tokens;
        for (size_t i = 0; i < folded.size();) {
            size_t j = folded.find(' ', i);
            if (j == std::string::npos) j = folded.size();
            if (j > i) tokens.push_back(folded.substr(i, j - i));
            i = j + 1;
        }
        std::vector<Xapian::Query> parts;
        // Common words ("the", "what", "did") need not match, unless the
        // query has nothing else.
        const bool all_common = std::all_of(tokens.begin(), tokens.end(), is_common_word);
        for (size_t i = 0; i < tokens.size(); ++i) {
            // Words that spell out a known acronym match as any words do,
            // or the acronym does. (The words as typed count for more,
            // below; checking them as a phrase here too would read every
            // match's positions twice.)
            bool spelled_out = false;
            for (size_t n = std::min<size_t>(tokens.size() - i, 8); n >= 2 && !spelled_out; --n) {
                std::string words;
                for (size_t k = i; k < i + n; ++k) words += (k > i ? " " : "") + tokens[k];
                auto it = expansions_.find(words);
                if (it == expansions_.end()) continue;
                std::vector<Xapian::Query> each;
                for (size_t k = i; k < i + n; ++k) {
                    if (!is_common_word(tokens[k])) each.push_back(word_query(qp, tokens[k], flags));
                }
                parts.emplace_back(Xapian::Query::OP_OR, Xapian::Query(Xapian::Query::OP_AND, each.begin(), each.end()),
                                   qp.parse_query(it->second, flags));
                i += n - 1;
                spelled_out = true;
            }
            if (spelled_out || (is_common_word(tokens[i]) && !all_common)) continue;
            parts.push_back(word_query(qp, tokens[i], flags));
        }
        if (parts.empty()) return Xapian::Query::MatchNothing;
        Xapian::Query query = parts.size() == 1 ? parts.front()
                                                : Xapian::Query(words == Words::kAll ? Xapian::Query::OP_AND
                                                                                     : Xapian::Query::OP_OR,
                                                                parts.begin(), parts.end());
        // The words as typed, in order, count for more ("Huntingdon Nursery
        // School" above a page that has the three words apart).
        if (tokens.size() >= 2) {
            std::string phrase;
            for (const auto& t : tokens) phrase += (phrase.empty() ? "" : " ") + t;
            query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, qp.parse_query("\"" + phrase + "\"", flags));
        }
        return query;
    } catch (const Xapian::QueryParserError& e) {
        throw BadRequest("The query cannot be read: " + e.get_msg() + ".");
    }
}

Xapian::Query QueryBuilder::word_query(Xapian::QueryParser& qp, const std::string& token, unsigned flags) const {
    std::vector<Xapian::Query> either{qp.parse_query(token, flags)};
    for (const auto& a : query_alternatives(token)) either.emplace_back(a);
    std::string bare = token;
    while (!bare.empty() && !std::isalnum(static_cast<unsigned char>(bare.back()))) bare.pop_back();
    if (bare.size() > 2 && bare.back() == 's' && !acronyms_.count(bare)) bare.pop_back();  // "ehcps"
    if (auto it = acronyms_.find(bare); it != acronyms_.end()) {
        either.push_back(qp.parse_query("\"" + it->second + "\"", flags));
    }
    if (either.size() == 1) return either.front();
    return Xapian::Query(Xapian::Query::OP_OR, either.begin(), either.end());
}

std::string QueryBuilder::corrected(const std::string& query) const {
    const std::string folded = fold_query(query);
    static const Xapian::Stem stem("english");
    std::string out;
    bool changed = false;
    bool in_quotes = false;
    for (size_t i = 0; i < folded.size();) {
        size_t j = folded.find(' ', i);
        if (j == std::string::npos) j = folded.size();
        std::string token = folded.substr(i, j - i);
        bool quote = token.find('"') != std::string::npos;
        bool word = !token.empty() && !in_quotes && !quote && token.find(':') == std::string::npos &&
                    std::all_of(token.begin(), token.end(), [](unsigned char c) { return std::islower(c); });
        if (word && token.size() > 3 && db_.get_termfreq(token) == 0 &&
            db_.get_termfreq(std::string("Z").append(stem(token))) == 0) {
            std::string suggestion = vocabulary_.get_spelling_suggestion(token, 2);
            if (!suggestion.empty() && suggestion != token) {
                token = suggestion;
                changed = true;
            }
        }
        if (quote) in_quotes = !in_quotes;
        out += (out.empty() ? "" : " ") + token;
        i = j + 1;
    }
    return changed ? out : "";
}

Xapian::Query QueryBuilder::more_like(const std::string& id, const Xapian::Query& also) const {
    std::string id_term = std::string(schema::kId) + id;
    Xapian::PostingIterator it = db_.postlist_begin(id_term);
    if (it == db_.postlist_end(id_term)) {
        // An id from before keys named their council.
        id_term = std::string(schema::kLegacyId) + id;
        it = db_.postlist_begin(id_term);
    }
    if (it == db_.postlist_end(id_term)) throw BadRequest("No passage has the id '" + id + "'.");
    // The passage's most telling words (Xapian's relevance feedback), as an
    // OR query; the passage itself and its siblings are left out.
    Xapian::Enquire enquire(db_);
    Xapian::RSet rset;
    rset.add_document(*it);
    struct WordsOnly : Xapian::ExpandDecider {
        bool operator()(const std::string& term) const override {
            return !term.empty() && std::islower(static_cast<unsigned char>(term[0])) && term.size() > 2;
        }
    } words_only;
    // Exact term frequencies: across shards Xapian otherwise estimates them,
    // and the words chosen would differ from one database's.
    Xapian::ESet eset = enquire.get_eset(kMoreLikeTerms, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &words_only);
    std::vector<Xapian::Query> terms;
    for (auto t = eset.begin(); t != eset.end(); ++t) terms.emplace_back(*t);
    if (terms.empty()) return Xapian::Query::MatchNothing;
    Xapian::Query like(Xapian::Query::OP_OR, terms.begin(), terms.end());
    const Passage self = from_document_data(db_.get_document(*it).get_data());
    like = Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(std::string(schema::kUnique) + self.key));
    if (!also.empty()) like = Xapian::Query(Xapian::Query::OP_FILTER, like, also);
    return like;
}

Xapian::Query QueryBuilder::build(const SearchRequest& r, Words words) const {
    std::vector<Xapian::Query> filters;
    if (r.council) filters.push_back(any_term(schema::kCouncil, councils_matching(*r.council)));
    if (r.committee) filters.push_back(any_term(schema::kCommittee, committees_matching(*r.committee)));
    if (r.officer) filters.push_back(any_term(schema::kOfficer, officers_matching(*r.officer)));
    if (r.person) filters.push_back(any_term(schema::kPerson, people_matching(*r.person)));
    if (r.decision) filters.emplace_back(std::string(schema::kDecision) + fold_text(*r.decision));
    if (r.result) filters.emplace_back(std::string(schema::kResult) + fold_text(*r.result));
    if (r.moved_by) filters.push_back(any_term(schema::kMovedBy, people_matching(*r.moved_by)));
    if (r.voted_for) filters.push_back(any_term(schema::kVotedFor, people_matching(*r.voted_for)));
    if (r.voted_against) filters.push_back(any_term(schema::kVotedAgainst, people_matching(*r.voted_against)));
    if (r.type) filters.emplace_back(std::string(schema::kType) + fold_text(*r.type));
    if (r.status) filters.emplace_back(std::string(schema::kStatus) + fold_text(*r.status));
    if (r.from || r.to) filters.push_back(date_range(r.from.value_or(""), r.to.value_or("")));
    Xapian::Query query = parse(r.query, words);
    if (r.like) query = more_like(*r.like, r.query.empty() ? Xapian::Query() : query);
    // A minute reference typed into the search box ("minute 232", "cyp 229")
    // puts that item first, above any number that merely matches.
    if (auto reference = parse_minute_reference(r.query, committees_, councils_)) {
        std::vector<Xapian::Query> keys;
        for (const auto& p : find_minutes(db_, *reference)) keys.emplace_back(std::string(schema::kUnique) + p.key);
        if (!keys.empty()) {
            Xapian::Query referenced(Xapian::Query::OP_OR, keys.begin(), keys.end());
            // The query owns the posting source once released.
            Xapian::Query weight((new Xapian::FixedWeightPostingSource(kReferenceWeight))->release());
            Xapian::Query first(Xapian::Query::OP_FILTER, weight, referenced);
            query = Xapian::Query(Xapian::Query::OP_OR, first, query);
        }
    }
    // A numbered resolution typed as people cite it ("Resolution 2021-07",
    // "resolution no. 15-3") puts the item that records it first.
    static const std::regex resolution(R"(^\s*res(?:olution)?\.?\s+(?:no\.?\s*|number\s+|#\s*)?(\S*\d\S*)\s*$)",
                                       std::regex::icase);
    std::smatch numbered;
    if (std::regex_match(r.query, numbered, resolution)) {
        const std::string term = std::string(schema::kResolution) + fold_text(numbered[1].str());
        if (db_.term_exists(term)) {
            Xapian::Query weight((new Xapian::FixedWeightPostingSource(kReferenceWeight))->release());
            query = Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(Xapian::Query::OP_FILTER, weight, Xapian::Query(term)),
                                  query);
        }
    }
    if (filters.empty()) return query;
    Xapian::Query filter(Xapian::Query::OP_AND, filters.begin(), filters.end());
    return Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

}  // namespace minutebook
