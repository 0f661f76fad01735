// The identity administration commands in-process against an initialised data folder: what
// they print, their exit statuses (0 done, 1 refused, 2 usage), and what they refuse.
#include "cli/IdentityCommands.h"
#include "cli/InitCommand.h"
#include "db/Database.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sstream>

using kep::server::cli::runIdentityCommandLine;

class tst_IdentityCommands : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::string data_;
    std::string out_;
    std::string err_;

    int run(std::vector<std::string> arguments, std::optional<std::string> password = {}) {
        arguments.push_back("--data");
        arguments.push_back(data_);
        std::vector<std::string_view> views(arguments.begin(), arguments.end());
        std::ostringstream out;
        std::ostringstream err;
        const int code = runIdentityCommandLine(
            views, [password] { return password; }, out, err);
        out_ = out.str();
        err_ = err.str();
        return code;
    }

    // Runs the current row of a table with the columns arguments, password (empty: none),
    // exitCode and says (what stdout on success, stderr otherwise, contains).
    void runDataRow() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, password);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        std::vector<std::string> args;
        for (const auto& argument : arguments) {
            args.push_back(argument.toStdString());
        }
        std::optional<std::string> given;
        if (!password.isEmpty()) {
            given = password.toStdString();
        }
        QCOMPARE(run(args, given), exitCode);
        const auto said = exitCode == 0 ? out_ : err_;
        QVERIFY2(said.find(says.toStdString()) != std::string::npos, said.c_str());
    }

