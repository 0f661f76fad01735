// Citizens' notifications through the real kep-server over TLS: cases filed and moved by a desk's
// pushes end as JSON lines in the --notify-file; with --notify-webhook, a service that answers
// 500 twice is retried until its 200, and one that answers 400 leaves the message failed;
// `kep-server notifications` counts them, and the log never names a contact.
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "NotifyReceiver.h"
#include "SyncTestKit.h"
#include "TestPki.h"
#include "shared/cases/CaseFields.h"
#include "shared/domain/TaxId.h"
#include "shared/sync/SyncServerCore.h"

#include <functional>
#include <memory>

using kep::test::NotifyReceiver;
using kep::test::ServerProcess;
using kep::test::SyncDesk;
using kep::test::SyncTestKit;
using kep::test::TestPki;
namespace cf = kep::cases::fields;
namespace ccf = kep::sync::case_fields;

namespace {

const std::string kEmail = "eleni.test@example.gr";
const std::string kPhone = "6912345678";
const std::string kEnglishEmail = "john.test@example.com";

const std::string& syntheticAfm() {
    static const std::string afm = kep::domain::SyntheticTaxIds(11).afm();
    return afm;
}

std::string citizen(const std::string& email, const std::string& phone) {
    return R"({"kind":"greek","afm":")" + syntheticAfm() +
           R"(","surname_el":"Δοκιμαστική","given_name_el":"Ελένη","email":")" + email +
           R"(","phone":")" + phone + R"("})";
}

bool waitFor(const std::function<bool()>& done, int timeoutMs = 20000) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs) {
            return false;
        }
        QTest::qWait(100);
    }
    return true;
}

std::vector<QJsonObject> jsonLines(const QString& path) {
    std::vector<QJsonObject> out;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (!line.isEmpty()) {
                out.push_back(QJsonDocument::fromJson(line).object());
            }
        }
    }
    return out;
}

}  // namespace

class tst_NotificationFlow : public QObject {
    Q_OBJECT

    TestPki pki_;
    ServerProcess server_;
    std::unique_ptr<SyncTestKit> kit_;
    std::optional<SyncDesk> desk_;
    kep::cases::Actor clerk_;
    kep::cases::Actor manager_;
    int cases_ = 0;

    QString notifyFile() const { return server_.dataDir() + "/../notifications.jsonl"; }

    // Serves again with other notification options; the desk follows to the new port.
    void restartWith(const QStringList& options) {
        QCOMPARE(server_.stop(), 0);
        QVERIFY2(server_.serve(options), qPrintable(server_.errorString()));
        kit_->reconnect(*desk_);
    }

    void push(std::vector<kep::sync::OutboxOp> ops) {
        for (auto& op : ops) {
            op.deviceSeq = desk_->nextSeq++;
        }
        auto result = desk_->transport->push(desk_->batch(std::move(ops)));
        auto* response = std::get_if<kep::sync::PushResponse>(&result);
        QVERIFY2(response, "the push failed");
        for (const auto& op : response->results) {
            QVERIFY2(op.outcome == kep::sync::OpOutcome::Applied, op.reason.c_str());
        }
    }

    // A case filed by the clerk; returns its entity.
    kep::sync::EntityRef file(const std::string& status, const std::string& language,
                              kep::sync::FieldMap extra) {
        const kep::sync::EntityRef ref{"case", desk_->ids->next().toString()};
        kep::sync::FieldMap fields{
            {std::string{cf::kProtocolNumber}, "0101/2026/" + std::to_string(900 + ++cases_)},
            {std::string{cf::kProcedureId}, "900001"},
            {std::string{cf::kLanguage}, language},
            {std::string{ccf::kStatus}, status},
            {std::string{ccf::kRequiresApproval}, status == "submitted" ? "false" : "true"}};
        fields.merge(extra);
        push({desk_->ops->create(ref, desk_->bucket(), clerk_, fields)});
        return ref;
    }

