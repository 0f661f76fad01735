// The outbox and its delivery on a real kep.db with an injected clock and a scripted sender:
// one message per change and channel; sent messages lose their contact and text; faults that
// may pass are retried with the backoff, permanent ones and the last attempt leave the message
// failed and whole for support; nothing is due before its time.
#include <QTemporaryDir>
#include <QTest>

#include "TestServerStore.h"
#include "db/Database.h"
#include "notify/NotificationDelivery.h"
#include "notify/NotificationOutbox.h"
#include "notify/RetryPolicy.h"
#include "storage/ServerStore.h"

#include <deque>
#include <optional>
#include <stdexcept>

using namespace kep::server::notify;
using Outcome = SendResult::Outcome;
using std::chrono::milliseconds;

Q_DECLARE_METATYPE(Outcome)

namespace {

constexpr std::int64_t kT0 = 1'780'000'000'000;

// A sender that answers from a script (the last answer repeats) and keeps what it was given.
class ScriptedSender : public NotificationSender {
public:
    explicit ScriptedSender(std::deque<SendResult> answers) : answers_(std::move(answers)) {}
    SendResult send(const NotificationMessage& message) override {
        received.push_back(message);
        if (throws) {
            throw std::runtime_error("carrier library failed");
        }
        SendResult answer = answers_.front();
        if (answers_.size() > 1) {
            answers_.pop_front();
        }
        return answer;
    }
    std::vector<NotificationMessage> received;
    bool throws = false;

private:
    std::deque<SendResult> answers_;
};

NotificationMessage message(std::int64_t changeSeq, Channel channel) {
    NotificationMessage m;
    m.caseId = "case-1";
    m.changeSeq = changeSeq;
    m.notice = StatusNotice::Filed;
    m.channel = channel;
    m.language = Language::Greek;
    m.protocolNumber = "0101/2026/17";
    m.recipient = channel == Channel::Sms ? "+306912345678" : "citizen.test@example.gr";
    m.subject = channel == Channel::Sms ? "" : "ΚΕΠ — αίτηση 0101/2026/17: καταχωρίστηκε";
    m.body = "ΚΕΠ: Η αίτησή σας καταχωρίστηκε με αριθμό πρωτοκόλλου 0101/2026/17.";
    return m;
}

// A migrated kep.db, an outbox on it with a clock the test moves, and the row's raw columns.
class Fixture {
public:
    Fixture()
        : store_(database_.createStore())
        , db(database_.connect())
        , outbox(db, [this] { return now; }) {}

    struct Row {
        std::string state;
        int attempts = 0;
        std::int64_t nextAttempt = 0;
        std::string recipient;
        std::string body;
        std::optional<std::string> lastError;
    };
    Row row(std::int64_t changeSeq, Channel channel) {
        auto select = db.prepare(
            "SELECT state, attempts, next_attempt_ms, recipient, body, last_error "
            "FROM notification_outbox WHERE change_seq = ?1 AND channel = ?2");
        select.bind(1, changeSeq).bind(2, toString(channel));
        if (!select.step()) {
            throw std::runtime_error("no such row");
        }
        return {select.text(0),  static_cast<int>(select.int64(1)),
                select.int64(2), select.text(3),
                select.text(4),  select.optionalText(5)};
    }

    std::int64_t now = kT0;

private:
    QTemporaryDir dir_;
    kep::test::TestServerDatabase database_{dir_.path().toStdString()};
    std::unique_ptr<kep::server::storage::ServerStore> store_;

public:
    kep::db::Database db;
    NotificationOutbox outbox;
};

const RetryPolicy kPolicy{milliseconds{1'000}, milliseconds{8'000}, 4};

}  // namespace

