// PDF text extraction with Poppler, page by page, in reading order.
//
// A file that cannot be read is data, not an exception: extract_pdf()
// returns a result whose status says what went wrong and whose message is
// one sentence for the run's summary.
#pragma once

#include <string>
#include <vector>

namespace minutebook {

// A word as Poppler placed it on the page, in points from the top left.
struct Word {
    std::string text;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct PageText {
    int number = 0;     // 1-based page index
    std::string text;   // clean text (core/normalise.h clean_text), lines kept
    std::vector<Word> words;  // filled when ExtractOptions::words is set
    bool ocr = false;   // text came from OCR
};

enum class ExtractStatus {
    kOk,         // every page read (some may have no text: see pages_without_text)
    kEncrypted,  // a password is needed
    kNotPdf,     // the bytes are not a PDF
    kDamaged,    // a PDF that Poppler cannot open or read
    kEmpty,      // zero bytes
};

const char* to_string(ExtractStatus status);

struct ExtractOptions {
    // Also return each page's word boxes (tables need them). Default: true.
    bool words = true;
    // Passwords to try on an encrypted file, in order. The empty password is
    // always tried first.
    std::vector<std::string> passwords;
};

struct ExtractResult {
    ExtractStatus status = ExtractStatus::kOk;
    std::string message;  // one sentence when status != kOk, or a warning
    std::string sha256;   // of the file's bytes (set whenever the file could be read)
    std::vector<PageText> pages;
    int page_count = 0;
    std::vector<int> pages_without_text;  // 1-based
    bool copy_forbidden = false;  // an owner password forbids copying text

    bool ok() const { return status == ExtractStatus::kOk; }
};

// Reads the PDF at `path`. Never throws for bad input.
ExtractResult extract_pdf(const std::string& path, const ExtractOptions& options = {});

// The same from bytes already in memory.
ExtractResult extract_pdf_bytes(const std::string& bytes, const ExtractOptions& options = {});

}  // namespace minutebook
