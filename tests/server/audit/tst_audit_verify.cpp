// `audit verify`: an intact log verifies; each kind of tampering is found and named; 10,000
// random mutations of a stored log (a member edited, a row deleted, two rows swapped, the tail
// truncated, a checkpoint edited, a checkpoints.log line dropped or edited), each on an
// in-memory copy with the append-only triggers dropped, are every one detected, within a time
// budget; and the acceptance check: the real `kep-server audit verify` fails after one byte of
// an entry is changed in the database file, naming the entry's leaf index.
#include "AuditTestLog.h"
#include "ServerProcess.h"
#include "audit/AuditCheckpointer.h"
#include "audit/AuditFiles.h"
#include "audit/AuditVerifier.h"
#include "audit/CheckpointLog.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <cstring>
#include <fstream>
#include <map>
#include <random>
#include <span>
#include <sstream>

using kep::audit::SigningKey;
using kep::server::audit::AuditCheckpointer;
using kep::server::audit::AuditVerification;
using kep::server::audit::CheckpointLog;
using kep::server::audit::verifyAuditLog;
using kep::test::AuditTestStore;
using kep::test::syntheticAuditEntries;

namespace {

constexpr int kMutations = 10000;
constexpr qint64 kBudgetMs = 90000;
constexpr char kAllowed[] = "abcdefghijklmnopqrstuvwxyz0123456789";

const char* const kEntryColumns[] = {
    "entry_id", "at",          "actor_kind", "actor_id", "role",    "office",   "workstation",
    "action",   "record_type", "record_id",  "purpose",  "outcome", "leaf_hash"};
const char* const kCheckpointColumns[] = {"tree_size", "root", "at", "signature", "frontier"};

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
}

