#include "query/search.h"

#include <xapian.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include "core/dates.h"
#include "core/normalise.h"
#include "core/schema.h"
#include "query/query_builder.h"
#include "query/snippet.h"

namespace minutebook {
namespace {

// Facets in the order of the contract, with the slots that count them.
struct FacetSpec {
    const char* name;
    unsigned first_slot;
    unsigned slots;           // 1, or kMaxMultiValues for a multi-valued facet
    unsigned more_slot = 0;   // a multi-valued facet's second run (schema::multi_slot)
    unsigned slot(unsigned i) const { return slots == 1 ? first_slot : schema::multi_slot(first_slot, more_slot, i); }
};
constexpr FacetSpec kFacets[] = {
    {"council", schema::kSlotCouncil, 1},
    {"committee", schema::kSlotCommittee, 1},
    {"year", schema::kSlotYear, 1},
    {"officer", schema::kSlotOfficer0, schema::kMaxMultiValues, schema::kSlotOfficerMore0},
    {"decision", schema::kSlotDecision, 1},
    {"type", schema::kSlotType, 1},
    {"status", schema::kSlotStatus, 1},
    {"person", schema::kSlotPerson0, schema::kMaxMultiValues, schema::kSlotPersonMore0},
    {"result", schema::kSlotResult, 1},
};
// Below this many results, a spelling correction is offered.
constexpr int kFewResults = 3;
// How much the prior weight (0..1) adds to a match's score.
constexpr double kPriorScale = 2.0;

using FacetSpies = std::vector<std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>>>;

// One spy per facet slot that some passage fills, added to `enquire`.
FacetSpies add_facet_spies(Xapian::Enquire& enquire, const std::set<Xapian::valueno>& empty_slots) {
    FacetSpies spies;
    for (const auto& facet : kFacets) {
        auto& group = spies.emplace_back();
        for (unsigned i = 0; i < facet.slots; ++i) {
            if (empty_slots.count(facet.slot(i))) break;  // slots fill in order: the rest are empty too
            group.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(facet.slot(i)));
            enquire.add_matchspy(group.back().get());
        }
    }
    return spies;
}

// Each facet's values with the passages holding them, in contract order.
using FacetCounts = std::array<std::map<std::string, Xapian::doccount>, std::size(kFacets)>;

void add_counts(const FacetSpies& spies, FacetCounts& counts) {
    for (size_t i = 0; i < std::size(kFacets); ++i) {
        for (const auto& spy : spies[i]) {
            for (auto it = spy->values_begin(); it != spy->values_end(); ++it) counts[i][*it] += it.get_termfreq();
        }
    }
}

// The facets in contract order, each count multiplied by `scale` (1 when
// every match was counted).
std::vector<std::pair<std::string, std::vector<FacetValue>>> facets_of(const FacetCounts& counts, double scale) {
    std::vector<std::pair<std::string, std::vector<FacetValue>>> out;
    for (size_t i = 0; i < std::size(kFacets); ++i) {
        std::vector<FacetValue> values;
        for (const auto& [value, count] : counts[i]) {
            values.push_back({value, static_cast<int>(std::lround(count * scale))});
        }
        const bool by_value_descending = std::string_view(kFacets[i].name) == "year";
        std::stable_sort(values.begin(), values.end(), [&](const FacetValue& a, const FacetValue& b) {
            return by_value_descending ? a.value > b.value : a.count > b.count;
        });
        out.emplace_back(kFacets[i].name, std::move(values));
    }
    return out;
}

std::vector<std::pair<std::string, std::vector<FacetValue>>> facets_of(const FacetSpies& spies) {
    FacetCounts counts;
    add_counts(spies, counts);
    return facets_of(counts, 1.0);
}

// Facet slots no passage fills: their spies would count nothing, yet look
// each match up. Most passages name one or two officers, and the officer
// facet has 256 slots. A multi-valued facet's slots fill in order, so its
// first empty slot (the only one recorded) ends it. On remote shards each
// look-up of a slot's frequency is a round trip, so they are found when the
// index is opened or changes, not on every search.
std::set<Xapian::valueno> empty_facet_slots(const Xapian::Database& db) {
    std::set<Xapian::valueno> out;
    for (const auto& facet : kFacets) {
        for (unsigned i = 0; i < facet.slots; ++i) {
            if (db.get_value_freq(facet.slot(i)) == 0) {
                out.insert(facet.slot(i));
                break;
            }
        }
    }
    return out;
}

// True when the passages carry sample buckets (indexes written before them
// do not).
bool has_sample_buckets(const Xapian::Database& db) {
    return db.allterms_begin(std::string(schema::kSample)) != db.allterms_end(std::string(schema::kSample));
}

}  // namespace

