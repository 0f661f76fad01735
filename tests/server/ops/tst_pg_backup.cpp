// The PostgreSQL backup procedure of docs/operations.md, run as written on a cluster of the
// test's own: pg_dump -Fc taken while a desk pushes cases into kep-server, then the data folder;
// restored (createdb, pg_restore, the folder, the checkpoints the dump holds) into a new
// database; `kep-server audit verify` passes on it, every case acknowledged before the dump began
// is in it and nothing not sent by its end, every case in it is whole (its row, its change, its
// audit entry; the counters at the tables' ends), and a kep-server served from it serves them
// all and takes a new case.
#include "DeskFlow.h"
#include "PgOwnCluster.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>
#include <string>
#include <thread>

using kep::test::PgOwnCluster;
using kep::test::ServerProcess;
using kep::test::SyncDesk;
using kep::test::SyncTestKit;

namespace {

constexpr int kBatch = 20;

// What every case of a restored database must have, each a count that must be 0: a case row
// without the change that wrote its version or without its audit entry; a change of a case
// that has no row; the counters behind the last change, result or audit leaf.
constexpr const char* kBrokenCases =
    "SELECT (SELECT count(*) FROM sync_entity e WHERE e.entity_type = 'case' AND ("
    "  NOT EXISTS (SELECT 1 FROM sync_change c WHERE c.entity_type = e.entity_type"
    "    AND c.entity_id = e.entity_id AND c.version = e.version)"
    "  OR NOT EXISTS (SELECT 1 FROM audit_entry a WHERE a.record_id = e.entity_id)))"
    " + (SELECT count(*) FROM sync_change c WHERE c.entity_type = 'case' AND NOT EXISTS"
    "  (SELECT 1 FROM sync_entity e WHERE e.entity_type = c.entity_type"
    "    AND e.entity_id = c.entity_id))"
    " + (SELECT count(*) FROM sync_counter WHERE"
    "  last_seq <> (SELECT coalesce(max(seq), 0) FROM sync_change)"
    "  OR last_result <> (SELECT count(*) FROM sync_result)"
    "  OR last_leaf <> (SELECT count(*) FROM audit_entry))";

// A desk pushing batches of new cases on its own thread: the ids acknowledged and sent.
class PushingDesk {
public:
    PushingDesk(SyncDesk& desk, kep::cases::Actor clerk) : desk_(desk), clerk_(std::move(clerk)) {
        thread_ = std::thread([this] { push(); });
    }
    ~PushingDesk() { stop(); }
    PushingDesk(const PushingDesk&) = delete;
    PushingDesk& operator=(const PushingDesk&) = delete;

    void stop() {
        running_ = false;
        if (thread_.joinable()) {
            thread_.join();
        }
    }
    std::set<std::string> acked() const {
        const std::lock_guard lock(mutex_);
        return acked_;
    }
    std::set<std::string> sent() const {
        const std::lock_guard lock(mutex_);
        return sent_;
    }
    bool failed() const { return failed_; }

private:
    void push() {
        while (running_) {
            std::vector<kep::sync::OutboxOp> ops;
            for (int i = 0; i < kBatch; ++i) {
                ops.push_back(desk_.newCase(clerk_));
            }
            {
                const std::lock_guard lock(mutex_);
                for (const auto& op : ops) {
                    sent_.insert(op.entity.id);
                }
            }
            const auto answer = desk_.transport->push(desk_.batch(ops));
            const auto* response = std::get_if<kep::sync::PushResponse>(&answer);
            if (response == nullptr || response->results.size() != ops.size()) {
                failed_ = true;
                return;
            }
            const std::lock_guard lock(mutex_);
            for (std::size_t i = 0; i < ops.size(); ++i) {
                if (response->results[i].settledOutcome() == kep::sync::OpOutcome::Applied) {
                    acked_.insert(ops[i].entity.id);
                }
            }
        }
    }

