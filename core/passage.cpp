#include "core/passage.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <tuple>

#include "core/schema.h"

namespace minutebook {

using nlohmann::json;

std::string sha256_hex(const std::string& bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
        throw std::runtime_error("SHA-256 is not available from OpenSSL.");
    }
    static const char* kHex = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        out.push_back(kHex[digest[i] >> 4]);
        out.push_back(kHex[digest[i] & 15]);
    }
    return out;
}

std::string Passage::id() const { return sha256_hex(key).substr(0, 16); }

std::string Passage::legacy_key() const {
    if (!council) return key;
    const std::string segment = "/" + slugify(*council) + "/";
    const size_t slash = key.find('/');
    if (slash == std::string::npos || key.compare(slash, segment.size(), segment) != 0) return key;
    return key.substr(0, slash) + "/" + key.substr(slash + segment.size());
}

std::string Passage::legacy_id() const { return sha256_hex(legacy_key()).substr(0, 16); }

namespace {

bool contains_folded(const std::string& text, const char* word) {
    std::string lower;
    for (unsigned char c : text) lower.push_back(static_cast<char>(std::tolower(c)));
    return lower.find(word) != std::string::npos;
}

}  // namespace

bool Passage::procedural() const {
    if (part == PartKind::kAgendaPlan || part == PartKind::kTrainingPlan) return true;
    if (type != PassageType::kMinute && type != PassageType::kAgenda) return false;
    static const char* kProcedural[] = {"apologies",      "declarations of interest", "declaration of interest",
                                        "minutes of the", "minutes -",                "minutes and action log",
                                        "action log",     "petitions",                "public questions",
                                        "agenda plan",    "training plan",            "date of next meeting",
                                        "notification of chair"};
    for (const char* p : kProcedural) {
        if (contains_folded(title, p)) return true;
    }
    // "Minutes - 10 September 2024" and "Minutes of the meeting on ..."
    return contains_folded(title.substr(0, 8), "minutes");
}

double Passage::prior_weight() const {
    if (procedural()) return 0.1;
    if (type == PassageType::kMinute) return decision ? 1.0 : 0.8;
    if (type == PassageType::kReport) return 0.7;
    if (type == PassageType::kAction) return 0.4;
    return 0.5;
}

std::string Passage::group_key() const {
    if (type != PassageType::kReport) return key;
    size_t slash = key.rfind('/');
    return slash == std::string::npos ? key : key.substr(0, slash);
}

std::string Passage::sample_term() const { return std::string(schema::kSample) + sha256_hex(group_key()).substr(0, 2); }

std::string sample_term(unsigned bucket) {
    static constexpr char kHex[] = "0123456789abcdef";
    return std::string(schema::kSample) + kHex[(bucket >> 4) & 15] + kHex[bucket & 15];
}

std::string slugify(const std::string& text) {
    std::string out;
    bool dash = false;
    for (unsigned char c : text) {
        if (std::isalnum(c)) {
            if (dash && !out.empty()) out.push_back('-');
            out.push_back(static_cast<char>(std::tolower(c)));
            dash = false;
        } else if (c >= 0x80) {
            // Keep UTF-8 letters as they are: slugs of names with accents stay readable.
            if (dash && !out.empty()) out.push_back('-');
            out.push_back(static_cast<char>(c));
            dash = false;
        } else {
            dash = true;
        }
    }
    return out;
}

const char* to_string(PassageType type) {
    switch (type) {
        case PassageType::kMinute: return "minute";
        case PassageType::kAction: return "action";
        case PassageType::kReport: return "report";
        case PassageType::kAgenda: return "agenda";
        case PassageType::kPage: return "page";
    }
    return "page";
}

std::optional<PassageType> parse_passage_type(std::string_view text) {
    for (PassageType t : kPassageTypes) {
        if (text == to_string(t)) return t;
    }
    return std::nullopt;
}

const char* to_string(PartKind kind) {
    switch (kind) {
        case PartKind::kAgenda: return "agenda";
        case PartKind::kMinutes: return "minutes";
        case PartKind::kActionLog: return "action-log";
        case PartKind::kReport: return "report";
        case PartKind::kAgendaPlan: return "agenda-plan";
        case PartKind::kTrainingPlan: return "training-plan";
        case PartKind::kAppendix: return "appendix";
        case PartKind::kOther: return "other";
    }
    return "other";
}

std::optional<PartKind> parse_part_kind(std::string_view text) {
    for (PartKind k : kPartKinds) {
        if (text == to_string(k)) return k;
    }
    return std::nullopt;
}

std::string passage_url(const Passage& passage) {
    if (passage.type == PassageType::kMinute && passage.committee && passage.meeting_date && passage.minute) {
        return "/minutes/" + (passage.council ? slugify(*passage.council) + "/" : "") + slugify(*passage.committee) +
               "/" + *passage.meeting_date + "/" + slugify(*passage.minute);
    }
    return "/passages/" + passage.id();
}

void sort_locations(std::vector<Location>& locations) {
    auto order = [](const Location& l) {
        // An unknown pack date sorts after every known one.
        return std::make_tuple(l.ocr, l.pack_date.empty(), l.pack_date, l.file, l.pages);
    };
    std::stable_sort(locations.begin(), locations.end(),
                     [&](const Location& a, const Location& b) { return order(a) < order(b); });
    locations.erase(std::unique(locations.begin(), locations.end(),
                                [](const Location& a, const Location& b) {
                                    return a.file_id == b.file_id && a.pages == b.pages;
                                }),
                    locations.end());
}

