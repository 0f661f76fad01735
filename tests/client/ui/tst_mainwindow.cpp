// The main window: every menu action reachable by a shortcut, actions ask the shell through
// signals, the Administration menu only for the roles that have it, online/offline shown in the
// status bar, the home page shows the session, Ctrl+F and F3 bring the procedure finder from
// anywhere, and the Greek title is really drawn.
#include "../support/CatalogueFeed.h"
#include "HomePage.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "SyncStatus.h"
#include "catalogue/CatalogueIndex.h"
#include "catalogue/CataloguePage.h"
#include "catalogue/CatalogueStore.h"
#include "catalogue/ProcedureFinder.h"
#include "storage/DeskDatabase.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace kep::desk;
using namespace kep::desk::ui;

class tst_MainWindow : public QObject {
    Q_OBJECT

    LanguageManager languages_;

    static UserSession clerk() {
        UserSession s;
        s.userId = "0190a6c2-0000-7000-8000-000000000001";
        s.username = "clerk.demo";
        s.displayName = QString::fromUtf8("Μαρία Δοκιμαστική");
        s.role = "clerk";
        s.officeCode = "K0001";
        s.officeName = QString::fromUtf8("ΚΕΠ Δοκιμών");
        return s;
    }

private slots:
    void initTestCase() { QVERIFY(languages_.setLanguage("el")); }

    void actionShortcuts_data() {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("shortcut");
        QTest::newRow("sign out") << "signOutAction"
                                  << "Ctrl+Shift+L";
        QTest::newRow("quit") << "quitAction"
                              << "Ctrl+Q";
        QTest::newRow("greek") << "greekAction"
                               << "Ctrl+Alt+G";
        QTest::newRow("english") << "englishAction"
                                 << "Ctrl+Alt+E";
        QTest::newRow("large text") << "largeTextAction"
                                    << "Ctrl+Shift+T";
        QTest::newRow("high contrast") << "highContrastAction"
                                       << "Ctrl+Alt+C";
        QTest::newRow("check connection") << "checkConnectionAction"
                                          << "F5";
        QTest::newRow("about") << "aboutAction"
                               << "Ctrl+F1";
        QTest::newRow("find a procedure") << "findProcedureAction"
                                          << "Ctrl+F";
        QTest::newRow("new case") << "newCaseAction"
                                  << "Ctrl+N";
        QTest::newRow("approval queue") << "approvalQueueAction"
                                        << "Ctrl+Shift+A";
    }
    void actionShortcuts() {
        QFETCH(QString, action);
        QFETCH(QString, shortcut);
        SyncStatus status;
        MainWindow window(status);
        auto* found = window.findChild<QAction*>(action);
        QVERIFY(found);
        QCOMPARE(found->shortcut(), QKeySequence(shortcut));
    }

