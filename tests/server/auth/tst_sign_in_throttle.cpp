// Sign-in throttling with time injected, over the real server schema in a SQLite file: the
// growing delay, the lock-out and its cool-down and unlock, and the per-address rate — all
// shared between connections as between kep-server processes.
#include "auth/SignInThrottle.h"
#include "auth/SqliteSignInThrottleStore.h"

#include "IdentityTestDatabase.h"

#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace kep::auth;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(kep::auth::ThrottleVerdict)

namespace {

const Instant t0 = std::chrono::sys_days{std::chrono::year{2025} / 3 / 14} + 9h;

// Fails `n` times as fast as the throttle allows, each from its own address so that only the
// per-user rule is exercised. Returns the instant of the last failure.
Instant failAsFastAsAllowed(SignInThrottle& throttle, std::string_view user, int n, Instant from) {
    Instant now = from;
    for (int i = 0; i < n; ++i) {
        const auto d = throttle.beforeAttempt(user, "10.0.0." + std::to_string(i % 250), now);
        if (!d.proceed()) {
            now += d.retryAfter;
            --i;
            continue;
        }
        // Proceeding counted the attempt as a failure: the password is never right here.
    }
    return now;
}

}  // namespace

class tst_SignInThrottle : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void delaySchedule_data();
    void delaySchedule();
    void delayIsEnforced();
    void lockOutAfterTwentyFailures();
    void lockOutEndsAfterCoolDownButRelocks();
    void administratorUnlocks();
    void successForgetsFailures();
    void usernamesAreCaseInsensitive();
    void unknownUsernameIsThrottledLikeAKnownOne();
    void fortyFastAttemptsFromOneAddressMeet429();
    void addressWindowResets();
    void stateIsSharedBetweenConnections();
    void purgeKeepsRunningLockOuts();
    void concurrentGuessesCannotExceedTheAllowance_data();
    void concurrentGuessesCannotExceedTheAllowance();

private:
    std::unique_ptr<test::IdentityTestDatabase> files_;
    std::optional<kep::db::Database> db_;
    std::unique_ptr<SqliteSignInThrottleStore> store_;
    std::unique_ptr<SignInThrottle> throttle_;
};

void tst_SignInThrottle::init() {
    files_ = std::make_unique<test::IdentityTestDatabase>();
    QVERIFY(files_->isValid());
    db_.emplace(files_->open());
    store_ = std::make_unique<SqliteSignInThrottleStore>(*db_);
    throttle_ = std::make_unique<SignInThrottle>(*store_);
}

void tst_SignInThrottle::cleanup() {
    throttle_.reset();
    store_.reset();
    db_.reset();
    files_.reset();
}

void tst_SignInThrottle::delaySchedule_data() {
    QTest::addColumn<int>("failures");
    QTest::addColumn<int>("delay");
    const std::pair<int, int> rows[] = {{0, 0},   {1, 0},   {2, 0},   {3, 1},    {4, 2},
                                        {5, 4},   {6, 8},   {7, 16},  {8, 32},   {9, 60},
                                        {10, 60}, {19, 60}, {40, 60}, {1000, 60}};
    for (const auto& [failures, delay] : rows) {
        QTest::addRow("%d failures", failures) << failures << delay;
    }
}

void tst_SignInThrottle::delaySchedule() {
    QFETCH(int, failures);
    QFETCH(int, delay);
    QCOMPARE(throttle_->delayAfter(failures).count(), delay);
}

void tst_SignInThrottle::delayIsEnforced() {
    // Two failures cost nothing; the third makes the next try wait 1 s.
    for (int i = 0; i < 3; ++i) {
        QVERIFY(throttle_->beforeAttempt("eleni.k", "10.1.1.1", t0).proceed());
    }
    auto d = throttle_->beforeAttempt("eleni.k", "10.1.1.1", t0);
    QCOMPARE(d.verdict, ThrottleVerdict::UserDelayed);
    QCOMPARE(d.retryAfter, 1s);
    QVERIFY(throttle_->beforeAttempt("eleni.k", "10.1.1.1", t0 + 1s).proceed());
    // Four failures: 2 s after the last one.
    d = throttle_->beforeAttempt("eleni.k", "10.1.1.1", t0 + 2s);
    QCOMPARE(d.verdict, ThrottleVerdict::UserDelayed);
    QCOMPARE(d.retryAfter, 1s);
    QVERIFY(throttle_->beforeAttempt("eleni.k", "10.1.1.1", t0 + 3s).proceed());
    // The attempt just admitted is counted up front, until a right password clears it.
    QCOMPARE(throttle_->consecutiveFailures("eleni.k"), 5);
}

