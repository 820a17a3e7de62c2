#include "indexer/extract.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "core/normalise.h"
#include "core/passage.h"
#include "core/sizes.h"
#include "indexer/language.h"
#include "indexer/ocr.h"

namespace minutebook {

const char* to_string(ExtractStatus status) {
    switch (status) {
        case ExtractStatus::kOk: return "ok";
        case ExtractStatus::kEncrypted: return "encrypted";
        case ExtractStatus::kNotPdf: return "not a PDF";
        case ExtractStatus::kDamaged: return "damaged";
        case ExtractStatus::kEmpty: return "empty";
        case ExtractStatus::kTooLarge: return "too large";
    }
    return "unknown";
}

const char* to_string(OcrMode mode) {
    switch (mode) {
        case OcrMode::kNever: return "never";
        case OcrMode::kAuto: return "auto";
        case OcrMode::kAlways: return "always";
    }
    return "unknown";
}

bool parse_ocr_mode(const std::string& text, OcrMode* mode) {
    for (OcrMode m : {OcrMode::kNever, OcrMode::kAuto, OcrMode::kAlways}) {
        if (text == to_string(m)) {
            *mode = m;
            return true;
        }
    }
    return false;
}

namespace {

// Poppler reports trouble on stderr by default; the run's summary speaks for it.
void quiet_poppler() {
    static bool done = [] {
        poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
        return true;
    }();
    (void)done;
}

std::string utf8(const poppler::ustring& s) {
    poppler::byte_array bytes = s.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

bool looks_like_pdf(const std::string& bytes) {
    // The header may follow some junk; readers accept it within the first 1024 bytes.
    return bytes.substr(0, 1024).find("%PDF-") != std::string::npos;
}

bool has_letters_or_digits(const std::string& text) {
    for (unsigned char c : text) {
        if (std::isalnum(c) || c >= 0x80) return true;
    }
    return false;
}

std::string plural(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Pages larger than this many pixels at the asked resolution are rendered
// at less: an A3 page at 300 dpi is 17.4 million.
constexpr double kMaxOcrPixels = 18e6;

GrayImage render_gray(const poppler::page& page, int dpi) {
    GrayImage out;
    const poppler::rectf box = page.page_rect();
    const double pixels = (box.width() / 72.0 * dpi) * (box.height() / 72.0 * dpi);
    double resolution = dpi;
    if (pixels > kMaxOcrPixels) resolution = std::floor(dpi * std::sqrt(kMaxOcrPixels / pixels));
    if (resolution < 1) return out;
    poppler::page_renderer renderer;
    renderer.set_render_hints(poppler::page_renderer::antialiasing | poppler::page_renderer::text_antialiasing);
    renderer.set_image_format(poppler::image::format_gray8);
    poppler::image image = renderer.render_page(&page, resolution, resolution);
    if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) return out;
    out.width = image.width();
    out.height = image.height();
    out.stride = image.bytes_per_row();
    out.dpi = static_cast<int>(resolution);
    const char* data = image.const_data();
    out.pixels.assign(data, data + static_cast<size_t>(out.stride) * static_cast<size_t>(out.height));
    return out;
}

// OCR for one file's pages: the engine starts when the first page needs it
// and reads every page after that.
class PageOcr {
public:
    explicit PageOcr(const ExtractOptions& options)
        : options_(options), cache_(options.ocr_cache_dir), started_(Clock::now()) {
        engine_options_.language = options.ocr_language;
        identity_ = tesseract_identity(engine_options_);
    }

    // Why `page` (its text layer read) needs OCR, or nullptr.
    const char* reason(const PageText& page) const {
        if (options_.ocr == OcrMode::kNever) return nullptr;
        if (!has_letters_or_digits(page.text)) return kOcrReasonNoText;
        if (options_.ocr == OcrMode::kAlways) return kOcrReasonAlways;
        if (!score_language(page.text).is_language()) return kOcrReasonNotLanguage;
        return nullptr;
    }

    // Replaces the text of `page` with what OCR reads on it, when it reads
    // anything (and, for a layer judged not language, more common words
    // than the layer has). False when OCR could not run or its text was not
    // taken; summary() says why.
    bool read(const poppler::page& source, PageText& page, const char* why) {
        if (options_.ocr_page_limit > 0 && tried_ >= options_.ocr_page_limit) return skip(why, kLimit);
        if (options_.ocr_seconds > 0 &&
            std::chrono::duration<double>(Clock::now() - started_).count() > options_.ocr_seconds) {
            return skip(why, kTime);
        }
        if (!error_.empty()) return skip(why, kUnavailable);
        ++tried_;
        const GrayImage image = render_gray(source, options_.ocr_dpi);
        if (image.pixels.empty()) return skip(why, kRender);
        const std::string key = OcrCache::key(image, identity_);
        std::optional<OcrText> text = cache_.get(key);
        const bool cached = text.has_value();
        if (!cached) {
            // The engine starts at the first page not in the cache.
            if (!engine_) engine_ = make_tesseract_engine(engine_options_, &error_);
            if (!engine_) {
                if (error_.empty()) error_ = "OCR is not available";
                --tried_;
                return skip(why, kUnavailable);
            }
            text = recognise_upright(*engine_, image);
            cache_.put(key, *text);
        }
        std::string clean = clean_text(text->text);
        if (!has_letters_or_digits(clean)) {  // a blank page: the text layer stands
            if (!has_letters_or_digits(page.text)) ++blank_;
            return true;
        }
        // A layer in a language the word list does not know (French, say)
        // reads better than English OCR of it.
        if (why == kOcrReasonNotLanguage && score_language(clean).known <= score_language(page.text).known) {
            return skip(why, kNoBetter);
        }
        page.text = std::move(clean);
        page.words.clear();
        if (options_.words) {
            for (auto& w : text->words) page.words.push_back(Word{clean_text(w.text), w.x0, w.y0, w.x1, w.y1});
        }
        page.ocr = true;
        page.ocr_reason = why;
        ++read_by_reason_[why];
        ++pages_;
        if (cached) ++from_cache_;
        return true;
    }

    int pages() const { return pages_; }
    int from_cache() const { return from_cache_; }
    bool stopped_by_page_limit() const { return skipped_.count(kLimit) > 0; }
    bool stopped_by_time() const { return skipped_.count(kTime) > 0; }

    // "38 pages read by OCR", with the reasons when they are not all "no
    // text layer", and the pages it did not reach and why. Empty when OCR
    // neither ran nor was needed.
    std::string summary() const {
        std::string out;
        if (pages_ > 0) {
            out = plural(pages_, "page", "pages") + " read by OCR";
            if (read_by_reason_.size() > 1 || read_by_reason_.count(kOcrReasonNoText) == 0) {
                std::string reasons;
                for (const auto& [why, n] : read_by_reason_) {
                    reasons += (reasons.empty() ? "" : "; ") + why + ": " + std::to_string(n);
                }
                out += " (" + reasons + ")";
            }
        }
        for (const auto& [cause, n] : skipped_) {
            if (!out.empty()) out += "; ";
            out += plural(n, "page", "pages") +
                   (cause == kNoBetter ? " kept a text layer that is not language (" : " not read by OCR (") +
                   cause_text(cause) + ")";
        }
        if (blank_ > 0) out += (out.empty() ? "" : "; ") + std::string("no text found on ") + plural(blank_, "page", "pages");
        return out;
    }

private:
    using Clock = std::chrono::steady_clock;
    enum Cause { kLimit, kTime, kUnavailable, kRender, kNoBetter };

    bool skip(const char*, Cause cause) {
        ++skipped_[cause];
        return false;
    }

    std::string cause_text(Cause cause) const {
        switch (cause) {
            case kLimit: return "limit of " + plural(options_.ocr_page_limit, "page", "pages");
            case kTime: return "OCR stopped after " + std::to_string(static_cast<int>(options_.ocr_seconds)) + " s";
            case kUnavailable: return error_;
            case kRender: return "Poppler cannot render them";
            case kNoBetter: return "OCR read no more common words";
        }
        return "";
    }

    const ExtractOptions& options_;
    OcrCache cache_;
    Clock::time_point started_;
    OcrEngineOptions engine_options_;
    std::string identity_;
    std::unique_ptr<OcrEngine> engine_;
    std::string error_;
    int tried_ = 0, pages_ = 0, from_cache_ = 0, blank_ = 0;
    std::map<std::string, int> read_by_reason_;
    std::map<Cause, int> skipped_;
};

}  // namespace

ExtractResult extract_pdf(const std::string& path, const ExtractOptions& options) {
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && options.max_file_bytes > 0 && size > options.max_file_bytes) {
        ExtractResult r;
        r.status = ExtractStatus::kTooLarge;
        r.message = "too large: " + format_size(size) + ", over the " + format_size(options.max_file_bytes) + " limit";
        return r;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ExtractResult r;
        r.status = ExtractStatus::kDamaged;
        r.message = "cannot be read: " + path;
        return r;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return extract_pdf_bytes(buffer.str(), options);
}

ExtractResult extract_pdf_bytes(const std::string& bytes, const ExtractOptions& options) {
    quiet_poppler();
    ExtractResult r;
    r.sha256 = sha256_hex(bytes);
    if (bytes.empty()) {
        r.status = ExtractStatus::kEmpty;
        r.message = "empty file (0 bytes)";
        return r;
    }
    if (!looks_like_pdf(bytes)) {
        r.status = ExtractStatus::kNotPdf;
        r.message = "not a PDF (no %PDF header)";
        return r;
    }
    std::vector<std::string> passwords{""};
    passwords.insert(passwords.end(), options.passwords.begin(), options.passwords.end());
    std::unique_ptr<poppler::document> doc;
    bool opened_locked = false;
    for (const auto& password : passwords) {
        doc.reset(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size()),
                                                        password, password));
        if (!doc) break;  // not an encryption problem: Poppler could not parse it
        if (!doc->is_locked()) break;
        opened_locked = true;
        doc.reset();
    }
    if (!doc) {
        if (opened_locked) {
            r.status = ExtractStatus::kEncrypted;
            r.message = options.passwords.empty()
                            ? "encrypted: a password is needed"
                            : "encrypted: none of the given passwords opens it";
        } else {
            r.status = ExtractStatus::kDamaged;
            r.message = "damaged: Poppler cannot open it (broken or truncated PDF)";
        }
        return r;
    }
    r.copy_forbidden = doc->is_encrypted() && !doc->has_permission(poppler::perm_copy);
    r.page_count = doc->pages();
    if (r.page_count <= 0) {
        r.status = ExtractStatus::kDamaged;
        r.message = "damaged: the PDF has no readable pages";
        return r;
    }
    const int pages_to_read =
        options.max_pages > 0 ? std::min(r.page_count, options.max_pages) : r.page_count;
    r.pages_limited = pages_to_read < r.page_count;
    r.pages.reserve(static_cast<size_t>(pages_to_read));
    PageOcr ocr(options);
    for (int i = 0; i < pages_to_read; ++i) {
        PageText page;
        page.number = i + 1;
        std::unique_ptr<poppler::page> p(doc->create_page(i));
        if (p) {
            page.text = clean_text(utf8(p->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout)));
            if (options.words) {
                for (const auto& box : p->text_list()) {
                    poppler::rectf b = box.bbox();
                    page.words.push_back(Word{clean_text(utf8(box.text())), b.left(), b.top(),
                                              b.right(), b.bottom()});
                }
            }
            if (const char* why = ocr.reason(page)) ocr.read(*p, page, why);
        }
        if (!has_letters_or_digits(page.text)) r.pages_without_text.push_back(page.number);
        r.pages.push_back(std::move(page));
    }
    r.ocr_pages = ocr.pages();
    r.ocr_from_cache = ocr.from_cache();
    r.ocr_pages_limited = ocr.stopped_by_page_limit();
    r.ocr_time_limited = ocr.stopped_by_time();
    r.message = ocr.summary();
    if (options.ocr == OcrMode::kNever && !r.pages_without_text.empty()) {
        r.message = "no text layer on " + std::to_string(r.pages_without_text.size()) + " pages";
    }
    if (r.pages_limited) {
        const std::string cut = "only the first " + plural(pages_to_read, "page", "pages") + " of " +
                                std::to_string(r.page_count) + " read (page limit)";
        r.message = r.message.empty() ? cut : cut + "; " + r.message;
    }
    return r;
}

}  // namespace minutebook
