// The procedure view on sample procedures from resources/catalogue: documents (alternatives and
// conditional ones marked), fees, deadline in words, ΦΕΚ references, authority and myKEPlive, in
// Greek and English; and "what changed" after a fee change, first when it changed since viewed.
#include "../../support/CatalogueFeed.h"
#include "LanguageManager.h"
#include "catalogue/CatalogueIndex.h"
#include "catalogue/CataloguePage.h"
#include "catalogue/ProcedureView.h"
#include "storage/DeskDatabase.h"

#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

using namespace kep::desk;
using namespace kep::desk::ui;
using kep::desk::test::CatalogueFeed;

class tst_ProcedureView : public QObject {
    Q_OBJECT

    LanguageManager languages_;

    struct Desk {
        QTemporaryDir dir;
        kep::db::Database db = storage::openDeskDatabase(dir.filePath("desk.db"));
        catalogue::CatalogueStore store{db};
        catalogue::CatalogueIndex index;
        CatalogueFeed feed = CatalogueFeed::sample();
        void pull() {
            const auto reply = feed.answer(
                "/api/v1/catalogue/changes?since=" + QByteArray::number(qint64(store.cursor())) +
                "&limit=100");
            store.applyPage(catalogue::readChangesPage(
                std::string_view(reply.body.constData(), reply.body.size())));
            index.load(store);
        }
    };

private slots:
    void showsWhatTheClerkNeeds_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("900003 el: alternatives, conditions, ΦΕΚ")
            << "900003"
            << "el"
            << QStringList{QString::fromUtf8("Δικαιολογητικά"),
                           QString::fromUtf8("Εναλλακτικό: μπορεί να αντικαταστήσει το "
                                             "δικαιολογητικό 5"),
                           QString::fromUtf8("Υπό προϋπόθεση:"),
                           QString::fromUtf8("150,00 €"),
                           QString::fromUtf8("ΦΕΚ Α 214"),
                           QString::fromUtf8("3 μήνες"),
                           QString::fromUtf8("Υπουργείο Μετανάστευσης και Ασύλου"),
                           QString::fromUtf8("Όχι: μόνο στο γκισέ.")};
        QTest::newRow("900002 en: fee range, myKEPlive")
            << "900002"
            << "en"
            << QStringList{"Required documents",
                           "Certified copy of every page of the valid passport.",
                           QString::fromUtf8("€150.00 to €300.00"),
                           QString::fromUtf8("ΦΕΚ Α 81"),
                           "2 months",
                           "Yes: the citizen can be served by video call.",
                           "Legal basis"};
        QTest::newRow("900005 el: no fee, hours")
            << "900005"
            << "el"
            << QStringList{QString::fromUtf8("Χωρίς κόστος."), QString::fromUtf8("2 ώρες"),
                           QString::fromUtf8("Ναι: ο πολίτης μπορεί να εξυπηρετηθεί"),
                           QString::fromUtf8("ΦΕΚ Α 163")};
    }
    void showsWhatTheClerkNeeds() {
        QFETCH(QString, id);
        QFETCH(QString, language);
        QFETCH(QStringList, expected);
        QVERIFY(languages_.setLanguage(language));
        Desk desk;
        desk.pull();
        CataloguePage page;
        page.setCatalogue(&desk.store, &desk.index);
        page.setLanguage(language);
        QVERIFY(page.openProcedure(id));
        const QString text = page.view()->details()->toPlainText();
        for (const QString& piece : expected) {
            QVERIFY2(text.contains(piece), qPrintable(piece + "\n---\n" + text.left(3000)));
        }
        QVERIFY(!page.view()->hasChanges());
        QVERIFY(!page.view()->pages()->isTabEnabled(1));
        QVERIFY(!page.view()->details()->accessibleName().isEmpty());
    }

    void changesShownFirstWhenChangedSinceViewed() {
        QVERIFY(languages_.setLanguage("el"));
        Desk desk;
        desk.pull();
        CataloguePage page;
        page.setCatalogue(&desk.store, &desk.index);
        page.setLanguage("el");
        QVERIFY(page.openProcedure("900002"));
        QVERIFY(!page.view()->showsChanges());

        desk.feed.publish(CatalogueFeed::withFirstFee(CatalogueFeed::sampleProcedures()[1], 175));
        desk.pull();
        page.catalogueUpdated({"900002"});  // the open procedure is shown in its new version
        QVERIFY(page.view()->showsChanges());
        const QString changes = page.view()->changes()->toPlainText();
        QVERIFY2(changes.contains(QString::fromUtf8("Τι άλλαξε από την έκδοση 1 στην 2")),
                 qPrintable(changes));
        QVERIFY2(changes.contains("evidence_cost_min"), qPrintable(changes));
        QVERIFY2(changes.contains("175"), qPrintable(changes));
        QVERIFY(page.view()->details()->toPlainText().contains(QString::fromUtf8("175,00 €")));

        // Seen now: opened again, the procedure comes first and the changes stay on demand.
        QVERIFY(page.openProcedure("900002"));
        QVERIFY(!page.view()->showsChanges());
        QVERIFY(page.view()->hasChanges());
        page.view()->showChanges();
        QVERIFY(page.view()->showsChanges());
    }

    void neverViewedShowsTheProcedure() {
        QVERIFY(languages_.setLanguage("en"));
        Desk desk;
        desk.pull();
        desk.feed.publish(CatalogueFeed::withFirstFee(CatalogueFeed::sampleProcedures()[0], 99));
        desk.pull();
        CataloguePage page;
        page.setCatalogue(&desk.store, &desk.index);
        page.setLanguage("en");
        QVERIFY(page.openProcedure("900001"));
        QVERIFY(!page.view()->showsChanges());
        QVERIFY(page.view()->hasChanges());
        QVERIFY(!page.openProcedure("999999"));
    }
};

QTEST_MAIN(tst_ProcedureView)
#include "tst_procedureview.moc"
