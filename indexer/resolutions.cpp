// Resolutions of minute items: where one opens, its lettered points, its
// decision kind; and the other minutes an item cites.
#include <algorithm>
#include <regex>

#include "indexer/structure_internal.h"

namespace minutebook::structure {
namespace {

bool starts_point(std::string_view line, std::string& rest) {
    static const std::regex point(R"(^(?:(?:•|-)\s*)?(\(?[a-z]\)|\(?\d{1,2}\)|\([ivx]+\)|[ivx]+\))\s*(.*)$)");
    std::smatch m;
    std::string l(line);
    if (!std::regex_match(l, m, point)) return false;
    rest = m[1].str() + (m[2].length() ? " " + m[2].str() : "");
    return true;
}

}  // namespace

Resolution read_resolution(const std::vector<std::string>& lines) {
    Resolution r;
    for (const auto& l : lines) {
        if (!r.text.empty()) r.text += '\n';
        r.text += l;
        std::string rest;
        if (starts_point(l, rest)) {
            r.points.push_back(rest);
        } else if (!r.points.empty()) {
            r.points.back() += ' ';
            r.points.back() += l;
        }
    }
    r.kind = decision_kind(r.text);
    return r;
}

bool opens_resolution(std::string_view line) {
    static const std::regex re(
        R"((\bit was (unanimously )?resolved\b|^(\d+\)\s*)?resolved\b|\bresolved (that|to|unanimously)\b|\b(approved|agreed) as (an accurate|a correct|a true) record\b))",
        std::regex::icase);
    // Every form says "resolved" or "record".
    if (find_ci(line, "resolved") == std::string_view::npos && find_ci(line, "record") == std::string_view::npos) {
        return false;
    }
    return std::regex_search(std::string(line), re);
}

std::string decision_kind(std::string_view resolution) {
    const std::vector<WordAt> w = words_at(resolution);
    size_t first = 0;
    while (first < w.size() && w[first].lower != "resolved") ++first;
    if (first == w.size()) first = 0;
    const size_t start = w.empty() ? 0 : w[first].offset;
    // The earliest verb after "resolved" decides: "to note and comment" is
    // noted. Whole words, never parts of one: "disapproved" is not approved.
    auto starts = [](const std::string& word, std::string_view stem) { return word.rfind(stem, 0) == 0; };
    for (size_t i = first; i < w.size(); ++i) {
        const std::string& t = w[i].lower;
        const std::string prev = i > 0 ? w[i - 1].lower : "";
        const std::string prev2 = i > 1 ? w[i - 2].lower : "";
        const bool negated = prev == "not" || (prev == "to" && prev2 == "not");
        const char* kind = nullptr;
        if (starts(t, "disapprov") || starts(t, "disagree") || starts(t, "reject") || starts(t, "refus") ||
            (t == "lost" && prev == "was")) {
            kind = "rejected";
        } else if (starts(t, "approv") || starts(t, "agree")) {
            kind = negated ? "rejected" : starts(t, "approv") ? "approved" : "agreed";
        } else if (starts(t, "defer") || starts(t, "postpon")) {
            kind = "deferred";
        } else if (t == "record" && (prev == "accurate" || prev == "correct" || prev == "true")) {
            kind = "approved";
        } else if (starts(t, "endors")) {
            kind = "endorsed";
        } else if (prev == "to" && (t == "commission" || starts(t, "adopt"))) {
            // Decisions to act: "To commission a Universal 0-19 HCP", "to adopt the strategy".
            kind = "approved";
        } else if (prev == "to" && starts(t, "delegat")) {
            kind = "agreed";
        } else if (starts(t, "comment")) {
            kind = "commented";
        } else if (t == "note" || t == "noted" || t == "notes" || t == "noting") {
            kind = "noted";
        }
        if (!kind) continue;
        // Verbs far into the text describe something else than the decision.
        return w[i].offset - start > 400 ? "other" : kind;
    }
    return "other";
}

std::vector<std::string> minute_references(std::string_view text) {
    static const std::regex ref(R"(\bminutes?\s+(?:no\.?\s*)?(\d{1,4})(?:\s+and\s+(\d{1,4}))?\b)", std::regex::icase);
    std::vector<std::string> out;
    const std::string t(text);
    for_each_match(t, ref, {"minute"}, true, [&](const std::smatch& m) {
        // "Minutes 12 March 2024" is a date, not a minute.
        const auto after = static_cast<size_t>(m[0].second - t.begin());
        static const std::regex month(R"(^\s*(st|nd|rd|th)?\s*(January|February|March|April|May|June|July|August|September|October|November|December))",
                                      std::regex::icase);
        if (std::regex_search(t.substr(after, 20), month)) return;
        for (int g = 1; g <= 2; ++g) {
            if (m[g].matched && std::find(out.begin(), out.end(), m[g].str()) == out.end()) out.push_back(m[g].str());
        }
    });
    return out;
}

}  // namespace minutebook::structure
