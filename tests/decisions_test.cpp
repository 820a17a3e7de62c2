// Decisions, motions and votes in the wordings of real minutes: lines of
// Garelochhead Community Council, Suffolk Libraries, Lincoln Township's Board
// and Planning Commission, Kent County Council and Cambridgeshire's
// committees, with lines of the same papers that must not match.
#include <catch2/catch.hpp>

#include "indexer/structure_internal.h"

using namespace minutebook;
using namespace minutebook::structure;

TEST_CASE("a sentence records a decision of the meeting in any council's wording", "[decisions]") {
    const std::vector<std::string> own = {"Garelochhead Community Council", "GCC"};
    struct Case {
        const char* sentence;
        const char* verb;  // "" when no decision
    };
    static const Case cases[] = {
        // Garelochhead Community Council
        {"Following further discussion, it was agreed that a further meeting would be held.", "agreed"},
        {"As allotted time for the meeting had run out, it was decided that a Resumed Meeting should take place",
         "decided"},
        {"Following discussions, it was arranged that Mr Ward would contact the Helensburgh office", "arranged"},
        {"GCC agreed that they would give their support for the proposals regarding the ground", "agreed"},
        {"The Convenor agreed to contact John Urquhart in the first instance. This was agreed.", "agreed"},
        {"The minutes of the Community Council meeting held on Thursday 20 May 1999 were proposed, seconded and "
         "accepted as a true record.",
         "accepted"},
        {"Officer bearers were elected as follows.", "elected"},
        {"Agreed on 27th February 2018 - Proposed by Mandy Crossland - Second by Margaret Straton", "agreed"},
        // Suffolk Libraries
        {"The Board accepted the application.", "accepted"},
        {"The Board reviewed and accepted the suggested meeting dates for 2016/17.", "accepted"},
        {"A paper with a recommendation was discussed and agreed by the Board.", "agreed"},
        {"The minutes were agreed for accuracy subject to the following changes:", "agreed"},
        {"The Vice Chair proposed to agree this proposal and all Board members were in agreement.", "agreed"},
        // Lincoln Township
        {"The agenda was approved after motion by Ensign, supported by Crockett.", "approved"},
        {"Approved by roll call vote the 2019/2020 Lincoln Township budget after motion by Crockett", "approved"},
        {"Andrew was appointed by a vote 5-0.", "appointed"},
        {"Motion carried 5-0.", "carried"},
        // Kent
        {"RESOLVED that the Leader's report be noted.", "resolved"},
        {"Agreed unanimously.", "agreed"},
        {"This item was deferred to the next appropriate meeting of Full Council.", "deferred"},
        {"On being put to the vote, the amendment was lost.", "lost"},
        {"Members voted unanimously to approve the grant.", "voted"},
        {"Decision: Granted subject to conditions.", "granted"},
        // Not decisions: undertakings, progress, earlier decisions, other bodies, conditions.
        {"ACTION: Cllr Freeman agreed to email ACHA regarding the matter.", ""},
        {"The Convenor reminded Members that it had previously been agreed that the Community Council would", ""},
        {"Water fountain - N J Slee Engineering has agreed to renovate this.", ""},
        {"Woodbridge Library - Helen Scrivener has been appointed as the Library Manager", ""},
        {"12th September 2013 has been agreed and Kesgrave Conference Centre has been booked", ""},
        {"SCC agreed to this.", ""},
        {"If approved this would be the first 'semi-closed' fish farm in Scotland", ""},
        {"It is not yet decided whether the fish will be farmed to full size on site", ""},
        {"us one of the first to hold our meetings virtually once the council agreed that this was authorised", ""},
        {"Martin Croft pointed out that although the previous application was approved, the village has changed",
         ""},
        {"This application is very similar to a previous application which was granted.", ""},
        {"It is expected that the plan will be reviewed and agreed prior to bringing to the Board", ""},
        {"Councillor Anna Bradnam was appointed Chair of the Corporate Parenting Sub-Committee by the Children "
         "and Young People Committee on 27th June 2023.",
         ""},
        {"At that meeting, Members agreed to refer the decision to full Council.", ""},
        {"It was agreed at the meeting a public meeting would be arranged to decide the future of the Trust", ""},
        {"The Staffing Committee meeting where three new policies were agreed and adopted.", ""},
        {"This work was due to be carried out in the spring.", ""},
        {"Members noted that the website included information on the nursing offer", ""},
        {"Agreed Actions", ""},
        // Kent County Council, 13 March 2025, a tribute in the Chairman's announcements.
        {"He was appointed an MBE for services to the community.", ""},
        // Suffolk Libraries, AGM of 10 September 2015: a ballot's result announced.
        {"The following Directors were voted in by the society membership", ""},
        {"The council lost its appeal against the planning decision.", ""},
        {"The Committee disagreed with the officer's view.", ""},
    };
    for (const auto& c : cases) {
        INFO(c.sentence);
        auto v = decision_verb(c.sentence, own);
        CHECK((v ? v->verb : std::string()) == c.verb);
    }
}