struct Searcher::Impl {
    IndexLocation location;
    SearchSettings settings;
    OpenIndex index;
    std::set<Xapian::valueno> empty_slots;
    bool sampled = false;
    Impl(IndexLocation l, SearchSettings s)
        : location(std::move(l)), settings(s), index(open_index(location)) {
        examine();
    }
    // What the index holds that decides how a search counts: found when it
    // is opened or changes, since on remote shards each question is a round
    // trip.
    void examine() {
        empty_slots = empty_facet_slots(index.passages);
        sampled = has_sample_buckets(index.passages);
    }
    // Matches counted one by one before the count is estimated.
    Xapian::doccount exact_matches() const {
        return sampled ? settings.exact_matches : std::max(settings.exact_matches, kUnsampledExactMatches);
    }
};

Searcher::Searcher(const std::string& db_path) : Searcher(IndexLocation{{db_path}, ""}) {}
Searcher::Searcher(const IndexLocation& location, SearchSettings settings)
    : impl_(std::make_unique<Impl>(location, settings)) {}
Searcher::~Searcher() = default;

int Searcher::passage_count() const { return static_cast<int>(impl_->index.passages.get_doccount()); }

const OpenIndex& Searcher::index() const { return impl_->index; }

void Searcher::reopen() {
    bool changed = false;
    try {
        changed = impl_->index.passages.reopen();
        impl_->index.vocabulary.reopen();
    } catch (const Xapian::NetworkError&) {
        impl_->index = open_index(impl_->location);
        changed = true;
    }
    if (changed) impl_->examine();
}

SearchResponse Searcher::search(const SearchRequest& request) {
    if (request.limit < 1 || request.limit > kMaxLimit) {
        throw BadRequest("limit must be between 1 and " + std::to_string(kMaxLimit) + ".");
    }
    if (request.offset < 0) throw BadRequest("offset must not be negative.");
    if (request.query.size() > kMaxQueryBytes) {
        throw BadRequest("The query is longer than " + std::to_string(kMaxQueryBytes) + " bytes.");
    }
    if (request.sort != "relevance" && request.sort != "date") {
        throw BadRequest("sort must be relevance or date.");
    }
    reopen();
    QueryBuilder builder(impl_->index.passages, impl_->index.vocabulary);
    SearchResponse response = run(builder.build(request), request);
    if (response.total < kFewResults) {
        const std::string better = builder.corrected(request.query);
        if (!better.empty()) {
            if (response.total == 0) {
                SearchRequest fixed = request;
                fixed.query = better;
                SearchResponse again = run(builder.build(fixed), fixed);
                if (again.total > 0) {
                    again.request = request;
                    again.corrected = better;
                    return again;
                }
            }
            response.did_you_mean = better;
        }
    }
    if (response.total == 0 && !request.query.empty()) {
        SearchResponse any = run(builder.build(request, QueryBuilder::Words::kAny), request);
        if (any.total > 0) {
            any.relaxed = true;
            any.did_you_mean = response.did_you_mean;
            return any;
        }
    }
    return response;
}

