// kep-server's command line: the two commands, their options and the refusals.
#include "cli/CommandLine.h"

#include <QTest>

using kep::server::cli::Command;
using kep::server::cli::UsageError;

namespace {

Command parse(const QStringList& words) {
    std::vector<std::string> storage;
    for (const auto& word : words) {
        storage.push_back(word.toStdString());
    }
    std::vector<std::string_view> views(storage.begin(), storage.end());
    return kep::server::cli::parseCommandLine(views);
}

}  // namespace

class tst_CommandLine : public QObject {
    Q_OBJECT

private slots:
    void init() {
        const auto command = parse({"init", "--data", "/srv/kep", "--demo"});
        QCOMPARE(command.kind, Command::Kind::Init);
        QCOMPARE(command.init.dataDir, std::string("/srv/kep"));
        QVERIFY(command.init.demo);
    }

    void serve_data() {
        QTest::addColumn<QString>("listen");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("IPv4") << "127.0.0.1:8443"
                              << "127.0.0.1" << 8443;
        QTest::newRow("any port") << "127.0.0.1:0"
                                  << "127.0.0.1" << 0;
        QTest::newRow("IPv6") << "[::1]:443"
                              << "::1" << 443;
        QTest::newRow("name") << "localhost:65535"
                              << "localhost" << 65535;
    }
    void serve() {
        QFETCH(QString, listen);
        QFETCH(QString, host);
        QFETCH(int, port);
        const auto command =
            parse({"serve", "--data", "d", "--listen", listen, "--threads", "4",
                   "--max-connections-per-address", "3", "--read-timeout-ms", "250"});
        QCOMPARE(command.kind, Command::Kind::Serve);
        QCOMPARE(QString::fromStdString(command.serve.host), host);
        QCOMPARE(int(command.serve.port), port);
        QCOMPARE(command.serve.threads, 4u);
        QCOMPARE(command.serve.limits.maxConnectionsPerAddress, std::size_t(3));
        QCOMPARE(command.serve.limits.readTimeout, std::chrono::milliseconds(250));
        QCOMPARE(command.serve.limits.maxConnections, std::size_t(16384));
    }

    void postgresDatabase() {
        QCOMPARE(parse({"init", "--data", "d"}).init.dsn, std::string());
        QCOMPARE(parse({"init", "--data", "d", "--dsn", "dbname=kep"}).init.dsn,
                 std::string("dbname=kep"));
        const auto serve =
            parse({"serve", "--data", "d", "--listen", "127.0.0.1:1", "--dsn", "dbname=kep"});
        QCOMPARE(serve.serve.dsn, std::string("dbname=kep"));
    }

    void identityOptions() {
        const auto defaults = parse({"serve", "--data", "d", "--listen", "127.0.0.1:1"});
        QCOMPARE(defaults.serve.identity.throttle.addressAttempts, 20);
        QCOMPARE(defaults.serve.identity.throttle.lockAfterFailures, 20);
        QCOMPARE(defaults.serve.identity.enrolment.attemptsPerAddress, 10);
        const auto set = parse({"serve", "--data", "d", "--listen", "127.0.0.1:1",
                                "--sign-in-attempts-per-minute", "500", "--sign-in-lock-after", "5",
                                "--enrol-attempts-per-minute", "30"});
        QCOMPARE(set.serve.identity.throttle.addressAttempts, 500);
        QCOMPARE(set.serve.identity.throttle.lockAfterFailures, 5);
        QCOMPARE(set.serve.identity.enrolment.attemptsPerAddress, 30);
    }

    void refusals_data() {
        QTest::addColumn<QStringList>("words");
        QTest::newRow("nothing") << QStringList{};
        QTest::newRow("unknown command") << QStringList{"start"};
        QTest::newRow("init without data") << QStringList{"init"};
        QTest::newRow("init unknown option") << QStringList{"init", "--data", "d", "--force"};
        QTest::newRow("data without value") << QStringList{"init", "--data"};
        QTest::newRow("serve without listen") << QStringList{"serve", "--data", "d"};
        QTest::newRow("listen without port")
            << QStringList{"serve", "--data", "d", "--listen", "127.0.0.1"};
        QTest::newRow("port too big")
            << QStringList{"serve", "--data", "d", "--listen", "127.0.0.1:65536"};
        QTest::newRow("bare IPv6") << QStringList{"serve", "--data", "d", "--listen", "::1:80"};
        QTest::newRow("zero threads")
            << QStringList{"serve", "--data", "d", "--listen", "127.0.0.1:1", "--threads", "0"};
        QTest::newRow("lock-out at 100 or more (issue 3: before 100)") << QStringList{
            "serve", "--data", "d", "--listen", "127.0.0.1:1", "--sign-in-lock-after", "100"};
        QTest::newRow("no sign-in attempts at all") << QStringList{
            "serve", "--data", "d", "--listen", "127.0.0.1:1", "--sign-in-attempts-per-minute",
            "0"};
        QTest::newRow("threads not a number")
            << QStringList{"serve", "--data", "d", "--listen", "127.0.0.1:1", "--threads", "2x"};
    }
    void refusals() {
        QFETCH(QStringList, words);
        QVERIFY_THROWS_EXCEPTION(UsageError, parse(words));
    }
};

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_command_line.moc"
