// The Linux scanner against SANE's real `test` backend: devices, page geometry per resolution
// and colour, driver failures in plain categories, and a cancel that leaves the device usable.
#include "SaneTestDevice.h"
#include "platform/SaneScanner.h"

#include <QTest>

#include <memory>
#include <stop_token>

using namespace kep::desk;
using kep::test::saneTestPixels;

namespace {

// Slow enough to stop in the middle of a page: 4 KiB per read, 5 ms apart.
const QStringList kSlowReads{
    QStringLiteral("read-limit true"), QStringLiteral("read-limit-size 4096"),
    QStringLiteral("read-delay true"), QStringLiteral("read-delay-duration 5000")};

}  // namespace

class tst_SaneScanner : public QObject {
    Q_OBJECT

private:
    // libsane reads its configuration at sane_init, that is, when the scanner is made.
    std::unique_ptr<SaneScanner> scannerWith(const QStringList& testOptions = {}) {
        if (!kep::test::writeSaneTestConfig(kep::test::saneConfigDir(), testOptions)) {
            return nullptr;
        }
        return std::make_unique<SaneScanner>();
    }

private slots:
    void initTestCase() { QVERIFY2(!kep::test::saneConfigDir().isEmpty(), "SANE_CONFIG_DIR"); }

    void listsTheTestDevices() {
        auto scanner = scannerWith();
        QVERIFY(scanner);
        const QList<ScannerDevice> devices = scanner->devices();
        QStringList names;
        for (const ScannerDevice& d : devices) {
            names << d.name;
        }
        QCOMPARE(names, (QStringList{QStringLiteral("test:0"), QStringLiteral("test:1")}));
        QCOMPARE(devices.front().vendor, QStringLiteral("Noname"));
        QVERIFY(devices.front().label().startsWith(QStringLiteral("Noname ")));
    }

    void scansPagesOfTheExpectedSize_data() {
        QTest::addColumn<int>("dpi");
        QTest::addColumn<int>("colour");
        QTest::addColumn<int>("format");
        QTest::newRow("50 dpi grey")
            << 50 << int(ScanColour::Grey) << int(ScannedPage::Format::Grey8);
        QTest::newRow("75 dpi colour")
            << 75 << int(ScanColour::Colour) << int(ScannedPage::Format::Rgb888);
        QTest::newRow("150 dpi grey")
            << 150 << int(ScanColour::Grey) << int(ScannedPage::Format::Grey8);
    }
    void scansPagesOfTheExpectedSize() {
        QFETCH(int, dpi);
        QFETCH(int, colour);
        QFETCH(int, format);
        auto scanner = scannerWith();
        QCOMPARE(scanner->open(QStringLiteral("test:0")), ScanFailure::None);
        QCOMPARE(scanner->openDevice(), QStringLiteral("test:0"));
        QList<ScannedPage> pages;
        QList<int> finishedPages;  // pages that reported 100 %
        ScanCallbacks callbacks;
        callbacks.pageScanned = [&](int page, const ScannedPage& scanned) {
            QCOMPARE(page, pages.size());
            pages.append(scanned);
        };
        callbacks.progressed = [&](int page, int percent) {
            if (percent == 100) {
                finishedPages.append(page);
            }
        };
        const ScanOutcome outcome = scanner->scan(
            ScanRequest{2, dpi, static_cast<ScanColour>(colour)}, callbacks, std::stop_token{});
        QVERIFY(outcome.ok());
        QCOMPARE(outcome.pagesScanned, 2);
        QCOMPARE(pages.size(), 2);
        QCOMPARE(finishedPages, (QList<int>{0, 1}));
        for (const ScannedPage& page : pages) {
            QCOMPARE(page.width, saneTestPixels(40, dpi));
            QCOMPARE(page.height, saneTestPixels(50, dpi));
            QCOMPARE(page.resolutionDpi, dpi);
            QCOMPARE(int(page.format), format);
            QCOMPARE(page.pixels.size(), qsizetype{page.bytesPerLine()} * page.height);
        }
        // The colour pattern is not one flat value: the pixels are the device's, not filler.
        QVERIFY(pages.front().pixels.count(pages.front().pixels.front()) <
                pages.front().pixels.size());
    }

    void unknownDeviceIsNoScanner() {
        auto scanner = scannerWith();
        QCOMPARE(scanner->open(QStringLiteral("nosuchbackend:0")), ScanFailure::NoScanner);
        QVERIFY(scanner->openDevice().isEmpty());
        QCOMPARE(scanner->scan(ScanRequest{}, {}, {}).failure, ScanFailure::NoScanner);
    }

    void driverFailuresInPlainCategories_data() {
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("failure");
        QTest::newRow("jam") << "SANE_STATUS_JAMMED" << int(ScanFailure::PaperJam);
        QTest::newRow("cover") << "SANE_STATUS_COVER_OPEN" << int(ScanFailure::CoverOpen);
        QTest::newRow("feeder empty") << "SANE_STATUS_NO_DOCS" << int(ScanFailure::FeederEmpty);
        QTest::newRow("busy") << "SANE_STATUS_DEVICE_BUSY" << int(ScanFailure::ScannerBusy);
        QTest::newRow("denied") << "SANE_STATUS_ACCESS_DENIED" << int(ScanFailure::AccessDenied);
        QTest::newRow("i/o") << "SANE_STATUS_IO_ERROR" << int(ScanFailure::DeviceError);
    }
    void driverFailuresInPlainCategories() {
        QFETCH(QString, status);
        QFETCH(int, failure);
        auto scanner = scannerWith({QStringLiteral("read-status-code \"%1\"").arg(status)});
        QCOMPARE(scanner->open(QStringLiteral("test:0")), ScanFailure::None);
        int delivered = 0;
        ScanCallbacks callbacks;
        callbacks.pageScanned = [&](int, const ScannedPage&) { ++delivered; };
        const ScanOutcome outcome = scanner->scan(ScanRequest{2, 50}, callbacks, {});
        QCOMPARE(int(outcome.failure), failure);
        QCOMPARE(outcome.pagesScanned, 0);
        QCOMPARE(delivered, 0);
    }

    void cancelInTheMiddleOfAPageStopsCleanly() {
        auto scanner = scannerWith(kSlowReads);
        QCOMPARE(scanner->open(QStringLiteral("test:0")), ScanFailure::None);
        std::stop_source stop;
        int delivered = 0;
        int lastPercent = -1;
        int pageAtStop = -1;
        ScanCallbacks callbacks;
        callbacks.pageScanned = [&](int, const ScannedPage&) { ++delivered; };
        callbacks.progressed = [&](int page, int percent) {
            QVERIFY2(!stop.stop_requested(), "no progress after the stop");
            lastPercent = percent;
            if (page == 1 && percent >= 30) {
                pageAtStop = page;
                stop.request_stop();
            }
        };
        const ScanOutcome outcome = scanner->scan(ScanRequest{5, 150}, callbacks, stop.get_token());
        QCOMPARE(outcome.failure, ScanFailure::Cancelled);
        QCOMPARE(pageAtStop, 1);
        QCOMPARE(outcome.pagesScanned, 1);  // the first page whole, the second abandoned
        QCOMPARE(delivered, 1);
        QVERIFY(lastPercent < 100);

        // The device is usable again, on the same open handle.
        delivered = 0;
        callbacks.progressed = nullptr;
        const ScanOutcome again = scanner->scan(ScanRequest{1, 50}, callbacks, {});
        QVERIFY(again.ok());
        QCOMPARE(delivered, 1);
    }
};

QTEST_GUILESS_MAIN(tst_SaneScanner)
#include "tst_sanescanner.moc"
