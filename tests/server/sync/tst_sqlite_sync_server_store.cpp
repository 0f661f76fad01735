// What only the SQLite store promises: a restart loses nothing committed and nothing uncommitted
// survives it, the file stays sound (integrity_check), every op leaves one dense, append-only
// audit leaf with identifiers and a hash only, and an applied op's answer needs no extra row.
#include <QTest>

#include "SyncStoreBackends.h"
#include "shared/sync/SyncServerCore.h"
#include "sync/SyncRowJson.h"

using namespace kep;
using namespace kep::sync;
using kep::test::SyncStoreBackend;

namespace {

constexpr std::int64_t kT0 = 1'750'000'000'000;
const cases::Actor kClerk{"u-clerk-1", cases::ActorRole::Clerk};
const std::string kBucket = "office:0101";
// Synthetic citizen data: must never appear in an audit leaf.
const std::string kSurname = "Καραγιαννοπούλου";

std::int64_t count(db::Database& db, const char* sql) {
    auto select = db.prepare(sql);
    select.step();
    return select.int64(0);
}

std::string integrity(db::Database& db) {
    auto check = db.prepare("PRAGMA integrity_check");
    check.step();
    return check.text(0);
}

// A device's ops: two cases filed, an edit, an approval by a clerk (refused: a manager's step),
// a write to another office (refused), a forwarding that succeeds.
class Desk {
public:
    explicit Desk(std::string id) : id_(std::move(id)) {}

    OutboxOp next(OpKind kind, EntityRef entity, std::string bucket = kBucket) {
        OutboxOp op;
        op.opId = ids_.next();
        op.deviceId = id_;
        op.deviceSeq = ++seq_;
        op.hlc = {kT0 + seq_, 0};
        op.kind = kind;
        op.entity = std::move(entity);
        op.bucket = std::move(bucket);
        op.actor = kClerk;
        return op;
    }
    std::vector<OutboxOp> day() {
        std::vector<OutboxOp> ops;
        const EntityRef first{"case", ids_.next().toString()};
        const EntityRef second{"case", ids_.next().toString()};
        for (const EntityRef& ref : {first, second}) {
            OutboxOp create = next(OpKind::Create, ref);
            create.fields = {{"status", "submitted"},
                             {"citizen", R"({"surname":")" + kSurname + R"("})"},
                             {"procedure", "p-17"},
                             {"requires_approval", "false"}};
            ops.push_back(std::move(create));
        }
        OutboxOp edit = next(OpKind::SetFields, first);
        edit.baseVersion = 1;
        edit.fields = {{"phone", "2101234567"}};
        ops.push_back(std::move(edit));
        OutboxOp approve = next(OpKind::Transition, first);
        approve.toStatus = "approved";
        ops.push_back(std::move(approve));
        OutboxOp elsewhere = next(OpKind::Create, {"case", ids_.next().toString()}, "office:0999");
        ops.push_back(std::move(elsewhere));
        OutboxOp forward = next(OpKind::Transition, second);
        forward.toStatus = "forwarded";
        ops.push_back(std::move(forward));
        return ops;
    }
    PushRequest request(std::vector<OutboxOp> ops) const { return {kProtocolVersion, id_, ops}; }

private:
    std::string id_;
    std::int64_t seq_ = 0;
    domain::UuidV7Generator ids_;
};

WriteAuthority officeOnly() {
    WriteAuthority authority;
    authority.mayWriteBucket = [](std::string_view, std::string_view bucket) {
        return bucket == kBucket;
    };
    return authority;
}

}  // namespace

class tst_SqliteSyncServerStore : public QObject {
    Q_OBJECT

private slots:
    void restartLosesNothingCommitted() {
        SyncStoreBackend b("sqlite");
        Desk desk("desk-1");
        const PushRequest request = desk.request(desk.day());
        PushResponse first;
        {
            SyncServerCore core(b.store(), officeOnly(), [] { return kT0; });
            first = core.push("desk-1", request);
        }
        const std::int64_t mark = b.store().safeHighWaterMark();
        const auto changes = b.store().changesAfter(kBucket, 0, mark, 1000);
        const auto rows = b.entitiesIn(kBucket);

        // Uncommitted work at the moment of the "crash" must not survive it.
        b.store().begin();
        b.store().putEntity(EntityRow{{"case", "uncommitted"}, kBucket, 1, {}});
        b.store().appendChange({kBucket, Change{0, {"case", "uncommitted"}, 1, {}, false}, {}});
        b.restart();

        QCOMPARE(integrity(b.database()), std::string("ok"));
        QCOMPARE(b.store().safeHighWaterMark(), mark);
        QVERIFY(b.store().changesAfter(kBucket, 0, mark + 10, 1000) == changes);
        QVERIFY(b.entitiesIn(kBucket) == rows);
        QCOMPARE(first.lastAppliedSeq, std::int64_t{6});

        // The same batch again after the restart: every op a duplicate with its first answer.
        SyncServerCore core(b.store(), officeOnly(), [] { return kT0; });
        const PushResponse again = core.push("desk-1", request);
        QCOMPARE(again.lastAppliedSeq, first.lastAppliedSeq);
        QCOMPARE(again.results.size(), first.results.size());
        for (std::size_t i = 0; i < again.results.size(); ++i) {
            const OpResult& was = first.results[i];
            const OpResult& now = again.results[i];
            QCOMPARE(int(now.outcome), int(OpOutcome::Duplicate));
            QCOMPARE(int(*now.original), int(was.outcome));
            QCOMPARE(now.reason, was.reason);
            QCOMPARE(now.serverVersion, was.serverVersion);
        }
        QCOMPARE(b.store().safeHighWaterMark(), mark);  // nothing applied twice
    }

