// The desk's reading of kep-server's answers: /healthz and every documented outcome of
// POST /api/v1/auth/login (200, 401, 429 with Retry-After, other errors, unreadable answers).
#include "ServerReplies.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace kep::desk;
using Reason = SignInFailure::Reason;

Q_DECLARE_METATYPE(SignInFailure::Reason)

class tst_ServerReplies : public QObject {
    Q_OBJECT

    const QDateTime now_ = QDateTime(QDate(2025, 3, 3), QTime(10, 0, 0), Qt::UTC);

private slots:
    void health_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("online");
        QTest::addColumn<QString>("version");
        QTest::newRow("ok") << 200 << QByteArray(R"({"status":"ok","version":"0.1.0"})") << true
                            << "0.1.0";
        QTest::newRow("503") << 503 << QByteArray(R"({"status":"ok"})") << false << "";
        QTest::newRow("not ok") << 200 << QByteArray(R"({"status":"starting"})") << false << "";
        QTest::newRow("not json") << 200 << QByteArray("<html>proxy</html>") << false << "";
    }
    void health() {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, online);
        QFETCH(QString, version);
        const ServerHealth health = readHealthReply({status, body, {}});
        QCOMPARE(health.online, online);
        QCOMPARE(health.version, version);
        QCOMPARE(health.detail.isEmpty(), online);
    }

    void signInAccepted() {
        const QByteArray body = R"({"token":"t-123","expiresAt":"2025-03-03T22:00:00.000Z",
            "user":{"id":"0190a6c2-0000-7000-8000-000000000001","username":"clerk.demo",
            "displayName":"Μαρία Δοκιμαστική","role":"clerk",
            "office":{"code":"K0001","name":"ΚΕΠ Δοκιμών"}}})";
        const auto outcome = readSignInReply({200, body, {}}, now_);
        QVERIFY(std::holds_alternative<SignInAccepted>(outcome));
        const auto& accepted = std::get<SignInAccepted>(outcome);
        QCOMPARE(accepted.token, QByteArray("t-123"));
        QCOMPARE(accepted.session.username, QString("clerk.demo"));
        QCOMPARE(accepted.session.displayName, QString("Μαρία Δοκιμαστική"));
        QCOMPARE(accepted.session.role, QString("clerk"));
        QCOMPARE(accepted.session.officeCode, QString("K0001"));
        QCOMPARE(accepted.session.officeName, QString("ΚΕΠ Δοκιμών"));
        QCOMPARE(accepted.session.expiresAt, QDateTime(QDate(2025, 3, 3), QTime(22, 0), Qt::UTC));
    }

    void signInWithoutOffice() {
        const QByteArray body = R"({"token":"t","expiresAt":"2025-03-03T22:00:00Z",
            "user":{"id":7,"username":"central","displayName":"Κεντρική","role":"central_admin",
            "office":null}})";
        const auto outcome = readSignInReply({200, body, {}}, now_);
        QVERIFY(std::holds_alternative<SignInAccepted>(outcome));
        QVERIFY(std::get<SignInAccepted>(outcome).session.officeCode.isEmpty());
        QCOMPARE(std::get<SignInAccepted>(outcome).session.userId, QString("7"));
    }

    void signInRefused_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<Reason>("reason");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("wait");
        const QByteArray invalid =
            R"({"error":{"code":"invalid_credentials","message":"wrong username or password"}})";
        const QByteArray limited = R"({"error":{"code":"rate_limited","message":"slow down"}})";
        QTest::newRow("401") << 401 << invalid << QByteArray() << Reason::InvalidCredentials
                             << "invalid_credentials" << 0;
        QTest::newRow("429 seconds")
            << 429 << limited << QByteArray("42") << Reason::RateLimited << "rate_limited" << 42;
        QTest::newRow("429 http-date")
            << 429 << limited << QByteArray("Mon, 03 Mar 2025 10:02:00 GMT") << Reason::RateLimited
            << "rate_limited" << 120;
        QTest::newRow("429 no header")
            << 429 << limited << QByteArray() << Reason::RateLimited << "rate_limited" << 30;
        QTest::newRow("429 zero") << 429 << limited << QByteArray("0") << Reason::RateLimited
                                  << "rate_limited" << 1;
        QTest::newRow("403 disabled") << 403 << QByteArray(R"({"error":{"code":"user_disabled",
                                                    "message":"disabled"}})")
                                      << QByteArray() << Reason::Refused << "user_disabled" << 0;
        QTest::newRow("502 html") << 502 << QByteArray("<html>bad gateway</html>") << QByteArray()
                                  << Reason::BadReply << "" << 0;
        QTest::newRow("200 without token")
            << 200 << QByteArray(R"({"user":{"username":"x","role":"clerk"}})") << QByteArray()
            << Reason::BadReply << "" << 0;
    }
    void signInRefused() {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, retryAfter);
        QFETCH(Reason, reason);
        QFETCH(QString, code);
        QFETCH(int, wait);
        const auto outcome = readSignInReply({status, body, retryAfter}, now_);
        QVERIFY(std::holds_alternative<SignInFailure>(outcome));
        const auto& failure = std::get<SignInFailure>(outcome);
        QCOMPARE(failure.reason, reason);
        QCOMPARE(failure.code, code);
        QCOMPARE(failure.retryAfterSeconds, wait);
    }

    void requestBodyIsEscapedJson() {
        const QString password = QString::fromUtf8("πάσ\"ς\\word\n12");
        const QByteArray body = signInRequestBody("m.papadopoulou", password);
        const QJsonObject parsed = QJsonDocument::fromJson(body).object();
        QCOMPARE(parsed.value("username").toString(), QString("m.papadopoulou"));
        QCOMPARE(parsed.value("password").toString(), password);
        QCOMPARE(parsed.size(), 2);
    }
};

QTEST_GUILESS_MAIN(tst_ServerReplies)
#include "tst_serverreplies.moc"
