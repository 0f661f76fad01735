// A job's reading of the change log: each case change handled once and in order, the cursor
// durable across a restart, nothing advanced when handling fails, other entities passed over;
// once in all when the same job follows on two connections (two kep-server processes).
#include <QTemporaryDir>
#include <QTest>

#include "TestServerStore.h"
#include "db/Database.h"
#include "jobs/ChangeFollower.h"
#include "storage/ServerStore.h"

#include <atomic>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

using kep::server::jobs::CaseChange;
using kep::server::jobs::ChangeFollower;

namespace {

// Appends a change as SqliteSyncServerStore writes it (the follower reads only sync_change).
void appendChange(kep::db::Database& db, std::int64_t seq, const std::string& type,
                  const std::string& id, std::int64_t version, const std::string& fields) {
    db.prepare(
          "INSERT INTO sync_change (seq, bucket, entity_type, entity_id, version, fields) "
          "VALUES (?1, 'office:0101', ?2, ?3, ?4, ?5)")
        .bind(1, seq)
        .bind(2, type)
        .bind(3, id)
        .bind(4, version)
        .bind(5, fields)
        .run();
}

class Database {
public:
    Database() {
        database_.createStore();
        open();
    }
    void reopen() {
        db_.reset();
        open();
    }
    kep::db::Database& operator*() { return *db_; }
    // Another connection to the same database, as another kep-server process has.
    kep::db::Database connectAgain() const { return database_.connect(); }

private:
    void open() { db_.emplace(database_.connect()); }
    QTemporaryDir dir_;
    kep::test::TestServerDatabase database_{dir_.path().toStdString()};
    std::optional<kep::db::Database> db_;
};

std::vector<std::int64_t> seqsOf(ChangeFollower& follower, int limit = 500) {
    std::vector<std::int64_t> seqs;
    follower.poll([&](const CaseChange& change) { seqs.push_back(change.seq); }, limit);
    return seqs;
}

}  // namespace

class tst_ChangeFollower : public QObject {
    Q_OBJECT

private slots:
    void readsCaseChangesOnceInOrder() {
        Database db;
        appendChange(*db, 1, "case", "c1", 1, R"({"status":"submitted"})");
        ChangeFollower follower(*db, "test", /*fromNow=*/false);
        appendChange(*db, 2, "conflict", "k1", 1, R"({"state":"open"})");
        appendChange(*db, 3, "case", "c1", 2, R"({"status":"forwarded"})");

        std::vector<CaseChange> seen;
        QCOMPARE(follower.poll([&](const CaseChange& change) { seen.push_back(change); }),
                 std::size_t{3});
        QCOMPARE(seen.size(), std::size_t{2});
        QCOMPARE(seen[0].seq, std::int64_t{1});
        QCOMPARE(seen[0].caseId, std::string{"c1"});
        QCOMPARE(seen[0].officeCode, std::string{"0101"});
        QCOMPARE(seen[0].version, std::int64_t{1});
        QCOMPARE(seen[1].fields.at("status"), std::string{"forwarded"});
        QCOMPARE(follower.cursor(), std::int64_t{3});
        QVERIFY(seqsOf(follower).empty());  // up to date: nothing again
    }

    void newFollowerFromNowSkipsThePast() {
        Database db;
        appendChange(*db, 1, "case", "c1", 1, "{}");
        ChangeFollower follower(*db, "test");
        QCOMPARE(follower.cursor(), std::int64_t{1});
        appendChange(*db, 2, "case", "c2", 1, "{}");
        QCOMPARE(seqsOf(follower), std::vector<std::int64_t>{2});
    }

    void cursorSurvivesRestartAndLimitPages() {
        Database db;
        {
            ChangeFollower follower(*db, "test", false);
            for (int seq = 1; seq <= 5; ++seq) {
                appendChange(*db, seq, "case", std::to_string(seq).insert(0, "c"), 1, "{}");
            }
            QCOMPARE(seqsOf(follower, 2), (std::vector<std::int64_t>{1, 2}));
        }
        db.reopen();
        ChangeFollower follower(*db, "test", false);  // an existing cursor is kept
        QCOMPARE(seqsOf(follower), (std::vector<std::int64_t>{3, 4, 5}));
        ChangeFollower other(*db, "other", false);  // cursors are per job
        QCOMPARE(seqsOf(other).size(), std::size_t{5});
    }

    void failedHandlingKeepsNothing() {
        Database db;
        ChangeFollower follower(*db, "test", false);
        appendChange(*db, 1, "case", "c1", 1, "{}");
        appendChange(*db, 2, "case", "c2", 1, "{}");
        (*db).exec("CREATE TABLE produced (seq INTEGER)");
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, follower.poll([&](const CaseChange& change) {
            (*db).prepare("INSERT INTO produced (seq) VALUES (?1)").bind(1, change.seq).run();
            if (change.seq == 2) {
                throw std::runtime_error("sender down");
            }
        }));
        QCOMPARE(follower.cursor(), std::int64_t{0});
        auto produced = (*db).prepare("SELECT count(*) FROM produced");
        produced.step();
        QCOMPARE(produced.int64(0), std::int64_t{0});  // the first change's row went too
        QCOMPARE(seqsOf(follower), (std::vector<std::int64_t>{1, 2}));
    }

    // Two processes' jobs of one name, each on its own connection, both having read the same
    // batch before either could take the writers' lock (held here meanwhile): every change is
    // handled once, by one of them.
    void twoProcessesHandleEachChangeOnce() {
        Database db;
        for (const char* id : {"c1", "c2", "c3", "c4", "c5"}) {
            appendChange(*db, id[1] - '0', "case", id, 1, "{}");
        }
        auto first = db.connectAgain();
        auto second = db.connectAgain();
        ChangeFollower one(first, "notify", false);
        ChangeFollower other(second, "notify", false);
        auto locker = db.connectAgain();
        std::optional<kep::db::Transaction> writersLock;
        writersLock.emplace(locker);
        std::atomic<int> handled{0};
        const auto follow = [&handled](ChangeFollower& follower) {
            follower.poll([&handled](const CaseChange&) { ++handled; });
        };
        std::thread process1(follow, std::ref(one));
        std::thread process2(follow, std::ref(other));
        QTest::qWait(500);  // both have read the batch and wait for the lock
        writersLock.reset();
        process1.join();
        process2.join();
        QCOMPARE(handled.load(), 5);
        QCOMPARE(one.cursor(), std::int64_t{5});
        QVERIFY(seqsOf(other).empty());
    }
};

QTEST_GUILESS_MAIN(tst_ChangeFollower)
#include "tst_change_follower.moc"
