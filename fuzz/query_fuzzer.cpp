// The query front end on anything a person can send: what /api/search does
// (the parameters read by web/params.h, Searcher::search, the JSON) and
// what /api/minute does (look_up_minute and its JSON), against a small index
// built once from two pages of minutes.
//
// Input: the query (q, or ref for the look-up) on the first line; each
// further line "name=value" is one more parameter of the search, decoded
// (committee=cyp, from=2024-01-01, sort=date, limit=5, ...).
#include <xapian.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_checks.h"
#include "indexer/passages.h"
#include "indexer/writer.h"
#include "query/minute_ref.h"
#include "query/search.h"
#include "web/params.h"

using namespace minutebook;
using minutebook::fuzz::require;
using minutebook::fuzz::valid_utf8;

namespace {

// Lines of the Children and Young People Committee's minutes of 8 October
// 2024 (corpus/), enough for committees, people, minute numbers, a
// resolution, sums of money and an acronym the papers define.
const char* const kPages[] = {
    R"(Children and Young People Committee: Minutes
Date: 8 October 2024
Time: 2.00 pm - 4.35 pm
Venue: Red Kite Room, New Shire Hall, Alconbury Weald
Present: Councillors Ambrose-Smith, Bradnam, Count, Coutts, Daunton, Goodliffe (Chair),
Gowing, Hay, Hoy, Meschini, Sharp, Slatter, Thompson and Taylor.
228. Apologies for absence and declarations of interest
Apologies for absence were received from Councillor Mike Atkins, Councillor Alex Bulat
(substituted by Councillor Elisa Meschini) and Dr Andy Stone.
229. Minutes - 10 September 2024 and minutes action log
The minutes of the meeting on 10 September 2024 were approved as an accurate record.
231. Healthy Child Programme Commissioning Approach
The committee received a report that followed an initial report to committee on 12 March
2024 where approval had been granted to commission an integrated Healthy Child
Programme (HCP) across both Cambridgeshire and Peterborough local authority areas.
It was resolved unanimously:
a) To agree the annual budget of £9,126,108 for 25-26 of which 3% shall only be paid to
the Cambridgeshire Community Services (CCS) NHS Trust.
232. Music Education Hub Funding Consortium Agreement
)",
    R"(The committee received a report that outlined the new national Music Education Hub Funding
Process set out by the Department for Education. Officers agreed to produce a briefing on
the range of projects. Action Required. Minute 229 refers.
It was resolved unanimously to:
a) Approve the Consortium Agreement between Cambridgeshire and Peterborough Local
Authorities.
233. Ofsted Action plan and update on Sector Led Improvement Programme
Members requested further detail on the Multi Agency Safeguarding Hub (MASH), new MASH
screening template in place from the end of August. The accomodation forecast was £7.3 million.
It was resolved to note the report.
)",
};

struct Index {
    std::filesystem::path dir;
    std::unique_ptr<Searcher> searcher;
    std::unique_ptr<Xapian::Database> db;
};
Index* fixture;

void remove_index() {
    std::filesystem::remove_all(fixture->dir);
}

web::Params params_of(std::string_view input) {
    size_t end = input.find('\n');
    web::Params params{{"q", std::string(input.substr(0, end))}};
    while (end != std::string_view::npos) {
        const size_t start = end + 1;
        end = input.find('\n', start);
        const std::string_view line =
            input.substr(start, end == std::string_view::npos ? end : end - start);
        const size_t eq = line.find('=');
        if (eq != std::string_view::npos) params.emplace(line.substr(0, eq), line.substr(eq + 1));
    }
    return params;
}

// The web's error body for a message: it must be JSON.
void check_message(const std::string& message) {
    require(valid_utf8(nlohmann::json{{"message", message}}.dump()), "an error message is JSON");
}

void search(const web::Params& params) {
    auto request = web::search_request(params, web::ParamRules{});
    if (!request) return check_message(request.failure().message);
    try {
        require(valid_utf8(to_json(fixture->searcher->search(request.value())).dump()),
                "the search's JSON is UTF-8");
    } catch (const BadRequest& e) {
        check_message(e.what());
    }
}

void look_up(const std::string& ref) {
    if (ref.empty() || ref.size() > kMaxReferenceBytes || !web::clean_text(ref)) return;
    require(valid_utf8(to_json(look_up_minute(*fixture->db, ref)).dump()),
            "the look-up's JSON is UTF-8");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fixture = new Index;
    std::string dir =
        (std::filesystem::temp_directory_path() / "minutebook-query-fuzzer-XXXXXX").string();
    require(mkdtemp(dir.data()) != nullptr, "a temporary folder can be made");
    fixture->dir = dir;
    std::atexit(remove_index);
    std::vector<PageText> pages;
    for (const char* text : kPages) {
        PageText page;
        page.number = static_cast<int>(pages.size()) + 1;
        page.text = text;
        pages.push_back(page);
    }
    {
        IndexWriter writer((fixture->dir / "db").string());
        for (const auto& p : make_passages(FileInfo{"minutes.pdf", std::string(64, 'a')}, pages))
            writer.add(p);
        writer.finish();
    }
    fixture->searcher = std::make_unique<Searcher>((fixture->dir / "db").string());
    fixture->db = std::make_unique<Xapian::Database>((fixture->dir / "db").string());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    search(params_of(input));
    look_up(std::string(input.substr(0, input.find('\n'))));
    return 0;
}
