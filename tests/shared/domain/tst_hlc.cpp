// Hybrid logical clock: local and receive rules, clamping of remote clocks more than 60 s
// ahead (DESIGN.md decision 2), and a text form whose byte order is the time order.
#include <QTest>

#include <algorithm>
#include <limits>
#include <vector>

#include "shared/domain/HybridLogicalClock.h"

using kep::domain::HlcTimestamp;
using kep::domain::HybridLogicalClock;

Q_DECLARE_METATYPE(HlcTimestamp)

namespace {
constexpr std::int64_t kT = 1'760'000'000'000;  // an arbitrary 2025 instant, Unix ms
}

class tst_Hlc : public QObject {
    Q_OBJECT
private slots:
    void nowFollowsPhysicalTime();
    void nowIncreasesWhenClockStallsOrStepsBack();
    void receiveRule_data();
    void receiveRule();
    void clampsRemoteMoreThan60sAhead();
    void clampedClockStaysMonotonic();
    void textSortsLikeTimestamps();
    void textRoundTripAndRejects_data();
    void textRoundTripAndRejects();
    void restoreNeverGoesBack();
    void logicalOverflowMovesToNextMillisecond();
};

void tst_Hlc::nowFollowsPhysicalTime() {
    std::int64_t pt = kT;
    HybridLogicalClock clock([&] { return pt; });
    QCOMPARE(clock.now(), (HlcTimestamp{kT, 0}));
    pt += 5;
    QCOMPARE(clock.now(), (HlcTimestamp{kT + 5, 0}));
}

void tst_Hlc::nowIncreasesWhenClockStallsOrStepsBack() {
    std::int64_t pt = kT;
    HybridLogicalClock clock([&] { return pt; });
    const HlcTimestamp a = clock.now();
    const HlcTimestamp b = clock.now();
    pt -= 2'000;
    const HlcTimestamp c = clock.now();
    QCOMPARE(b, (HlcTimestamp{kT, 1}));
    QCOMPARE(c, (HlcTimestamp{kT, 2}));
    QVERIFY(a < b && b < c);
}

