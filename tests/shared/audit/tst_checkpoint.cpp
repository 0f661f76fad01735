// Signed checkpoints of the audit log: Ed25519 signatures that hold only for the exact size,
// root and time signed, keys that survive their PEM files, and the one-line form kept in
// checkpoints.log, read back strictly.
#include "shared/audit/Checkpoint.h"

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <QtTest>

#include <memory>
#include <stdexcept>
#include <string>

using namespace kep::audit;

namespace {

constexpr const char* kAt = "2026-11-27T14:05:00.000Z";

Checkpoint unsignedCheckpoint() {
    Checkpoint checkpoint;
    checkpoint.treeSize = 5;
    checkpoint.root = leafHash("the fifth entry's tree");
    checkpoint.at = kAt;
    return checkpoint;
}

// A key of another algorithm, which the audit key loader must refuse.
std::string ecPrivatePem() {
    const std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"), &EVP_PKEY_free);
    const std::unique_ptr<BIO, decltype(&BIO_free_all)> bio(BIO_new(BIO_s_mem()), &BIO_free_all);
    PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

std::string ecPublicPem() {
    const std::string privatePem = ecPrivatePem();
    const std::unique_ptr<BIO, decltype(&BIO_free_all)> in(
        BIO_new_mem_buf(privatePem.data(), static_cast<int>(privatePem.size())), &BIO_free_all);
    const std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
    const std::unique_ptr<BIO, decltype(&BIO_free_all)> out(BIO_new(BIO_s_mem()), &BIO_free_all);
    PEM_write_bio_PUBKEY(out.get(), key.get());
    char* data = nullptr;
    const long size = BIO_get_mem_data(out.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

}  // namespace

class tst_Checkpoint : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void signedTextIsExact();
    void signAndVerify();
    void signingRefusesABadTime();
    void wrongKeyFails();
    void alteredCheckpointFails_data();
    void alteredCheckpointFails();
    void keyRoundTripsThroughPem();
    void foreignKeysRefused_data();
    void foreignKeysRefused();
    void lineIsExact();
    void lineRoundTrip();
    void malformedLinesNamed_data();
    void malformedLinesNamed();

private:
    std::optional<SigningKey> key_;
    std::string publicPem_;
};

void tst_Checkpoint::initTestCase() {
    key_.emplace(SigningKey::generate());
    publicPem_ = key_->publicPem();
}

void tst_Checkpoint::signedTextIsExact() {
    const Checkpoint checkpoint = unsignedCheckpoint();
    QCOMPARE(signedText(checkpoint), "kep.audit.checkpoint.v1\n5\n" + toHex(checkpoint.root) +
                                         "\n2026-11-27T14:05:00.000Z\n");
}

void tst_Checkpoint::signAndVerify() {
    Checkpoint checkpoint = unsignedCheckpoint();
    key_->signCheckpoint(checkpoint);
    QCOMPARE(checkpoint.signature.size(), std::size_t{64});
    QVERIFY(verifyCheckpoint(publicPem_, checkpoint));
    QVERIFY(verifySignature(publicPem_, signedText(checkpoint), checkpoint.signature));
    // Ed25519 is deterministic: the same text, the same signature.
    QVERIFY(key_->sign(signedText(checkpoint)) == checkpoint.signature);
    QVERIFY(QByteArray::fromStdString(publicPem_).startsWith("-----BEGIN PUBLIC KEY-----"));
}

void tst_Checkpoint::signingRefusesABadTime() {
    Checkpoint checkpoint = unsignedCheckpoint();
    checkpoint.at = "2026-11-27 14:05:00";
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, key_->signCheckpoint(checkpoint));
    QVERIFY(checkpoint.signature.empty());
}

void tst_Checkpoint::wrongKeyFails() {
    Checkpoint checkpoint = unsignedCheckpoint();
    key_->signCheckpoint(checkpoint);
    const SigningKey other = SigningKey::generate();
    QVERIFY(other.publicPem() != publicPem_);
    QVERIFY(!verifyCheckpoint(other.publicPem(), checkpoint));
}

void tst_Checkpoint::alteredCheckpointFails_data() {
    QTest::addColumn<QString>("change");
    QTest::newRow("size + 1") << "size+1";
    QTest::newRow("size - 1") << "size-1";
    QTest::newRow("size 0") << "size0";
    QTest::newRow("root first bit") << "root0";
    QTest::newRow("root last bit") << "root255";
    QTest::newRow("time one ms later") << "time";
    QTest::newRow("signature first bit") << "sig0";
    QTest::newRow("signature last bit") << "sig511";
    QTest::newRow("signature 63 bytes") << "sig63";
    QTest::newRow("signature 65 bytes") << "sig65";
    QTest::newRow("no signature") << "sigNone";
}

void tst_Checkpoint::alteredCheckpointFails() {
    QFETCH(QString, change);
    Checkpoint checkpoint = unsignedCheckpoint();
    key_->signCheckpoint(checkpoint);
    QVERIFY(verifyCheckpoint(publicPem_, checkpoint));
    if (change == "size+1") {
        ++checkpoint.treeSize;
    } else if (change == "size-1") {
        --checkpoint.treeSize;
    } else if (change == "size0") {
        checkpoint.treeSize = 0;
    } else if (change == "root0") {
        checkpoint.root[0] ^= 0x80U;
    } else if (change == "root255") {
        checkpoint.root[31] ^= 0x01U;
    } else if (change == "time") {
        checkpoint.at = "2026-11-27T14:05:00.001Z";
    } else if (change == "sig0") {
        checkpoint.signature[0] ^= 0x80U;
    } else if (change == "sig511") {
        checkpoint.signature[63] ^= 0x01U;
    } else if (change == "sig63") {
        checkpoint.signature.pop_back();
    } else if (change == "sig65") {
        checkpoint.signature.push_back(0);
    } else if (change == "sigNone") {
        checkpoint.signature.clear();
    } else {
        QFAIL("unknown change");
    }
    QVERIFY(!verifyCheckpoint(publicPem_, checkpoint));
}

void tst_Checkpoint::keyRoundTripsThroughPem() {
    const std::string pem = key_->privatePem();
    QVERIFY(QByteArray::fromStdString(pem).startsWith("-----BEGIN PRIVATE KEY-----"));
    const SigningKey loaded = SigningKey::fromPrivatePem(pem);
    QCOMPARE(loaded.publicPem(), publicPem_);
    QCOMPARE(loaded.privatePem(), pem);
    const std::string text = signedText(unsignedCheckpoint());
    QVERIFY(loaded.sign(text) == key_->sign(text));
    // Moved-from and moved-to keys: the key travels, the signature stays the same.
    SigningKey moved = SigningKey::fromPrivatePem(pem);
    SigningKey target = SigningKey::generate();
    target = std::move(moved);
    QVERIFY(target.sign(text) == key_->sign(text));
}

void tst_Checkpoint::foreignKeysRefused_data() {
    QTest::addColumn<QByteArray>("pem");
    QTest::addColumn<bool>("asPrivate");
    const std::string privatePem = key_->privatePem();
    QTest::newRow("empty private") << QByteArray() << true;
    QTest::newRow("garbage private") << QByteArray("not a key") << true;
    QTest::newRow("cut private") << QByteArray::fromStdString(
                                        privatePem.substr(0, privatePem.size() / 2))
                                 << true;
    QTest::newRow("public as private") << QByteArray::fromStdString(publicPem_) << true;
    QTest::newRow("EC private") << QByteArray::fromStdString(ecPrivatePem()) << true;
    QTest::newRow("empty public") << QByteArray() << false;
    QTest::newRow("garbage public") << QByteArray("-----BEGIN PUBLIC KEY-----\nAAAA\n") << false;
    QTest::newRow("private as public") << QByteArray::fromStdString(privatePem) << false;
    QTest::newRow("EC public") << QByteArray::fromStdString(ecPublicPem()) << false;
}

void tst_Checkpoint::foreignKeysRefused() {
    QFETCH(QByteArray, pem);
    QFETCH(bool, asPrivate);
    const std::string text = pem.toStdString();
    if (asPrivate) {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SigningKey::fromPrivatePem(text));
    } else {
        Checkpoint checkpoint = unsignedCheckpoint();
        key_->signCheckpoint(checkpoint);
        QVERIFY(!verifyCheckpoint(text, checkpoint));
    }
}

