// Clerks' flags on catalogue entries, on SQLite and (tst_procedure_feedback_pg) on PostgreSQL:
// stored once however often a desk sends one, listed by procedure or for all, closed once.
#include "TestServerStore.h"
#include "feedback/ProcedureFeedback.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kep::server::feedback;

namespace {

NewFlag flag(const std::string& id, const std::string& procedure, const std::string& at) {
    return {id, procedure, "outdated_fee", "Το παράβολο άλλαξε.", "0101", "user-1", at};
}

}  // namespace

class tst_ProcedureFeedback : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    kep::test::TestServerDatabase database_{dir_.path().toStdString()};
    std::unique_ptr<kep::server::storage::ServerStore> store_;

private slots:
    void initTestCase() {
        store_ = database_.createStore();
        ProcedureFeedback feedback(*store_);
        QVERIFY(feedback.raise(flag("f-2", "900002", "2026-11-27T09:00:00Z")));
        QVERIFY(feedback.raise(flag("f-1", "900001", "2026-11-27T10:00:00Z")));
        QVERIFY(feedback.raise(flag("f-3", "900001", "2026-11-27T08:00:00Z")));
    }

    void aFlagSentAgainIsStoredOnce() {
        ProcedureFeedback feedback(*store_);
        auto again = flag("f-1", "900001", "2026-11-27T10:00:00Z");
        again.text = "δεύτερη αποστολή";
        const auto stored = feedback.raise(again);
        QVERIFY(stored);
        QCOMPARE(stored->raised.text, std::string("Το παράβολο άλλαξε."));
        // The same id for another procedure is not this flag.
        QVERIFY(!feedback.raise(flag("f-1", "900009", "2026-11-27T10:00:00Z")));
    }

    void listedByProcedureThenOldestFirst_data() {
        QTest::addColumn<QString>("procedure");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("every procedure") << "" << QStringList{"f-3", "f-1", "f-2"};
        QTest::newRow("one procedure") << "900001" << QStringList{"f-3", "f-1"};
        QTest::newRow("none flagged") << "900404" << QStringList{};
    }
    void listedByProcedureThenOldestFirst() {
        QFETCH(QString, procedure);
        QFETCH(QStringList, ids);
        QStringList listed;
        for (const auto& each :
             ProcedureFeedback(*store_).list(true, procedure.toStdString(), 10)) {
            listed << QString::fromStdString(each.raised.id);
        }
        QCOMPARE(listed, ids);
    }

    void closedOnce() {
        ProcedureFeedback feedback(*store_);
        QVERIFY(feedback.close("f-2", "admin-1", "Διορθώθηκε."));
        QVERIFY(!feedback.close("f-2", "admin-1", "ξανά"));
        QVERIFY(!feedback.close("f-404", "admin-1", ""));
        const auto closed = feedback.list(false, "", 10);
        QCOMPARE(closed.size(), std::size_t{1});
        QVERIFY(!closed[0].open);
        QCOMPARE(closed[0].closeNote, std::string("Διορθώθηκε."));
    }
};

QTEST_GUILESS_MAIN(tst_ProcedureFeedback)
#include "tst_procedure_feedback.moc"
