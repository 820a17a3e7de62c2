#include "query/snippet.h"

#include <set>

#include "core/normalise.h"

namespace minutebook {
namespace {

constexpr size_t kSnippetBytes = 300;

}  // namespace

std::string escape_html(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out.push_back(c);
        }
    }
    return out;
}

std::string make_snippet(const Xapian::MSet& mset, const std::string& text) {
    std::string flat = text;
    for (char& c : flat) {
        if (c == '\n') c = ' ';
    }
    // Xapian escapes the text itself and marks the words whose terms the
    // query holds; it lowercases words as the index does.
    return mset.snippet(flat, kSnippetBytes, Xapian::Stem("english"),
                        Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                        "<mark>", "</mark>", "…");
}

std::string plain_snippet(const std::string& text) {
    std::string flat;
    for (char c : text) {
        if (c == '\n') c = ' ';
        if (c == ' ' && !flat.empty() && flat.back() == ' ') continue;
        flat.push_back(c);
    }
    if (flat.size() > kSnippetBytes) {
        size_t cut = flat.rfind(' ', kSnippetBytes);
        flat = flat.substr(0, cut == std::string::npos ? kSnippetBytes : cut) + " …";
    }
    return escape_html(flat);
}

int best_page(const Passage& passage, const Xapian::Query& query) {
    const Location& where = passage.primary();
    if (where.pages.size() < 2 || passage.page_starts.size() != where.pages.size()) {
        return where.pages.front();
    }
    std::set<std::string> wanted(query.get_unique_terms_begin(), query.get_unique_terms_end());
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    int best = where.pages.front();
    Xapian::termcount best_hits = 0;
    for (size_t i = 0; i < where.pages.size(); ++i) {
        size_t begin = std::min(passage.page_starts[i], passage.text.size());
        size_t end = i + 1 < where.pages.size() ? std::min(passage.page_starts[i + 1], passage.text.size())
                                                : passage.text.size();
        if (end <= begin) continue;
        Xapian::Document doc;
        generator.set_document(doc);
        const std::string folded = fold_text(passage.text.substr(begin, end - begin));
        generator.index_text(folded);
        for (const auto& extra : extra_terms(folded)) doc.add_term(extra);
        Xapian::termcount hits = 0;
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            if (wanted.count(*t)) hits += t.get_wdf();
        }
        if (hits > best_hits) {
            best_hits = hits;
            best = where.pages[i];
        }
    }
    return best;
}

}  // namespace minutebook