    SyncDesk& desk_;
    kep::cases::Actor clerk_;
    mutable std::mutex mutex_;
    std::set<std::string> acked_;
    std::set<std::string> sent_;
    std::atomic<bool> running_{true};
    std::atomic<bool> failed_{false};
    std::thread thread_;
};

bool includes(const std::set<std::string>& whole, const std::set<std::string>& part) {
    return std::includes(whole.begin(), whole.end(), part.begin(), part.end());
}

}  // namespace

class tst_PgBackup : public QObject {
    Q_OBJECT

    PgOwnCluster cluster_;
    ServerProcess server_;
    std::unique_ptr<SyncTestKit> kit_;

    // psql -Atc: one value.
    QString psqlValue(const QString& database, const char* sql) {
        if (!cluster_.runTool("psql", {"-d", cluster_.dsn(database), "-Atc", sql})) {
            return cluster_.errorString();
        }
        return QString::fromUtf8(cluster_.lastOutput()).trimmed();
    }

    // `kep-server stats --data DIR`'s total.
    qint64 casesIn(const QString& dataDir) {
        ServerProcess tool;
        if (tool.runOnce({"stats", "--data", dataDir}) != 0) {
            return -1;
        }
        return QJsonDocument::fromJson(tool.lastOutput()).object().value("cases").toInteger(-1);
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(cluster_.start(), qPrintable(cluster_.errorString()));
        QVERIFY2(cluster_.createDatabase("kep"), qPrintable(cluster_.errorString()));
        QVERIFY2(server_.runOnce({"init", "--data", server_.dataDir(), "--dsn", cluster_.dsn("kep"),
                                  "--demo"}) == 0,
                 server_.lastOutput().constData());
        QVERIFY2(server_.serve(), qPrintable(server_.errorString()));
        kit_ = std::make_unique<SyncTestKit>(server_);
        QVERIFY2(kit_->setUp(), qPrintable(kit_->errorString()));
    }

