// The delivery and the citizen's rating are one desk transaction (CaseStore::transition with
// fields): both ops queued in turn, or — when the rating's op cannot be written — neither, with
// the case still ready for pickup and no history row; a rating outside 1..5 writes nothing.
#include "../../support/CaseAtStatus.h"
#include "cases/CaseStore.h"
#include "cases/ProtocolLeaseStore.h"
#include "feedback/CaseDelivery.h"
#include "shared/cases/CaseFields.h"
#include "storage/DeskDatabase.h"
#include "sync/CaseReplica.h"

#include <QTemporaryDir>
#include <QTest>

#include <stdexcept>

using kep::cases::ActorRole;
using kep::cases::CaseStatus;
using kep::desk::cases::CaseStore;
using kep::desk::feedback::CaseDelivery;
using kep::desk::feedback::Satisfaction;

namespace {

const kep::cases::Actor kClerk{"user-clerk-1", ActorRole::Clerk};
const kep::cases::Instant kNow = kep::desk::test::kCounterNow;

}  // namespace

class tst_CaseDelivery : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::optional<kep::db::Database> db_;
    std::unique_ptr<CaseStore> store_;
    int seed_ = 0;

    // A case filed here and, as the server's pull would have it, ready for pickup at version 6.
    std::string readyCase() {
        return kep::desk::test::caseAtStatus(*store_, *db_, ++seed_, "ready_for_pickup", 6);
    }

private slots:
    void init() {
        static int n = 0;
        store_.reset();
        db_.emplace(
            kep::desk::storage::openDeskDatabase(dir_.filePath(QString("desk-%1.db").arg(++n))));
        kep::desk::cases::ProtocolLeaseStore(*db_, "0101").addBlock({"0101", 2026, 1, 10});
        store_ = std::make_unique<CaseStore>(*db_, "0101", "ws-1");
    }

    void ratingFollowsTheStepInOneTransaction() {
        const auto id = readyCase();
        QVERIFY(!id.empty());
        const auto before = store_->outbox().pendingOps(100).size();
        CaseDelivery delivery(*store_);
        QVERIFY(delivery.deliver(id, kClerk, Satisfaction{5, "  "}, kNow).ok());
        const auto ops = store_->outbox().pendingOps(100);
        QCOMPARE(ops.size(), before + 2);
        const auto& deliver = ops.at(before);
        const auto& rated = ops.at(before + 1);
        QCOMPARE(int(deliver.kind), int(kep::sync::OpKind::Transition));
        QCOMPARE(int(rated.kind), int(kep::sync::OpKind::SetFields));
        QCOMPARE(rated.deviceSeq, deliver.deviceSeq + 1);
        QVERIFY(deliver.hlc < rated.hlc);
        // Both rest on the version the desk had: the server applies the rating after the step.
        QCOMPARE(rated.baseVersion, deliver.baseVersion);
        QCOMPARE(rated.baseVersion, std::int64_t{6});
        QCOMPARE(rated.fields, (kep::sync::FieldMap{{"satisfaction", R"({"rating":5})"}}));
    }

    // A failure writing the rating's op (a full disk, here a trigger) rolls the step back too.
    void aFailedRatingLeavesTheCaseReady() {
        const auto id = readyCase();
        const auto before = store_->outbox().pendingOps(100).size();
        const auto steps = store_->history(id).size();
        db_->exec(
            "CREATE TEMP TRIGGER rating_fails BEFORE INSERT ON outbox "
            "WHEN NEW.kind = 'set_fields' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
        CaseDelivery delivery(*store_);
        QVERIFY_THROWS_EXCEPTION(std::exception,
                                 delivery.deliver(id, kClerk, Satisfaction{3, {}}, kNow));
        db_->exec("DROP TRIGGER rating_fails");
        QVERIFY(store_->caseById(id)->status == CaseStatus::ReadyForPickup);
        QCOMPARE(store_->history(id).size(), steps);
        QCOMPARE(store_->outbox().pendingOps(100).size(), before);
        // And the clerk may hand it over again.
        QVERIFY(delivery.deliver(id, kClerk, Satisfaction{3, {}}, kNow).ok());
        QCOMPARE(store_->outbox().pendingOps(100).size(), before + 2);
    }

    void aRatingOutsideOneToFiveWritesNothing_data() {
        QTest::addColumn<int>("rating");
        QTest::newRow("zero") << 0;
        QTest::newRow("six") << 6;
        QTest::newRow("negative") << -1;
    }

    void aRatingOutsideOneToFiveWritesNothing() {
        QFETCH(int, rating);
        const auto id = readyCase();
        const auto before = store_->outbox().pendingOps(100).size();
        CaseDelivery delivery(*store_);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 delivery.deliver(id, kClerk, Satisfaction{rating, {}}, kNow));
        QVERIFY(store_->caseById(id)->status == CaseStatus::ReadyForPickup);
        QCOMPARE(store_->outbox().pendingOps(100).size(), before);
    }

    // Not ready yet: the lifecycle refuses, and neither op is queued.
    void aCaseNotReadyIsRefused() {
        const auto id = readyCase();
        kep::desk::sync::writeCase(*db_, {id, "0101", {{"status", "in_progress"}}, 7}, kNow);
        const auto before = store_->outbox().pendingOps(100).size();
        CaseDelivery delivery(*store_);
        const auto result = delivery.deliver(id, kClerk, Satisfaction{4, "ok"}, kNow);
        QCOMPARE(result.code(), std::string_view("no_such_transition"));
        QCOMPARE(store_->outbox().pendingOps(100).size(), before);
    }
};

QTEST_GUILESS_MAIN(tst_CaseDelivery)
#include "tst_casedelivery.moc"
