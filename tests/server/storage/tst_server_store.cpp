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
    int databases_ = 0;
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

    // Unique folded, not NOCASE: Greek case and accents fold too, so «Μαρία» and «μαρια» are
    // one username (they already share one sign-in throttle key), while Latin still folds.
    void usernamesAreUniqueFolded_data() {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::addColumn<bool>("clash");
        QTest::newRow("Greek case and accent") << "Μαρία"
                                               << "μαρια" << true;
        QTest::newRow("Greek capitals") << "ΜΑΡΙΑ"
                                        << "μαρία" << true;
        QTest::newRow("Latin case") << "Maria"
                                    << "maria" << true;
        QTest::newRow("different names") << "Μαρία"
                                         << "Μάρθα" << false;
    }
    void usernamesAreUniqueFolded() {
        QFETCH(QString, first);
        QFETCH(QString, second);
        QFETCH(bool, clash);
        auto store =
            ServerStore::create(path(("fold-" + std::to_string(++databases_) + ".db").c_str()));
        store->addUser(
            {first.toStdString(), "Synthetic", "central_admin", std::nullopt, "$argon2id$x"});
        if (clash) {
            QVERIFY_THROWS_EXCEPTION(kep::db::Error,
                                     store->addUser({second.toStdString(), "Synthetic", "clerk",
                                                     std::nullopt, "$argon2id$x"}));
        } else {
            store->addUser(
                {second.toStdString(), "Synthetic", "central_admin", std::nullopt, "$argon2id$x"});
        }
        auto found =
            store->database().prepare("SELECT username FROM users WHERE username_folded = ?");
        found.bind(1, kep::server::storage::foldUsername(second.toStdString()));
        QVERIFY(found.step());
        QCOMPARE(QString::fromStdString(found.text(0)), clash ? first : second);
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
