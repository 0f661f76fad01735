// GET /api/v1/public/status against a real kep-server over TLS: the applicant's ΑΦΜ or passport
// number shows the status and the next step and nothing more; a wrong identifier and an unknown
// protocol number get the same bytes in about the same time; too many look-ups from one address
// are answered 429 with Retry-After.
#include "IntakeTestKit.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTest>
#include <QUrl>

#include <algorithm>

using kep::test::IdentityTestKit;
using kep::test::jsonOf;
using kep::test::ServerProcess;

namespace {

std::string statusTarget(const QString& protocol, const QString& id, const QString& lang = {}) {
    QString target =
        "/api/v1/public/status?protocol=" + QString::fromUtf8(QUrl::toPercentEncoding(protocol)) +
        "&id=" + QString::fromUtf8(QUrl::toPercentEncoding(id));
    if (!lang.isEmpty()) {
        target += "&lang=" + lang;
    }
    return target.toStdString();
}

// The headers that say anything about the answer: all but the per-request id.
std::vector<std::pair<std::string, std::string>> telling(const kep::net::Response& response) {
    std::vector<std::pair<std::string, std::string>> headers;
    for (const auto& [name, value] : response.headers) {
        if (QString::fromStdString(name).compare("X-Request-Id", Qt::CaseInsensitive) != 0) {
            headers.emplace_back(QString::fromStdString(name).toLower().toStdString(), value);
        }
    }
    std::sort(headers.begin(), headers.end());
    return headers;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

}  // namespace

class tst_PublicStatus : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;
    std::unique_ptr<IdentityTestKit> kit_;
    std::unique_ptr<kep::net::HttpsClient> client_;
    QString protocol_;  // a gov.gr application's
    QString afm_;
    QString euProtocol_;  // an EU-GO application's, by passport

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server_.start(true, {"--status-lookups-per-minute", "100000"}),
                 qPrintable(server_.errorString()));
        kit_ = std::make_unique<IdentityTestKit>(server_);
        QVERIFY2(kit_->loadDemo(), qPrintable(kit_->errorString()));
        client_ = kit_->anonymousClient();

        const auto govKey = kep::test::channelKey(*kit_, "govgr");
        QVERIFY(govKey);
        const auto application = kep::test::greekApplication("900007", 21);
        afm_ = application["citizen"].toObject()["afm"].toString();
        const auto filed = kep::test::fileApplication(*client_, *govKey, "status-1", application);
        QCOMPARE(filed.status, 201);
        protocol_ = jsonOf(filed)["protocol_number"].toString();

        const auto euKey = kep::test::channelKey(*kit_, "eugo");
        QVERIFY(euKey);
        auto euApplication = application;
        euApplication["citizen"] = QJsonObject{{"passport", "YB4455667"},
                                               {"nationality", "NL"},
                                               {"surname", "de Vries"},
                                               {"given_name", "Sanne"}};
        const auto euFiled =
            kep::test::fileApplication(*client_, *euKey, "status-2", euApplication);
        QCOMPARE(euFiled.status, 201);
        euProtocol_ = jsonOf(euFiled)["protocol_number"].toString();
    }

    void theApplicantSeesTheStatusAndTheNextStep_data() {
        QTest::addColumn<bool>("eu");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("nextStepWord");
        QTest::newRow("ΑΦΜ, Greek") << false << ""
                                    << ""
                                    << "ΚΕΠ";
        QTest::newRow("ΑΦΜ, English") << false << ""
                                      << "en"
                                      << "KEP";
        QTest::newRow("passport as printed, in groups") << true << "yb 445 5667"
                                                        << "en"
                                                        << "KEP";
    }
    void theApplicantSeesTheStatusAndTheNextStep() {
        QFETCH(bool, eu);
        QFETCH(QString, id);
        QFETCH(QString, lang);
        QFETCH(QString, nextStepWord);
        const auto response =
            client_->get(statusTarget(eu ? euProtocol_ : protocol_, eu ? id : afm_, lang));
        QCOMPARE(response.status, 200);
        const auto body = jsonOf(response);
        // The status and the next step, and nothing else: no names, no identifiers.
        QCOMPARE(body.keys(), (QStringList{"next_step", "status"}));
        QCOMPARE(body["status"].toString(), QStringLiteral("submitted"));
        QVERIFY(body["next_step"].toString().contains(nextStepWord));
        QCOMPARE(response.header("Cache-Control").value_or(""), std::string("no-store"));
    }

    // The protocol number as a citizen copies it from a receipt: zeros and spaces tolerated.
    void theProtocolNumberIsReadLikeAReceipt() {
        const auto parts = protocol_.split('/');
        const QString padded = " " + parts[0] + "/" + parts[1] + "/000" + parts[2] + " ";
        QCOMPARE(client_->get(statusTarget(padded, afm_)).status, 200);
    }

    void aWrongIdentifierIsAnUnknownNumber() {
        const QString otherAfm = QString::fromStdString(kep::domain::SyntheticTaxIds(99).afm());
        const auto parts = protocol_.split('/');
        const QString unknownNumber = parts[0] + "/" + parts[1] + "/987654";
        const auto wrongId = client_->get(statusTarget(protocol_, otherAfm));
        const auto unknown = client_->get(statusTarget(unknownNumber, afm_));
        const auto neither = client_->get(statusTarget(unknownNumber, otherAfm, "en"));
        const auto othersPassport = client_->get(statusTarget(protocol_, "YB4455667"));
        for (const auto* response : {&unknown, &neither, &othersPassport}) {
            QCOMPARE(response->status, wrongId.status);
            QCOMPARE(response->body, wrongId.body);
            QCOMPARE(telling(*response), telling(wrongId));
        }
        QCOMPARE(wrongId.status, 404);
        QCOMPARE(kep::test::errorCodeOf(wrongId), QStringLiteral("not_found"));
    }

    // Both paths do the same work: a look-up by number, a citizen record parsed, two digests
    // compared. Medians of alternated requests stay close (loopback noise aside).
    void aWrongIdentifierTakesAsLongAsAnUnknownNumber() {
        const QString otherAfm = QString::fromStdString(kep::domain::SyntheticTaxIds(98).afm());
        const auto parts = protocol_.split('/');
        const QString unknownNumber = parts[0] + "/" + parts[1] + "/987655";
        std::vector<double> wrongIdMs;
        std::vector<double> unknownMs;
        for (int i = 0; i < 30; ++i) {
            for (const bool wrong : {true, false}) {
                QElapsedTimer timer;
                timer.start();
                const auto response = client_->get(wrong ? statusTarget(protocol_, otherAfm)
                                                         : statusTarget(unknownNumber, afm_));
                const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
                QCOMPARE(response.status, 404);
                (wrong ? wrongIdMs : unknownMs).push_back(ms);
            }
        }
        const double a = median(wrongIdMs);
        const double b = median(unknownMs);
        qInfo("median wrong identifier %.2f ms, unknown number %.2f ms", a, b);
        QVERIFY2(std::abs(a - b) < std::max(2.0, 0.5 * std::max(a, b)),
                 qPrintable(QStringLiteral("%1 ms vs %2 ms").arg(a).arg(b)));
    }

    void malformedQueriesAreRefused_data() {
        QTest::addColumn<QString>("target");
        QTest::newRow("no protocol") << "/api/v1/public/status?id=123456789";
        QTest::newRow("no id") << "/api/v1/public/status?protocol=0101/2027/1";
        QTest::newRow("not a protocol number") << "/api/v1/public/status?protocol=abc&id=1";
        QTest::newRow("unknown language")
            << "/api/v1/public/status?protocol=0101/2027/1&id=123456789&lang=de";
    }
    void malformedQueriesAreRefused() {
        QFETCH(QString, target);
        const auto response = client_->get(target.toStdString());
        QCOMPARE(response.status, 400);
        QCOMPARE(kep::test::errorCodeOf(response), QStringLiteral("invalid_query"));
    }

    // A server of its own, with a limit of 5 a minute: the 6th look-up from one address waits.
    void tooManyLookUpsAreRefused() {
        ServerProcess limited;
        QVERIFY2(limited.start(false, {"--status-lookups-per-minute", "5"}),
                 qPrintable(limited.errorString()));
        IdentityTestKit kit(limited);
        auto client = kit.anonymousClient();
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(client->get(statusTarget("0101/2027/1", "123456789")).status, 404);
        }
        const auto refused = client->get(statusTarget("0101/2027/1", "123456789"));
        QCOMPARE(refused.status, 429);
        QCOMPARE(kep::test::errorCodeOf(refused), QStringLiteral("too_many_attempts"));
        const int retryAfter = std::stoi(refused.header("Retry-After").value_or("0"));
        QVERIFY(retryAfter >= 1 && retryAfter <= 60);
        // Malformed look-ups count too: the limit is checked before the query is read.
        QCOMPARE(client->get("/api/v1/public/status").status, 429);
    }
};

QTEST_GUILESS_MAIN(tst_PublicStatus)
#include "tst_public_status.moc"
