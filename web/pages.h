// The HTML pages, each a whole document rendered from what the query layer
// and the look-ups return. Pure functions: no I/O, no index access.
#pragma once

#include <string>
#include <vector>

#include "core/passage.h"
#include "query/minute_ref.h"
#include "query/search.h"
#include "web/lookup.h"
#include "web/profiles.h"

namespace minutebook::web {

// Results of a search with its facets (a click adds a filter), the chosen
// filters as removable chips, date range, sort and paging. Every link keeps
// the whole state in its URL. `default_limit`: the page size links leave out.
// `named`: the minute item the query names as a reference ("CYP 232"),
// shown above the results.
std::string search_page(const SearchResponse& response, int default_limit,
                        const Passage* named = nullptr);

// The front page: one search box, the committees and years to start from.
// `everything`: the response to an empty query (its facets).
std::string home_page(const std::vector<CommitteeSummary>& committees,
                      const SearchResponse& everything);

// Committees with their meetings, years and kinds of passage.
std::string browse_page(const std::vector<CommitteeSummary>& committees,
                        const SearchResponse& everything);

// The query syntax and the API, explained.
std::string help_page();

// One passage: a minute item or any other kind, its text with page marks,
// its decision, every file and page that prints it, the minutes it cites,
// the later passages that cite it, and its citation.
std::string passage_page(const Passage& passage, const std::vector<CitedMinute>& cites,
                         const std::vector<Passage>& cited_by);

// One meeting: its minute items in number order with their resolutions,
// then its other passages, each with a link to its page in the PDF.
std::string meeting_page(const std::string& committee, const std::string& date,
                         const std::vector<Passage>& passages);

// An officer or a person: the reports naming them, the actions they are
// responsible for (open first), the meetings they attended, each a link.
std::string profile_page(const Profile& profile);

// A committee: its meetings by year. With a `topic`, the minute items
// about it that record a decision (`decisions`, oldest first): meeting,
// minute number, kind of decision and the resolution's words.
std::string committee_page(const CommitteeSummary& committee, const std::string& topic,
                           const std::vector<Passage>& decisions);

// A council: its committees, the officers and people most named
// (`everything`: a search of its passages), its meetings by year, and with a
// `topic` the minute items about it that record a decision.
std::string council_page(const std::string& council, const std::vector<CommitteeSummary>& committees,
                         const SearchResponse& everything, const std::string& topic,
                         const std::vector<Passage>& decisions);

// The link that opens a file's PDF at a page.
std::string pdf_href(const std::string& file_id, int page);

// A motion as a person reads it: "Moved by X, seconded by Y. Carried: for
// 51, against 6, abstained 2", with the names of each side of a roll call.
std::string motion_html(const Motion& motion);
// The short form for lists: "carried 5-0", "failed 15-35", "carried".
std::string motion_tally(const Motion& motion);

}  // namespace minutebook::web