class tst_NotificationDelivery : public QObject {
    Q_OBJECT

private slots:
    void oneMessagePerChangeAndChannel() {
        Fixture f;
        QVERIFY(f.outbox.enqueue(message(7, Channel::Email)));
        QVERIFY(f.outbox.enqueue(message(7, Channel::Sms)));
        QVERIFY(!f.outbox.enqueue(message(7, Channel::Email)));
        QVERIFY(f.outbox.hasNotice("case-1", StatusNotice::Filed));
        QVERIFY(!f.outbox.hasNotice("case-1", StatusNotice::Rejected));
        QVERIFY(!f.outbox.hasNotice("case-2", StatusNotice::Filed));
        const auto due = f.outbox.due(10);
        QCOMPARE(due.size(), std::size_t(2));
        QVERIFY(due[0].id != due[1].id);
        QCOMPARE(due[0].body, message(7, Channel::Email).body);
        const OutboxCounts counts = f.outbox.counts();
        QCOMPARE(counts.queued, std::int64_t(2));
        QCOMPARE(counts.sent + counts.failed, std::int64_t(0));
    }

    void sentMessageKeepsNoContactOrText() {
        Fixture f;
        f.outbox.enqueue(message(1, Channel::Sms));
        ScriptedSender sender({{Outcome::Sent, "HTTP 202"}});
        std::vector<DeliveryReport> reports;
        NotificationDelivery delivery(
            f.outbox, sender, kPolicy, [] { return 0u; },
            [&](const DeliveryReport& report) { reports.push_back(report); });
        QCOMPARE(delivery.deliverDue().tried, std::size_t(1));
        QCOMPARE(sender.received.at(0).recipient, std::string{"+306912345678"});
        const auto row = f.row(1, Channel::Sms);
        QCOMPARE(row.state, std::string{"sent"});
        QCOMPARE(row.attempts, 1);
        QCOMPARE(row.recipient, std::string{});
        QCOMPARE(row.body, std::string{});
        QVERIFY(reports.at(0).result == DeliveryReport::Result::Sent);
        QCOMPARE(delivery.deliverDue().tried, std::size_t(0));
        QCOMPARE(f.outbox.counts().sent, std::int64_t(1));
    }

