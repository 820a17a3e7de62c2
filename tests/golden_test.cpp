// Whole documents against golden files: tests/golden/<pdf name>.json holds
// what understand() must find in each corpus PDF (parts, meetings, every
// minute item, every action row, every report's metadata).
// MINUTEBOOK_UPDATE_GOLDEN=1 rewrites them; review the diff against the PDF.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "indexer/extract.h"
#include "indexer/passages.h"
#include "indexer/structure.h"
#include "test_paths.h"

using nlohmann::json;
using namespace minutebook;
namespace fs = std::filesystem;

namespace {

// The part of structure_to_json() a golden file pins down: long texts
// (bodies, resolutions, action cells) are left out so that a better
// extraction of a paragraph does not churn every golden file.
json golden_subset(const json& full) {
    json out;
    out["meeting"] = full["meeting"];
    out["parts"] = full["parts"];
    out["agenda"] = full["agenda"];
    out["minutes"] = json::array();
    for (const auto& m : full["minutes"]) {
        json jm = {{"meeting", m["meeting"]}, {"first_page", m["first_page"]}, {"last_page", m["last_page"]},
                   {"chair", m["attendance"]["chair"]}, {"present", m["attendance"]["present"].size()},
                   {"apologies", m["attendance"]["apologies"]}};
        jm["items"] = json::array();
        for (const auto& i : m["items"]) {
            jm["items"].push_back({{"number", i["number"]},
                                   {"title", i["title"]},
                                   {"meeting_date", i["meeting_date"]},
                                   {"first_page", i["first_page"]},
                                   {"decision", i["decision"].is_null() ? json(nullptr) : i["decision"]["kind"]}});
        }
        out["minutes"].push_back(jm);
    }
    out["actions"] = json::array();
    for (const auto& a : full["actions"]) {
        out["actions"].push_back({{"minutes_date", a["minutes_date"]}, {"minute", a["minute"]},
                                  {"report_title", a["report_title"]}, {"officer", a["officer"]},
                                  {"status", a["status"]}, {"status_text", a["status_text"]}, {"page", a["page"]}});
    }
    out["reports"] = json::array();
    for (const auto& r : full["reports"]) {
        json jr = r;
        jr.erase("recommendations");
        jr.erase("sections");
        out["reports"].push_back(jr);
    }
    return out;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// A line diff (longest common subsequence), so a failure shows every change.
std::string diff(const std::string& expected, const std::string& actual) {
    auto a = lines_of(expected), b = lines_of(actual);
    std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
    for (size_t i = a.size(); i-- > 0;)
        for (size_t j = b.size(); j-- > 0;)
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::string out;
    size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        if (i < a.size() && j < b.size() && a[i] == b[j]) {
            ++i, ++j;
        } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
            out += "+ " + b[j++] + "\n";
        } else {
            out += "- " + a[i++] + "\n";
        }
    }
    return out;
}

struct Doc {
    fs::path pdf;
    bool shared;  // from ../shared/corpus/real, skipped when absent
};