    kep::sync::OutboxOp move(const kep::sync::EntityRef& ref, const kep::cases::Actor& actor,
                             kep::cases::CaseStatus to, const std::string& reason = {}) {
        return desk_->ops->transition(ref, desk_->bucket(), actor, 1, to, reason);
    }

    QJsonObject counts() {
        const int code = server_.runOnce({"notifications", "--data", server_.dataDir()});
        if (code != 0) {
            return {};
        }
        return QJsonDocument::fromJson(server_.lastOutput().trimmed()).object();
    }

    void logNamesNoContact() {
        const QByteArray log = server_.log();
        for (const std::string& contact : {kEmail, kEnglishEmail, kPhone, syntheticAfm()}) {
            QVERIFY2(!log.contains(QByteArray::fromStdString(contact)), contact.c_str());
        }
    }

private slots:
    void initTestCase() {
        QVERIFY2(pki_.isValid(), qPrintable(pki_.errorString()));
        QVERIFY2(server_.init(true), qPrintable(server_.errorString()));
        QVERIFY2(server_.serve({"--notify-file", notifyFile()}), qPrintable(server_.errorString()));
        kit_ = std::make_unique<SyncTestKit>(server_);
        QVERIFY2(kit_->setUp(), qPrintable(kit_->errorString()));
        desk_ = kit_->enrolDesk("0101");
        QVERIFY2(desk_, qPrintable(kit_->errorString()));
        auto clerk = kit_->actor(*desk_, "clerk");
        auto manager = kit_->actor(*desk_, "manager");
        QVERIFY2(clerk && manager, qPrintable(kit_->errorString()));
        clerk_ = *clerk;
        manager_ = *manager;
    }

    // Filed and forwarded (one notice, by e-mail and SMS, in Greek); filed for approval and
    // rejected by the manager (two notices, by e-mail, in English, the second with its reason).
    void fileSenderWritesOneLinePerMessage() {
        const auto greek = file("submitted", "el",
                                {{std::string{cf::kContact},
                                  R"({"email":")" + kEmail + R"(","phone":")" + kPhone + R"("})"},
                                 {std::string{cf::kCitizen}, citizen("", "")}});
        push({move(greek, clerk_, kep::cases::CaseStatus::Forwarded)});
        const auto english = file("pending_approval", "en",
                                  {{std::string{cf::kCitizen}, citizen(kEnglishEmail, "")}});
        push({move(english, manager_, kep::cases::CaseStatus::Rejected,
                   "the applicant is not eligible")});

        QVERIFY2(waitFor([&] { return jsonLines(notifyFile()).size() >= 4; }),
                 qPrintable(QString::number(jsonLines(notifyFile()).size()) + " lines"));
        QTest::qWait(1500);  // nothing more comes: forwarding is not announced
        const auto lines = jsonLines(notifyFile());
        QCOMPARE(lines.size(), std::size_t(4));
        std::map<QString, QJsonObject> byKey;
        for (const QJsonObject& line : lines) {
            byKey[line["protocol_number"].toString() + "/" + line["notice"].toString() + "/" +
                  line["channel"].toString()] = line;
            QVERIFY(
                !QJsonDocument(line).toJson().contains(QByteArray::fromStdString(syntheticAfm())));
        }
        const QJsonObject sms = byKey["0101/2026/901/filed/sms"];
        QCOMPARE(sms["to"].toString(), QString("+306912345678"));
        QCOMPARE(sms["encoding"].toString(), QString("ucs2"));
        QVERIFY(sms["text"].toString().contains("Χορήγηση πρώτης άδειας διαμονής"));
        QVERIFY(!sms["parts"].toArray().isEmpty());
        const QJsonObject email = byKey["0101/2026/901/filed/email"];
        QCOMPARE(email["to"].toString(), QString::fromStdString(kEmail));
        QVERIFY(email["subject"].toString().contains("0101/2026/901"));
        QCOMPARE(byKey["0101/2026/902/filed/email"]["language"].toString(), QString("en"));
        const QJsonObject rejected = byKey["0101/2026/902/rejected/email"];
        QVERIFY(
            rejected["body"].toString().contains("was rejected: the applicant is not eligible"));
        QVERIFY(rejected["body"].toString().contains("Grant of a first residence permit"));

        const QJsonObject n = counts();
        QCOMPARE(n["sent"].toInt(), 4);
        QCOMPARE(n["queued"].toInt(), 0);
        QCOMPARE(n["failed"].toInt(), 0);
        logNamesNoContact();
    }

