#include "indexer/indexer.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "indexer/extract.h"
#include "indexer/isolated.h"
#include "indexer/passages.h"
#include "indexer/writer.h"

namespace minutebook {
namespace fs = std::filesystem;

int IndexReport::failures() const {
    return static_cast<int>(std::count_if(reports.begin(), reports.end(),
                                          [](const FileReport& r) { return r.status != "ok"; }));
}

namespace {

bool is_pdf_name(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".pdf";
}

}  // namespace

std::vector<ArchiveFile> list_archive(const std::vector<std::string>& paths) {
    std::vector<ArchiveFile> out;
    for (const auto& given : paths) {
        fs::path root(given);
        std::error_code ec;
        if (fs::is_directory(root, ec)) {
            std::vector<ArchiveFile> found;
            for (auto it = fs::recursive_directory_iterator(
                     root, fs::directory_options::skip_permission_denied, ec);
                 it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (ec) break;
                if (it->is_regular_file(ec) && is_pdf_name(it->path())) {
                    found.push_back({it->path().string(), fs::relative(it->path(), root).generic_string()});
                }
            }
            std::sort(found.begin(), found.end(),
                      [](const ArchiveFile& a, const ArchiveFile& b) { return a.display < b.display; });
            out.insert(out.end(), found.begin(), found.end());
        } else if (fs::exists(root, ec)) {
            out.push_back({root.string(), root.filename().string()});
        } else {
            throw std::invalid_argument("No such file or folder: " + given);
        }
    }
    return out;
}

IndexReport index_paths(const std::vector<std::string>& paths, const IndexOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    const std::vector<ArchiveFile> files = list_archive(paths);
    IndexWriter writer(options.db_path);
    IndexReport report;
    ExtractOptions extract_options;
    extract_options.passwords = options.passwords;

    auto read = [&](const ArchiveFile& file) {
        ExtractResult extracted = extract_pdf(file.path, extract_options);
        FileOutcome o;
        o.report = FileReport{file.display, extracted.ok() ? "ok" : to_string(extracted.status),
                              extracted.message, extracted.page_count, 0};
        o.sha256 = extracted.sha256;
        if (extracted.ok()) o.passages = make_passages(FileInfo{file.display, extracted.sha256}, extracted.pages);
        return o;
    };
    auto done = [&](size_t index, FileOutcome&& o) {
        if (!o.sha256.empty()) {
            writer.remove_file(o.sha256);
            writer.set_file_path(o.sha256, fs::absolute(files[index].path).lexically_normal().string());
        }
        for (const auto& passage : o.passages) writer.add(passage);
        o.report.passages = static_cast<int>(o.passages.size());
        ++report.files;
        report.pages += o.report.pages;
        report.passages += o.report.passages;
        report.reports.push_back(std::move(o.report));
        if (options.on_progress) {
            const bool last = index + 1 == files.size();
            options.on_progress({report.files, static_cast<int>(files.size()), report.pages, elapsed(),
                                 last ? "" : files[index + 1].display});
        }
    };
    IsolationOptions isolation;
    isolation.jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (options.on_progress && !files.empty()) {
        options.on_progress({0, static_cast<int>(files.size()), 0, 0, files.front().display});
    }
    read_isolated(files, isolation, read, done);
    writer.commit();
    report.seconds = elapsed();
    return report;
}

}  // namespace minutebook