void writeText(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

std::string describe(const AuditVerification& result) {
    std::string text;
    for (const auto& problem : result.problems) {
        text += problem + "\n";
    }
    return text;
}

// A stored log: 40 entries, signed after batches of 7, 9, 13 and 11 (the last covers all).
struct StoredLog {
    AuditTestStore store;
    std::shared_ptr<const SigningKey> key =
        std::make_shared<const SigningKey>(SigningKey::generate());
    std::string logPath = store.dataDir() + "/checkpoints.log";

    StoredLog() {
        AuditCheckpointer checkpointer(store.db(), key, CheckpointLog(logPath));
        int written = 0;
        for (const int batch : {7, 9, 13, 11}) {
            store.append(syntheticAuditEntries(batch, written));
            written += batch;
            checkpointer.runOnce();
        }
    }
    AuditVerification verify() { return verifyAuditLog(store.db(), key->publicPem(), logPath); }
};

// The audit tables alone (migration 0017, without its triggers) with the stored log's rows, as
// the bytes of a database in rollback-journal form, for sqlite3_deserialize: a copy then costs
// a memcpy and a schema of two tables, and 10,000 of them fit the time budget.
std::string auditImage(const std::string& databasePath) {
    auto db = kep::db::Database::open(
        ":memory:",
        {.mode = kep::db::OpenMode::ReadWriteCreate, .wal = false, .synchronousFull = false});
    for (const auto& migration : kep::server::storage::migrations()) {
        if (migration.version == 17) {
            db.exec(migration.sql);
        }
    }
    for (const char* trigger : {"audit_entry_no_update", "audit_entry_no_delete",
                                "audit_checkpoint_no_update", "audit_checkpoint_no_delete"}) {
        db.exec(std::string("DROP TRIGGER ") + trigger);
    }
    db.prepare("ATTACH DATABASE ?1 AS stored").bind(1, databasePath).run();
    db.exec("INSERT INTO audit_entry SELECT * FROM stored.audit_entry");
    db.exec("INSERT INTO audit_checkpoint SELECT * FROM stored.audit_checkpoint");
    db.exec("DETACH DATABASE stored");
    sqlite3_int64 size = 0;
    unsigned char* bytes = sqlite3_serialize(db.handle(), "main", &size, 0);
    std::string image(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
    sqlite3_free(bytes);
    return image;
}

kep::db::Database inMemoryCopy(const std::string& image) {
    auto db = kep::db::Database::open(
        ":memory:",
        {.mode = kep::db::OpenMode::ReadWriteCreate, .wal = false, .synchronousFull = false});
    auto* buffer = static_cast<unsigned char*>(sqlite3_malloc64(image.size()));
    std::memcpy(buffer, image.data(), image.size());
    const int rc =
        sqlite3_deserialize(db.handle(), "main", buffer, static_cast<sqlite3_int64>(image.size()),
                            static_cast<sqlite3_int64>(image.size()),
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
    if (rc != SQLITE_OK) {
        throw std::runtime_error("sqlite3_deserialize failed");
    }
    return db;
}

// One random change to a copy of the stored log: SQL on the database, or a changed log file.
class Mutator {
public:
    Mutator(std::uint64_t seed, std::int64_t entries, std::vector<std::int64_t> checkpointSizes,
            std::vector<std::string> logLines)
        : random_(seed)
        , entries_(entries)
        , sizes_(std::move(checkpointSizes))
        , lines_(std::move(logLines)) {}

    // Applies one mutation; returns its description, and the log's text in `log` (unchanged
    // unless the mutation is of the log).
    std::string apply(kep::db::Database& db, std::string& log) {
        log = joined(lines_);
        switch (pick(7)) {
            case 0:
                return editMember(db);
            case 1: {
                const auto leaf = leafIndex();
                db.prepare("DELETE FROM audit_entry WHERE leaf_index = ?1").bind(1, leaf).run();
                return "delete leaf " + std::to_string(leaf);
            }
            case 2:
                return swapRows(db);
            case 3: {
                const auto keep = static_cast<std::int64_t>(pick(entries_));
                db.prepare("DELETE FROM audit_entry WHERE leaf_index > ?1").bind(1, keep).run();
                if (pick(2) == 0) {
                    db.prepare("DELETE FROM audit_checkpoint WHERE tree_size > ?1")
                        .bind(1, keep)
                        .run();
                    return "truncate to " + std::to_string(keep) + " with its checkpoints";
                }
                return "truncate to " + std::to_string(keep);
            }
            case 4:
                return editCheckpoint(db);
            case 5: {
                auto lines = lines_;
                const auto dropped = pick(lines.size());
                lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(dropped));
                log = joined(lines);
                return "drop log line " + std::to_string(dropped + 1);
            }
            default: {
                auto lines = lines_;
                auto& line = lines[pick(lines.size())];
                const auto at = pick(line.size());
                line[at] = line[at] == '0' ? '1' : '0';
                log = joined(lines);
                return "edit a log line at " + std::to_string(at);
            }
        }
    }

private:
    std::size_t pick(std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
    }
    std::int64_t leafIndex() { return static_cast<std::int64_t>(pick(entries_)) + 1; }

    static std::string joined(const std::vector<std::string>& lines) {
        std::string text;
        for (const auto& line : lines) {
            text += line + "\n";
        }
        return text;
    }

    std::string changedText(std::string value) {
        if (value.empty()) {
            return "x";
        }
        auto& c = value[pick(value.size())];
        const char old = c;
        while (c == old) {
            c = kAllowed[pick(sizeof kAllowed - 1)];
        }
        return value;
    }

    std::vector<std::uint8_t> changedBlob(std::vector<std::uint8_t> value) {
        if (value.empty()) {
            return {0};
        }
        value[pick(value.size())] ^= static_cast<std::uint8_t>(1U << pick(8));
        return value;
    }

    std::string editMember(kep::db::Database& db) {
        const auto leaf = leafIndex();
        const std::string column = kEntryColumns[pick(std::size(kEntryColumns))];
        // Column names come from the fixed list above; the values are bound.
        auto select = db.prepare("SELECT " + column + " FROM audit_entry WHERE leaf_index = ?1");
        select.bind(1, leaf);
        select.step();
        auto update =
            db.prepare("UPDATE audit_entry SET " + column + " = ?1 WHERE leaf_index = ?2");
        if (column == "leaf_hash") {
            update.bindBlob(1, changedBlob(select.blob(0)));
        } else {
            update.bind(1, changedText(select.text(0)));
        }
        select.reset();
        update.bind(2, leaf).run();
        return "edit " + column + " of leaf " + std::to_string(leaf);
    }

    std::string swapRows(kep::db::Database& db) {
        const auto a = leafIndex();
        auto b = leafIndex();
        while (b == a) {
            b = leafIndex();
        }
        auto move = db.prepare("UPDATE audit_entry SET leaf_index = ?1 WHERE leaf_index = ?2");
        move.bind(1, std::int64_t(1000000)).bind(2, a).run();
        move.bind(1, a).bind(2, b).run();
        move.bind(1, b).bind(2, std::int64_t(1000000)).run();
        return "swap leaves " + std::to_string(a) + " and " + std::to_string(b);
    }

    std::string editCheckpoint(kep::db::Database& db) {
        const auto size = sizes_[pick(sizes_.size())];
        const std::string column = kCheckpointColumns[pick(std::size(kCheckpointColumns))];
        auto select =
            db.prepare("SELECT " + column + " FROM audit_checkpoint WHERE tree_size = ?1");
        select.bind(1, size);
        select.step();
        auto update =
            db.prepare("UPDATE audit_checkpoint SET " + column + " = ?1 WHERE tree_size = ?2");
        if (column == "tree_size") {
            std::int64_t other = size;
            while (std::find(sizes_.begin(), sizes_.end(), other) != sizes_.end()) {
                other = static_cast<std::int64_t>(pick(static_cast<std::size_t>(entries_) + 5)) + 1;
            }
            update.bind(1, other);
        } else if (column == "at") {
            update.bind(1, changedText(select.text(0)));
        } else {
            update.bindBlob(1, changedBlob(select.blob(0)));
        }
        select.reset();
        update.bind(2, size).run();
        return "edit " + column + " of checkpoint " + std::to_string(size);
    }

    std::mt19937_64 random_;
    std::size_t entries_;
    std::vector<std::int64_t> sizes_;
    std::vector<std::string> lines_;
};

// The one place in kep.db where `needle` is a row's record (not an index's key), after which
// `next` follows: the entry's own bytes. npos unless found exactly once.
std::size_t recordOffset(const std::string& file, const std::string& needle,
                         const std::string& next) {
    const auto pattern = needle + next;
    const auto at = file.find(pattern);
    if (at == std::string::npos || file.find(pattern, at + 1) != std::string::npos) {
        return std::string::npos;
    }
    return at;
}

}  // namespace

class tst_AuditVerify : public QObject {
    Q_OBJECT

private slots:
    void intactLogVerifies() {
        StoredLog log;
        const auto result = log.verify();
        QVERIFY2(result.intact(), describe(result).c_str());
        QCOMPARE(result.entries, std::uint64_t(40));
        QCOMPARE(result.checkpoints, std::uint64_t(4));
        QCOMPARE(result.logLines, std::uint64_t(4));
        QVERIFY(result.newest);
        QCOMPARE(result.newest->treeSize, std::uint64_t(40));
        QVERIFY(result.head == result.newest->root);
    }

    void emptyLogVerifies() {
        AuditTestStore store;
        const auto key = SigningKey::generate();
        const auto result =
            verifyAuditLog(store.db(), key.publicPem(), store.dataDir() + "/checkpoints.log");
        QVERIFY(result.intact());
        QCOMPARE(result.entries, std::uint64_t(0));
        QVERIFY(!result.newest);
    }

    // Each kind of tampering, and what the report must name.
    void namesWhatWasTamperedWith_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("named");
        QTest::newRow("member edited")
            << "UPDATE audit_entry SET action = 'case.delete' WHERE leaf_index = 12"
            << "leaf 12 (entry ";
        QTest::newRow("leaf hash edited")
            << "UPDATE audit_entry SET leaf_hash = zeroblob(32) WHERE leaf_index = 3"
            << "leaf 3 (entry ";
        QTest::newRow("row deleted") << "DELETE FROM audit_entry WHERE leaf_index = 20"
                                     << "leaves 20 to 20 are missing";
        QTest::newRow("tail truncated") << "DELETE FROM audit_entry WHERE leaf_index > 30"
                                        << "covers 40 entries but the log holds 30";
        QTest::newRow("rows swapped")
            << "UPDATE audit_entry SET leaf_index = 1000 WHERE leaf_index = 2; "
               "UPDATE audit_entry SET leaf_index = 2 WHERE leaf_index = 5; "
               "UPDATE audit_entry SET leaf_index = 5 WHERE leaf_index = 1000"
            << "checkpoint of size 7";
        QTest::newRow("checkpoint root edited")
            << "UPDATE audit_checkpoint SET root = zeroblob(32) WHERE tree_size = 16"
            << "checkpoint of size 16";
        QTest::newRow("checkpoint removed") << "DELETE FROM audit_checkpoint WHERE tree_size = 29"
                                            << "not in audit_checkpoint";
    }
    void namesWhatWasTamperedWith() {
        QFETCH(QString, sql);
        QFETCH(QString, named);
        StoredLog log;
        auto& db = log.store.db();
        db.exec("DROP TRIGGER audit_entry_no_update");
        db.exec("DROP TRIGGER audit_entry_no_delete");
        db.exec("DROP TRIGGER audit_checkpoint_no_update");
        db.exec("DROP TRIGGER audit_checkpoint_no_delete");
        db.exec(sql.toStdString());
        const auto result = log.verify();
        QVERIFY(!result.intact());
        const auto report = QString::fromStdString(describe(result));
        QVERIFY2(report.contains(named), qPrintable(report));
    }

    void findsADroppedLogLine() {
        StoredLog log;
        auto text = readText(log.logPath);
        text.erase(0, text.find('\n') + 1);
        writeText(log.logPath, text);
        const auto result = log.verify();
        QVERIFY(!result.intact());
        QVERIFY2(QString::fromStdString(describe(result)).contains("not in checkpoints.log"),
                 describe(result).c_str());
    }

    void findsAnotherKeysSignatures() {
        StoredLog log;
        const auto other = SigningKey::generate();
        const auto result = verifyAuditLog(log.store.db(), other.publicPem(), log.logPath);
        QVERIFY(!result.intact());
        QVERIFY(QString::fromStdString(describe(result)).contains("signature does not verify"));
    }

    // Beside a serving server: a line appended (and fsync'd) before its row commits is outside
    // the bound read under the write lock, and not taken for a checkpoint missing in the table.
    void ignoresACheckpointBeingWritten() {
        StoredLog log;
        const auto bound = kep::server::audit::boundUnderWriteLock(log.store.db(), log.logPath);
        QCOMPARE(bound.newestSize, std::uint64_t(40));
        log.store.append(syntheticAuditEntries(3, 40));
        kep::audit::Checkpoint next{43, {}, "2026-11-27T14:03:05.123Z", {}};
        next.root = verifyAuditLog(log.store.db(), log.key->publicPem(), log.logPath).head;
        log.key->signCheckpoint(next);
        CheckpointLog(log.logPath).append(kep::audit::toLine(next));
        const auto bounded =
            verifyAuditLog(log.store.db(), log.key->publicPem(), log.logPath, bound);
        QVERIFY2(bounded.intact(), describe(bounded).c_str());
        QCOMPARE(bounded.entries, std::uint64_t(43));
        QVERIFY(!log.verify().intact());
    }

    void detectsEveryRandomMutation() {
        StoredLog log;
        const auto image = auditImage(log.store.databasePath());
        std::vector<std::int64_t> sizes{7, 16, 29, 40};
        std::vector<std::string> lines;
        std::istringstream logText(readText(log.logPath));
        for (std::string line; std::getline(logText, line);) {
            lines.push_back(line);
        }
        QCOMPARE(lines.size(), std::size_t(4));
        const kep::server::audit::CheckpointSignatures signatures(log.key->publicPem());
        const auto pristineLog = readText(log.logPath);
        QTemporaryDir scratch;
        const auto mutatedLog = scratch.path().toStdString() + "/checkpoints.log";
        // The pristine copy verifies: the mutations, not the copying, are what is found.
        {
            auto copy = inMemoryCopy(image);
            QVERIFY(verifyAuditLog(copy, signatures, log.logPath).intact());
        }
        Mutator mutator(20261127, 40, sizes, lines);
        QElapsedTimer clock;
        clock.start();
        int ran = 0;
        std::map<std::string, int> kinds;
        while (ran < kMutations && clock.elapsed() < kBudgetMs) {
            auto copy = inMemoryCopy(image);
            std::string logContent;
            const auto what = mutator.apply(copy, logContent);
            const bool logChanged = logContent != pristineLog;
            if (logChanged) {
                writeText(mutatedLog, logContent);
            }
            const auto result =
                verifyAuditLog(copy, signatures, logChanged ? mutatedLog : log.logPath);
            QVERIFY2(!result.intact(), ("not detected: " + what).c_str());
            ++kinds[what.substr(0, what.find(' '))];
            ++ran;
        }
        qInfo("%d random mutations in %lld ms, every one detected", ran,
              static_cast<long long>(clock.elapsed()));
        for (const auto& [kind, count] : kinds) {
            qInfo("  %s: %d", kind.c_str(), count);
        }
        QCOMPARE(ran, kMutations);
    }

    // The acceptance check of issue 9, with the real binary on a real data folder.
    void realVerifyNamesAnEntryWithOneByteChanged() {
        kep::test::ServerProcess server;
        QVERIFY2(QFileInfo::exists(kep::test::ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server.init(), qPrintable(server.errorString()));
        const auto dataDir = server.dataDir().toStdString();
        const auto entries = syntheticAuditEntries(60);
        {
            auto store = kep::server::storage::ServerStore::open(dataDir + "/kep.db");
            for (std::size_t i = 0; i < entries.size(); i += 20) {
                kep::server::audit::AuditLog::appendNow(*store, std::span(entries).subspan(i, 20));
            }
        }
        QCOMPARE(server.runOnce({"audit", "checkpoint", "--data", server.dataDir()}), 0);
        QCOMPARE(server.runOnce({"audit", "verify", "--data", server.dataDir()}), 0);
        QVERIFY2(server.lastOutput().contains("audit log intact: 60 entries, 1 checkpoints"),
                 server.lastOutput().constData());
        {
            // Rebuilt, so that no stale copy of a row is left in a page's free space, and with
            // the WAL folded in: each entry's bytes are then in the file once.
            auto db = kep::db::Database::open(dataDir + "/kep.db");
            db.exec("VACUUM");
            db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        const auto pristine = readText(dataDir + "/kep.db");
        QTemporaryDir copies;
        int checked = 0;
        for (const std::size_t leaf : {1, 2, 17, 31, 44, 60}) {
            const auto& entry = entries[leaf - 1];
            // The entry id (followed by its time), then another member: the record id
            // (followed by the purpose).
            for (const auto& [member, next] :
                 {std::pair{entry.entryId, entry.at}, std::pair{entry.recordId, entry.purpose}}) {
                const auto offset = recordOffset(pristine, member, next);
                QVERIFY2(offset != std::string::npos, member.c_str());
                auto changed = pristine;
                auto& byte = changed[offset + 9];
                byte = byte == 'a' ? 'b' : 'a';
                const auto copy = copies.path() + "/" + QString::number(++checked);
                QVERIFY(QDir().mkpath(copy + "/audit"));
                writeText(copy.toStdString() + "/kep.db", changed);
                for (const char* file : {"/audit/signing-key.pem", "/audit/checkpoints.log"}) {
                    QVERIFY(QFile::copy(server.dataDir() + file, copy + file));
                }
                QCOMPARE(server.runOnce({"audit", "verify", "--data", copy}), 1);
                const auto output = QString::fromUtf8(server.lastOutput());
                QVERIFY2(output.contains(QString("leaf %1 (entry ").arg(leaf)), qPrintable(output));
            }
        }
        QCOMPARE(checked, 12);
    }
};

QTEST_GUILESS_MAIN(tst_AuditVerify)
#include "tst_audit_verify.moc"