TEST_CASE("decision kinds are read from whole words, never parts of one", "[decisions]") {
    CHECK(decision_kind("It was resolved that the application be disapproved.") == "rejected");
    CHECK(decision_kind("It was resolved to disagree with the consultation's proposal.") == "rejected");
    CHECK(decision_kind("RESOLVED that the footnote to the report be amended.") == "other");
    CHECK(decision_kind("RESOLVED not to approve the budget.") == "rejected");
    CHECK(decision_kind("RESOLVED that the Committee's comments be forwarded.") == "commented");
}

TEST_CASE("sentences are cut at their ends, not after abbreviations or where a line goes on", "[decisions]") {
    auto s = sentences_of("Approved change in estimate for 5 Mile Rd. from Road Commission after motion by Trinklein"
                          " and\nsecond by Duford. Mr. Ward left. Crockett-yes; Ensign-\nabsent.");
    REQUIRE(s.size() == 4);
    CHECK(s[0] == "Approved change in estimate for 5 Mile Rd. from Road Commission after motion by Trinklein "
                  "and\nsecond by Duford.");
    CHECK(s[1] == "Mr. Ward left.");
    CHECK(s[3] == "Ensign-absent.");
}

namespace {

struct MotionCase {
    const char* text;
    const char* moved_by;
    const char* seconded_by;
    const char* result;
};

}  // namespace

