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
    std::string t = lower(resolution);
    size_t start = t.find("resolved");
    if (start == std::string::npos) start = 0;
    // The earliest verb after "resolved" decides: "to note and comment" is noted.
    struct Verb {
        const char* stem;
        const char* kind;
    };
    static const Verb verbs[] = {
        {"not approve", "rejected"}, {"not agree", "rejected"}, {"not to approve", "rejected"},
        {"not to agree", "rejected"},   {"reject", "rejected"},
        {"refuse", "rejected"},      {"was lost", "rejected"},    {"defer", "deferred"},
        {"postpone", "deferred"},    {"accurate record", "approved"}, {"correct record", "approved"},
        {"true record", "approved"}, {"approv", "approved"},      {"endors", "endorsed"},
        // Decisions to act: "To commission a Universal 0-19 HCP", "to adopt the strategy".
        {"to commission", "approved"}, {"to adopt", "approved"},   {"to delegate", "agreed"},
        {"agree", "agreed"},         {"comment", "commented"},    {"note", "noted"},
    };
    size_t best = std::string::npos;
    std::string kind = "other";
    for (const auto& v : verbs) {
        size_t p = t.find(v.stem, start);
        if (p != std::string::npos && (best == std::string::npos || p < best)) {
            best = p;
            kind = v.kind;
        }
    }
    // Verbs far into the text describe something else than the decision.
    if (best != std::string::npos && best - start > 400) kind = "other";
    return kind;
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
