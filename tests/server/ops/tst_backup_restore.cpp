// `kep-server backup` taken while a desk pushes cases into a real kep-server, restored into a
// new folder and served: the restored cases are at least those acknowledged before the backup
// began and at most those sent before it ended, the audit log verifies, and a desk enrolled on
// the restored server files a case. Also: a damaged or truncated archive and a non-empty target
// are refused, leaving nothing behind.
#include "SyncTestKit.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using kep::test::ServerProcess;
using kep::test::SyncDesk;
using kep::test::SyncTestKit;

namespace {

constexpr int kBatch = 20;

}  // namespace

class tst_BackupRestore : public QObject {
    Q_OBJECT

    ServerProcess server_;
    std::unique_ptr<SyncTestKit> kit_;
    QTemporaryDir scratch_;
    QString archive_;

    // `kep-server stats --data DIR`'s total.
    qint64 casesIn(const QString& dataDir) {
        ServerProcess tool;
        if (tool.runOnce({"stats", "--data", dataDir}) != 0) {
            return -1;
        }
        return QJsonDocument::fromJson(tool.lastOutput()).object().value("cases").toInteger(-1);
    }

    void takeBackupUnderLoad(qint64& ackedBefore, qint64& sentByEnd) {
        auto desk = kit_->enrolDesk("0101");
        QVERIFY2(desk, qPrintable(kit_->errorString()));
        const auto clerk = kit_->actor(*desk, "clerk");
        QVERIFY(clerk);
        std::atomic<qint64> acked{0};
        std::atomic<qint64> sent{0};
        std::atomic<bool> stop{false};
        std::atomic<bool> failed{false};
        std::thread loader([&] {
            while (!stop.load()) {
                std::vector<kep::sync::OutboxOp> ops;
                for (int i = 0; i < kBatch; ++i) {
                    ops.push_back(desk->newCase(*clerk));
                }
                sent += kBatch;
                const auto answer = desk->transport->push(desk->batch(std::move(ops)));
                const auto* response = std::get_if<kep::sync::PushResponse>(&answer);
                if (response == nullptr || response->results.size() != kBatch) {
                    failed = true;
                    return;
                }
                for (const auto& result : response->results) {
                    acked += result.outcome == kep::sync::OpOutcome::Applied ? 1 : 0;
                }
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(acked.load() >= 400 || failed.load(), 60000);
        ackedBefore = acked.load();
        ServerProcess tool;
        const int backup =
            tool.runOnce({"backup", "--data", server_.dataDir(), "--to", archive_}, 120000);
        sentByEnd = sent.load();
        const auto ackedAtEnd = acked.load();
        QTest::qWait(300);  // the load goes on after the backup
        stop = true;
        loader.join();
        QVERIFY(!failed.load());
        QVERIFY2(backup == 0, tool.lastOutput().constData());
        QVERIFY2(ackedAtEnd > ackedBefore, "no case was acknowledged while the backup ran");
        qInfo("acked before the backup %lld, at its end %lld; %s",
              static_cast<long long>(ackedBefore), static_cast<long long>(ackedAtEnd),
              tool.lastOutput().trimmed().constData());
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server_.start(true), qPrintable(server_.errorString()));
        kit_ = std::make_unique<SyncTestKit>(server_);
        QVERIFY2(kit_->setUp(), qPrintable(kit_->errorString()));
        archive_ = scratch_.filePath("kep-backup.tar");
    }

    void restoredUnderLoadAndServed() {
        const auto base = casesIn(server_.dataDir());
        QVERIFY(base >= 0);
        qint64 ackedBefore = 0;
        qint64 sentByEnd = 0;
        takeBackupUnderLoad(ackedBefore, sentByEnd);
        QVERIFY(QFileInfo(archive_).isFile());
        QCOMPARE(QFileInfo(archive_).permissions() &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions{});
        QVERIFY(!QFileInfo::exists(archive_ + ".partial"));

        ServerProcess restored;
        ServerProcess tool;
        QCOMPARE(tool.runOnce({"restore", "--from", archive_, "--data", restored.dataDir()}), 0);
        QVERIFY2(tool.lastOutput().contains("audit log intact"), tool.lastOutput().constData());
        const auto cases = casesIn(restored.dataDir()) - base;
        qInfo("restored %lld cases: acknowledged before the backup %lld, sent by its end %lld",
              static_cast<long long>(cases), static_cast<long long>(ackedBefore),
              static_cast<long long>(sentByEnd));
        QVERIFY(cases >= ackedBefore);
        QVERIFY(cases <= sentByEnd);
        QCOMPARE(tool.runOnce({"audit", "verify", "--data", restored.dataDir()}), 0);

        // The restored folder serves: a desk enrolled on it files a case.
        QVERIFY2(restored.serve(), qPrintable(restored.errorString()));
        SyncTestKit restoredKit(restored);
        QVERIFY2(restoredKit.setUp(), qPrintable(restoredKit.errorString()));
        auto desk = restoredKit.enrolDesk("0101");
        QVERIFY2(desk, qPrintable(restoredKit.errorString()));
        const auto clerk = restoredKit.actor(*desk, "clerk");
        QVERIFY(clerk);
        const auto answer = desk->transport->push(desk->batch({desk->newCase(*clerk)}));
        const auto* response = std::get_if<kep::sync::PushResponse>(&answer);
        QVERIFY(response && response->results.size() == 1);
        QCOMPARE(static_cast<int>(response->results.front().outcome),
                 static_cast<int>(kep::sync::OpOutcome::Applied));
        QCOMPARE(restored.stop(), 0);
        QCOMPARE(casesIn(restored.dataDir()) - base, cases + 1);
        QCOMPARE(tool.runOnce({"audit", "verify", "--data", restored.dataDir()}), 0);
    }

    void aNonEmptyFolderNeedsForce() {
        QVERIFY(QFileInfo(archive_).isFile());
        const auto target = scratch_.filePath("occupied");
        QVERIFY(QDir().mkpath(target));
        QFile marker(target + "/kept.txt");
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.close();
        ServerProcess tool;
        QCOMPARE(tool.runOnce({"restore", "--from", archive_, "--data", target}), 1);
        QVERIFY(tool.lastOutput().contains("not empty"));
        QVERIFY(QFileInfo::exists(target + "/kept.txt"));
        QCOMPARE(tool.runOnce({"restore", "--from", archive_, "--data", target, "--force"}), 0);
        QVERIFY(QFileInfo::exists(target + "/kep.db"));
        QVERIFY(!QFileInfo::exists(target + "/kept.txt"));
        const auto aside = QDir(scratch_.path()).entryList({"occupied.replaced-*"}, QDir::Dirs);
        QCOMPARE(aside.size(), 1);
        QVERIFY(QFileInfo::exists(scratch_.filePath(aside.front() + "/kept.txt")));
    }

    // One byte changed in a member's content, or the archive cut short: refused, and neither
    // the target nor the staging folder is left behind.
    void aDamagedArchiveIsRefused_data() {
        QTest::addColumn<bool>("truncate");
        QTest::newRow("a byte changed") << false;
        QTest::newRow("truncated") << true;
    }

    void aDamagedArchiveIsRefused() {
        QFETCH(bool, truncate);
        QFile original(archive_);
        QVERIFY(original.open(QIODevice::ReadOnly));
        auto bytes = original.readAll();
        if (truncate) {
            bytes.truncate(bytes.size() / 2);
        } else {
            // Past the first member's 512-byte header: inside kep.db's content.
            bytes[4096] = static_cast<char>(bytes[4096] ^ 0x01);
        }
        const auto damaged = scratch_.filePath(truncate ? "cut.tar" : "flipped.tar");
        QFile out(damaged);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();
        const auto target = scratch_.filePath(truncate ? "from-cut" : "from-flipped");
        ServerProcess tool;
        QCOMPARE(tool.runOnce({"restore", "--from", damaged, "--data", target}), 1);
        QVERIFY2(tool.lastOutput().contains(truncate ? "truncated" : "damaged"),
                 tool.lastOutput().constData());
        QVERIFY(!QFileInfo::exists(target));
        QVERIFY(!QFileInfo::exists(target + ".restoring"));
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_BackupRestore)
#include "tst_backup_restore.moc"
