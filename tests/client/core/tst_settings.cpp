// Settings: machine policy read from its file, command-line precedence, per-user values kept
// apart from the policy and persisted.
#include "Settings.h"
#include "platform/LinuxPolicySource.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace kep::desk;

class tst_Settings : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString policyFile() const { return dir_.filePath("policy/kep-desk.conf"); }
    QString userFile() const { return dir_.filePath("user/kep-desk.conf"); }

    void writePolicy(const QString& serverUrl, const QString& office, const QString& ca) {
        QFile::remove(policyFile());
        QSettings policy(policyFile(), QSettings::IniFormat);
        if (!serverUrl.isEmpty()) {
            policy.setValue("ServerUrl", serverUrl);
        }
        if (!office.isEmpty()) {
            policy.setValue("OfficeCode", office);
        }
        if (!ca.isEmpty()) {
            policy.setValue("CaFile", ca);
        }
    }
    std::unique_ptr<Settings> open() const {
        return Settings::withFiles(std::make_unique<LinuxPolicySource>(policyFile()), userFile());
    }

private slots:
    void init() {
        QFile::remove(policyFile());
        QFile::remove(userFile());
    }

    void policyFileIsRead() {
        writePolicy("https://kep.example.gr:8443", "K0042", "/etc/kep/ca.pem");
        const auto settings = open();
        QCOMPARE(settings->serverUrl(), QString("https://kep.example.gr:8443"));
        QCOMPARE(settings->officeCode(), QString("K0042"));
        QCOMPARE(settings->caFile(), QString("/etc/kep/ca.pem"));
    }

    void missingPolicyLeavesEverythingUnset() {
        const auto settings = open();
        QVERIFY(settings->serverUrl().isEmpty());
        QVERIFY(settings->officeCode().isEmpty());
        QVERIFY(settings->caFile().isEmpty());
    }

    void commandLinePrecedence_data() {
        QTest::addColumn<QString>("policyUrl");
        QTest::addColumn<QString>("cliUrl");
        QTest::addColumn<QString>("policyCa");
        QTest::addColumn<QString>("cliCa");
        QTest::addColumn<QString>("expectedUrl");
        QTest::addColumn<QString>("expectedCa");
        QTest::newRow("policy only") << "https://policy:1"
                                     << ""
                                     << "/p.pem"
                                     << ""
                                     << "https://policy:1"
                                     << "/p.pem";
        QTest::newRow("command line wins") << "https://policy:1"
                                           << "https://cli:2"
                                           << "/p.pem"
                                           << "/c.pem"
                                           << "https://cli:2"
                                           << "/c.pem";
        QTest::newRow("command line only") << ""
                                           << "https://cli:2"
                                           << ""
                                           << "/c.pem"
                                           << "https://cli:2"
                                           << "/c.pem";
        QTest::newRow("each setting on its own") << "https://policy:1"
                                                 << ""
                                                 << ""
                                                 << "/c.pem"
                                                 << "https://policy:1"
                                                 << "/c.pem";
        QTest::newRow("neither") << ""
                                 << ""
                                 << ""
                                 << ""
                                 << ""
                                 << "";
    }
    void commandLinePrecedence() {
        QFETCH(QString, policyUrl);
        QFETCH(QString, cliUrl);
        QFETCH(QString, policyCa);
        QFETCH(QString, cliCa);
        QFETCH(QString, expectedUrl);
        QFETCH(QString, expectedCa);
        writePolicy(policyUrl, "K0001", policyCa);
        const auto settings = open();
        settings->setCommandLineOverrides({cliUrl, cliCa, {}});
        QCOMPARE(settings->serverUrl(), expectedUrl);
        QCOMPARE(settings->caFile(), expectedCa);
        QCOMPARE(settings->officeCode(), QString("K0001"));  // never from the command line
    }

    void dataFolderAndOfflineDays_data() {
        QTest::addColumn<QString>("policyDir");
        QTest::addColumn<QString>("cliDir");
        QTest::addColumn<QString>("expectedDir");
        QTest::newRow("neither") << ""
                                 << ""
                                 << "";
        QTest::newRow("policy") << "/srv/kep-desk"
                                << ""
                                << "/srv/kep-desk";
        QTest::newRow("command line wins") << "/srv/kep-desk"
                                           << "/tmp/desk"
                                           << "/tmp/desk";
    }
    void dataFolderAndOfflineDays() {
        QFETCH(QString, policyDir);
        QFETCH(QString, cliDir);
        QFETCH(QString, expectedDir);
        writePolicy("https://policy:1", "K0001", "/p.pem");
        {
            QSettings policy(policyFile(), QSettings::IniFormat);
            if (!policyDir.isEmpty()) {
                policy.setValue("DataDir", policyDir);
            }
            policy.setValue("OfflineSignInDays", 3);
        }
        const auto settings = open();
        settings->setCommandLineOverrides({{}, {}, cliDir});
        QCOMPARE(settings->dataDir(), expectedDir);
        QCOMPARE(settings->offlineSignInDays(), 3);
    }

    void userFileCannotOverridePolicy() {
        writePolicy("https://policy:1", "K0001", "/p.pem");
        {
            QSettings user(userFile(), QSettings::IniFormat);
            user.setValue("ServerUrl", "https://attacker:1");
            user.setValue("OfficeCode", "K9999");
            user.setValue("CaFile", "/tmp/other.pem");
        }
        const auto settings = open();
        QCOMPARE(settings->serverUrl(), QString("https://policy:1"));
        QCOMPARE(settings->officeCode(), QString("K0001"));
        QCOMPARE(settings->caFile(), QString("/p.pem"));
    }

    void languageDefaultsToGreek_data() {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("expected");
        QTest::newRow("nothing stored") << ""
                                        << "el";
        QTest::newRow("english") << "en"
                                 << "en";
        QTest::newRow("greek") << "el"
                               << "el";
        QTest::newRow("unsupported") << "fr"
                                     << "el";
    }
    void languageDefaultsToGreek() {
        QFETCH(QString, stored);
        QFETCH(QString, expected);
        if (!stored.isEmpty()) {
            QSettings user(userFile(), QSettings::IniFormat);
            user.setValue("Language", stored);
        }
        QCOMPARE(open()->language(), expected);
    }

    void perUserValuesPersist() {
        const QByteArray geometry("\x01\x02geometry", 10);
        const QByteArray state("\x03state", 6);
        {
            const auto settings = open();
            QCOMPARE(settings->largeText(), false);
            QVERIFY(settings->mainWindowGeometry().isEmpty());
            settings->setLanguage("en");
            settings->setLargeText(true);
            settings->setHighContrast(true);
            settings->setMainWindowGeometry(geometry);
            settings->setMainWindowState(state);
            settings->sync();
        }
        QVERIFY(QFile::exists(userFile()));
        const auto reopened = open();
        QCOMPARE(reopened->language(), QString("en"));
        QCOMPARE(reopened->largeText(), true);
        QCOMPARE(reopened->highContrast(), true);
        QCOMPARE(reopened->mainWindowGeometry(), geometry);
        QCOMPARE(reopened->mainWindowState(), state);
        QVERIFY(!QFile::exists(policyFile()));  // per-user writes never touch the policy
    }

    void systemPolicyFileIsTheXdgOne() {
        // The installer writes /etc/xdg/KEP/kep-desk.conf; QSettings' system scope must agree
        // (XDG_CONFIG_DIRS unset here, as on a standard Debian desk).
        qunsetenv("XDG_CONFIG_DIRS");
        QCOMPARE(LinuxPolicySource().filePath(), QString("/etc/xdg/KEP/kep-desk.conf"));
    }
};

QTEST_GUILESS_MAIN(tst_Settings)
#include "tst_settings.moc"
