// Backoff after a failed sync attempt: the window doubles from 1 s to the 5-minute cap, the wait
// is drawn uniformly inside it (full jitter), attempts stay a second apart, and 3,000 desks that
// fail together do not come back together.
#include <QTest>

#include <map>
#include <random>

#include "shared/sync/RetryBackoff.h"

using namespace kep::sync;
using namespace std::chrono;

namespace {

const Instant kStart{milliseconds{1'750'000'000'000}};

}  // namespace

class tst_RetryBackoff : public QObject {
    Q_OBJECT

private slots:
    void windowDoublesUpToTheCap_data() {
        QTest::addColumn<int>("failures");
        QTest::addColumn<qint64>("windowMs");
        QTest::newRow("first") << 0 << qint64(1'000);
        QTest::newRow("second") << 1 << qint64(2'000);
        QTest::newRow("fifth") << 4 << qint64(16'000);
        QTest::newRow("ninth") << 8 << qint64(256'000);
        QTest::newRow("tenth: capped") << 9 << qint64(300'000);
        QTest::newRow("hundredth: capped, no overflow") << 100 << qint64(300'000);
    }

    void windowDoublesUpToTheCap() {
        QFETCH(int, failures);
        QFETCH(qint64, windowMs);
        RetryBackoff backoff;
        for (int i = 0; i < failures; ++i) {
            backoff.afterFailure(kStart, kStart, 0);
        }
        QCOMPARE(backoff.failures(), failures);
        QCOMPARE(qint64(backoff.window().count()), windowMs);
    }

    void waitIsDrawnInsideTheWindow_data() {
        QTest::addColumn<int>("failures");
        QTest::addColumn<quint64>("random");
        QTest::addColumn<qint64>("expectedWaitMs");
        // Window 16 s after four failures: random % 16001.
        QTest::newRow("bottom: the one-second gap holds") << 4 << quint64(0) << qint64(1'000);
        QTest::newRow("inside") << 4 << quint64(7'000) << qint64(7'000);
        QTest::newRow("top") << 4 << quint64(16'000) << qint64(16'000);
        QTest::newRow("wraps") << 4 << quint64(16'001) << qint64(1'000);
        QTest::newRow("capped window") << 20 << quint64(299'999) << qint64(299'999);
    }

    void waitIsDrawnInsideTheWindow() {
        QFETCH(int, failures);
        QFETCH(quint64, random);
        QFETCH(qint64, expectedWaitMs);
        RetryBackoff backoff;
        for (int i = 0; i < failures; ++i) {
            backoff.afterFailure(kStart, kStart, 0);
        }
        const Instant next = backoff.afterFailure(kStart, kStart, random);
        QCOMPARE(qint64((next - kStart).count()), expectedWaitMs);
    }

    void attemptsStayASecondApartEvenWhenTheFailureWasSlow() {
        RetryBackoff backoff;
        // The attempt started at kStart and failed (timed out) 30 s later: the gap is counted
        // from its start, so a zero draw retries at once.
        const Instant failedAt = kStart + seconds{30};
        QCOMPARE(backoff.afterFailure(kStart, failedAt, 0), failedAt);
        // A fast failure still waits a second after the attempt began.
        QCOMPARE(backoff.afterFailure(failedAt, failedAt + milliseconds{5}, 0),
                 failedAt + seconds{1});
    }

    void resetStartsOver() {
        RetryBackoff backoff;
        for (int i = 0; i < 6; ++i) {
            backoff.afterFailure(kStart, kStart, 0);
        }
        backoff.reset();
        QCOMPARE(backoff.failures(), 0);
        QCOMPARE(backoff.window(), milliseconds{1'000});
    }

    void noThunderingHerdAfterAnOutage() {
        // 3,000 desks lose the server at the same moment and keep failing for ten minutes; count
        // their attempts per second over that time. Without jitter every desk would retry in the
        // same second; with it the busiest second holds a small share of them.
        std::mt19937_64 dice(6);
        std::map<std::int64_t, int> perSecond;
        const Instant outageEnd = kStart + minutes{10};
        for (int desk = 0; desk < 3000; ++desk) {
            RetryBackoff backoff;
            Instant attempt = kStart;
            while (attempt < outageEnd) {
                attempt = backoff.afterFailure(attempt, attempt, dice());
                ++perSecond[duration_cast<seconds>(attempt - kStart).count()];
            }
        }
        int busiest = 0;
        std::int64_t total = 0;
        for (const auto& [second, count] : perSecond) {
            if (second > 60) {  // after the first minute, when the windows have opened
                busiest = std::max(busiest, count);
            }
            total += count;
        }
        qInfo("attempts: %lld over 10 minutes, busiest second after the first minute: %d",
              static_cast<long long>(total), busiest);
        QVERIFY2(busiest < 150, "retries bunch up");
        QVERIFY(total < 3000LL * 40);  // each desk tries a few dozen times, not every second
    }
};

QTEST_APPLESS_MAIN(tst_RetryBackoff)
#include "tst_retry_backoff.moc"
