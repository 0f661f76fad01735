// The real server's TLS as an outside scanner sees it (sslscan): Mozilla "intermediate" — only
// TLS 1.2 and 1.3, AEAD ciphers only, the intended key-exchange groups, an ECDSA P-256
// certificate, no compression, no insecure renegotiation.
#include "ServerProcess.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QXmlStreamReader>

using kep::test::ServerProcess;

namespace {

struct ScanResult {
    QStringList enabledProtocols;   // "tls1.2"
    QStringList disabledProtocols;  // "ssl2", "tls1.0"
    QStringList ciphers;            // "TLSv1.2 ECDHE-ECDSA-AES128-GCM-SHA256"
    QStringList groups;             // "secp256r1 (NIST P-256)"
    QString keyType;
    int keyStrength = 0;  // sslscan's "bits" of an EC key: its security strength (P-256: 128)
    QString curve;
    // sslscan built on an OpenSSL without zlib (Debian's) cannot probe compression and leaves
    // the element out; the server turns it off in any case (SSL_OP_NO_COMPRESSION).
    bool compressionProbed = false;
    bool compression = true;
    bool renegotiation = true;
    bool secureRenegotiation = false;
    bool heartbleed = false;
};

ScanResult parse(const QByteArray& xml, QString& error) {
    ScanResult result;
    bool sawRenegotiation = false;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement) {
            continue;
        }
        const auto a = reader.attributes();
        const auto name = reader.name();
        if (name == u"protocol") {
            const auto protocol = a.value("type").toString() + a.value("version").toString();
            (a.value("enabled") == u"1" ? result.enabledProtocols : result.disabledProtocols)
                << protocol;
        } else if (name == u"cipher") {
            result.ciphers << a.value("sslversion").toString() + " " + a.value("cipher").toString();
        } else if (name == u"group") {
            result.groups << a.value("name").toString();
        } else if (name == u"pk") {
            result.keyType = a.value("type").toString();
            result.keyStrength = a.value("bits").toInt();
            result.curve = a.value("curve_name").toString();
        } else if (name == u"compression") {
            result.compressionProbed = true;
            result.compression = a.value("supported") == u"1";
        } else if (name == u"renegotiation") {
            sawRenegotiation = true;
            result.renegotiation = a.value("supported") == u"1";
            result.secureRenegotiation = a.value("secure") == u"1";
        } else if (name == u"heartbleed") {
            result.heartbleed = result.heartbleed || a.value("vulnerable") == u"1";
        }
    }
    if (reader.hasError()) {
        error = QStringLiteral("sslscan's XML does not parse: ") + reader.errorString();
    } else if (!sawRenegotiation || result.keyType.isEmpty() || result.enabledProtocols.isEmpty()) {
        error = QStringLiteral("sslscan's XML lacks the protocols, renegotiation or the key");
    }
    return result;
}

}  // namespace

class tst_TlsScan : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;
    ScanResult scan_;

private slots:
    // Nothing is skipped: a machine without sslscan fails here, and says how to get it.
    void initTestCase() {
        const auto sslscan = QStandardPaths::findExecutable(QStringLiteral("sslscan"));
        QVERIFY2(!sslscan.isEmpty(),
                 "sslscan is not installed: scripts/install-deps installs it (apt: sslscan)");
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server_.start(), qPrintable(server_.errorString()));

        QProcess scan;
        scan.start(sslscan, {QStringLiteral("--xml=-"), QStringLiteral("--no-colour"),
                             QStringLiteral("127.0.0.1:%1").arg(server_.port())});
        QVERIFY(scan.waitForFinished(120000));
        QCOMPARE(scan.exitCode(), 0);
        const auto output = scan.readAllStandardOutput();
        // Only the XML, in case a version prints a report before it.
        const auto xmlStart = output.indexOf("<?xml");
        QVERIFY2(xmlStart >= 0, output.constData());
        QString error;
        scan_ = parse(output.mid(xmlStart), error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        qInfo(
            "sslscan: enabled %s; disabled %s; %lld ciphers: %s; groups: %s; key %s %s "
            "(strength %d); compression %s, renegotiation %d (secure %d)",
            qPrintable(scan_.enabledProtocols.join(',')),
            qPrintable(scan_.disabledProtocols.join(',')),
            static_cast<long long>(scan_.ciphers.size()), qPrintable(scan_.ciphers.join(", ")),
            qPrintable(scan_.groups.join(", ")), qPrintable(scan_.keyType), qPrintable(scan_.curve),
            scan_.keyStrength,
            scan_.compressionProbed ? (scan_.compression ? "on" : "off") : "not probed",
            scan_.renegotiation, scan_.secureRenegotiation);
    }

    void onlyTls12AndTls13AreEnabled() {
        QCOMPARE(scan_.enabledProtocols, (QStringList{"tls1.2", "tls1.3"}));
        for (const auto* old : {"ssl2", "ssl3", "tls1.0", "tls1.1"}) {
            QVERIFY2(scan_.disabledProtocols.contains(old), old);
        }
    }

    void everyAcceptedCipherIsAead() {
        QVERIFY(!scan_.ciphers.isEmpty());
        for (const auto& cipher : scan_.ciphers) {
            const bool aead = cipher.contains("GCM") || cipher.contains("CHACHA20-POLY1305") ||
                              cipher.contains("CHACHA20_POLY1305");
            QVERIFY2(aead, qPrintable(cipher));
        }
    }

    void onlyTheIntendedGroups() {
        QVERIFY(!scan_.groups.isEmpty());
        for (const auto& group : scan_.groups) {
            const bool intended = group.startsWith("x25519") || group.startsWith("secp256r1") ||
                                  group.startsWith("prime256v1") || group.startsWith("secp384r1");
            QVERIFY2(intended, qPrintable(group));
        }
    }

    void certificateIsEcdsaP256() {
        QCOMPARE(scan_.keyType, QStringLiteral("EC"));
        QCOMPARE(scan_.keyStrength, 128);  // prime256v1: a 256-bit key
        QCOMPARE(scan_.curve, QStringLiteral("prime256v1"));
    }

    void noCompressionNoInsecureRenegotiationNoHeartbleed() {
        QVERIFY(!scan_.compressionProbed || !scan_.compression);
        QVERIFY(!scan_.renegotiation || scan_.secureRenegotiation);
        QVERIFY(!scan_.heartbleed);
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_TlsScan)
#include "tst_tls_scan.moc"
