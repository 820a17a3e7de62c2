// Query parameters: the design's filters read from a URL into a
// SearchRequest, and written back into URLs, so that a page's address holds
// its whole state.
#pragma once

#include <map>
#include <string>

#include "query/search.h"
#include "web/outcome.h"

namespace minutebook::web {

// httplib::Params: every name=value of a query string, decoded.
using Params = std::multimap<std::string, std::string>;

inline constexpr int kMaxPageLimit = 100;  // results per page or API call
inline constexpr int kMaxOffset = 10000;   // deeper than this: the CSV export
inline constexpr size_t kMaxFilterBytes = 200;

struct ParamRules {
    int default_limit = 10;
    int max_limit = kMaxPageLimit;
    // The API refuses names it does not know, so that a misspelt filter is
    // not silently ignored; pages ignore them (links from elsewhere carry
    // their own).
    bool reject_unknown = true;
};

// The search that `params` asks for: q, committee, from, to, officer,
// person, decision, type, status, sort, offset, limit. An empty value is an
// absent one. Bad request (one sentence saying what to change) for a value
// out of range, a query longer than kMaxQueryBytes, text that is not UTF-8.
Outcome<SearchRequest> search_request(const Params& params, const ParamRules& rules);

// The query string ("q=...&committee=...") that search_request() reads back
// as `request`; fields at their defaults are left out.
std::string query_string(const SearchRequest& request, int default_limit = 10);

// Percent-encoding for a query-string value or a path segment.
std::string url_encode(const std::string& text);

// Whether `text` can be one segment of a path: clean text of at most
// kMaxFilterBytes bytes, no '/'.
bool path_segment(const std::string& text);

// Whether `text` has the form YYYY-MM-DD.
bool iso_date_text(const std::string& text);

// Whether `text` is valid UTF-8 with no control characters but tab and
// newline.
bool clean_text(const std::string& text);

}  // namespace minutebook::web
