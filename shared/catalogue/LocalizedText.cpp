#include "shared/catalogue/LocalizedText.h"

namespace kep::catalogue {

std::string_view languageCode(Language language) {
    return language == Language::El ? "el" : "en";
}

const std::string& LocalizedText::in(Language language) const {
    const std::string& wanted = exactly(language);
    return wanted.empty() ? exactly(language == Language::El ? Language::En : Language::El)
                          : wanted;
}

}  // namespace kep::catalogue
