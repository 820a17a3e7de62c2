#include <unistd.h>

#include <cstring>
#include <iostream>

#include "app/args.h"
#include "app/commands.h"
#include "app/index_location.h"
#include "query/search.h"

namespace minutebook {
namespace {

const char* kHelp = R"(Usage: minutebook search [OPTIONS] QUERY...

Searches the index and prints ranked results: title, where it stands (file
and page), and a snippet with the matched words marked. Without an index
yet, the bundled archive (corpus/) is indexed first.

Options (each also as --name=value):
  --db DIR            the index to search; repeat it to search several
                      databases as one (shards), each a folder or
                      tcp://HOST:PORT (xapian-tcpsrv)
  --vocabulary DIR    the shards' vocabulary (minutebook vocabulary);
                      without it, several databases get one made at start
  --json              print the JSON object of the API instead (only it goes
                      to standard output)
  --limit N           results to show (default 10, at most 1000)
  --offset N          results to skip (default 0)
  --council NAME      only this council's papers (any variant: "Kent",
                      "KCC", "Kent County Council")
  --committee NAME    only this committee (any variant: "CYP",
                      "Children and Young People")
  --from DATE         meetings on or after DATE (YYYY-MM-DD)
  --to DATE           meetings on or before DATE
  --officer NAME      passages naming this officer (any variant of the name)
  --person NAME       passages naming this person
  --decision KIND     approved, agreed, noted, commented, endorsed,
                      deferred, rejected, other
  --result RESULT     minute items whose motion was carried, failed or
                      withdrawn
  --moved-by NAME     minute items with a motion this person moved
  --voted-for NAME    minute items where this person is named voting for a
                      motion (a roll call or vote block)
  --voted-against NAME  ... voting against one
  --type TYPE         minute, action, report, agenda, page
  --status STATUS     actions: open, complete
  --sort ORDER        relevance (default) or date (newest first)
  --like ID           passages like the one with this id (more like this),
                      within QUERY when one is given
  --exact-count N     count the total and facets one by one up to N matching
                      passages (default 5000); beyond, estimate them from a
                      sample of the archive ("about")

Query syntax: words (all must match; English stemming), "quoted phrases",
-excluded, OR, AND, NOT, brackets, and the prefixes council:, committee:, officer:,
person:, minute:, type:, decision:, status:, year:, date:FROM..TO.
)";

// Entities that Xapian's snippets and escape_html() produce.
std::string unescape(const std::string& html) {
    static const std::pair<const char*, const char*> kEntities[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}};
    std::string out;
    for (size_t i = 0; i < html.size();) {
        bool replaced = false;
        for (const auto& [entity, text] : kEntities) {
            if (html.compare(i, std::strlen(entity), entity) == 0) {
                out += text;
                i += std::strlen(entity);
                replaced = true;
                break;
            }
        }
        if (!replaced) out.push_back(html[i++]);
    }
    return out;
}

std::string terminal_snippet(std::string snippet, bool tty) {
    const std::string open = tty ? "\033[1m" : "[";
    const std::string close = tty ? "\033[0m" : "]";
    for (auto [from, to] : {std::pair<std::string, std::string>{"<mark>", open}, {"</mark>", close}}) {
        for (size_t at = snippet.find(from); at != std::string::npos; at = snippet.find(from, at + to.size())) {
            snippet.replace(at, from.size(), to);
        }
    }
    return unescape(snippet);
}

void print_results(const SearchResponse& response, std::ostream& out, bool tty) {
    const auto& results = response.results;
    out << response.total << (response.total_exact ? "" : " (about)") << " results for '"
        << response.request.query << "'";
    if (!results.empty()) {
        out << ", showing " << response.request.offset + 1 << "-"
            << response.request.offset + static_cast<int>(results.size());
    }
    out << "\n\n";
    int rank = response.request.offset;
    for (const auto& r : results) {
        const Passage& p = r.passage;
        out << ++rank << ". " << (p.title.empty() ? "(untitled)" : p.title) << "\n   ";
        std::string facts;
        auto add = [&](const std::string& fact) { facts += (facts.empty() ? "" : " · ") + fact; };
        add(to_string(p.type));
        if (p.council) add(*p.council);
        if (p.committee) add(*p.committee);
        if (p.meeting_date) add(*p.meeting_date);
        if (p.minute) add("minute " + *p.minute);
        if (p.decision) add("decision: " + p.decision->kind);
        for (const auto& m : p.motions) {
            if (m.result != MotionResult::kNotStated) add(std::string("motion ") + to_string(m.result));
        }
        out << facts << "\n   " << p.primary().file << ", page " << r.page;
        if (p.locations.size() > 1) out << " (and " << p.locations.size() - 1 << " more)";
        out << "\n   " << terminal_snippet(r.snippet, tty) << "\n\n";
    }
}

}  // namespace

int run_search(const std::vector<std::string>& argv) {
    Args args(argv, {{"db", "vocabulary", "exact-count", "limit", "offset", "council", "committee", "from", "to", "officer", "person",
                      "decision", "type", "status", "sort", "like", "result", "moved-by", "voted-for",
                      "voted-against"},
                     {"json", "help"}});
    if (args.flag("help")) {
        std::cout << kHelp;
        return 0;
    }
    SearchRequest request;
    for (const auto& word : args.positional()) request.query += (request.query.empty() ? "" : " ") + word;
    request.limit = args.integer("limit", 10, 1, kMaxLimit);
    request.offset = args.integer("offset", 0, 0, 1000000000);
    request.council = args.value("council");
    request.committee = args.value("committee");
    request.from = args.value("from");
    request.to = args.value("to");
    request.officer = args.value("officer");
    request.person = args.value("person");
    request.decision = args.value("decision");
    request.type = args.value("type");
    request.status = args.value("status");
    request.sort = args.value("sort").value_or("relevance");
    request.like = args.value("like");
    request.result = args.value("result");
    request.moved_by = args.value("moved-by");
    request.voted_for = args.value("voted-for");
    request.voted_against = args.value("voted-against");

    IndexLocation location = index_location(args);
    index_bundled_archive_if_missing(location, args);
    TemporaryVocabulary vocabulary(location);
    Searcher searcher(location, search_settings(args));
    SearchResponse response;
    try {
        response = searcher.search(request);
    } catch (const BadRequest& e) {
        throw UsageError(e.what());
    }
    if (args.flag("json")) {
        std::cout << to_json(response).dump(2) << "\n";
    } else {
        print_results(response, std::cout, isatty(STDOUT_FILENO));
    }
    return 0;
}

}  // namespace minutebook