void tst_SignInThrottle::lockOutAfterTwentyFailures() {
    QVERIFY(throttle_->settings().lockAfterFailures < 100);
    const Instant last = failAsFastAsAllowed(*throttle_, "eleni.k", 19, t0);
    QVERIFY(throttle_->beforeAttempt("eleni.k", "10.2.0.1", last + 60s).proceed());
    const auto d = throttle_->beforeAttempt("eleni.k", "10.2.0.2", last + 61s);
    QCOMPARE(d.verdict, ThrottleVerdict::UserLocked);
    QCOMPARE(d.retryAfter, std::chrono::seconds(30min) - 1s);
    // Still locked just before the cool-down ends, whatever the address.
    QCOMPARE(throttle_->beforeAttempt("eleni.k", "10.2.0.3", last + 60s + 30min - 1s).verdict,
             ThrottleVerdict::UserLocked);
}

void tst_SignInThrottle::lockOutEndsAfterCoolDownButRelocks() {
    const Instant last = failAsFastAsAllowed(*throttle_, "eleni.k", 20, t0);
    const Instant afterCoolDown = last + 30min;
    QVERIFY(throttle_->beforeAttempt("eleni.k", "10.3.0.1", afterCoolDown).proceed());
    QCOMPARE(throttle_->beforeAttempt("eleni.k", "10.3.0.1", afterCoolDown + 1s).verdict,
             ThrottleVerdict::UserLocked);
    QCOMPARE(throttle_->consecutiveFailures("eleni.k"), 21);
}

void tst_SignInThrottle::administratorUnlocks() {
    const Instant last = failAsFastAsAllowed(*throttle_, "eleni.k", 20, t0);
    QCOMPARE(throttle_->beforeAttempt("eleni.k", "10.4.0.1", last + 1s).verdict,
             ThrottleVerdict::UserLocked);
    throttle_->unlock("eleni.k");
    QCOMPARE(throttle_->consecutiveFailures("eleni.k"), 0);
    QVERIFY(throttle_->beforeAttempt("eleni.k", "10.4.0.1", last + 2s).proceed());
    QCOMPARE(throttle_->consecutiveFailures("eleni.k"), 1);  // the admitted attempt, reserved
}

void tst_SignInThrottle::successForgetsFailures() {
    const Instant last = failAsFastAsAllowed(*throttle_, "eleni.k", 8, t0);
    QVERIFY(throttle_->beforeAttempt("eleni.k", "10.5.0.1", last + 32s).proceed());
    throttle_->recordSuccess("eleni.k");
    QCOMPARE(throttle_->consecutiveFailures("eleni.k"), 0);
    QVERIFY(throttle_->beforeAttempt("eleni.k", "10.5.0.1", last + 33s).proceed());  // fails
    QCOMPARE(throttle_->consecutiveFailures("eleni.k"), 1);
    QVERIFY(throttle_->beforeAttempt("eleni.k", "10.5.0.1", last + 33s).proceed());
}

void tst_SignInThrottle::usernamesAreCaseInsensitive() {
    failAsFastAsAllowed(*throttle_, "Eleni.K", 3, t0);
    QCOMPARE(throttle_->consecutiveFailures("eleni.k"), 3);
    failAsFastAsAllowed(*throttle_, "ΜΑΡΙΑ", 2, t0);
    QCOMPARE(throttle_->consecutiveFailures("μαρια"), 2);
}

void tst_SignInThrottle::unknownUsernameIsThrottledLikeAKnownOne() {
    // The throttle never asks whether a name exists, so its answers cannot reveal it.
    const Instant a = failAsFastAsAllowed(*throttle_, test::kClerkId, 20, t0);
    const Instant b = failAsFastAsAllowed(*throttle_, "nobody-by-this-name", 20, t0);
    QCOMPARE(a, b);
    QCOMPARE(throttle_->beforeAttempt("nobody-by-this-name", "10.6.0.1", b + 1s).verdict,
             ThrottleVerdict::UserLocked);
}

void tst_SignInThrottle::fortyFastAttemptsFromOneAddressMeet429() {
    int proceeded = 0;
    int limited = 0;
    for (int i = 0; i < 40; ++i) {
        // Different usernames: only the address rule can stop them.
        const auto d = throttle_->beforeAttempt("user" + std::to_string(i), "192.0.2.7",
                                                t0 + std::chrono::seconds(i / 4));
        if (d.proceed()) {
            ++proceeded;
        } else {
            QCOMPARE(d.verdict, ThrottleVerdict::AddressRateLimited);
            QVERIFY(d.retryAfter > 0s && d.retryAfter <= 60s);
            ++limited;
        }
    }
    QCOMPARE(proceeded, 20);
    QCOMPARE(limited, 20);
    // Another address is not affected.
    QVERIFY(throttle_->beforeAttempt("user0", "192.0.2.8", t0 + 10s).proceed());
}

