// Handing the result over (offscreen, real widgets, a real desk.db): the citizen's rating is
// optional — without one only the deliver step is queued; with one, the case's `satisfaction`
// field follows it in the outbox as {"rating","comment"}; a case not ready for pickup is refused.
#include "cases/ProtocolLeaseStore.h"
#include "feedback/DeliveryDialog.h"
#include "shared/cases/CaseFields.h"
#include "storage/DeskDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using kep::cases::ActorRole;
using kep::cases::CaseStatus;
using kep::desk::cases::CaseFiling;
using kep::desk::cases::CaseStore;
using kep::desk::feedback::CaseDelivery;
using kep::desk::ui::DeliveryDialog;

namespace {

const kep::cases::Actor kClerk{"user-clerk-1", ActorRole::Clerk};
const kep::cases::Actor kAuthority{"user-authority-1", ActorRole::Authority};
const kep::cases::Instant kNow{std::chrono::sys_days{std::chrono::year{2026} / 3 / 10} +
                               std::chrono::hours{10}};

CaseFiling filing() {
    CaseFiling f;
    f.procedureId = "900012";
    f.catalogueVersion = 3;
    f.procedureTitle = "Έκδοση πιστοποιητικού οικογενειακής κατάστασης";
    f.requiresApproval = false;
    f.citizen.person.kind = kep::cases::CitizenKind::Greek;
    f.citizen.person.afm = "123456783";  // synthetic, valid check digit
    f.citizen.person.givenNameEl = "Ελένη";
    f.citizen.person.surnameEl = "Δοκιμαστική";
    f.dueDate = std::chrono::year{2026} / 3 / 20;
    return f;
}

}  // namespace

class tst_DeliveryDialog : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

    // A case filed at the counter and taken to ready_for_pickup; its id.
    std::string readyCase(CaseStore& store, CaseStatus until = CaseStatus::ReadyForPickup) {
        const auto filed = store.file(filing(), kClerk, kNow);
        if (!filed.ok()) {
            qWarning("filing refused: %s", filed.message.c_str());
            return {};
        }
        const auto id = filed.filed->id;
        const std::pair<CaseStatus, kep::cases::Actor> steps[] = {
            {CaseStatus::Forwarded, kClerk},
            {CaseStatus::InProgress, kAuthority},
            {CaseStatus::Completed, kAuthority},
            {CaseStatus::ReadyForPickup, kClerk}};
        for (const auto& [to, actor] : steps) {
            if (store.caseById(id)->status == until) {
                break;
            }
            if (!store.transition(id, to, actor, {}, kNow).ok()) {
                qWarning("step refused");
                return {};
            }
        }
        return id;
    }

private slots:
    void ratingIsOptionalAndStored_data() {
        QTest::addColumn<int>("rating");
        QTest::addColumn<QString>("comment");
        QTest::addColumn<QString>("stored");  // the satisfaction field queued, "" for none
        QTest::newRow("no rating") << 0 << ""
                                   << "";
        QTest::newRow("rated, no comment") << 5 << ""
                                           << R"({"rating":5})";
        QTest::newRow("rated with a comment")
            << 2 << QString::fromUtf8(" Αργή εξυπηρέτηση ")
            << QString::fromUtf8(R"({"comment":"Αργή εξυπηρέτηση","rating":2})");
    }

    void ratingIsOptionalAndStored() {
        QFETCH(int, rating);
        QFETCH(QString, comment);
        QFETCH(QString, stored);
        QVERIFY(dir_.isValid());
        static int n = 0;
        auto db =
            kep::desk::storage::openDeskDatabase(dir_.filePath(QString("desk-%1.db").arg(++n)));
        kep::desk::cases::ProtocolLeaseStore(db, "0101").addBlock({"0101", 2026, 1, 10});
        CaseStore store(db, "0101", "device-1");
        const auto id = readyCase(store);
        QVERIFY(!id.empty());
        const auto queuedBefore = store.outbox().pendingCount();

        CaseDelivery delivery(store);
        DeliveryDialog dialog(delivery);
        QSignalSpy delivered(&dialog, &DeliveryDialog::delivered);
        dialog.start(QString::fromStdString(id), "0101/2026/1", kClerk);
        dialog.show();
        QCOMPARE(dialog.rating(), 0);  // nobody is made to rate
        QVERIFY(!dialog.comment()->isEnabled());
        dialog.setRating(rating);
        dialog.comment()->setText(comment);
        dialog.handOver();

        QCOMPARE(delivered.count(), 1);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(int(store.caseById(id)->status), int(CaseStatus::Delivered));
        const auto ops = store.outbox().pendingOps(100);
        QCOMPARE(ops.size(), queuedBefore + (stored.isEmpty() ? 1 : 2));
        const auto& deliver = ops.at(queuedBefore);
        QCOMPARE(int(deliver.kind), int(kep::sync::OpKind::Transition));
        QCOMPARE(deliver.toStatus, std::string("delivered"));
        if (!stored.isEmpty()) {
            const auto& rated = ops.back();
            QCOMPARE(int(rated.kind), int(kep::sync::OpKind::SetFields));
            QVERIFY(rated.deviceSeq > deliver.deviceSeq);
            QVERIFY(deliver.hlc < rated.hlc);
            const auto value = QString::fromStdString(
                rated.fields.at(std::string(kep::cases::fields::kSatisfaction)));
            QCOMPARE(QJsonDocument::fromJson(value.toUtf8()).object(),
                     QJsonDocument::fromJson(stored.toUtf8()).object());
        }
    }

    // A case whose result has not come yet is not handed over, rated or not.
    void notReadyIsRefused() {
        static int n = 100;
        auto db =
            kep::desk::storage::openDeskDatabase(dir_.filePath(QString("desk-%1.db").arg(++n)));
        kep::desk::cases::ProtocolLeaseStore(db, "0101").addBlock({"0101", 2026, 1, 10});
        CaseStore store(db, "0101", "device-1");
        const auto id = readyCase(store, CaseStatus::InProgress);
        QVERIFY(!id.empty());
        const auto queuedBefore = store.outbox().pendingCount();
        CaseDelivery delivery(store);
        DeliveryDialog dialog(delivery);
        dialog.start(QString::fromStdString(id), "0101/2026/1", kClerk);
        dialog.show();
        dialog.setRating(4);
        dialog.handOver();
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.problem()->isVisible());
        QCOMPARE(store.outbox().pendingCount(), queuedBefore);
        QCOMPARE(int(store.caseById(id)->status), int(CaseStatus::InProgress));
    }
};

QTEST_MAIN(tst_DeliveryDialog)
#include "tst_deliverydialog.moc"