namespace {

template <typename T>
json optional_json(const std::optional<T>& value) {
    return value ? json(*value) : json(nullptr);
}

std::optional<std::string> optional_string(const json& object, const char* name) {
    auto it = object.find(name);
    if (it == object.end() || it->is_null()) return std::nullopt;
    return it->get<std::string>();
}

}  // namespace

const char* to_string(MotionResult result) {
    switch (result) {
        case MotionResult::kCarried:
            return "carried";
        case MotionResult::kFailed:
            return "failed";
        case MotionResult::kWithdrawn:
            return "withdrawn";
        case MotionResult::kNotStated:
            break;
    }
    return "";
}

std::optional<MotionResult> parse_motion_result(std::string_view text) {
    for (MotionResult r : {MotionResult::kCarried, MotionResult::kFailed, MotionResult::kWithdrawn}) {
        if (text == to_string(r)) return r;
    }
    return std::nullopt;
}

namespace {

json side_json(const std::optional<VoteSide>& side) {
    if (!side) return nullptr;
    return {{"count", side->count}, {"names", side->names}};
}

std::optional<VoteSide> side_from_json(const json& j) {
    if (!j.is_object()) return std::nullopt;
    return VoteSide{j.value("names", std::vector<std::string>{}), j.value("count", 0)};
}

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

}  // namespace

json motion_json(const Motion& m) {
    return {{"moved_by", or_null(m.moved_by)},    {"seconded_by", or_null(m.seconded_by)},
            {"result", or_null(to_string(m.result))}, {"for", side_json(m.votes_for)},
            {"against", side_json(m.against)},    {"abstain", side_json(m.abstain)},
            {"absent", side_json(m.absent)}};
}

Motion motion_from_json(const json& j) {
    Motion m;
    auto text = [&](const char* name) {
        auto it = j.find(name);
        return it == j.end() || !it->is_string() ? std::string() : it->get<std::string>();
    };
    m.moved_by = text("moved_by");
    m.seconded_by = text("seconded_by");
    m.result = parse_motion_result(text("result")).value_or(MotionResult::kNotStated);
    m.votes_for = side_from_json(j.value("for", json()));
    m.against = side_from_json(j.value("against", json()));
    m.abstain = side_from_json(j.value("abstain", json()));
    m.absent = side_from_json(j.value("absent", json()));
    return m;
}

std::string to_document_data(const Passage& p) {
    json locations = json::array();
    for (const auto& l : p.locations) {
        locations.push_back({{"file", l.file},
                             {"file_id", l.file_id},
                             {"pages", l.pages},
                             {"ocr", l.ocr},
                             {"pack_date", l.pack_date}});
    }
    json decision = nullptr;
    if (p.decision) {
        decision = {{"kind", p.decision->kind}, {"text", p.decision->text}};
        if (!p.decision->number.empty()) decision["number"] = p.decision->number;
    }
    json motions = json::array();
    for (const auto& m : p.motions) motions.push_back(motion_json(m));
    json data = {{"key", p.key},
                 {"type", to_string(p.type)},
                 {"part", to_string(p.part)},
                 {"title", p.title},
                 {"council", optional_json(p.council)},
                 {"committee", optional_json(p.committee)},
                 {"meeting_date", optional_json(p.meeting_date)},
                 {"minute", optional_json(p.minute)},
                 {"decision", decision},
                 {"motions", motions},
                 {"status", optional_json(p.status)},
                 {"status_text", optional_json(p.status_text)},
                 {"officers", p.officers},
                 {"people", p.people},
                 {"cites", p.cites},
                 {"locations", locations},
                 {"page_starts", p.page_starts}};
    // The text follows the JSON after a NUL byte: it is most of the bytes,
    // and reading it needs no JSON parsing.
    std::string out = data.dump();
    out.push_back('\0');
    out += p.text;
    return out;
}

Passage from_document_data(const std::string& data) {
    const size_t nul = data.find('\0');
    json j = json::parse(nul == std::string::npos ? data : data.substr(0, nul));
    Passage p;
    p.key = j.at("key").get<std::string>();
    p.type = parse_passage_type(j.at("type").get<std::string>()).value_or(PassageType::kPage);
    p.part = parse_part_kind(j.value("part", "")).value_or(PartKind::kOther);
    p.title = j.value("title", "");
    p.council = optional_string(j, "council");
    p.committee = optional_string(j, "committee");
    p.meeting_date = optional_string(j, "meeting_date");
    p.minute = optional_string(j, "minute");
    if (j.contains("decision") && j["decision"].is_object()) {
        p.decision = Decision{j["decision"].value("kind", "other"), j["decision"].value("text", ""),
                              j["decision"].value("number", "")};
    }
    if (auto it = j.find("motions"); it != j.end() && it->is_array()) {
        for (const auto& m : *it) p.motions.push_back(motion_from_json(m));
    }
    p.status = optional_string(j, "status");
    p.status_text = optional_string(j, "status_text");
    p.officers = j.value("officers", std::vector<std::string>{});
    p.people = j.value("people", std::vector<std::string>{});
    p.cites = j.value("cites", std::vector<std::string>{});
    for (const auto& l : j.at("locations")) {
        p.locations.push_back(Location{l.at("file").get<std::string>(),
                                       l.at("file_id").get<std::string>(),
                                       l.at("pages").get<std::vector<int>>(), l.value("ocr", false),
                                       l.value("pack_date", "")});
    }
    p.text = nul == std::string::npos ? j.value("text", "") : data.substr(nul + 1);
    p.page_starts = j.value("page_starts", std::vector<size_t>{});
    return p;
}

}  // namespace minutebook
