// The attachment routes against a real kep-server over TLS (issue 6, must-have 5): a multi-chunk
// upload, resuming after a cut, de-duplication across offices, a corrupted chunk and a wrong type
// refused with 422 and nothing stored, bad input answered 400 naming the fault, and another
// office's upload in progress out of reach.
#include "IdentityTestKit.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

using kep::test::EnrolledWorkstation;
using kep::test::errorCodeOf;
using kep::test::IdentityTestKit;
using kep::test::jsonOf;
using kep::test::ServerProcess;

namespace {

constexpr int kChunk = 256 * 1024;

// A synthetic file of `size` bytes that starts as `type` says and differs for each seed.
QByteArray syntheticFile(int size, quint32 seed, const QByteArray& magic = "%PDF-1.7\n") {
    QByteArray bytes(size, '\0');
    QRandomGenerator random(seed);
    for (int i = 0; i < size; ++i) {
        bytes[i] = static_cast<char>(random.generate() & 0xff);
    }
    bytes.replace(0, magic.size(), magic);
    return bytes;
}

std::string shaOf(const QByteArray& bytes) {
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().toStdString();
}

QList<int> indexes(const QJsonObject& status, const char* key) {
    QList<int> result;
    for (const auto& value : status.value(key).toArray()) {
        result.append(value.toInt());
    }
    return result;
}

}  // namespace

