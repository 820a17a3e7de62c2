// Sizes in bytes as people write and read them: "512M", "1.5G", "700 MB".
// Units are binary (1K = 1024 bytes), as `ls -h` and `ulimit` count them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace minutebook {

// "1073741824", "1048576K", "1024M", "1G", "1.5G" (K, M, G or T, any case, an
// optional "B" or "iB" after it). nullopt for anything else, zero included.
std::optional<std::uintmax_t> parse_size(const std::string& text);

// "700 MB", "1.5 GB", "512 MB", "12 KB", "44 bytes": the largest unit with a
// whole part, to one decimal below 10.
std::string format_size(std::uintmax_t bytes);

}  // namespace minutebook
