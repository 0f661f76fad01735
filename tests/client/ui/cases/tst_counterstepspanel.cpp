// The counter's steps in the case details (offscreen, real widgets, a real desk.db): each step
// is offered exactly when the lifecycle lets the signed-in user take it, its shortcut queues the
// one transition it names and the details show the case moved on; the hand-over opens the
// delivery dialog, and the citizen's rating, when given, is queued right after the step.
#include "../../support/CaseAtStatus.h"
#include "../../support/ManualClock.h"
#include "cases/CaseDetailsDialog.h"
#include "cases/CaseQueries.h"
#include "cases/CaseStore.h"
#include "cases/CounterStepsPanel.h"
#include "cases/ProtocolLeaseStore.h"
#include "feedback/DeliveryDialog.h"
#include "shared/cases/CaseFields.h"
#include "storage/DeskDatabase.h"

#include <QAction>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace kep::desk;
using namespace kep::desk::cases;
using kep::cases::ActorRole;
using kep::cases::CaseStatus;
using kep::desk::ui::CaseDetailsDialog;
using kep::desk::ui::CounterStep;
using kep::desk::ui::CounterStepsPanel;

namespace {

const Instant kNow = kep::desk::test::kCounterNow;
const kep::cases::Actor kClerk{"user-clerk-2", ActorRole::Clerk};

// Which steps are on, as "documents ready handover" flags.
struct Offered {
    bool documents = false;
    bool ready = false;
    bool handOver = false;
};

}  // namespace

Q_DECLARE_METATYPE(Offered)

class tst_CounterStepsPanel : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::optional<kep::db::Database> db_;
    std::unique_ptr<CaseStore> store_;
    kep::domain::WorkingCalendar calendar_;
    std::unique_ptr<CaseQueries> queries_;
    kep::desk::test::ManualClock clock_;
    int seed_ = 0;

    // A case filed here, then moved to `status` as a pull from the server would move it.
    std::string caseIn(const QString& status) {
        ++seed_;
        return kep::desk::test::caseAtStatus(*store_, *db_, seed_, status.toStdString(), seed_ + 1);
    }

    QueueCase shown(const std::string& id) { return *queries_->caseById(id, kNow); }

    static bool offered(CaseDetailsDialog& details, CounterStep step) {
        const bool enabled = details.counterSteps()->action(step)->isEnabled();
        const bool visible = details.counterSteps()->button(step)->isVisible();
        if (enabled != visible) {
            qWarning("the action and its button disagree");
        }
        return enabled && visible;
    }

