// Switching language at run time retranslates the desk's menus and Qt's own buttons and edit
// menus (the project's qtbase_el), both ways, without a restart.
#include "LanguageManager.h"
#include "MainWindow.h"
#include "SyncStatus.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QtTest>

using namespace kep::desk;
using namespace kep::desk::ui;

class tst_LanguageManager : public QObject {
    Q_OBJECT

    // Built once, before the switches: what is tested is retranslation, not construction.
    std::unique_ptr<LanguageManager> languages_;
    std::unique_ptr<SyncStatus> status_;
    std::unique_ptr<MainWindow> window_;
    std::unique_ptr<QDialogButtonBox> buttons_;
    std::unique_ptr<QLineEdit> edit_;

    static void switchTo(LanguageManager& languages, const QString& code) {
        QVERIFY(languages.setLanguage(code));
        QCoreApplication::processEvents();  // LanguageChange reaches widgets as posted events
    }

private slots:
    void initTestCase() {
        languages_ = std::make_unique<LanguageManager>();
        status_ = std::make_unique<SyncStatus>();
        window_ = std::make_unique<MainWindow>(*status_);
        buttons_ = std::make_unique<QDialogButtonBox>(
            QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Close);
        edit_ = std::make_unique<QLineEdit>();
    }
    void cleanupTestCase() {
        edit_.reset();
        buttons_.reset();
        window_.reset();
        languages_.reset();
    }

    void menusAndQtButtonsFollowTheLanguage_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("fileMenu");
        QTest::addColumn<QString>("viewMenu");
        QTest::addColumn<QString>("cancel");
        QTest::addColumn<QString>("close");
        QTest::addColumn<QString>("undo");
        QTest::newRow("el") << "el"
                            << "&Αρχείο"
                            << "&Προβολή"
                            << "Άκυρο"
                            << "Κλείσιμο"
                            << "&Αναίρεση";
        QTest::newRow("en") << "en"
                            << "&File"
                            << "&View"
                            << "Cancel"
                            << "Close"
                            << "&Undo";
        QTest::newRow("el again") << "el"
                                  << "&Αρχείο"
                                  << "&Προβολή"
                                  << "Άκυρο"
                                  << "Κλείσιμο"
                                  << "&Αναίρεση";
    }
    void menusAndQtButtonsFollowTheLanguage() {
        QFETCH(QString, language);
        QFETCH(QString, fileMenu);
        QFETCH(QString, viewMenu);
        QFETCH(QString, cancel);
        QFETCH(QString, close);
        QFETCH(QString, undo);
        switchTo(*languages_, language);
        QCOMPARE(languages_->language(), language);
        QCOMPARE(window_->fileMenu()->title(), fileMenu);
        QCOMPARE(window_->viewMenu()->title(), viewMenu);
        QCOMPARE(buttons_->button(QDialogButtonBox::Cancel)->text(), cancel);
        QCOMPARE(buttons_->button(QDialogButtonBox::Close)->text(), close);
        QCOMPARE(buttons_->button(QDialogButtonBox::Ok)->text(), QString("OK"));
        std::unique_ptr<QMenu> menu(edit_->createStandardContextMenu());
        QVERIFY2(menu->actions().first()->text().startsWith(undo),
                 qPrintable(menu->actions().first()->text()));
    }

    void greekMainWindowTitle() {
        LanguageManager languages;
        switchTo(languages, "el");
        SyncStatus status;
        MainWindow window(status);
        QCOMPARE(window.windowTitle(), QString("Γκισέ ΚΕΠ"));
        switchTo(languages, "en");
        QCOMPARE(window.windowTitle(), QString("KEP Desk"));
    }

    void unknownLanguageChangesNothing() {
        LanguageManager languages;
        switchTo(languages, "el");
        QVERIFY(!languages.setLanguage("fr"));
        QCOMPARE(languages.language(), QString("el"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QString("Άκυρο"));
    }

    void destroyingTheManagerRemovesItsTranslators() {
        switchTo(*languages_, "en");  // the fixture's manager must not keep Greek installed
        {
            LanguageManager languages;
            switchTo(languages, "el");
            QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QString("Άκυρο"));
        }
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QString("Cancel"));
    }
};

QTEST_MAIN(tst_LanguageManager)
#include "tst_languagemanager.moc"
