#include <cstdlib>
#include <filesystem>

#include "app/commands.h"

namespace minutebook {

std::string default_db_path() {
    if (const char* db = std::getenv("MINUTEBOOK_DB"); db && *db) return db;
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        base = std::filesystem::path(home) / ".local" / "share";
    } else {
        base = std::filesystem::temp_directory_path();
    }
    return (base / "minutebook" / "index").string();
}

std::string bundled_corpus_path() {
    if (const char* corpus = std::getenv("MINUTEBOOK_CORPUS"); corpus && *corpus) return corpus;
    return MINUTEBOOK_CORPUS_DIR;
}

}  // namespace minutebook
