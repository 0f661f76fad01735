// The shell as main() builds it, for the clerk's filing: New case (Ctrl+N) on the procedure open
// in the catalogue opens the filing form as the signed-in clerk of the office, files into this
// desk's desk.db, and sign-out takes the form (and the citizen on it) off the screen.
#include "../support/CatalogueFeed.h"
#include "../support/FakeServerTransport.h"
#include "Clock.h"
#include "DeskShell.h"
#include "DeskTheme.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "ServerLink.h"
#include "Settings.h"
#include "Workstation.h"
#include "authority/AuthorityInboxEntry.h"
#include "authority/AuthorityInboxWindow.h"
#include "cases/ApprovalQueue.h"
#include "cases/CaseDetailsDialog.h"
#include "cases/CaseSearchPage.h"
#include "cases/CaseStore.h"
#include "cases/CitizenPanel.h"
#include "cases/FilingForm.h"
#include "cases/ProtocolLeaseKeeper.h"
#include "cases/ProtocolLeaseStore.h"
#include "cases/ProtocolStockIndicator.h"
#include "cases/WorkQueuesPage.h"
#include "cases/WorkQueuesTable.h"
#include "catalogue/CataloguePage.h"
#include "catalogue/DeskCatalogue.h"
#include "platform/LinuxPolicySource.h"
#include "shared/domain/TaxId.h"
#include "sync/CaseReplica.h"
#include "sync/SyncControls.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace kep::desk;
using namespace kep::desk::ui;
using kep::desk::test::CatalogueFeed;
using kep::desk::test::FakeServer;

// What every test here starts from: a fresh data folder with its workstation, policy and user
// settings files of its own, and the UI in one language.
struct DeskOnDisk {
    explicit DeskOnDisk(const char* language)
        : workstation(Workstation::open(dir.filePath("data"), clock, OfflineSignInRule{}, &error))
        , settings(
              Settings::withFiles(std::make_unique<LinuxPolicySource>(dir.filePath("policy.conf")),
                                  dir.filePath("user.conf")))
        , languageSet(languages.setLanguage(QString::fromLatin1(language))) {}
    bool ready() const { return workstation && languageSet; }

    QTemporaryDir dir;
    SystemClock clock;
    QString error;
    std::unique_ptr<Workstation> workstation;
    std::unique_ptr<Settings> settings;
    LanguageManager languages;
    bool languageSet;
};

