// The SyncServerStore contract, run alike against the in-memory reference, SqliteSyncServerStore
// on a real file and PgSyncServerStore on the test cluster: a rolled-back transaction leaves
// nothing, changesAfter keeps its bounds, the safe mark moves only on commit, and results,
// entities and history come back exactly as stored.
#include <QTest>

#include "SyncStoreBackends.h"

using namespace kep;
using namespace kep::sync;
using kep::test::SyncStoreBackend;

Q_DECLARE_METATYPE(OpOutcome)
Q_DECLARE_METATYPE(std::vector<std::int64_t>)

namespace {

const char* const kBackends[] = {"memory", "sqlite", "postgres", "postgres-group"};
const std::string kBucketA = "office:0101";
const std::string kBucketB = "office:0202";

domain::Uuid uuid(std::uint8_t n) {
    domain::Uuid::Bytes bytes{};
    bytes[6] = 0x70;  // version 7
    bytes[8] = 0x80;  // RFC variant
    bytes[15] = n;
    return domain::Uuid{bytes};
}

FieldState written(std::string value, std::int64_t version, std::string device = "desk-1") {
    return FieldState{std::move(value),
                      version,
                      {1'750'000'000'000 + version, 3},
                      std::move(device),
                      "u-clerk-1"};
}

EntityRow caseRow(const std::string& id, const std::string& bucket) {
    EntityRow row;
    row.ref = {"case", id};
    row.bucket = bucket;
    row.version = 2;
    row.fields = {
        {"status", written("submitted", 1)},
        {"citizen", written("{\"surname\":\"Παπαδοπούλου\",\"note\":\"a \\\"q\\\"\\n\"}\t\x01", 1)},
        {"notes", written("", 2, "desk-2")},
        {"phone", written("2101234567", 2, "desk-2")},
    };
    return row;
}

LoggedChange change(const std::string& bucket, const std::string& id, std::uint8_t op) {
    return {bucket, Change{0, {"case", id}, 1, {{"status", "submitted"}, {"n", id}}, false},
            uuid(op)};
}

// Each test runs once per backend: its _data() starts with this column.
void addBackendRows() {
    QTest::addColumn<QString>("backend");
    for (const char* backend : kBackends) {
        QTest::newRow(backend) << QString(backend);
    }
}

}  // namespace

