// The scan dialog offscreen against SANE's `test` device: the remembered scanner, scanning with
// the keyboard alone, removing a page, attaching, and failures told in plain words.
#include "../../core/platform/SaneTestDevice.h"
#include "LanguageManager.h"
#include "cases/ScanDialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace kep::desk;
using namespace kep::desk::cases;
using kep::desk::ui::ScanDialog;

namespace {

template <typename W>
W* child(const QWidget& parent, const char* name) {
    return parent.findChild<W*>(QString::fromLatin1(name));
}

QString statusOf(const ScanDialog& dialog) {
    return child<QLabel>(dialog, "status")->text();
}

}  // namespace

class tst_ScanDialog : public QObject {
    Q_OBJECT

private:
    // Shows the dialog and waits for the worker thread's device list.
    static bool showAndList(ScanDialog& dialog) {
        dialog.show();
        if (!QTest::qWaitForWindowExposed(&dialog)) {
            return false;
        }
        auto* scan = child<QPushButton>(dialog, "scan");
        auto* status = child<QLabel>(dialog, "status");
        return QTest::qWaitFor(
            [&] { return scan->isEnabled() || status->text().contains(QLatin1String("No ")); },
            5000);
    }

private slots:
    void init() { QVERIFY(kep::test::writeSaneTestConfig(kep::test::saneConfigDir())); }

    void theRememberedScannerIsChosen_data() {
        QTest::addColumn<QString>("remembered");
        QTest::addColumn<QString>("chosen");
        QTest::newRow("remembered and present") << "test:1"
                                                << "test:1";
        QTest::newRow("remembered but gone") << "epson2:libusb:001:004"
                                             << "test:0";
        QTest::newRow("none yet") << ""
                                  << "test:0";
    }
    void theRememberedScannerIsChosen() {
        QFETCH(QString, remembered);
        QFETCH(QString, chosen);
        QTemporaryDir dir;
        ScanDialog dialog(dir.path(), remembered);
        QVERIFY(showAndList(dialog));
        QCOMPARE(child<QComboBox>(dialog, "scanner")->count(), 2);
        QCOMPARE(dialog.deviceName(), chosen);
        // Two machines of one model are told apart by name.
        QVERIFY(child<QComboBox>(dialog, "scanner")->currentText().contains(chosen));
    }

    void scanRemoveAndAttach_data() {
        QTest::addColumn<int>("pages");
        QTest::addColumn<bool>("removeOne");
        QTest::addColumn<int>("type");
        QTest::newRow("two pages, one removed: a PNG") << 2 << true << int(AttachmentType::Png);
        QTest::newRow("two pages: one PDF") << 2 << false << int(AttachmentType::Pdf);
    }
    void scanRemoveAndAttach() {
        QFETCH(int, pages);
        QFETCH(bool, removeOne);
        QFETCH(int, type);
        QTemporaryDir dir;
        ScanDialog dialog(dir.filePath(QStringLiteral("attachments")), QStringLiteral("test:1"));
        QVERIFY(showAndList(dialog));
        auto* list = child<QListWidget>(dialog, "scannedPages");
        child<QComboBox>(dialog, "resolution")->setCurrentIndex(0);  // 150 dpi
        child<QSpinBox>(dialog, "pagesToScan")->setValue(pages);
        QTest::mouseClick(child<QPushButton>(dialog, "scan"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), pages, 5000);
        QTRY_VERIFY(!dialog.isScanning());
        QCOMPARE(child<QProgressBar>(dialog, "scanProgress")->value(), 100);
        QVERIFY(child<QPushButton>(dialog, "attach")->isEnabled());
        const QSize thumbnail = list->item(0)->icon().availableSizes().value(0);
        QCOMPARE(thumbnail.height(), 128);
        if (removeOne) {
            list->setFocus();
            list->setCurrentRow(0);
            QTest::keyClick(list, Qt::Key_Delete);
            QCOMPARE(list->count(), pages - 1);
            QCOMPARE(dialog.pageCount(), pages - 1);
            QCOMPARE(list->item(0)->text(), QStringLiteral("Page 1"));
        }
        QTest::mouseClick(child<QPushButton>(dialog, "attach"), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.attachment());
        QCOMPARE(int(dialog.attachment()->type), type);
        QCOMPARE(dialog.deviceName(), QStringLiteral("test:1"));
        QFile stored(dialog.attachment()->storedPath);
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(
            QString::fromLatin1(
                QCryptographicHash::hash(stored.readAll(), QCryptographicHash::Sha256).toHex()),
            dialog.attachment()->sha256);
    }

