#include "web/params.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <regex>
#include <set>

namespace minutebook::web {
namespace {

const std::set<std::string> kNames = {"q",       "council",   "committee", "from",     "to",
                                      "officer", "person",    "decision", "type",
                                      "status",  "sort",      "offset",   "limit", "like",
                                      "result",  "moved_by",  "voted_for", "voted_against"};

struct Choice {
    const char* name;
    std::set<std::string> values;
    const char* listed;
};
const Choice kChoices[] = {
    {"decision",
     {"approved", "agreed", "noted", "commented", "endorsed", "deferred", "rejected", "other"},
     "approved, agreed, noted, commented, endorsed, deferred, rejected or other"},
    {"type",
     {"minute", "action", "report", "agenda", "page"},
     "minute, action, report, agenda or page"},
    {"status", {"open", "complete"}, "open or complete"},
    {"result", {"carried", "failed", "withdrawn"}, "carried, failed or withdrawn"},
    {"sort", {"relevance", "date"}, "relevance or date"},
};

bool whole_number(const std::string& text, int min, int max, int& out) {
    int n = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (error != std::errc() || end != text.data() + text.size() || n < min || n > max)
        return false;
    out = n;
    return true;
}

}  // namespace

bool clean_text(const std::string& text) {
    size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        size_t extra = 0;
        uint32_t code = 0;
        if (c < 0x80) {
            if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) return false;
            ++i;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            extra = 1;
            code = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2;
            code = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            extra = 3;
            code = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= text.size()) return false;
        for (size_t k = 1; k <= extra; ++k) {
            const unsigned char cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xc0) != 0x80) return false;
            code = (code << 6) | (cc & 0x3f);
        }
        static constexpr std::array<uint32_t, 4> kMinimum = {0, 0x80, 0x800, 0x10000};
        if (code < kMinimum[extra] || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
            return false;
        i += extra + 1;
    }
    return true;
}

Outcome<SearchRequest> search_request(const Params& params, const ParamRules& rules) {
    std::map<std::string, std::string> given;
    for (const auto& [name, value] : params) {
        if (!kNames.count(name)) {
            if (rules.reject_unknown) {
                return bad_request(
                    "Unknown parameter '" + (clean_text(name) ? name : "?") +
                    "': use q, council, committee, from, to, officer, person, decision, result, "
                    "moved_by, voted_for, voted_against, type, status, like, sort, offset or limit.");
            }
            continue;
        }
        if (!clean_text(value))
            return bad_request("Parameter " + name +
                               " must be UTF-8 text without control characters.");
        if (given.count(name)) {
            if (given[name] != value) return bad_request("Parameter " + name + " is given twice.");
            continue;
        }
        given[name] = value;
    }
    SearchRequest request;
    request.limit = rules.default_limit;
    for (const auto& [name, value] : given) {
        if (value.empty()) continue;
        if (name == "q") {
            if (value.size() > kMaxQueryBytes) {
                return bad_request("The query is longer than " + std::to_string(kMaxQueryBytes) +
                                   " bytes.");
            }
            request.query = value;
            continue;
        }
        if (name == "limit") {
            if (!whole_number(value, 1, rules.max_limit, request.limit)) {
                return bad_request("limit must be a whole number from 1 to " +
                                   std::to_string(rules.max_limit) + ".");
            }
            continue;
        }
        if (name == "offset") {
            if (!whole_number(value, 0, kMaxOffset, request.offset)) {
                return bad_request("offset must be a whole number from 0 to " +
                                   std::to_string(kMaxOffset) + ".");
            }
            continue;
        }
        if (value.size() > kMaxFilterBytes) {
            return bad_request(name + " is longer than " + std::to_string(kMaxFilterBytes) +
                               " bytes.");
        }
        for (const auto& choice : kChoices) {
            if (name == choice.name && !choice.values.count(value)) {
                return bad_request(name + " must be " + choice.listed + ".");
            }
        }
        if (name == "council") request.council = value;
        if (name == "committee") request.committee = value;
        if (name == "from") request.from = value;
        if (name == "to") request.to = value;
        if (name == "officer") request.officer = value;
        if (name == "person") request.person = value;
        if (name == "decision") request.decision = value;
        if (name == "type") request.type = value;
        if (name == "status") request.status = value;
        if (name == "sort") request.sort = value;
        if (name == "like") request.like = value;
        if (name == "result") request.result = value;
        if (name == "moved_by") request.moved_by = value;
        if (name == "voted_for") request.voted_for = value;
        if (name == "voted_against") request.voted_against = value;
    }
    return request;
}

std::string url_encode(const std::string& text) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
    }
    return out;
}

std::string query_string(const SearchRequest& r, int default_limit) {
    std::string out;
    auto add = [&](const char* name, const std::string& value) {
        if (value.empty()) return;
        out += (out.empty() ? "" : "&") + std::string(name) + "=" + url_encode(value);
    };
    add("q", r.query);
    for (const auto& [name, value] : filter_fields(r)) {
        if (*value) add(name, **value);
    }
    if (r.sort != "relevance") add("sort", r.sort);
    if (r.offset != 0) add("offset", std::to_string(r.offset));
    if (r.limit != default_limit) add("limit", std::to_string(r.limit));
    return out;
}

bool path_segment(const std::string& text) {
    return !text.empty() && text.size() <= kMaxFilterBytes && clean_text(text) &&
           text.find('/') == std::string::npos;
}

bool iso_date_text(const std::string& text) {
    static const std::regex kDate("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    return std::regex_match(text, kDate);
}

}  // namespace minutebook::web
