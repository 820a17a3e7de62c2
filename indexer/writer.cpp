#include "indexer/writer.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "core/normalise.h"
#include "core/schema.h"
#include "indexer/passage_terms.h"
#include "indexer/vocabulary.h"

namespace minutebook {
namespace {

std::string term(std::string_view prefix, const std::string& value) {
    return std::string(prefix) + value;
}

std::string date_digits(const std::string& iso) {
    std::string out;
    for (char c : iso) {
        if (c != '-') out.push_back(c);
    }
    return out;
}

constexpr const char* kVocabularyStale = kVocabularyStaleKey;

}  // namespace

struct IndexWriter::Impl {
    Xapian::WritableDatabase db;
    AcronymCounts acronyms;
    bool changed = false;  // since the last finish(): the vocabulary needs rebuilding
    bool in_batch = false;  // a transaction is open: changes since the last commit()
    // kVocabularyStale is set in the index: by this run's first commit of a
    // change, or by a run killed before its finish() (`recovering`).
    bool stale_marked = false;
    bool recovering = false;
    // Canonical names (metadata "committee:", "officer:", "person:") written
    // by this writer: the same few names recur on every passage, and
    // writing each again costs a B-tree update.
    std::map<std::string, std::string> names_written;

    explicit Impl(const std::string& path) : db(open(path)) {
        stale_marked = recovering = !db.get_metadata(kVocabularyStale).empty();
    }

    // A database whose creation was cut short (a full disk) has table
    // files of at most a block but no version file: it never held a
    // revision, and Xapian will neither open it nor create one over it. Its
    // tables go, then. Anything larger is left for `check` to report.
    static Xapian::WritableDatabase open(const std::string& path) {
        namespace fs = std::filesystem;
        std::error_code ec;
        if (fs::is_directory(path, ec) && !fs::exists(fs::path(path) / "iamglass", ec)) {
            std::vector<fs::path> tables;
            bool unfinished = true;
            for (const auto& entry : fs::directory_iterator(path, ec)) {
                if (entry.path().extension() != ".glass") continue;
                tables.push_back(entry.path());
                unfinished = unfinished && entry.file_size(ec) <= 8192;
            }
            if (unfinished) {
                for (const auto& t : tables) fs::remove(t, ec);
            }
        }
        return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    }

    Xapian::Document build(const Passage& p) { return build(p, passage_terms(p)); }

    // `terms` are passage_terms(p).
    Xapian::Document build(const Passage& p, const PassageTerms& terms) {
        Xapian::Document doc;
        for (const auto& t : terms.terms) {
            doc.add_term(t.name, t.wdf);
            for (unsigned pos : t.positions) doc.add_posting(t.name, pos, 0);
        }
        for (const auto& d : terms.acronyms) ++acronyms[d.acronym][d.expansion];
        doc.add_boolean_term(term(schema::kUnique, p.key));
        doc.add_boolean_term(term(schema::kId, p.id()));
        doc.add_boolean_term(term(schema::kType, to_string(p.type)));
        doc.add_boolean_term(term(schema::kPart, to_string(p.part)));
        for (const auto& l : p.locations) doc.add_boolean_term(term(schema::kFileId, l.file_id));
        if (p.ocr()) doc.add_boolean_term(term(schema::kOcr, "ocr"));
        doc.add_value(schema::kSlotType, to_string(p.type));
        doc.add_value(schema::kSlotSortKey, p.key);
        doc.add_value(schema::kSlotFirstPage, Xapian::sortable_serialise(p.primary().pages.front()));
        doc.add_value(schema::kSlotGroup, p.group_key());
        doc.add_boolean_term(p.sample_term());
        doc.add_value(schema::kSlotPrior, Xapian::sortable_serialise(p.prior_weight()));
        if (p.council) {
            doc.add_boolean_term(term(schema::kCouncil, slugify(*p.council)));
            doc.add_value(schema::kSlotCouncil, *p.council);
            name_metadata("council:" + slugify(*p.council), *p.council);
        }
        if (p.legacy_id() != p.id()) doc.add_boolean_term(term(schema::kLegacyId, p.legacy_id()));
        if (p.committee) {
            doc.add_boolean_term(term(schema::kCommittee, slugify(*p.committee)));
            doc.add_value(schema::kSlotCommittee, *p.committee);
            name_metadata("committee:" + slugify(*p.committee), *p.committee);
        }
        if (p.meeting_date && p.meeting_date->size() >= 4) {
            const std::string digits = date_digits(*p.meeting_date);
            doc.add_boolean_term(term(schema::kDate, digits));
            doc.add_boolean_term(term(schema::kYear, digits.substr(0, 4)));
            if (digits.size() >= 6) doc.add_boolean_term(term(schema::kMonth, digits.substr(0, 6)));
            doc.add_value(schema::kSlotDate, digits);
            doc.add_value(schema::kSlotYear, digits.substr(0, 4));
        }
        if (p.minute) doc.add_boolean_term(term(schema::kMinute, fold_text(*p.minute)));
        for (const auto& cited : p.cites) doc.add_boolean_term(term(schema::kCites, fold_text(cited)));
        if (p.decision && !p.decision->number.empty())
            doc.add_boolean_term(term(schema::kResolution, fold_text(p.decision->number)));
        if (p.decision) {
            doc.add_boolean_term(term(schema::kDecision, p.decision->kind));
            doc.add_value(schema::kSlotDecision, p.decision->kind);
        }
        add_motions(doc, p.motions);
        if (p.status) {
            doc.add_boolean_term(term(schema::kStatus, *p.status));
            doc.add_value(schema::kSlotStatus, *p.status);
        }
        add_names(doc, p.officers, schema::kOfficer, schema::kSlotOfficer0, schema::kSlotOfficerMore0, "officer:");
        add_names(doc, p.people, schema::kPerson, schema::kSlotPerson0, schema::kSlotPersonMore0, "person:");
        doc.set_data(to_document_data(p));
        return doc;
    }

