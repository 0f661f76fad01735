// The two languages of the catalogue and a text held in both: MITOS publishes each procedure once
// per language, and the desk shows Greek first with English complete (DESIGN.md decision 9).
#pragma once

#include <string>
#include <string_view>

namespace kep::catalogue {

enum class Language { El, En };

// "el" / "en", the codes MITOS uses in `title` and in `?lang=`.
std::string_view languageCode(Language language);

struct LocalizedText {
    std::string el;
    std::string en;

    // The text in `language`, or in the other language when that one is empty, so that a
    // procedure not yet translated still shows something.
    const std::string& in(Language language) const;
    // The slot of one language, for the parser that fills one language per document.
    std::string& slot(Language language) { return language == Language::El ? el : en; }
    const std::string& exactly(Language language) const {
        return language == Language::El ? el : en;
    }
    bool empty() const { return el.empty() && en.empty(); }

    friend bool operator==(const LocalizedText&, const LocalizedText&) = default;
};

}  // namespace kep::catalogue
