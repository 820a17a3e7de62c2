// Synthetic agenda packs as PDF, for extraction throughput at scale. Each
// file replays the first 20 to 40 pages of one real document of the corpus
// (its text as pdftotext gives it, pages split by form feeds) for another
// committee and meeting: the lines that carry structure (numbered items,
// "Date:", "Present:", resolutions, headings, table cells, short lines) are
// kept with the committee's name and the dates changed; prose lines are
// replaced by as many words from a word-bigram model of the corpus's text.
// Pages are written with the standard Type1 font Helvetica (WinAnsi), one
// Flate-compressed content stream each. Deterministic for a given seed.
//
// Usage: scale_pdfs --model-text DIR --out DIR --files N [--seed S]
// Prints files and pages written.
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "bench/synthetic.h"

namespace {

namespace fs = std::filesystem;
using namespace minutebook::synthetic;

constexpr int kFirstDay = 13149;    // 2006-01-01
constexpr int kArchiveDays = 7305;  // 20 years
constexpr size_t kMinPages = 20, kExtraPages = 21;
constexpr size_t kProseWords = 6;   // lines with more words than this are prose
constexpr double kFontSize = 8.5, kLeading = 10.5;

struct Document {
    std::vector<std::vector<std::string>> pages;  // lines of each page
};

std::vector<std::string> lines_of(const std::string& page) {
    std::vector<std::string> out;
    std::istringstream in(page);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

Document read_document(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Document d;
    size_t start = 0;
    while (start < all.size()) {
        size_t end = all.find('\f', start);
        if (end == std::string::npos) end = all.size();
        d.pages.push_back(lines_of(all.substr(start, end - start)));
        start = end + 1;
    }
    return d;
}

// A line that says what the text is, not what it is about: kept.
bool structural(const std::string& line) {
    static const std::regex kStructure(
        R"(^\s*(\d+[.)]|[A-Z][A-Za-z ]{0,24}:)|resolved|RESOLVED|Minute|Agenda Item|Key decision|Forward Plan|Committee|Page \d)");
    if (count_words(line) <= kProseWords) return true;
    if (std::none_of(line.begin(), line.end(), [](unsigned char c) { return std::islower(c); })) return true;
    return std::regex_search(line, kStructure);
}

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    if (from.empty()) return;
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
        s.replace(at, from.size(), to);
    }
}

// The corpus's committees in every case they are printed in.
const std::vector<std::string> kCorpusCommittees = {"Children and Young People Committee",
                                                    "Corporate Parenting Sub-Committee"};

// "11 July 2017" as printed in the papers.
const std::regex& long_date_pattern() {
    static const std::regex kDate(
        R"(\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b)");
    return kDate;
}

// Days since 1970 of a match of long_date_pattern().
int matched_day(const std::smatch& m) {
    static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};
    int month = 1;
    while (month < 12 && m[2].str() != kMonths[month - 1]) ++month;
    char iso[16];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", std::stoi(m[3].str()), month, std::stoi(m[1].str()));
    return days_from_iso(iso);
}

// Every long date of `line` moved by `shift` days.
std::string shift_dates(const std::string& line, int shift) {
    std::string out;
    size_t last = 0;
    for (auto it = std::sregex_iterator(line.begin(), line.end(), long_date_pattern()); it != std::sregex_iterator();
         ++it) {
        out += line.substr(last, static_cast<size_t>(it->position(0)) - last);
        out += long_date(matched_day(*it) + shift);
        last = static_cast<size_t>(it->position(0) + it->length(0));
    }
    return out + line.substr(last);
}

// UTF-8 -> WinAnsi (the encoding of the standard fonts); '?' for the rest.
std::string win_ansi(const std::string& utf8) {
    std::string out;
    for (size_t i = 0; i < utf8.size();) {
        unsigned char c = static_cast<unsigned char>(utf8[i]);
        uint32_t cp = c;
        size_t len = 1;
        if (c >= 0xf0) { len = 4; cp = c & 0x07; }
        else if (c >= 0xe0) { len = 3; cp = c & 0x0f; }
        else if (c >= 0xc0) { len = 2; cp = c & 0x1f; }
        for (size_t k = 1; k < len && i + k < utf8.size(); ++k) cp = (cp << 6) | (utf8[i + k] & 0x3f);
        i += len;
        static const std::pair<uint32_t, char> kMap[] = {
            {0x20ac, '\x80'}, {0x2026, '\x85'}, {0x2018, '\x91'}, {0x2019, '\x92'}, {0x201c, '\x93'},
            {0x201d, '\x94'}, {0x2022, '\x95'}, {0x2013, '\x96'}, {0x2014, '\x97'}};
        if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) {
            out.push_back(static_cast<char>(cp));
        } else {
            auto it = std::find_if(std::begin(kMap), std::end(kMap), [&](const auto& m) { return m.first == cp; });
            out.push_back(it == std::end(kMap) ? '?' : it->second);
        }
    }
    return out;
}