    // Who moved, seconded and voted how, as terms of their person slugs (the
    // names are people's, so "person:" metadata knows them, and the passage
    // names them: a person term each, without the facet's value slots), and
    // the result: every motion's as a term, the last stated one as the facet.
    void add_motions(Xapian::Document& doc, const std::vector<Motion>& motions) {
        std::string last;
        auto person = [&](std::string_view prefix, const std::string& name) {
            if (name.empty()) return;
            const std::string slug = slugify(name);
            if (slug.empty()) return;
            if (!prefix.empty()) doc.add_boolean_term(term(prefix, slug));
            doc.add_boolean_term(term(schema::kPerson, slug));
            name_metadata("person:" + slug, name);
        };
        for (const auto& m : motions) {
            person(schema::kMovedBy, m.moved_by);
            person(schema::kSecondedBy, m.seconded_by);
            for (const auto& [side, prefix] : {std::pair{&m.votes_for, schema::kVotedFor},
                                              std::pair{&m.against, schema::kVotedAgainst},
                                              std::pair{&m.abstain, schema::kAbstained},
                                              std::pair{&m.absent, std::string_view()}}) {
                if (!*side) continue;
                for (const auto& n : (*side)->names) person(prefix, n);
            }
            if (m.result != MotionResult::kNotStated) {
                last = to_string(m.result);
                doc.add_boolean_term(term(schema::kResult, last));
            }
        }
        if (!last.empty()) doc.add_value(schema::kSlotResult, last);
    }

    // Every name gets its term; the first kMaxMultiValues a value slot each
    // (check_index reports a passage with more).
    void add_names(Xapian::Document& doc, const std::vector<std::string>& names, std::string_view prefix,
                   unsigned first_slot, unsigned more_slot, const std::string& metadata) {
        std::set<std::string> seen;
        unsigned i = 0;
        for (const auto& name : names) {
            if (!seen.insert(name).second) continue;
            doc.add_boolean_term(term(prefix, slugify(name)));
            name_metadata(metadata + slugify(name), name);
            if (i < schema::kMaxMultiValues) doc.add_value(schema::multi_slot(first_slot, more_slot, i++), name);
        }
    }

    void name_metadata(const std::string& key, const std::string& name) {
        auto [it, added] = names_written.emplace(key, name);
        if (!added && it->second == name) return;
        it->second = name;
        db.set_metadata(key, name);
    }

    // Every change goes into the open batch; the first change after a
    // commit opens one. Xapian would otherwise flush by itself after enough
    // documents, committing half a file.
    void batch() {
        if (in_batch) return;
        db.begin_transaction(true);
        in_batch = true;
    }