private slots:
    void initTestCase() {
        data_ = dir_.filePath("data").toStdString();
        std::ostringstream out;
        std::ostringstream err;
        QCOMPARE(kep::server::cli::runInit(
                     {data_, false, {}},
                     [] { return std::optional<std::string>("a long enough password"); }, out, err),
                 0);
    }

    void officeAddAndDuplicate() {
        QCOMPARE(
            run({"office", "add", "--code", "0505", "--name", "ΚΕΠ Βόλου", "--region", "Θεσσαλία"}),
            0);
        QVERIFY2(out_.find("0505") != std::string::npos, out_.c_str());
        QCOMPARE(run({"office", "add", "--code", "0505", "--name", "again"}), 1);
        QVERIFY2(err_.find("exists") != std::string::npos, err_.c_str());
        QCOMPARE(run({"office", "add", "--code", "05 05", "--name", "bad code"}), 1);
        QVERIFY2(err_.find("'code'") != std::string::npos, err_.c_str());
    }

    void userAdd_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("clerk of an office")
            << QStringList{"user",  "add",        "--office",    "0505",           "--role",
                           "clerk", "--username", "volos.clerk", "--display-name", "Άννα Κωστάκη"}
            << "Volos clerk passphrase" << 0 << "volos.clerk (clerk) added";
        QTest::newRow("it with a region")
            << QStringList{"user",       "add",         "--role",   "it",
                           "--username", "it.thessaly", "--region", "Θεσσαλία"}
            << "IT Thessaly passphrase" << 0 << "(it) added";
        QTest::newRow("taken username")
            << QStringList{"user",   "add",   "--office",   "0505",
                           "--role", "clerk", "--username", "VOLOS.CLERK"}
            << "Volos clerk passphrase" << 1 << "taken";
        QTest::newRow("central role with an office")
            << QStringList{"user",   "add",           "--office",   "0505",
                           "--role", "central_admin", "--username", "central.two"}
            << "Central two passphrase" << 1 << "'office'";
        QTest::newRow("unknown role")
            << QStringList{"user", "add", "--role", "boss", "--username", "boss"}
            << "Boss passphrase long" << 1 << "'role'";
        QTest::newRow("password is the username")
            << QStringList{"user", "add", "--role", "authority", "--username", "authority.user"}
            << "Authority.User" << 1 << "username";
        QTest::newRow("no password anywhere")
            << QStringList{"user", "add", "--role", "authority", "--username", "auth.two"} << ""
            << 1 << "KEP_USER_PASSWORD";
        QTest::newRow("missing role") << QStringList{"user", "add", "--username", "x.y"}
                                      << "whatever passphrase" << 2 << "--role";
        QTest::newRow("unknown option")
            << QStringList{"user", "add", "--role", "clerk", "--username", "x.y", "--colour", "red"}
            << "whatever passphrase" << 2 << "--colour";
        QTest::newRow("unknown verb")
            << QStringList{"user", "remove", "--username", "x"} << "" << 2 << "remove";
    }
    void userAdd() { runDataRow(); }

    void enrolCodePrintsOnlyTheCode() {
        QCOMPARE(run({"enrol-code", "--office", "0505"}), 0);
        QVERIFY2(QRegularExpression("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\n$")
                     .match(QString::fromStdString(out_))
                     .hasMatch(),
                 out_.c_str());
        QCOMPARE(run({"enrol-code", "--office", "9999"}), 1);
        QCOMPARE(run({"enrol-code", "--office", "0505", "--valid-hours", "0"}), 2);
    }

    void disableAndRevokeNameWhatIsMissing() {
        QCOMPARE(run({"user", "disable", "--username", "volos.clerk"}), 0);
        auto db = kep::db::Database::open(data_ + "/kep.db", {.mode = kep::db::OpenMode::ReadOnly});
        auto row = db.prepare("SELECT disabled FROM users WHERE username = 'volos.clerk'");
        QVERIFY(row.step());
        QCOMPARE(row.int64(0), std::int64_t(1));
        QCOMPARE(run({"user", "disable", "--username", "nobody"}), 1);
        QVERIFY2(err_.find("no user") != std::string::npos, err_.c_str());
        QCOMPARE(run({"revoke-device", "--device", "0190a3c2-7d1e-7000-8000-000000000000"}), 1);
        QVERIFY2(err_.find("no such device") != std::string::npos, err_.c_str());
    }

    void apiKeyAdd_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("gov.gr channel")
            << QStringList{"api-key", "add", "--kind", "gov_channel", "--name", "gov.gr"} << "" << 0
            << "(gov_channel) added";
        QTest::newRow("authority system")
            << QStringList{"api-key", "add",        "--kind",      "authority_system",
                           "--name",  "Tax office", "--authority", "AUTH-0007"}
            << "" << 0 << "(authority_system) added";
        QTest::newRow("authority system without its authority")
            << QStringList{"api-key", "add", "--kind", "authority_system", "--name", "x"} << "" << 1
            << "authority id";
        QTest::newRow("channel with an authority")
            << QStringList{"api-key", "add",   "--kind",      "eu_go_channel",
                           "--name",  "EU-GO", "--authority", "AUTH-0007"}
            << "" << 1 << "only an authority system";
        QTest::newRow("unknown kind")
            << QStringList{"api-key", "add", "--kind", "clerk", "--name", "x"} << "" << 2
            << "--kind";
        QTest::newRow("no name") << QStringList{"api-key", "add", "--kind", "gov_channel"} << ""
                                 << 2 << "needs --name";
    }
    void apiKeyAdd() {
        runDataRow();
        QFETCH(int, exitCode);
        if (exitCode == 0) {
            // The key first, alone: 256 bits in unpadded base64url.
            QVERIFY2(QRegularExpression("^[A-Za-z0-9_-]{43}\n")
                         .match(QString::fromStdString(out_))
                         .hasMatch(),
                     out_.c_str());
        }
    }

    // Only the key's SHA-256 reaches the database; revoking sets revoked_at once.
    void apiKeyIsStoredHashedAndRevocable() {
        QCOMPARE(run({"api-key", "add", "--kind", "eu_go_channel", "--name", "EU-GO"}), 0);
        const auto key = out_.substr(0, out_.find('\n'));
        const auto id = QRegularExpression("api key (\\S+) ").match(QString::fromStdString(out_));
        QVERIFY(id.hasMatch());
        {
            auto db =
                kep::db::Database::open(data_ + "/kep.db", {.mode = kep::db::OpenMode::ReadOnly});
            auto row = db.prepare("SELECT key_hash, revoked_at FROM api_keys WHERE id = ?");
            row.bind(1, id.captured(1).toStdString());
            QVERIFY(row.step());
            QCOMPARE(row.text(0).size(), std::size_t(64));
            QVERIFY(row.text(0).find(key) == std::string::npos);
            QVERIFY(!row.optionalText(1));
        }
        QCOMPARE(run({"api-key", "revoke", "--id", id.captured(1).toStdString()}), 0);
        auto db = kep::db::Database::open(data_ + "/kep.db", {.mode = kep::db::OpenMode::ReadOnly});
        auto row = db.prepare("SELECT revoked_at FROM api_keys WHERE id = ?");
        row.bind(1, id.captured(1).toStdString());
        QVERIFY(row.step());
        QVERIFY(row.optionalText(0));
        QCOMPARE(run({"api-key", "revoke", "--id", "0190a3c2-7d1e-7000-8000-000000000000"}), 1);
        QVERIFY2(err_.find("no API key") != std::string::npos, err_.c_str());
    }
};

QTEST_GUILESS_MAIN(tst_IdentityCommands)
#include "tst_identity_commands.moc"
