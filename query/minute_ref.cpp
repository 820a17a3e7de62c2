#include "query/minute_ref.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "core/committees.h"
#include "core/councils.h"
#include "core/dates.h"
#include "core/normalise.h"
#include "core/schema.h"
#include "query/citation.h"
#include "query/search.h"
#include "query/snippet.h"

namespace minutebook {
namespace {

// ---- Parsing ----

enum class TokenKind { kKeyword, kNumber, kWord, kFiller, kDate };

struct Token {
    std::string text;   // lower case, surrounding punctuation removed
    TokenKind kind = TokenKind::kWord;
};

// Words that introduce a minute number.
// "resolution 78", "motion 78": the minute item that records it.
const std::set<std::string> kKeywords = {"minute", "minutes", "min", "mins", "item", "resolution", "motion"};
// Words that do so only after one of those ("minute no. 232").
const std::set<std::string> kNumberWords = {"no", "nos", "number"};
// Words that make a number something other than a minute number.
const std::set<std::string> kRefusals = {"page",  "pages",    "p",        "pp",    "para",     "paragraph",
                                         "paras", "section",  "appendix", "annex", "table",    "figure",
                                         "fig",   "agenda",   "clause",   "rule",  "schedule", "chapter"};
// Words that may stand around a committee's name.
const std::set<std::string> kFillers = {"of",      "the",      "on",        "at",       "in",     "held",
                                        "meeting", "dated",    "from",      "for",      "monday", "tuesday",
                                        "wednesday", "thursday", "friday", "saturday", "sunday"};
// Words that name no committee on their own.
const std::set<std::string> kCommitteeWords = {"committee", "sub-committee", "subcommittee", "sub"};

std::string lower(std::string_view s) {
    std::string out;
    for (unsigned char c : s) out.push_back(static_cast<char>(std::tolower(c)));
    return out;
}

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// "(2024)" -> "2024", "committee," -> "committee", "no." -> "no"; "£232",
// "2,232" and "4.8" keep what makes them something else.
std::string trimmed(std::string_view raw) {
    size_t b = 0, e = raw.size();
    while (b < e && (raw[b] == '(' || raw[b] == '[' || raw[b] == '"' || raw[b] == '\'')) ++b;
    while (e > b && std::string_view(",;:.)]\"'").find(raw[e - 1]) != std::string_view::npos) --e;
    return lower(raw.substr(b, e - b));
}

bool year_like(const std::string& s) {
    if (s.size() != 4 || !all_digits(s)) return false;
    const int y = std::stoi(s);
    return y >= 1900 && y <= 2099;
}

std::string without_leading_zeros(const std::string& digits) {
    size_t i = digits.find_first_not_of('0');
    return i == std::string::npos ? "" : digits.substr(i);
}

bool is_initials(const std::string& canonical, const std::string& typed) {
    const auto initials = committee_initials(canonical);
    return std::find(initials.begin(), initials.end(), typed) != initials.end();
}

// A day and month typed without a year ("12th July", "3 mar", "July 12"):
// "--07-12", the meeting's day in any year (ISO 8601's form without a
// year). Its span in `text` is blanked; "" when there is none.
std::string take_day_month(std::string& text, size_t& begin) {
    static const std::regex day_first(R"((^|\s)(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9}\.?)(?=[\s,]|$)(?!\s*,?\s*\d))");
    static const std::regex month_first(R"((^|\s)([A-Za-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?(?=[\s,]|$)(?!\s*,?\s*\d))");
    std::smatch m;
    int day = 0, month = 0;
    size_t at = 0, length = 0;
    if (std::regex_search(text, m, day_first) && month_number(m[3].str())) {
        day = std::stoi(m[2].str());
        month = month_number(m[3].str());
    } else if (std::regex_search(text, m, month_first) && month_number(m[2].str())) {
        day = std::stoi(m[3].str());
        month = month_number(m[2].str());
    }
    if (day < 1 || day > 31 || month == 0) return "";
    at = static_cast<size_t>(m.position(0)) + m[1].length();
    length = static_cast<size_t>(m.length(0)) - m[1].length();
    std::fill(text.begin() + static_cast<long>(at), text.begin() + static_cast<long>(at + length), ' ');
    begin = at;
    char out[8];
    std::snprintf(out, sizeof out, "--%02d-%02d", month, day);
    return out;
}

}  // namespace

std::optional<MinuteReference> parse_minute_reference(std::string_view given,
                                                       const std::vector<std::string>& committees,
                                                       const std::vector<std::string>& councils) {
    if (given.size() > kMaxReferenceBytes) return std::nullopt;
    // Month words as dates print them, so that "jul 2023" reads as "Jul 2023".
    std::string scan(given);
    for (size_t i = 0; i < scan.size();) {
        size_t j = i;
        while (j < scan.size() && std::isalpha(static_cast<unsigned char>(scan[j]))) ++j;
        if (j > i && month_number(scan.substr(i, j - i)))
            scan[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(scan[i])));
        i = j > i ? j : i + 1;
    }
    size_t day_month_at = 0;
    const std::string day_month = take_day_month(scan, day_month_at);
    const std::string_view text = scan;
    const std::vector<DateMatch> dates = find_dates(text);
    if (dates.size() > 1) return std::nullopt;
    const std::optional<DateMatch> date = dates.empty() ? std::nullopt : std::optional(dates.front());

