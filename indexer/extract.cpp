#include "indexer/extract.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <fstream>
#include <memory>
#include <sstream>

#include "core/normalise.h"
#include "core/passage.h"

namespace minutebook {

const char* to_string(ExtractStatus status) {
    switch (status) {
        case ExtractStatus::kOk: return "ok";
        case ExtractStatus::kEncrypted: return "encrypted";
        case ExtractStatus::kNotPdf: return "not a PDF";
        case ExtractStatus::kDamaged: return "damaged";
        case ExtractStatus::kEmpty: return "empty";
    }
    return "unknown";
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

}  // namespace

ExtractResult extract_pdf(const std::string& path, const ExtractOptions& options) {
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
    r.pages.reserve(static_cast<size_t>(r.page_count));
    for (int i = 0; i < r.page_count; ++i) {
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
        }
        if (!has_letters_or_digits(page.text)) r.pages_without_text.push_back(page.number);
        r.pages.push_back(std::move(page));
    }
    if (!r.pages_without_text.empty()) {
        r.message = "no text layer on " + std::to_string(r.pages_without_text.size()) + " pages";
    }
    return r;
}

}  // namespace minutebook
