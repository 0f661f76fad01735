// AuditCheckpointer: signs the tree head of the entries written since the last checkpoint, in
// steps when there is a backlog; writes each checkpoint to checkpoints.log before its row, and
// completes a line whose row a crash lost; refuses to sign over a tampered entry or when the
// file and the table disagree; two checkpointers on one database (serve and the command) agree.
#include "AuditTestLog.h"
#include "audit/AuditCheckpointer.h"
#include "audit/AuditRows.h"
#include "audit/AuditVerifier.h"
#include "audit/CheckpointLog.h"

#include <QFile>
#include <QTest>

#include <algorithm>

using kep::audit::Checkpoint;
using kep::audit::Hash;
using kep::audit::SigningKey;
using kep::server::audit::AuditCheckpointer;
using kep::server::audit::CheckpointLog;
using kep::test::AuditTestStore;
using kep::test::syntheticAuditEntries;

namespace {

std::vector<Hash> storedLeaves(kep::db::Database& db) {
    return kep::test::storedLeafHashes(db);
}

QStringList logLines(const std::string& path) {
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
}

struct Fixture {
    AuditTestStore store;
    std::shared_ptr<const SigningKey> key =
        std::make_shared<const SigningKey>(SigningKey::generate());
    std::string logPath = store.dataDir() + "/checkpoints.log";
    AuditCheckpointer checkpointer{store.db(), key, CheckpointLog(logPath)};

    bool intact() {
        const auto result =
            kep::server::audit::verifyAuditLog(store.db(), key->publicPem(), logPath);
        for (const auto& problem : result.problems) {
            qWarning("%s", problem.c_str());
        }
        return result.intact();
    }
};

}  // namespace

class tst_AuditCheckpointer : public QObject {
    Q_OBJECT

private slots:
    void signsTheTreeHeadOfEveryEntry() {
        Fixture f;
        f.store.append(syntheticAuditEntries(10));
        const auto checkpoint = f.checkpointer.runOnce();
        QVERIFY(checkpoint);
        QCOMPARE(checkpoint->treeSize, std::uint64_t(10));
        QVERIFY(checkpoint->root == kep::audit::treeHead(storedLeaves(f.store.db())));
        QVERIFY(kep::audit::verifyCheckpoint(f.key->publicPem(), *checkpoint));
        QCOMPARE(logLines(f.logPath),
                 QStringList{QString::fromStdString(kep::audit::toLine(*checkpoint))});
        const auto row = kep::server::audit::newestCheckpoint(f.store.db());
        QVERIFY(row && row->checkpoint == *checkpoint);
        // Nothing new: nothing signed.
        QVERIFY(!f.checkpointer.runOnce());
        QCOMPARE(logLines(f.logPath).size(), 1);
        QVERIFY(f.intact());
    }

    void growsWithEachBatch_data() {
        QTest::addColumn<QList<int>>("batches");
        QTest::newRow("one at a time") << QList<int>{1, 1, 1, 1, 1};
        QTest::newRow("odd sizes") << QList<int>{5, 3, 8, 13, 21};
        QTest::newRow("powers of two") << QList<int>{1, 1, 2, 4, 8, 16};
        QTest::newRow("large then small") << QList<int>{300, 1, 27};
    }
    void growsWithEachBatch() {
        QFETCH(QList<int>, batches);
        Fixture f;
        std::uint64_t total = 0;
        for (const int size : batches) {
            f.store.append(syntheticAuditEntries(size, static_cast<int>(total)));
            total += static_cast<std::uint64_t>(size);
            const auto checkpoint = f.checkpointer.runOnce();
            QVERIFY(checkpoint);
            QCOMPARE(checkpoint->treeSize, total);
            QVERIFY(checkpoint->root == kep::audit::treeHead(storedLeaves(f.store.db())));
        }
        QCOMPARE(logLines(f.logPath).size(), batches.size());
        QVERIFY(f.intact());
    }

