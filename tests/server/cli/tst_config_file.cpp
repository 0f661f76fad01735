// `kep-server serve --config FILE`: key = value lines applied as the options they name, flags
// overriding them, errors naming FILE:LINE; and packaging/kep-server.conf and
// docs/configuration.md naming every option serve knows, so that neither drifts from the parser.
#include "cli/CommandLine.h"
#include "cli/ConfigFile.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <string>
#include <vector>

using kep::server::cli::Command;
using kep::server::cli::parseCommandLine;
using kep::server::cli::UsageError;

namespace {

QString sourceFile(const char* relative) {
    return QStringLiteral(KEP_SOURCE_DIR "/") + QString::fromUtf8(relative);
}

QString readAll(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

Command parse(std::vector<std::string> words) {
    std::vector<std::string_view> views(words.begin(), words.end());
    return parseCommandLine(views);
}

// True when serve knows `option`: anything but "unknown argument" (a value error counts).
bool serveKnows(const std::string& option) {
    try {
        parse({"serve", "--data", "d", "--listen", "127.0.0.1:1", option, "1"});
        return true;
    } catch (const UsageError& error) {
        return std::string(error.what()).find("unknown argument") == std::string::npos;
    }
}

}  // namespace

class tst_ConfigFile : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    QString write(const QByteArray& text) {
        const auto path = dir_.filePath("kep-server.conf");
        QFile file(path);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(text);
        return path;
    }

private slots:
    void settingsApplyAsTheirOptions() {
        const auto path = write(
            "# a comment\n\n  data = /srv/kep data\nlisten = [::1]:9443\n"
            "threads=8\nnotify-file = /var/log/kep#1.jsonl\n");
        const auto command = parse({"serve", "--config", path.toStdString()});
        QCOMPARE(command.serve.dataDir, std::string("/srv/kep data"));
        QCOMPARE(command.serve.host, std::string("::1"));
        QCOMPARE(command.serve.port, std::uint16_t{9443});
        QCOMPARE(command.serve.threads, 8u);
        QCOMPARE(command.serve.notify.file, std::string("/var/log/kep#1.jsonl"));
    }

    // The PostgreSQL database under each of its names (issue 10).
    void theDatabaseUnderEachName_data() {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("dsn") << QByteArray("dsn = host=/run/postgresql dbname=kep");
        QTest::newRow("database-url")
            << QByteArray("database-url = host=/run/postgresql dbname=kep");
        QTest::newRow("database_url")
            << QByteArray("database_url = host=/run/postgresql dbname=kep");
    }

    void theDatabaseUnderEachName() {
        QFETCH(QByteArray, line);
        const auto path = write("data = /a\nlisten = 127.0.0.1:1\n" + line + "\n");
        const auto command = parse({"serve", "--config", path.toStdString()});
        QCOMPARE(command.serve.dsn, std::string("host=/run/postgresql dbname=kep"));
        const auto flag = parse({"serve", "--config", path.toStdString(), "--dsn", "dbname=other"});
        QCOMPARE(flag.serve.dsn, std::string("dbname=other"));
    }

    void flagsOverrideTheFileWhereverTheyStand() {
        const auto path = write("data = /a\nlisten = 127.0.0.1:1\nthreads = 8\n");
        const auto before = parse({"serve", "--threads", "3", "--config", path.toStdString()});
        QCOMPARE(before.serve.threads, 3u);
        QCOMPARE(before.serve.dataDir, std::string("/a"));
        const auto after = parse({"serve", "--config", path.toStdString(), "--data", "/b"});
        QCOMPARE(after.serve.dataDir, std::string("/b"));
        QCOMPARE(after.serve.threads, 8u);
    }

