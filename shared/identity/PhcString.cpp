#include "shared/identity/PhcString.h"

#include "shared/identity/Base64.h"

#include <charconv>

namespace kep::identity {
namespace {

constexpr std::uint32_t kMaxMemoryKiB = 256u * 1024u;  // 256 MiB
constexpr std::uint32_t kMaxIterations = 16;
constexpr std::uint32_t kMaxParallelism = 8;

// Takes the text up to the next '$' (or the end) off the front of `rest`.
std::string_view nextField(std::string_view& rest) {
    const auto end = rest.find('$');
    const std::string_view field = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    return field;
}

// "<key>=<decimal>" with no sign, no leading zeros and no trailing text.
std::optional<std::uint32_t> keyedNumber(std::string_view field, std::string_view key) {
    if (field.size() <= key.size() + 1 || field.substr(0, key.size()) != key ||
        field[key.size()] != '=') {
        return std::nullopt;
    }
    const std::string_view digits = field.substr(key.size() + 1);
    if (digits.size() > 1 && digits.front() == '0') {
        return std::nullopt;
    }
    std::uint32_t value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc{} || end != digits.data() + digits.size()) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

std::optional<Argon2idPhc> parseArgon2idPhc(std::string_view phc) {
    if (phc.empty() || phc.front() != '$') {
        return std::nullopt;
    }
    std::string_view rest = phc.substr(1);
    if (nextField(rest) != "argon2id") {
        return std::nullopt;
    }
    Argon2idPhc out;
    const auto version = keyedNumber(nextField(rest), "v");
    if (!version || *version != 19) {
        return std::nullopt;
    }
    out.version = *version;

    std::string_view params = nextField(rest);
    const auto m = keyedNumber(params.substr(0, params.find(',')), "m");
    params = params.find(',') == std::string_view::npos ? "" : params.substr(params.find(',') + 1);
    const auto t = keyedNumber(params.substr(0, params.find(',')), "t");
    params = params.find(',') == std::string_view::npos ? "" : params.substr(params.find(',') + 1);
    const auto p = keyedNumber(params, "p");
    if (!m || !t || !p) {
        return std::nullopt;
    }
    if (*p < 1 || *p > kMaxParallelism || *m < 8 * *p || *m > kMaxMemoryKiB || *t < 1 ||
        *t > kMaxIterations) {
        return std::nullopt;
    }
    out.memoryKiB = *m;
    out.iterations = *t;
    out.parallelism = *p;

    const std::string_view saltText = nextField(rest);
    const std::string_view tagText = nextField(rest);
    if (!rest.empty() || tagText.data() + tagText.size() != phc.data() + phc.size()) {
        return std::nullopt;  // trailing fields
    }
    auto salt = decodeBase64Unpadded(saltText);
    auto tag = decodeBase64Unpadded(tagText);
    if (!salt || !tag || salt->size() < 8 || salt->size() > 64 || tag->size() < 16 ||
        tag->size() > 64) {
        return std::nullopt;
    }
    out.salt = std::move(*salt);
    out.tag = std::move(*tag);
    return out;
}

}  // namespace kep::identity
