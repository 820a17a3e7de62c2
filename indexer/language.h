// Whether a page's text layer is language or glyph garbage.
//
// Some PDFs carry a text layer that lies: fonts whose ToUnicode map sends
// glyphs to the wrong characters ("6',8 /398+74,8.+2++8" for "MINUTES OF
// THE MEETING"), or a poor OCR layer under a scan. Such a page reads as
// text, so it is only OCR'd when the text is judged not to be language.
//
// The judgement counts whitespace-separated tokens: a common English word
// (from a compiled-in list of about 6,000), another word, or junk (letters,
// digits and symbols mixed as no word or number is). Numbers, codes
// ("2024/039", "S32"), single characters, symbols and words in other
// scripts are neutral: a table of figures or an Arabic page is not garbage.
// Thread-safe.
#pragma once

#include <string_view>

namespace minutebook {

struct LanguageScore {
    int known = 0;    // common English words
    int unknown = 0;  // other words (names, jargon, other languages in Latin script)
    int junk = 0;     // tokens that are neither words nor numbers nor codes

    int judged() const { return known + unknown + junk; }
    // False when the page has enough judged tokens and few of them are
    // common words, or when junk outnumbers the rest. True when nothing can
    // be judged (no text, only figures, another script).
    bool is_language() const;
};

// REQUIRES: `text` is clean (core/normalise.h clean_text).
LanguageScore score_language(std::string_view text);

// True when `word` (lower case ASCII) is in the common-word list.
bool is_common_english_word(std::string_view word);

}  // namespace minutebook
