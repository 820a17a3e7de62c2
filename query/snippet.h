// Snippets and the page of the best match.
#pragma once

#include <string>

#include <xapian.h>

#include "core/passage.h"

namespace minutebook {

// HTML escaping for text shown in pages and snippets.
std::string escape_html(const std::string& text);

struct SnippetOptions {
    // Rare words count for more in choosing the window (Xapian's background
    // model). It looks up how many passages hold each word of the text: one
    // round trip per word to a remote database, so off for remote shards.
    // Default: on.
    bool background_model = true;
};

// A passage of `text` around the best matches of the MSet's query, HTML
// escaped, matched words in <mark>...</mark>. Matching is done on folded text
// so that case and accents do not hide a match.
std::string make_snippet(const Xapian::MSet& mset, const std::string& text, SnippetOptions options = {});

// The opening of `text`, escaped, for results without query words.
std::string plain_snippet(const std::string& text);

// The page of `passage` where its snippet's first marked word stands (the
// snippet stands where the matches are densest); its first page when it has
// one page or the snippet marks nothing.
// REQUIRES: snippet was made by make_snippet() from passage.text.
int best_page(const Passage& passage, const std::string& snippet);

}  // namespace minutebook
