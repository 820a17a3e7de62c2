// Turns a SearchRequest into a Xapian query: the query string through
// Xapian's QueryParser on ICU-folded text, field prefixes, extra-term
// alternatives, and the request's filters.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "query/search.h"

namespace minutebook {

class QueryBuilder {
public:
    // Reads the names of committees, officers and people from `db`'s metadata.
    explicit QueryBuilder(const Xapian::Database& db) : QueryBuilder(db, db) {}
    // Matches in `db`; reads metadata, spelling and synonyms from
    // `vocabulary` (query/archive.h). Both must outlive the builder.
    QueryBuilder(const Xapian::Database& db, const Xapian::Database& vocabulary);

    // How the words of a simple query (words only, no operators) combine.
    enum class Words {
        kAll,  // every word must match (the default)
        kAny,  // any word may match, the more the better; common words dropped
    };

    // Throws BadRequest for a query or filter a person can fix.
    Xapian::Query build(const SearchRequest& request, Words words = Words::kAll) const;

    // The query string alone (no filters).
    Xapian::Query parse(const std::string& query, Words words = Words::kAll) const;

    // The query with words the archive does not hold replaced by the
    // nearest words it does ("accomodation" -> "accommodation"), or "" when
    // every word is known or nothing better is found.
    std::string corrected(const std::string& query) const;

    // Canonical names known to the index that match what was typed.
    std::vector<std::string> councils_matching(const std::string& typed) const;
    std::vector<std::string> committees_matching(const std::string& typed) const;
    std::vector<std::string> officers_matching(const std::string& typed) const;
    std::vector<std::string> people_matching(const std::string& typed) const;

private:
    const Xapian::Database& db_;
    const Xapian::Database& vocabulary_;
    std::vector<std::string> councils_;
    std::vector<std::string> committees_;
    std::vector<std::string> officers_;
    std::vector<std::string> people_;
    std::map<std::string, std::string> acronyms_;    // "mash" -> "multi agency safeguarding hub"
    std::map<std::string, std::string> expansions_;  // and back

    // Passages like the one with id `id` (its most telling words), within
    // `also` when it is not empty. Throws BadRequest for an unknown id.
    Xapian::Query more_like(const std::string& id, const Xapian::Query& also) const;

    // The query for one word of a simple query, with its alternatives.
    Xapian::Query word_query(Xapian::QueryParser& qp, const std::string& token, unsigned flags) const;
};

// Parses an ISO date or year for a range end: "2019-06-30", "2019-06", "2019".
// `end` picks the last day the text covers. Returns YYYYMMDD; throws BadRequest.
std::string range_date(const std::string& text, bool end);

}  // namespace minutebook