SearchResponse Searcher::run(const Xapian::Query& matching, const SearchRequest& request) {
    // Substantive items come before procedural ones, and a decision's minute
    // before the actions that follow it up (docs/schema.md, slot 9).
    Xapian::ValueWeightPostingSource prior(schema::kSlotPrior);
    const bool has_terms = matching.get_unique_terms_begin() != matching.get_unique_terms_end();
    Xapian::Query query = has_terms ? Xapian::Query(Xapian::Query::OP_AND_MAYBE, matching,
                                                    Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                                                  Xapian::Query(&prior), kPriorScale))
                                    : matching;
    Xapian::Enquire enquire(impl_->index.passages);
    enquire.set_query(query);
    enquire.set_collapse_key(schema::kSlotGroup);
    if (request.sort == "date") {
        enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
    } else {
        // Equal scores fall back to a stable key, so rankings repeat across
        // runs and shards.
        enquire.set_sort_by_relevance_then_value(schema::kSlotSortKey, false);
    }
    // Up to exact_matches() matches, every one is counted as it is ranked.
    // A search that Xapian's statistics say matches more is ranked alone
    // (it may then stop early) and counted on a sample (count_sample(),
    // which counts every match after all when the estimate was too high).
    const Xapian::doccount exact = impl_->exact_matches();
    const bool many = impl_->sampled && enquire.get_mset(0, 0).get_uncollapsed_matches_estimated() > exact;
    FacetSpies spies;
    if (!many) spies = add_facet_spies(enquire, impl_->empty_slots);
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                         static_cast<Xapian::doccount>(request.limit), many ? 0 : exact);
    SearchResponse response;
    response.request = request;
    const bool counted_all = !many && mset.get_uncollapsed_matches_lower_bound() < exact;
    if (counted_all) {
        // Results collapse on what people cite. Xapian's bounds on the
        // collapsed count can stay apart even when every match was seen;
        // its lower bound, the groups it saw, is then exact.
        response.total = static_cast<int>(mset.get_matches_lower_bound());
        response.facets = facets_of(spies);
    } else if (impl_->sampled) {
        count_sample(matching, response);
    } else {
        // An index without sample buckets: the facets of the first
        // matches in document order, Xapian's estimate of the total.
        response.total = static_cast<int>(mset.get_matches_estimated());
        response.total_exact = response.facets_exact = false;
        response.facets = facets_of(spies);
    }
    SnippetOptions snippets;
    snippets.background_model = !impl_->index.remote;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        SearchResult r;
        r.passage = from_document_data(it.get_document().get_data());
        r.score = it.get_weight();
        r.snippet = has_terms ? make_snippet(mset, r.passage.text, snippets) : plain_snippet(r.passage.text);
        r.page = has_terms ? best_page(r.passage, r.snippet) : r.passage.primary().pages.front();
        response.results.push_back(std::move(r));
    }
    return response;
}

// Matches in the sample buckets [from, to), counted one by one.
struct Searcher::SampleCount {
    Xapian::doccount passages = 0;
    Xapian::doccount groups = 0;  // results as collapsed
    FacetCounts facets;
};

void Searcher::count_buckets(const Xapian::Query& matching, unsigned from, unsigned to, SampleCount& count) {
    Xapian::Enquire enquire(impl_->index.passages);
    if (to - from == schema::kSampleBuckets) {
        enquire.set_query(matching);
    } else {
        std::vector<Xapian::Query> terms;
        for (unsigned b = from; b < to; ++b) terms.emplace_back(sample_term(b));
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, matching,
                                        Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end())));
    }
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_collapse_key(schema::kSlotGroup);
    enquire.set_docid_order(Xapian::Enquire::DONT_CARE);
    const FacetSpies spies = add_facet_spies(enquire, impl_->empty_slots);
    const Xapian::MSet mset = enquire.get_mset(0, 0, impl_->index.passages.get_doccount());
    count.passages += mset.get_uncollapsed_matches_lower_bound();
    count.groups += mset.get_matches_lower_bound();
    add_counts(spies, count.facets);
}