    void signsABacklogInSteps() {
        Fixture f;
        f.store.append(syntheticAuditEntries(25));
        for (const std::uint64_t size : {10, 20, 25}) {
            const auto checkpoint = f.checkpointer.runOnce(10);
            QVERIFY(checkpoint);
            QCOMPARE(checkpoint->treeSize, size);
        }
        QCOMPARE(f.checkpointer.lastFolded(), std::size_t(5));
        QVERIFY(!f.checkpointer.runOnce(10));
        QVERIFY(f.intact());
    }

    // The server stopped after the line was fsync'd and before the row committed.
    void completesALineWhoseRowWasLost() {
        Fixture f;
        f.store.append(syntheticAuditEntries(5));
        QVERIFY(f.checkpointer.runOnce());
        f.store.append(syntheticAuditEntries(3, 5));
        Checkpoint lost{
            8, kep::audit::treeHead(storedLeaves(f.store.db())), "2026-11-27T14:03:05.123Z", {}};
        f.key->signCheckpoint(lost);
        CheckpointLog(f.logPath).append(kep::audit::toLine(lost));
        QVERIFY(!f.intact());  // until the row is there

        const auto completed = f.checkpointer.runOnce();
        QVERIFY(completed);
        QVERIFY(*completed == lost);
        QVERIFY(kep::server::audit::newestCheckpoint(f.store.db())->checkpoint == lost);
        QCOMPARE(logLines(f.logPath).size(), 2);
        QVERIFY(f.intact());
    }

    void refusesToSignOverATamperedEntry() {
        Fixture f;
        f.store.append(syntheticAuditEntries(6));
        QVERIFY(f.checkpointer.runOnce());
        f.store.append(syntheticAuditEntries(4, 6));
        f.store.allowRewritingEntries();
        f.store.db().exec("UPDATE audit_entry SET outcome = 'denied' WHERE leaf_index = 8");
        try {
            f.checkpointer.runOnce();
            QFAIL("signed over a tampered entry");
        } catch (const std::runtime_error& error) {
            QVERIFY2(QString(error.what()).contains("leaf 8 "), error.what());
        }
        QCOMPARE(logLines(f.logPath).size(), 1);
    }

    void refusesWhenTheFileAndTableDisagree() {
        Fixture f;
        f.store.append(syntheticAuditEntries(4));
        QVERIFY(f.checkpointer.runOnce());
        QVERIFY(QFile::remove(QString::fromStdString(f.logPath)));
        f.store.append(syntheticAuditEntries(2, 4));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, f.checkpointer.runOnce());
        QCOMPARE(kep::server::audit::newestCheckpoint(f.store.db())->checkpoint.treeSize,
                 std::uint64_t(4));
    }

    // `kep-server audit checkpoint` beside a serving server: each sees the other's checkpoints.
    void twoCheckpointersAgree() {
        Fixture f;
        auto other = AuditCheckpointer::open(f.store.databasePath(), f.key, f.logPath);
        for (int round = 0; round < 6; ++round) {
            f.store.append(syntheticAuditEntries(round + 2, round * 10));
            auto& checkpointer = round % 2 == 0 ? f.checkpointer : *other;
            QVERIFY(checkpointer.runOnce());
        }
        QCOMPARE(logLines(f.logPath).size(), 6);
        QVERIFY(f.intact());
    }

    // The job of `serve`: runs when due, at most once a second.
    void jobSignsOnceASecondAtMost() {
        Fixture f;
        kep::server::jobs::BackgroundJobs jobs(std::chrono::milliseconds{50});
        kep::server::audit::addAuditCheckpointJob(jobs, f.store.databasePath(), f.key, f.logPath);
        f.store.append(syntheticAuditEntries(3));
        jobs.start();
        QTRY_COMPARE_WITH_TIMEOUT(logLines(f.logPath).size(), 1, 5000);
        f.store.append(syntheticAuditEntries(2, 3));
        QTest::qWait(300);
        QCOMPARE(logLines(f.logPath).size(), 1);  // not yet: one a second
        QTRY_COMPARE_WITH_TIMEOUT(logLines(f.logPath).size(), 2, 5000);
        jobs.stop();
        QVERIFY(f.intact());
    }
};

QTEST_GUILESS_MAIN(tst_AuditCheckpointer)
#include "tst_audit_checkpointer.moc"