    // The document holding passage `key`, or 0.
    Xapian::docid find(const std::string& key) {
        const std::string unique = term(schema::kUnique, key);
        Xapian::PostingIterator it = db.postlist_begin(unique);
        return it == db.postlist_end(unique) ? 0 : *it;
    }
};

IndexWriter::IndexWriter(const std::string& path) : impl_(std::make_unique<Impl>(path)) {}
IndexWriter::~IndexWriter() = default;

void IndexWriter::add(const Passage& passage) { add(passage, passage_terms(passage)); }

void IndexWriter::add(const Passage& passage, const PassageTerms& terms) {
    impl_->batch();
    // One look-up of the unique term, not two: replace_document(term)
    // would look it up again, and each look-up flushes the batch's
    // positions.
    const Xapian::docid docid = impl_->find(passage.key);
    if (docid == 0) {
        impl_->db.add_document(impl_->build(passage, terms));
        impl_->changed = true;
        return;
    }
    const Passage old = from_document_data(impl_->db.get_document(docid).get_data());
    // Keep the places other files print this passage; this file's own
    // locations are replaced by the new ones.
    Passage merged = passage;
    std::set<std::string> ours;
    for (const auto& l : passage.locations) ours.insert(l.file_id);
    for (const auto& l : old.locations) {
        if (!ours.count(l.file_id)) merged.locations.push_back(l);
    }
    sort_locations(merged.locations);
    if (merged.primary().file_id != passage.primary().file_id) {
        // The other copy stays primary: its text and page map stand.
        merged.text = old.text;
        merged.page_starts = old.page_starts;
    }
    // The terms come from the text, which is this passage's unless the other copy's stands.
    impl_->db.replace_document(docid, merged.text == passage.text ? impl_->build(merged, terms) : impl_->build(merged));
    impl_->changed = true;
}

void IndexWriter::remove_file(const std::string& file_id, const std::set<std::string>& keep_councils) {
    impl_->batch();
    const std::string file_term = term(schema::kFileId, file_id);
    std::vector<Passage> keep;
    std::vector<std::string> drop;
    for (auto it = impl_->db.postlist_begin(file_term); it != impl_->db.postlist_end(file_term); ++it) {
        Passage p = from_document_data(impl_->db.get_document(*it).get_data());
        if (p.council && keep_councils.count(*p.council)) continue;
        std::erase_if(p.locations, [&](const Location& l) { return l.file_id == file_id; });
        if (p.locations.empty()) {
            drop.push_back(p.key);
        } else {
            keep.push_back(std::move(p));
        }
    }
    if (!drop.empty() || !keep.empty()) impl_->changed = true;
    for (const auto& key : drop) impl_->db.delete_document(term(schema::kUnique, key));
    for (const auto& p : keep) impl_->db.replace_document(term(schema::kUnique, p.key), impl_->build(p));
}

void IndexWriter::set_file_path(const std::string& file_id, const std::string& absolute_path) {
    set_metadata("file:" + file_id, absolute_path);
}

void IndexWriter::rename_file(const std::string& file_id, const std::string& display_path) {
    impl_->batch();
    const std::string file_term = term(schema::kFileId, file_id);
    std::vector<Passage> renamed;
    for (auto it = impl_->db.postlist_begin(file_term); it != impl_->db.postlist_end(file_term); ++it) {
        Passage p = from_document_data(impl_->db.get_document(*it).get_data());
        bool touched = false;
        for (auto& l : p.locations) {
            if (l.file_id == file_id && l.file != display_path) {
                l.file = display_path;
                touched = true;
            }
        }
        // Not re-sorted: the primary location, whose text the passage
        // shows, stays the same.
        if (touched) renamed.push_back(std::move(p));
    }
    for (const auto& p : renamed) impl_->db.replace_document(term(schema::kUnique, p.key), impl_->build(p));
}

std::string IndexWriter::metadata(const std::string& key) const { return impl_->db.get_metadata(key); }

void IndexWriter::set_metadata(const std::string& key, const std::string& value) {
    impl_->batch();
    impl_->db.set_metadata(key, value);
}

std::vector<std::string> IndexWriter::metadata_keys(const std::string& prefix) const {
    return {impl_->db.metadata_keys_begin(prefix), impl_->db.metadata_keys_end(prefix)};
}

void IndexWriter::commit() {
    if (impl_->changed && !impl_->stale_marked) {
        set_metadata(kVocabularyStale, "1");
        impl_->stale_marked = true;
    }
    if (impl_->in_batch) {
        impl_->db.commit_transaction();
        impl_->in_batch = false;
    } else {
        impl_->db.commit();
    }
}

void IndexWriter::finish() {
    commit();
    // A killed run's acronyms died with it: a recovering run counts them
    // all again from the index.
    if (impl_->recovering) {
        rebuild_vocabulary(impl_->db, acronyms_in(impl_->db));
    } else if (impl_->changed) {
        rebuild_vocabulary(impl_->db, impl_->acronyms);
    }
    if (impl_->stale_marked) impl_->db.set_metadata(kVocabularyStale, "");
    impl_->changed = impl_->recovering = impl_->stale_marked = false;
    impl_->acronyms.clear();
    impl_->db.commit();
}

}  // namespace minutebook