TEST_CASE("movers and seconders are read in every order and form", "[decisions][motions]") {
    const std::vector<std::string> attendees = {"Sue Ensign", "Jamie Crockett", "Reid Duford", "David Dauer",
                                                "Sheila Mesler", "Watson Robinson", "Fiona Robinson",
                                                "Martin Croft", "Craig Ritchie"};
    static const MotionCase cases[] = {
        // Lincoln Township Board and Planning Commission
        {"The agenda was approved after motion by Ensign, supported by Crockett.", "Sue Ensign", "Jamie Crockett",
         "carried"},
        {"Agenda was approved after motion by Trinklein and second by Duford.", "Trinklein", "Reid Duford",
         "carried"},
        {"A motion was made by Sue Ensign and supported by David Dauer to approve the minutes. Motion carried 5-0.",
         "Sue Ensign", "David Dauer", "carried"},
        {"After discussion, Jamie Crockett made a motion to approve the site plan contingent on several "
         "issues:\n1.) Wheel the distance.\n2.) Provide a drainage plan. The motion was supported by Sue Ensign. "
         "Motion carried 4-0.",
         "Jamie Crockett", "Sue Ensign", "carried"},
        {"Sheila Mesler nominated Andrew Acker as Chairperson with support from Reid Duford. Andrew was appointed "
         "by a vote 5-0.",
         "Sheila Mesler", "Reid Duford", "carried"},
        // Garelochhead Community Council
        {"Approval of previous minutes\nProposed and seconded - Margaret and Watson.", "Margaret", "Watson", ""},
        {"Approval of previous minutes\nProposed by Mandy Crossland - Second by Colin Smith\nPolice reports",
         "Mandy Crossland", "Colin Smith", ""},
        {"Acceptance of the Minutes of the last Meeting held on 29 th May 2013 was then proposed by\nthe "
         "Convenor, seconded by Martin Croft.",
         "Convenor", "Martin Croft", ""},
        {"The minutes of the previous meeting (as amended) were accepted, proposed by Martin Croft and "
         "Seconded\nby Craig Ritchie.",
         "Martin Croft", "Craig Ritchie", "carried"},
        // Suffolk Libraries
        {"There were no questions and the accounts were accepted and approved.\nProposer: Sylvia Knights "
         "(Bungay Library)\nSeconder: Sue Buck (Long Melford Library)",
         "Sylvia Knights", "Sue Buck", "carried"},
        {"The appointment was agreed.\nProposed: Sylvia Knights (Bungay Library)\nSeconded: Anne Mallalieu "
         "(Glemsford Library)",
         "Sylvia Knights", "Anne Mallalieu", "carried"},
        // Kent County Council
        {"Mr Sweetland proposed, and Mr Ridgers seconded, that the Council formally record the sense of loss.\n"
         "Agreed unanimously.",
         "Mr Sweetland", "Mr Ridgers", "carried"},
        {"Mr Hood proposed and Mr Baldock seconded the following amendment: \"to note the report\". Amendment "
         "lost.",
         "Mr Hood", "Mr Baldock", "failed"},
        {"MOTION: Smith / SECOND: Jones. The motion was withdrawn.", "Smith", "Jones", "withdrawn"},
        // Chicago's Special Service Area 21 commission, 29 January 2018.
        {"Minutes from 11/30/17 meeting approved – Z. Maiorca (motion), T. Feinberg (second)", "Z. Maiorca",
         "T. Feinberg", "carried"},
        // Not among the attendees: the names as printed.
        {"On motion of Council Member Lee, seconded by Council Member Park, the ordinance was adopted.",
         "Council Member Lee", "Council Member Park", "carried"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        auto motions = motions_in(c.text, attendees);
        REQUIRE(!motions.empty());
        CHECK(motions.front().moved_by == c.moved_by);
        CHECK(motions.front().seconded_by == c.seconded_by);
        CHECK(std::string(to_string(motions.front().result)) == c.result);
    }
    // Suggestions and support that are not motions.
    static const char* not_motions[] = {
        "Ritchie proposed that we get dashcam evidence of speeding.",
        "Helen Scrivener has been appointed as the Library Manager and will be supported by Graham Watson to "
        "start a friends group.",
        "Stuart McQueen has proposed a site for the boat.",
    };
    for (const char* text : not_motions) {
        INFO(text);
        CHECK(motions_in(text, attendees).empty());
    }
}

TEST_CASE("roll calls, vote blocks and tallies give each side of the vote", "[decisions][motions]") {
    SECTION("Lincoln Township's roll call names every member's vote") {
        const std::vector<std::string> attendees = {"Wray", "Duford", "Trinklein", "Crockett", "Ensign"};
        auto m = motions_in(
            "Resolution to set the tax millage rate at the maximum allowed by statute was approved by\nroll call "
            "vote after motion by Wray and second by Trinklein. Crockett-yes; Duford-yes;\nEnsign-absent; "
            "Trinklein-yes; Wray-yes.",
            attendees);
        REQUIRE(m.size() == 1);
        REQUIRE(m[0].votes_for);
        CHECK(m[0].votes_for->names == std::vector<std::string>{"Crockett", "Duford", "Trinklein", "Wray"});
        REQUIRE(m[0].against);
        CHECK(m[0].against->names.empty());
        REQUIRE(m[0].absent);
        CHECK(m[0].absent->names == std::vector<std::string>{"Ensign"});
    }
    SECTION("labelled lists: Ayes, Nays, Absent") {
        const std::vector<std::string> attendees = {"Ann Lee", "Bo Park", "Cy Young", "Di Ross"};
        auto m = motions_in("Moved by Lee, seconded by Park. Ayes: Lee, Park, Young. Nays: none. Absent: Ross.",
                            attendees);
        REQUIRE(m.size() == 1);
        CHECK(m[0].moved_by == "Ann Lee");
        REQUIRE(m[0].votes_for);
        CHECK(m[0].votes_for->names == std::vector<std::string>{"Ann Lee", "Bo Park", "Cy Young"});
        CHECK(m[0].against->names.empty());
        CHECK(m[0].absent->names == std::vector<std::string>{"Di Ross"});
        CHECK(m[0].result == MotionResult::kNotStated);
    }
    SECTION("Norwalk Housing Authority's roll call: a list that wraps, footnote marks, 'NOES: None'") {
        const std::vector<std::string> attendees = {"Perez", "Valencia", "Ramirez", "Davis", "Hernandez", "Ayala", "Rios"};
        auto m = motions_in(
            "Commissioner Perez moved and Chair\nRamirez seconded to approve the consent calendar as recommended. "
            "MOTION\nCARRIED BY THE FOLLOWING ROLL CALL VOTE:\n"
            "AYES: Commissioners *Davis, **Hernandez, and Perez, Vice Chair Valencia,\nand Chair Ramirez\n"
            "NOES: None\nABSENT: Commissioners Ayala and Rios",
            attendees);
        REQUIRE(m.size() == 1);
        CHECK(m[0].moved_by == "Perez");
        CHECK(m[0].seconded_by == "Ramirez");
        CHECK(m[0].result == MotionResult::kCarried);
        REQUIRE(m[0].votes_for);
        CHECK(m[0].votes_for->names == std::vector<std::string>{"Davis", "Hernandez", "Perez", "Valencia", "Ramirez"});
        REQUIRE(m[0].against);
        CHECK(m[0].against->count == 0);
        CHECK(m[0].absent->names == std::vector<std::string>{"Ayala", "Rios"});
    }
    SECTION("Kent's amendment keeps its own vote, not the substantive motion's printed after it") {
        const std::vector<std::string> attendees = {"Mr Lehmann", "Mr Streatfeild", "Mr Baldock", "Mr Baker",
                                                    "Mrs Bell", "Ms Constantine"};
        // Kent County Council, 9 January 2025, minute 285, paragraphs 23-25 (p. 9), lists shortened.
        auto m = motions_in(
            "Mr Lehmann proposed and Mr Streatfeild seconded the following\namendment to the motion.\n"
            "Following the debate, the Chairman put the amendment set out in\nparagraph 23 to the vote and the voting "
            "was as follows:\nFor (14)\nMr Baldock, Mr R Lehmann, Mr Streatfeild\nAgainst (40)\nMr Baker\n"
            "Abstain (7)\nMrs Bell, Ms Constantine\nAmendment lost.\n"
            "The Chairman put the substantive motion set out in paragraph 15 to the\nvote and the voting was as follows:\n"
            "For (39)\nMr Baker, Mrs Bell\nAgainst (19)\nMr Baldock, Mr R Lehmann\nAbstain (1)\nMs Constantine\n"
            "Substantive Motion carried.",
            attendees);
        REQUIRE_FALSE(m.empty());
        CHECK(m[0].moved_by == "Mr Lehmann");
        CHECK(m[0].result == MotionResult::kFailed);
        REQUIRE(m[0].votes_for);
        CHECK(m[0].votes_for->count == 14);
        REQUIRE(m[0].against);
        CHECK(m[0].against->count == 40);
        REQUIRE(m[0].abstain);
        CHECK(m[0].abstain->count == 7);
        CHECK(m[0].abstain->names == std::vector<std::string>{"Mrs Bell", "Ms Constantine"});
    }
    SECTION("Kent's vote blocks keep their printed counts; a voter not at the meeting is counted, not named") {
        const std::vector<std::string> attendees = {"Mr Brady", "Ms Meade", "Mr Baker", "Mr Robey"};
        auto m = motions_in("Mr Brady proposed, and Ms Meade seconded the motion that \"the Council notes the "
                            "report\". The voting was as follows.\nFor (2)\nMr Brady, Ms Meade\nAgainst (3)\nMr "
                            "Baker, Mr Robey, Mr Stranger\nAbstain (0)\nMotion lost.",
                            attendees);
        REQUIRE(m.size() == 1);
        CHECK(m[0].result == MotionResult::kFailed);
        CHECK(m[0].votes_for->count == 2);
        CHECK(m[0].against->count == 3);
        CHECK(m[0].against->names == std::vector<std::string>{"Mr Baker", "Mr Robey"});
        CHECK(m[0].abstain->count == 0);
    }
    SECTION("labels with posts in them: AYES: Council Members ...") {
        const std::vector<std::string> attendees = {"Ann Lee", "Bo Park", "Cy Young", "Di Ross"};
        auto m = motions_in("Moved by Lee, seconded by Park. AYES: Council Members Lee, Park and Mayor Young. "
                            "NOES: Council Member Ross.",
                            attendees);
        REQUIRE(m.size() == 1);
        REQUIRE(m[0].votes_for);
        CHECK(m[0].votes_for->names == std::vector<std::string>{"Ann Lee", "Bo Park", "Cy Young"});
        CHECK(m[0].against->names == std::vector<std::string>{"Di Ross"});
        m = motions_in("Moved by Lee, seconded by Park. Motion carried: 3 Ayes, 1 Nay.", attendees);
        REQUIRE(m.size() == 1);
        CHECK(m[0].votes_for->count == 3);
        CHECK(m[0].against->count == 1);
    }
    SECTION("tallies and unanimity") {
        auto m = motions_in("A motion by Sue Ensign to approve the minutes, supported by Andrew Acker. Motion "
                            "carried 5-0.",
                            {});
        REQUIRE(m.size() == 1);
        CHECK(m[0].votes_for->count == 5);
        CHECK(m[0].against->count == 0);
        CHECK_FALSE(m[0].abstain);
        m = motions_in("Payment of bills were approved unanimously by roll call vote after\nmotion by Sczepanski "
                       "and second by Fales.",
                       {});
        REQUIRE(m.size() == 1);
        CHECK_FALSE(m[0].votes_for);
        CHECK(m[0].against->count == 0);
        m = motions_in("Moved by Smith, seconded by Jones. FAILED (3-4).", {});
        REQUIRE(m.size() == 1);
        CHECK(m[0].result == MotionResult::kFailed);
        CHECK(m[0].votes_for->count == 3);
        CHECK(m[0].against->count == 4);
    }
}

TEST_CASE("numbered resolutions keep their number as printed", "[decisions]") {
    struct Case {
        const char* text;
        const char* number;
    };
    static const Case cases[] = {
        {"RESOLUTION NO. 15-3 was adopted by the following vote:", "15-3"},
        {"Resolution 2021-07, a resolution of the City Council, was approved.", "2021-07"},
        {"Resolution #R-12 approving the budget", "R-12"},
        {"Resolution No. 4521 authorising the agreement", "4521"},
        // Not a number: a resolution named by its subject, a count.
        {"Resolution to set the tax millage rate at the maximum allowed by statute was approved", ""},
        {"the resolution 5 of the report", ""},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(resolution_number(c.text) == c.number);
    }
}