    void aDumpTakenUnderLoadRestoresWhole() {
        const auto base = casesIn(server_.dataDir());
        QVERIFY(base >= 0);
        auto desk = kit_->enrolDesk("0101");
        QVERIFY2(desk, qPrintable(kit_->errorString()));
        const auto clerk = kit_->actor(*desk, "clerk");
        QVERIFY2(clerk, qPrintable(kit_->errorString()));

        // A checkpoint the dump holds, and (below) one made after it that only the folder has.
        ServerProcess tool;
        QVERIFY2(tool.runOnce({"audit", "checkpoint", "--data", server_.dataDir()}) == 0,
                 tool.lastOutput().constData());

        // 1. the database, while the desk pushes; 2. then the data folder.
        const auto dump = cluster_.filePath("kep.dump");
        const auto folder = cluster_.filePath("kep-data.tar");
        std::set<std::string> ackedBefore;
        std::set<std::string> sentByEnd;
        {
            PushingDesk load(*desk, *clerk);
            QTRY_VERIFY_WITH_TIMEOUT(load.acked().size() >= 200 || load.failed(), 60000);
            ackedBefore = load.acked();
            QVERIFY2(cluster_.runTool("pg_dump", {"-Fc", "-d", cluster_.dsn("kep"), "-f", dump}),
                     qPrintable(cluster_.errorString()));
            sentByEnd = load.sent();
            QVERIFY2(tool.runOnce({"audit", "checkpoint", "--data", server_.dataDir()}) == 0,
                     tool.lastOutput().constData());
            QVERIFY2(QProcess::execute("tar", {"-C", QFileInfo(server_.dataDir()).path(), "-cf",
                                               folder, "data"}) == 0,
                     "tar of the data folder failed");
            QTest::qWait(300);  // the load goes on after the backup
            load.stop();
            QVERIFY(!load.failed());
            QVERIFY2(load.acked().size() > ackedBefore.size(),
                     "no case was acknowledged while the dump ran");
        }

        // Restored into a new database, as after losing the old one.
        QVERIFY2(cluster_.createDatabase("kep_restored"), qPrintable(cluster_.errorString()));
        QVERIFY2(cluster_.runTool("pg_restore", {"-d", cluster_.dsn("kep_restored"), dump}),
                 qPrintable(cluster_.errorString()));
        ServerProcess restored;
        const auto restoredParent = QFileInfo(restored.dataDir()).path();
        QVERIFY(QDir(restored.dataDir()).removeRecursively());
        QVERIFY2(QProcess::execute("tar", {"-C", restoredParent, "-xf", folder}) == 0,
                 "tar could not extract the data folder");
        // The restored folder names the restored database (what createdb made for it).
        QFile url(restored.dataDir() + "/database-url");
        QVERIFY(url.open(QIODevice::WriteOnly | QIODevice::Truncate));
        url.write(cluster_.dsn("kep_restored").toUtf8() + "\n");
        url.close();
        // Only the checkpoints the dump holds.
        const int checkpoints =
            psqlValue("kep_restored", "SELECT count(*) FROM audit_checkpoint").toInt();
        QVERIFY(checkpoints >= 1);
        QFile log(restored.dataDir() + "/audit/checkpoints.log");
        QVERIFY(log.open(QIODevice::ReadOnly));
        const auto lines = log.readAll().split('\n');
        log.close();
        QVERIFY2(lines.size() - 1 > checkpoints, "the folder holds no checkpoint the dump lacks");
        // Why the procedure trims the file: as copied, it names a checkpoint the dump lacks.
        QVERIFY(tool.runOnce({"audit", "verify", "--data", restored.dataDir()}) != 0);
        QVERIFY(log.open(QIODevice::WriteOnly | QIODevice::Truncate));
        log.write(lines.mid(0, checkpoints).join('\n') + '\n');
        log.close();
        QVERIFY2(tool.runOnce({"audit", "verify", "--data", restored.dataDir()}) == 0,
                 tool.lastOutput().constData());
        QCOMPARE(psqlValue("kep_restored", kBrokenCases), QString("0"));

        const auto cases = casesIn(restored.dataDir()) - base;
        qInfo(
            "restored %lld cases: acknowledged before the dump %zu, sent by its end %zu; %d "
            "checkpoints",
            static_cast<long long>(cases), ackedBefore.size(), sentByEnd.size(), checkpoints);
        QVERIFY(cases >= static_cast<qint64>(ackedBefore.size()));
        QVERIFY(cases <= static_cast<qint64>(sentByEnd.size()));

        // Served from the restore: every case, as a desk pulls them, and a new one taken.
        QVERIFY2(restored.serve(), qPrintable(restored.errorString()));
        SyncTestKit restoredKit(restored);
        QVERIFY2(restoredKit.setUp(), qPrintable(restoredKit.errorString()));
        auto reading = restoredKit.enrolDesk("0101");
        QVERIFY2(reading, qPrintable(restoredKit.errorString()));
        std::string error;
        const auto served = kep::test::pullOfficeCases(*reading, error);
        QVERIFY2(error.empty(), error.c_str());
        QCOMPARE(static_cast<qint64>(served.size()), cases);
        QVERIFY(includes(served, ackedBefore));
        QVERIFY(includes(sentByEnd, served));
        const auto restoredClerk = restoredKit.actor(*reading, "clerk");
        QVERIFY2(restoredClerk, qPrintable(restoredKit.errorString()));
        QVERIFY2(kep::test::fileCases(*reading, *restoredClerk, 1, error), error.c_str());
        QCOMPARE(restored.stop(), 0);
        QCOMPARE(casesIn(restored.dataDir()) - base, cases + 1);
        QVERIFY2(tool.runOnce({"audit", "verify", "--data", restored.dataDir()}) == 0,
                 tool.lastOutput().constData());
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_PgBackup)
#include "tst_pg_backup.moc"