    // 500, 500, then 200: two waits drawn from the backoff, and the message due only after each.
    void retriedWithBackoffUntilSent() {
        Fixture f;
        f.outbox.enqueue(message(1, Channel::Email));
        ScriptedSender sender({{Outcome::Retry, "HTTP 500"},
                               {Outcome::Retry, "HTTP 500"},
                               {Outcome::Sent, "HTTP 200"}});
        // Waits of 1 s (the floor), then at most 2 s.
        NotificationDelivery delivery(f.outbox, sender, kPolicy, [] { return ~0ull; });
        QCOMPARE(delivery.deliverDue().tried, std::size_t(1));
        auto row = f.row(1, Channel::Email);
        QCOMPARE(row.state, std::string{"queued"});
        QCOMPARE(row.attempts, 1);
        QCOMPARE(row.lastError, std::optional<std::string>{"HTTP 500"});
        QVERIFY(row.nextAttempt > kT0 && row.nextAttempt <= kT0 + 1'000);
        QCOMPARE(delivery.deliverDue().tried, std::size_t(0));  // not due yet

        f.now = row.nextAttempt;
        QCOMPARE(delivery.deliverDue().tried, std::size_t(1));
        row = f.row(1, Channel::Email);
        QCOMPARE(row.attempts, 2);
        QVERIFY(row.nextAttempt > f.now && row.nextAttempt <= f.now + 2'000);

        f.now = row.nextAttempt;
        QCOMPARE(delivery.deliverDue().tried, std::size_t(1));
        QCOMPARE(f.row(1, Channel::Email).state, std::string{"sent"});
        QCOMPARE(sender.received.size(), std::size_t(3));
        // The same message each time: the receiver recognises a repeat by its id.
        QCOMPARE(sender.received[0].id, sender.received[2].id);
    }

    // A fault that may pass ends the round; a permanent refusal does not.
    void roundEndsAtTheFirstRetry() {
        Fixture f;
        for (std::int64_t seq = 1; seq <= 4; ++seq) {
            f.outbox.enqueue(message(seq, Channel::Email));
        }
        ScriptedSender sender({{Outcome::Permanent, "HTTP 422"},
                               {Outcome::Sent, "HTTP 200"},
                               {Outcome::Retry, "HTTP 503"},
                               {Outcome::Sent, "HTTP 200"}});
        NotificationDelivery delivery(f.outbox, sender, kPolicy, [] { return 0u; });
        const auto round = delivery.deliverDue();
        QCOMPARE(round.tried, std::size_t(3));
        QCOMPARE(round.sent, std::size_t(1));
        QCOMPARE(f.row(4, Channel::Email).attempts, 0);
        const auto next = delivery.deliverDue();
        QCOMPARE(next.tried, std::size_t(1));
        QCOMPARE(next.sent, std::size_t(1));
        QCOMPARE(f.row(4, Channel::Email).state, std::string{"sent"});
        QCOMPARE(f.row(3, Channel::Email).state, std::string{"queued"});
    }

    void givenUpAndKeptForSupport_data() {
        QTest::addColumn<Outcome>("outcome");
        QTest::addColumn<bool>("throws");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<QString>("error");
        QTest::newRow("permanent refusal at once")
            << Outcome::Permanent << false << 1 << "HTTP 400";
        QTest::newRow("retries run out") << Outcome::Retry << false << 4 << "HTTP 503";
        QTest::newRow("a throwing sender is retried too")
            << Outcome::Sent << true << 4 << "sender error: carrier library failed";
    }
    void givenUpAndKeptForSupport() {
        QFETCH(Outcome, outcome);
        QFETCH(bool, throws);
        QFETCH(int, attempts);
        QFETCH(QString, error);
        Fixture f;
        f.outbox.enqueue(message(1, Channel::Sms));
        ScriptedSender sender({{outcome, error.toStdString()}});
        sender.throws = throws;
        std::vector<DeliveryReport> reports;
        NotificationDelivery delivery(
            f.outbox, sender, kPolicy, [] { return 0u; },
            [&](const DeliveryReport& report) { reports.push_back(report); });
        for (int i = 0; i < 10; ++i) {
            delivery.deliverDue();
            f.now += 10'000;  // past any wait of the policy
        }
        const auto row = f.row(1, Channel::Sms);
        QCOMPARE(row.state, std::string{"failed"});
        QCOMPARE(row.attempts, attempts);
        QCOMPARE(row.lastError, std::optional<std::string>{error.toStdString()});
        QCOMPARE(row.recipient, std::string{"+306912345678"});
        QCOMPARE(sender.received.size(), std::size_t(attempts));
        QVERIFY(reports.back().result == DeliveryReport::Result::Failed);
        QCOMPARE(reports.back().attempts, attempts);
        QCOMPARE(f.outbox.counts().failed, std::int64_t(1));
    }

    // The waits: the window doubles to the cap, the dice pick inside it, never below the floor.
    void retryWaits_data() {
        QTest::addColumn<int>("attempts");
        QTest::addColumn<quint64>("random");
        QTest::addColumn<int>("expectedMs");  // -1: given up
        QTest::newRow("first, top of the window") << 1 << quint64(1'000) << 1'000;
        QTest::newRow("second, top") << 2 << quint64(2'000) << 2'000;
        QTest::newRow("second, middle") << 2 << quint64(1'500) << 1'500;
        QTest::newRow("third, top") << 3 << quint64(4'000) << 4'000;
        QTest::newRow("fourth, capped at 4 s") << 4 << quint64(4'000) << 4'000;
        QTest::newRow("low dice meet the floor") << 2 << quint64(0) << 1'000;
        QTest::newRow("the last attempt") << 5 << quint64(0) << -1;
        QTest::newRow("beyond it") << 9 << quint64(0) << -1;
    }
    void retryWaits() {
        QFETCH(int, attempts);
        QFETCH(quint64, random);
        QFETCH(int, expectedMs);
        RetryPolicy policy = kPolicy;
        policy.maxDelay = milliseconds{4'000};
        policy.maxAttempts = 5;
        const auto wait = policy.delayAfter(attempts, random);
        if (expectedMs < 0) {
            QVERIFY(!wait);
        } else {
            QVERIFY(wait);
            QCOMPARE(wait->count(), std::int64_t(expectedMs));
        }
    }
};

QTEST_APPLESS_MAIN(tst_NotificationDelivery)
#include "tst_notification_delivery.moc"
