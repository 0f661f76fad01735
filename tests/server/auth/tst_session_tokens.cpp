// Session tokens over the real server schema: 256-bit base64url tokens stored only as SHA-256,
// bound to the workstation certificate, idle and absolute time-outs, and revocation seen at once
// by another connection (another kep-server process).
#include "auth/SessionTokens.h"
#include "auth/SqliteSessionStore.h"

#include "IdentityTestDatabase.h"

#include <QtTest>

#include <set>

using namespace kep::auth;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(kep::auth::SessionRefusal)

namespace {

const Instant t0 = std::chrono::sys_days{std::chrono::year{2025} / 3 / 14} + 8h;
const std::string deskA(64, 'a');  // SHA-256 fingerprints of two workstation certificates
const std::string deskB(64, 'b');

}  // namespace

class tst_SessionTokens : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void tokenShapeAndStorage();
    void tokensAreUnique();
    void validOnItsDevice();
    void refusedOnAnotherDevice();
    void malformedTokens_data();
    void malformedTokens();
    void unknownToken();
    void idleTimeout_data();
    void idleTimeout();
    void useKeepsSessionAliveUntilAbsoluteLimit();
    void frequentUseWritesLastSeenOncePerInterval();
    void signOutIsSeenByAnotherProcess();
    void revokeAllOfUser();
    void sessionNeedsAnExistingUser();
    void purgeDropsOldSessions();

private:
    std::unique_ptr<test::IdentityTestDatabase> files_;
    std::optional<kep::db::Database> db_;
    std::unique_ptr<SqliteSessionStore> store_;
    std::unique_ptr<SessionTokens> tokens_;
};

void tst_SessionTokens::init() {
    files_ = std::make_unique<test::IdentityTestDatabase>();
    QVERIFY(files_->isValid());
    db_.emplace(files_->open());
    store_ = std::make_unique<SqliteSessionStore>(*db_);
    tokens_ = std::make_unique<SessionTokens>(*store_);
}

void tst_SessionTokens::cleanup() {
    tokens_.reset();
    store_.reset();
    db_.reset();
    files_.reset();
}

void tst_SessionTokens::tokenShapeAndStorage() {
    const IssuedSession issued = tokens_->issue(test::kClerkId, deskA, t0);
    QCOMPARE(issued.token.size(), std::size_t{43});  // 32 bytes, unpadded base64url
    QVERIFY(issued.token.find_first_not_of(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
            std::string::npos);
    QCOMPARE(issued.session.tokenHash.size(), std::size_t{64});
    QCOMPARE(sessionTokenHash(issued.token), std::optional<std::string>(issued.session.tokenHash));

    // The row holds the hash, never the token.
    auto rows = db_->prepare(
        "SELECT token_hash, user_id, device_fingerprint, created_at, last_seen_at, "
        "coalesce(revoked_at, '') FROM sessions");
    QVERIFY(rows.step());
    for (int c = 0; c < rows.columnCount(); ++c) {
        QVERIFY(rows.text(c).find(issued.token) == std::string::npos);
    }
    QCOMPARE(rows.text(0), issued.session.tokenHash);
    QCOMPARE(rows.text(3), std::string("2025-03-14T08:00:00Z"));
    QVERIFY(!rows.step());
}

void tst_SessionTokens::tokensAreUnique() {
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        QVERIFY(seen.insert(tokens_->issue(test::kClerkId, deskA, t0).token).second);
    }
}

void tst_SessionTokens::validOnItsDevice() {
    const IssuedSession issued = tokens_->issue(test::kClerkId, deskA, t0);
    const SessionCheck check = tokens_->validate(issued.token, deskA, t0 + 5min);
    QVERIFY(check.valid());
    QVERIFY(check.session);
    QCOMPARE(check.session->userId, std::string(test::kClerkId));
    QCOMPARE(check.session->deviceFingerprint, deskA);
}

void tst_SessionTokens::refusedOnAnotherDevice() {
    const IssuedSession issued = tokens_->issue(test::kClerkId, deskA, t0);
    QCOMPARE(tokens_->validate(issued.token, deskB, t0 + 1s).refusal, SessionRefusal::WrongDevice);
    QCOMPARE(tokens_->validate(issued.token, "", t0 + 1s).refusal, SessionRefusal::WrongDevice);
    QCOMPARE(tokens_->validate(issued.token, deskA.substr(0, 63), t0 + 1s).refusal,
             SessionRefusal::WrongDevice);
    QVERIFY(tokens_->validate(issued.token, deskA, t0 + 1s).valid());
}

void tst_SessionTokens::malformedTokens_data() {
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("too short") << QByteArray(42, 'A');
    QTest::newRow("too long") << QByteArray(44, 'A');
    QTest::newRow("standard base64 chars") << QByteArray(42, 'A') + "+";
    QTest::newRow("padding") << QByteArray(42, 'A') + "=";
    QTest::newRow("non-zero tail bits") << QByteArray(42, 'A') + "B";
    QTest::newRow("space") << QByteArray(42, 'A') + " ";
    QTest::newRow("bearer prefix") << QByteArray("Bearer ") + QByteArray(43, 'A');
}

void tst_SessionTokens::malformedTokens() {
    QFETCH(QByteArray, token);
    tokens_->issue(test::kClerkId, deskA, t0);
    QCOMPARE(tokens_->validate(token.toStdString(), deskA, t0).refusal, SessionRefusal::Malformed);
    QVERIFY(!tokens_->revoke(token.toStdString(), t0));
}

