#include "indexer/extract.h"

// Poppler's core API (libpoppler-private-dev) lays a page out once for both
// its text and its words; poppler-cpp's page::text() and page::text_list()
// would lay it out once each. poppler-cpp stays for rendering pages for OCR.
#include <ErrorCodes.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
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
        case ExtractStatus::kTransient: return "transient";
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
    static GlobalParamsIniter core_params([](ErrorCategory, Goffset, const char*) {});
    static bool done = [] {
        poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
        return true;
    }();
    (void)done;
}

// The longest prefix of `s` that is UTF-8 without NUL, surrogates or
// overlong forms: what survived poppler-cpp's round trip through UTF-16
// (iconv stops at the first such sequence), so that text read through the
// core API is byte for byte the text read before.
std::string_view valid_utf8_prefix(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0) break;
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len = 0;
        char32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2, cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3, cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4, cp = c & 0x07;
        } else {
            break;
        }
        if (i + len > s.size()) break;
        size_t k = 1;
        for (; k < len && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80; ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        }
        if (k < len) break;
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF)) {
            break;
        }
        i += len;
    }
    return s.substr(0, i);
}

void append_text(void* stream, const char* text, int len) {
    static_cast<std::string*>(stream)->append(text, static_cast<size_t>(len));
}

// Lays page `number` (1-based) out once, as pdftotext does, and takes from
// that layout both its text in reading order (page::text() with
// non_raw_non_physical_layout) and, when asked, its words (page::text_list()).
void read_text_layer(PDFDoc& doc, int number, bool with_words, PageText& page) {
    std::string text;
    TextOutputDev layout(&append_text, &text, /*physLayoutA=*/false, /*fixedPitchA=*/0, /*rawOrderA=*/false,
                         /*discardDiagA=*/false);
    doc.displayPage(&layout, number, 72, 72, 0, /*useMediaBox=*/false, /*crop=*/true, /*printing=*/false);
    page.text = clean_text(valid_utf8_prefix(text));
    if (!with_words) return;
    std::unique_ptr<TextWordList> words = layout.makeWordList();
    for (int i = 0; words && i < words->getLength(); ++i) {
        const TextWord* word = words->get(i);
        const std::unique_ptr<GooString> word_text(word->getText());
        double x0, y0, x1, y1;
        word->getBBox(&x0, &y0, &x1, &y1);
        // Through width and height, as poppler::rectf holds a box, so the
        // corners are the same doubles as before.
        Word w{clean_text(valid_utf8_prefix(word_text->toStr())), x0, y0, x0 + (x1 - x0), y0 + (y1 - y0)};
        w.font_size = word->getFontSize();
        if (word->getLength() > 0) {
            if (const TextFontInfo* font = word->getFontInfo(0)) {
                const GooString* name = font->getFontName();
                w.bold = font->isBold() || (name && (name->toStr().find("Bold") != std::string::npos ||
                                                     name->toStr().find("bold") != std::string::npos ||
                                                     name->toStr().find("Black") != std::string::npos ||
                                                     name->toStr().find("Heavy") != std::string::npos));
            }
        }
        page.words.push_back(std::move(w));
    }
}

// Opens `bytes` with the first password that unlocks them. Null when none
// does (`*locked` says the file is encrypted) or Poppler cannot parse them.
std::unique_ptr<PDFDoc> open_pdf(const std::string& bytes, const std::vector<std::string>& passwords,
                                 std::string* used_password, bool* locked) {
    *locked = false;
    for (const auto& password : passwords) {
        auto doc = std::make_unique<PDFDoc>(
            new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull)),
            GooString(password), GooString(password));
        if (doc->isOk()) {
            *used_password = password;
            return doc;
        }
        if (doc->getErrorCode() != errEncrypted) return nullptr;  // not an encryption problem
        *locked = true;
    }
    return nullptr;
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

// Renders a file's pages for OCR through poppler-cpp, whose renderer the OCR
// cache's keys come from. The file is opened for it at the first page asked.
class PageImages {
public:
    PageImages(const std::string& bytes, const std::string& password) : bytes_(bytes), password_(password) {}

