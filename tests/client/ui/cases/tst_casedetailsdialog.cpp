// The case details of a completed case (issue 7): how it came and why it is in its status, and
// "Print result" fetching the authority's PDF from the server, keeping it in the data folder and
// handing it to the printer; hidden for a case without a result, a failed download said; and a
// case ready to go on forwarded from the details with Ctrl+Shift+Enter, its destination named.
#include "../../support/CatalogueFeed.h"
#include "../../support/FakeServerTransport.h"
#include "../../support/ManualClock.h"
#include "ServerLink.h"
#include "authority/ResultDocumentClient.h"
#include "cases/CaseDetailsDialog.h"
#include "cases/CaseForwarder.h"
#include "cases/CaseForwarding.h"
#include "cases/CaseQueries.h"
#include "cases/CaseStore.h"
#include "cases/ProtocolLeaseStore.h"
#include "catalogue/CatalogueStore.h"
#include "shared/domain/TaxId.h"
#include "storage/DeskDatabase.h"
#include "sync/CaseReplica.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>

using namespace kep::desk;
using namespace kep::desk::cases;
using kep::desk::test::FakeServer;
using kep::desk::ui::CaseDetailsDialog;

namespace {

const Instant kNow{std::chrono::sys_days{std::chrono::year{2026} / 3 / 10} +
                   std::chrono::hours{10}};
const QByteArray kResult("%PDF-1.4\nthe authority's decision\n%%EOF\n");

}  // namespace

class tst_CaseDetailsDialog : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::optional<kep::db::Database> db_;
    std::unique_ptr<CaseStore> store_;
    kep::domain::WorkingCalendar calendar_;
    std::unique_ptr<CaseQueries> queries_;
    std::string completed_;
    std::string waiting_;
    FakeServer server_;
    std::atomic<int> resultStatus_ = 200;

    std::string file(int seed, CaseChannel channel, const std::string& procedureId = "900012") {
        CaseFiling f;
        f.procedureId = procedureId;
        f.procedureTitle = "Έκδοση πιστοποιητικού οικογενειακής κατάστασης";
        f.requiresApproval = false;
        f.citizen.person.afm = kep::domain::SyntheticTaxIds(seed).afm();
        f.citizen.person.surnameEl = "Παπαδοπούλου";
        f.citizen.person.givenNameEl = "Ελένη";
        f.dueDate = std::chrono::year{2026} / 3 / 20;
        f.channel = channel;
        return store_->file(f, {"user-clerk-1", kep::cases::ActorRole::Clerk}, kNow).filed->id;
    }

    QueueCase shown(const std::string& id) { return *queries_->caseById(id, kNow); }