    void webhookRetriesUntilTheServiceTakesIt() {
        NotifyReceiver receiver;
        QVERIFY2(receiver.start(pki_, "500,500,200"), qPrintable(receiver.errorString()));
        const QString token = server_.dataDir() + "/../notify-token";
        QFile tokenFile(token);
        QVERIFY(tokenFile.open(QIODevice::WriteOnly));
        tokenFile.write("service-token-xyz\n");
        tokenFile.close();
        restartWith({"--notify-webhook", receiver.url(), "--notify-token-file", token,
                     "--notify-ca-file", pki_.caCertFile(), "--notify-retry-ms", "200"});

        file("submitted", "el", {{std::string{cf::kContact}, R"({"email":")" + kEmail + R"("})"}});
        QVERIFY(waitFor([&] { return receiver.requests().size() >= 3; }));
        QTest::qWait(1000);
        const auto requests = receiver.requests();
        QCOMPARE(requests.size(), std::size_t(3));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(requests[i]["status"].toInt(), i < 2 ? 500 : 200);
            QCOMPARE(requests[i]["idempotency_key"], requests[0]["idempotency_key"]);
            QCOMPARE(requests[i]["authorization"].toString(), QString("Bearer service-token-xyz"));
        }
        QCOMPARE(requests[0]["body"].toObject()["protocol_number"].toString(),
                 QString("0101/2026/903"));
        QVERIFY(waitFor([&] { return counts()["sent"].toInt() == 5; }));
        QCOMPARE(server_.log().count("\"notification_retry\""), qsizetype(2));
        logNamesNoContact();
    }

    void webhookRefusalLeavesTheMessageFailed() {
        NotifyReceiver receiver;
        QVERIFY2(receiver.start(pki_, "400"), qPrintable(receiver.errorString()));
        restartWith({"--notify-webhook", receiver.url(), "--notify-token-file",
                     server_.dataDir() + "/../notify-token", "--notify-ca-file", pki_.caCertFile(),
                     "--notify-retry-ms", "200"});

        file("submitted", "en", {{std::string{cf::kContact}, R"({"phone":"+4915112345678"})"}});
        QVERIFY(waitFor([&] { return counts()["failed"].toInt() == 1; }));
        QTest::qWait(1000);
        QCOMPARE(receiver.requests().size(), std::size_t(1));
        QCOMPARE(receiver.requests()[0]["body"].toObject()["encoding"].toString(), QString("gsm7"));
        const QByteArray log = server_.log();
        QVERIFY(log.contains("\"notification_failed\""));
        QVERIFY(log.contains("HTTP 400"));
        QVERIFY(!log.contains("+4915112345678"));
        QCOMPARE(counts()["sent"].toInt(), 5);
    }

    // With no sender, messages wait in the outbox, and the log says why once.
    void withoutSenderMessagesStayQueued() {
        restartWith({});
        // Logged just after "listening on": under a sanitizer it may come a moment later.
        QVERIFY(waitFor([&] { return server_.log().contains("\"notifications_not_sent\""); }));
        file("submitted", "el", {{std::string{cf::kContact}, R"({"email":")" + kEmail + R"("})"}});
        QVERIFY(waitFor([&] { return counts()["queued"].toInt() == 1; }));
        QCOMPARE(counts()["sent"].toInt(), 5);
    }

    void cleanupTestCase() { server_.stop(); }
};

QTEST_GUILESS_MAIN(tst_NotificationFlow)
#include "tst_notification_flow.moc"
