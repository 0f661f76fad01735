// WebhookSender against a stand-in notification service over TLS on loopback: the request it
// makes (path, bearer token, idempotency key, the message as JSON, SMS parts), and how each
// answer counts — 2xx sent, 4xx permanent, 408/429/5xx, time-outs and refused connections
// retried.
#include <QJsonArray>
#include <QTest>

#include "NotifyReceiver.h"
#include "TestPki.h"
#include "notify/WebhookSender.h"

using namespace kep::server::notify;
using kep::test::NotifyReceiver;
using kep::test::TestPki;
using Outcome = SendResult::Outcome;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(Outcome)

namespace {

NotificationMessage sms() {
    NotificationMessage m;
    m.id = "018f0000-0000-7000-8000-000000000001";
    m.caseId = "case-1";
    m.notice = StatusNotice::Filed;
    m.channel = Channel::Sms;
    m.language = Language::Greek;
    m.protocolNumber = "0101/2026/17";
    m.recipient = "+306912345678";
    m.body =
        "ΚΕΠ: Η αίτησή σας «Χορήγηση πρώτης άδειας διαμονής για εξαρτημένη εργασία» "
        "καταχωρίστηκε με αριθμό πρωτοκόλλου 0101/2026/17.";
    return m;
}

WebhookSettings settingsFor(const TestPki& pki, const QString& url,
                            std::chrono::milliseconds timeout = 5s) {
    return {url.toStdString(), "service-token-123", pki.caCertFile().toStdString(), timeout};
}

}  // namespace

class tst_WebhookSender : public QObject {
    Q_OBJECT

    TestPki pki_;

private slots:
    void initTestCase() { QVERIFY2(pki_.isValid(), qPrintable(pki_.errorString())); }

    void postsTheMessageWithTokenAndIdempotencyKey() {
        NotifyReceiver receiver;
        QVERIFY2(receiver.start(pki_, "202"), qPrintable(receiver.errorString()));
        WebhookSender sender(settingsFor(pki_, receiver.url("/v1/messages?source=kep")));
        const SendResult result = sender.send(sms());
        QVERIFY(result.outcome == Outcome::Sent);
        QCOMPARE(result.detail, std::string{"HTTP 202"});

        const auto requests = receiver.requests();
        QCOMPARE(requests.size(), std::size_t(1));
        const QJsonObject& request = requests[0];
        QCOMPARE(request["path"].toString(), QString("/v1/messages?source=kep"));
        QCOMPARE(request["authorization"].toString(), QString("Bearer service-token-123"));
        QCOMPARE(request["idempotency_key"].toString(), QString::fromStdString(sms().id));
        QCOMPARE(request["content_type"].toString(), QString("application/json"));
        const QJsonObject body = request["body"].toObject();
        QCOMPARE(body["id"].toString(), QString::fromStdString(sms().id));
        QCOMPARE(body["channel"].toString(), QString("sms"));
        QCOMPARE(body["to"].toString(), QString("+306912345678"));
        QCOMPARE(body["language"].toString(), QString("el"));
        QCOMPARE(body["notice"].toString(), QString("filed"));
        QCOMPARE(body["protocol_number"].toString(), QString("0101/2026/17"));
        QCOMPARE(body["encoding"].toString(), QString("ucs2"));
        QCOMPARE(body["text"].toString(), QString::fromStdString(sms().body));
        QCOMPARE(body["parts"].toArray().size(), 2);
        QString joined;
        for (const auto part : body["parts"].toArray()) {
            QVERIFY(part.toString().size() <= 67);
            joined += part.toString();
        }
        QCOMPARE(joined, QString::fromStdString(sms().body));
    }

    void emailCarriesSubjectAndBody() {
        NotifyReceiver receiver;
        QVERIFY2(receiver.start(pki_, "200"), qPrintable(receiver.errorString()));
        WebhookSender sender(settingsFor(pki_, receiver.url()));
        NotificationMessage email = sms();
        email.channel = Channel::Email;
        email.recipient = "eleni.test@example.gr";
        email.subject = "ΚΕΠ — αίτηση 0101/2026/17: καταχωρίστηκε";
        QVERIFY(sender.send(email).outcome == Outcome::Sent);
        const QJsonObject body = receiver.requests().at(0)["body"].toObject();
        QCOMPARE(body["channel"].toString(), QString("email"));
        QCOMPARE(body["subject"].toString(), QString::fromStdString(email.subject));
        QCOMPARE(body["body"].toString(), QString::fromStdString(email.body));
        QVERIFY(!body.contains("parts"));
    }

    void answersCount_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<Outcome>("outcome");
        QTest::newRow("200") << 200 << Outcome::Sent;
        QTest::newRow("204") << 204 << Outcome::Sent;
        QTest::newRow("400 bad request") << 400 << Outcome::Permanent;
        QTest::newRow("401 wrong token") << 401 << Outcome::Permanent;
        QTest::newRow("422 bad number") << 422 << Outcome::Permanent;
        QTest::newRow("408 request time-out") << 408 << Outcome::Retry;
        QTest::newRow("429 too many") << 429 << Outcome::Retry;
        QTest::newRow("500") << 500 << Outcome::Retry;
        QTest::newRow("503") << 503 << Outcome::Retry;
    }
    void answersCount() {
        QFETCH(int, status);
        QFETCH(Outcome, outcome);
        NotifyReceiver receiver;
        QVERIFY2(receiver.start(pki_, QString::number(status)), qPrintable(receiver.errorString()));
        WebhookSender sender(settingsFor(pki_, receiver.url()));
        const SendResult result = sender.send(sms());
        QVERIFY(result.outcome == outcome);
        QCOMPARE(result.detail, "HTTP " + std::to_string(status));
    }

    void slowServiceIsRetried() {
        NotifyReceiver receiver;
        QVERIFY2(receiver.start(pki_, "200", 3000), qPrintable(receiver.errorString()));
        WebhookSender sender(settingsFor(pki_, receiver.url(), 500ms));
        const SendResult result = sender.send(sms());
        QVERIFY(result.outcome == Outcome::Retry);
        QVERIFY(result.detail.find("+3069") == std::string::npos);
    }

    void refusedConnectionIsRetried() {
        // Nothing listens on port 1 of the loopback.
        WebhookSender sender(settingsFor(pki_, "https://127.0.0.1:1/v1/messages"));
        const SendResult result = sender.send(sms());
        QVERIFY(result.outcome == Outcome::Retry);
        QVERIFY(!result.detail.empty());
    }

    void statusClassification() {
        QVERIFY(outcomeOfStatus(299) == Outcome::Sent);
        QVERIFY(outcomeOfStatus(300) == Outcome::Permanent);
        QVERIFY(outcomeOfStatus(404) == Outcome::Permanent);
        QVERIFY(outcomeOfStatus(599) == Outcome::Retry);
    }
};

QTEST_GUILESS_MAIN(tst_WebhookSender)
#include "tst_webhook_sender.moc"
