#include "indexer/ocr.h"

#include <cerrno>
#include <dlfcn.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/passage.h"
#include "indexer/language.h"

namespace minutebook {
namespace fs = std::filesystem;

void limit_ocr_threads() {
    static std::once_flag once;
    std::call_once(once, [] {
        const char* limit = std::getenv("OMP_THREAD_LIMIT");
        if (!limit) {
            ::setenv("OMP_THREAD_LIMIT", "1", 1);
            limit = "1";
        }
        if (std::strcmp(limit, "1") != 0) return;  // the user chose otherwise
        // libgomp reads OMP_THREAD_LIMIT when it is loaded, which for a
        // program linked with tesseract is before main(): setting the
        // variable now is too late for this process. With no active levels
        // allowed, every parallel region runs on the calling thread alone.
        using SetLevels = void (*)(int);
        if (void* f = ::dlsym(RTLD_DEFAULT, "omp_set_max_active_levels")) reinterpret_cast<SetLevels>(f)(0);
    });
}

namespace {

struct Deleter {
    void operator()(char* p) const { delete[] p; }
};
using TessString = std::unique_ptr<char[], Deleter>;

class Tesseract final : public OcrEngine {
public:
    bool start(const OcrEngineOptions& options, std::string* error) {
        // Tesseract writes its debugging and warnings ("Detected 12 diacritics")
        // to this file; the run's summary speaks for it instead.
        api_.SetVariable("debug_file", "/dev/null");
        const char* data = options.data_dir.empty() ? nullptr : options.data_dir.c_str();
        if (api_.Init(data, options.language.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
            if (error) *error = "OCR is not available: tesseract has no '" + options.language + "' model";
            return false;
        }
        api_.SetPageSegMode(tesseract::PSM_AUTO);
        return true;
    }

    ~Tesseract() override { api_.End(); }

    OcrText recognise(const GrayImage& image) override {
        OcrText out;
        api_.SetImage(image.pixels.data(), image.width, image.height, 1, image.stride);
        api_.SetSourceResolution(image.dpi);
        if (api_.Recognize(nullptr) != 0) {
            api_.Clear();
            return out;
        }
        TessString text(api_.GetUTF8Text());
        if (text) out.text = text.get();
        const double points_per_pixel = 72.0 / image.dpi;
        std::unique_ptr<tesseract::ResultIterator> it(api_.GetIterator());
        if (it) {
            do {
                TessString word(it->GetUTF8Text(tesseract::RIL_WORD));
                if (!word || !*word.get()) continue;
                int left = 0, top = 0, right = 0, bottom = 0;
                it->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom);
                out.words.push_back(Word{word.get(), left * points_per_pixel, top * points_per_pixel,
                                         right * points_per_pixel, bottom * points_per_pixel});
            } while (it->Next(tesseract::RIL_WORD));
        }
        api_.Clear();
        return out;
    }

private:
    tesseract::TessBaseAPI api_;
};

}  // namespace

GrayImage rotate_clockwise(const GrayImage& image, int quarter_turns) {
    quarter_turns = ((quarter_turns % 4) + 4) % 4;
    if (quarter_turns == 0) return image;
    GrayImage out;
    out.dpi = image.dpi;
    const bool sideways = quarter_turns % 2 == 1;
    out.width = sideways ? image.height : image.width;
    out.height = sideways ? image.width : image.height;
    out.stride = out.width;
    out.pixels.resize(static_cast<size_t>(out.width) * static_cast<size_t>(out.height));
    const int w = image.width, h = image.height;
    for (int y = 0; y < out.height; ++y) {
        for (int x = 0; x < out.width; ++x) {
            int sx = 0, sy = 0;  // where the pixel comes from
            switch (quarter_turns) {
                case 1: sx = y, sy = h - 1 - x; break;
                case 2: sx = w - 1 - x, sy = h - 1 - y; break;
                case 3: sx = w - 1 - y, sy = x; break;
            }
            out.pixels[static_cast<size_t>(y) * static_cast<size_t>(out.stride) + static_cast<size_t>(x)] =
                image.pixels[static_cast<size_t>(sy) * static_cast<size_t>(image.stride) + static_cast<size_t>(sx)];
        }
    }
    return out;
}

namespace {

// A box read on the image turned clockwise by `quarter_turns`, in the
// frame of the image before it was turned (w, h: its size in points).
Word unturn(Word word, int quarter_turns, double w, double h) {
    const double l = word.x0, t = word.y0, r = word.x1, b = word.y1;
    switch (quarter_turns) {
        case 1: word.x0 = t, word.x1 = b, word.y0 = h - r, word.y1 = h - l; break;
        case 2: word.x0 = w - r, word.x1 = w - l, word.y0 = h - b, word.y1 = h - t; break;
        case 3: word.x0 = w - b, word.x1 = w - t, word.y0 = l, word.y1 = r; break;
        default: break;
    }
    return word;
}

int common_words(const OcrText& text) { return score_language(text.text).known; }

}  // namespace

OcrText recognise_upright(OcrEngine& engine, const GrayImage& image) {
    OcrText best = engine.recognise(image);
    if (score_language(best.text).is_language()) return best;
    int best_turns = 0, best_known = common_words(best);
    for (int turns : {2, 1, 3}) {
        OcrText turned = engine.recognise(rotate_clockwise(image, turns));
        const LanguageScore score = score_language(turned.text);
        if (score.known > best_known) {
            best = std::move(turned);
            best_turns = turns;
            best_known = score.known;
        }
        if (score.is_language()) break;
    }
    const double w = image.width * 72.0 / image.dpi, h = image.height * 72.0 / image.dpi;
    for (auto& word : best.words) word = unturn(word, best_turns, w, h);
    return best;
}

std::string tesseract_identity(const OcrEngineOptions& options) {
    // Not the model's bytes: finding them means starting the engine, which
    // costs more than a cache hit saves. A model replaced under the same
    // tesseract version is not noticed (delete the cache then).
    return std::string("tesseract ") + tesseract::TessBaseAPI::Version() + " lstm psm3 " + options.language;
}

std::unique_ptr<OcrEngine> make_tesseract_engine(const OcrEngineOptions& options, std::string* error) {
    limit_ocr_threads();
    auto engine = std::make_unique<Tesseract>();
    if (!engine->start(options, error)) return nullptr;
    return engine;
}

std::string OcrCache::key(const GrayImage& image, const std::string& engine_identity) {
    std::string bytes = engine_identity;
    bytes += '\0';
    bytes += std::to_string(image.width) + "x" + std::to_string(image.height) + "@" + std::to_string(image.dpi);
    bytes += '\0';
    bytes.reserve(bytes.size() + static_cast<size_t>(image.width) * static_cast<size_t>(image.height));
    for (int y = 0; y < image.height; ++y) {
        const auto* row = image.pixels.data() + static_cast<size_t>(y) * static_cast<size_t>(image.stride);
        bytes.append(reinterpret_cast<const char*>(row), static_cast<size_t>(image.width));
    }
    return sha256_hex(bytes);
}

std::string OcrCache::path_of(const std::string& key) const {
    return (fs::path(dir_) / key.substr(0, 2) / (key + ".json")).string();
}

std::optional<OcrText> OcrCache::get(const std::string& key) const {
    if (dir_.empty() || key.size() < 2) return std::nullopt;
    std::ifstream in(path_of(key), std::ios::binary);
    if (!in) return std::nullopt;
    try {
        const auto j = nlohmann::json::parse(in);
        OcrText t;
        t.text = j.at("text").get<std::string>();
        for (const auto& w : j.at("words")) {
            t.words.push_back(Word{w.at(0).get<std::string>(), w.at(1).get<double>(), w.at(2).get<double>(),
                                   w.at(3).get<double>(), w.at(4).get<double>()});
        }
        return t;
    } catch (const std::exception&) {
        return std::nullopt;  // a damaged entry is recognised again and rewritten
    }
}

bool OcrCache::put(const std::string& key, const OcrText& text) const {
    if (dir_.empty() || key.size() < 2) return true;
    nlohmann::json words = nlohmann::json::array();
    for (const auto& w : text.words) words.push_back({w.text, w.x0, w.y0, w.x1, w.y1});
    const std::string data = nlohmann::json{{"text", text.text}, {"words", words}}.dump(-1, ' ', false,
                                                                                       nlohmann::json::error_handler_t::replace);
    const fs::path path = path_of(key);
    std::error_code ec;
    auto full = [](const std::error_code& e) {
        return e == std::errc::no_space_on_device || e.value() == EDQUOT;
    };
    fs::create_directories(path.parent_path(), ec);
    if (ec) return !full(ec);
    const fs::path temporary = path.string() + "." + std::to_string(::getpid()) + ".tmp";
    bool written = false;
    int error = 0;
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) return !(errno == ENOSPC || errno == EDQUOT);
        out << data;
        written = static_cast<bool>(out.flush());
        error = errno;
    }
    if (!written) {
        fs::remove(temporary, ec);
        return !(error == ENOSPC || error == EDQUOT);
    }
    fs::rename(temporary, path, ec);
    if (ec) {
        const bool was_full = full(ec);
        fs::remove(temporary, ec);
        return !was_full;
    }
    return true;
}

}  // namespace minutebook
