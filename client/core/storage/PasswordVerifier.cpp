#include "storage/PasswordVerifier.h"

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <QRegularExpression>

#include <stdexcept>
#include <string>

namespace kep::desk::storage {

namespace {
constexpr quint32 kSaltBytes = 16;
constexpr quint32 kTagBytes = 32;
// Upper bounds for a stored verifier: above what this desk ever writes, below harm.
constexpr quint32 kMaxMemoryKiB = 256 * 1024;
constexpr quint32 kMaxIterations = 16;
constexpr quint32 kMaxParallelism = 8;
}  // namespace

QString makePasswordVerifier(const QString& password, VerifierParameters p) {
    unsigned char salt[kSaltBytes];
    if (RAND_bytes(salt, sizeof salt) != 1) {
        throw std::runtime_error("offline verifier: the random generator failed");
    }
    QByteArray secret = password.toUtf8();
    std::string encoded(argon2_encodedlen(p.iterations, p.memoryKiB, p.parallelism, kSaltBytes,
                                          kTagBytes, Argon2_id),
                        '\0');
    const int rc =
        argon2id_hash_encoded(p.iterations, p.memoryKiB, p.parallelism, secret.constData(),
                              static_cast<size_t>(secret.size()), salt, sizeof salt, kTagBytes,
                              encoded.data(), encoded.size());
    OPENSSL_cleanse(secret.data(), static_cast<size_t>(secret.size()));
    if (rc != ARGON2_OK) {
        throw std::runtime_error(std::string("offline verifier: ") + argon2_error_message(rc));
    }
    encoded.resize(encoded.find('\0'));
    return QString::fromStdString(encoded);
}

bool matchesPasswordVerifier(const QString& verifier, const QString& password) {
    static const QRegularExpression phc(QStringLiteral(
        R"(^\$argon2id\$v=19\$m=(\d{1,9}),t=(\d{1,3}),p=(\d{1,3})\$[A-Za-z0-9+/]{16,}\$[A-Za-z0-9+/]{16,}$)"));
    const QRegularExpressionMatch match = phc.match(verifier);
    if (!match.hasMatch()) {
        return false;
    }
    const quint32 memory = match.captured(1).toUInt();
    const quint32 iterations = match.captured(2).toUInt();
    const quint32 parallelism = match.captured(3).toUInt();
    if (memory > kMaxMemoryKiB || iterations == 0 || iterations > kMaxIterations ||
        parallelism == 0 || parallelism > kMaxParallelism) {
        return false;
    }
    QByteArray secret = password.toUtf8();
    const QByteArray encoded = verifier.toLatin1();
    const int rc = argon2id_verify(encoded.constData(), secret.constData(),
                                   static_cast<size_t>(secret.size()));
    OPENSSL_cleanse(secret.data(), static_cast<size_t>(secret.size()));
    return rc == ARGON2_OK;
}

}  // namespace kep::desk::storage
