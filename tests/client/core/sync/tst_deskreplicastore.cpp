// The desk's replica store: pulled changes of the office's bucket written into desk.db's case,
// citizen and history rows and the conflicts table, each batch with its cursor, nothing queued.
#include "SyncTestServer.h"
#include "cases/CaseStore.h"
#include "cases/CitizenJson.h"
#include "cases/ProtocolLeaseStore.h"
#include "storage/DeskDatabase.h"
#include "sync/ConflictStore.h"
#include "sync/DeskReplicaStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kep::desk;
using kep::desk::test::kSyncNow;
using kep::sync::Change;
using kep::sync::FieldMap;

namespace {

const std::string kBucket = "office:0101";
const std::string kCaseId = "01950a1c-6c00-7000-8000-000000000001";  // UUIDv7 of 2025-02-18

std::string citizenJson(std::uint64_t seed, const std::string& surname) {
    return cases::citizenToJson(test::syntheticCitizen(seed, surname));
}

FieldMap createdFields(const std::string& protocol) {
    return {{"protocol_number", protocol},       {"procedure_id", "900012"},
            {"catalogue_version", "3"},          {"citizen", citizenJson(11, "Οικονόμου")},
            {"evidence", R"({"1":"provided"})"}, {"fee_cents", "150"},
            {"due_date", "2026-03-20"},          {"notes", ""},
            {"filed_by", "user-clerk-2"},        {"status", "draft"},
            {"requires_approval", "true"}};
}

Change change(std::int64_t seq, std::string type, std::string id, std::int64_t version,
              FieldMap fields, bool deleted = false) {
    return Change{seq, {std::move(type), std::move(id)}, version, std::move(fields), deleted};
}

QString one(kep::db::Database& db, const std::string& sql, const std::string& id) {
    auto st = db.prepare(sql);
    st.bind(1, id);
    if (!st.step()) {
        return QStringLiteral("<none>");
    }
    return st.isNull(0) ? QStringLiteral("<null>") : QString::fromStdString(st.text(0));
}

std::int64_t count(kep::db::Database& db, const char* table) {
    auto st = db.prepare(std::string("SELECT count(*) FROM ") + table);
    st.step();
    return st.int64(0);
}

}  // namespace

