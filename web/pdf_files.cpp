#include "web/pdf_files.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "web/lookup.h"

namespace minutebook::web {
namespace {

namespace fs = std::filesystem;

// SHA-256 of an open file's bytes, lowercase hex; "" when it cannot be read.
std::string hash_file(int fd, uint64_t size) {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) return "";
    std::vector<char> buffer(1 << 16);
    uint64_t offset = 0;
    while (offset < size) {
        ssize_t n = ::pread(fd, buffer.data(), buffer.size(), static_cast<off_t>(offset));
        if (n <= 0) return "";
        EVP_DigestUpdate(ctx.get(), buffer.data(), static_cast<size_t>(n));
        offset += static_cast<uint64_t>(n);
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(ctx.get(), digest, &length) != 1) return "";
    static const char* kHex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out.push_back(kHex[digest[i] >> 4]);
        out.push_back(kHex[digest[i] & 15]);
    }
    return out;
}

// A path relative to an archive root that stays inside it.
bool safe_relative(const fs::path& relative) {
    if (relative.empty() || relative.is_absolute() || relative.has_root_name()) return false;
    for (const auto& part : relative) {
        if (part == "..") return false;
    }
    return true;
}

// The places a file may be, best first.
std::vector<fs::path> candidates(const FileRecord& record, const std::vector<std::string>& roots) {
    std::vector<fs::path> out;
    if (!record.recorded_path.empty()) out.emplace_back(record.recorded_path);
    const fs::path relative(record.relative_path);
    if (safe_relative(relative)) {
        for (const auto& root : roots) out.push_back(fs::path(root) / relative);
    }
    return out;
}

}  // namespace

OpenFile::~OpenFile() {
    if (fd_ >= 0) ::close(fd_);
}

bool is_file_id(const std::string& id) {
    if (id.size() != 64) return false;
    for (char c : id) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

PdfFiles::PdfFiles(std::vector<std::string> roots) : roots_(std::move(roots)) {}

bool PdfFiles::verified(const std::string& id, const Stamp& stamp) {
    std::lock_guard lock(mutex_);
    auto it = verified_.find(id);
    return it != verified_.end() && it->second == stamp;
}

void PdfFiles::remember(const std::string& id, const Stamp& stamp) {
    std::lock_guard lock(mutex_);
    verified_[id] = stamp;
}

Outcome<PdfFile> PdfFiles::open(const Xapian::Database& db, const std::string& id) {
    auto record = file_record(db, id);
    if (!record) return not_found("No file in the archive has this id.");
    bool unreadable = false;
    for (const auto& path : candidates(*record, roots_)) {
        // The file is hashed and served through this one descriptor, so
        // what is served is what was checked.
        int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            unreadable = unreadable || errno == EACCES;
            continue;
        }
        struct stat st {};
        if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            ::close(fd);
            continue;
        }
        auto file = std::make_shared<OpenFile>(fd, static_cast<uint64_t>(st.st_size));
        const Stamp stamp{static_cast<uint64_t>(st.st_size),
                          static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
                          static_cast<uint64_t>(st.st_ino)};
        if (!verified(id, stamp)) {
            if (hash_file(fd, file->size()) != id) continue;
            remember(id, stamp);
        }
        std::string name =
            fs::path(record->relative_path.empty() ? path : fs::path(record->relative_path))
                .filename()
                .string();
        return PdfFile{std::move(file), std::move(name)};
    }
    if (unreadable) return unavailable("The file with this id cannot be read.");
    return not_found("The file with this id is no longer in the archive.");
}

}  // namespace minutebook::web
