// GET /files/{id}: a PDF by the SHA-256 of its bytes, with byte ranges, so
// that a browser's viewer opens it at a page without reading it all.
#include <unistd.h>

#include <vector>

#include "web/params.h"
#include "web/routes.h"

namespace minutebook::web {
namespace {

// A request for several ranges gets the whole file (as RFC 9110 allows):
// httplib 0.11 writes a wrong total length into multipart/byteranges, and
// PDF viewers ask for one range at a time.
constexpr size_t kMaxRanges = 1;

// A name for Content-Disposition: ASCII without quotes, and the UTF-8 name
// percent-encoded beside it (RFC 6266).
std::string disposition(const std::string& name) {
    std::string ascii;
    for (unsigned char c : name)
        ascii.push_back(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
    if (ascii.empty()) ascii = "document.pdf";
    return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''" + url_encode(name);
}

// The ranges asked for, within a file of `size` bytes: each as first and
// last byte. httplib 0.11 does not bound ranges by the length itself.
// Returns false when no range is satisfiable.
bool bounded(const httplib::Ranges& asked, uint64_t size, httplib::Ranges& out) {
    const auto n = static_cast<ssize_t>(size);
    for (auto [first, last] : asked) {
        if (first == -1 && last == -1) {
            first = 0;
            last = n - 1;
        } else if (first == -1) {
            if (last == 0) continue;
            first = std::max<ssize_t>(0, n - last);
            last = n - 1;
        } else if (last == -1 || last >= n) {
            last = n - 1;
        }
        if (first < 0 || first >= n || first > last) continue;
        out.emplace_back(first, last);
    }
    return !out.empty();
}

}  // namespace

void add_file_routes(httplib::Server& server, Context& context) {
    server.Get(
        R"(/files(/.*)?)", guarded([&context](const httplib::Request& req, httplib::Response& res) {
            const std::string id =
                req.matches[1].length() > 0 ? std::string(req.matches[1]).substr(1) : "";
            if (!is_file_id(id)) {
                return send_failure(req, res,
                                    bad_request("A file is asked for by its id: the 64 hexadecimal "
                                                "digits of its SHA-256."));
            }
            // The request's ranges are rewritten in place: they are httplib's
            // own, and it applies them after this handler returns.
            auto& ranges = const_cast<httplib::Request&>(req).ranges;
            auto session = context.sessions.acquire();
            auto pdf = context.files.open(session->db, id);
            if (!pdf) {
                ranges.clear();
                return send_failure(req, res, pdf.failure());
            }
            const std::string etag = "\"" + id + "\"";
            res.set_header("ETag", etag);
            res.set_header("Accept-Ranges", "bytes");
            res.set_header("Cache-Control", "public, max-age=86400");
            res.set_header("Content-Disposition", disposition(pdf->name));
            if (req.get_header_value("If-None-Match") == etag) {
                ranges.clear();
                res.status = 304;
                return;
            }
            if (req.has_header("If-Range") && req.get_header_value("If-Range") != etag)
                ranges.clear();
            const uint64_t size = pdf->file->size();
            if (ranges.size() > kMaxRanges) ranges.clear();
            if (!ranges.empty()) {
                httplib::Ranges within;
                if (!bounded(ranges, size, within)) {
                    ranges.clear();
                    res.set_header("Content-Range", "bytes */" + std::to_string(size));
                    return send_error(req, res, 416, "The range asked for is outside the file.");
                }
                ranges = std::move(within);
            }
            auto file = pdf->file;
            res.set_content_provider(static_cast<size_t>(size), "application/pdf",
                                     [file](size_t offset, size_t length, httplib::DataSink& sink) {
                                         char buffer[1 << 16];
                                         const size_t want = std::min(length, sizeof buffer);
                                         const ssize_t n = ::pread(file->fd(), buffer, want,
                                                                   static_cast<off_t>(offset));
                                         if (n <= 0) return false;
                                         return sink.write(buffer, static_cast<size_t>(n));
                                     });
        }));
}

}  // namespace minutebook::web
