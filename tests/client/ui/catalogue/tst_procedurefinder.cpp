// The procedure finder over the sample catalogue: it filters as the clerk types (Greek typed key
// by key, Greeklish, English), Down/Up move through the results from the search field, Enter
// opens the selected one, Escape in the list goes back to typing; accessible names are set.
#include "../../support/CatalogueFeed.h"
#include "LanguageManager.h"
#include "catalogue/CatalogueIndex.h"
#include "catalogue/CataloguePage.h"
#include "catalogue/ProcedureFinder.h"
#include "catalogue/ProcedureView.h"
#include "storage/DeskDatabase.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

using namespace kep::desk;
using namespace kep::desk::ui;
using kep::desk::test::CatalogueFeed;

class tst_ProcedureFinder : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::optional<kep::db::Database> db_;
    std::optional<catalogue::CatalogueStore> store_;
    catalogue::CatalogueIndex index_;
    LanguageManager languages_;

    // Greek cannot go through QTest::keyClicks (STYLE.md): one key event per character.
    static void type(QWidget* widget, const QString& text) {
        for (const QChar ch : text) {
            QTest::sendKeyEvent(QTest::KeyAction::Click, widget, Qt::Key_unknown, QString(ch),
                                Qt::NoModifier);
        }
    }

    static QStringList ids(const QListWidget* list) {
        QStringList found;
        for (int i = 0; i < list->count(); ++i) {
            found << list->item(i)->data(Qt::UserRole).toString();
        }
        return found;
    }

private slots:
    void initTestCase() {
        QVERIFY(languages_.setLanguage("el"));
        db_ = storage::openDeskDatabase(dir_.filePath("desk.db"));
        store_.emplace(*db_);
        CatalogueFeed feed = CatalogueFeed::sample();
        const auto reply = feed.answer("/api/v1/catalogue/changes?since=0&limit=100");
        store_->applyPage(catalogue::readChangesPage(
            std::string_view(reply.body.constData(), reply.body.size())));
        index_.load(*store_);
    }

    void filtersAsYouType_data() {
        QTest::addColumn<QString>("query");
        QTest::newRow("greek with accents") << QString::fromUtf8("άδεια διαμονής");
        QTest::newRow("greek capitals") << QString::fromUtf8("ΑΔΕΙΑ ΔΙΑΜΟΝΗΣ");
        QTest::newRow("greeklish") << "adeia diamonis";
        QTest::newRow("english") << "residence permit";
    }
    void filtersAsYouType() {
        QFETCH(QString, query);
        ProcedureFinder finder;
        finder.setIndex(&index_);
        finder.setLanguage(query == "residence permit" ? kep::catalogue::Language::En
                                                       : kep::catalogue::Language::El);
        finder.show();
        QVERIFY(QTest::qWaitForWindowExposed(&finder));
        finder.focusSearch();
        type(finder.searchField(), query.left(3));
        QVERIFY(finder.results()->count() > 0);  // results from the third letter
        type(finder.searchField(), query.mid(3));
        QCOMPARE(finder.searchField()->text(), query);
        const QStringList found = ids(finder.results());
        QVERIFY(found.size() >= 4);
        for (int i = 0; i < 4; ++i) {
            QVERIFY2(found[i] >= "900001" && found[i] <= "900004", qPrintable(found.join(',')));
        }
        QCOMPARE(finder.results()->currentRow(), 0);  // Enter opens the best match at once
    }

    void keyboardNavigationOpensTheSelected() {
        ProcedureFinder finder;
        finder.setIndex(&index_);
        finder.show();
        QVERIFY(QTest::qWaitForWindowExposed(&finder));
        QSignalSpy chosen(&finder, &ProcedureFinder::procedureChosen);
        finder.focusSearch();
        QTest::keyClicks(finder.searchField(), "adeia diamonis");
        const QStringList found = ids(finder.results());
        QVERIFY(found.size() >= 3);
        QTest::keyClick(finder.searchField(), Qt::Key_Down);
        QTest::keyClick(finder.searchField(), Qt::Key_Down);
        QCOMPARE(finder.results()->currentRow(), 2);
        QTest::keyClick(finder.searchField(), Qt::Key_Up);
        QCOMPARE(finder.results()->currentRow(), 1);
        QVERIFY(finder.searchField()->hasFocus());  // the clerk keeps typing meanwhile
        QTest::keyClick(finder.searchField(), Qt::Key_Up);
        QTest::keyClick(finder.searchField(), Qt::Key_Up);  // stops at the first
        QCOMPARE(finder.results()->currentRow(), 0);
        QTest::keyClick(finder.searchField(), Qt::Key_Down);
        QTest::keyClick(finder.searchField(), Qt::Key_Return);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().at(0).toString(), found[1]);

        // In the list itself: Enter opens, Escape goes back to the search field.
        finder.results()->setFocus();
        finder.results()->setCurrentRow(2);
        QTest::keyClick(finder.results(), Qt::Key_Return);
        QCOMPARE(chosen.count(), 2);
        QCOMPARE(chosen.last().at(0).toString(), found[2]);
        QTest::keyClick(finder.results(), Qt::Key_Escape);
        QVERIFY(finder.searchField()->hasFocus());
    }

    void refiningKeepsTheSelection() {
        ProcedureFinder finder;
        finder.setIndex(&index_);
        QTest::keyClicks(finder.searchField(), "adeia");
        const QStringList broad = ids(finder.results());
        const int row = broad.indexOf("900003");
        QVERIFY(row > 0);
        finder.results()->setCurrentRow(row);
        QTest::keyClicks(finder.searchField(), " diam");
        QCOMPARE(finder.currentId(), QString("900003"));
    }

    void nothingFoundAndEmptyCatalogueAreSaid() {
        ProcedureFinder finder;
        QVERIFY(finder.findChild<QLabel*>("procedureSearchStatus")
                    ->text()
                    .contains(QString::fromUtf8("δεν έχει φτάσει")));
        finder.setIndex(&index_);
        QTest::keyClicks(finder.searchField(), "zzzzqqq");
        QCOMPARE(finder.results()->count(), 0);
        QCOMPARE(finder.findChild<QLabel*>("procedureSearchStatus")->text(),
                 QString::fromUtf8("Καμία διαδικασία δεν ταιριάζει."));
        QVERIFY(!finder.searchField()->accessibleName().isEmpty());
        QVERIFY(!finder.results()->accessibleName().isEmpty());
    }

    void enterOpensTheProcedureInThePage() {
        CataloguePage page;
        page.setCatalogue(&*store_, &index_);
        page.setLanguage("el");
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.focusSearch();
        type(page.finder()->searchField(), QString::fromUtf8("πιστοποιητικό γέννησης"));
        QTest::keyClick(page.finder()->searchField(), Qt::Key_Return);
        QCOMPARE(page.view()->procedureId(), QString("900005"));
        QVERIFY(page.view()->details()->hasFocus());  // the clerk reads on with the keyboard
    }
};

QTEST_MAIN(tst_ProcedureFinder)
#include "tst_procedurefinder.moc"
