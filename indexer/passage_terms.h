// The terms a passage's words give its Xapian document: the words of its
// title, text and resolution with their positions, their stems, the extra
// terms of tokens the word splitter takes apart, amounts of money; and the
// acronyms the text defines.
//
// Working them out (ICU folding, word splitting, stemming) is most of the
// cost of writing a passage. Reader processes do it (passage_terms), send
// the result through their pipe (append_terms/read_terms), and the one
// writer only adds the terms to a document (indexer/writer.h), so the serial
// part of a run stays small.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/passage.h"
#include "indexer/acronyms.h"

namespace minutebook {

struct PassageTerms {
    struct Term {
        std::string name;
        unsigned wdf = 0;                // 0 for a boolean term
        std::vector<unsigned> positions;  // ascending; empty for a term without positions
    };
    std::vector<Term> terms;  // in term order
    std::vector<AcronymDefinition> acronyms;
};

// What `passage`'s title, text and decision give. Depends on nothing else
// of the passage: its locations, committee or dates may change (another
// file printing the same minutes) without changing these terms.
PassageTerms passage_terms(const Passage& passage);

// A compact encoding for the pipe from a reader process: appended to `out`.
void append_terms(const PassageTerms& terms, std::string& out);
// Reads one encoding from the front of `in` and moves `in` past it. Throws
// std::runtime_error when `in` does not start with one.
PassageTerms read_terms(std::string_view& in);

}  // namespace minutebook
