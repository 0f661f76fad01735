// Training mode's sandbox (issue 11): it lives in its own folder and never in the data folder,
// seeding it twice changes nothing, a reset brings the seed back, its protocol numbers are the
// training office's, its accounts sign in a month later, and its transport reaches no server.
#include "../../support/ManualClock.h"
#include "Workstation.h"
#include "cases/ProtocolLeaseStore.h"
#include "catalogue/CatalogueStore.h"
#include "storage/OfflineVerifierStore.h"
#include "training/TrainingDataSet.h"
#include "training/TrainingRestart.h"
#include "training/TrainingSandbox.h"
#include "training/TrainingTransport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace kep::desk;
using namespace kep::desk::training;
using kep::desk::test::ManualClock;

namespace {

// A small, valid data set with its own MITOS stand-in: one procedure, Greek only.
const QByteArray kValidJson = R"({"format":1,
  "office":{"code":"TRAINING","nameEl":"ΚΕΠ Εκπαίδευσης","nameEn":"Training KEP"},
  "protocolNumbers":{"first":1,"last":500},
  "accounts":[{"id":"u1","username":"training.clerk","password":"p","role":"clerk"}],
  "procedures":["900005"],
  "citizens":[{"afm":"787789328","surnameEl":"Παπαδοπούλου","givenNameEl":"Ελένη"}]})";

QByteArray mitosStandIn(const QString& id, const QString& language) {
    if (language != QLatin1String("el")) {
        return {};
    }
    return QStringLiteral(R"({"success":true,"data":{"id":"%1","title":{"el":"Πιστοποιητικό",)"
                          R"("en":"Certificate"},"metadata":{"process":{}}}})")
        .arg(id)
        .toUtf8();
}

int year(const ManualClock& clock) {
    return clock.now().date().year();
}

}  // namespace

class tst_TrainingSandbox : public QObject {
    Q_OBJECT

private:
    TrainingDataSet shipped() {
        QString error;
        auto data = TrainingDataSet::shipped(&error);
        if (!data) {
            qFatal("%s", qPrintable(error));
        }
        return *data;
    }

private slots:
    void theShippedDataSetIsComplete() {
        QString error;
        const auto data = TrainingDataSet::shipped(&error);
        QVERIFY2(data, qPrintable(error));
        QCOMPARE(data->officeCode, QStringLiteral("TRAINING"));
        QCOMPARE(data->catalogue.changes.size(), std::size_t(8));
        for (const auto& change : data->catalogue.changes) {
            QVERIFY(change.record.has_value());
            QVERIFY(!change.record->procedure.evidences.empty());  // documents to tick
            QVERIFY(change.record->kep.requiresApproval);          // a manager approves
        }
        QVERIFY(data->account(QStringLiteral("training.clerk")));
        QCOMPARE(data->account(QStringLiteral("training.manager"))->role,
                 QStringLiteral("manager"));
        QVERIFY(data->citizens.size() >= 3);
    }