    // Page `index` (0-based) in gray at `dpi`; empty when it cannot be rendered.
    GrayImage render(int index, int dpi) {
        if (!doc_) {
            doc_.reset(poppler::document::load_from_raw_data(bytes_.data(), static_cast<int>(bytes_.size()),
                                                             password_, password_));
        }
        if (!doc_ || doc_->is_locked()) return {};
        std::unique_ptr<poppler::page> page(doc_->create_page(index));
        return page ? render_gray(*page, dpi) : GrayImage{};
    }

private:
    const std::string& bytes_;
    const std::string password_;
    std::unique_ptr<poppler::document> doc_;
};

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
    bool read(PageImages& images, int index, PageText& page, const char* why) {
        if (options_.ocr_page_limit > 0 && tried_ >= options_.ocr_page_limit) return skip(why, kLimit);
        if (options_.ocr_seconds > 0 &&
            std::chrono::duration<double>(Clock::now() - started_).count() > options_.ocr_seconds) {
            return skip(why, kTime);
        }
        if (!error_.empty()) return skip(why, kUnavailable);
        ++tried_;
        const GrayImage image = images.render(index, options_.ocr_dpi);
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
            if (!cache_.put(key, *text)) ++not_cached_;
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
        if (not_cached_ > 0) {
            out += (out.empty() ? "" : "; ") + plural(not_cached_, "page", "pages") +
                   " not kept in the OCR cache: the disk holding " + cache_.dir() + " is full";
        }
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
    int not_cached_ = 0;  // pages the cache could not keep: its disk is full
    std::map<std::string, int> read_by_reason_;
    std::map<Cause, int> skipped_;
};

}  // namespace

namespace {

// Reads the bytes of the file at `path` into `out`. Returns "" or why it
// could not: the system's error, or that the file changed while it was read
// (its size or modification time differ after the read).
std::string read_whole_file(const std::string& path, std::string& out) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::string("cannot be read now (") + std::strerror(errno) + ")";
    struct stat before {};
    std::string why;
    if (::fstat(fd, &before) != 0) why = std::string("cannot be read now (") + std::strerror(errno) + ")";
    if (why.empty()) {
        out.resize(static_cast<size_t>(before.st_size));
        size_t got = 0;
        for (;;) {
            if (got == out.size()) out.resize(std::max<size_t>(out.size() * 2, got + 65536));
            const ssize_t n = ::read(fd, out.data() + got, out.size() - got);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
                why = std::string("cannot be read now (") + std::strerror(errno) + ")";
                break;
            }
            if (n == 0) break;
            got += static_cast<size_t>(n);
        }
        out.resize(got);
    }
    ::close(fd);
    if (!why.empty()) return why;
    struct stat after {};
    if (::stat(path.c_str(), &after) != 0 || after.st_size != before.st_size ||
        after.st_mtim.tv_sec != before.st_mtim.tv_sec || after.st_mtim.tv_nsec != before.st_mtim.tv_nsec ||
        static_cast<off_t>(out.size()) != before.st_size) {
        return "changed while it was read";
    }
    return "";
}

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
    std::string bytes;
    if (std::string why = read_whole_file(path, bytes); !why.empty()) {
        ExtractResult r;
        r.status = ExtractStatus::kTransient;
        r.message = why + "; it will be read again by the next run";
        return r;
    }
    return extract_pdf_bytes(bytes, options);
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
    std::string password;
    bool opened_locked = false;
    std::unique_ptr<PDFDoc> doc = open_pdf(bytes, passwords, &password, &opened_locked);
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
    r.copy_forbidden = doc->isEncrypted() && !doc->okToCopy();
    r.page_count = doc->getNumPages();
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
    PageImages images(bytes, password);
    for (int i = 0; i < pages_to_read; ++i) {
        PageText page;
        page.number = i + 1;
        if (doc->getCatalog()->getPage(page.number)) {
            read_text_layer(*doc, page.number, options.words, page);
            if (const char* why = ocr.reason(page)) ocr.read(images, i, page, why);
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
