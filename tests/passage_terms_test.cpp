// Terms worked out in a reader process and sent to the writer: what they
// carry, how they travel, and that a document made from them is the one the
// writer would make itself.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "indexer/passage_terms.h"
#include "indexer/writer.h"
#include "test_paths.h"

using namespace minutebook;

namespace {

Passage passage(const std::string& title, const std::string& text, const std::string& file_id,
                const std::string& pack_date) {
    Passage p;
    p.key = "minute/test-committee/2024-10-08/232";
    p.type = PassageType::kMinute;
    p.part = PartKind::kMinutes;
    p.title = title;
    p.committee = "Test Committee";
    p.meeting_date = "2024-10-08";
    p.minute = "232";
    p.locations.push_back(Location{file_id + ".pdf", file_id, {7, 8}, false, pack_date});
    p.text = text;
    return p;
}

const std::vector<Passage>& passages() {
    static const std::vector<Passage> all = [] {
        std::vector<Passage> out;
        out.push_back(passage("Music Education Hub", "Music Education Hub\nThe hub's budget is £39,441.", "a", "2024-11-26"));
        out.push_back(passage("Multi Agency Safeguarding Hub",
                              "Referrals to the Multi Agency Safeguarding Hub (MASH) rose; see 2024/039.", "a",
                              "2024-11-26"));
        Passage decided = passage("Consortium Agreement", "Members discussed the agreement.", "a", "2024-11-26");
        decided.decision = Decision{"approved", "It was resolved unanimously to approve the Consortium Agreement."};
        out.push_back(decided);
        out.push_back(passage("", "", "a", "2024-11-26"));
        return out;
    }();
    return all;
}

// One canonical string of everything a document holds.
std::string describe(const Xapian::Document& doc) {
    std::string out = doc.get_data() + "\n";
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) out += std::to_string(v.get_valueno()) + "=" + *v + "\n";
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        out += *t + ":" + std::to_string(t.get_wdf());
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) out += " " + std::to_string(*p);
        out += "\n";
    }
    return out;
}

std::string only_document(const std::string& db_path) {
    Xapian::Database db(db_path);
    REQUIRE(db.get_doccount() == 1);
    return describe(db.get_document(*db.postlist_begin("")));
}

}  // namespace

TEST_CASE("passage terms come through the pipe as they were sent", "[passage_terms]") {
    for (const auto& p : passages()) {
        INFO(p.title);
        const PassageTerms sent = passage_terms(p);
        std::string encoded;
        append_terms(sent, encoded);
        append_terms(sent, encoded);  // two in a row, as a file's passages travel
        std::string_view in = encoded;
        for (int copy = 0; copy < 2; ++copy) {
            const PassageTerms got = read_terms(in);
            REQUIRE(got.terms.size() == sent.terms.size());
            for (size_t i = 0; i < sent.terms.size(); ++i) {
                CHECK(got.terms[i].name == sent.terms[i].name);
                CHECK(got.terms[i].wdf == sent.terms[i].wdf);
                CHECK(got.terms[i].positions == sent.terms[i].positions);
            }
            REQUIRE(got.acronyms.size() == sent.acronyms.size());
            for (size_t i = 0; i < sent.acronyms.size(); ++i) {
                CHECK(got.acronyms[i].acronym == sent.acronyms[i].acronym);
                CHECK(got.acronyms[i].expansion == sent.acronyms[i].expansion);
            }
        }
        CHECK(in.empty());
    }
}

TEST_CASE("passage terms carry words with positions, stems, amounts and acronyms", "[passage_terms]") {
    const PassageTerms terms = passage_terms(passages()[1]);
    auto find = [&](const std::string& name) -> const PassageTerms::Term* {
        for (const auto& t : terms.terms) {
            if (t.name == name) return &t;
        }
        return nullptr;
    };
    REQUIRE(find("mash"));
    CHECK_FALSE(find("mash")->positions.empty());
    CHECK(find("Zsafeguard"));
    CHECK(find("2024/039"));
    REQUIRE(terms.acronyms.size() == 1);
    CHECK(terms.acronyms[0].acronym == "mash");
    CHECK(terms.acronyms[0].expansion == "multi agency safeguarding hub");
}

TEST_CASE("a cut or damaged encoding of passage terms is refused", "[passage_terms]") {
    std::string encoded;
    append_terms(passage_terms(passages()[0]), encoded);
    for (size_t cut : {size_t(0), size_t(1), encoded.size() / 2, encoded.size() - 1}) {
        INFO("cut at " << cut);
        std::string_view in = std::string_view(encoded).substr(0, cut);
        CHECK_THROWS_AS(read_terms(in), std::runtime_error);
    }
    std::string_view endless = "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff";
    CHECK_THROWS_AS(read_terms(endless), std::runtime_error);
}

TEST_CASE("a passage written with terms from a reader is the document the writer would make", "[passage_terms]") {
    for (const auto& p : passages()) {
        INFO(p.title);
        test::TempDir here("minutebook-passage-terms"), there("minutebook-passage-terms");
        {
            IndexWriter w(here.path().string());
            w.add(p);
            w.finish();
        }
        {
            IndexWriter w(there.path().string());
            w.add(p, passage_terms(p));
            w.finish();
        }
        CHECK(only_document(here.path().string()) == only_document(there.path().string()));
    }
}

TEST_CASE("terms from a reader give way when another file's copy of the passage stands", "[passage_terms]") {
    // The earlier pack's copy stays primary: its text, not this file's, is indexed.
    const Passage first = passage("Music Education Hub", "Music Education Hub\nThe hub's budget.", "a", "2024-11-26");
    const Passage later = passage("Music Education Hub", "Music Education Hub\nA later draft of it.", "b", "2025-01-14");
    test::TempDir here("minutebook-passage-terms"), there("minutebook-passage-terms");
    {
        IndexWriter w(here.path().string());
        w.add(first);
        w.add(later);
        w.finish();
    }
    {
        IndexWriter w(there.path().string());
        w.add(first, passage_terms(first));
        w.add(later, passage_terms(later));
        w.finish();
    }
    const std::string stored = only_document(there.path().string());
    CHECK(stored == only_document(here.path().string()));
    CHECK(stored.find("\nbudget:") != std::string::npos);
    CHECK(stored.find("\ndraft:") == std::string::npos);
}