    void keyboardAlone() {
        QTemporaryDir dir;
        ScanDialog dialog(dir.path(), QString());
        QVERIFY(showAndList(dialog));
        // The deliberate order: scanner, settings, scan, pages, attach.
        const QStringList expected{
            "scanner",  "refreshScanners", "resolution", "colour", "pagesToScan", "scan",
            "stopScan", "scannedPages",    "removePage", "attach", "close"};
        QStringList order;
        QWidget* w = child<QComboBox>(dialog, "scanner");
        for (int i = 0; i < expected.size(); ++i) {
            order << w->objectName();
            w = w->nextInFocusChain();
            while (w->focusPolicy() == Qt::NoFocus || w->objectName().isEmpty() ||
                   w->objectName().startsWith(QLatin1String("qt_"))) {
                w = w->nextInFocusChain();
            }
        }
        QCOMPARE(order, expected);
        // Enter scans first; once there is a page, Enter attaches.
        auto* pagesToScan = child<QSpinBox>(dialog, "pagesToScan");
        pagesToScan->setFocus();
        QTest::keyClick(pagesToScan, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.pageCount(), 1, 5000);
        QTRY_VERIFY(!dialog.isScanning());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.attachment()->type, AttachmentType::Png);
    }

    void everyControlHasAnAccessibleName() {
        QTemporaryDir dir;
        ScanDialog dialog(dir.path(), QString());
        for (QWidget* w : dialog.findChildren<QWidget*>()) {
            if (w->focusPolicy() != Qt::NoFocus &&
                !w->objectName().startsWith(QLatin1String("qt_")) && !w->objectName().isEmpty()) {
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
            }
        }
    }

    void speaksGreekAndSwitchesBack() {
        QTemporaryDir dir;
        ScanDialog dialog(dir.path(), QString());
        kep::desk::ui::LanguageManager languages;
        QVERIFY(languages.setLanguage(QStringLiteral("el")));
        QCoreApplication::processEvents();  // LanguageChange reaches widgets as posted events
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Σάρωση εγγράφου — KEP Desk"));
        QCOMPARE(child<QPushButton>(dialog, "scan")->text(), QStringLiteral("&Σάρωση"));
        QCOMPARE(ScanDialog::failureMessage(ScanFailure::PaperJam),
                 QStringLiteral("Το χαρτί μπλοκάρισε στον σαρωτή. Αφαιρέστε το χαρτί και σαρώστε "
                                "ξανά."));
        QVERIFY(languages.setLanguage(QStringLiteral("en")));
        QCoreApplication::processEvents();
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Scan a document — KEP Desk"));
    }

    void failuresInPlainWords_data() {
        QTest::addColumn<QStringList>("testOptions");
        QTest::addColumn<bool>("backends");
        QTest::addColumn<QString>("message");
        QTest::newRow("paper jam") << QStringList{"read-status-code \"SANE_STATUS_JAMMED\""} << true
                                   << ScanDialog::failureMessage(ScanFailure::PaperJam);
        QTest::newRow("no scanner") << QStringList{} << false << "No scanner found.";
    }
    void failuresInPlainWords() {
        QFETCH(QStringList, testOptions);
        QFETCH(bool, backends);
        QFETCH(QString, message);
        QVERIFY(
            kep::test::writeSaneTestConfig(kep::test::saneConfigDir(), testOptions, {}, backends));
        QTemporaryDir dir;
        ScanDialog dialog(dir.path(), QString());
        QVERIFY(showAndList(dialog));
        auto* scan = child<QPushButton>(dialog, "scan");
        if (scan->isEnabled()) {
            QTest::mouseClick(scan, Qt::LeftButton);
            QTRY_VERIFY(!dialog.isScanning());
        }
        QVERIFY2(statusOf(dialog).contains(message), qPrintable(statusOf(dialog)));
        QCOMPARE(dialog.pageCount(), 0);
        QVERIFY(!child<QPushButton>(dialog, "attach")->isEnabled());
        QVERIFY(!message.isEmpty());
    }

    void stopKeepsThePagesScannedBefore() {
        QVERIFY(kep::test::writeSaneTestConfig(kep::test::saneConfigDir(),
                                               {"read-limit true", "read-limit-size 4096",
                                                "read-delay true", "read-delay-duration 5000"}));
        QTemporaryDir dir;
        ScanDialog dialog(dir.path(), QString());
        QVERIFY(showAndList(dialog));
        child<QComboBox>(dialog, "resolution")->setCurrentIndex(0);
        child<QSpinBox>(dialog, "pagesToScan")->setValue(20);
        QTest::mouseClick(child<QPushButton>(dialog, "scan"), Qt::LeftButton);
        auto* stop = child<QPushButton>(dialog, "stopScan");
        QVERIFY(stop->isEnabled());
        QCOMPARE(QApplication::focusWidget(), stop);  // Space stops it, with no hunting
        QTRY_VERIFY_WITH_TIMEOUT(dialog.pageCount() >= 1, 5000);
        QTest::keyClick(stop, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isScanning(), 5000);
        QVERIFY(dialog.pageCount() >= 1 && dialog.pageCount() < 20);
        QVERIFY2(statusOf(dialog).startsWith(ScanDialog::failureMessage(ScanFailure::Cancelled)),
                 qPrintable(statusOf(dialog)));
        QVERIFY(child<QPushButton>(dialog, "attach")->isEnabled());
    }

    void closingWhileScanningStopsTheScanner() {
        QVERIFY(kep::test::writeSaneTestConfig(kep::test::saneConfigDir(),
                                               {"read-limit true", "read-limit-size 4096",
                                                "read-delay true", "read-delay-duration 5000"}));
        QTemporaryDir dir;
        QElapsedTimer clock;
        {
            ScanDialog dialog(dir.path(), QString());
            QVERIFY(showAndList(dialog));
            child<QSpinBox>(dialog, "pagesToScan")->setValue(50);
            QTest::mouseClick(child<QPushButton>(dialog, "scan"), Qt::LeftButton);
            QTest::qWait(50);
            QTest::keyClick(&dialog, Qt::Key_Escape);
            QCOMPARE(dialog.result(), int(QDialog::Rejected));
            QVERIFY(!dialog.attachment());
            clock.start();
        }
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    }
};

QTEST_MAIN(tst_ScanDialog)
#include "tst_scan_dialog.moc"