class tst_DeskShell : public QObject {
    Q_OBJECT

private slots:
    void newCaseOpensTheFilingFormForTheSignedInClerk() {
        DeskOnDisk desk("el");
        QVERIFY2(desk.ready(), qPrintable(desk.error));
        FakeServer server;
        server.acceptOnly("clerk.demo", "synthetic demo password");
        ServerLink link(server.factory(), &desk.workstation->credential());
        catalogue::DeskCatalogue catalogue(link, desk.workstation->database(),
                                           desk.workstation->dataFolder().databaseFile(), {});
        // The catalogue as a pull would have left it (the sync itself is not under test here).
        auto feed = CatalogueFeed::sample();
        const auto page = feed.answer("/api/v1/catalogue/changes?since=0&limit=100");
        catalogue.store().applyPage(catalogue::readChangesPage(
            std::string_view(page.body.constData(), std::size_t(page.body.size()))));
        DeskShell shell(*desk.settings, desk.languages, link, *desk.workstation, &catalogue);
        link.start();
        link.signIn("clerk.demo", "synthetic demo password");
        QTRY_VERIFY(shell.session().has_value());

        MainWindow* window = shell.mainWindow();
        QVERIFY(window->cataloguePage()->openProcedure("900003"));
        window->newCaseAction()->trigger();
        FilingForm* form = shell.filingForm();
        QVERIFY(form);
        QCOMPARE(window->pages()->currentWidget(), form);

        // Filed as the signed-in clerk, with this desk.workstation's lease, into its desk.db.
        const int year = QDate::currentDate().year();
        cases::ProtocolLeaseStore(desk.workstation->database(), "K0001")
            .addBlock({"K0001", year, 7, 20});
        const std::string afm = kep::domain::SyntheticTaxIds(12).afm();
        form->citizenPanel()->afm()->setText(QString::fromStdString(afm));
        form->citizenPanel()->surnameEl()->setText(QStringLiteral("Αλεξίου"));
        form->citizenPanel()->givenNameEl()->setText(QStringLiteral("Νίκος"));
        QSignalSpy filed(form, &FilingForm::caseFiled);
        form->file();
        QCOMPARE(filed.size(), 1);
        QCOMPARE(filed.at(0).at(0).toString(), QStringLiteral("K0001/%1/7").arg(year));
        // The status bar counts down with each filing and warns: 13 left of a block of 14.
        ProtocolStockIndicator* stock = window->protocolStockIndicator();
        QCOMPARE(stock->accessibleDescription(),
                 QStringLiteral("Οι αριθμοί πρωτοκόλλου τελειώνουν: απομένουν 13"));
        QVERIFY(stock->isWarning());
        QVERIFY(filed.at(0).at(1).toString().startsWith(desk.dir.filePath("data")));
        cases::CaseStore store(desk.workstation->database(), "K0001", "any");
        const auto found = store.search(afm);
        QCOMPARE(found.size(), std::size_t{1});
        QCOMPARE(found[0].filedBy, std::string("0190a6c2-0000-7000-8000-000000000001"));

        QVERIFY(!window->approvalQueueAction()->isVisible());  // a clerk has no queue
        shell.signOut();
        QVERIFY(!shell.filingForm());
        QCOMPARE(window->pages()->count(), 2);  // home and procedures: the form is gone

        // The office's manager sees the clerk's case waiting (Ctrl+Shift+A).
        server.handler = [](const QByteArray&, const QByteArray& target, const QByteArray&) {
            if (target == "/healthz") {
                return FakeServer::healthy();
            }
            HttpReply reply = FakeServer::clerkSignedIn();
            reply.body.replace("\"role\":\"clerk\"", "\"role\":\"manager\"");
            reply.body.replace("0190a6c2-0000-7000-8000-000000000001",
                               "0190a6c2-0000-7000-8000-000000000002");
            return reply;
        };
        link.signIn("manager.demo", "synthetic demo password");
        QTRY_VERIFY(shell.session().has_value());
        QVERIFY(window->approvalQueueAction()->isVisible());
        window->approvalQueueAction()->trigger();
        ApprovalQueue* queue = shell.approvalQueue();
        QVERIFY(queue);
        QCOMPARE(window->pages()->currentWidget(), queue);
        QCOMPARE(queue->cases()->rowCount(), 1);
        QCOMPARE(queue->cases()->item(0, 0)->text(), QStringLiteral("K0001/%1/7").arg(year));
        shell.signOut();
        QVERIFY(!shell.approvalQueue());
    }

    // View → Large text and View → High contrast, each from its shortcut's action, on together
    // and off one at a time; large text is remembered in the user's settings.
    void themesSwitchTogetherFromTheViewMenu() {
        DeskOnDisk desk("en");
        QVERIFY2(desk.ready(), qPrintable(desk.error));
        FakeServer server;
        ServerLink link(server.factory(), &desk.workstation->credential());
        DeskShell shell(*desk.settings, desk.languages, link, *desk.workstation);
        auto* largeText = shell.mainWindow()->findChild<QAction*>("largeTextAction");
        auto* highContrast = shell.mainWindow()->findChild<QAction*>("highContrastAction");
        QVERIFY(largeText && highContrast);

        highContrast->trigger();
        QVERIFY(DeskTheme::applied().highContrast);
        QVERIFY(!DeskTheme::applied().largeText);
        largeText->trigger();
        QVERIFY(DeskTheme::applied().highContrast && DeskTheme::applied().largeText);
        QVERIFY(desk.settings->largeText());
        QVERIFY(desk.settings->highContrast());
        QVERIFY(highContrast->isChecked() && largeText->isChecked());

        highContrast->trigger();
        QVERIFY(!DeskTheme::applied().highContrast);
        QVERIFY(DeskTheme::applied().largeText);
        QVERIFY(!qApp->styleSheet().contains(QLatin1String("#ffff00")));
        QVERIFY(!desk.settings->highContrast());
        largeText->trigger();
        QVERIFY(qApp->styleSheet().isEmpty());
        QVERIFY(!desk.settings->largeText());
    }

