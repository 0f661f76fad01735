// What only the SQLite store promises: a restart loses nothing committed and nothing uncommitted
// survives it, the file stays sound (integrity_check), every op leaves one dense, append-only
// stored result with identifiers and a hash only, and an applied op's answer needs no extra row.
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
// Synthetic citizen data: must never appear in a stored result or an audit entry.
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

// A read the desk audited itself (issue 9).
audit::AuditEntry deskRead(const std::string& device, const std::string& caseId,
                           domain::UuidV7Generator& ids) {
    return {ids.next().toString(),
            "2025-06-15T15:06:40.000Z",
            "user",
            kClerk.id,
            "clerk",
            "0101",
            device,
            "case.read",
            "case",
            caseId,
            "counter_service",
            "ok"};
}

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

    void thePushsAuditEntriesCommitWithIt() {
        SyncStoreBackend b("sqlite");
        Desk desk("desk-1");
        domain::UuidV7Generator ids;
        SyncServerCore core(b.store(), officeOnly(), [] { return kT0; });
        const auto ops = desk.day();
        PushRequest request = desk.request(ops);
        request.audit = {deskRead("desk-1", ops[0].entity.id, ids),
                         deskRead("desk-1", ops[1].entity.id, ids)};
        core.push("desk-1", request);
        b.restart();
        auto& db = b.database();
        // One entry per op that consumed a sequence, then the desk's two, dense from leaf 1.
        const auto total = std::int64_t(ops.size() + 2);
        QCOMPARE(count(db, "SELECT count(*) FROM audit_entry"), total);
        QCOMPARE(count(db, "SELECT max(leaf_index) - min(leaf_index) + 1 FROM audit_entry"), total);
        auto select = db.prepare(
            "SELECT entry_id, action, outcome, workstation, office FROM audit_entry "
            "ORDER BY leaf_index");
        std::vector<std::string> entryIds;
        std::vector<std::string> outcomes;
        while (select.step()) {
            entryIds.push_back(select.text(0));
            outcomes.push_back(select.text(2));
            QCOMPARE(select.text(3), std::string{"desk-1"});
        }
        QCOMPARE(entryIds.front(), ops.front().opId.toString());
        QCOMPARE(entryIds.back(), request.audit.back().entryId);
        QCOMPARE(outcomes, (std::vector<std::string>{"applied", "applied", "applied", "rejected",
                                                     "rejected", "applied", "ok", "ok"}));
        // Sent again (an answer lost): nothing new, the ops are duplicates, the entries known.
        SyncServerCore again(b.store(), officeOnly(), [] { return kT0; });
        again.push("desk-1", request);
        QCOMPARE(count(db, "SELECT count(*) FROM audit_entry"), total);
        // Identifiers only: the citizen's name is in the case, never in the log.
        QCOMPARE(count(db, "SELECT count(*) FROM audit_entry WHERE record_id LIKE '%Καραγ%'"),
                 std::int64_t{0});
    }

    void aRolledBackPushLeavesNoAuditEntry() {
        SyncStoreBackend b("sqlite");
        Desk desk("desk-1");
        domain::UuidV7Generator ids;
        SyncServerCore core(b.store(), officeOnly(), [] { return kT0; });
        PushRequest request = desk.request(desk.day());
        request.audit = {deskRead("desk-1", "c-1", ids)};
        request.audit.front().at = "yesterday";  // the log refuses it inside the transaction
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, core.push("desk-1", request));
        b.restart();
        auto& db = b.database();
        QCOMPARE(count(db, "SELECT count(*) FROM audit_entry"), std::int64_t{0});
        QCOMPARE(count(db, "SELECT count(*) FROM sync_result"), std::int64_t{0});
        QCOMPARE(count(db, "SELECT count(*) FROM sync_change"), std::int64_t{0});
    }

    void aDeskEntryForAnotherDeviceRefusesTheWholePush() {
        SyncStoreBackend b("sqlite");
        Desk desk("desk-1");
        domain::UuidV7Generator ids;
        SyncServerCore core(b.store(), officeOnly(), [] { return kT0; });
        PushRequest request = desk.request(desk.day());
        request.audit = {deskRead("desk-1", "c-1", ids), deskRead("desk-2", "c-1", ids)};
        try {
            core.push("desk-1", request);
            QFAIL("the push was accepted");
        } catch (const PushRefused& refused) {
            QVERIFY2(std::string_view(refused.what()).find("audit[1]: workstation") !=
                         std::string_view::npos,
                     refused.what());
        }
        auto& db = b.database();
        QCOMPARE(count(db, "SELECT count(*) FROM audit_entry"), std::int64_t{0});
        QCOMPARE(count(db, "SELECT count(*) FROM sync_result"), std::int64_t{0});
        QCOMPARE(b.sqlite().safeHighWaterMark(), std::int64_t{0});
    }

    void everyOpLeavesOneDenseStoredResult() {
        SyncStoreBackend b("sqlite");
        Desk desk("desk-1");
        SyncServerCore core(b.store(), officeOnly(), [] { return kT0; });
        const auto ops = desk.day();
        core.push("desk-1", desk.request({ops.begin(), ops.begin() + 3}));
        core.push("desk-1", desk.request({ops.begin() + 3, ops.end()}));
        core.push("desk-1", desk.request(ops));  // duplicates add no row
        auto& db = b.database();
        QCOMPARE(b.sqlite().storedResultCount(), std::int64_t(ops.size()));
        QCOMPARE(count(db, "SELECT max(result_no) - min(result_no) + 1 FROM sync_result"),
                 std::int64_t(ops.size()));
        QCOMPARE(count(db, "SELECT min(result_no) FROM sync_result"), std::int64_t{1});
        QCOMPARE(count(db, "SELECT count(DISTINCT entry_sha256) FROM sync_result"),
                 std::int64_t(ops.size()));
        // Applied ops carry the change seqs they caused; refused ones none.
        QCOMPARE(count(db,
                       "SELECT count(*) FROM sync_result WHERE outcome = 2 AND first_seq IS "
                       "NULL"),
                 std::int64_t{2});
        QCOMPARE(count(db,
                       "SELECT count(*) FROM sync_result WHERE outcome = 0 AND first_seq = "
                       "last_seq"),
                 std::int64_t{4});

        // Identifiers and a hash only: the citizen's name is in the case, not in the stored
        // results.
        auto rows = db.prepare("SELECT * FROM sync_result");
        const QByteArray surname = QByteArray::fromStdString(kSurname);
        while (rows.step()) {
            for (int column = 0; column < rows.columnCount(); ++column) {
                const auto bytes = rows.blob(column);
                QVERIFY(!QByteArray(reinterpret_cast<const char*>(bytes.data()),
                                    qsizetype(bytes.size()))
                             .contains(surname));
            }
        }
        QVERIFY(count(db, "SELECT count(*) FROM sync_entity WHERE state LIKE '%Καραγιανν%'") > 0);

        // Append-only.
        QVERIFY_THROWS_EXCEPTION(db::Error,
                                 db.exec("UPDATE sync_result SET outcome = 0 WHERE result_no = 1"));
        QVERIFY_THROWS_EXCEPTION(db::Error, db.exec("DELETE FROM sync_result"));
        QCOMPARE(b.sqlite().storedResultCount(), std::int64_t(ops.size()));
    }

    // An applied op's answer is its sync_result row; only refused and conflicting ops add a reason
    // row.
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
