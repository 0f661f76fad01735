// Rate limits of the real server, each answered 429 with Retry-After and a JSON error, each
// counted per caller so that another caller goes on: the public routes (catalogue, calendar)
// and the status look-up per address, online applications per API key, sign-in per address and
// per user. Callers on other addresses are real: sockets bound to 127.0.0.x.
#include "IdentityTestKit.h"
#include "IntakeTestKit.h"
#include "RawTlsConnection.h"
#include "ServerProcess.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <csignal>
#include <memory>

using kep::test::IdentityTestKit;
using kep::test::RawTlsConnection;
using kep::test::ServerProcess;

namespace {

constexpr int kPublicRate = 5;
constexpr int kStatusRate = 3;
constexpr int kIntakeRate = 3;
constexpr int kSignInRate = 4;

struct Answer {
    int status = 0;
    int retryAfter = 0;  // 0: no Retry-After header
    QString errorCode;
};

Answer parseAnswer(const QByteArray& raw) {
    Answer answer;
    const auto headerEnd = raw.indexOf("\r\n\r\n");
    const auto lines = raw.left(headerEnd).split('\n');
    if (lines.isEmpty() || headerEnd < 0) {
        return answer;
    }
    answer.status = lines.front().split(' ').value(1).toInt();
    for (const auto& line : lines) {
        if (line.toLower().startsWith("retry-after:")) {
            answer.retryAfter = line.mid(12).trimmed().toInt();
        }
    }
    answer.errorCode = QJsonDocument::fromJson(raw.mid(headerEnd + 4))
                           .object()
                           .value("error")
                           .toObject()
                           .value("code")
                           .toString();
    return answer;
}

}  // namespace

