#include "storage/PasswordVerifier.h"

#include "shared/identity/PasswordHash.h"

#include <openssl/crypto.h>

#include <stdexcept>
#include <string_view>

namespace kep::desk::storage {

namespace {

// The password as the server hashes it (UTF-8), wiped when the verifier no longer needs it.
class Utf8Secret {
public:
    explicit Utf8Secret(const QString& password) : bytes_(password.toUtf8()) {}
    ~Utf8Secret() { OPENSSL_cleanse(bytes_.data(), static_cast<std::size_t>(bytes_.size())); }
    Utf8Secret(const Utf8Secret&) = delete;
    Utf8Secret& operator=(const Utf8Secret&) = delete;
    std::string_view view() const {
        return {bytes_.constData(), static_cast<std::size_t>(bytes_.size())};
    }

private:
    QByteArray bytes_;
};

}  // namespace

QString makePasswordVerifier(const QString& password, VerifierParameters p) {
    kep::identity::Argon2Parameters parameters;
    parameters.memoryKiB = p.memoryKiB;
    parameters.iterations = p.iterations;
    parameters.parallelism = p.parallelism;
    const Utf8Secret secret(password);
    return QString::fromStdString(kep::identity::hashPassword(secret.view(), parameters));
}

bool matchesPasswordVerifier(const QString& verifier, const QString& password) {
    const Utf8Secret secret(password);
    try {
        return kep::identity::verifyPassword(verifier.toStdString(), secret.view());
    } catch (const std::runtime_error&) {
        // libargon2 could not run (out of memory): the desk cannot vouch for the password.
        return false;
    }
}

}  // namespace kep::desk::storage
