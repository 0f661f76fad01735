// Nudges between kep-server processes (events/PgNudgeChannel, issue 10): two hubs, as two
// processes on one PostgreSQL database hold them; what one publishes reaches the other's desks
// by NOTIFY — for the right bucket, never back to the desk that caused it, never twice to the
// publishing process's own desks.
#include <QTest>

#include "TestServerStore.h"
#include "events/PgNudgeChannel.h"
#include "shared/sync/SyncProtocol.h"
#include "storage/DatabaseLocation.h"

#include <mutex>

using kep::server::events::PgNudgeChannel;
using kep::server::sync::NudgeHub;
using kep::test::TestServerDatabase;

namespace {

class RecordingDesk : public kep::http::WebSocketPeer {
public:
    void send(std::string message) override {
        std::lock_guard lock(mutex_);
        messages_.push_back(std::move(message));
    }
    int count() const {
        std::lock_guard lock(mutex_);
        return static_cast<int>(messages_.size());
    }
    std::string last() const {
        std::lock_guard lock(mutex_);
        return messages_.empty() ? std::string() : messages_.back();
    }

private:
    mutable std::mutex mutex_;
    std::vector<std::string> messages_;
};

kep::sync::Nudge nudgeOf(const char* bucket, std::int64_t upTo) {
    return {kep::sync::kProtocolVersion, bucket, upTo};
}

}  // namespace

class tst_PgNudgeChannel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir scratch_;
    std::unique_ptr<TestServerDatabase> database_;
    NudgeHub processA_;
    NudgeHub processB_;
    std::unique_ptr<PgNudgeChannel> channelA_;
    std::unique_ptr<PgNudgeChannel> channelB_;
    std::shared_ptr<RecordingDesk> deskA_ = std::make_shared<RecordingDesk>();
    std::shared_ptr<RecordingDesk> deskB_ = std::make_shared<RecordingDesk>();
    std::shared_ptr<RecordingDesk> otherOffice_ = std::make_shared<RecordingDesk>();

private slots:
    void initTestCase() {
        database_ = std::make_unique<TestServerDatabase>(scratch_.path().toStdString());
        QVERIFY2(database_->isPostgres(), "run with KEP_TEST_BACKEND=postgres (CMakeLists.txt)");
        const auto location = kep::server::storage::postgresLocation(database_->location());
        channelA_ = std::make_unique<PgNudgeChannel>(location, processA_);
        channelB_ = std::make_unique<PgNudgeChannel>(location, processB_);
        processA_.join(deskA_, "desk-a", {"office:0101"});
        processB_.join(deskB_, "desk-b", {"office:0101"});
        processB_.join(otherOffice_, "desk-c", {"office:0202"});
    }

    void reachesTheOtherProcessesDesks() {
        processA_.publish(nudgeOf("office:0101", 7), "desk-x");
        QTRY_COMPARE_WITH_TIMEOUT(deskB_->count(), 1, 5000);
        QCOMPARE(deskB_->last(), kep::sync::encode(nudgeOf("office:0101", 7)));
        QCOMPARE(deskA_->count(), 1);
        QCOMPARE(otherOffice_->count(), 0);
        // Its own notification comes back to process A and is not delivered a second time.
        QTRY_COMPARE_WITH_TIMEOUT(channelA_->received() + channelB_->received(), std::uint64_t{1},
                                  5000);
        QTest::qWait(500);
        QCOMPARE(deskA_->count(), 1);
        QCOMPARE(channelA_->received(), std::uint64_t{0});
    }

    void neverBackToTheDeskThatCausedIt() {
        const auto before = channelB_->received();
        processA_.publish(nudgeOf("office:0101", 8), "desk-b");
        QTRY_COMPARE_WITH_TIMEOUT(channelB_->received(), before + 1, 5000);
        QCOMPARE(deskB_->count(), 1);
    }

    void bothWays() {
        processB_.publish(nudgeOf("office:0202", 9), "desk-b");
        QTRY_COMPARE_WITH_TIMEOUT(channelA_->received(), std::uint64_t{1}, 5000);
        QCOMPARE(otherOffice_->count(), 1);
        QCOMPARE(deskA_->count(), 2);  // 0202 is not its bucket: only the nudge of 8 came
    }
};

QTEST_GUILESS_MAIN(tst_PgNudgeChannel)
#include "tst_pg_nudge_channel.moc"
