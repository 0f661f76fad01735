// The manager's approval queue by keyboard alone: Ctrl+Enter approves the selected case, a
// reason picked from the list returns one to the clerk, and the manager's own case is refused
// with the four-eyes reason shown, its status unchanged.
#include "Clock.h"
#include "cases/ApprovalQueue.h"
#include "cases/CaseStore.h"
#include "cases/ProtocolLeaseStore.h"
#include "shared/domain/TaxId.h"
#include "storage/DeskDatabase.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace kep::desk;
using namespace kep::desk::ui;
using kep::cases::ActorRole;
using kep::cases::CaseStatus;

namespace {

class FixedClock final : public Clock {
public:
    QDateTime now() const override { return QDateTime(QDate(2026, 3, 11), QTime(9, 0), Qt::UTC); }
};

const kep::cases::Actor kClerk{"user-clerk-1", ActorRole::Clerk};
const kep::cases::Actor kManager{"user-manager-1", ActorRole::Manager};

void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QTest::keyClick(QApplication::focusWidget(), key, modifiers);
}

}  // namespace

class tst_ApprovalQueue : public QObject {
    Q_OBJECT

private slots:
    void approveReturnAndFourEyesByKeyboard() {
        QTemporaryDir dir;
        auto db = kep::desk::storage::openDeskDatabase(dir.filePath("desk.db"));
        cases::ProtocolLeaseStore(db, "0101").addBlock({"0101", 2026, 1, 10});
        cases::CaseStore store(db, "0101", "ws-1");
        kep::domain::SyntheticTaxIds ids(17);
        std::vector<std::string> filed;
        for (int i = 0; i < 3; ++i) {
            cases::CaseFiling f;
            f.procedureId = "900012";
            f.procedureTitle = "Έκδοση πιστοποιητικού";
            f.citizen.person.afm = ids.afm();
            f.citizen.person.givenNameEl = "Ελένη";
            f.citizen.person.surnameEl = "Νικολάου";
            f.dueDate = std::chrono::year{2026} / 3 / (20 + i);  // the queue's order
            const auto& by = i == 0 ? kManager : kClerk;         // the first, the manager's own
            const auto result = store.file(
                f, by,
                kep::cases::Instant{std::chrono::sys_days{std::chrono::year{2026} / 3 / 10}});
            QVERIFY2(result.ok(), result.message.c_str());
            filed.push_back(result.filed->id);
        }
        FixedClock clock;
        ApprovalQueue queue(store, clock);
        queue.setManager(kManager);
        queue.refresh();
        queue.show();
        QApplication::setActiveWindow(&queue);
        QVERIFY(QTest::qWaitForWindowActive(&queue));
        queue.cases()->setFocus();
        QCOMPARE(queue.cases()->rowCount(), 3);
        QCOMPARE(queue.selectedCaseId(), QString::fromStdString(filed[0]));

        // Own case: refused, the reason shown, nothing changed.
        press(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(queue.outcome()->text().contains(QStringLiteral("four eyes")),
                 qPrintable(queue.outcome()->text()));
        QVERIFY(store.caseById(filed[0])->status == CaseStatus::PendingApproval);
        QCOMPARE(queue.cases()->rowCount(), 3);

        // The next one: approved.
        press(Qt::Key_Down);
        QCOMPARE(queue.selectedCaseId(), QString::fromStdString(filed[1]));
        press(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(store.caseById(filed[1])->status == CaseStatus::Approved);
        QCOMPARE(queue.cases()->rowCount(), 2);

        // The last: returned with the second reason of the list, by Tab and arrows.
        press(Qt::Key_Down);
        QCOMPARE(queue.selectedCaseId(), QString::fromStdString(filed[2]));
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), queue.approveButton());
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), queue.returnReason());
        press(Qt::Key_Down);
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), queue.returnButton());
        press(Qt::Key_Space);
        QVERIFY(store.caseById(filed[2])->status == CaseStatus::ReturnedToClerk);
        const auto history = store.history(filed[2]);
        QCOMPARE(history.back().reason, std::string("citizen_details_wrong"));
        QCOMPARE(history.back().actorId, kManager.id);
        QCOMPARE(queue.cases()->rowCount(), 1);
    }

    void everyInputHasAnAccessibleName() {
        QTemporaryDir dir;
        auto db = kep::desk::storage::openDeskDatabase(dir.filePath("desk.db"));
        cases::CaseStore store(db, "0101", "ws-1");
        FixedClock clock;
        ApprovalQueue queue(store, clock);
        for (QWidget* input :
             {static_cast<QWidget*>(queue.cases()), static_cast<QWidget*>(queue.returnReason()),
              static_cast<QWidget*>(queue.approveButton()),
              static_cast<QWidget*>(queue.returnButton())}) {
            QVERIFY2(!input->accessibleName().isEmpty(), qPrintable(input->objectName()));
        }
        QCOMPARE(queue.returnReason()->count(), ApprovalQueue::returnReasonCodes().size());
    }
};

QTEST_MAIN(tst_ApprovalQueue)
#include "tst_approvalqueue.moc"