    // An online sign-in leases a block at once and the status bar counts it; filing uses one.
    void signInLeasesProtocolNumbersShownInTheStatusBar() {
        DeskOnDisk desk("en");
        QVERIFY2(desk.ready(), qPrintable(desk.error));
        FakeServer server;
        server.handler = [](const QByteArray&, const QByteArray& target, const QByteArray& body) {
            if (target == "/healthz") {
                return FakeServer::healthy();
            }
            if (target == "/api/v1/auth/login") {
                return FakeServer::clerkSignedIn();
            }
            if (target == "/api/v1/protocol-numbers/lease") {
                const QJsonObject asked = QJsonDocument::fromJson(body).object();
                return FakeServer::json(201, {{"office", "K0001"},
                                              {"year", asked["year"].toInt()},
                                              {"first", 1},
                                              {"last", asked["count"].toInt()}});
            }
            return FakeServer::error(404, "not_found");
        };
        ServerLink link(server.factory(), &desk.workstation->credential());
        DeskShell shell(*desk.settings, desk.languages, link, *desk.workstation);
        link.start();
        link.signIn("clerk.demo", "synthetic demo password");
        QTRY_VERIFY(shell.session().has_value());
        QVERIFY(shell.protocolLeaseKeeper());

        ProtocolStockIndicator* indicator = shell.mainWindow()->protocolStockIndicator();
        const QString full =
            QStringLiteral("Protocol numbers: %1 left").arg(cases::ProtocolLeaseKeeper::kBlockSize);
        QTRY_COMPARE_WITH_TIMEOUT(indicator->accessibleDescription(), full, 5000);
        QVERIFY(!indicator->isHidden());
        QVERIFY(!indicator->isWarning());
        QCOMPARE(server.count("/api/v1/protocol-numbers/lease"), 1);

        // A health tick with the stock full asks for nothing more.
        QSignalSpy tick(&link, &ServerLink::healthTicked);
        link.checkHealth();
        QVERIFY(tick.wait(5000));
        link.checkHealth();
        QVERIFY(tick.wait(5000));
        QCOMPARE(server.count("/api/v1/protocol-numbers/lease"), 1);
        shell.signOut();
    }

