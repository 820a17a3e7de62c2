// The frame every HTML page shares (header with the search box, inline CSS,
// footer) and the small helpers pages are written with. Every piece of
// document text or request text goes through escape() before it lands in a
// page.
#pragma once

#include <string>

#include "core/passage.h"
#include "query/citation.h"  // long_date()

namespace minutebook::web {

struct PageFrame {
    std::string title;          // plain text, escaped here
    std::string query;          // text in the header's search box, escaped here
    std::string hidden_html;    // hidden inputs the header's form carries (filters)
    std::string feed_url;       // an Atom feed to announce, "" for none
    bool header_search = true;  // the home page has its own, larger box
};

// A whole HTML document around `main_html`.
std::string html_page(const PageFrame& frame, const std::string& main_html);

// The HTML of an error: what went wrong, and where to go from there.
std::string error_page(const std::string& heading, const std::string& message);

// HTML-escaped text (& < > " ').
std::string escape(const std::string& text);

// <input type="hidden"> for a name and value, escaped.
std::string hidden_input(const std::string& name, const std::string& value);

// Display names: "minute" -> "Minute item", "approved" -> "Approved".
std::string type_label(const std::string& type);
std::string type_label(PassageType type);
std::string capitalised(const std::string& word);

}  // namespace minutebook::web