class tst_SyncStoreContract : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // The cluster is part of the test command: its absence is a failure, never a skip.
        QVERIFY2(!kep::test::testPgDsn().empty(), kep::test::kNoTestPgCluster);
    }

    void rollbackLeavesNothing_data() { addBackendRows(); }
    void rollbackLeavesNothing() {
        QFETCH(QString, backend);
        SyncStoreBackend b(backend);
        SyncServerStore& s = b.store();
        s.begin();
        s.setLastAppliedSeq("desk-1", 1);
        s.putResult("desk-1", 1, StoredResult{uuid(1), OpOutcome::Applied, "", 1});
        s.putEntity(caseRow("c1", kBucketA));
        s.appendHistory({"case", "c1"}, cases::HistoryEntry{});
        QCOMPARE(s.appendChange(change(kBucketA, "c1", 1)), std::int64_t{1});
        s.rollback();
        b.restart();

        SyncServerStore& after = b.store();
        QCOMPARE(after.safeHighWaterMark(), std::int64_t{0});
        QVERIFY(after.changesAfter(kBucketA, 0, 100, 100).empty());
        QVERIFY(b.history({"case", "c1"}).empty());
        after.begin();
        QCOMPARE(after.lastAppliedSeq("desk-1"), std::int64_t{0});
        QVERIFY(!after.result("desk-1", 1));
        QVERIFY(!after.entity({"case", "c1"}));
        // The rolled-back seq is handed out again: no gap for a pull to wait on.
        QCOMPARE(after.appendChange(change(kBucketA, "c2", 2)), std::int64_t{1});
        after.commit();
    }

    void committedWritesComeBack_data() { addBackendRows(); }
    void committedWritesComeBack() {
        QFETCH(QString, backend);
        SyncStoreBackend b(backend);
        const EntityRow row = caseRow("c1", kBucketA);
        const cases::HistoryEntry step{cases::CaseStatus::Submitted,
                                       cases::CaseStatus::Approved,
                                       "u-manager",
                                       cases::ActorRole::Manager,
                                       cases::Instant{std::chrono::milliseconds{1'750'000'123'456}},
                                       "ok"};
        b.store().begin();
        b.store().setLastAppliedSeq("desk-1", 7);
        b.store().putEntity(row);
        b.store().appendHistory(row.ref, step);
        b.store().appendChange(change(kBucketA, "c1", 1));
        b.store().commit();
        b.restart();

        SyncServerStore& s = b.store();
        QCOMPARE(s.safeHighWaterMark(), std::int64_t{1});
        s.begin();
        QCOMPARE(s.lastAppliedSeq("desk-1"), std::int64_t{7});
        QCOMPARE(s.lastAppliedSeq("desk-unknown"), std::int64_t{0});
        const auto stored = s.entity(row.ref);
        QVERIFY(stored);
        QVERIFY(*stored == row);
        s.rollback();
        QCOMPARE(b.history(row.ref).size(), std::size_t{1});
        QVERIFY(b.history(row.ref).front() == step);
        const auto changes = s.changesAfter(kBucketA, 0, 1, 10);
        QCOMPARE(changes.size(), std::size_t{1});
        Change expected = change(kBucketA, "c1", 1).change;
        expected.seq = 1;
        QVERIFY(changes.front() == expected);
        QCOMPARE(b.entitiesIn(kBucketA).size(), std::size_t{1});
        QVERIFY(b.entitiesIn(kBucketB).empty());
    }

    // Six changes alternate between two buckets: A holds seqs 1, 3, 5.
    void changesAfterKeepsItsBounds_data() {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<qint64>("after");
        QTest::addColumn<qint64>("upTo");
        QTest::addColumn<int>("limit");
        QTest::addColumn<std::vector<std::int64_t>>("seqs");
        struct Case {
            const char* name;
            qint64 after, upTo;
            int limit;
            std::vector<std::int64_t> seqs;
        };
        const Case cases[] = {
            {"everything", 0, 6, 100, {1, 3, 5}},
            {"after is exclusive", 1, 6, 100, {3, 5}},
            {"after between", 2, 6, 100, {3, 5}},
            {"upTo is inclusive", 0, 3, 100, {1, 3}},
            {"upTo below the log's end", 0, 4, 100, {1, 3}},
            {"limit", 0, 6, 2, {1, 3}},
            {"limit one", 3, 6, 1, {5}},
            {"nothing after the last", 5, 6, 100, {}},
            {"empty window", 3, 3, 100, {}},
            {"limit zero", 0, 6, 0, {}},
        };
        for (const char* backend : kBackends) {
            for (const Case& c : cases) {
                QTest::addRow("%s: %s", backend, c.name)
                    << QString(backend) << c.after << c.upTo << c.limit << c.seqs;
            }
        }
    }
    void changesAfterKeepsItsBounds() {
        QFETCH(QString, backend);
        QFETCH(qint64, after);
        QFETCH(qint64, upTo);
        QFETCH(int, limit);
        QFETCH(std::vector<std::int64_t>, seqs);
        SyncStoreBackend b(backend);
        b.store().begin();
        for (int i = 1; i <= 6; ++i) {
            const std::string id{'c', static_cast<char>('0' + i)};
            b.store().appendChange(change(i % 2 == 1 ? kBucketA : kBucketB, id, i));
        }
        b.store().commit();
        std::vector<std::int64_t> got;
        for (const Change& c : b.store().changesAfter(kBucketA, after, upTo, limit)) {
            got.push_back(c.seq);
        }
        QCOMPARE(got, seqs);
        QVERIFY(b.store().changesAfter("office:9999", 0, 6, 100).empty());
    }

    void safeMarkMovesOnlyOnCommit_data() { addBackendRows(); }
    void safeMarkMovesOnlyOnCommit() {
        QFETCH(QString, backend);
        SyncStoreBackend b(backend);
        SyncServerStore& s = b.store();
        s.begin();
        s.appendChange(change(kBucketA, "c1", 1));
        s.appendChange(change(kBucketA, "c2", 2));
        s.commit();
        QCOMPARE(s.safeHighWaterMark(), std::int64_t{2});

        s.begin();
        QCOMPARE(s.appendChange(change(kBucketA, "c3", 3)), std::int64_t{3});
        QCOMPARE(s.safeHighWaterMark(), std::int64_t{2});  // not committed yet
        s.rollback();
        QCOMPARE(s.safeHighWaterMark(), std::int64_t{2});

        s.begin();
        QCOMPARE(s.appendChange(change(kBucketB, "c4", 4)), std::int64_t{3});
        s.commit();
        QCOMPARE(s.safeHighWaterMark(), std::int64_t{3});
        b.restart();
        QCOMPARE(b.store().safeHighWaterMark(), std::int64_t{3});
    }

    void resultsRoundTrip_data() {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<OpOutcome>("outcome");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<qint64>("version");  // -1: none
        for (const char* backend : kBackends) {
            QTest::addRow("%s: applied", backend)
                << QString(backend) << OpOutcome::Applied << "" << qint64{3};
            QTest::addRow("%s: rejected", backend)
                << QString(backend) << OpOutcome::Rejected
                << "bucket_forbidden: this device may not write to office:0109" << qint64{-1};
            QTest::addRow("%s: conflict", backend) << QString(backend) << OpOutcome::Conflict
                                                   << "field_clash: phone, notes" << qint64{5};
            QTest::addRow("%s: applied with a reason", backend)
                << QString(backend) << OpOutcome::Applied << "note" << qint64{1};
        }
    }
    void resultsRoundTrip() {
        QFETCH(QString, backend);
        QFETCH(OpOutcome, outcome);
        QFETCH(QString, reason);
        QFETCH(qint64, version);
        SyncStoreBackend b(backend);
        StoredResult result{uuid(9), outcome, reason.toStdString(),
                            version < 0 ? std::nullopt : std::optional<std::int64_t>(version)};
        b.store().begin();
        if (outcome != OpOutcome::Rejected) {
            b.store().appendChange(change(kBucketA, "c1", 9));
        }
        b.store().putResult("desk-1", 1, result);
        b.store().putResult("desk-2", 1, StoredResult{uuid(10), OpOutcome::Applied, "", 1});
        b.store().setLastAppliedSeq("desk-1", 1);
        QVERIFY(b.store().result("desk-1", 1) == result);  // inside the same transaction
        b.store().commit();
        b.restart();

        SyncServerStore& s = b.store();
        s.begin();
        const auto stored = s.result("desk-1", 1);
        QVERIFY(stored);
        QVERIFY(*stored == result);
        QCOMPARE(s.result("desk-2", 1)->opId, uuid(10));
        QVERIFY(!s.result("desk-1", 2));
        QVERIFY(!s.result("desk-3", 1));
        s.rollback();
    }
};

QTEST_GUILESS_MAIN(tst_SyncStoreContract)
#include "tst_sync_store_contract.moc"
