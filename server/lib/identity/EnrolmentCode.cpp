#include "identity/EnrolmentCode.h"

#include "identity/SecretDigest.h"

#include <openssl/rand.h>

#include <array>
#include <stdexcept>

namespace kep::server::identity {

namespace {

// 32 symbols (no 0/O, 1/I): five bits each, so a byte maps without bias.
constexpr std::string_view kAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

}  // namespace

std::string newEnrolmentCode() {
    std::array<unsigned char, kEnrolmentCodeLength> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        throw std::runtime_error("enrolment code: the random generator failed");
    }
    std::string code;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i > 0 && i % 4 == 0) {
            code += '-';
        }
        code += kAlphabet[bytes[i] % kAlphabet.size()];
    }
    return code;
}

std::optional<std::string> normaliseEnrolmentCode(std::string_view typed) {
    std::string code;
    for (char c : typed) {
        if (c == '-' || c == ' ') {
            continue;
        }
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
        if (kAlphabet.find(c) == std::string_view::npos || code.size() >= kEnrolmentCodeLength) {
            return std::nullopt;
        }
        code += c;
    }
    if (code.size() != kEnrolmentCodeLength) {
        return std::nullopt;
    }
    return code;
}

std::string enrolmentCodeHash(std::string_view normalisedCode) {
    return secretDigest(normalisedCode);
}

}  // namespace kep::server::identity