void tst_Hlc::receiveRule_data() {
    QTest::addColumn<HlcTimestamp>("local");
    QTest::addColumn<HlcTimestamp>("remote");
    QTest::addColumn<qint64>("physical");
    QTest::addColumn<HlcTimestamp>("expected");
    QTest::newRow("physical time wins")
        << HlcTimestamp{kT - 10, 4} << HlcTimestamp{kT - 5, 9} << qint64(kT) << HlcTimestamp{kT, 0};
    QTest::newRow("remote ahead") << HlcTimestamp{kT, 3} << HlcTimestamp{kT + 500, 7} << qint64(kT)
                                  << HlcTimestamp{kT + 500, 8};
    QTest::newRow("local ahead") << HlcTimestamp{kT + 900, 2} << HlcTimestamp{kT + 100, 50}
                                 << qint64(kT) << HlcTimestamp{kT + 900, 3};
    QTest::newRow("all equal, remote counter higher")
        << HlcTimestamp{kT, 3} << HlcTimestamp{kT, 11} << qint64(kT) << HlcTimestamp{kT, 12};
    QTest::newRow("all equal, local counter higher")
        << HlcTimestamp{kT, 20} << HlcTimestamp{kT, 11} << qint64(kT) << HlcTimestamp{kT, 21};
    QTest::newRow("exactly 60 s ahead is trusted")
        << HlcTimestamp{kT, 0} << HlcTimestamp{kT + 60'000, 5} << qint64(kT)
        << HlcTimestamp{kT + 60'000, 6};
}

void tst_Hlc::receiveRule() {
    QFETCH(HlcTimestamp, local);
    QFETCH(HlcTimestamp, remote);
    QFETCH(qint64, physical);
    QFETCH(HlcTimestamp, expected);
    std::int64_t pt = local.wallMs;
    HybridLogicalClock clock([&] { return pt; });
    clock.restore(local);
    pt = physical;
    const auto received = clock.update(remote);
    QCOMPARE(received.timestamp, expected);
    QVERIFY(!received.clamped);
    QCOMPARE(clock.last(), expected);
    QVERIFY(local < received.timestamp);
}

void tst_Hlc::clampsRemoteMoreThan60sAhead() {
    HybridLogicalClock clock([] { return kT; });
    const auto received = clock.update(HlcTimestamp{kT + 60'001, 42});
    QVERIFY(received.clamped);
    // The remote is taken as {pt + 60 s, 0}; the receive event follows it.
    QCOMPARE(received.timestamp, (HlcTimestamp{kT + 60'000, 1}));
    const auto farFuture = clock.update(HlcTimestamp{kT + 86'400'000LL * 365, 0});
    QVERIFY(farFuture.clamped);
    QCOMPARE(farFuture.timestamp, (HlcTimestamp{kT + 60'000, 2}));
    QVERIFY(clock.now().wallMs <= kT + 60'000);
}

void tst_Hlc::clampedClockStaysMonotonic() {
    std::int64_t pt = kT;
    HybridLogicalClock clock([&] { return pt; });
    std::int64_t maxPt = pt;
    std::vector<HlcTimestamp> issued;
    for (int i = 0; i < 300; ++i) {
        pt += i % 7 == 0 ? -3 : 2;
        maxPt = std::max(maxPt, pt);
        if (i % 5 == 0) {
            issued.push_back(clock.update(HlcTimestamp{pt + 120'000, 9}).timestamp);
        } else if (i % 5 == 1) {
            issued.push_back(clock.update(HlcTimestamp{pt - 50, 3}).timestamp);
        } else {
            issued.push_back(clock.now());
        }
        QVERIFY(issued.back().wallMs <= maxPt + 60'000);
    }
    QVERIFY(std::adjacent_find(issued.begin(), issued.end(), std::greater_equal<>()) ==
            issued.end());
}

void tst_Hlc::textSortsLikeTimestamps() {
    std::vector<HlcTimestamp> stamps{{0, 0},
                                     {0, 1},
                                     {9, 0},
                                     {10, 0},
                                     {15, 4'000'000'000U},
                                     {16, 0},
                                     {kT, 0},
                                     {kT, 0xA},
                                     {kT, 0x10},
                                     {kT + 1, 0},
                                     {(std::int64_t{1} << 48) - 1, 0}};
    for (std::size_t i = 1; i < stamps.size(); ++i) {
        QVERIFY(stamps[i - 1] < stamps[i]);
        QVERIFY(stamps[i - 1].toString() < stamps[i].toString());
    }
    QCOMPARE(QString::fromStdString(HlcTimestamp{kT, 10}.toString()),
             QStringLiteral("0199c82cc000-0000000a"));
}

void tst_Hlc::textRoundTripAndRejects_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("canonical") << "0199c82cc000-0000000a" << true;
    QTest::newRow("zero") << "000000000000-00000000" << true;
    QTest::newRow("uppercase") << "0199C82CC000-0000000A" << false;
    QTest::newRow("short") << "199c82cc000-0000000a" << false;
    QTest::newRow("no separator") << "0199c82cc00000000000a" << false;
    QTest::newRow("decimal separator") << "0199c82cc000.0000000a" << false;
    QTest::newRow("empty") << "" << false;
}

void tst_Hlc::textRoundTripAndRejects() {
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const auto parsed = HlcTimestamp::parse(text.toStdString());
    QCOMPARE(parsed.has_value(), valid);
    if (valid) {
        QCOMPARE(QString::fromStdString(parsed->toString()), text);
    }
}

void tst_Hlc::restoreNeverGoesBack() {
    HybridLogicalClock clock([] { return kT; });
    clock.restore(HlcTimestamp{kT + 5'000, 7});  // persisted before a restart, clock behind
    QCOMPARE(clock.now(), (HlcTimestamp{kT + 5'000, 8}));
    clock.restore(HlcTimestamp{kT, 0});  // an older value changes nothing
    QCOMPARE(clock.now(), (HlcTimestamp{kT + 5'000, 9}));
}

void tst_Hlc::logicalOverflowMovesToNextMillisecond() {
    HybridLogicalClock clock([] { return kT; });
    const auto maxLogical = std::numeric_limits<std::uint32_t>::max();
    QCOMPARE(clock.update(HlcTimestamp{kT, maxLogical}).timestamp, (HlcTimestamp{kT + 1, 0}));
    clock.restore(HlcTimestamp{kT + 2, maxLogical});
    QCOMPARE(clock.now(), (HlcTimestamp{kT + 3, 0}));
}

QTEST_APPLESS_MAIN(tst_Hlc)
#include "tst_hlc.moc"
