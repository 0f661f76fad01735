// The scanner on its worker thread: the scanner is made and used off the UI thread, results come
// back as signals on the session's thread, cancel and teardown stop a running scan promptly.
#include "SaneTestDevice.h"
#include "platform/SaneScanner.h"
#include "platform/ScannerSession.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace kep::desk;

namespace {

const QStringList kSlowReads{
    QStringLiteral("read-limit true"), QStringLiteral("read-limit-size 4096"),
    QStringLiteral("read-delay true"), QStringLiteral("read-delay-duration 5000")};

}  // namespace

class tst_ScannerSession : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(kep::test::writeSaneTestConfig(kep::test::saneConfigDir())); }

    void scannerLivesOnTheWorkerThread() {
        std::atomic<QThread*> madeOn{nullptr};
        QList<QThread*> signalledOn;
        {
            ScannerSession session([&]() -> std::unique_ptr<Scanner> {
                madeOn = QThread::currentThread();
                return std::make_unique<SaneScanner>();
            });
            connect(&session, &ScannerSession::devicesListed, this,
                    [&] { signalledOn << QThread::currentThread(); });
            connect(&session, &ScannerSession::pageScanned, this,
                    [&] { signalledOn << QThread::currentThread(); });
            QSignalSpy listed(&session, &ScannerSession::devicesListed);
            session.listDevices();
            QVERIFY(listed.wait(5000));
            const auto devices = listed.front().front().value<QList<ScannerDevice>>();
            QCOMPARE(devices.size(), 2);
            QSignalSpy finished(&session, &ScannerSession::scanFinished);
            session.scan(QStringLiteral("test:1"), ScanRequest{2, 50});
            QVERIFY(session.isScanning());
            QVERIFY(finished.wait(5000));
            QVERIFY(!session.isScanning());
            const auto outcome = finished.front().front().value<ScanOutcome>();
            QVERIFY(outcome.ok());
            QCOMPARE(outcome.pagesScanned, 2);
        }
        QVERIFY(madeOn.load() != nullptr);
        QVERIFY(madeOn.load() != QThread::currentThread());
        QCOMPARE(signalledOn.size(), 3);  // the list and two pages, all on this thread
        for (QThread* thread : signalledOn) {
            QCOMPARE(thread, QThread::currentThread());
        }
    }

    void cancelStopsTheRunningScan() {
        QVERIFY(kep::test::writeSaneTestConfig(kep::test::saneConfigDir(), kSlowReads));
        ScannerSession session([] { return std::make_unique<SaneScanner>(); });
        QSignalSpy pages(&session, &ScannerSession::pageScanned);
        QSignalSpy finished(&session, &ScannerSession::scanFinished);
        session.scan(QStringLiteral("test:0"), ScanRequest{10, 150});
        QVERIFY(pages.wait(5000));
        session.cancel();
        QVERIFY(finished.wait(5000));
        const auto outcome = finished.front().front().value<ScanOutcome>();
        QCOMPARE(outcome.failure, ScanFailure::Cancelled);
        QVERIFY(outcome.pagesScanned >= 1 && outcome.pagesScanned < 10);
        QCOMPARE(pages.size(), outcome.pagesScanned);
        // A second scan after the cancelled one runs to its end.
        finished.clear();
        session.scan(QStringLiteral("test:0"), ScanRequest{1, 50});
        QVERIFY(finished.wait(5000));
        QVERIFY(finished.front().front().value<ScanOutcome>().ok());
    }

    void closingDuringAScanDoesNotWaitForIt() {
        QVERIFY(kep::test::writeSaneTestConfig(kep::test::saneConfigDir(), kSlowReads));
        QElapsedTimer clock;
        {
            ScannerSession session([] { return std::make_unique<SaneScanner>(); });
            QSignalSpy progressed(&session, &ScannerSession::progressed);
            session.scan(QStringLiteral("test:0"), ScanRequest{20, 150});  // about 3 s of reads
            QVERIFY(progressed.wait(5000));
            clock.start();
        }
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    }

    void noScannerOnThisPlatform() {
        ScannerSession session([] { return std::unique_ptr<Scanner>(); });
        QSignalSpy listed(&session, &ScannerSession::devicesListed);
        session.listDevices();
        QVERIFY(listed.wait(5000));
        QVERIFY(listed.front().front().value<QList<ScannerDevice>>().isEmpty());
        QSignalSpy finished(&session, &ScannerSession::scanFinished);
        session.scan(QStringLiteral("test:0"), ScanRequest{});
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.front().front().value<ScanOutcome>().failure, ScanFailure::NoScanner);
    }

    void aSecondScanWhileScanningIsIgnored() {
        ScannerSession session([] { return std::make_unique<SaneScanner>(); });
        QSignalSpy finished(&session, &ScannerSession::scanFinished);
        session.scan(QStringLiteral("test:0"), ScanRequest{1, 50});
        session.scan(QStringLiteral("test:1"), ScanRequest{1, 50});
        QVERIFY(finished.wait(5000));
        QTest::qWait(200);
        QCOMPARE(finished.size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_ScannerSession)
#include "tst_scannersession.moc"
