// The server store: created with every migration and the promised durability, never created
// over an existing file, opened only when it is a kep-server database; its constraints.
#include "storage/ServerStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using kep::server::storage::ServerStore;

class tst_ServerStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }

private slots:
    void createAppliesEveryMigrationDurably() {
        auto store = ServerStore::create(path("new.db"));
        auto& db = store->database();
        QCOMPARE(db.userVersion(), static_cast<int>(kep::server::storage::migrations().size()));
        auto journal = db.prepare("PRAGMA journal_mode");
        QVERIFY(journal.step());
        QCOMPARE(QString::fromStdString(journal.text(0)), QStringLiteral("wal"));
        auto synchronous = db.prepare("PRAGMA synchronous");
        QVERIFY(synchronous.step());
        QCOMPARE(synchronous.int64(0), std::int64_t(2));  // FULL
        auto tables = db.prepare(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
            "('meta', 'offices', 'users', 'admin_certificates')");
        QVERIFY(tables.step());
        QCOMPARE(tables.int64(0), std::int64_t(4));
        QVERIFY(store->isReachable());
    }

    void createRefusesAnExistingFile() {
        ServerStore::create(path("twice.db"));
        QVERIFY_THROWS_EXCEPTION(kep::db::Error, ServerStore::create(path("twice.db")));
    }

    void openRefusesMissingAndForeignFiles() {
        QVERIFY_THROWS_EXCEPTION(kep::db::Error, ServerStore::open(path("missing.db")));
        QVERIFY(!QFile::exists(dir_.filePath("missing.db")));
        {
            auto other = kep::db::Database::open(path("other.db"));
            other.exec("CREATE TABLE t (x INTEGER)");
        }
        QVERIFY_THROWS_EXCEPTION(kep::db::Error, ServerStore::open(path("other.db")));
    }

    void reopenKeepsTheData() {
        {
            auto store = ServerStore::create(path("reopen.db"));
            store->setMeta("ca_sha256", "abc");
            store->setMeta("ca_sha256", "def");
        }
        auto store = ServerStore::open(path("reopen.db"));
        QCOMPARE(store->meta("ca_sha256").value(), std::string("def"));
        QVERIFY(!store->meta("nothing"));
    }

    void usersAndOffices() {
        auto store = ServerStore::create(path("users.db"));
        const auto office = store->addOffice({"0101", "ΚΕΠ Δήμου Αθηναίων", "Αττική"});
        QCOMPARE(office.size(), std::size_t(36));
        QCOMPARE(office[14], '7');  // UUIDv7
        store->addUser({"clerk", "Ελένη Δημητρίου", "clerk", office, "$argon2id$x"});
        store->addUser({"central", "Κατερίνα Γεωργίου", "central_admin", std::nullopt, "$x"});
        // Usernames are unique whatever their case.
        QVERIFY_THROWS_EXCEPTION(kep::db::Error,
                                 store->addUser({"CLERK", "x", "clerk", office, "$x"}));
        // Unknown role; a clerk without an office; a central role with one.
        QVERIFY_THROWS_EXCEPTION(kep::db::Error,
                                 store->addUser({"boss", "x", "king", std::nullopt, "$x"}));
        QVERIFY_THROWS_EXCEPTION(kep::db::Error,
                                 store->addUser({"lost", "x", "clerk", std::nullopt, "$x"}));
        QVERIFY_THROWS_EXCEPTION(kep::db::Error, store->addUser({"it2", "x", "it", office, "$x"}));
        // An office that does not exist.
        QVERIFY_THROWS_EXCEPTION(
            kep::db::Error,
            store->addUser({"ghost", "x", "clerk", std::string("0193-no-such-office"), "$x"}));
        QVERIFY_THROWS_EXCEPTION(kep::db::Error, store->addOffice({"0101", "duplicate", "Αττική"}));
    }

    void adminCertificatesAreKnownByFingerprint() {
        auto store = ServerStore::create(path("admin.db"));
        const std::string fingerprint(64, 'a');
        QVERIFY(!store->isAdminCertificate(fingerprint));
        store->addAdminCertificate(fingerprint, "kep-admin", std::chrono::system_clock::now());
        QVERIFY(store->isAdminCertificate(fingerprint));
        QVERIFY(!store->isAdminCertificate(std::string(64, 'b')));
    }
};

QTEST_GUILESS_MAIN(tst_ServerStore)
#include "tst_server_store.moc"
