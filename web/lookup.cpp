#include "web/lookup.h"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "core/schema.h"

namespace minutebook::web {
namespace {

std::string term(std::string_view prefix, const std::string& value) {
    return std::string(prefix) + value;
}

std::optional<Passage> first_with(const Xapian::Database& db, const std::string& unique_term) {
    Xapian::PostingIterator it = db.postlist_begin(unique_term);
    if (it == db.postlist_end(unique_term)) return std::nullopt;
    return from_document_data(db.get_document(*it).get_data());
}

std::string date_digits(const std::string& iso) {
    std::string out;
    for (char c : iso) {
        if (c != '-') out.push_back(c);
    }
    return out;
}

std::string iso_date(const std::string& digits) {
    if (digits.size() != 8) return digits;
    return digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2);
}

// Minute items first, then action rows, reports, agenda items and pages.
int type_rank(PassageType type) { return static_cast<int>(type); }

std::vector<Passage> all_matching(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    std::vector<Passage> out;
    Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        out.push_back(from_document_data(it.get_document().get_data()));
    }
    return out;
}

}  // namespace

bool minute_number_less(const std::string& a, const std::string& b) {
    auto split = [](const std::string& s) {
        size_t digits = 0;
        while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits]))) ++digits;
        // Numbers too long to be minute numbers sort by their text.
        long number = digits > 0 && digits < 10 ? std::stol(s.substr(0, digits)) : -1;
        return std::make_tuple(number < 0, number, s.substr(digits));
    };
    return split(a) < split(b);
}

std::optional<Passage> passage_by_key(const Xapian::Database& db, const std::string& key) {
    return first_with(db, term(schema::kUnique, key));
}

std::optional<Passage> passage_by_id(const Xapian::Database& db, const std::string& id) {
    return first_with(db, term(schema::kId, id));
}

std::vector<Passage> passages_by_legacy_id(const Xapian::Database& db, const std::string& id) {
    return all_matching(db, Xapian::Query(term(schema::kLegacyId, id)));
}

namespace {

// The terms of one meeting, of one council or (empty slug) of any.
Xapian::Query meeting_query(const std::string& council_slug, const std::string& committee_slug,
                            const std::string& date) {
    Xapian::Query committee(term(schema::kCommittee, committee_slug));
    // A council's own meeting was once addressed by its generic words
    // (/kent-county-council/county-council/...): it is the council's now.
    if (council_slug.size() > committee_slug.size() && council_slug.ends_with("-" + committee_slug))
        committee = Xapian::Query(Xapian::Query::OP_OR, committee, Xapian::Query(term(schema::kCommittee, council_slug)));
    std::vector<Xapian::Query> terms = {committee, Xapian::Query(term(schema::kDate, date_digits(date)))};
    if (!council_slug.empty()) terms.emplace_back(term(schema::kCouncil, council_slug));
    return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
}

}  // namespace

std::vector<Passage> minute_items(const Xapian::Database& db, const std::string& council_slug,
                                  const std::string& committee_slug, const std::string& date,
                                  const std::string& number) {
    // The key may print the number otherwise than its URL does ("12.1" is
    // "12-1" in a URL): look among the meeting's minute items.
    Xapian::Query query(Xapian::Query::OP_AND, meeting_query(council_slug, committee_slug, date),
                        Xapian::Query(term(schema::kType, "minute")));
    std::vector<Passage> out;
    for (auto& p : all_matching(db, query)) {
        if (p.minute && slugify(*p.minute) == number) out.push_back(std::move(p));
    }
    std::sort(out.begin(), out.end(), [](const Passage& a, const Passage& b) { return a.key < b.key; });
    return out;
}

std::vector<Passage> meeting_passages(const Xapian::Database& db, const std::string& council_slug,
                                      const std::string& committee_slug, const std::string& date) {
    std::vector<Passage> out = all_matching(db, meeting_query(council_slug, committee_slug, date));
    std::stable_sort(out.begin(), out.end(), [](const Passage& a, const Passage& b) {
        const int ra = type_rank(a.type), rb = type_rank(b.type);
        if (ra != rb) return ra < rb;
        if (a.type == PassageType::kMinute && a.minute && b.minute && *a.minute != *b.minute) {
            return minute_number_less(*a.minute, *b.minute);
        }
        const int pa = a.primary().pages.front(), pb = b.primary().pages.front();
        if (pa != pb) return pa < pb;
        return a.key < b.key;
    });
    return out;
}

