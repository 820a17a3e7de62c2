#include "query/query_builder.h"

#include <cctype>

#include "core/names.h"
#include "core/normalise.h"
#include "core/schema.h"

namespace minutebook {
namespace {

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

// "date:2019-01-01..2020-06-30", "date:2019..2020", "date:2024-10-08".
class DateProcessor : public Xapian::FieldProcessor {
public:
    Xapian::Query operator()(const std::string& value) override {
        size_t dots = value.find("..");
        if (dots == std::string::npos) return date_range(value, value);
        return date_range(value.substr(0, dots), value.substr(dots + 2));
    }
};

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

QueryBuilder::QueryBuilder(const Xapian::Database& db)
    : db_(db),
      committees_(metadata_values(db, "committee:")),
      officers_(metadata_values(db, "officer:")),
      people_(metadata_values(db, "person:")) {}

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

Xapian::Query QueryBuilder::parse(const std::string& raw) const {
    const std::string folded = fold_query(raw);
    if (folded.find_first_not_of(' ') == std::string::npos) return Xapian::Query::MatchAll;
    Xapian::QueryParser qp;
    qp.set_database(db_);
    qp.set_stemmer(Xapian::Stem("english"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.add_boolean_prefix("type", std::string(schema::kType));
    qp.add_boolean_prefix("decision", std::string(schema::kDecision));
    qp.add_boolean_prefix("status", std::string(schema::kStatus));
    qp.add_boolean_prefix("year", std::string(schema::kYear));
    qp.add_boolean_prefix("minute", std::string(schema::kMinute));
    qp.add_boolean_prefix("part", std::string(schema::kPart));
    qp.add_boolean_prefix(
        "committee", (new NameProcessor(*this, &QueryBuilder::committees_matching, schema::kCommittee))->release());
    qp.add_boolean_prefix(
        "officer", (new NameProcessor(*this, &QueryBuilder::officers_matching, schema::kOfficer))->release());
    qp.add_boolean_prefix(
        "person", (new NameProcessor(*this, &QueryBuilder::people_matching, schema::kPerson))->release());
    qp.add_boolean_prefix("date", (new DateProcessor)->release());
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT;
    try {
        if (!simple_query(folded)) return qp.parse_query(folded, flags);
        // Tokens the parser would take apart ("2024/039", "e-mail") also
        // match their extra terms, as documents carry them.
        std::vector<Xapian::Query> parts;
        std::string rest;
        size_t i = 0;
        while (i < folded.size()) {
            size_t j = folded.find(' ', i);
            if (j == std::string::npos) j = folded.size();
            const std::string token = folded.substr(i, j - i);
            i = j + 1;
            if (token.empty()) continue;
            auto alternatives = query_alternatives(token);
            if (alternatives.empty()) {
                rest += token + " ";
                continue;
            }
            std::vector<Xapian::Query> either{qp.parse_query(token, flags)};
            for (const auto& a : alternatives) either.emplace_back(a);
            parts.emplace_back(Xapian::Query::OP_OR, either.begin(), either.end());
        }
        if (rest.find_first_not_of(' ') != std::string::npos) parts.push_back(qp.parse_query(rest, flags));
        if (parts.size() == 1) return parts.front();
        return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    } catch (const Xapian::QueryParserError& e) {
        throw BadRequest("The query cannot be read: " + e.get_msg() + ".");
    }
}

Xapian::Query QueryBuilder::build(const SearchRequest& r) const {
    std::vector<Xapian::Query> filters;
    if (r.committee) filters.push_back(any_term(schema::kCommittee, committees_matching(*r.committee)));
    if (r.officer) filters.push_back(any_term(schema::kOfficer, officers_matching(*r.officer)));
    if (r.person) filters.push_back(any_term(schema::kPerson, people_matching(*r.person)));
    if (r.decision) filters.emplace_back(std::string(schema::kDecision) + fold_text(*r.decision));
    if (r.type) filters.emplace_back(std::string(schema::kType) + fold_text(*r.type));
    if (r.status) filters.emplace_back(std::string(schema::kStatus) + fold_text(*r.status));
    if (r.from || r.to) filters.push_back(date_range(r.from.value_or(""), r.to.value_or("")));
    Xapian::Query query = parse(r.query);
    if (filters.empty()) return query;
    Xapian::Query filter(Xapian::Query::OP_AND, filters.begin(), filters.end());
    return Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

}  // namespace minutebook
