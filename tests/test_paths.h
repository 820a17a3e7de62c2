// Where tests find the archive, the shared corpus and the program.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

#include <unistd.h>

namespace minutebook::test {

inline std::filesystem::path source_dir() { return MINUTEBOOK_SOURCE_DIR; }
inline std::filesystem::path corpus_dir() { return source_dir() / "corpus"; }
// ../shared/corpus next to the repository, or empty when it is not there.
inline std::filesystem::path shared_corpus_dir() {
    std::filesystem::path p = source_dir().parent_path() / "shared" / "corpus";
    return std::filesystem::exists(p) ? p : std::filesystem::path();
}
inline std::string binary() { return MINUTEBOOK_BINARY; }

// A fresh folder under the system's temporary folder, removed on destruction.
class TempDir {
public:
    explicit TempDir(const std::string& name) {
        path_ = std::filesystem::temp_directory_path() /
                (name + "-" + std::to_string(std::rand()) + "-" + std::to_string(::getpid()));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace minutebook::test