void tst_SessionTokens::unknownToken() {
    tokens_->issue(test::kClerkId, deskA, t0);
    // Well-formed, never issued.
    QCOMPARE(tokens_->validate(std::string(43, 'A'), deskA, t0).refusal, SessionRefusal::Unknown);
}

void tst_SessionTokens::idleTimeout_data() {
    QTest::addColumn<int>("idleSeconds");
    QTest::addColumn<SessionRefusal>("expected");
    QTest::newRow("just issued") << 0 << SessionRefusal::None;
    QTest::newRow("29 min 59 s") << 30 * 60 - 1 << SessionRefusal::None;
    QTest::newRow("30 min") << 30 * 60 << SessionRefusal::IdleExpired;
    QTest::newRow("3 hours") << 3 * 3600 << SessionRefusal::IdleExpired;
    QTest::newRow("13 hours") << 13 * 3600 << SessionRefusal::AbsoluteExpired;
}

void tst_SessionTokens::idleTimeout() {
    QFETCH(int, idleSeconds);
    QFETCH(SessionRefusal, expected);
    const IssuedSession issued = tokens_->issue(test::kClerkId, deskA, t0);
    QCOMPARE(tokens_->validate(issued.token, deskA, t0 + std::chrono::seconds(idleSeconds)).refusal,
             expected);
}

void tst_SessionTokens::useKeepsSessionAliveUntilAbsoluteLimit() {
    const IssuedSession issued = tokens_->issue(test::kClerkId, deskA, t0);
    Instant now = t0;
    // Used every 20 minutes all day: never idle, but 12 hours is the end.
    while (now + 20min < t0 + 12h) {
        now += 20min;
        QVERIFY2(tokens_->validate(issued.token, deskA, now).valid(), toUtcText(now).c_str());
    }
    QVERIFY(tokens_->validate(issued.token, deskA, t0 + 12h - 1s).valid());
    QCOMPARE(tokens_->validate(issued.token, deskA, t0 + 12h).refusal,
             SessionRefusal::AbsoluteExpired);
}

void tst_SessionTokens::frequentUseWritesLastSeenOncePerInterval() {
    const IssuedSession issued = tokens_->issue(test::kClerkId, deskA, t0);
    QVERIFY(tokens_->validate(issued.token, deskA, t0 + 30s).valid());
    QCOMPARE(store_->find(issued.session.tokenHash)->lastSeenAt, t0);
    QVERIFY(tokens_->validate(issued.token, deskA, t0 + 61s).valid());
    QCOMPARE(store_->find(issued.session.tokenHash)->lastSeenAt, t0 + 61s);
    // An older touch from a slower process does not move it back.
    store_->touch(issued.session.tokenHash, t0 + 10s);
    QCOMPARE(store_->find(issued.session.tokenHash)->lastSeenAt, t0 + 61s);
}

void tst_SessionTokens::signOutIsSeenByAnotherProcess() {
    auto otherDb = files_->open();
    SqliteSessionStore otherStore(otherDb);
    SessionTokens otherProcess(otherStore);

    const IssuedSession issued = tokens_->issue(test::kClerkId, deskA, t0);
    QVERIFY(otherProcess.validate(issued.token, deskA, t0 + 1s).valid());
    QVERIFY(tokens_->revoke(issued.token, t0 + 2s));
    QCOMPARE(otherProcess.validate(issued.token, deskA, t0 + 2s).refusal, SessionRefusal::Revoked);
    QVERIFY(!tokens_->revoke(issued.token, t0 + 3s));  // already revoked
}

void tst_SessionTokens::revokeAllOfUser() {
    const auto a = tokens_->issue(test::kClerkId, deskA, t0);
    const auto b = tokens_->issue(test::kClerkId, deskB, t0);
    const auto other = tokens_->issue(test::kManagerId, deskA, t0);
    QCOMPARE(tokens_->revokeAllOfUser(test::kClerkId, t0 + 1s), 2);
    QCOMPARE(tokens_->validate(a.token, deskA, t0 + 1s).refusal, SessionRefusal::Revoked);
    QCOMPARE(tokens_->validate(b.token, deskB, t0 + 1s).refusal, SessionRefusal::Revoked);
    QVERIFY(tokens_->validate(other.token, deskA, t0 + 1s).valid());
}

void tst_SessionTokens::sessionNeedsAnExistingUser() {
    // sessions.user_id references 0001's users(id): the two migrations agree on key types.
    bool refused = false;
    try {
        tokens_->issue("0190a3c2-7d1e-7000-8000-00000000dead", deskA, t0);
    } catch (const kep::db::Error& e) {
        refused = e.isConstraint();
    }
    QVERIFY(refused);
}

void tst_SessionTokens::purgeDropsOldSessions() {
    const auto old = tokens_->issue(test::kClerkId, deskA, t0);
    const auto fresh = tokens_->issue(test::kClerkId, deskA, t0 + 13h);
    QCOMPARE(store_->purgeLastSeenBefore(t0 + 12h), 1);
    QVERIFY(!store_->find(old.session.tokenHash));
    QVERIFY(store_->find(fresh.session.tokenHash));
}

QTEST_GUILESS_MAIN(tst_SessionTokens)
#include "tst_session_tokens.moc"
