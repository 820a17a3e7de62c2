// Pages made of text alone, for the structure recognisers' tests.
#pragma once

#include <string>
#include <vector>

#include "indexer/extract.h"

namespace minutebook::test {

// Pages made of text alone (no word boxes), one string per page.
inline std::vector<PageText> pages_of(const std::vector<std::string>& texts) {
    std::vector<PageText> pages;
    for (size_t i = 0; i < texts.size(); ++i) {
        PageText p;
        p.number = static_cast<int>(i) + 1;
        p.text = texts[i];
        pages.push_back(p);
    }
    return pages;
}

}  // namespace minutebook::test
