// `kep-server serve`'s notification options: a file or a webhook with its token (not both, and
// not one half of the webhook), an https URL only, the retry pace; the defaults send nothing.
#include <QTest>

#include "cli/CommandLine.h"

#include <vector>

using kep::server::cli::UsageError;
using kep::server::notify::NotifySettings;

namespace {

NotifySettings serveWith(std::vector<std::string_view> notifyOptions) {
    std::vector<std::string_view> words{"serve", "--data", "/srv/kep", "--listen",
                                        "127.0.0.1:8443"};
    words.insert(words.end(), notifyOptions.begin(), notifyOptions.end());
    return kep::server::cli::parseCommandLine(words).serve.notify;
}

}  // namespace

class tst_NotifyOptions : public QObject {
    Q_OBJECT

private slots:
    void noSenderByDefault() {
        const NotifySettings notify = serveWith({});
        QVERIFY(!notify.hasSender());
        QCOMPARE(notify.retry.firstDelay, std::chrono::milliseconds{30'000});
        QCOMPARE(notify.retry.maxAttempts, 10);
    }

    void file() {
        const NotifySettings notify = serveWith({"--notify-file", "/var/log/kep/notify.jsonl"});
        QVERIFY(notify.hasSender());
        QCOMPARE(notify.file, std::string{"/var/log/kep/notify.jsonl"});
    }

    void webhook() {
        const NotifySettings notify = serveWith(
            {"--notify-webhook", "https://notify.gov.example/v1/messages", "--notify-token-file",
             "/etc/kep/notify-token", "--notify-ca-file", "/etc/kep/service-ca.pem",
             "--notify-retry-ms", "5000", "--notify-max-attempts", "6"});
        QCOMPARE(notify.webhookUrl, std::string{"https://notify.gov.example/v1/messages"});
        QCOMPARE(notify.tokenFile, std::string{"/etc/kep/notify-token"});
        QCOMPARE(notify.caFile, std::string{"/etc/kep/service-ca.pem"});
        QCOMPARE(notify.retry.firstDelay, std::chrono::milliseconds{5'000});
        QCOMPARE(notify.retry.maxAttempts, 6);
    }

    void refusals_data() {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("message");
        QTest::newRow("file and webhook")
            << QStringList{"--notify-file",       "/tmp/n", "--notify-webhook", "https://h/x",
                           "--notify-token-file", "/t"}
            << "not both";
        QTest::newRow("webhook without token")
            << QStringList{"--notify-webhook", "https://h/x"} << "go together";
        QTest::newRow("token without webhook")
            << QStringList{"--notify-token-file", "/t"} << "go together";
        QTest::newRow("plain http")
            << QStringList{"--notify-webhook", "http://h/x", "--notify-token-file", "/t"}
            << "--notify-webhook";
        QTest::newRow("zero attempts")
            << QStringList{"--notify-max-attempts", "0"} << "--notify-max-attempts";
        QTest::newRow("unknown option") << QStringList{"--notify-sms", "x"} << "--notify-sms";
    }
    void refusals() {
        QFETCH(QStringList, options);
        QFETCH(QString, message);
        std::vector<std::string> storage;
        for (const QString& option : options) {
            storage.push_back(option.toStdString());
        }
        try {
            serveWith(std::vector<std::string_view>(storage.begin(), storage.end()));
            QFAIL("accepted");
        } catch (const UsageError& error) {
            QVERIFY2(std::string_view{error.what()}.find(message.toStdString()) !=
                         std::string_view::npos,
                     error.what());
        }
    }
};

QTEST_APPLESS_MAIN(tst_NotifyOptions)
#include "tst_notify_options.moc"
