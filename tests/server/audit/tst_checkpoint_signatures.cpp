// CheckpointSignatures: with the key parsed once, the same answers as
// kep::audit::verifyCheckpoint for a good signature, a changed one, a changed checkpoint,
// another key and a PEM that is not a key.
#include "audit/CheckpointSignatures.h"

#include <QTest>

using kep::audit::Checkpoint;
using kep::audit::SigningKey;
using kep::server::audit::CheckpointSignatures;

class tst_CheckpointSignatures : public QObject {
    Q_OBJECT

private slots:
    void agreesWithVerifyCheckpoint_data() {
        QTest::addColumn<QString>("change");
        QTest::newRow("none") << "none";
        QTest::newRow("signature bit") << "signature";
        QTest::newRow("size") << "size";
        QTest::newRow("root") << "root";
        QTest::newRow("time") << "at";
        QTest::newRow("short signature") << "short";
        QTest::newRow("another key") << "key";
        QTest::newRow("not a key") << "pem";
    }
    void agreesWithVerifyCheckpoint() {
        QFETCH(QString, change);
        const auto key = SigningKey::generate();
        Checkpoint checkpoint{12, kep::audit::leafHash("x"), "2026-11-27T14:03:05.123Z", {}};
        key.signCheckpoint(checkpoint);
        auto pem = key.publicPem();
        if (change == "signature")
            checkpoint.signature[5] ^= 0x10;
        if (change == "size")
            checkpoint.treeSize = 13;
        if (change == "root")
            checkpoint.root[0] ^= 1;
        if (change == "at")
            checkpoint.at = "2026-11-27T14:03:05.124Z";
        if (change == "short")
            checkpoint.signature.pop_back();
        if (change == "key")
            pem = SigningKey::generate().publicPem();
        if (change == "pem")
            pem = "-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n";
        const bool expected = kep::audit::verifyCheckpoint(pem, checkpoint);
        QCOMPARE(expected, change == "none");
        QCOMPARE(CheckpointSignatures(pem).verify(checkpoint), expected);
    }
};

QTEST_APPLESS_MAIN(tst_CheckpointSignatures)
#include "tst_checkpoint_signatures.moc"
