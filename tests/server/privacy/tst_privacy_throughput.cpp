// Measurements for docs/privacy.md (label slow): how fast the retention rule purges 10,000
// closed cases (`kep-server retention run`, its own timing), and how long the Art. 15 export of
// one citizen with 50 cases takes over HTTPS, as JSON and as PDF. On SQLite, and on PostgreSQL
// (tst_privacy_throughput_pg).
#include "PrivacyServer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using kep::test::PrivacyTestKit;
using kep::test::ServerProcess;
using kep::test::SyntheticCitizen;

namespace {

const SyntheticCitizen kMany{"135790242", "15038543219", "ΔΟΚΙΜΟΠΟΥΛΟΣ", "DOKIMOPOULOS"};
const SyntheticCitizen kFrequent{"246801350", "02079176547", "ΠΑΡΑΔΕΙΓΜΑΤΙΔΗ", "PARADEIGMATIDI"};
constexpr int kClosedCases = 10'000;
constexpr int kExportCases = 50;

}  // namespace

class tst_PrivacyThroughput : public QObject {
    Q_OBJECT

private:
    kep::test::PrivacyServer privacyServer_;
    ServerProcess& server_ = privacyServer_.process;
    std::unique_ptr<kep::test::SyncTestKit> sync_;
    std::optional<kep::test::SyncDesk> desk_;
    std::unique_ptr<PrivacyTestKit> files_;

private slots:
    void initTestCase() {
        QVERIFY2(privacyServer_.start(), qPrintable(server_.errorString()));
        sync_ = std::make_unique<kep::test::SyncTestKit>(server_);
        QVERIFY2(sync_->setUp(), qPrintable(sync_->errorString()));
        desk_ = sync_->enrolDesk("0101");
        QVERIFY(desk_);
        const auto clerk = sync_->actor(*desk_, "clerk");
        QVERIFY(clerk);
        files_ = std::make_unique<PrivacyTestKit>(*sync_, *desk_, *clerk);
    }

    void purgeThroughput() {
        auto cases = files_->fileMany(kMany, "test-procedure", kClosedCases);
        QVERIFY2(cases.size() == kClosedCases, qPrintable(files_->errorString()));
        QVERIFY2(files_->withdrawAll(cases), qPrintable(files_->errorString()));
        const auto later =
            QDateTime::currentDateTimeUtc().addYears(6).toString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        QCOMPARE(sync_->identity().command({"retention", "run", "--now", later}, {}), 0);
        const auto report = QJsonDocument::fromJson(server_.lastOutput()).object();
        QCOMPARE(report["purged"].toInt(), kClosedCases);
        const double seconds = report["seconds"].toDouble();
        qInfo("purged %d closed cases in %.2f s: %.0f cases/s (%s)", kClosedCases, seconds,
              kClosedCases / seconds,
              privacyServer_.database->isPostgres() ? "PostgreSQL" : "SQLite");
        const auto holding = privacyServer_.holding(kMany);
        QVERIFY2(holding.isEmpty(), qPrintable(holding.join(QStringLiteral("; "))));
    }

    void exportOfFiftyCases_data() {
        QTest::addColumn<QString>("format");
        QTest::newRow("json") << "json";
        QTest::newRow("pdf") << "pdf";
    }

    void exportOfFiftyCases() {
        QFETCH(QString, format);
        static bool filed = false;
        if (!filed) {
            QCOMPARE(static_cast<int>(
                         files_->fileMany(kFrequent, "test-procedure", kExportCases).size()),
                     kExportCases);
            filed = true;
        }
        auto& identity = sync_->identity();
        const auto token =
            identity.signIn(*desk_->client, "manager", identity.account("manager").password);
        QVERIFY(token);
        const auto request =
            QJsonDocument(
                QJsonObject{{"tax_id", QString::fromStdString(kFrequent.afm)}, {"format", format}})
                .toJson(QJsonDocument::Compact)
                .toStdString();
        QElapsedTimer timer;
        timer.start();
        const auto answer = desk_->client->request("POST", "/api/v1/privacy/export", request,
                                                   "application/json", kep::test::bearer(*token));
        const auto ms = timer.elapsed();
        QCOMPARE(answer.status, 200);
        if (format == "json") {
            QCOMPARE(kep::test::jsonOf(answer)["cases"].toArray().size(), kExportCases);
        }
        qInfo("export of one citizen with %d cases as %s: %lld ms, %zu bytes", kExportCases,
              qPrintable(format), static_cast<long long>(ms), answer.body.size());
    }

    void cleanupTestCase() { server_.stop(); }
};

QTEST_GUILESS_MAIN(tst_PrivacyThroughput)
#include "tst_privacy_throughput.moc"
