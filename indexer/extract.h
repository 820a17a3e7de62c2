// PDF text extraction with Poppler, page by page, in reading order, and OCR
// (indexer/ocr.h) for pages whose text layer is missing or not language
// (indexer/language.h).
//
// A file that cannot be read is data, not an exception: extract_pdf()
// returns a result whose status says what went wrong and whose message is
// one sentence for the run's summary.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace minutebook {

// A word as Poppler placed it on the page, in points from the top left.
struct Word {
    std::string text;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    // The font of its first letter: size in points and whether it is bold
    // (by the font's flags or name). 0 and false for OCR'd words, which
    // have no font.
    double font_size = 0;
    bool bold = false;
};

struct PageText {
    int number = 0;     // 1-based page index
    std::string text;   // clean text (core/normalise.h clean_text), lines kept
    std::vector<Word> words;  // filled when ExtractOptions::words is set
    bool ocr = false;   // text came from OCR
    // Why OCR read the page (one of the kOcrReason... below); empty when it did not.
    std::string ocr_reason;
};

inline constexpr const char* kOcrReasonNoText = "no text layer";
inline constexpr const char* kOcrReasonNotLanguage = "text layer is not language";
inline constexpr const char* kOcrReasonAlways = "OCR of every page asked for";

// When pages are read by OCR.
enum class OcrMode {
    kNever,   // never: pages without text stay without
    kAuto,    // pages with no text layer, or whose text layer is not language
    kAlways,  // every page; the text layer is kept only where OCR finds nothing
};

const char* to_string(OcrMode mode);
// "never", "auto", "always"; false for anything else.
bool parse_ocr_mode(const std::string& text, OcrMode* mode);

enum class ExtractStatus {
    kOk,         // every page read (some may have no text: see pages_without_text)
    kEncrypted,  // a password is needed
    kNotPdf,     // the bytes are not a PDF
    kDamaged,    // a PDF that Poppler cannot open or read
    kEmpty,      // zero bytes
    kTooLarge,   // larger than ExtractOptions::max_file_bytes: not read
    kTransient,  // the system could not give its bytes now (an I/O error, a share gone
                 // away, permission) or they changed while being read: not the file's
                 // fault, so it is read again by the next run
};

const char* to_string(ExtractStatus status);

struct ExtractOptions {
    // Also return each page's word boxes (tables need them). Default: true.
    bool words = true;
    // Passwords to try on an encrypted file, in order. The empty password is
    // always tried first.
    std::vector<std::string> passwords;

    // Default: kAuto.
    OcrMode ocr = OcrMode::kAuto;
    // Folder where OCR'd text is kept between runs, keyed by the rendered
    // page (indexer/ocr.h OcrCache). Default: empty, not kept.
    std::string ocr_cache_dir;
    // Resolution pages are rendered at for OCR; pages larger than A3 are
    // rendered at less, to bound memory. Default: 200 (on the corpus's
    // scans and rendered pages it finds the same words as 300 in 25% less
    // time; bench/ocr_speed.sh).
    int ocr_dpi = 200;
    // Tesseract language(s). Default: "eng".
    std::string ocr_language = "eng";
    // OCR at most this many pages of the file (the first that need it);
    // the rest are left as their text layer has them. Default: 0, no limit.
    int ocr_page_limit = 0;
    // Stop OCR once it has taken this many seconds on the file, so that a
    // long scan is not lost to a reader's time limit. Default: 0, no limit.
    double ocr_seconds = 0;
    // extract_pdf() does not read a file larger than this: a PDF of
    // gigabytes is a scan of a whole shelf or an attack, not a paper.
    // Default: 0, no limit.
    std::uintmax_t max_file_bytes = 0;
    // Read only the first this many pages; the rest are left out and the
    // message says so. Default: 0, no limit.
    int max_pages = 0;
};

struct ExtractResult {
    ExtractStatus status = ExtractStatus::kOk;
    std::string message;  // one sentence when status != kOk, or a warning
    std::string sha256;   // of the file's bytes (set whenever the file could be read)
    std::vector<PageText> pages;
    int page_count = 0;
    std::vector<int> pages_without_text;  // 1-based, after OCR
    int ocr_pages = 0;           // pages whose text came from OCR
    int ocr_from_cache = 0;      // of those, found in the OCR cache rather than recognised
    bool copy_forbidden = false;  // an owner password forbids copying text
    // Limits of ExtractOptions that cut the reading short: pages past
    // max_pages left out; pages left without OCR for ocr_page_limit or
    // for ocr_seconds.
    bool pages_limited = false;
    bool ocr_pages_limited = false;
    bool ocr_time_limited = false;

    bool ok() const { return status == ExtractStatus::kOk; }
};

// Reads the PDF at `path`. Never throws for bad input.
ExtractResult extract_pdf(const std::string& path, const ExtractOptions& options = {});

// The same from bytes already in memory.
ExtractResult extract_pdf_bytes(const std::string& bytes, const ExtractOptions& options = {});

}  // namespace minutebook
