// When the KEP asks a registry again after no answer: waits that grow to the cap within their
// jittered window, never sooner than a second after the failed attempt, and a last attempt.
#include "registry/RegistryRetry.h"

#include <QTest>

#include <limits>

using kep::server::registry::Instant;
using kep::server::registry::RegistryRetryPolicy;
using namespace std::chrono_literals;

namespace {

const Instant kStart{std::chrono::milliseconds{1'700'000'000'000}};
constexpr std::uint64_t kHighest = std::numeric_limits<std::uint64_t>::max();

}  // namespace

class tst_RegistryRetry : public QObject {
    Q_OBJECT

private slots:
    // With the dice at their highest (kHighest % (window + 1)), the wait is near the window's
    // top; the windows double from the base and stop at the cap.
    void waitsGrowToTheCap_data() {
        QTest::addColumn<int>("attempts");
        QTest::addColumn<qint64>("windowMs");
        QTest::newRow("first failure") << 1 << qint64(30'000);
        QTest::newRow("second") << 2 << qint64(60'000);
        QTest::newRow("fifth") << 5 << qint64(480'000);
        QTest::newRow("capped") << 12 << qint64(3'600'000);
        QTest::newRow("last before giving up") << 19 << qint64(3'600'000);
    }
    void waitsGrowToTheCap() {
        QFETCH(int, attempts);
        QFETCH(qint64, windowMs);
        const RegistryRetryPolicy policy;
        const auto next = policy.afterFailure(attempts, kStart, kStart, kHighest);
        QVERIFY(next);
        const auto wait = (*next - kStart).count();
        QVERIFY2(wait <= windowMs, qPrintable(QString::number(wait)));
        QCOMPARE(wait, static_cast<qint64>(kHighest % static_cast<std::uint64_t>(windowMs + 1)));
        // The lowest dice still leave a second between attempts.
        QCOMPARE(*policy.afterFailure(attempts, kStart, kStart, 0), kStart + 1s);
    }

    void givesUpAfterTheLastAttempt() {
        RegistryRetryPolicy policy;
        policy.maxAttempts = 3;
        QVERIFY(policy.afterFailure(2, kStart, kStart, 7));
        QVERIFY(!policy.afterFailure(3, kStart, kStart, 7));
        QVERIFY(!policy.afterFailure(4, kStart, kStart, 7));
    }

    // A slow attempt (a time-out) counts its wait from when it ended.
    void waitStartsWhenTheAttemptEnded() {
        const RegistryRetryPolicy policy;
        const Instant ended = kStart + 10s;
        QCOMPARE(*policy.afterFailure(1, kStart, ended, 5'000), ended + 5s);
    }
};

QTEST_GUILESS_MAIN(tst_RegistryRetry)
#include "tst_registry_retry.moc"