std::vector<Doc> documents() {
    std::vector<Doc> docs;
    for (const char* name : {"Agenda_reports_pack_11-Jul-2017_Children_and_Young_People_Committee.pdf",
                             "Agenda_reports_pack_15-Nov-2023_Corporate_Parenting_Sub-Committee.pdf",
                             "Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf",
                             "Agenda_reports_pack_26-Nov-2024_Children_and_Young_People_Committee.pdf",
                             "Childrens_Services_Self-Assessment_2017.pdf"}) {
        docs.push_back(Doc{test::corpus_dir() / name, false});
    }
    for (const char* name : {"uk_kent_cabinet_minutes_2025-01-30.pdf", "uk_kent_county_council_minutes_2025-01-09.pdf",
                             "uk_kent_county_council_minutes_2024-12-19.pdf",
                             "us_cuyahoga_board_of_health_agenda_2019-04-24.pdf"}) {
        docs.push_back(Doc{fs::path("real") / name, true});
    }
    return docs;
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("each corpus document's structure matches its golden file", "[golden]") {
    bool update = std::getenv("MINUTEBOOK_UPDATE_GOLDEN") && std::string(std::getenv("MINUTEBOOK_UPDATE_GOLDEN")) == "1";
    for (const Doc& doc : documents()) {
        fs::path pdf = doc.pdf;
        if (doc.shared) {
            if (test::shared_corpus_dir().empty()) {
                WARN("../shared/corpus is absent: skipping " << pdf.filename().string());
                continue;
            }
            pdf = test::shared_corpus_dir() / pdf;
        }
        SECTION(pdf.filename().string()) {
            ExtractResult r = extract_pdf(pdf.string());
            REQUIRE(r.ok());
            std::string actual = golden_subset(structure_to_json(understand(r.pages))).dump(1) + "\n";
            fs::path golden = test::source_dir() / "tests" / "golden" / (pdf.filename().string() + ".json");
            if (update) {
                fs::create_directories(golden.parent_path());
                std::ofstream(golden, std::ios::binary) << actual;
            }
            REQUIRE(fs::exists(golden));
            std::string expected = read_all(golden);
            INFO("difference (- golden, + now) for " << pdf.filename().string() << ":\n" << diff(expected, actual));
            CHECK(expected == actual);
        }
    }
}

TEST_CASE("a PDF copied under another name gives the same answers", "[golden]") {
    fs::path pdf = test::corpus_dir() / "Agenda_reports_pack_26-Nov-2024_Children_and_Young_People_Committee.pdf";
    test::TempDir dir("minutebook-rename");
    fs::path copy = dir.path() / "renamed.pdf";
    fs::copy_file(pdf, copy);
    ExtractResult a = extract_pdf(pdf.string());
    ExtractResult b = extract_pdf(copy.string());
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(structure_to_json(understand(a.pages)) == structure_to_json(understand(b.pages)));
    auto pa = make_passages(FileInfo{pdf.filename().string(), a.sha256}, a.pages);
    auto pb = make_passages(FileInfo{"renamed.pdf", b.sha256}, b.pages);
    REQUIRE(pa.size() == pb.size());
    for (size_t i = 0; i < pa.size(); ++i) {
        CHECK(pa[i].key == pb[i].key);
        CHECK(pa[i].title == pb[i].title);
        CHECK(pa[i].meeting_date == pb[i].meeting_date);
    }
}

TEST_CASE("the pack's passages carry minute items, actions and reports", "[golden]") {
    fs::path pdf = test::corpus_dir() / "Agenda_reports_pack_26-Nov-2024_Children_and_Young_People_Committee.pdf";
    ExtractResult r = extract_pdf(pdf.string());
    REQUIRE(r.ok());
    auto passages = make_passages(FileInfo{pdf.filename().string(), r.sha256}, r.pages);
    const Passage* minute = nullptr;
    const Passage* action = nullptr;
    const Passage* report = nullptr;
    std::set<std::string> keys;
    for (const auto& p : passages) {
        CHECK(keys.insert(p.key).second);  // keys are unique within a file
        CHECK(!p.locations.empty());
        CHECK(!p.locations.front().pages.empty());
        if (p.key == "minute/children-and-young-people-committee/2024-10-08/232") minute = &p;
        if (p.type == PassageType::kAction && p.minute == std::optional<std::string>("234")) action = &p;
        if (p.type == PassageType::kReport && !report) report = &p;
    }
    REQUIRE(minute);
    CHECK(minute->title == "Music Education Hub Funding Consortium Agreement");
    REQUIRE(minute->decision);
    CHECK(minute->decision->kind == "approved");
    CHECK(minute->locations.front().pack_date == "2024-11-26");
    REQUIRE(action);
    CHECK(action->meeting_date == std::optional<std::string>("2024-10-08"));
    CHECK(action->status == std::optional<std::string>("complete"));
    REQUIRE(report);
    CHECK(report->meeting_date == std::optional<std::string>("2024-11-26"));
}
