// packaging/systemd/kep-server.service: `systemd-analyze verify` accepts it (with ExecStart
// pointed at the kep-server just built), the hardening the operator guide promises is there,
// and `systemd-analyze security` rates its exposure low.
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString unitText() {
    QFile file(QStringLiteral(KEP_SOURCE_DIR "/packaging/systemd/kep-server.service"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

}  // namespace

class tst_ServiceUnit : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString unitPath_;

    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run analyze(const QStringList& arguments) {
        QProcess process;
        process.start(QStringLiteral("systemd-analyze"), arguments);
        process.waitForFinished(60000);
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

private slots:
    void initTestCase() {
        QVERIFY2(!QStandardPaths::findExecutable("systemd-analyze").isEmpty(),
                 "systemd-analyze is missing: apt-get install systemd");
        auto text = unitText();
        QVERIFY(!text.isEmpty());
        // The unit names the installed binary; here it must name one that exists.
        text.replace("/usr/bin/kep-server", QStringLiteral(KEP_BINARY_DIR "/bin/kep-server"));
        unitPath_ = dir_.filePath("kep-server.service");
        QFile unit(unitPath_);
        QVERIFY(unit.open(QIODevice::WriteOnly));
        unit.write(text.toUtf8());
    }

    void verifyAcceptsIt() {
        const auto run = analyze({"verify", unitPath_});
        QCOMPARE(run.exitCode, 0);
        // verify warns of unknown keys and bad values on stderr, naming the unit.
        QVERIFY2(!run.err.contains("kep-server.service"), qPrintable(run.err));
    }

    void theHardeningIsThere_data() {
        QTest::addColumn<QString>("line");
        for (const auto* line :
             {"User=kep-server", "ProtectSystem=strict", "ReadWritePaths=/var/lib/kep-server",
              "NoNewPrivileges=yes", "PrivateTmp=yes", "ProtectHome=yes",
              "CapabilityBoundingSet=", "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX",
              "SystemCallFilter=@system-service", "LimitNOFILE=65536", "Restart=on-failure",
              "StandardError=journal"}) {
            QTest::newRow(line) << QString::fromUtf8(line);
        }
    }

    void theHardeningIsThere() {
        QFETCH(QString, line);
        const QRegularExpression exact("^" + QRegularExpression::escape(line) + "$",
                                       QRegularExpression::MultilineOption);
        QVERIFY2(exact.match(unitText()).hasMatch(), qPrintable(line));
    }

    void securityExposureIsLow() {
        const auto run = analyze({"security", "--offline=true", unitPath_});
        const auto& output = run.out;
        const QRegularExpression overall(
            QStringLiteral("Overall exposure level for kep-server.service: ([0-9.]+)"));
        const auto match = overall.match(output);
        QVERIFY2(match.hasMatch(), qPrintable(output + run.err));
        const double exposure = match.captured(1).toDouble();
        qInfo("systemd-analyze security: exposure %.1f (0 safest, 10 most exposed)", exposure);
        QVERIFY(exposure <= 2.0);
    }
};

QTEST_GUILESS_MAIN(tst_ServiceUnit)
#include "tst_service_unit.moc"
