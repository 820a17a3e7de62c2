// Text normalisation, the same for documents and queries (ICU inside).
//
// Two forms of text:
//  - clean: what people read (snippets, titles). NFKC (ligatures, odd
//    spaces, full-width forms), soft hyphens and other invisible characters
//    removed, curly quotes made straight, dashes made '-', words split across
//    lines by a hyphen joined again. Case and accents are kept; lines are kept.
//  - folded: what is matched. The clean form case-folded with accents
//    removed. Terms come from the folded form on both sides.
// Cleaning clean text changes nothing, nor does folding folded text.
// All functions are thread-safe and take and return UTF-8; invalid UTF-8 is
// replaced, never an error.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace minutebook {

std::string clean_text(std::string_view utf8);

// REQUIRES: text is already clean (clean_text), or plain ASCII.
std::string fold_text(std::string_view text);

// Folds a query typed by a person: cleans and folds it, but keeps the
// operators AND, OR, NOT, XOR and NEAR in capitals where they stand outside
// quotes, so the query parser still sees them.
std::string fold_query(std::string_view query);

// Terms for tokens that Xapian's word splitting would take apart or miss,
// from folded text: "2024/039" -> "2024/039"; "£39,441" -> "39441";
// "sub-committee" -> "subcommittee"; "ehcps" -> "ehcp". Documents add them as
// terms; queries add them as alternatives (see query_alternatives).
std::vector<std::string> extra_terms(std::string_view folded);

// For one whitespace-separated token of a folded query: the extra terms it
// yields, and for a plain number its grouped form ("39441" -> "39,441", as
// papers print it); empty when the query parser alone finds what is meant.
std::vector<std::string> query_alternatives(std::string_view folded_token);

// The longest start of `text` of at most `max_bytes` bytes that does not cut
// a character in two (for shortening titles, keys and pieces of pages).
std::string_view utf8_prefix(std::string_view text, size_t max_bytes);

}  // namespace minutebook
