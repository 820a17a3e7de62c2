#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "corpus_index.h"
#include "indexer/writer.h"
#include "query/citation.h"
#include "query/minute_ref.h"
#include "run_command.h"

using namespace minutebook;
using test::quote;
using test::run_minutebook;

namespace {

const char* kCyp = "Children and Young People Committee";
const char* kCp = "Corporate Parenting Sub-Committee";
const char* kCyp2017 = "Agenda_reports_pack_11-Jul-2017_Children_and_Young_People_Committee.pdf";
const char* kCp2019 = "Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf";
const char* kCp2023 = "Agenda_reports_pack_15-Nov-2023_Corporate_Parenting_Sub-Committee.pdf";
const char* kCyp2024 = "Agenda_reports_pack_26-Nov-2024_Children_and_Young_People_Committee.pdf";

const std::vector<std::string> kCommittees = {kCyp, kCp};

// "232 | Children and Young People Committee | 2024-10-08": a reference as
// one string, so a failure shows all of it.
std::string show(const std::optional<MinuteReference>& r) {
    if (!r) return "not a reference";
    std::string committees;
    for (const auto& c : r->committees) committees += (committees.empty() ? "" : "+") + c;
    return r->number + " | " + committees + " | " + r->date;
}

// "minute|2024-10-08|232 action|2024-10-08|232": passages as one string.
std::string show(const std::vector<Passage>& passages) {
    std::string out;
    for (const auto& p : passages) {
        out += std::string(out.empty() ? "" : " ") + to_string(p.type) + "|" + p.meeting_date.value_or("-") + "|" + p.minute.value_or("-") +
               "|p" + std::to_string(p.primary().pages.front());
    }
    return out;
}

std::vector<Passage> minutes(const std::string& text) {
    Xapian::Database db(test::corpus_index().db);
    auto ref = parse_minute_reference(text, index_committees(db));
    REQUIRE(ref);
    return find_minutes(db, *ref);
}

Passage the_minute(const std::string& text) {
    auto found = minutes(text);
    REQUIRE(found.size() == 1);
    return found.front();
}

}  // namespace

TEST_CASE("references as clerks type them are read", "[minute][parse]") {
    struct Case {
        const char* text;
        const char* reads;
    };
    static const Case kCases[] = {
        {"232", "232 |  | "},
        {"CYP 232", "232 | Children and Young People Committee | "},
        {"cyp 229", "229 | Children and Young People Committee | "},
        {"minute 232 2024", "232 |  | 2024"},
        {"Children and Young People 8 October 2024 minute 232",
         "232 | Children and Young People Committee | 2024-10-08"},
        {"Corporate Parenting 22 May 2019 item 103", "103 | Corporate Parenting Sub-Committee | 2019-05-22"},
        {"12 june 2017 item 8", "8 |  | 2017-06-12"},
        {"Children and Young People Committee, 8 October 2024, minute 232",
         "232 | Children and Young People Committee | 2024-10-08"},
        {"minute 232 of the Children and Young People Committee", "232 | Children and Young People Committee | "},
        {"Minute No. 232", "232 |  | "},
        {"min. 8 (2017)", "8 |  | 2017"},
        {"CP 103 2019", "103 | Corporate Parenting Sub-Committee | 2019"},
        {"2024 232", "232 |  | 2024"},
        {"minute 232 October 2024", "232 |  | 2024-10"},
        {"minute 12 June 2017", "12 |  | 2017-06"},
        {"8/10/24 232", "232 |  | 2024-10-08"},
        {"Corporate Parenting Sub-Committee minute 0103", "103 | Corporate Parenting Sub-Committee | "},
        {"minute 2024", "2024 |  | "},
        {"item 8 of the meeting on Monday 12 June 2017", "8 |  | 2017-06-12"},
        // Month words in lower case, a day and month without a year.
        {"78 jul 2023", "78 |  | 2023-07"},
        {"cp 78 july 2023", "78 | Corporate Parenting Sub-Committee | 2023-07"},
        {"min 78 12th July", "78 |  | --07-12"},
        {"cp 78 july 12", "78 | Corporate Parenting Sub-Committee | --07-12"},
        {"cyp minute 232 8 oct", "232 | Children and Young People Committee | --10-08"},
        {"minute 12 june", "12 |  | --06"},
        {"232 3 sept", "232 |  | --09-03"},
        // Names without their small words; "resolution" and "motion" name the item.
        {"children young people 232", "232 | Children and Young People Committee | "},
        {"resolution 232", "232 |  | "},
        {"motion 78 cp", "78 | Corporate Parenting Sub-Committee | "},
    };
    for (const auto& c : kCases) {
        INFO("reference: " << c.text);
        CHECK(show(parse_minute_reference(c.text, kCommittees)) == c.reads);
    }
}