std::string pdf_string(const std::string& s) {
    std::string out = "(";
    for (char c : s) {
        if (c == '(' || c == ')' || c == '\\') out.push_back('\\');
        if (c == '\t') c = ' ';
        if (c != '\r') out.push_back(c);
    }
    return out + ")";
}

std::string deflate(const std::string& data) {
    uLongf size = compressBound(data.size());
    std::string out(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                  data.size(), Z_DEFAULT_COMPRESSION) != Z_OK) {
        throw std::runtime_error("zlib could not compress a page.");
    }
    out.resize(size);
    return out;
}

// A PDF of `pages` (lines each, UTF-8), A4, Helvetica.
std::string pdf(const std::vector<std::vector<std::string>>& pages) {
    std::vector<std::string> objects;  // object i + 1
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    std::string kids;
    for (size_t p = 0; p < pages.size(); ++p) kids += std::to_string(4 + 2 * p) + " 0 R ";
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    for (size_t p = 0; p < pages.size(); ++p) {
        std::string content = "BT /F1 " + std::to_string(kFontSize) + " Tf " + std::to_string(kLeading) +
                              " TL 50 800 Td\n";
        for (const auto& line : pages[p]) content += pdf_string(win_ansi(line)) + " Tj T*\n";
        content += "ET\n";
        const std::string packed = deflate(content);
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                          "/Contents " + std::to_string(5 + 2 * p) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(packed.size()) + " /Filter /FlateDecode >>\nstream\n" +
                          packed + "\nendstream");
    }
    std::string out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
    std::vector<size_t> offsets;
    for (size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (size_t o : offsets) {
        char entry[24];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", o);
        out += entry;
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return out;
}

// The meeting date a document is for: the first long date it prints.
int document_day(const Document& d) {
    for (const auto& page : d.pages) {
        for (const auto& line : page) {
            std::smatch m;
            if (std::regex_search(line, m, long_date_pattern())) return matched_day(m);
        }
    }
    return kFirstDay;
}

}  // namespace

int main(int argc, char** argv) try {
    std::string model_dir, out_dir;
    size_t files = 0;
    uint64_t seed = 1;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i], value = argv[i + 1];
        if (arg == "--model-text") model_dir = value;
        else if (arg == "--out") out_dir = value;
        else if (arg == "--files") files = std::stoul(value);
        else if (arg == "--seed") seed = std::stoull(value);
        else throw std::invalid_argument("Unknown option " + arg + ".");
    }
    if (model_dir.empty() || out_dir.empty() || files == 0) {
        throw std::invalid_argument("Usage: scale_pdfs --model-text DIR --out DIR --files N [--seed S]");
    }
    std::vector<fs::path> texts;
    for (const auto& e : fs::directory_iterator(model_dir)) {
        if (e.path().extension() == ".txt") texts.push_back(e.path());
    }
    std::sort(texts.begin(), texts.end());
    if (texts.empty()) throw std::invalid_argument("No .txt files in " + model_dir + ".");
    std::vector<Document> documents;
    MarkovText model;
    for (const auto& t : texts) {
        documents.push_back(read_document(t));
        for (const auto& page : documents.back().pages) {
            for (const auto& line : page) model.train(line + "\n");
        }
    }
    const std::vector<std::string> names = committees(kCorpusCommittees);
    fs::create_directories(out_dir);
    size_t pages_written = 0;
    for (size_t f = 0; f < files; ++f) {
        Rng rng(seed ^ (0x9e3779b97f4a7c15ULL * (f + 1)));
        const Document& source = pick(rng, documents);
        const std::string& committee = names[f % names.size()];
        const int day = kFirstDay + static_cast<int>((f * kArchiveDays) / files) + static_cast<int>(rng.below(7));
        const int shift = day - document_day(source);
        const size_t count = std::min(source.pages.size(), kMinPages + rng.below(kExtraPages));
        std::vector<std::vector<std::string>> pages;
        for (size_t p = 0; p < count; ++p) {
            std::vector<std::string> lines;
            for (std::string line : source.pages[p]) {
                if (!structural(line)) {
                    line = model.generate(rng, count_words(line));
                    std::replace(line.begin(), line.end(), '\n', ' ');
                }
                for (const auto& real : kCorpusCommittees) {
                    replace_all(line, real, committee);
                    replace_all(line, upper(real), upper(committee));
                }
                lines.push_back(shift_dates(line, shift));
            }
            pages.push_back(std::move(lines));
        }
        std::string name = "Agenda_reports_pack_" + file_date(day) + "_" + committee + ".pdf";
        std::replace(name.begin(), name.end(), ' ', '_');
        std::erase(name, ',');
        std::ofstream(fs::path(out_dir) / (std::to_string(f) + "_" + name), std::ios::binary) << pdf(pages);
        pages_written += pages.size();
    }
    std::printf("files: %zu\npages: %zu\n", files, pages_written);
    return 0;
} catch (const std::exception& e) {
    std::cerr << "scale_pdfs: " << e.what() << "\n";
    return 2;
}