    void aFaultyDataSetIsRefused_data() {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("named");
        QTest::newRow("check digit") << QByteArray("787789328") << QByteArray("787789327") << "ΑΦΜ";
        QTest::newRow("role") << QByteArray("\"clerk\"") << QByteArray("\"central_admin\"")
                              << "role";
        QTest::newRow("office") << QByteArray("\"TRAINING\"") << QByteArray("\"TRN-1\"")
                                << "office code";
        QTest::newRow("password") << QByteArray("\"password\":\"p\"")
                                  << QByteArray("\"password\":\"\"") << "password";
        QTest::newRow("range") << QByteArray("\"last\":500") << QByteArray("\"last\":0") << "range";
        QTest::newRow("procedure") << QByteArray("900005") << QByteArray("999999") << "999999";
    }
    void aFaultyDataSetIsRefused() {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, named);
        QString error;
        QVERIFY2(TrainingDataSet::fromJson(kValidJson, mitosStandIn, &error), qPrintable(error));
        const auto mitos = [](const QString& id, const QString& language) {
            return id == QLatin1String("999999") ? QByteArray() : mitosStandIn(id, language);
        };
        QByteArray faulty = kValidJson;
        faulty.replace(from, to);
        QVERIFY(!TrainingDataSet::fromJson(faulty, mitos, &error));
        QVERIFY2(error.contains(named), qPrintable(error));
    }

    void theSandboxIsItsOwnFolder() {
        QTemporaryDir data;
        const QString sandbox = TrainingSandbox::folderIn(data.path());
        QCOMPARE(QDir(sandbox).dirName(), QStringLiteral("training"));
        ManualClock clock;
        QString error;
        auto workstation = TrainingSandbox::open(sandbox, shipped(), clock, false, &error);
        QVERIFY2(workstation, qPrintable(error));
        QVERIFY(QFile::exists(QDir(sandbox).filePath("desk.db")));
        // Nothing of the production desk: no desk.db, key or certificate beside the sandbox.
        QCOMPARE(QDir(data.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{"training"});
        QVERIFY(!workstation->credential().isEnrolled());
    }

    void seedingTwiceChangesNothing() {
        QTemporaryDir data;
        const QString sandbox = TrainingSandbox::folderIn(data.path());
        ManualClock clock;
        QString error;
        const auto dataSet = shipped();
        {
            auto first = TrainingSandbox::open(sandbox, dataSet, clock, false, &error);
            QVERIFY2(first, qPrintable(error));
            QCOMPARE(catalogue::CatalogueStore(first->database()).count(), std::size_t(8));
            QCOMPARE(first->verifiers().count(), 2);
            // A trainee's work: one number drawn.
            cases::ProtocolLeaseStore leases(first->database(), "TRAINING");
            auto lease = leases.load();
            QVERIFY(lease.draw(
                {std::chrono::year{year(clock)}, std::chrono::March, std::chrono::day{4}}));
            leases.save(lease);
        }
        auto again = TrainingSandbox::open(sandbox, dataSet, clock, false, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(catalogue::CatalogueStore(again->database()).count(), std::size_t(8));
        QCOMPARE(again->verifiers().count(), 2);
        const auto lease = cases::ProtocolLeaseStore(again->database(), "TRAINING").load();
        QCOMPARE(lease.remaining(year(clock)), quint64(dataSet.lastNumber - 1));  // work kept
    }

    void resetRestoresTheSeed() {
        QTemporaryDir data;
        const QString sandbox = TrainingSandbox::folderIn(data.path());
        ManualClock clock;
        QString error;
        const auto dataSet = shipped();
        {
            auto used = TrainingSandbox::open(sandbox, dataSet, clock, false, &error);
            QVERIFY2(used, qPrintable(error));
            cases::ProtocolLeaseStore leases(used->database(), "TRAINING");
            auto lease = leases.load();
            QVERIFY(lease.draw(
                {std::chrono::year{year(clock)}, std::chrono::March, std::chrono::day{4}}));
            leases.save(lease);
            UserSession stranger;
            stranger.userId = "u9";
            stranger.username = "someone.else";
            used->verifiers().remember(stranger, QStringLiteral("x"), clock.now());
            QFile receipt(QDir(sandbox).filePath("receipt-TRAINING-2030-1.pdf"));
            QVERIFY(receipt.open(QIODevice::WriteOnly));
        }
        auto reset = TrainingSandbox::open(sandbox, dataSet, clock, true, &error);
        QVERIFY2(reset, qPrintable(error));
        QCOMPARE(reset->verifiers().count(), 2);
        QVERIFY(!reset->verifiers().find("someone.else"));
        QCOMPARE(
            cases::ProtocolLeaseStore(reset->database(), "TRAINING").load().remaining(year(clock)),
            quint64(dataSet.lastNumber));
        QVERIFY(!QFile::exists(QDir(sandbox).filePath("receipt-TRAINING-2030-1.pdf")));
    }

    void aHalfSeededSandboxIsSeededAgain() {
        QTemporaryDir data;
        const QString sandbox = TrainingSandbox::folderIn(data.path());
        ManualClock clock;
        QString error;
        QVERIFY(TrainingSandbox::open(sandbox, shipped(), clock, false, &error));
        QVERIFY(QFile::remove(TrainingSandbox::seedMarkerFile(sandbox)));  // as after a crash
        auto again = TrainingSandbox::open(sandbox, shipped(), clock, false, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->verifiers().count(), 2);
        QVERIFY(QFile::exists(TrainingSandbox::seedMarkerFile(sandbox)));
    }

    void onlyATrainingFolderIsWiped() {
        QTemporaryDir data;
        QFile precious(data.filePath("desk.db"));
        QVERIFY(precious.open(QIODevice::WriteOnly));
        precious.write("production");
        precious.close();
        ManualClock clock;
        QString error;
        QVERIFY(!TrainingSandbox::open(data.path(), shipped(), clock, true, &error));
        QVERIFY(error.contains("not a training folder"));
        QVERIFY(QFile::exists(data.filePath("desk.db")));
    }

    void theProtocolNumbersAreTrainingOnes() {
        QTemporaryDir data;
        ManualClock clock;
        QString error;
        auto workstation = TrainingSandbox::open(TrainingSandbox::folderIn(data.path()), shipped(),
                                                 clock, false, &error);
        QVERIFY2(workstation, qPrintable(error));
        auto lease = cases::ProtocolLeaseStore(workstation->database(), "TRAINING").load();
        const auto number =
            lease.draw({std::chrono::year{year(clock)}, std::chrono::March, std::chrono::day{4}});
        QVERIFY(number);
        QCOMPARE(QString::fromStdString(number->toString()),
                 QStringLiteral("TRAINING/%1/1").arg(year(clock)));
    }

    void aSandboxKeptOverNewYearAndAMonthStillWorks() {
        QTemporaryDir data;
        const QString sandbox = TrainingSandbox::folderIn(data.path());
        ManualClock clock(QDateTime(QDate(2030, 12, 20), QTime(9, 0), QTimeZone::utc()));
        QString error;
        QVERIFY(TrainingSandbox::open(sandbox, shipped(), clock, false, &error));
        clock.advanceDays(40);  // 29 January 2031: past the 7-day offline window
        auto later = TrainingSandbox::open(sandbox, shipped(), clock, false, &error);
        QVERIFY2(later, qPrintable(error));
        const auto session = later->offlineSignIn().signIn("training.manager", "training-manager");
        QVERIFY(std::holds_alternative<UserSession>(session));
        QCOMPARE(std::get<UserSession>(session).officeCode, QStringLiteral("TRAINING"));
        QVERIFY(std::holds_alternative<OfflineRefusal>(
            later->offlineSignIn().signIn("training.manager", "wrong password")));
        QVERIFY(cases::ProtocolLeaseStore(later->database(), "TRAINING").load().remaining(2031) >
                0);
    }

    void theTransportReachesNoServer() {
        const auto transport = trainingTransport()();
        try {
            transport->send("GET", "/api/v1/health", {}, {});
            QFAIL("a request went through");
        } catch (const TransportError& e) {
            QVERIFY(QString::fromUtf8(e.what()).contains("training mode"));
        }
        QVERIFY_THROWS_EXCEPTION(
            TransportError, transport->sendContent("POST", "/x", "%PDF", "application/pdf", {}));
    }

    void theRestartKeepsTheCommandLine_data() {
        QTest::addColumn<QStringList>("current");
        QTest::addColumn<bool>("reset");
        QTest::addColumn<QStringList>("restarted");
        const QStringList server{"--server", "https://kep.example", "--ca", "ca.pem"};
        QTest::newRow("into training") << server << false << (server + QStringList{"--training"});
        QTest::newRow("reset") << (server + QStringList{"--training"}) << true
                               << (server + QStringList{"--training", "--reset-training"});
        QTest::newRow("reset once")
            << QStringList{"--reset-training"} << false << QStringList{"--training"};
    }
    void theRestartKeepsTheCommandLine() {
        QFETCH(QStringList, current);
        QFETCH(bool, reset);
        QFETCH(QStringList, restarted);
        QCOMPARE(trainingRestartArguments(current, reset), restarted);
    }
};

QTEST_GUILESS_MAIN(tst_TrainingSandbox)
#include "tst_trainingsandbox.moc"
