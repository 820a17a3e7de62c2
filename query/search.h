// Searching the index: the query layer that the command line, the HTTP API
// and the web pages share. Never links Poppler.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/passage.h"
#include "query/archive.h"

namespace minutebook {

// A search as every interface takes it (the design's filters).
struct SearchRequest {
    std::string query;
    std::optional<std::string> council;    // canonical name or any variant a person types ("Kent", "KCC")
    std::optional<std::string> committee;  // canonical name or any variant a person types
    std::optional<std::string> from;       // ISO date, inclusive, on meeting_date
    std::optional<std::string> to;         // ISO date, inclusive
    std::optional<std::string> officer;    // any variant of the name
    std::optional<std::string> person;
    std::optional<std::string> decision;   // approved|agreed|noted|...
    std::optional<std::string> result;     // a motion's result: carried|failed|withdrawn
    std::optional<std::string> moved_by;   // any variant of a person's name: motions they moved
    std::optional<std::string> voted_for;  // named for a motion in a roll call or vote block
    std::optional<std::string> voted_against;
    std::optional<std::string> type;       // minute|action|report|agenda|page
    std::optional<std::string> status;     // open|complete
    std::optional<std::string> like;       // a passage id: passages like it ("more like this")
    std::string sort = "relevance";        // relevance|date
    int offset = 0;
    int limit = 10;                        // REQUIRES: 1..kMaxLimit
};

// The optional filters of a request with their parameter names, in the
// order every interface lists them (URLs, hidden form fields).
inline std::vector<std::pair<const char*, const std::optional<std::string>*>> filter_fields(
    const SearchRequest& r) {
    return {{"council", &r.council},     {"committee", &r.committee}, {"from", &r.from},         {"to", &r.to},
            {"officer", &r.officer},     {"person", &r.person},     {"decision", &r.decision},
            {"type", &r.type},           {"status", &r.status},     {"like", &r.like},
            {"result", &r.result},       {"moved_by", &r.moved_by}, {"voted_for", &r.voted_for},
            {"voted_against", &r.voted_against}};
}

inline constexpr int kMaxLimit = 1000;
inline constexpr size_t kMaxQueryBytes = 1000;

struct SearchResult {
    Passage passage;
    std::string snippet;  // HTML: text escaped, matched words in <mark>
    int page = 0;         // where the best match stands
    double score = 0;
};

struct FacetValue {
    std::string value;
    int count = 0;
};

struct SearchResponse {
    SearchRequest request;
    int total = 0;
    bool total_exact = true;
    // False when the matches were too many to count one by one, and the
    // facet counts (and the total) were estimated from a sample of the
    // archive (SearchSettings::exact_matches).
    bool facets_exact = true;
    // The query that was run instead, when the query as typed found nothing
    // and a spelling correction from the archive's own words did.
    std::optional<std::string> corrected;
    // A correction offered when the query found few results.
    std::optional<std::string> did_you_mean;
    // True when no passage held every word, so passages holding any of them
    // (the more the better) were returned instead.
    bool relaxed = false;
    std::vector<SearchResult> results;
    std::vector<std::pair<std::string, std::vector<FacetValue>>> facets;  // in contract order
};

// Thrown for a request a person can fix (bad date, limit out of range, a
// query the parser cannot read); the message is one sentence.
class BadRequest : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// How a Searcher counts.
struct SearchSettings {
    // Totals and facet counts are exact for a search with up to this many
    // matching passages. Beyond, they are estimated on the archive's first
    // sample buckets (core/schema.h kSample) and scaled up. An index
    // written without sample buckets counts up to kUnsampledExactMatches
    // instead. REQUIRES: > 0.
    unsigned exact_matches = 5000;
};
// A sample holds about this share of exact_matches (1,500 by default): the
// first sample bucket is counted, then as many more as make it up.
inline constexpr double kSampleShare = 0.3;
inline constexpr unsigned kUnsampledExactMatches = 100000;

// Opens the index once and answers searches. Not thread-safe: use one
// Searcher per thread (Xapian databases are cheap to open).
class Searcher {
public:
    // Throws Xapian::DatabaseOpeningError when there is no index at `db_path`.
    explicit Searcher(const std::string& db_path);
    // Several databases searched as one (shards); throws as open_index().
    explicit Searcher(const IndexLocation& location, SearchSettings settings = {});
    ~Searcher();
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    SearchResponse search(const SearchRequest& request);
    // Number of passages in the index.
    int passage_count() const;
    // Shows the latest commit of every database; opens remote databases
    // again when their server closed the connection (xapian-tcpsrv closes
    // idle ones). search() does this first.
    void reopen();
    // The index this searcher reads, for look-ups by term and metadata.
    const OpenIndex& index() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    SearchResponse run(const Xapian::Query& query, const SearchRequest& request);
    // Counts the total and facets of a search with many matches on the
    // first sample buckets (core/schema.h kSample), scaled up.
    void count_sample(const Xapian::Query& matching, SearchResponse& response);
    struct SampleCount;
    void count_buckets(const Xapian::Query& matching, unsigned from, unsigned to, SampleCount& count);
};

// The design's JSON contract for a response.
nlohmann::json to_json(const SearchResponse& response);
nlohmann::json to_json(const SearchResult& result);

}  // namespace minutebook
