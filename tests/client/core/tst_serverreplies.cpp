// The desk's reading of kep-server's answers: /healthz, every documented outcome of
// POST /api/v1/auth/login (200, 401, 429 with Retry-After, other errors, unreadable answers),
// of POST /api/v1/devices/enrol, and the user directory.
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

    void enrolment_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("reason");  // -1 = accepted
        QTest::addColumn<int>("wait");
        using R = EnrolmentFailure::Reason;
        QTest::newRow("201") << 201
                             << QByteArray(R"({"deviceId":"d-1","certificate":"-----BEGIN CERT",)"
                                           R"("caCertificate":"x","office":{"code":"0101",)"
                                           R"("name":"KEP"}})")
                             << QByteArray() << -1 << 0;
        QTest::newRow("201 without certificate")
            << 201 << QByteArray(R"({"deviceId":"d-1"})") << QByteArray() << int(R::BadReply) << 0;
        QTest::newRow("403 invalid code")
            << 403 << QByteArray(R"({"error":{"code":"enrolment_code_invalid","message":"m"}})")
            << QByteArray() << int(R::InvalidCode) << 0;
        QTest::newRow("403 other")
            << 403 << QByteArray(R"({"error":{"code":"forbidden","message":"m"}})") << QByteArray()
            << int(R::Refused) << 0;
        QTest::newRow("400 invalid csr")
            << 400 << QByteArray(R"({"error":{"code":"invalid_csr","message":"m"}})")
            << QByteArray() << int(R::InvalidRequest) << 0;
        QTest::newRow("429") << 429
                             << QByteArray(R"({"error":{"code":"too_many_attempts","message":""}})")
                             << QByteArray("90") << int(R::RateLimited) << 90;
        QTest::newRow("502 from a proxy")
            << 502 << QByteArray("<html>") << QByteArray() << int(R::BadReply) << 0;
    }
    void enrolment() {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, reason);
        QFETCH(int, wait);
        const auto outcome = readEnrolmentReply({status, body, retryAfter}, now_);
        if (reason < 0) {
            QVERIFY(std::holds_alternative<EnrolmentAccepted>(outcome));
            const auto& accepted = std::get<EnrolmentAccepted>(outcome);
            QCOMPARE(accepted.deviceId, QString("d-1"));
            QCOMPARE(accepted.officeCode, QString("0101"));
            QCOMPARE(accepted.certificatePem, QByteArray("-----BEGIN CERT"));
            return;
        }
        QVERIFY(std::holds_alternative<EnrolmentFailure>(outcome));
        QCOMPARE(int(std::get<EnrolmentFailure>(outcome).reason), reason);
        QCOMPARE(std::get<EnrolmentFailure>(outcome).retryAfterSeconds, wait);
    }

    void enrolmentBodyCarriesCodeCsrAndHost() {
        const QJsonObject body =
            QJsonDocument::fromJson(enrolmentRequestBody("ABCD-EFGH-JKLM", "CSR", "counter-3"))
                .object();
        QCOMPARE(body.value("code").toString(), QString("ABCD-EFGH-JKLM"));
        QCOMPARE(body.value("csr").toString(), QString("CSR"));
        QCOMPARE(body.value("hostname").toString(), QString("counter-3"));
        QCOMPARE(body.size(), 3);
    }

    void directory_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("users");     // -1 = unreadable
        QTest::addColumn<int>("disabled");  // how many
        QTest::newRow("two") << 200
                             << QByteArray(R"({"users":[{"id":"a","username":"x","disabled":true},)"
                                           R"({"id":"b","username":"y","disabled":false}]})")
                             << 2 << 1;
        QTest::newRow("empty") << 200 << QByteArray(R"({"users":[]})") << 0 << 0;
        QTest::newRow("without id is skipped")
            << 200 << QByteArray(R"({"users":[{"username":"x","disabled":true}]})") << 0 << 0;
        QTest::newRow("401") << 401 << QByteArray(R"({"error":{"code":"session_expired"}})") << -1
                             << 0;
        QTest::newRow("no array") << 200 << QByteArray(R"({"users":{}})") << -1 << 0;
    }
    void directory() {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, users);
        QFETCH(int, disabled);
        const auto read = readDirectoryReply({status, body, {}});
        QCOMPARE(read.has_value(), users >= 0);
        if (read) {
            QCOMPARE(int(read->size()), users);
            QCOMPARE(int(std::count_if(read->begin(), read->end(),
                                       [](const DirectoryUser& u) { return u.disabled; })),
                     disabled);
        }
    }
};

QTEST_GUILESS_MAIN(tst_ServerReplies)
#include "tst_serverreplies.moc"