    void everyOpLeavesOneDenseAuditLeaf() {
        SyncStoreBackend b("sqlite");
        Desk desk("desk-1");
        SyncServerCore core(b.store(), officeOnly(), [] { return kT0; });
        const auto ops = desk.day();
        core.push("desk-1", desk.request({ops.begin(), ops.begin() + 3}));
        core.push("desk-1", desk.request({ops.begin() + 3, ops.end()}));
        core.push("desk-1", desk.request(ops));  // duplicates add no leaf
        auto& db = b.database();
        QCOMPARE(b.sqlite().auditLeafCount(), std::int64_t(ops.size()));
        QCOMPARE(count(db, "SELECT max(leaf_index) - min(leaf_index) + 1 FROM audit_leaf"),
                 std::int64_t(ops.size()));
        QCOMPARE(count(db, "SELECT min(leaf_index) FROM audit_leaf"), std::int64_t{1});
        QCOMPARE(count(db, "SELECT count(DISTINCT entry_sha256) FROM audit_leaf"),
                 std::int64_t(ops.size()));
        // Applied ops carry the change seqs they caused; refused ones none.
        QCOMPARE(count(db,
                       "SELECT count(*) FROM audit_leaf WHERE outcome = 2 AND first_seq IS "
                       "NULL"),
                 std::int64_t{2});
        QCOMPARE(count(db,
                       "SELECT count(*) FROM audit_leaf WHERE outcome = 0 AND first_seq = "
                       "last_seq"),
                 std::int64_t{4});

        // Identifiers and a hash only: the citizen's name is in the case, not in the leaves.
        auto leaves = db.prepare("SELECT * FROM audit_leaf");
        const QByteArray surname = QByteArray::fromStdString(kSurname);
        while (leaves.step()) {
            for (int column = 0; column < leaves.columnCount(); ++column) {
                const auto bytes = leaves.blob(column);
                QVERIFY(!QByteArray(reinterpret_cast<const char*>(bytes.data()),
                                    qsizetype(bytes.size()))
                             .contains(surname));
            }
        }
        QVERIFY(count(db, "SELECT count(*) FROM sync_entity WHERE state LIKE '%Καραγιανν%'") > 0);

        // Append-only.
        QVERIFY_THROWS_EXCEPTION(db::Error,
                                 db.exec("UPDATE audit_leaf SET outcome = 0 WHERE leaf_index = 1"));
        QVERIFY_THROWS_EXCEPTION(db::Error, db.exec("DELETE FROM audit_leaf"));
        QCOMPARE(b.sqlite().auditLeafCount(), std::int64_t(ops.size()));
    }

    // An applied op's answer is its leaf; only refused and conflicting ops add a reason row.
    void appliedOpsAddNoResultRow() {
        SyncStoreBackend b("sqlite");
        Desk desk("desk-1");
        SyncServerCore core(b.store(), officeOnly(), [] { return kT0; });
        const PushResponse response = core.push("desk-1", desk.request(desk.day()));
        std::int64_t withReason = 0;
        for (const OpResult& r : response.results) {
            withReason += r.reason.empty() ? 0 : 1;
        }
        QCOMPARE(withReason, std::int64_t{2});
        QCOMPARE(count(b.database(), "SELECT count(*) FROM sync_result_reason"), withReason);
        // One sequence row per device, written once for the whole batch.
        QCOMPARE(count(b.database(), "SELECT last_applied_seq FROM sync_device"), std::int64_t{6});
    }

    void historyIsKeptPerTransition() {
        SyncStoreBackend b("sqlite");
        Desk desk("desk-1");
        SyncServerCore core(b.store(), officeOnly(), [] { return kT0; });
        const auto ops = desk.day();
        core.push("desk-1", desk.request(ops));
        b.restart();
        // The create's entry, then the transition's: each with who and when, kept across a restart.
        const auto history = b.history(ops.back().entity);
        QCOMPARE(history.size(), std::size_t{2});
        QCOMPARE(int(history.back().to), int(cases::CaseStatus::Forwarded));
        QCOMPARE(history.back().actorId, kClerk.id);
        QCOMPARE(history.back().at.time_since_epoch().count(), kT0);
        QCOMPARE(history.front().actorId, kClerk.id);
        QCOMPARE(count(b.database(), "SELECT count(*) FROM sync_entity WHERE status = 'forwarded'"),
                 std::int64_t{1});
    }

    void malformedJsonColumnsAreRefused_data() {
        QTest::addColumn<QString>("state");
        QTest::newRow("not JSON") << "{";
        QTest::newRow("not an object") << "[]";
        QTest::newRow("no writers") << R"({"f":{}})";
        QTest::newRow("writer out of range") << R"({"f":{"a":["x",1]},"w":[[1,2,3,"d","u"]]})";
        QTest::newRow("short writer") << R"({"f":{},"w":[[1,2,3,"d"]]})";
    }
    void malformedJsonColumnsAreRefused() {
        QFETCH(QString, state);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 server::sync::decodeEntityState(state.toStdString()));
    }
};

QTEST_GUILESS_MAIN(tst_SqliteSyncServerStore)
#include "tst_sqlite_sync_server_store.moc"
