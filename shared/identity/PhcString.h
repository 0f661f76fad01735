// Reading the Argon2id PHC strings that PasswordHash writes: the parameters, salt and tag,
// within bounds that keep a corrupt or hostile row from exhausting the server's or desk's memory.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace kep::identity {

struct Argon2idPhc {
    std::uint32_t version = 0;
    std::uint32_t memoryKiB = 0;
    std::uint32_t iterations = 0;
    std::uint32_t parallelism = 0;
    std::vector<std::uint8_t> salt;
    std::vector<std::uint8_t> tag;
};

// Accepts only "$argon2id$v=19$m=<m>,t=<t>,p=<p>$<salt>$<tag>" with unpadded standard base64,
// 1 <= p <= 8, 8p <= m <= 256 MiB, 1 <= t <= 16, salt 8..64 bytes, tag 16..64 bytes (well above
// what either side writes, well below what a desk can afford).
std::optional<Argon2idPhc> parseArgon2idPhc(std::string_view phc);

}  // namespace kep::identity
