// What a Procedure answers of itself: the ids its documents have in a case's checklist (the
// desk's filing and the server's online intake both name documents by them).
#include <QTest>

#include "shared/catalogue/Procedure.h"

using kep::catalogue::Evidence;
using kep::catalogue::Procedure;

class tst_Procedure : public QObject {
    Q_OBJECT

private slots:
    void evidenceIds_data() {
        QTest::addColumn<QStringList>("numbers");  // the register's evidence_num_id, in order
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("the register's numbers")
            << QStringList{"1", "2", "7"} << QStringList{"1", "2", "7"};
        QTest::newRow("positions where a number is missing")
            << QStringList{"", "5", ""} << QStringList{"1", "5", "3"};
        QTest::newRow("a repeated number gets its position")
            << QStringList{"4", "4", "4"} << QStringList{"4", "4#2", "4#3"};
        QTest::newRow("a position taken by a number")
            << QStringList{"2", ""} << QStringList{"2", "2#2"};
        QTest::newRow("a repeat whose suffixed id the register used (found by fuzzing)")
            << QStringList{"1", "1#3", "1"} << QStringList{"1", "1#3", "1#3#3"};
        QTest::newRow("no documents") << QStringList{} << QStringList{};
    }
    void evidenceIds() {
        QFETCH(QStringList, numbers);
        QFETCH(QStringList, ids);
        Procedure procedure;
        for (const auto& number : numbers) {
            Evidence evidence;
            evidence.numId = number.toStdString();
            procedure.evidences.push_back(evidence);
        }
        QStringList got;
        for (const auto& id : procedure.evidenceIds()) {
            got << QString::fromStdString(id);
        }
        QCOMPARE(got, ids);
    }
};

QTEST_GUILESS_MAIN(tst_Procedure)
#include "tst_procedure.moc"
