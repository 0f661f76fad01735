// AuditLog: entries appended in bulk inside the caller's transaction get dense leaf indices in
// commit order and the leaf hash of their canonical bytes; an entry id already in the log is
// skipped; one invalid entry refuses the whole batch with nothing written; the table refuses
// UPDATE and DELETE.
#include "AuditTestLog.h"
#include "audit/AuditLog.h"
#include "shared/audit/MerkleTree.h"

#include <QTest>

#include <algorithm>
#include <stdexcept>
#include <vector>

using kep::audit::AuditEntry;
using kep::server::audit::AuditLog;
using kep::test::AuditTestStore;
using kep::test::syntheticAuditEntries;
using kep::test::syntheticAuditEntry;

namespace {

struct Row {
    std::int64_t leafIndex;
    std::string entryId;
    std::vector<std::uint8_t> leafHash;
};

std::vector<Row> rows(kep::db::Database& db) {
    std::vector<Row> out;
    auto select =
        db.prepare("SELECT leaf_index, entry_id, leaf_hash FROM audit_entry ORDER BY leaf_index");
    while (select.step()) {
        out.push_back({select.int64(0), select.text(1), select.blob(2)});
    }
    return out;
}

std::vector<std::uint8_t> expectedLeaf(const AuditEntry& entry) {
    const auto hash = kep::audit::leafHash(kep::audit::canonicalBytes(entry));
    return {hash.begin(), hash.end()};
}

}  // namespace

class tst_AuditLog : public QObject {
    Q_OBJECT

private slots:
    void appendsWithDenseIndicesAndLeafHashes() {
        AuditTestStore store;
        const auto first = syntheticAuditEntries(3);
        const auto second = syntheticAuditEntries(500, 3);
        QCOMPARE(store.append(first), std::size_t(3));
        QCOMPARE(store.append(second), std::size_t(500));
        const auto stored = rows(store.db());
        QCOMPARE(stored.size(), std::size_t(503));
        for (std::size_t i = 0; i < stored.size(); ++i) {
            const auto& entry = i < 3 ? first[i] : second[i - 3];
            QCOMPARE(stored[i].leafIndex, std::int64_t(i + 1));
            QCOMPARE(stored[i].entryId, entry.entryId);
            QVERIFY(stored[i].leafHash == expectedLeaf(entry));
        }
    }

    void skipsKnownEntryIds() {
        AuditTestStore store;
        const auto sent = syntheticAuditEntries(4);
        QCOMPARE(store.append(sent), std::size_t(4));
        // Sent again with one new entry, which also comes twice in the same batch.
        const auto fresh = syntheticAuditEntry(9);
        const std::vector<AuditEntry> again{sent[2], fresh, sent[0], fresh};
        QCOMPARE(store.append(again), std::size_t(1));
        const auto stored = rows(store.db());
        QCOMPARE(stored.size(), std::size_t(5));
        QCOMPARE(stored.back().leafIndex, std::int64_t(5));
        QCOMPARE(stored.back().entryId, fresh.entryId);
    }

    void refusesAnInvalidEntryWritingNothing_data() {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QString>("value");
        QTest::newRow("no actor") << "actorId"
                                  << "";
        QTest::newRow("a name in the record id") << "recordId"
                                                 << "Παπαδόπουλος";
        QTest::newRow("spaces in the purpose") << "purpose"
                                               << "counter service";
        QTest::newRow("entry id not a UUID") << "entryId"
                                             << "not-a-uuid";
        QTest::newRow("time to the second") << "at"
                                            << "2026-11-27T14:03:05Z";
        QTest::newRow("no outcome") << "outcome"
                                    << "";
    }
    void refusesAnInvalidEntryWritingNothing() {
        QFETCH(QString, member);
        QFETCH(QString, value);
        AuditTestStore store;
        store.append(syntheticAuditEntries(2));
        auto batch = syntheticAuditEntries(3, 10);
        auto& bad = batch[1];
        const auto text = value.toStdString();
        if (member == "actorId")
            bad.actorId = text;
        if (member == "recordId")
            bad.recordId = text;
        if (member == "purpose")
            bad.purpose = text;
        if (member == "entryId")
            bad.entryId = text;
        if (member == "at")
            bad.at = text;
        if (member == "outcome")
            bad.outcome = text;
        try {
            store.append(batch);
            QFAIL("an invalid entry was accepted");
        } catch (const std::invalid_argument& error) {
            const QString message = error.what();
            QVERIFY2(message.contains("entry 2 of 3") && message.contains(member),
                     qPrintable(message));
        }
        QCOMPARE(rows(store.db()).size(), std::size_t(2));
    }

    // Inside the caller's transaction: a rollback takes the entries with the op they belong to.
    void appendsInTheCallersTransaction() {
        AuditTestStore store;
        auto& db = store.db();
        {
            kep::db::Transaction transaction(db);
            AuditLog log(db);
            QCOMPARE(log.append(syntheticAuditEntries(7)), std::size_t(7));
            QCOMPARE(log.append(syntheticAuditEntries(2, 7)), std::size_t(2));
        }
        QCOMPARE(rows(db).size(), std::size_t(0));
        kep::db::Transaction transaction(db);
        AuditLog log(db);
        log.append(syntheticAuditEntries(3));
        transaction.commit();
        QCOMPARE(rows(db).back().leafIndex, std::int64_t(3));
    }

    void isAppendOnly_data() {
        QTest::addColumn<QString>("sql");
        QTest::newRow("update") << "UPDATE audit_entry SET outcome = 'denied' WHERE leaf_index = 1";
        QTest::newRow("delete") << "DELETE FROM audit_entry WHERE leaf_index = 2";
        QTest::newRow("update checkpoint") << "UPDATE audit_checkpoint SET at = 'x'";
        QTest::newRow("delete checkpoint") << "DELETE FROM audit_checkpoint";
    }
    void isAppendOnly() {
        QFETCH(QString, sql);
        AuditTestStore store;
        store.append(syntheticAuditEntries(3));
        // Bound bytes, where zeroblob() and x'' are SQLite's own (the test runs on PostgreSQL
        // too).
        const std::vector<std::uint8_t> root(32), signature(64), frontier(1);
        store.db()
            .prepare(
                "INSERT INTO audit_checkpoint (tree_size, root, at, signature, frontier) VALUES "
                "(3, ?1, '2026-11-27T14:03:05.123Z', ?2, ?3)")
            .bindBlob(1, root)
            .bindBlob(2, signature)
            .bindBlob(3, frontier)
            .run();
        try {
            store.db().exec(sql.toStdString());
            QFAIL("the audit tables took a change");
        } catch (const kep::db::Error& error) {
            QVERIFY2(QString(error.what()).contains("append-only"), error.what());
        }
    }
};

QTEST_APPLESS_MAIN(tst_AuditLog)
#include "tst_audit_log.moc"
