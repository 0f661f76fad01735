#include "auth/BreachedPasswords.h"

#include "shared/domain/TextFold.h"

#include <string>
#include <unordered_set>

// Defined in the file EmbedBytes.cmake generates from resources/auth/common-passwords.txt.
extern const unsigned char kep_common_passwords[];
extern const std::size_t kep_common_passwords_size;

namespace kep::auth {
namespace {

const std::unordered_set<std::string>& breachedList() {
    static const std::unordered_set<std::string> list = [] {
        std::unordered_set<std::string> set;
        const std::string_view text(reinterpret_cast<const char*>(kep_common_passwords),
                                    kep_common_passwords_size);
        std::size_t start = 0;
        while (start < text.size()) {
            auto end = text.find('\n', start);
            if (end == std::string_view::npos) {
                end = text.size();
            }
            std::string_view line = text.substr(start, end - start);
            if (!line.empty() && line.back() == '\r') {
                line.remove_suffix(1);
            }
            if (!line.empty()) {
                set.insert(kep::domain::foldForSearch(line));
            }
            start = end + 1;
        }
        return set;
    }();
    return list;
}

}  // namespace

bool isBreachedPassword(std::string_view password) {
    return breachedList().contains(kep::domain::foldForSearch(password));
}

std::size_t breachedPasswordCount() {
    return breachedList().size();
}

}  // namespace kep::auth
