// The case search page offscreen: results as the clerk types (Greek typed key by key, without
// accents), by protocol number, ΑΦΜ, ΑΜΚΑ, surname and procedure title; Down and Enter open the
// chosen case without leaving the field; Ctrl+Shift+F and F4 bring the field forward.
#include "../../support/CatalogueFeed.h"
#include "../../support/ManualClock.h"
#include "cases/CaseQueries.h"
#include "cases/CaseSearchPage.h"
#include "cases/CaseStore.h"
#include "cases/ProtocolLeaseStore.h"
#include "cases/WorkQueuesTable.h"
#include "catalogue/CatalogueIndex.h"
#include "catalogue/CatalogueStore.h"
#include "shared/domain/TaxId.h"
#include "storage/DeskDatabase.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace kep::desk::cases;
using namespace kep::desk::ui;

namespace {

// Typed one key at a time, the way a clerk types (Qt Test cannot keyClicks Greek).
void type(QWidget* into, const QString& text) {
    for (const QChar ch : text) {
        QTest::sendKeyEvent(QTest::KeyAction::Click, into, Qt::Key_unknown, QString(ch),
                            Qt::NoModifier);
    }
}

}  // namespace

class tst_CaseSearchPage : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::optional<kep::db::Database> db_;
    std::unique_ptr<CaseStore> store_;
    kep::domain::WorkingCalendar calendar_;
    std::unique_ptr<CaseQueries> queries_;
    std::unique_ptr<kep::desk::catalogue::CatalogueStore> catalogue_;
    kep::desk::catalogue::CatalogueIndex index_;
    kep::desk::test::ManualClock clock_{QDateTime(QDate(2026, 3, 24), QTime(9, 0), Qt::UTC)};
    std::string afm_;
    std::string amka_;
    std::string firstId_;

    std::string file(const char* procedureId, const char* title, const char* surname, int minute,
                     const std::string& afm, const std::string& amka = {}) {
        CaseFiling f;
        f.procedureId = procedureId;
        f.catalogueVersion = 1;
        f.procedureTitle = title;
        f.requiresApproval = true;
        f.citizen.person.kind = kep::cases::CitizenKind::Greek;
        f.citizen.person.afm = afm;
        f.citizen.person.amka = amka;
        f.citizen.person.givenNameEl = "Ελένη";
        f.citizen.person.surnameEl = surname;
        f.dueDate = std::chrono::year{2026} / 3 / 30;
        const auto at = Instant{std::chrono::sys_days{std::chrono::year{2026} / 3 / 2} +
                                std::chrono::minutes{minute}};
        const auto result = store_->file(f, {"user-clerk-1", kep::cases::ActorRole::Clerk}, at);
        if (!result.ok()) {
            qFatal("filing refused: %s", result.message.c_str());
        }
        return result.filed->id;
    }

private slots:
    void initTestCase() {
        db_.emplace(kep::desk::storage::openDeskDatabase(dir_.filePath("desk.db")));
        ProtocolLeaseStore(*db_, "0101").addBlock({"0101", 2026, 1, 100});
        store_ = std::make_unique<CaseStore>(*db_, "0101", "ws-1");
        queries_ = std::make_unique<CaseQueries>(*store_, *db_, calendar_, "0101");
        catalogue_ = std::make_unique<kep::desk::catalogue::CatalogueStore>(*db_);
        auto feed = kep::desk::test::CatalogueFeed::sample();
        const auto page = feed.answer("/api/v1/catalogue/changes?since=0&limit=100");
        catalogue_->applyPage(kep::desk::catalogue::readChangesPage(
            std::string_view(page.body.constData(), std::size_t(page.body.size()))));
        index_.load(*catalogue_);
        queries_->setProcedureTitles(&index_);
        kep::domain::SyntheticTaxIds afms(99);
        afm_ = afms.afm();
        amka_ = afms.amka(std::chrono::year{1970} / 1 / 1);
        firstId_ =
            file("900018", "Έκδοση αντιγράφου ποινικού μητρώου", "Παπαδοπούλου", 1, afm_, amka_);
        file("900009", "Έκδοση αντιγράφου ληξιαρχικής πράξης θανάτου", "Παπαδάκη", 2, afms.afm());
        file("900010", "Έκδοση αντιγράφου ληξιαρχικής πράξης γάμου", "Οικονόμου", 3, afms.afm());
    }

    void resultsAsTheClerkTypes_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QStringList>("surnames");
        QTest::newRow("surname prefix without accents")
            << "παπαδ" << QStringList({"Παπαδάκη", "Παπαδοπούλου"});
        QTest::newRow("surname in capitals") << "ΠΑΠΑΔΟΠ" << QStringList{"Παπαδοπούλου"};
        QTest::newRow("protocol number") << "0101/2026/3" << QStringList{"Οικονόμου"};
        QTest::newRow("protocol number with zeros") << "0101/2026/00002" << QStringList{"Παπαδάκη"};
        QTest::newRow("procedure title") << "ληξιαρχικ" << QStringList({"Οικονόμου", "Παπαδάκη"});
        QTest::newRow("no match") << "ψψψ" << QStringList{};
    }

    void resultsAsTheClerkTypes() {
        QFETCH(QString, typed);
        QFETCH(QStringList, surnames);
        CaseSearchPage page(clock_);
        page.setQueries(queries_.get());
        page.show();
        type(page.searchField(), typed);
        QStringList shown;
        for (int row = 0; row < page.results()->rowCount(); ++row) {
            shown << page.results()->item(row, WorkQueuesTable::Surname)->text();
        }
        QCOMPARE(shown, surnames);
        QCOMPARE(page.status()->text().isEmpty(), false);
    }

    void identifiersFindTheCitizensCases_data() {
        QTest::addColumn<QString>("typed");
        QTest::newRow("ΑΦΜ") << QString::fromStdString(afm_);
        QTest::newRow("ΑΜΚΑ") << QString::fromStdString(amka_);
    }

    void identifiersFindTheCitizensCases() {
        QFETCH(QString, typed);
        CaseSearchPage page(clock_);
        page.setQueries(queries_.get());
        QTest::keyClicks(page.searchField(), typed);
        QCOMPARE(page.results()->rowCount(), 1);
        QCOMPARE(page.results()->selectedCaseId(), QString::fromStdString(firstId_));
    }

    // Down moves through the results from the field, Enter opens the chosen case.
    void downAndEnterOpenFromTheField() {
        QMainWindow window;
        auto* page = new CaseSearchPage(clock_);
        window.setCentralWidget(page);
        window.addAction(page->findAction());
        page->setQueries(queries_.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QSignalSpy asked(page, &CaseSearchPage::searchRequested);
        QTest::keyClick(&window, Qt::Key_F4);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(QApplication::focusWidget(), page->searchField());
        QCOMPARE(page->findAction()->shortcuts().value(0), QKeySequence("Ctrl+Shift+F"));

        type(page->searchField(), QStringLiteral("παπαδ"));
        QSignalSpy opened(page, &CaseSearchPage::caseOpened);
        QTest::keyClick(page->searchField(), Qt::Key_Down);
        QTest::keyClick(page->searchField(), Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), QString::fromStdString(firstId_));
        QCOMPARE(QApplication::focusWidget(), page->searchField());

        page->clear();
        QCOMPARE(page->results()->rowCount(), 0);
        QVERIFY(page->searchField()->text().isEmpty());
        QVERIFY(!page->searchField()->accessibleName().isEmpty());
        QVERIFY(!page->results()->accessibleName().isEmpty());
    }
};

QTEST_MAIN(tst_CaseSearchPage)
#include "tst_casesearchpage.moc"
