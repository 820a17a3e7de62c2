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

std::string make_snippet(const Xapian::MSet& mset, const std::string& text, SnippetOptions options) {
    std::string flat = text;
    for (char& c : flat) {
        if (c == '\n') c = ' ';
    }
    // Xapian escapes the text itself and marks the words whose terms the
    // query holds; it lowercases words as the index does.
    const unsigned flags = Xapian::MSet::SNIPPET_EXHAUSTIVE |
                           (options.background_model ? Xapian::MSet::SNIPPET_BACKGROUND_MODEL : 0);
    return mset.snippet(flat, kSnippetBytes, Xapian::Stem("english"), flags, "<mark>", "</mark>", "…");
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

int best_page(const Passage& passage, const std::string& snippet) {
    const Location& where = passage.primary();
    if (where.pages.size() < 2 || passage.page_starts.size() != where.pages.size()) {
        return where.pages.front();
    }
    // The snippet's text as it stands in the passage, and where its first
    // mark falls in it.
    std::string plain;
    size_t mark = std::string::npos;
    for (size_t i = 0; i < snippet.size();) {
        if (snippet.compare(i, 6, "<mark>") == 0) {
            if (mark == std::string::npos) mark = plain.size();
            i += 6;
        } else if (snippet.compare(i, 7, "</mark>") == 0) {
            i += 7;
        } else if (snippet.compare(i, 3, "\xE2\x80\xA6") == 0) {
            if (mark == std::string::npos) plain.clear();  // an ellipsis: text starts after it
            else break;
            i += 3;
        } else if (snippet[i] == '&') {
            static const std::pair<const char*, char> kEntities[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
            bool done = false;
            for (const auto& [entity, c] : kEntities) {
                const size_t n = std::char_traits<char>::length(entity);
                if (snippet.compare(i, n, entity) == 0) {
                    plain.push_back(c);
                    i += n;
                    done = true;
                    break;
                }
            }
            if (!done) plain.push_back(snippet[i++]);
        } else {
            plain.push_back(snippet[i++]);
        }
    }
    if (mark == std::string::npos || plain.empty()) return where.pages.front();
    std::string flat = passage.text;
    for (char& c : flat) {
        if (c == '\n') c = ' ';
    }
    const size_t at = flat.find(plain.substr(0, std::min<size_t>(plain.size(), 60)));
    if (at == std::string::npos) return where.pages.front();
    const size_t offset = at + mark;
    int page = where.pages.front();
    for (size_t i = 0; i < where.pages.size(); ++i) {
        if (passage.page_starts[i] <= offset) page = where.pages[i];
    }
    return page;
}

}  // namespace minutebook
