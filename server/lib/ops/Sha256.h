// SHA-256 over a stream of bytes (OpenSSL EVP): the digests a backup's manifest lists and a
// restore checks, and the content address of an attachment.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace kep::server::ops {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(std::string_view bytes);
    std::string hex();  // lowercase; ends the digest

private:
    struct Context;
    std::unique_ptr<Context> context_;
};

// The digest of a whole file, read in blocks; throws std::runtime_error naming the path.
std::string sha256OfFile(const std::string& path);

}  // namespace kep::server::ops
