#include "query/citation.h"

#include <cctype>
#include <vector>

namespace minutebook {
namespace {

constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

bool digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

std::string where(const Passage& p) {
    const Location& at = p.primary();
    std::string out = at.pack_date.empty() ? at.file : "agenda pack of " + long_date(at.pack_date);
    return out + ", p. " + std::to_string(at.pages.front());
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts) {
        if (part.empty()) continue;
        out += (out.empty() ? "" : ", ") + part;
    }
    return out;
}

}  // namespace

std::string long_date(std::string_view iso) {
    // "--07-12", "--07": a day or month of any year (a reference typed without one).
    if (iso.size() >= 4 && iso.substr(0, 2) == "--" && digits(iso.substr(2, 2))) {
        const int month = std::stoi(std::string(iso.substr(2, 2)));
        if (month < 1 || month > 12) return std::string(iso);
        std::string out = std::string(kMonths[month - 1]) + " of any year";
        if (iso.size() == 7 && iso[4] == '-' && digits(iso.substr(5, 2)))
            out = std::to_string(std::stoi(std::string(iso.substr(5, 2)))) + " " + out;
        return out;
    }
    if (iso.size() < 7 || !digits(iso.substr(0, 4)) || iso[4] != '-' || !digits(iso.substr(5, 2))) {
        return std::string(iso);
    }
    const int month = std::stoi(std::string(iso.substr(5, 2)));
    if (month < 1 || month > 12) return std::string(iso);
    std::string out = std::string(kMonths[month - 1]) + " " + std::string(iso.substr(0, 4));
    if (iso.size() == 7) return out;
    if (iso.size() != 10 || iso[7] != '-' || !digits(iso.substr(8, 2))) return std::string(iso);
    return std::to_string(std::stoi(std::string(iso.substr(8, 2)))) + " " + out;
}

std::string citation(const Passage& p) {
    const std::string committee = p.committee.value_or("");
    const std::string date = p.meeting_date ? long_date(*p.meeting_date) : "";
    std::string head;
    if (p.type == PassageType::kMinute && p.minute) {
        head = joined({committee, date, "minute " + *p.minute});
    } else if (p.type == PassageType::kAction && p.minute) {
        head = joined({committee, "minutes action log", "minute " + *p.minute + (date.empty() ? "" : " of " + date)});
    } else {
        head = joined({committee, date, p.title});
    }
    return head + " (" + where(p) + ")";
}

}  // namespace minutebook
