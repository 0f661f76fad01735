// What filing takes from a procedure: the checklist's requirements in the register's order with
// alternatives kept, the fee in cents (cost, else the sum of fees), the due date in working days.
#include "cases/ProcedureFiling.h"

#include <QTest>

using namespace kep::desk::cases;

namespace {

kep::catalogue::Evidence evidence(const std::string& id, const std::string& group = {}) {
    kep::catalogue::Evidence e;
    e.numId = id;
    e.alternativeGroup = group;
    return e;
}

kep::catalogue::Fee fee(std::optional<double> min, std::optional<double> max) {
    kep::catalogue::Fee f;
    f.min = min;
    f.max = max;
    return f;
}

const kep::cases::Instant kTuesday{std::chrono::sys_days{std::chrono::year{2026} / 3 / 10} +
                                   std::chrono::hours{10}};

}  // namespace

class tst_ProcedureFiling : public QObject {
    Q_OBJECT

private slots:
    void requirementsKeepOrderAndAlternatives() {
        kep::catalogue::Procedure p;
        p.evidences = {evidence("7"), evidence("5", "A"), evidence("", "A"), evidence("7")};
        const auto r = evidenceRequirements(p);
        QCOMPARE(r.size(), std::size_t{4});
        QCOMPARE(r[0].id, std::string("7"));
        QCOMPARE(r[1].alternativeGroup, std::string("A"));
        QCOMPARE(r[2].id, std::string("3"));  // no num_id: its position
        QCOMPARE(r[2].alternativeGroup, std::string("A"));
        QVERIFY(r[3].id != r[0].id);  // a repeated num_id still makes a valid checklist
        kep::cases::EvidenceChecklist checklist(r);
        QCOMPARE(checklist.items().size(), std::size_t{4});
    }

    void feeInCents_data() {
        QTest::addColumn<double>("cost");  // < 0: the register states none
        QTest::addColumn<QList<double>>("fees");
        QTest::addColumn<qint64>("cents");
        QTest::newRow("no fee") << -1.0 << QList<double>{} << qint64(0);
        QTest::newRow("cost") << 1.5 << QList<double>{9.0} << qint64(150);
        QTest::newRow("sum of fees") << -1.0 << QList<double>{1.5, 0.3} << qint64(180);
        QTest::newRow("rounding") << 0.29 << QList<double>{} << qint64(29);
    }
    void feeInCents() {
        QFETCH(double, cost);
        QFETCH(QList<double>, fees);
        QFETCH(qint64, cents);
        kep::catalogue::Procedure p;
        if (cost >= 0) {
            p.costMin = cost;
        }
        for (double amount : fees) {
            p.fees.push_back(fee(amount, std::nullopt));
        }
        QCOMPARE(qint64(feeCents(p)), cents);
        p.fees.push_back(fee(std::nullopt, 2.0));  // only a maximum: that is the fee
        if (cost < 0) {
            QCOMPARE(qint64(feeCents(p)), cents + 200);
        }
    }

    void dueDateInWorkingDays_data() {
        QTest::addColumn<QString>("deadline");
        QTest::addColumn<QString>("due");  // "" when none is counted
        QTest::newRow("ten working days") << QStringLiteral("P10D") << QStringLiteral("2026-03-24");
        QTest::newRow("three weeks") << QStringLiteral("P3W") << QStringLiteral("2026-03-31");
        QTest::newRow("no deadline") << QString() << QString();
    }
    void dueDateInWorkingDays() {
        QFETCH(QString, deadline);
        QFETCH(QString, due);
        kep::catalogue::Procedure p;
        p.deadline.text = deadline.toStdString();
        if (!deadline.isEmpty()) {
            p.deadline.value = kep::domain::IsoDuration::parse(deadline.toStdString()).duration;
        }
        const auto result = dueDateOnFiling(p, "0101", kTuesday);
        QCOMPARE(result.ok(), !due.isEmpty());
        if (result.ok()) {
            const auto d = result.due->date;
            QCOMPARE(QDate(int(d.year()), int(unsigned(d.month())), int(unsigned(d.day())))
                         .toString(Qt::ISODate),
                     due);
        } else {
            QVERIFY(result.error == kep::cases::DueDateError::None);
        }
    }
};

QTEST_GUILESS_MAIN(tst_ProcedureFiling)
#include "tst_procedurefiling.moc"