void Searcher::count_sample(const Xapian::Query& matching, SearchResponse& response) {
    // The first bucket, 1/256 of the matches, says how many buckets hold
    // about the sample wanted: a power of two, so that shards pick the same
    // ones, and the nearest to the wanted size. Buckets do not follow when a
    // passage was indexed, so old and new meetings are sampled alike; always
    // the first ones, so a search repeated gives the same counts.
    const unsigned all = schema::kSampleBuckets;
    const double wanted = kSampleShare * impl_->exact_matches();
    SampleCount count;
    count_buckets(matching, 0, 1, count);
    const double per_bucket = std::max<Xapian::doccount>(1, count.passages);
    unsigned buckets = 1;
    while (buckets < all && buckets * per_bucket * std::sqrt(2.0) < wanted) buckets *= 2;
    if (buckets == all || per_bucket * all <= impl_->exact_matches()) {
        // Xapian's estimate was too high: the matches are few enough to
        // count, in one pass (a filter on 255 buckets would cost more).
        buckets = all;
        count = SampleCount{};
        count_buckets(matching, 0, all, count);
    } else if (buckets > 1) {
        count_buckets(matching, 1, buckets, count);
    }
    const double scale = static_cast<double>(all) / buckets;
    response.total = static_cast<int>(std::lround(count.groups * scale));
    response.total_exact = response.facets_exact = buckets == all;
    response.facets = facets_of(count.facets, scale);
}

nlohmann::json to_json(const SearchResult& r) {
    const Passage& p = r.passage;
    auto optional = [](const std::optional<std::string>& v) {
        return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
    };
    nlohmann::json locations = nlohmann::json::array();
    for (const auto& l : p.locations) {
        locations.push_back({{"file", l.file}, {"page", l.pages.front()}, {"pages", l.pages}});
    }
    nlohmann::json decision = nullptr;
    if (p.decision) decision = {{"kind", p.decision->kind}, {"text", p.decision->text}};
    nlohmann::json motions = nlohmann::json::array();
    for (const auto& m : p.motions) motions.push_back(motion_json(m));
    nlohmann::json j = {
        {"id", p.id()},
        {"type", to_string(p.type)},
        {"title", p.title},
        {"council", optional(p.council)},
        {"committee", optional(p.committee)},
        {"meeting_date", optional(p.meeting_date)},
        {"minute", optional(p.minute)},
        {"file", p.primary().file},
        {"page", r.page},
        {"pages", p.primary().pages},
        {"locations", locations},
        {"snippet", r.snippet},
        {"decision", decision},
        {"officers", p.officers},
        {"ocr", p.ocr()},
        {"url", passage_url(p)},
        {"pdf_url", "/files/" + p.primary().file_id + "#page=" + std::to_string(r.page)},
        {"part", to_string(p.part)},
        {"score", r.score},
        {"motions", motions},
        {"resolution_number", p.decision && !p.decision->number.empty() ? nlohmann::json(p.decision->number)
                                                                         : nlohmann::json(nullptr)},
    };
    if (p.status) j["status"] = *p.status;
    return j;
}

nlohmann::json to_json(const SearchResponse& response) {
    nlohmann::json results = nlohmann::json::array();
    for (const auto& r : response.results) results.push_back(to_json(r));
    nlohmann::json facets = nlohmann::json::object();
    for (const auto& [name, values] : response.facets) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& v : values) list.push_back({{"value", v.value}, {"count", v.count}});
        facets[name] = list;
    }
    return {{"query", response.request.query},
            {"total", response.total},
            {"total_exact", response.total_exact},
            {"facets_exact", response.facets_exact},
            {"offset", response.request.offset},
            {"limit", response.request.limit},
            {"corrected", response.corrected ? nlohmann::json(*response.corrected) : nlohmann::json(nullptr)},
            {"did_you_mean", response.did_you_mean ? nlohmann::json(*response.did_you_mean) : nlohmann::json(nullptr)},
            {"relaxed", response.relaxed},
            {"results", results},
            {"facets", facets}};
}

}  // namespace minutebook