std::vector<std::string> councils_of(const std::vector<Passage>& passages) {
    std::vector<std::string> out;
    for (const auto& p : passages) {
        const std::string c = p.council.value_or("");
        if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    }
    return out;
}

std::string meeting_url(const std::optional<std::string>& council, const std::string& committee,
                        const std::string& date) {
    return "/meetings/" + (council ? slugify(*council) + "/" : "") + slugify(committee) + "/" + date;
}

std::optional<std::string> committee_name(const Xapian::Database& db, const std::string& slug) {
    std::string name = db.get_metadata("committee:" + slug);
    if (name.empty()) return std::nullopt;
    return name;
}

namespace {

// The meetings (dates with their passages) of the passages `query` matches.
std::vector<std::pair<std::string, int>> meetings_of(const Xapian::Database& db, const Xapian::Query& query,
                                                     int* passages) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::ValueCountMatchSpy dates(schema::kSlotDate);
    enquire.add_matchspy(&dates);
    Xapian::MSet mset = enquire.get_mset(0, 0, db.get_doccount());
    *passages = static_cast<int>(mset.get_matches_estimated());
    std::vector<std::pair<std::string, int>> out;
    for (auto d = dates.values_begin(); d != dates.values_end(); ++d) {
        if ((*d).size() == 8) out.emplace_back(iso_date(*d), static_cast<int>(d.get_termfreq()));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    return out;
}

}  // namespace

std::vector<CommitteeSummary> committees(const Xapian::Database& db) {
    const std::string prefix = "committee:";
    std::vector<CommitteeSummary> out;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        const std::string slug = (*it).substr(prefix.size()), name = db.get_metadata(*it);
        const Xapian::Query committee(term(schema::kCommittee, slug));
        const Xapian::doccount total = db.get_termfreq(term(schema::kCommittee, slug));
        if (total == 0) continue;
        // The councils that have a committee of this name, in one pass.
        Xapian::Enquire by_council(db);
        by_council.set_query(committee);
        by_council.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::ValueCountMatchSpy spy(schema::kSlotCouncil);
        by_council.add_matchspy(&spy);
        by_council.get_mset(0, 0, db.get_doccount());
        Xapian::doccount with_council = 0;
        auto add = [&](std::optional<std::string> council, const Xapian::Query& query) {
            CommitteeSummary c;
            c.council = std::move(council);
            c.name = name;
            c.slug = slug;
            c.meetings = meetings_of(db, query, &c.passages);
            if (c.passages > 0) out.push_back(std::move(c));
        };
        for (auto v = spy.values_begin(); v != spy.values_end(); ++v) {
            with_council += v.get_termfreq();
            add(*v, Xapian::Query(Xapian::Query::OP_AND, committee, Xapian::Query(term(schema::kCouncil, slugify(*v)))));
        }
        if (with_council < total) {
            add(std::nullopt, Xapian::Query(Xapian::Query::OP_AND_NOT, committee,
                                            Xapian::Query(Xapian::Query::OP_WILDCARD, std::string(schema::kCouncil))));
        }
    }
    std::sort(out.begin(), out.end(), [](const CommitteeSummary& a, const CommitteeSummary& b) {
        return std::make_tuple(!a.council, a.council.value_or(""), a.name) <
               std::make_tuple(!b.council, b.council.value_or(""), b.name);
    });
    return out;
}

std::optional<FileRecord> file_record(const Xapian::Database& db, const std::string& file_id) {
    FileRecord record;
    record.recorded_path = db.get_metadata("file:" + file_id);
    if (auto p = first_with(db, term(schema::kFileId, file_id))) {
        for (const auto& l : p->locations) {
            if (l.file_id == file_id) record.relative_path = l.file;
        }
    }
    if (record.recorded_path.empty() && record.relative_path.empty()) return std::nullopt;
    return record;
}

}  // namespace minutebook::web