class tst_DeskReplicaStore : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY(dir_.isValid());
        db_.emplace(storage::openDeskDatabase(dir_.filePath(QStringLiteral("d%1.db").arg(++n_))));
        replica_.emplace(*db_, [] { return kSyncNow; });
    }
    void cleanup() {
        replica_.reset();
        db_.reset();
    }

    void aCaseFiledElsewhereArrivesWithCitizenAndOneHistoryStep() {
        const Change changes[] = {
            change(1, "case", kCaseId, 1, createdFields("0101/2026/7")),
            change(2, "case", kCaseId, 2, {{"status", "submitted"}, {"status_reason", ""}}),
            change(3, "case", kCaseId, 3, {{"status", "pending_approval"}}),
        };
        replica_->applyPulled(kBucket, changes, 3);

        cases::CaseStore store(*db_, "0101", "ws-B");
        const auto found = store.caseById(kCaseId);
        QVERIFY(found);
        QCOMPARE(found->protocolNumber, std::string("0101/2026/7"));
        QCOMPARE(found->surname, std::string("Οικονόμου"));
        QCOMPARE(found->filedBy, std::string("user-clerk-2"));
        QCOMPARE(kep::cases::toString(found->status), std::string_view("pending_approval"));
        // Filed when its UUIDv7 says, not when this desk pulled it.
        QVERIFY(found->filedAt < kSyncNow);
        QCOMPARE(one(*db_, "SELECT version FROM kase WHERE id = ?1", kCaseId), QString("3"));
        const auto history = store.history(kCaseId);
        QCOMPARE(history.size(), std::size_t{1});
        QCOMPARE(kep::cases::toString(history[0].from), std::string_view("draft"));
        QCOMPARE(kep::cases::toString(history[0].to), std::string_view("pending_approval"));
        // Found again by the clerk's search, by surname without accents.
        QCOMPARE(store.search("οικονομου").size(), std::size_t{1});
        QCOMPARE(replica_->cursor(kBucket), 3);
        QCOMPARE(count(*db_, "outbox"), 0);  // pulled rows never re-enter the outbox
    }

    // The server says who changed the status, in which role and when: the history keeps that,
    // not the desk's own clock.
    void aPulledStatusChangeKeepsTheServersWhoAndWhen() {
        const Change changes[] = {
            change(1, "case", kCaseId, 1, createdFields("0101/2026/8")),
            change(2, "case", kCaseId, 2,
                   {{"status", "approved"},
                    {"status_reason", ""},
                    {"status_actor", "user-manager-1"},
                    {"status_role", "manager"},
                    {"status_at", "1790000000123"}}),
        };
        replica_->applyPulled(kBucket, changes, 2);
        const auto history = cases::CaseStore(*db_, "0101", "ws-B").history(kCaseId);
        QCOMPARE(history.size(), std::size_t{1});
        QCOMPARE(history[0].actorId, std::string("user-manager-1"));
        QVERIFY(history[0].role == kep::cases::ActorRole::Manager);
        QCOMPARE(history[0].at.time_since_epoch().count(), std::int64_t{1790000000123});
    }

    void aFieldChangeWritesItsColumn_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("stored");
        QTest::newRow("notes") << "notes"
                               << "νέα σημείωση"
                               << "notes"
                               << "νέα σημείωση";
        QTest::newRow("fee") << "fee_cents"
                             << "275"
                             << "fee_cents"
                             << "275";
        QTest::newRow("due date") << "due_date"
                                  << "2026-04-01"
                                  << "due_date"
                                  << "2026-04-01";
        QTest::newRow("evidence") << "evidence"
                                  << R"({"1":"missing"})"
                                  << "evidence"
                                  << R"({"1":"missing"})";
        QTest::newRow("no approval") << "requires_approval"
                                     << "false"
                                     << "requires_approval"
                                     << "0";
        QTest::newRow("status") << "status"
                                << "approved"
                                << "status"
                                << "approved";
        QTest::newRow("catalogue version") << "catalogue_version"
                                           << "4"
                                           << "catalogue_version"
                                           << "4";
        QTest::newRow("bad number reads as 0") << "fee_cents"
                                               << "12x"
                                               << "fee_cents"
                                               << "0";
    }
    void aFieldChangeWritesItsColumn() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, column);
        QFETCH(QString, stored);
        const Change created[] = {change(1, "case", kCaseId, 1, createdFields("0101/2026/7"))};
        replica_->applyPulled(kBucket, created, 1);
        const Change edit[] = {
            change(2, "case", kCaseId, 2, {{field.toStdString(), value.toStdString()}})};
        replica_->applyPulled(kBucket, edit, 2);
        const std::string sql = "SELECT " + column.toStdString() + " FROM kase WHERE id = ?1";
        QCOMPARE(one(*db_, sql, kCaseId), stored);
        QCOMPARE(one(*db_, "SELECT version FROM kase WHERE id = ?1", kCaseId), QString("2"));
        // The other columns keep their values.
        QCOMPARE(one(*db_, "SELECT protocol_number FROM kase WHERE id = ?1", kCaseId),
                 QString("0101/2026/7"));
    }

    void aCaseFiledHereDoesNotStepBackWhenPulled() {
        cases::ProtocolLeaseStore(*db_, "0101").addBlock({"0101", 2026, 1, 50});
        cases::CaseStore store(*db_, "0101", "ws-A");
        const auto filed = store.file(test::syntheticFiling(test::syntheticCitizen(3, "Λάμπρου")),
                                      {"user-clerk-1", kep::cases::ActorRole::Clerk}, kSyncNow);
        QVERIFY2(filed.ok(), filed.message.c_str());
        const std::string id = filed.filed->id;
        // The outbox settled (pushed and applied): the server's change comes back — one, as
        // the case was filed in one op, already in the filed status.
        std::vector<kep::sync::Settlement> applied;
        for (const auto& op : store.outbox().pendingOps(10)) {
            applied.push_back({op.deviceSeq, kep::sync::OpState::Applied, {}, 1});
        }
        store.outbox().settle(applied);
        const auto historyBefore = store.history(id).size();
        FieldMap fields = createdFields(filed.filed->protocolNumber);
        fields["citizen"] = cases::citizenToJson(test::syntheticCitizen(3, "Λάμπρου"));
        fields["status"] = "pending_approval";
        const Change changes[] = {change(1, "case", id, 1, fields)};
        replica_->applyPulled(kBucket, changes, 1);
        QCOMPARE(kep::cases::toString(store.caseById(id)->status),
                 std::string_view("pending_approval"));
        QCOMPARE(store.history(id).size(), historyBefore);
        QCOMPARE(count(*db_, "citizen"), 1);  // the same person, not a second row
    }

    void aFieldWithAnOpStillQueuedKeepsTheDesksValue() {
        const Change created[] = {
            change(1, "case", kCaseId, 1, createdFields("0101/2026/7")),
            change(2, "case", kCaseId, 2, {{"status", "pending_approval"}}),
        };
        replica_->applyPulled(kBucket, created, 2);
        // A manager approves here; the op waits in the outbox.
        cases::CaseStore store(*db_, "0101", "ws-B");
        const auto approved =
            store.transition(kCaseId, kep::cases::CaseStatus::Approved,
                             {"user-manager-1", kep::cases::ActorRole::Manager}, {}, kSyncNow);
        QVERIFY2(approved.ok(), approved.message.c_str());
        // Meanwhile another desk's note arrives, with the status the server still has.
        const Change later[] = {
            change(5, "case", kCaseId, 3, {{"notes", "από άλλο γκισέ"}, {"status", "returned"}})};
        replica_->applyPulled(kBucket, later, 5);
        QCOMPARE(one(*db_, "SELECT status FROM kase WHERE id = ?1", kCaseId), QString("approved"));
        QCOMPARE(one(*db_, "SELECT notes FROM kase WHERE id = ?1", kCaseId),
                 QString("από άλλο γκισέ"));
    }

    void aChangeNotAboveTheRowsVersionIsSkipped() {
        const Change created[] = {change(1, "case", kCaseId, 4, createdFields("0101/2026/7"))};
        replica_->applyPulled(kBucket, created, 1);
        const Change stale[] = {change(2, "case", kCaseId, 3, {{"notes", "παλιά"}})};
        replica_->applyPulled(kBucket, stale, 2);
        QCOMPARE(one(*db_, "SELECT notes FROM kase WHERE id = ?1", kCaseId), QString(""));
        QCOMPARE(replica_->cursor(kBucket), 2);  // the cursor moves on all the same
    }

    void aDeletedCaseGoesWithItsHistory() {
        const Change changes[] = {
            change(1, "case", kCaseId, 1, createdFields("0101/2026/7")),
            change(2, "case", kCaseId, 2, {{"status", "submitted"}}),
        };
        replica_->applyPulled(kBucket, changes, 2);
        QCOMPARE(count(*db_, "case_history"), 1);
        const Change gone[] = {change(3, "case", kCaseId, 3, {}, true)};
        replica_->applyPulled(kBucket, gone, 3);
        QCOMPARE(count(*db_, "kase"), 0);
        QCOMPARE(count(*db_, "case_history"), 0);
        QCOMPARE(count(*db_, "citizen"), 0);  // a purge leaves nothing of the person here
    }

    // The same person's other case keeps them on the desk.
    void aDeletedCaseKeepsACitizenWithAnotherCase() {
        const std::string otherId = "01950a1c-6c00-7000-8000-000000000002";
        const Change changes[] = {
            change(1, "case", kCaseId, 1, createdFields("0101/2026/7")),
            change(2, "case", otherId, 1, createdFields("0101/2026/9")),
        };
        replica_->applyPulled(kBucket, changes, 2);
        QCOMPARE(count(*db_, "citizen"), 1);
        const Change gone[] = {change(3, "case", kCaseId, 2, {}, true)};
        replica_->applyPulled(kBucket, gone, 3);
        QCOMPARE(count(*db_, "kase"), 1);
        QCOMPARE(count(*db_, "citizen"), 1);
    }

    void conflictsGoToTheInbox() {
        const Change changes[] = {
            change(1, "case", kCaseId, 1, createdFields("0101/2026/7")),
            change(2, "conflict", "op-1/1", 1,
                   {{"entity_type", "case"},
                    {"entity_id", kCaseId},
                    {"field", "notes"},
                    {"kept_value", "της Β"},
                    {"kept_device", "ws-B"},
                    {"kept_actor", "user-clerk-2"},
                    {"kept_hlc", "0195f0c0a000-00000000"},
                    {"lost_value", "της Α"},
                    {"lost_device", "ws-A"},
                    {"lost_actor", "user-clerk-1"},
                    {"lost_hlc", "0195f0c09000-00000000"},
                    {"op", "op-1"},
                    {"state", "open"}}),
        };
        replica_->applyPulled(kBucket, changes, 2);
        sync::ConflictStore conflicts(*db_);
        QCOMPARE(conflicts.openCount(), 1);
        const auto open = conflicts.open();
        QCOMPARE(open.size(), std::size_t{1});
        QCOMPARE(open[0].protocolNumber, std::string("0101/2026/7"));
        QCOMPARE(open[0].kept.value, std::string("της Β"));
        QCOMPARE(open[0].lost.actorId, std::string("user-clerk-1"));
        QVERIFY(open[0].lost.at && open[0].kept.at && *open[0].lost.at < *open[0].kept.at);
        // Resolved by another desk: it leaves this inbox too.
        const Change resolved[] = {change(3, "conflict", "op-1/1", 2,
                                          {{"state", "resolved"}, {"resolution", "kept_value"}})};
        replica_->applyPulled(kBucket, resolved, 3);
        QCOMPARE(conflicts.openCount(), 0);
    }

    void otherEntitiesAreKeptAsSent() {
        const Change changes[] = {change(1, "receipt_note", "n-1", 1, {{"text", "a"}}),
                                  change(2, "receipt_note", "n-1", 2, {{"more", "b"}})};
        replica_->applyPulled(kBucket, changes, 2);
        QCOMPARE(one(*db_, "SELECT fields FROM replica_entity WHERE entity_id = ?1", "n-1"),
                 QString(R"({"more":"b","text":"a"})"));
    }

    void aCursorNeverGoesBackAndTheBatchIsAllOrNothing() {
        const Change first[] = {change(4, "case", kCaseId, 1, createdFields("0101/2026/7"))};
        replica_->applyPulled(kBucket, first, 4);
        const Change behind[] = {change(2, "case", kCaseId, 2, {{"notes", "x"}})};
        QVERIFY_THROWS_EXCEPTION(std::logic_error, replica_->applyPulled(kBucket, behind, 3));
        QCOMPARE(replica_->cursor(kBucket), 4);
        QCOMPARE(one(*db_, "SELECT notes FROM kase WHERE id = ?1", kCaseId), QString(""));
        QCOMPARE(replica_->cursor("office:0202"), 0);  // each bucket has its own
    }

private:
    QTemporaryDir dir_;
    int n_ = 0;
    std::optional<kep::db::Database> db_;
    std::optional<sync::DeskReplicaStore> replica_;
};

QTEST_GUILESS_MAIN(tst_DeskReplicaStore)
#include "tst_deskreplicastore.moc"