    void everyMenuEntryHasAShortcut() {
        SyncStatus status;
        MainWindow window(status);
        QList<QAction*> entries;
        for (QMenu* menu : {window.fileMenu(), window.viewMenu(), window.helpMenu()}) {
            for (QAction* action : menu->actions()) {
                if (action->menu()) {
                    entries += action->menu()->actions();
                } else if (!action->isSeparator()) {
                    entries += action;
                }
            }
        }
        QCOMPARE(entries.size(), 11);  // New case, the approval queue and both themes among them
        QSet<QKeySequence> distinct;
        for (QAction* action : entries) {
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->objectName()));
            QVERIFY2(!action->text().isEmpty(), qPrintable(action->objectName()));
            distinct.insert(action->shortcut());
        }
        QCOMPARE(distinct.size(), entries.size());
    }

    void findShortcutsBringTheFinder_data() {
        QTest::addColumn<QKeySequence>("keys");
        QTest::newRow("Ctrl+F") << QKeySequence(QStringLiteral("Ctrl+F"));
        QTest::newRow("F3") << QKeySequence(Qt::Key_F3);
    }
    void findShortcutsBringTheFinder() {
        QFETCH(QKeySequence, keys);
        SyncStatus status;
        MainWindow window(status);
        window.setSession(clerk());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QCOMPARE(window.pages()->currentWidget(), static_cast<QWidget*>(window.homePage()));
        QLineEdit* search = window.cataloguePage()->finder()->searchField();
        search->setText("previous query");
        QTest::keySequence(&window, keys);
        QCOMPARE(window.pages()->currentWidget(), static_cast<QWidget*>(window.cataloguePage()));
        QTRY_VERIFY(search->hasFocus());
        QCOMPARE(search->selectedText(), QString("previous query"));  // typing replaces it
        QVERIFY(!search->accessibleName().isEmpty());
    }

    void newCaseWithoutAProcedureBringsTheFinder() {
        SyncStatus status;
        MainWindow window(status);
        QSignalSpy asked(&window, &MainWindow::newCaseRequested);
        window.newCaseAction()->trigger();
        QCOMPARE(asked.size(), 0);
        QCOMPARE(window.pages()->currentWidget(), window.cataloguePage());
    }

    void newCaseIsForTheOpenProcedure() {
        QTemporaryDir dir;
        auto db = storage::openDeskDatabase(dir.filePath("desk.db"));
        catalogue::CatalogueStore store{db};
        catalogue::CatalogueIndex index;
        auto feed = test::CatalogueFeed::sample();
        const auto reply = feed.answer("/api/v1/catalogue/changes?since=0&limit=100");
        store.applyPage(catalogue::readChangesPage(
            std::string_view(reply.body.constData(), std::size_t(reply.body.size()))));
        index.load(store);
        SyncStatus status;
        MainWindow window(status);
        window.cataloguePage()->setCatalogue(&store, &index);
        QVERIFY(window.cataloguePage()->openProcedure("900003"));
        QSignalSpy asked(&window, &MainWindow::newCaseRequested);
        window.newCaseAction()->trigger();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.at(0).at(0).toString(), QStringLiteral("900003"));
        const auto record = window.cataloguePage()->procedure(QStringLiteral("900003"));
        QVERIFY(record);
        QCOMPARE(record->id, std::string("900003"));
        QVERIFY(!record->procedure.evidences.empty());

        // The form is a page of its own; deleted by the shell (sign-out), its tab goes too.
        const int before = window.pages()->count();
        auto* form = new QWidget;
        window.showFilingForm(form);
        QCOMPARE(window.pages()->currentWidget(), form);
        QCOMPARE(window.pages()->count(), before + 1);
        delete form;
        QCOMPARE(window.pages()->count(), before);
    }

    void actionsAskTheShell() {
        SyncStatus status;
        MainWindow window(status);
        window.setSession(clerk());
        QSignalSpy signOut(&window, &MainWindow::signOutRequested);
        QSignalSpy quit(&window, &MainWindow::quitRequested);
        QSignalSpy language(&window, &MainWindow::languageRequested);
        QSignalSpy largeText(&window, &MainWindow::largeTextRequested);
        window.findChild<QAction*>("signOutAction")->trigger();
        window.findChild<QAction*>("quitAction")->trigger();
        window.findChild<QAction*>("englishAction")->trigger();
        window.findChild<QAction*>("largeTextAction")->trigger();
        QCOMPARE(signOut.count(), 1);
        QCOMPARE(quit.count(), 1);
        QCOMPARE(language.count(), 1);
        QCOMPARE(language.first().at(0).toString(), QString("en"));
        QCOMPARE(largeText.count(), 1);
        QCOMPARE(largeText.first().at(0).toBool(), true);
    }

    void signOutNeedsASession() {
        SyncStatus status;
        MainWindow window(status);
        window.setSession(std::nullopt);
        QVERIFY(!window.findChild<QAction*>("signOutAction")->isEnabled());
        window.setSession(clerk());
        QVERIFY(window.findChild<QAction*>("signOutAction")->isEnabled());
    }

    void homePageShowsTheSession() {
        SyncStatus status;
        MainWindow window(status);
        window.setSession(clerk());
        window.setServerState({true, "0.1.0", {}});
        const HomePage* home = window.homePage();
        QCOMPARE(home->findChild<QLabel*>("role")->text(), QString("Υπάλληλος γκισέ"));
        QCOMPARE(home->findChild<QLabel*>("office")->text(), QString("K0001 — ΚΕΠ Δοκιμών"));
        QVERIFY(home->findChild<QLabel*>("user")->text().contains("Μαρία Δοκιμαστική"));
        QCOMPARE(home->findChild<QLabel*>("server")->text(), QString("Σε σύνδεση, έκδοση 0.1.0"));
        QCOMPARE(home->findChild<QLabel*>("role")->accessibleName(), QString("Ρόλος:"));
    }

    void greekTitleIsDrawn() {
        SyncStatus status;
        MainWindow window(status);
        window.setSession(clerk());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QPixmap shot = window.grab();
        QVERIFY(!shot.isNull());
        QVERIFY(shot.width() > 200 && shot.height() > 200);

        const QLabel* title = window.findChild<QLabel*>("homeTitle");
        QCOMPARE(title->text(), QString("Γκισέ ΚΕΠ"));
        const QRect area(title->mapTo(&window, QPoint(0, 0)), title->size());
        const QImage image = shot.toImage().copy(
            QRect(area.topLeft() * shot.devicePixelRatio(), area.size() * shot.devicePixelRatio()));
        const QRgb background = image.pixel(image.width() - 1, image.height() - 1);
        int inked = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                inked += image.pixel(x, y) != background;
            }
        }
        // The title must be drawn, not left blank (a missing font or an empty label would be).
        QVERIFY2(inked > 150, qPrintable(QString::number(inked)));
    }

    void administrationFollowsTheRole_data() {
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("offline");
        QTest::addColumn<QStringList>("visible");
        QTest::newRow("clerk") << "clerk" << false << QStringList{};
        QTest::newRow("manager") << "manager" << false
                                 << QStringList{"usersAction", "workstationsAction"};
        QTest::newRow("central admin")
            << "central_admin" << false << QStringList{"officesAction", "usersAction"};
        QTest::newRow("manager offline") << "manager" << true << QStringList{};
    }
    void administrationFollowsTheRole() {
        QFETCH(QString, role);
        QFETCH(bool, offline);
        QFETCH(QStringList, visible);
        SyncStatus status;
        MainWindow window(status);
        UserSession session = clerk();
        session.role = role;
        session.offline = offline;
        window.setSession(session);
        QCOMPARE(window.adminMenu()->menuAction()->isVisible(), !visible.isEmpty());
        QStringList shown;
        for (QAction* action : window.adminMenu()->actions()) {
            if (action->isVisible()) {
                shown.append(action->objectName());
                QVERIFY(action->text().contains('&'));  // reachable by its mnemonic
            }
        }
        QCOMPARE(shown, visible);
        // Signing out hides it again.
        window.setSession(std::nullopt);
        QVERIFY(!window.adminMenu()->menuAction()->isVisible());
    }

    void administrationActionsAskTheShell() {
        SyncStatus status;
        MainWindow window(status);
        UserSession session = clerk();
        session.role = "central_admin";
        window.setSession(session);
        QSignalSpy offices(&window, &MainWindow::officesRequested);
        QSignalSpy users(&window, &MainWindow::usersRequested);
        window.findChild<QAction*>("officesAction")->trigger();
        window.findChild<QAction*>("usersAction")->trigger();
        QCOMPARE(offices.count(), 1);
        QCOMPARE(users.count(), 1);
    }

    void statusBarShowsOnlineOrOffline() {
        SyncStatus status;
        MainWindow window(status);
        auto* mode = window.findChild<QLabel*>("sessionMode");
        QVERIFY(mode);
        QVERIFY(mode->isHidden());
        UserSession session = clerk();
        window.setSession(session);
        QCOMPARE(mode->accessibleDescription(), QString("Εργασία σε σύνδεση"));
        session.offline = true;
        session.expiresAt = QDateTime::currentDateTimeUtc().addDays(3);
        window.setSession(session);
        QVERIFY2(mode->accessibleDescription().startsWith("Εργασία εκτός σύνδεσης έως"),
                 qPrintable(mode->accessibleDescription()));
        QVERIFY(!mode->isHidden());
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