void tst_SignInThrottle::addressWindowResets() {
    for (int i = 0; i < 25; ++i) {
        throttle_->beforeAttempt("eleni.k", "192.0.2.9", t0 + 5s);
    }
    const auto limited = throttle_->beforeAttempt("eleni.k", "192.0.2.9", t0 + 20s);
    QCOMPARE(limited.verdict, ThrottleVerdict::AddressRateLimited);
    QCOMPARE(limited.retryAfter, 45s);
    QVERIFY(throttle_->beforeAttempt("eleni.k", "192.0.2.9", t0 + 65s).proceed());
}

void tst_SignInThrottle::stateIsSharedBetweenConnections() {
    // A second connection to the same file stands for a second kep-server process.
    auto other = files_->open();
    SqliteSignInThrottleStore otherStore(other);
    SignInThrottle otherThrottle(otherStore);

    const Instant last = failAsFastAsAllowed(*throttle_, "eleni.k", 20, t0);
    QCOMPARE(otherThrottle.beforeAttempt("eleni.k", "10.7.0.1", last + 1s).verdict,
             ThrottleVerdict::UserLocked);
    otherThrottle.unlock("eleni.k");
    QVERIFY(throttle_->beforeAttempt("eleni.k", "10.7.0.1", last + 2s).proceed());

    for (int i = 0; i < 10; ++i) {
        throttle_->beforeAttempt("a", "198.51.100.1", t0);
        otherThrottle.beforeAttempt("b", "198.51.100.1", t0);
    }
    QCOMPARE(throttle_->beforeAttempt("c", "198.51.100.1", t0).verdict,
             ThrottleVerdict::AddressRateLimited);
}

void tst_SignInThrottle::purgeKeepsRunningLockOuts() {
    const Instant locked = failAsFastAsAllowed(*throttle_, "locked.user", 20, t0);
    throttle_->beforeAttempt("few.failures", "203.0.113.6", t0);
    throttle_->beforeAttempt("x", "203.0.113.5", t0);
    const int purged = store_->purgeIdle(locked + 1s, locked + 1s);
    QVERIFY(purged >= 2);  // idle address windows and the user with one failure
    QVERIFY(!store_->find(ThrottleSubject::Address, "203.0.113.5"));
    QCOMPARE(throttle_->consecutiveFailures("few.failures"), 0);
    QCOMPARE(throttle_->consecutiveFailures("locked.user"), 20);
}

void tst_SignInThrottle::concurrentGuessesCannotExceedTheAllowance_data() {
    QTest::addColumn<int>("earlierFailures");
    QTest::addColumn<int>("allowed");
    // Free failures (2) and the one after them have no delay: 3 guesses from a clean slate.
    QTest::newRow("clean slate") << 0 << 3;
    QTest::newRow("one failure before") << 1 << 2;
    // 19 failures: the 20th attempt locks, so exactly one more guess gets through.
    QTest::newRow("one short of lock-out") << 19 << 1;
}

void tst_SignInThrottle::concurrentGuessesCannotExceedTheAllowance() {
    QFETCH(int, earlierFailures);
    QFETCH(int, allowed);
    const Instant start = failAsFastAsAllowed(*throttle_, "eleni.k", earlierFailures, t0);
    const Instant now = start + 3600s;  // past any delay of the earlier failures
    // Each thread is its own connection, as each kep-server process (or io thread) would be.
    constexpr int kThreads = 8;
    constexpr int kGuessesEach = 4;
    std::atomic<int> proceeded{0};
    std::atomic<int> errors{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            try {
                auto db = files_->open();
                SqliteSignInThrottleStore store(db);
                SignInThrottle throttle(store);
                while (!go.load()) {
                    std::this_thread::yield();
                }
                for (int i = 0; i < kGuessesEach; ++i) {
                    const auto address = "10.9." + std::to_string(t) + "." + std::to_string(i);
                    if (throttle.beforeAttempt("eleni.k", address, now).proceed()) {
                        ++proceeded;
                    }
                }
            } catch (const std::exception&) {
                ++errors;
            }
        });
    }
    go = true;
    for (auto& thread : threads) {
        thread.join();
    }
    QCOMPARE(errors.load(), 0);
    QCOMPARE(proceeded.load(), allowed);
    QCOMPARE(throttle_->consecutiveFailures("eleni.k"), std::int64_t(earlierFailures + allowed));
}

QTEST_GUILESS_MAIN(tst_SignInThrottle)
#include "tst_sign_in_throttle.moc"