    // Tokens split on spaces; the date's span becomes one token.
    std::vector<Token> tokens;
    for (size_t i = 0; i < text.size();) {
        if (std::isspace(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
        if (date && i < date->end && j > date->begin) {
            // Punctuation after the date ("8 October 2024,") belongs to no word.
            if (tokens.empty() || tokens.back().kind != TokenKind::kDate) {
                Token t;
                t.kind = TokenKind::kDate;
                tokens.push_back(t);
            }
            if (j > date->end && !trimmed(text.substr(date->end, j - date->end)).empty()) return std::nullopt;
            i = j;
            continue;
        }
        Token t;
        t.text = trimmed(text.substr(i, j - i));
        i = j;
        if (t.text.empty()) continue;  // a dash or a lone bracket
        if (kRefusals.count(t.text)) return std::nullopt;
        const bool after_keyword = !tokens.empty() && tokens.back().kind == TokenKind::kKeyword;
        if (kKeywords.count(t.text) || (after_keyword && kNumberWords.count(t.text))) {
            t.kind = TokenKind::kKeyword;
        } else if (all_digits(t.text)) {
            t.kind = TokenKind::kNumber;
        } else if (kFillers.count(t.text)) {
            t.kind = TokenKind::kFiller;
        }
        tokens.push_back(std::move(t));
    }

    MinuteReference ref;
    std::string year;
    bool keyword = false;
    // The number: the one after a keyword ("minute no. 232"), else the one
    // that is not a year.
    for (size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != TokenKind::kKeyword) continue;
        keyword = true;
        size_t k = i;
        while (k + 1 < tokens.size() && tokens[k + 1].kind == TokenKind::kKeyword) ++k;
        if (k + 1 < tokens.size() && tokens[k + 1].kind == TokenKind::kNumber && ref.number.empty()) {
            ref.number = tokens[k + 1].text;
            tokens[k + 1].kind = TokenKind::kKeyword;  // consumed
        }
        i = k;
    }
    std::vector<std::string> numbers;
    for (const auto& t : tokens) {
        if (t.kind == TokenKind::kNumber) numbers.push_back(t.text);
    }
    for (const auto& n : numbers) {
        if (year_like(n) && year.empty() && (!ref.number.empty() || numbers.size() > 1)) {
            year = n;
        } else if (ref.number.empty()) {
            ref.number = n;
        } else {
            return std::nullopt;  // a second number: "232 233", "1 2 3"
        }
    }
    if (date) {
        ref.date = date->date.iso();
        // "minute 12 June 2017": the day is the number, the date a month.
        if (ref.number.empty() && keyword && date->date.day != 0) {
            std::string_view before = text.substr(0, date->begin);
            while (!before.empty() && std::isspace(static_cast<unsigned char>(before.back()))) before.remove_suffix(1);
            const size_t space = before.find_last_of(" \t\n");
            const std::string last = trimmed(before.substr(space == std::string_view::npos ? 0 : space + 1));
            if (last == "minute" || last == "min" || last == "item" || last == "no" || last == "number") {
                ref.number = std::to_string(date->date.day);
                ref.date = ref.date.substr(0, 7);
            }
        }
        if (!year.empty() && year != ref.date.substr(0, 4)) return std::nullopt;
    } else if (!day_month.empty()) {
        if (!year.empty()) return std::nullopt;  // "12 July ... 2023" apart: not one date
        ref.date = day_month;
        // "minute 12 June": the day is the number, the month any year's.
        if (ref.number.empty() && keyword) {
            std::string_view head = text.substr(0, day_month_at);
            while (!head.empty() && std::isspace(static_cast<unsigned char>(head.back()))) head.remove_suffix(1);
            std::string before = trimmed(head);
            const size_t space = before.find_last_of(" \t\n");
            const std::string last = trimmed(std::string_view(before).substr(space == std::string::npos ? 0 : space + 1));
            if (kKeywords.count(last) || kNumberWords.count(last)) {
                ref.number = std::to_string(std::stoi(day_month.substr(5)));
                ref.date = day_month.substr(0, 4);
            }
        }
    } else {
        ref.date = year;
    }
    ref.number = without_leading_zeros(ref.number);
    if (ref.number.empty() || ref.number.size() > 4) return std::nullopt;
    // "2024", "2023 2024": years, unless "minute" says otherwise.
    if (!keyword && year_like(ref.number)) return std::nullopt;

    // The committee: the words left, one run of them, edges trimmed of fillers.
    std::vector<std::vector<std::string>> runs(1);
    for (const auto& t : tokens) {
        if (t.kind == TokenKind::kWord || t.kind == TokenKind::kFiller) {
            runs.back().push_back(t.text);
        } else if (!runs.back().empty()) {
            runs.emplace_back();
        }
    }
    std::vector<std::string> named;  // the one run of words that names the body
    for (auto& run : runs) {
        while (!run.empty() && kFillers.count(run.front())) run.erase(run.begin());
        while (!run.empty() && kFillers.count(run.back())) run.pop_back();
        if (std::all_of(run.begin(), run.end(), [](const std::string& w) { return kCommitteeWords.count(w) > 0; })) {
            continue;
        }
        if (!named.empty()) return std::nullopt;  // words in two places: not a name
        named = run;
    }
    if (named.empty()) return ref;
    const bool strong = keyword || date || !day_month.empty() || named.size() >= 2;
    auto joined = [&](size_t from, size_t to) {
        std::string out;
        for (size_t k = from; k < to; ++k) out += (out.empty() ? "" : " ") + named[k];
        return out;
    };
    auto committees_named = [&](const std::string& words) {
        std::vector<std::string> out;
        for (const auto& c : committees) {
            if (committee_matches(c, words) && (strong || is_initials(c, words))) out.push_back(c);
        }
        return out;
    };
    auto councils_named = [&](const std::string& words) {
        std::vector<std::string> out;
        for (const auto& c : councils) {
            if (council_matches(c, words) && (strong || is_initials(c, words))) out.push_back(c);
        }
        return out;
    };
    ref.committees = committees_named(joined(0, named.size()));
    // Else a council and a committee, either first ("cambridgeshire corporate
    // parenting 78", "cp kcc 78"), or a council alone ("KCC minute 283").
    for (size_t k = 1; ref.committees.empty() && k <= named.size(); ++k) {
        for (const bool council_first : {true, false}) {
            const size_t split = council_first ? k : named.size() - k;
            const std::string council = council_first ? joined(0, split) : joined(split, named.size());
            const std::string committee = council_first ? joined(split, named.size()) : joined(0, split);
            std::vector<std::string> cs = councils_named(council);
            if (cs.empty()) continue;
            std::vector<std::string> cm = committee.empty() ? std::vector<std::string>{} : committees_named(committee);
            if (!committee.empty() && cm.empty()) continue;
            ref.councils = cs;
            ref.committees = cm;
            break;
        }
        if (!ref.councils.empty()) break;
    }
    if (ref.committees.empty() && ref.councils.empty()) return std::nullopt;
    return ref;
}

// ---- Looking up ----

namespace {

std::string date_digits(const std::string& iso) {
    std::string out;
    for (char c : iso) {
        if (c != '-') out.push_back(c);
    }
    return out;
}

std::string term(std::string_view prefix, const std::string& value) { return std::string(prefix) + value; }

std::vector<Passage> all_matching(const Xapian::Database& db, const Xapian::Query& query) {
    std::vector<Passage> out;
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(from_document_data(it.get_document().get_data()));
    return out;
}

Xapian::Query all_of(const std::vector<Xapian::Query>& parts) {
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

// The minute items numbered `number` of one committee, oldest first.
std::vector<Passage> minutes_numbered(const Xapian::Database& db, const std::string& committee,
                                      const std::string& number) {
    std::vector<Passage> out = all_matching(db, all_of({Xapian::Query(term(schema::kType, "minute")),
                                                        Xapian::Query(term(schema::kMinute, fold_text(number))),
                                                        Xapian::Query(term(schema::kCommittee, slugify(committee)))}));
    std::erase_if(out, [](const Passage& p) { return !p.meeting_date; });
    std::sort(out.begin(), out.end(), [](const Passage& a, const Passage& b) { return *a.meeting_date < *b.meeting_date; });
    return out;
}

// Where a passage stands in time when it cites a number: its meeting (a
// cited meeting may be the same one), or failing that its pack (the
// cited meeting came before the pack's).
struct Vantage {
    std::string date;
    bool inclusive = true;
};

std::optional<Vantage> vantage(const Passage& p) {
    if (p.meeting_date) return Vantage{*p.meeting_date, true};
    if (!p.locations.empty() && !p.primary().pack_date.empty()) return Vantage{p.primary().pack_date, false};
    return std::nullopt;
}

// Of `numbered` (oldest first), the one a passage at `v` means.
const Passage* meant(const std::vector<Passage>& numbered, const Vantage& v) {
    const Passage* best = nullptr;
    for (const auto& m : numbered) {
        const bool before = v.inclusive ? *m.meeting_date <= v.date : *m.meeting_date < v.date;
        if (before) best = &m;
    }
    return best;
}

SearchResult as_result(const Passage& p) {
    SearchResult r;
    r.passage = p;
    r.snippet = plain_snippet(p.text);
    r.page = p.primary().pages.front();
    return r;
}

nlohmann::json result_json(const Passage& p) {
    nlohmann::json j = to_json(as_result(p));
    j["citation"] = citation(p);
    return j;
}

}  // namespace

namespace {

std::vector<std::string> metadata_names(const Xapian::Database& db, const std::string& prefix) {
    std::vector<std::string> out;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        out.push_back(db.get_metadata(*it));
    }
    return out;
}

}  // namespace

std::vector<std::string> index_committees(const Xapian::Database& db) {
    return metadata_names(db, "committee:");
}

std::vector<std::string> index_councils(const Xapian::Database& db) {
    return metadata_names(db, "council:");
}

std::vector<Passage> find_minutes(const Xapian::Database& db, const MinuteReference& ref) {
    std::vector<Xapian::Query> parts{Xapian::Query(term(schema::kType, "minute")),
                                     Xapian::Query(term(schema::kMinute, fold_text(ref.number)))};
    if (!ref.councils.empty()) {
        std::vector<Xapian::Query> any;
        for (const auto& c : ref.councils) any.emplace_back(term(schema::kCouncil, slugify(c)));
        parts.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
    }
    if (!ref.committees.empty()) {
        std::vector<Xapian::Query> any;
        for (const auto& c : ref.committees) any.emplace_back(term(schema::kCommittee, slugify(c)));
        parts.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
    }
    // "--07-12", "--07": a day or month of any year, filtered below.
    const bool any_year = ref.date.rfind("--", 0) == 0;
    const std::string digits = any_year ? "" : date_digits(ref.date);
    if (digits.size() == 8) parts.emplace_back(term(schema::kDate, digits));
    if (digits.size() == 6) parts.emplace_back(term(schema::kMonth, digits));
    if (digits.size() == 4) parts.emplace_back(term(schema::kYear, digits));
    std::vector<Passage> out = all_matching(db, all_of(parts));
    if (any_year) {
        const std::string tail = ref.date.substr(1);  // "-07-12"
        std::erase_if(out, [&](const Passage& p) {
            return !p.meeting_date || p.meeting_date->size() < 5 || p.meeting_date->compare(4, tail.size(), tail) != 0;
        });
    }
    std::sort(out.begin(), out.end(), [](const Passage& a, const Passage& b) {
        const auto ad = a.meeting_date.value_or(""), bd = b.meeting_date.value_or("");
        if (ad != bd) return ad > bd;
        if (a.committee != b.committee) return a.committee.value_or("") < b.committee.value_or("");
        return a.key < b.key;
    });
    return out;
}

std::vector<CitedMinute> cited_minutes(const Xapian::Database& db, const Passage& passage) {
    std::vector<CitedMinute> out;
    const auto at = vantage(passage);
    for (const auto& number : passage.cites) {
        CitedMinute cited{number, std::nullopt};
        if (passage.committee && at) {
            const auto numbered = minutes_numbered(db, *passage.committee, number);
            if (const Passage* m = meant(numbered, *at); m && m->key != passage.key) cited.minute = *m;
        }
        out.push_back(std::move(cited));
    }
    return out;
}

std::vector<Passage> citing_passages(const Xapian::Database& db, const Passage& minute) {
    if (minute.type != PassageType::kMinute || !minute.committee || !minute.meeting_date || !minute.minute) return {};
    const std::string number = fold_text(*minute.minute);
    const std::string committee = term(schema::kCommittee, slugify(*minute.committee));
    // Action rows written before Passage::cites existed still carry their
    // minute as XN.
    Xapian::Query cites(Xapian::Query::OP_OR,
                        Xapian::Query(term(schema::kCites, number)),
                        all_of({Xapian::Query(term(schema::kType, "action")), Xapian::Query(term(schema::kMinute, number))}));
    std::vector<Passage> candidates = all_matching(db, all_of({Xapian::Query(committee), cites}));
    const auto numbered = minutes_numbered(db, *minute.committee, *minute.minute);
    std::vector<Passage> out;
    for (auto& c : candidates) {
        if (c.key == minute.key) continue;
        const auto at = vantage(c);
        if (!at) continue;
        const Passage* m = meant(numbered, *at);
        if (m && m->key == minute.key) out.push_back(std::move(c));
    }
    auto when = [](const Passage& p) {
        return p.meeting_date.value_or(p.locations.empty() ? "" : p.primary().pack_date);
    };
    std::stable_sort(out.begin(), out.end(), [&](const Passage& a, const Passage& b) {
        if (when(a) != when(b)) return when(a) < when(b);
        if (a.type != b.type) return a.type == PassageType::kMinute;  // minute items before action rows
        if (a.primary().pages != b.primary().pages) return a.primary().pages < b.primary().pages;
        return a.key < b.key;
    });
    return out;
}

MinuteLookup look_up_minute(const Xapian::Database& db, std::string_view text) {
    MinuteLookup lookup;
    lookup.text = std::string(text);
    lookup.reference = parse_minute_reference(text, index_committees(db), index_councils(db));
    if (!lookup.reference) return lookup;
    lookup.matches = find_minutes(db, *lookup.reference);
    if (const Passage* item = lookup.resolved()) {
        lookup.cites = cited_minutes(db, *item);
        lookup.cited_by = citing_passages(db, *item);
    }
    return lookup;
}

nlohmann::json to_json(const MinuteLookup& lookup) {
    nlohmann::json reference = nullptr;
    if (lookup.reference) {
        const MinuteReference& r = *lookup.reference;
        reference = {{"text", lookup.text},
                     {"number", r.number},
                     {"committees", r.committees},
                     {"councils", r.councils},
                     {"date", r.date.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.date)}};
    }
    const Passage* item = lookup.resolved();
    if (!item) {
        nlohmann::json candidates = nlohmann::json::array();
        for (const auto& p : lookup.matches) candidates.push_back(result_json(p));
        return {{"reference", reference}, {"candidates", candidates}};
    }
    nlohmann::json j = result_json(*item);
    j["reference"] = reference;
    nlohmann::json cites = nlohmann::json::array();
    for (const auto& c : lookup.cites) {
        cites.push_back({{"minute", c.number}, {"item", c.minute ? result_json(*c.minute) : nlohmann::json(nullptr)}});
    }
    j["cites"] = cites;
    nlohmann::json cited_by = nlohmann::json::array();
    for (const auto& p : lookup.cited_by) cited_by.push_back(result_json(p));
    j["cited_by"] = cited_by;
    j["candidates"] = nlohmann::json::array();
    return j;
}

}  // namespace minutebook
