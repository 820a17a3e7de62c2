#include "indexer/acronyms.h"

#include <cctype>

#include "core/normalise.h"

namespace minutebook {
namespace {

constexpr size_t kMaxLetters = 8;

bool is_small_word(const std::string& w) {
    static const char* kSmall[] = {"and", "of", "the", "for", "&", "in", "on", "to", "a"};
    for (const char* s : kSmall) {
        if (w == s) return true;
    }
    return false;
}

// Words before `end` in `text`, nearest last, as printed (punctuation trimmed).
std::vector<std::string> words_before(std::string_view text, size_t end, size_t count) {
    std::vector<std::string> words;
    size_t i = end;
    while (i > 0 && words.size() < count) {
        while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == ',')) --i;
        size_t stop = i;
        while (i > 0 && text[i - 1] != ' ' && text[i - 1] != '\n' && text[i - 1] != '(' && text[i - 1] != ')') --i;
        if (stop == i) break;
        std::string w(text.substr(i, stop - i));
        while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back())) && w.back() != '&') w.pop_back();
        if (w.empty()) break;
        words.insert(words.begin(), w);
        if (i > 0 && (text[i - 1] == '(' || text[i - 1] == ')')) break;
    }
    return words;
}

// The initials a word may give: "Multi-Agency" -> "ma" (or "m"), "Hub" -> "h".
std::vector<std::string> initials_of(const std::string& word) {
    std::string all;
    bool start = true;
    for (char c : word) {
        if (c == '-') {
            start = true;
            continue;
        }
        if (start && std::isalpha(static_cast<unsigned char>(c))) {
            all.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
        start = false;
    }
    std::vector<std::string> out;
    if (!all.empty()) out.push_back(all);
    if (all.size() > 1) out.push_back(all.substr(0, 1));
    return out;
}

// Matches `letters` against the ends of `words`, from the last word back.
// Returns the index of the first word of the expansion, or -1.
int match(const std::vector<std::string>& words, const std::string& letters) {
    int w = static_cast<int>(words.size()) - 1;
    int l = static_cast<int>(letters.size());
    while (l > 0 && w >= 0) {
        const std::string lower = fold_text(words[static_cast<size_t>(w)]);
        bool used = false;
        for (const auto& ini : initials_of(words[static_cast<size_t>(w)])) {
            const int n = static_cast<int>(ini.size());
            if (n <= l && letters.compare(static_cast<size_t>(l - n), static_cast<size_t>(n), ini) == 0) {
                l -= n;
                used = true;
                break;
            }
        }
        if (!used && !is_small_word(lower)) return -1;
        if (l == 0) return w;
        --w;
    }
    return -1;
}

}  // namespace

std::vector<AcronymDefinition> find_acronym_definitions(std::string_view text) {
    std::vector<AcronymDefinition> out;
    for (size_t open = text.find('('); open != std::string_view::npos; open = text.find('(', open + 1)) {
        size_t close = text.find(')', open);
        if (close == std::string_view::npos || close - open - 1 < 2 || close - open - 1 > kMaxLetters + 1) continue;
        std::string inside(text.substr(open + 1, close - open - 1));
        const bool plural = inside.back() == 's' && inside.size() > 2;
        if (plural) inside.pop_back();
        bool capitals = inside.size() >= 2 && inside.size() <= kMaxLetters;
        for (char c : inside) capitals = capitals && std::isupper(static_cast<unsigned char>(c));
        if (!capitals) continue;
        std::string letters;
        for (char c : inside) letters.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        std::vector<std::string> words = words_before(text, open, letters.size() * 2 + 2);
        int first = match(words, letters);
        if (first < 0) continue;
        std::string expansion;
        for (size_t i = static_cast<size_t>(first); i < words.size(); ++i) {
            std::string w = fold_text(words[i]);
            for (char& c : w) {
                if (c == '-') c = ' ';
            }
            if (w == "&") w = "and";
            expansion += (expansion.empty() ? "" : " ") + w;
        }
        // "Education, Health and Care Plans (EHCPs)" defines EHCP.
        if (plural && expansion.size() > 1 && expansion.back() == 's') expansion.pop_back();
        // An expansion of one word is a name in brackets, not an acronym.
        if (expansion.find(' ') == std::string::npos) continue;
        out.push_back({letters, expansion});
    }
    return out;
}

}  // namespace minutebook