void tst_Checkpoint::lineIsExact() {
    Checkpoint checkpoint = unsignedCheckpoint();
    checkpoint.treeSize = 1234;
    for (std::uint8_t i = 0; i < 64; ++i) {
        checkpoint.signature.push_back(i);
    }
    // Unpadded standard base64 of the bytes 0x00..0x3f (Python: base64.b64encode, '=' dropped).
    QCOMPARE(
        toLine(checkpoint),
        "1234 " + toHex(checkpoint.root) +
            " 2026-11-27T14:05:00.000Z "
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+"
            "Pw");
}

void tst_Checkpoint::lineRoundTrip() {
    Checkpoint checkpoint = unsignedCheckpoint();
    key_->signCheckpoint(checkpoint);
    const std::string line = toLine(checkpoint);
    QVERIFY(line.find('\n') == std::string::npos);
    const Checkpoint back = checkpointFromLine(line);
    QVERIFY(back == checkpoint);
    QVERIFY(verifyCheckpoint(publicPem_, back));
    QCOMPARE(toLine(back), line);
    Checkpoint huge = checkpoint;
    huge.treeSize = UINT64_MAX;
    QVERIFY(checkpointFromLine(toLine(huge)) == huge);
}

void tst_Checkpoint::malformedLinesNamed_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("named");
    Checkpoint checkpoint = unsignedCheckpoint();
    key_->signCheckpoint(checkpoint);
    const QString root = QString::fromStdString(toHex(checkpoint.root));
    const QString signature = QString::fromStdString(toLine(checkpoint)).section(' ', 3);
    const QString tail = " " + root + " " + kAt + " " + signature;
    QTest::newRow("empty") << QString() << "four parts";
    QTest::newRow("three parts") << "5 " + root + " " + kAt << "four parts";
    QTest::newRow("five parts") << "5" + tail + " extra"
                                << "more than four";
    QTest::newRow("double space") << "5 " + tail << "more than four";
    QTest::newRow("tab") << "5\t" + root + " " + kAt + " " + signature << "four parts";
    QTest::newRow("newline kept") << "5" + tail + "\n"
                                  << "signature";
    QTest::newRow("leading zero") << "05" + tail << "tree size";
    QTest::newRow("sign") << "+5" + tail << "tree size";
    QTest::newRow("negative") << "-5" + tail << "tree size";
    QTest::newRow("letters") << "five" + tail << "tree size";
    QTest::newRow("2^64") << "18446744073709551616" + tail << "tree size";
    QTest::newRow("root uppercase")
        << "5 " + root.toUpper() + " " + kAt + " " + signature << "root";
    QTest::newRow("root short") << "5 " + root.left(63) + " " + kAt + " " + signature << "root";
    QTest::newRow("root not hex") << "5 " + root.left(63) + "g " + kAt + " " + signature << "root";
    QTest::newRow("time to the second")
        << "5 " + root + " 2026-11-27T14:05:00Z " + signature << "time";
    QTest::newRow("time 31 November")
        << "5 " + root + " 2026-11-31T14:05:00.000Z " + signature << "time";
    QTest::newRow("signature padded") << "5" + tail + "=="
                                      << "signature";
    QTest::newRow("signature short")
        << "5 " + root + " " + kAt + " " + signature.left(84) << "signature";
    QTest::newRow("signature long") << "5" + tail + "AA"
                                    << "signature";
    QTest::newRow("signature url alphabet")
        << "5 " + root + " " + kAt + " " + QString(signature).replace('+', '-').replace('/', '_')
        << "signature";
}

void tst_Checkpoint::malformedLinesNamed() {
    QFETCH(QString, line);
    QFETCH(QString, named);
    try {
        checkpointFromLine(line.toStdString());
        QFAIL("parsed");
    } catch (const std::invalid_argument& error) {
        QVERIFY2(QString(error.what()).contains(named), error.what());
    }
}

QTEST_APPLESS_MAIN(tst_Checkpoint)
#include "tst_checkpoint.moc"
