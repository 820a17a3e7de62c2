#include "core/sizes.h"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace minutebook {
namespace {

struct Unit {
    char letter;
    const char* name;
    std::uintmax_t bytes;
};
constexpr Unit kUnits[] = {{'T', "TB", std::uintmax_t(1) << 40},
                           {'G', "GB", std::uintmax_t(1) << 30},
                           {'M', "MB", std::uintmax_t(1) << 20},
                           {'K', "KB", std::uintmax_t(1) << 10}};

}  // namespace

std::optional<std::uintmax_t> parse_size(const std::string& text) {
    size_t i = 0;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
    if (i == 0) return std::nullopt;
    double number = 0;
    try {
        size_t used = 0;
        number = std::stod(text.substr(0, i), &used);
        if (used != i) return std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
    std::string unit = text.substr(i);
    for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::uintmax_t scale = 1;
    if (!unit.empty() && unit != "B") {
        const Unit* found = nullptr;
        for (const auto& u : kUnits) {
            if (unit[0] == u.letter) found = &u;
        }
        const std::string rest = unit.substr(1);
        if (!found || !(rest.empty() || rest == "B" || rest == "IB")) return std::nullopt;
        scale = found->bytes;
    }
    const double bytes = std::floor(number * static_cast<double>(scale));
    // Past 2^63 a double no longer converts exactly; no limit needs that much.
    if (bytes < 1 || bytes > 9.2e18) return std::nullopt;
    return static_cast<std::uintmax_t>(bytes);
}

std::string format_size(std::uintmax_t bytes) {
    for (const auto& u : kUnits) {
        if (bytes < u.bytes) continue;
        const double value = static_cast<double>(bytes) / static_cast<double>(u.bytes);
        char buffer[32];
        if (value < 10 && bytes % u.bytes != 0) {
            std::snprintf(buffer, sizeof buffer, "%.1f %s", std::floor(value * 10) / 10, u.name);
        } else {
            std::snprintf(buffer, sizeof buffer, "%.0f %s", std::floor(value), u.name);
        }
        return buffer;
    }
    return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

}  // namespace minutebook