class tst_AttachmentRoutes : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;
    std::unique_ptr<IdentityTestKit> kit_;
    EnrolledWorkstation deskA_;      // office 0101
    EnrolledWorkstation deskB_;      // office 0101
    EnrolledWorkstation deskThess_;  // office 0202
    std::unique_ptr<kep::net::HttpsClient> clientA_;
    std::unique_ptr<kep::net::HttpsClient> clientB_;
    std::unique_ptr<kep::net::HttpsClient> clientThess_;
    QByteArray uploaded_;  // the file of multiChunkUploadCompletes, for de-duplication

    kep::net::Response open(kep::net::HttpsClient& client, const std::string& sha, qint64 size,
                            const std::string& type = "application/pdf") {
        return client.request(
            "PUT", "/api/v1/attachments/" + sha + "?size=" + std::to_string(size) + "&type=" + type,
            {}, "application/octet-stream");
    }

    kep::net::Response putChunk(kep::net::HttpsClient& client, const std::string& sha, int index,
                                const QByteArray& bytes) {
        return client.request("PUT",
                              "/api/v1/attachments/" + sha + "/chunks/" + std::to_string(index),
                              bytes.toStdString(), "application/octet-stream");
    }

    // Sends every chunk of `file` in `order`; the last answer.
    kep::net::Response sendChunks(kep::net::HttpsClient& client, const QByteArray& file,
                                  const QList<int>& order) {
        kep::net::Response last;
        const auto sha = shaOf(file);
        for (const int index : order) {
            last = putChunk(client, sha, index, file.mid(index * kChunk, kChunk));
            if (last.status != 200) {
                break;
            }
        }
        return last;
    }

    QString storedPath(const std::string& sha, const char* extension = "pdf") const {
        return server_.dataDir() + "/attachments/" + QString::fromStdString(sha) + "." + extension;
    }

    // The partial uploads the server keeps (DIR/uploads/<n>): none once an upload ends.
    int uploadFolders() const {
        return int(QDir(server_.dataDir() + "/uploads")
                       .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                       .size());
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server_.start(true), qPrintable(server_.errorString()));
        kit_ = std::make_unique<IdentityTestKit>(server_);
        QVERIFY2(kit_->loadDemo(), qPrintable(kit_->errorString()));
        const auto a = kit_->enrolNew("0101");
        const auto b = kit_->enrolNew("0101");
        const auto thess = kit_->enrolNew("0202");
        QVERIFY2(a && b && thess, qPrintable(kit_->errorString()));
        deskA_ = *a;
        deskB_ = *b;
        deskThess_ = *thess;
        clientA_ = kit_->clientFor(deskA_);
        clientB_ = kit_->clientFor(deskB_);
        clientThess_ = kit_->clientFor(deskThess_);
    }

    // 3.5 chunks, sent out of order: complete only with the last, stored whole under its hash.
    void multiChunkUploadCompletes() {
        uploaded_ = syntheticFile(3 * kChunk + kChunk / 2, 1);
        const auto sha = shaOf(uploaded_);
        const auto opened = open(*clientA_, sha, uploaded_.size());
        QCOMPARE(opened.status, 200);
        const auto status = jsonOf(opened);
        QCOMPARE(status.value("chunkSize").toInt(), kChunk);
        QCOMPARE(status.value("chunkCount").toInt(), 4);
        QCOMPARE(status.value("complete").toBool(), false);
        QCOMPARE(indexes(status, "have"), QList<int>());
        QCOMPARE(indexes(status, "missing"), (QList<int>{0, 1, 2, 3}));

        for (const int index : {3, 1, 0}) {
            const auto answer =
                putChunk(*clientA_, sha, index, uploaded_.mid(index * kChunk, kChunk));
            QCOMPARE(answer.status, 200);
            QCOMPARE(jsonOf(answer).value("complete").toBool(), false);
        }
        QVERIFY(!QFileInfo::exists(storedPath(sha)));  // partial uploads are never served
        const auto last = putChunk(*clientA_, sha, 2, uploaded_.mid(2 * kChunk, kChunk));
        QCOMPARE(last.status, 200);
        QCOMPARE(jsonOf(last).value("complete").toBool(), true);
        QCOMPARE(indexes(jsonOf(last), "missing"), QList<int>());

        QFile stored(storedPath(sha));
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(stored.readAll(), uploaded_);
        QCOMPARE(uploadFolders(), 0);
        const auto asked = clientA_->get("/api/v1/attachments/" + sha);
        QCOMPARE(asked.status, 200);
        QCOMPARE(jsonOf(asked).value("complete").toBool(), true);
        // A chunk sent again after completion changes nothing.
        QCOMPARE(putChunk(*clientA_, sha, 0, uploaded_.left(kChunk)).status, 200);
    }

    // A cut after two chunks; a new connection (as a restarted desk) learns what is stored and
    // sends only the rest.
    void resumesAfterACut() {
        const auto file = syntheticFile(5 * kChunk, 2);
        const auto sha = shaOf(file);
        QCOMPARE(open(*clientA_, sha, file.size()).status, 200);
        QCOMPARE(sendChunks(*clientA_, file, {0, 1}).status, 200);
        clientA_->close();

        // Desk B of the same office resumes it: an office's desks share its uploads.
        const auto reopened = open(*clientB_, sha, file.size());
        QCOMPARE(reopened.status, 200);
        QCOMPARE(indexes(jsonOf(reopened), "have"), (QList<int>{0, 1}));
        const auto missing = indexes(jsonOf(reopened), "missing");
        QCOMPARE(missing, (QList<int>{2, 3, 4}));
        const auto last = sendChunks(*clientB_, file, missing);
        QCOMPARE(last.status, 200);
        QCOMPARE(jsonOf(last).value("complete").toBool(), true);
        QVERIFY(QFileInfo::exists(storedPath(sha)));
    }

    // Another office's desk declares content the server holds: complete at once, nothing to send.
    void deduplicatesAcrossOffices() {
        QVERIFY(!uploaded_.isEmpty());
        const auto opened = open(*clientThess_, shaOf(uploaded_), uploaded_.size());
        QCOMPARE(opened.status, 200);
        QCOMPARE(jsonOf(opened).value("complete").toBool(), true);
        QCOMPARE(indexes(jsonOf(opened), "missing"), QList<int>());
        // Declaring the same hash with another size is refused: the content is known.
        const auto lie = open(*clientThess_, shaOf(uploaded_), uploaded_.size() - 1);
        QCOMPARE(lie.status, 409);
        QCOMPARE(errorCodeOf(lie), QStringLiteral("declaration_conflict"));
    }

    void mismatchIsRefusedAndNothingStored_data() {
        QTest::addColumn<QByteArray>("magic");
        QTest::addColumn<QString>("declaredType");
        QTest::addColumn<bool>("corruptChunk");
        QTest::addColumn<QString>("code");
        QTest::newRow("corrupted chunk")
            << QByteArray("%PDF-1.4\n") << "application/pdf" << true << "sha256_mismatch";
        QTest::newRow("PDF declared as PNG")
            << QByteArray("%PDF-1.4\n") << "image/png" << false << "type_mismatch";
        QTest::newRow("PNG declared as JPEG")
            << QByteArray::fromHex("89504e470d0a1a0a") << "image/jpeg" << false << "type_mismatch";
    }

    void mismatchIsRefusedAndNothingStored() {
        QFETCH(QByteArray, magic);
        QFETCH(QString, declaredType);
        QFETCH(bool, corruptChunk);
        QFETCH(QString, code);
        static quint32 seed = 100;
        const auto file = syntheticFile(2 * kChunk + 10, ++seed, magic);
        const auto sha = shaOf(file);
        QCOMPARE(open(*clientA_, sha, file.size(), declaredType.toStdString()).status, 200);
        QCOMPARE(putChunk(*clientA_, sha, 0, file.left(kChunk)).status, 200);
        auto second = file.mid(kChunk, kChunk);
        if (corruptChunk) {
            second[100] = static_cast<char>(second[100] ^ 0x01);
        }
        QCOMPARE(putChunk(*clientA_, sha, 1, second).status, 200);
        const auto last = putChunk(*clientA_, sha, 2, file.mid(2 * kChunk));
        QCOMPARE(last.status, 422);
        QCOMPARE(errorCodeOf(last), code);

        for (const char* extension : {"pdf", "jpg", "png"}) {
            QVERIFY(!QFileInfo::exists(storedPath(sha, extension)));
        }
        QCOMPARE(uploadFolders(), 0);
        QCOMPARE(clientA_->get("/api/v1/attachments/" + sha).status, 404);
        // The discarded upload takes no more chunks: it must be opened again.
        QCOMPARE(errorCodeOf(putChunk(*clientA_, sha, 0, file.left(kChunk))),
                 QStringLiteral("no_upload"));
    }

    void badInputIsNamed_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QString sha = QString(64, 'a');
        const QString open = "/api/v1/attachments/" + sha;
        const QByteArray kb(1024, 'x');
        QTest::newRow("uppercase hash")
            << "PUT"
            << "/api/v1/attachments/" + QString(64, 'A') + "?size=10&type=application/pdf"
            << QByteArray() << "" << 400 << "invalid_sha256";
        QTest::newRow("short hash")
            << "GET"
            << "/api/v1/attachments/abc" << QByteArray() << "" << 400 << "invalid_sha256";
        QTest::newRow("no size") << "PUT" << open + "?type=application/pdf" << QByteArray() << ""
                                 << 400 << "invalid_query";
        QTest::newRow("size 0") << "PUT" << open + "?size=0&type=application/pdf" << QByteArray()
                                << "" << 400 << "invalid_query";
        QTest::newRow("size over 20 MiB") << "PUT" << open + "?size=20971521&type=application/pdf"
                                          << QByteArray() << "" << 400 << "invalid_query";
        QTest::newRow("size not a number") << "PUT" << open + "?size=1e3&type=application/pdf"
                                           << QByteArray() << "" << 400 << "invalid_query";
        QTest::newRow("type not accepted") << "PUT" << open + "?size=10&type=text/html"
                                           << QByteArray() << "" << 400 << "invalid_query";
        QTest::newRow("no type") << "PUT" << open + "?size=10" << QByteArray() << "" << 400
                                 << "invalid_query";
        QTest::newRow("negative index")
            << "PUT" << open + "/chunks/-1" << kb << "application/octet-stream" << 400
            << "invalid_chunk_index";
        QTest::newRow("index not a number")
            << "PUT" << open + "/chunks/x" << kb << "application/octet-stream" << 400
            << "invalid_chunk_index";
        QTest::newRow("index beyond any file")
            << "PUT" << open + "/chunks/80" << kb << "application/octet-stream" << 400
            << "invalid_chunk_index";
        QTest::newRow("chunk as JSON") << "PUT" << open + "/chunks/0" << QByteArray("{}")
                                       << "application/json" << 415 << "unsupported_media_type";
        QTest::newRow("chunk before open") << "PUT" << open + "/chunks/0" << kb
                                           << "application/octet-stream" << 404 << "no_upload";
        QTest::newRow("status of unknown content")
            << "GET" << open << QByteArray() << "" << 404 << "no_upload";
    }

    void badInputIsNamed() {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, contentType);
        QFETCH(int, status);
        QFETCH(QString, code);
        const auto answer = clientA_->request(method.toStdString(), path.toStdString(),
                                              body.toStdString(), contentType.toStdString());
        QCOMPARE(answer.status, status);
        QCOMPARE(errorCodeOf(answer), code);
        QVERIFY(!jsonOf(answer).value("error").toObject().value("message").toString().isEmpty());
    }

    // Chunk lengths and indexes are checked against the open upload's declaration.
    void chunksMustFitTheDeclaration() {
        const auto file = syntheticFile(kChunk + 5, 7);
        const auto sha = shaOf(file);
        QCOMPARE(open(*clientA_, sha, file.size()).status, 200);
        const auto shortChunk = putChunk(*clientA_, sha, 0, file.left(kChunk - 1));
        QCOMPARE(shortChunk.status, 400);
        QCOMPARE(errorCodeOf(shortChunk), QStringLiteral("invalid_chunk_length"));
        const auto longLast = putChunk(*clientA_, sha, 1, file.mid(kChunk) + "x");
        QCOMPARE(errorCodeOf(longLast), QStringLiteral("invalid_chunk_length"));
        const auto beyond = putChunk(*clientA_, sha, 2, file.left(5));
        QCOMPARE(beyond.status, 400);
        QCOMPARE(errorCodeOf(beyond), QStringLiteral("invalid_chunk_index"));
    }

    // Content is shared by hash once complete; an upload in progress is its office's alone.
    void anotherOfficesUploadIsOutOfReach() {
        const int openBefore = uploadFolders();  // chunksMustFitTheDeclaration's stays open
        const auto file = syntheticFile(2 * kChunk, 8);
        const auto sha = shaOf(file);
        QCOMPARE(open(*clientA_, sha, file.size()).status, 200);
        QCOMPARE(putChunk(*clientA_, sha, 0, file.left(kChunk)).status, 200);

        const auto sameOffice = clientB_->get("/api/v1/attachments/" + sha);
        QCOMPARE(sameOffice.status, 200);
        QCOMPARE(indexes(jsonOf(sameOffice), "have"), QList<int>{0});
        QCOMPARE(clientThess_->get("/api/v1/attachments/" + sha).status, 404);
        QCOMPARE(errorCodeOf(putChunk(*clientThess_, sha, 1, file.mid(kChunk))),
                 QStringLiteral("no_upload"));
        // Thessaloniki's own upload of the same content starts empty; when office 0101's
        // completes first, Thessaloniki's next chunk is answered complete.
        const auto theirs = open(*clientThess_, sha, file.size());
        QCOMPARE(indexes(jsonOf(theirs), "have"), QList<int>());
        QCOMPARE(jsonOf(putChunk(*clientA_, sha, 1, file.mid(kChunk))).value("complete").toBool(),
                 true);
        const auto after = putChunk(*clientThess_, sha, 0, file.left(kChunk));
        QCOMPARE(after.status, 200);
        QCOMPARE(jsonOf(after).value("complete").toBool(), true);
        QCOMPARE(uploadFolders(), openBefore);  // both offices' uploads are gone
    }

    void needsAWorkstationCertificate() {
        const auto anonymous = kit_->anonymousClient();
        const auto answer = anonymous->get("/api/v1/attachments/" + std::string(64, 'a'));
        QCOMPARE(answer.status, 401);
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_AttachmentRoutes)
#include "tst_attachment_routes.moc"