class tst_RequestRateLimiter : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;
    std::unique_ptr<IdentityTestKit> kit_;
    std::optional<kep::test::EnrolledWorkstation> workstation_;

    // One request on a connection of its own from `source`, optionally as the workstation.
    Answer call(const QString& source, const QByteArray& method, const QByteArray& target,
                const QByteArray& body = {}, const QByteArray& headers = {},
                bool asWorkstation = false) {
        RawTlsConnection connection(server_.caFile(), server_.port(), source,
                                    asWorkstation ? workstation_->certFile : QString(),
                                    asWorkstation ? workstation_->keyFile : QString());
        if (!connection.open()) {
            return {};
        }
        connection.write(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers +
                         "Content-Type: application/json\r\nContent-Length: " +
                         QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        return parseAnswer(connection.readAll(5000));
    }

    static void verifyRefused(const Answer& answer) {
        QCOMPARE(answer.status, 429);
        QVERIFY2(answer.retryAfter >= 1 && answer.retryAfter <= 60,
                 qPrintable(QString::number(answer.retryAfter)));
        QVERIFY(answer.errorCode == "too_many_requests" || answer.errorCode == "too_many_attempts");
    }

private slots:
    void initTestCase() {
        std::signal(SIGPIPE, SIG_IGN);
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(
            server_.start(true, {"--public-requests-per-minute", QString::number(kPublicRate),
                                 "--status-lookups-per-minute", QString::number(kStatusRate),
                                 "--intake-requests-per-minute", QString::number(kIntakeRate),
                                 "--sign-in-attempts-per-minute", QString::number(kSignInRate)}),
            qPrintable(server_.errorString()));
        kit_ = std::make_unique<IdentityTestKit>(server_);
        QVERIFY2(kit_->loadDemo(), qPrintable(kit_->errorString()));
        workstation_ = kit_->enrol(kit_->takeDemoCode("0101"));
        QVERIFY2(workstation_, qPrintable(kit_->errorString()));
    }

    // Each row from addresses of its own: the public bucket is shared by these routes.
    void publicRoutesArePerAddress_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("other");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("catalogue search")
            << "127.0.0.2"
            << "127.0.0.12" << QByteArray("GET") << QByteArray("/api/v1/catalogue/search?q=adeia")
            << QByteArray();
        QTest::newRow("catalogue changes")
            << "127.0.0.3"
            << "127.0.0.13" << QByteArray("GET") << QByteArray("/api/v1/catalogue/changes?since=0")
            << QByteArray();
        QTest::newRow("procedure")
            << "127.0.0.4"
            << "127.0.0.14" << QByteArray("GET") << QByteArray("/api/v1/catalogue/procedures/none")
            << QByteArray();
        QTest::newRow("calendar") << "127.0.0.5"
                                  << "127.0.0.15" << QByteArray("POST")
                                  << QByteArray("/api/v1/calendar/due-date")
                                  << QByteArray(R"({"from":"2025-04-17","workingDays":1})");
    }
    void publicRoutesArePerAddress() {
        QFETCH(QString, source);
        QFETCH(QString, other);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, body);
        for (int i = 0; i < kPublicRate; ++i) {
            const auto answer = call(source, method, target, body);
            QVERIFY2(answer.status != 429 && answer.status != 0,
                     qPrintable(QString::number(answer.status)));
        }
        verifyRefused(call(source, method, target, body));
        const auto elsewhere = call(other, method, target, body);
        QVERIFY2(elsewhere.status != 429 && elsewhere.status != 0,
                 qPrintable(QString::number(elsewhere.status)));
    }

    void statusLookUpIsPerAddress() {
        const QByteArray target = "/api/v1/public/status?protocol=0101%2F2027%2F1&id=123456789";
        for (int i = 0; i < kStatusRate; ++i) {
            QCOMPARE(call("127.0.0.6", "GET", target).status, 404);
        }
        verifyRefused(call("127.0.0.6", "GET", target));
        QCOMPARE(call("127.0.0.16", "GET", target).status, 404);
    }

    // Two channels' keys from one address: each key has its own count.
    void intakeIsPerApiKey() {
        const auto govgr = kep::test::channelKey(*kit_, "govgr");
        const auto eugo = kep::test::channelKey(*kit_, "eugo");
        QVERIFY(govgr && eugo);
        auto keyed = [](const std::string& key, int n) {
            return QByteArray("Authorization: Bearer ") + QByteArray::fromStdString(key) +
                   "\r\nIdempotency-Key: rate-" + QByteArray::number(n) + "\r\n";
        };
        // An empty object is refused by the handler (400), after it was counted.
        for (int i = 0; i < kIntakeRate; ++i) {
            QCOMPARE(call("127.0.0.7", "POST", "/api/v1/intake", "{}", keyed(*govgr, i)).status,
                     400);
        }
        verifyRefused(call("127.0.0.7", "POST", "/api/v1/intake", "{}", keyed(*govgr, 99)));
        QCOMPARE(call("127.0.0.7", "POST", "/api/v1/intake", "{}", keyed(*eugo, 1)).status, 400);
    }

    void signInIsPerAddress() {
        const QByteArray wrong = R"({"username":"nobody.%1","password":"not anyone's password"})";
        for (int i = 0; i < kSignInRate; ++i) {
            QCOMPARE(call("127.0.0.8", "POST", "/api/v1/auth/login",
                          QByteArray(wrong).replace("%1", QByteArray::number(i)), {}, true)
                         .status,
                     401);
        }
        verifyRefused(call("127.0.0.8", "POST", "/api/v1/auth/login",
                           QByteArray(wrong).replace("%1", "x"), {}, true));
        QCOMPARE(call("127.0.0.18", "POST", "/api/v1/auth/login",
                      QByteArray(wrong).replace("%1", "y"), {}, true)
                     .status,
                 401);
    }

    // Guesses at one user from ever new addresses are slowed all the same: after the free
    // failures the user waits, wherever the next guess comes from.
    void signInIsPerUserAcrossAddresses() {
        const QByteArray guess = R"({"username":"clerk","password":"not the clerk's password"})";
        bool delayed = false;
        for (int i = 0; i < 6 && !delayed; ++i) {
            const auto answer = call(QStringLiteral("127.0.1.%1").arg(i + 1), "POST",
                                     "/api/v1/auth/login", guess, {}, true);
            if (answer.status == 429) {
                verifyRefused(answer);
                delayed = true;
            } else {
                QCOMPARE(answer.status, 401);
            }
        }
        QVERIFY(delayed);
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_RequestRateLimiter)
#include "tst_request_rate_limiter.moc"