// An archive of many councils: the council's words before or after the
// committee's, or alone, in any form council_matches() takes.
TEST_CASE("references name the council too", "[minute][parse][councils]") {
    const std::vector<std::string> councils = {"Cambridgeshire County Council", "Kent County Council",
                                               "Garelochhead Community Council"};
    const std::vector<std::string> committees = {kCyp, kCp, "Cabinet", "Kent County Council"};
    struct Case {
        const char* text;
        const char* councils;
        const char* committees;
    };
    const Case cases[] = {
        {"cambridgeshire corporate parenting 78", "Cambridgeshire County Council", kCp},
        {"cp cambridgeshire 78", "Cambridgeshire County Council", kCp},
        {"KCC cabinet minute 88", "Kent County Council", "Cabinet"},
        {"kent cabinet 88", "Kent County Council", "Cabinet"},
        {"garelochhead minute 5 2021", "Garelochhead Community Council", ""},
        // The full council's own meeting is its committee.
        {"kent county council minute 283", "", "Kent County Council"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        auto r = parse_minute_reference(c.text, committees, councils);
        REQUIRE(r);
        std::string got_councils, got_committees;
        for (const auto& x : r->councils) got_councils += (got_councils.empty() ? "" : "+") + x;
        for (const auto& x : r->committees) got_committees += (got_committees.empty() ? "" : "+") + x;
        CHECK(got_councils == c.councils);
        CHECK(got_committees == c.committees);
    }
    // A council's one word alone, with no keyword or date, stays a topical query.
    for (const char* text : {"kent 283", "garelochhead 5", "cambridgeshire schools 78"}) {
        INFO(text);
        CHECK_FALSE(parse_minute_reference(text, committees, councils));
    }
}

TEST_CASE("money, page numbers, years and topical queries are not minute references", "[minute][parse]") {
    static const char* kCases[] = {
        "\xC2\xA3" "232",
        "2,232",
        "page 232",
        "p. 232",
        "paragraph 4",
        "4.8",
        "agenda item 5",
        "music education hub",
        "music education hub 232",
        "232 children",
        "2024",
        "2023 2024",
        "232 233",
        "number 10",
        "no 5",
        "minute",
        "CYP minutes 8 October 2024",
        "Planning Committee 5",
        "8 October 2024 minute 232 2023",
        "minutes of 8 October 2024 and 12 June 2017 item 3",
        "12th July",
        "may 5",
        "12 July 232 2023",
        "12 months 232",
        "",
    };
    for (const char* text : kCases) {
        INFO("text: " << text);
        CHECK(show(parse_minute_reference(text, kCommittees)) == "not a reference");
    }
}

TEST_CASE("committee words need a committee the index knows", "[minute][parse]") {
    CHECK(show(parse_minute_reference("CYP 232", {})) == "not a reference");
    CHECK(show(parse_minute_reference("232", {})) == "232 |  | ");
    CHECK(show(parse_minute_reference("children minute 232", kCommittees)) ==
          "232 | Children and Young People Committee | ");
}

// Each answer was checked against the PDFs with pdftotext: the minutes of
// 8 October 2024 stand on pages 3-9 of the 26 November 2024 pack (minute 232
// starts on page 4); those of 22 May 2019 (96-105) in the 17 July 2019 pack,
// 12 July 2023 (72-83) in the 15 November 2023 pack, 12 June 2017 (1-12) in
// the 11 July 2017 pack.
TEST_CASE("references find their minute item in the corpus", "[minute][e2e]") {
    struct Case {
        const char* text;
        const char* file;
        const char* found;
        const char* title;
    };
    static const Case kCases[] = {
        {"232", kCyp2024, "minute|2024-10-08|232|p4", "Music Education Hub Funding Consortium Agreement"},
        {"CYP 232", kCyp2024, "minute|2024-10-08|232|p4", "Music Education Hub Funding Consortium Agreement"},
        {"minute 232 2024", kCyp2024, "minute|2024-10-08|232|p4", "Music Education Hub Funding Consortium Agreement"},
        {"Children and Young People 8 October 2024 minute 232", kCyp2024, "minute|2024-10-08|232|p4",
         "Music Education Hub Funding Consortium Agreement"},
        {"cyp 229", kCyp2024, "minute|2024-10-08|229|p3", "Minutes - 10 September 2024 and minutes action log"},
        {"Corporate Parenting 22 May 2019 item 103", kCp2019, "minute|2019-05-22|103|p6",
         "FOSTERING SERVICE ANNUAL REPORT 2018/19"},
        {"CP 77", kCp2023, "minute|2023-07-12|77|p3", "Participation Report"},
        {"12 june 2017 item 8", kCyp2017, "minute|2017-06-12|8|p8", "CHARGING FOR ACADEMY CONVERSIONS"},
        {"cp 77 jul 2023", kCp2023, "minute|2023-07-12|77|p3", "Participation Report"},
        {"min 77 12th July", kCp2023, "minute|2023-07-12|77|p3", "Participation Report"},
        {"minute 232 8 oct", kCyp2024, "minute|2024-10-08|232|p4", "Music Education Hub Funding Consortium Agreement"},
    };
    for (const auto& c : kCases) {
        INFO("reference: " << c.text);
        auto found = minutes(c.text);
        CHECK(show(found) == c.found);
        if (found.size() != 1) continue;
        CHECK(found[0].primary().file == c.file);
        CHECK(found[0].title == c.title);
    }
}

TEST_CASE("a reference that matches nothing finds nothing", "[minute][e2e]") {
    CHECK(minutes("CYP 103").empty());
    CHECK(minutes("minute 232 2019").empty());
    CHECK(minutes("Corporate Parenting 232").empty());
    CHECK(minutes("9999").empty());
}

TEST_CASE("the citation names committee, meeting, minute, pack and page", "[minute][citation]") {
    CHECK(citation(the_minute("CYP 232")) ==
          "Children and Young People Committee, 8 October 2024, minute 232 (agenda pack of 26 November 2024, p. 4)");
    CHECK(citation(the_minute("Corporate Parenting 22 May 2019 item 103")) ==
          "Corporate Parenting Sub-Committee, 22 May 2019, minute 103 (agenda pack of 17 July 2019, p. 6)");
    CHECK(citation(the_minute("12 june 2017 item 8")) ==
          "Children and Young People Committee, 12 June 2017, minute 8 (agenda pack of 11 July 2017, p. 8)");
}

TEST_CASE("a citation is itself a reference to the same minute", "[minute][citation]") {
    const Passage item = the_minute("CYP 232");
    std::string text = citation(item);
    text = text.substr(0, text.find(" ("));
    CHECK(show(minutes(text)) == show(std::vector<Passage>{item}));
}

TEST_CASE("long dates read as clerks write them", "[minute][citation]") {
    CHECK(long_date("2024-10-08") == "8 October 2024");
    CHECK(long_date("2024-10") == "October 2024");
    CHECK(long_date("2024") == "2024");
    CHECK(long_date("undated") == "undated");
    CHECK(long_date("2024-13-01") == "2024-13-01");
}

// The action log of the 26 November 2024 pack (pages 11-12) lists minutes
// 231, 232 (three rows) and 234 of 8 October 2024; that of the 17 July 2019
// pack lists minute 103 of 22 May 2019 on page 13; that of the 11 July 2017
// pack minute 8 of 12 June 2017 on page 18.
TEST_CASE("minutes know the action-log rows that cite them", "[minute][cited-by][e2e]") {
    struct Case {
        const char* text;
        const char* cited_by;
    };
    static const Case kCases[] = {
        {"CYP 232", "action|2024-10-08|232|p11 action|2024-10-08|232|p11 action|2024-10-08|232|p12"},
        {"CYP 231", "action|2024-10-08|231|p11"},
        {"CYP 234", "action|2024-10-08|234|p12"},
        {"CYP 233", ""},
        {"Corporate Parenting 22 May 2019 item 103", "action|2019-05-22|103|p13"},
        {"12 june 2017 item 8", "action|2017-06-12|8|p18"},
    };
    Xapian::Database db(test::corpus_index().db);
    for (const auto& c : kCases) {
        INFO("reference: " << c.text);
        CHECK(show(citing_passages(db, the_minute(c.text))) == c.cited_by);
    }
}

// Minute 99 of 22 May 2019 (the action log) discusses minutes 9, 53, 58 and
// 93 of earlier meetings, none of whose minutes the corpus holds.
TEST_CASE("minutes list what they cite, found or not", "[minute][cites][e2e]") {
    Xapian::Database db(test::corpus_index().db);
    const Passage item = the_minute("CP 99 2019");
    std::string cites;
    for (const auto& c : cited_minutes(db, item)) cites += c.number + (c.minute ? "+ " : "- ");
    CHECK(cites == "9- 53- 58- 93- ");
    const Passage action_row = citing_passages(db, the_minute("CYP 232")).front();
    auto cited = cited_minutes(db, action_row);
    REQUIRE(cited.size() == 1);
    REQUIRE(cited[0].minute);
    CHECK(cited[0].minute->key == "minute/children-and-young-people-committee/2024-10-08/232");
}

namespace {

// A committee whose numbering restarted, so minute 5 stands twice.
struct RestartedNumbering {
    test::TempDir dir{"minutebook-minute-ref"};
    std::string db = (dir.path() / "db").string();

    static Passage passage(const std::string& type, const std::string& date, const std::string& number,
                           std::vector<std::string> cites, const std::string& pack_date) {
        Passage p;
        p.type = parse_passage_type(type).value();
        p.part = type == "minute" ? PartKind::kMinutes : PartKind::kActionLog;
        p.key = type + "/test-committee/" + (date.empty() ? pack_date : date) + "/" + number + "/" + type;
        p.title = type + " " + number;
        p.committee = "Test Committee";
        if (!date.empty()) p.meeting_date = date;
        p.minute = number;
        p.cites = std::move(cites);
        p.locations.push_back(Location{"pack-" + pack_date + ".pdf", "id-" + pack_date, {3}, false, pack_date});
        p.text = p.title;
        return p;
    }

    RestartedNumbering() {
        IndexWriter w(db);
        w.add(passage("minute", "2020-01-10", "5", {}, "2020-03-10"));
        w.add(passage("minute", "2020-03-10", "7", {"5"}, "2020-04-10"));
        w.add(passage("action", "2020-01-10", "5", {"5"}, "2020-03-10"));
        w.add(passage("minute", "2021-01-10", "5", {}, "2021-02-01"));
        w.add(passage("action", "", "5", {"5"}, "2021-01-10"));  // no minutes date: cites what came before its pack
        w.add(passage("minute", "2021-02-01", "9", {"5"}, "2021-03-01"));
        w.commit();
    }
};

}  // namespace

TEST_CASE("a repeated minute number resolves to the meeting before the citing one", "[minute][cited-by]") {
    RestartedNumbering index;
    Xapian::Database db(index.db);
    auto both = find_minutes(db, *parse_minute_reference("minute 5", index_committees(db)));
    CHECK(show(both) == "minute|2021-01-10|5|p3 minute|2020-01-10|5|p3");
    auto first = find_minutes(db, *parse_minute_reference("minute 5 2020", index_committees(db)));
    REQUIRE(first.size() == 1);
    CHECK(show(citing_passages(db, first[0])) == "action|2020-01-10|5|p3 minute|2020-03-10|7|p3 action|-|5|p3");
    CHECK(show(citing_passages(db, both[0])) == "minute|2021-02-01|9|p3");

    auto nine = find_minutes(db, *parse_minute_reference("minute 9", index_committees(db)));
    REQUIRE(nine.size() == 1);
    auto cited = cited_minutes(db, nine[0]);
    REQUIRE(cited.size() == 1);
    REQUIRE(cited[0].minute);
    CHECK(*cited[0].minute->meeting_date == "2021-01-10");
}

TEST_CASE("the look-up's JSON is the result object with citation, cites, cited_by and candidates",
          "[minute][json]") {
    Xapian::Database db(test::corpus_index().db);
    nlohmann::json j = to_json(look_up_minute(db, "CYP 232"));
    for (const char* key : {"id", "type", "title", "committee", "meeting_date", "minute", "file", "page", "pages",
                            "locations", "snippet", "decision", "officers", "ocr", "url", "pdf_url"}) {
        INFO(key);
        CHECK(j.contains(key));
    }
    CHECK(j["minute"] == "232");
    CHECK(j["page"] == 4);
    CHECK(j["url"] == "/minutes/children-and-young-people-committee/2024-10-08/232");
    CHECK(j["decision"]["kind"] == "approved");
    CHECK(j["citation"] ==
          "Children and Young People Committee, 8 October 2024, minute 232 (agenda pack of 26 November 2024, p. 4)");
    CHECK(j["cited_by"].size() == 3);
    CHECK(j["cited_by"][0]["type"] == "action");
    CHECK(j["cited_by"][0].contains("citation"));
    CHECK(j["cites"].empty());
    CHECK(j["candidates"].empty());
    CHECK(j["reference"]["number"] == "232");

    nlohmann::json none = to_json(look_up_minute(db, "CYP 103"));
    CHECK(none["candidates"].empty());
    CHECK(!none.contains("id"));
    CHECK(to_json(look_up_minute(db, "music education hub"))["reference"].is_null());
}

TEST_CASE("minute prints the item, where it stands, cited by and a citation", "[minute][cli]") {
    auto r = run_minutebook("minute --db " + quote(test::corpus_index().db) + " CYP 232");
    REQUIRE(r.status == 0);
    const std::vector<std::string> kSays = {
        "Children and Young People Committee, 8 October 2024, minute 232",
        "Music Education Hub Funding Consortium Agreement",
        "Resolution (approved):",
        "It was resolved unanimously to:",
        std::string(kCyp2024) + ", pp. 4-5 (agenda pack of 26 November 2024)",
        "Cited by:",
        "Helen Gregg",
        "minutes action log, minute 232 of 8 October 2024 (agenda pack of 26 November 2024, p. 12)",
        "Children and Young People Committee, 8 October 2024, minute 232 (agenda pack of 26 November 2024, p. 4)"};
    for (const auto& says : kSays) {
        INFO(says);
        CHECK(r.out.find(says) != std::string::npos);
    }
}

TEST_CASE("minute exits 0 for an item, 1 for nothing and 2 for misuse", "[minute][cli]") {
    const std::string db = "--db " + quote(test::corpus_index().db) + " ";
    struct Case {
        const char* args;
        int status;
        const char* says;
    };
    static const Case kCases[] = {
        {"minute 232 2024", 0, "minute 232 (agenda pack of 26 November 2024, p. 4)"},
        {"'Corporate Parenting 22 May 2019 item 103'", 0, "FOSTERING SERVICE ANNUAL REPORT 2018/19"},
        {"CYP 103", 1, "no minute 103 of Children and Young People Committee in the index"},
        {"minute 232 2019", 1, "no minute 232 in 2019 in the index"},
        {"music education hub", 2, "is not a minute reference"},
        {"page 232", 2, "is not a minute reference"},
        {"", 2, "give a minute reference"},
        {"--colour red 232", 2, "Unknown option --colour"},
    };
    for (const auto& c : kCases) {
        INFO("minutebook minute " << c.args);
        auto r = run_minutebook("minute " + db + c.args);
        CHECK(r.status == c.status);
        CHECK((r.out + r.err).find(c.says) != std::string::npos);
    }
}

TEST_CASE("minute lists the candidates when a reference names several items", "[minute][cli]") {
    RestartedNumbering index;
    auto r = run_minutebook("minute --db " + quote(index.db) + " minute 5");
    CHECK(r.status == 0);
    CHECK(r.out.find("'minute 5' names 2 minute items") != std::string::npos);
    CHECK(r.out.find("1. minute 5 - Test Committee, 10 January 2021, minute 5 (agenda pack of 1 February 2021, p. 3)") !=
          std::string::npos);
    auto j = run_minutebook("minute --db " + quote(index.db) + " --json minute 5");
    CHECK(j.status == 0);
    auto candidates = nlohmann::json::parse(j.out)["candidates"];
    REQUIRE(candidates.size() == 2);
    CHECK(candidates[1]["meeting_date"] == "2020-01-10");
}

TEST_CASE("minute --json prints only the JSON object", "[minute][cli][json]") {
    auto r = run_minutebook("minute --db " + quote(test::corpus_index().db) + " --json cyp 229");
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["minute"] == "229");
    CHECK(j["meeting_date"] == "2024-10-08");
    CHECK(j["candidates"].empty());
    auto missing = run_minutebook("minute --db " + quote(test::corpus_index().db) + " --json CYP 103");
    CHECK(missing.status == 1);
    CHECK(nlohmann::json::parse(missing.out)["candidates"].empty());
}