private slots:
    void initTestCase() {
        db_.emplace(kep::desk::storage::openDeskDatabase(dir_.filePath("desk.db")));
        ProtocolLeaseStore(*db_, "0101").addBlock({"0101", 2026, 1, 100});
        store_ = std::make_unique<CaseStore>(*db_, "0101", "ws-1");
        queries_ = std::make_unique<CaseQueries>(*store_, *db_, calendar_, "0101");
    }

    void offeredExactlyWhenTheLifecycleAllows_data() {
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("role");
        QTest::addColumn<Offered>("expected");
        const int clerk = int(ActorRole::Clerk);
        QTest::newRow("submitted") << "submitted" << clerk << Offered{};
        QTest::newRow("forwarded") << "forwarded" << clerk << Offered{};
        QTest::newRow("in progress") << "in_progress" << clerk << Offered{};
        QTest::newRow("awaiting documents") << "awaiting_documents" << clerk << Offered{true};
        QTest::newRow("completed") << "completed" << clerk << Offered{false, true};
        QTest::newRow("ready for pickup")
            << "ready_for_pickup" << clerk << Offered{false, false, true};
        QTest::newRow("delivered") << "delivered" << clerk << Offered{};
        QTest::newRow("rejected") << "rejected" << clerk << Offered{};
        QTest::newRow("manager, completed")
            << "completed" << int(ActorRole::Manager) << Offered{false, true};
        // The authority takes its own steps in its inbox; the counter's are not its to take.
        QTest::newRow("authority, completed")
            << "completed" << int(ActorRole::Authority) << Offered{};
    }

    void offeredExactlyWhenTheLifecycleAllows() {
        QFETCH(QString, status);
        QFETCH(int, role);
        QFETCH(Offered, expected);
        const std::string id = caseIn(status);
        QVERIFY(!id.empty());
        CaseDetailsDialog details;
        details.counterSteps()->setStaff(store_.get(), {"user-2", ActorRole(role)}, &clock_);
        details.showCase(shown(id), *queries_);
        QVERIFY(QTest::qWaitForWindowExposed(&details));
        QCOMPARE(offered(details, CounterStep::DocumentsReceived), expected.documents);
        QCOMPARE(offered(details, CounterStep::ReadyForPickup), expected.ready);
        QCOMPARE(offered(details, CounterStep::HandOver), expected.handOver);

        // Signed out: nothing is offered, whatever the case.
        details.counterSteps()->setStaff(nullptr, {}, nullptr);
        QVERIFY(!offered(details, CounterStep::DocumentsReceived));
        QVERIFY(!offered(details, CounterStep::ReadyForPickup));
        QVERIFY(!offered(details, CounterStep::HandOver));
        details.reject();
    }

    void shortcutQueuesItsTransition_data() {
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("step");
        QTest::addColumn<int>("key");
        QTest::addColumn<QString>("queued");
        QTest::addColumn<QString>("shownAfter");
        QTest::newRow("documents received")
            << "awaiting_documents" << int(CounterStep::DocumentsReceived) << int(Qt::Key_E)
            << "in_progress"
            << "In progress at the authority";
        QTest::newRow("ready for pickup") << "completed" << int(CounterStep::ReadyForPickup)
                                          << int(Qt::Key_R) << "ready_for_pickup"
                                          << "Ready for pickup";
    }

    void shortcutQueuesItsTransition() {
        QFETCH(QString, status);
        QFETCH(int, step);
        QFETCH(int, key);
        QFETCH(QString, queued);
        QFETCH(QString, shownAfter);
        const std::string id = caseIn(status);
        CaseDetailsDialog details;
        details.counterSteps()->setStaff(store_.get(), kClerk, &clock_);
        details.showCase(shown(id), *queries_);
        QVERIFY(QTest::qWaitForWindowExposed(&details));
        const auto before = store_->outbox().pendingOps(1000).size();
        const int steps = details.history()->rowCount();

        QTest::keyClick(details.history(), Qt::Key(key), Qt::ControlModifier | Qt::ShiftModifier);

        const auto ops = store_->outbox().pendingOps(1000);
        QCOMPARE(ops.size(), before + 1);
        QCOMPARE(int(ops.back().kind), int(kep::sync::OpKind::Transition));
        QCOMPARE(ops.back().entity.id, id);
        QCOMPARE(QString::fromStdString(ops.back().toStatus), queued);
        QCOMPARE(QString::fromUtf8(kep::cases::toString(store_->caseById(id)->status)), queued);
        QCOMPARE(details.status()->text(), shownAfter);
        QCOMPARE(details.history()->rowCount(), steps + 1);
        QVERIFY(!details.counterSteps()->action(CounterStep(step))->isEnabled());
        QVERIFY(details.counterSteps()->outcome()->text().contains("0101/2026/"));
        details.reject();
    }

    // From the details with Ctrl+Shift+H: the delivery dialog; with a rating the satisfaction
    // field follows the deliver step at once, without one nothing else is queued.
    void handOverWithAndWithoutARating_data() {
        QTest::addColumn<int>("rating");
        QTest::addColumn<QString>("comment");
        QTest::addColumn<QString>("stored");
        QTest::newRow("no rating") << 0 << ""
                                   << "";
        QTest::newRow("rated with a comment")
            << 4 << QString::fromUtf8("Γρήγορα και ευγενικά")
            << QString::fromUtf8(R"({"rating":4,"comment":"Γρήγορα και ευγενικά"})");
    }

    void handOverWithAndWithoutARating() {
        QFETCH(int, rating);
        QFETCH(QString, comment);
        QFETCH(QString, stored);
        const std::string id = caseIn("ready_for_pickup");
        CaseDetailsDialog details;
        details.counterSteps()->setStaff(store_.get(), kClerk, &clock_);
        details.showCase(shown(id), *queries_);
        QVERIFY(QTest::qWaitForWindowExposed(&details));
        const auto before = store_->outbox().pendingOps(1000).size();

        QTest::keyClick(details.history(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
        auto* delivery = details.counterSteps()->deliveryDialog();
        QVERIFY(delivery != nullptr);
        QVERIFY(delivery->isVisible());
        QCOMPARE(delivery->rating(), 0);
        delivery->setRating(rating);
        delivery->comment()->setText(comment);
        delivery->handOver();

        QVERIFY(!delivery->isVisible());
        QVERIFY(store_->caseById(id)->status == CaseStatus::Delivered);
        const auto ops = store_->outbox().pendingOps(1000);
        QCOMPARE(ops.size(), before + (stored.isEmpty() ? 1 : 2));
        const auto& deliver = ops.at(before);
        QCOMPARE(int(deliver.kind), int(kep::sync::OpKind::Transition));
        QCOMPARE(deliver.toStatus, std::string("delivered"));
        if (!stored.isEmpty()) {
            const auto& rated = ops.at(before + 1);
            QCOMPARE(int(rated.kind), int(kep::sync::OpKind::SetFields));
            QCOMPARE(rated.entity.id, id);
            QCOMPARE(rated.deviceSeq, deliver.deviceSeq + 1);
            const auto value = QString::fromStdString(
                rated.fields.at(std::string(kep::cases::fields::kSatisfaction)));
            QCOMPARE(QJsonDocument::fromJson(value.toUtf8()).object(),
                     QJsonDocument::fromJson(stored.toUtf8()).object());
        }
        QCOMPARE(details.status()->text(), QString("Delivered"));
        QVERIFY(details.counterSteps()->outcome()->text().contains("handed over"));
        QVERIFY(!details.counterSteps()->action(CounterStep::HandOver)->isEnabled());
        details.reject();
    }
};

QTEST_MAIN(tst_CounterStepsPanel)
#include "tst_counterstepspanel.moc"