private slots:
    void initTestCase() {
        db_.emplace(kep::desk::storage::openDeskDatabase(dir_.filePath("desk.db")));
        ProtocolLeaseStore(*db_, "0101").addBlock({"0101", 2026, 1, 100});
        store_ = std::make_unique<CaseStore>(*db_, "0101", "ws-1");
        queries_ = std::make_unique<CaseQueries>(*store_, *db_, calendar_, "0101");
        completed_ = file(1, CaseChannel::Remote);
        sync::writeCase(*db_,
                        {completed_,
                         "0101",
                         {{"status", "completed"}, {"result_sha256", std::string(64, 'e')}},
                         4},
                        kNow);
        waiting_ = file(2, CaseChannel::Counter);
        sync::writeCase(
            *db_,
            {waiting_,
             "0101",
             {{"status", "awaiting_documents"}, {"status_reason", "the birth certificate"}},
             3},
            kNow);
        server_.handler = [this](const QByteArray&, const QByteArray&, const QByteArray&) {
            return resultStatus_ == 200 ? HttpReply{200, kResult, {}}
                                        : FakeServer::error(resultStatus_, "not_found");
        };
    }

    void reasonAndChannelAreShown() {
        CaseDetailsDialog details;
        details.showCase(shown(waiting_), *queries_);
        QCOMPARE(details.statusReason()->text(), QString("the birth certificate"));
        QVERIFY(details.statusReason()->isVisible());
        QCOMPARE(details.channel()->text(), QString("At the counter"));
        details.showCase(shown(completed_), *queries_);
        QCOMPARE(details.channel()->text(), QString("Remote (myKEPlive)"));
        QVERIFY(!details.statusReason()->isVisible());
        details.reject();
    }

    void printResultFetchesKeepsAndPrints() {
        ServerLink link(server_.factory());
        authority::ResultDocumentClient results(link);
        CaseDetailsDialog details;
        details.setResultDocuments(&results, dir_.filePath("results"));
        QStringList printed;
        details.setResultPrinter([&printed](const QString& file) {
            printed << file;
            return true;
        });
        details.showCase(shown(waiting_), *queries_);
        QVERIFY(!details.printResultButton()->isVisible());  // no result yet

        details.showCase(shown(completed_), *queries_);
        QVERIFY(details.printResultButton()->isVisible());
        QTest::keyClick(details.printResultButton(), Qt::Key_Space);
        QTRY_COMPARE(printed.size(), 1);
        QVERIFY(server_.targets.contains("/api/v1/cases/" + QByteArray::fromStdString(completed_) +
                                         "/result"));
        QFile kept(printed[0]);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), kResult);
        QVERIFY(printed[0].endsWith("result-0101-2026-1.pdf"));
        QVERIFY(details.resultOutcome()->text().contains("opened for printing"));
        details.reject();
    }

    void failedDownloadIsSaid() {
        resultStatus_ = 404;
        ServerLink link(server_.factory());
        authority::ResultDocumentClient results(link);
        CaseDetailsDialog details;
        details.setResultDocuments(&results, dir_.filePath("results"));
        bool printed = false;
        details.setResultPrinter([&printed](const QString&) { return printed = true; });
        details.showCase(shown(completed_), *queries_);
        details.printResult();
        QTRY_VERIFY(details.resultOutcome()->text().contains("could not be fetched"));
        QVERIFY(!printed);
        QVERIFY(details.printResultButton()->isEnabled());  // ready to try again
        resultStatus_ = 200;
        details.reject();
    }

    // 900001's register entry names its owner: the details say where the case goes before the
    // clerk forwards it; then the case shows forwarded, with the step in its history.
    void forwardFromTheDetails() {
        kep::desk::catalogue::CatalogueStore catalogue(*db_);
        catalogue.applyPage(kep::desk::test::CatalogueFeed::sample().everything());
        CaseForwarding forwarding(*store_, &catalogue);
        kep::desk::test::ManualClock clock;
        kep::desk::ui::CaseForwarder forwarder(clock);
        forwarder.setForwarding(&forwarding, {"user-clerk-2", kep::cases::ActorRole::Clerk});
        QSignalSpy forwarded(&forwarder, &kep::desk::ui::CaseForwarder::forwarded);
        const std::string ready = file(3, CaseChannel::Counter, "900001");

        CaseDetailsDialog details;
        details.setForwarder(&forwarder);
        details.showCase(shown(waiting_), *queries_);
        QVERIFY(!details.forwardButton()->isVisible());  // with the authority already
        QVERIFY(!details.destination()->isVisible());

        details.showCase(shown(ready), *queries_);
        QVERIFY(QTest::qWaitForWindowExposed(&details));
        QVERIFY(details.forwardButton()->isVisible());
        QCOMPARE(details.destination()->text(),
                 QString("Υπουργείο Μετανάστευσης και Ασύλου (10101)"));
        const int steps = details.history()->rowCount();
        QTest::keyClick(details.history(), Qt::Key_Enter, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(forwarded.size(), 1);
        QCOMPARE(forwarded.at(0).at(0).toString(), QString::fromStdString(ready));
        QVERIFY(details.forwardOutcome()->text().contains(
            "forwarded to Υπουργείο Μετανάστευσης και Ασύλου (10101)"));
        QCOMPARE(details.status()->text(), QString("Forwarded to the authority"));
        QCOMPARE(details.history()->rowCount(), steps + 1);
        QVERIFY(!details.forwardButton()->isVisible());  // done: nothing more to forward
        QVERIFY(!details.forwardAction()->isEnabled());
        details.reject();
    }

    // A procedure the desk's catalogue lacks: nobody would receive the case, so it stays.
    void forwardWithoutADestinationIsRefused() {
        kep::desk::catalogue::CatalogueStore catalogue(*db_);
        CaseForwarding forwarding(*store_, &catalogue);
        kep::desk::test::ManualClock clock;
        kep::desk::ui::CaseForwarder forwarder(clock);
        forwarder.setForwarding(&forwarding, {"user-clerk-2", kep::cases::ActorRole::Clerk});
        const std::string unknown = file(4, CaseChannel::Counter, "123456");
        CaseDetailsDialog details;
        details.setForwarder(&forwarder);
        details.showCase(shown(unknown), *queries_);
        QCOMPARE(details.destination()->text(),
                 QString("an authority this desk's catalogue does not name"));
        details.forwardCase();
        QVERIFY(details.forwardOutcome()->text().contains("not forwarded"));
        QVERIFY(store_->caseById(unknown)->status == kep::cases::CaseStatus::Submitted);
        QCOMPARE(details.status()->text(), QString("Submitted"));
        details.reject();
    }
};

QTEST_MAIN(tst_CaseDetailsDialog)
#include "tst_casedetailsdialog.moc"
