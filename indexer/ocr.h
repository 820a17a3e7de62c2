// Optical character recognition of rendered pages, and a cache of its text.
//
// The engine is tesseract (LSTM model, one thread); nothing of it shows
// here, so extraction and tests depend on this small interface only.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "indexer/extract.h"

namespace minutebook {

// An 8-bit grey page image, rows top to bottom, 0 black and 255 white.
struct GrayImage {
    int width = 0;
    int height = 0;
    int stride = 0;  // bytes from one row to the next, >= width
    int dpi = 0;     // pixels per inch the page was rendered at
    std::vector<unsigned char> pixels;  // stride * height bytes
};

// What OCR read on one page.
struct OcrText {
    std::string text;         // lines as recognised, paragraphs separated by a blank line
    std::vector<Word> words;  // in points from the page's top left, like Poppler's word boxes
};

struct OcrEngineOptions {
    // Tesseract language(s), e.g. "eng" or "eng+fra". Default: "eng".
    std::string language = "eng";
    // Folder holding <language>.traineddata. Default: empty, tesseract's
    // own (TESSDATA_PREFIX, else where the package put it).
    std::string data_dir;
};

// One engine reads pages one after another. Not thread-safe: one engine
// per thread (each indexer child process makes its own).
class OcrEngine {
public:
    virtual ~OcrEngine() = default;
    // REQUIRES: image.width, image.height and image.dpi > 0.
    virtual OcrText recognise(const GrayImage& image) = 0;
};

// Reads `image` with `engine`; when what it reads is not language (a page
// scanned upside down or sideways), reads it again turned 180, 90 and 270
// degrees and keeps the reading with most common English words, its word
// boxes in the frame of `image`. A page that is upright costs one reading.
OcrText recognise_upright(OcrEngine& engine, const GrayImage& image);

// `image` turned clockwise by `quarter_turns` (0 to 3) right angles.
GrayImage rotate_clockwise(const GrayImage& image, int quarter_turns);

// Names tesseract's version, mode and language for `options` without
// starting it: text cached under one identity is never served for another.
std::string tesseract_identity(const OcrEngineOptions& options);

// Tesseract's LSTM engine with `options`. Returns nullptr and sets *error
// (one sentence) when it cannot start, e.g. without the language's model.
// Limits OpenMP to one thread in this process (see limit_ocr_threads).
std::unique_ptr<OcrEngine> make_tesseract_engine(const OcrEngineOptions& options, std::string* error);

// Tesseract runs parts of its LSTM on OpenMP threads; with one process per
// core that oversubscribes the machine (about five times slower on two
// cores). Sets OMP_THREAD_LIMIT=1 unless the environment says otherwise,
// and makes OpenMP, if already loaded, run parallel regions on one thread.
// Call early; calling again does nothing.
void limit_ocr_threads();

// Text already recognised, one file per page image under a folder, so a
// page is OCR'd once however often the archive is indexed. Entries are
// written whole (to a temporary name, then renamed), so processes may
// share a folder. Thread-safe.
class OcrCache {
public:
    // `dir` is created when first written to. Empty: a cache that keeps nothing.
    explicit OcrCache(std::string dir) : dir_(std::move(dir)) {}

    // The key of a page: SHA-256 of the engine's identity and the image's
    // size, resolution and pixels, in hex. The image rather than the PDF's
    // bytes: the same page in another file (a pack and the minutes printed
    // alone) or in a file whose other pages changed is found again, and
    // whatever changes what the engine would see changes the key.
    static std::string key(const GrayImage& image, const std::string& engine_identity);

    // nullopt when absent or unreadable.
    std::optional<OcrText> get(const std::string& key) const;
    // Best effort: a cache that cannot be written only costs time. Returns
    // false when the disk (or quota) holding it is full.
    bool put(const std::string& key, const OcrText& text) const;

    const std::string& dir() const { return dir_; }

private:
    std::string path_of(const std::string& key) const;
    std::string dir_;
};

}  // namespace minutebook