    void errorsNameTheFileAndLine_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown key")
            << QByteArray("data = /a\nlisten = h:1\ncolour = red\n") << ":3: unknown key 'colour'";
        QTest::newRow("bad number")
            << QByteArray("data = /a\n\nthreads = many\n") << ":3: --threads needs a whole number";
        QTest::newRow("out of range") << QByteArray("# x\nmax-connections = 0\n")
                                      << ":2: --max-connections needs a whole number";
        QTest::newRow("no value") << QByteArray("data =\n") << ":1: 'data =' needs a value";
        QTest::newRow("key without value")
            << QByteArray("threads\n") << ":1: --threads needs a value";
        QTest::newRow("twice") << QByteArray("threads = 2\nthreads = 3\n")
                               << ":2: 'threads' is set twice";
        QTest::newRow("dashes") << QByteArray("--threads = 2\n") << ":1: expected 'key = value'";
        QTest::newRow("bad listen")
            << QByteArray("listen = nowhere\n") << ":1: --listen needs HOST:PORT";
        QTest::newRow("nested config")
            << QByteArray("config = /etc/other.conf\n") << ":1: unknown key 'config'";
    }

    void errorsNameTheFileAndLine() {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        const auto path = write(text);
        try {
            parse({"serve", "--config", path.toStdString()});
            QFAIL("accepted");
        } catch (const UsageError& error) {
            const QString message = QString::fromUtf8(error.what());
            QVERIFY2(message.startsWith(path + expected), qPrintable(message));
        }
    }

    // What the package installs is itself a valid file: data and listen set, nothing else.
    void theSampleFileIsValid() {
        const auto command =
            parse({"serve", "--config", sourceFile("packaging/kep-server.conf").toStdString()});
        QCOMPARE(command.serve.dataDir, std::string("/var/lib/kep-server/data"));
        QCOMPARE(command.serve.port, std::uint16_t{8443});
        QCOMPARE(command.serve.threads, kep::server::cli::ServeOptions{}.threads);
    }

    void aMissingFileIsNamed() {
        try {
            parse({"serve", "--config", "/nonexistent/kep.conf"});
            QFAIL("accepted");
        } catch (const UsageError& error) {
            QVERIFY(std::string(error.what()).find("/nonexistent/kep.conf") != std::string::npos);
        }
    }

    void tlsCertificateAndKeyGoTogether() {
        QVERIFY_THROWS_EXCEPTION(
            UsageError, parse({"serve", "--data", "d", "--listen", "h:1", "--tls-cert", "/c.pem"}));
        const auto both = parse({"serve", "--data", "d", "--listen", "h:1", "--tls-cert", "/c.pem",
                                 "--tls-key", "/k.pem"});
        QCOMPARE(both.serve.tlsCertificate, std::string("/c.pem"));
        QCOMPARE(both.serve.tlsKey, std::string("/k.pem"));
    }

    // Every option serve knows — found in the parser's source and in its usage text, each
    // confirmed by the parser itself — is in the sample file and the configuration guide.
    void everyServeOptionIsDocumented() {
        QSet<QString> candidates;
        const QRegularExpression literal(QStringLiteral("\"(--[a-z0-9]+(?:-[a-z0-9]+)*)\""));
        for (auto it = literal.globalMatch(readAll(sourceFile("server/lib/cli/CommandLine.cpp")));
             it.hasNext();) {
            candidates.insert(it.next().captured(1));
        }
        const QRegularExpression token(QStringLiteral("(--[a-z0-9]+(?:-[a-z0-9]+)*)"));
        for (auto it = token.globalMatch(QString::fromStdString(kep::server::cli::usage()));
             it.hasNext();) {
            candidates.insert(it.next().captured(1));
        }
        const auto conf = readAll(sourceFile("packaging/kep-server.conf"));
        const auto guide = readAll(sourceFile("docs/configuration.md"));
        QVERIFY(!conf.isEmpty());
        QVERIFY(!guide.isEmpty());
        int options = 0;
        for (const auto& option : candidates) {
            if (option == "--config" || !serveKnows(option.toStdString())) {
                continue;
            }
            ++options;
            const auto key = option.mid(2);
            const QRegularExpression inConf(QStringLiteral("^#? ?%1 = \\S").arg(key),
                                            QRegularExpression::MultilineOption);
            QVERIFY2(inConf.match(conf).hasMatch(),
                     qPrintable(key + " is missing from packaging/kep-server.conf"));
            QVERIFY2(guide.contains("`" + key + "`"),
                     qPrintable(key + " is missing from docs/configuration.md"));
        }
        QVERIFY2(options >= 25, qPrintable(QString::number(options)));
    }
};

QTEST_GUILESS_MAIN(tst_ConfigFile)
#include "tst_config_file.moc"
