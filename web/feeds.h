// A search as an Atom feed (RFC 4287) and as CSV (RFC 4180).
#pragma once

#include <string>
#include <vector>

#include "query/search.h"

namespace minutebook::web {

// The feed of `response` (searched newest first). `base_url`
// ("http://host:port") makes links absolute; `now` (RFC 3339) dates the
// feed when no entry has a date.
std::string atom_feed(const SearchResponse& response, const std::string& base_url,
                      const std::string& now);

// The CSV columns, one line, CRLF-terminated.
std::string csv_header();
// One line per result, CRLF-terminated, in the columns of csv_header().
std::string csv_rows(const std::vector<SearchResult>& results, const std::string& base_url);

// A CSV field: quoted when it holds a comma, quote or line break. A cell
// that a spreadsheet would run as a formula (= + - @ first) is kept as
// text with a leading apostrophe.
std::string csv_field(const std::string& text);

// Text for an XML document: escaped, and without the control characters
// XML 1.0 forbids (PDF text carries form feeds).
std::string xml_text(const std::string& text);

}  // namespace minutebook::web