    // The work queues and the case search: tabs of the window from their shortcuts, a case
    // opened read-only from the search, everything gone and disabled again at sign-out.
    void workQueuesAndCaseSearchFromTheirShortcuts() {
        DeskOnDisk desk("en");
        QVERIFY2(desk.ready(), qPrintable(desk.error));
        FakeServer server;
        server.acceptOnly("clerk.demo", "synthetic demo password");
        ServerLink link(server.factory(), &desk.workstation->credential());
        const int year = QDate::currentDate().year();
        cases::ProtocolLeaseStore(desk.workstation->database(), "K0001")
            .addBlock({"K0001", year, 1, 9});
        const std::string afm = kep::domain::SyntheticTaxIds(31).afm();
        std::string caseId;
        {
            cases::CaseStore store(desk.workstation->database(), "K0001", "ws");
            cases::CaseFiling filing;
            filing.procedureId = "900012";
            filing.procedureTitle = "Έκδοση πιστοποιητικού εγγυτέρων συγγενών";
            filing.citizen.person.afm = afm;
            filing.citizen.person.surnameEl = "Ζαχαρίου";
            filing.citizen.person.givenNameEl = "Άννα";
            filing.dueDate = std::chrono::year{year + 1} / 1 / 15;
            const auto filed = store.file(
                filing, {"0190a6c2-0000-7000-8000-000000000001", kep::cases::ActorRole::Clerk},
                kep::cases::Instant{
                    std::chrono::milliseconds{QDateTime::currentMSecsSinceEpoch()}});
            QVERIFY(filed.ok());
            caseId = filed.filed->id;
        }
        DeskShell shell(*desk.settings, desk.languages, link, *desk.workstation);
        MainWindow* window = shell.mainWindow();
        QAction* mine = window->findChild<QAction*>("workQueueAction1");
        QAction* find = window->findChild<QAction*>("findCaseAction");
        QVERIFY(mine && find);
        QVERIFY(!mine->isEnabled());  // nobody signed in
        link.start();
        link.signIn("clerk.demo", "synthetic demo password");
        QTRY_VERIFY(shell.session().has_value());
        QVERIFY(mine->isEnabled() && find->isEnabled());
        QVERIFY(window->viewMenu()->actions().contains(mine));

        mine->trigger();
        QCOMPARE(window->pages()->currentWidget(), shell.workQueuesPage());
        QCOMPARE(window->pages()->tabText(window->pages()->currentIndex()), "&Work queues");
        QCOMPARE(shell.workQueuesPage()->queues()->item(0)->text(), "My cases (1)");

        // The authority asks for documents; the pull writes it into desk.db and says so: the
        // open queue shows it, with the authority's words, without being opened again.
        WorkQueuesPage* queues = shell.workQueuesPage();
        queues->showQueue({cases::QueueKind::AwaitingDocuments});
        QCOMPARE(queues->table()->rowCount(), 0);
        kep::desk::sync::writeCase(
            desk.workstation->database(),
            {caseId,
             "K0001",
             {{"status", "awaiting_documents"},
              {"status_reason", "the birth certificate"},
              {"status_role", "authority"}},
             3},
            kep::cases::Instant{std::chrono::milliseconds{QDateTime::currentMSecsSinceEpoch()}});
        QCOMPARE(queues->table()->rowCount(), 0);  // nothing read until the pull says so
        emit shell.syncControls()->officeChangesPulled();
        QCOMPARE(queues->table()->rowCount(), 1);
        QCOMPARE(queues->table()->item(0, WorkQueuesTable::StatusReason)->text(),
                 QString("the birth certificate"));
        QCOMPARE(queues->queues()->item(4)->text(), "Awaiting documents (1)");

        find->trigger();
        QCOMPARE(window->pages()->currentWidget(), shell.caseSearchPage());
        QTest::keyClicks(shell.caseSearchPage()->searchField(), QString::fromStdString(afm));
        QTest::keyClick(shell.caseSearchPage()->searchField(), Qt::Key_Return);
        QVERIFY(shell.caseDetails()->isVisible());
        QCOMPARE(shell.caseDetails()->protocolNumber()->text(),
                 QStringLiteral("K0001/%1/1").arg(year));

        const int tabs = window->pages()->count();
        shell.signOut();
        QCOMPARE(window->pages()->count(), tabs - 2);
        QVERIFY(!shell.caseDetails()->isVisible());
        QVERIFY(shell.caseSearchPage()->searchField()->text().isEmpty());
        QVERIFY(!mine->isEnabled() && !find->isEnabled());
    }

    // An authority user signs in online: the inbox opens at once, and goes at sign-out.
    void authorityUserGetsTheInbox() {
        DeskOnDisk desk("en");
        QVERIFY2(desk.ready(), qPrintable(desk.error));
        FakeServer server;
        server.handler = [](const QByteArray&, const QByteArray& target, const QByteArray&) {
            if (target == "/healthz") {
                return FakeServer::healthy();
            }
            if (target == "/api/v1/auth/login") {
                const QJsonObject user{{"id", "0190a6c2-0000-7000-8000-0000000000a1"},
                                       {"username", "authority.demo"},
                                       {"displayName", "Synthetic Authority User"},
                                       {"role", "authority"}};
                return FakeServer::json(200, {{"token", "synthetic-token"},
                                              {"expiresAt", "2030-01-01T12:00:00Z"},
                                              {"user", user}});
            }
            if (target.startsWith("/api/v1/authority/inbox")) {
                return FakeServer::json(200, {{"cases", QJsonArray{}}});
            }
            return FakeServer::error(404, "not_found");
        };
        ServerLink link(server.factory(), &desk.workstation->credential());
        DeskShell shell(*desk.settings, desk.languages, link, *desk.workstation);
        QVERIFY(!shell.authorityInbox()->action()->isVisible());
        link.start();
        link.signIn("authority.demo", "synthetic demo password");
        QTRY_VERIFY(shell.session().has_value());
        QVERIFY(shell.authorityInbox()->action()->isVisible());
        QVERIFY(shell.authorityInbox()->window() && shell.authorityInbox()->window()->isVisible());
        QTRY_VERIFY(server.count("/api/v1/authority/inbox?limit=200") >= 1);
        shell.signOut();
        QVERIFY(!shell.authorityInbox()->window());
        QVERIFY(!shell.authorityInbox()->action()->isVisible());
    }
};

QTEST_MAIN(tst_DeskShell)
#include "tst_deskshell.moc"
