// Issue 7 end to end, against a real kep-server over TLS (`init --demo`, a competent authority
// added with `kep-server authority add`, its officer with `user add --role authority`): a desk
// of office 0101 files a case of 900001, whose competent authority is that organisation; the
// manager approves it; the clerk forwards it from the "Ready to forward" queue with the
// keyboard; the authority's officer (signed in at a desk, through AuthorityClient) finds it in
// the inbox, accepts it and asks for a document; the desk's "Awaiting documents" queue, left
// open, shows the case with the authority's reason once the nudge has brought the change (the
// desk polls only every 10 minutes); the clerk records the documents as received; the
// authority completes the case with a PDF; and the case details' "Print result" downloads
// exactly that PDF.
#include "Clock.h"
#include "authority/AuthorityClient.h"
#include "authority/ResultDocumentClient.h"
#include "cases/CaseDetailsDialog.h"
#include "cases/CaseForwarder.h"
#include "cases/CaseForwarding.h"
#include "cases/CaseQueries.h"
#include "cases/CaseStore.h"
#include "cases/ProcedureFiling.h"
#include "cases/ProtocolLeaseKeeper.h"
#include "cases/ProtocolLeaseStore.h"
#include "cases/WorkQueuesPage.h"
#include "cases/WorkQueuesTable.h"
#include "catalogue/DeskCatalogue.h"
#include "support/EnrolledDesk.h"

#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMainWindow>
#include <QPushButton>
#include <QtTest>

using namespace kep::desk;
using kep::cases::ActorRole;
using kep::cases::CaseStatus;
using kep::desk::test::CounterPc;
using kep::test::ServerProcess;

namespace {

// The competent authority of 900001 in the sample register, and its officer.
constexpr const char* kAuthorityId = "10101";
constexpr const char* kOfficer = "migration.officer";
constexpr const char* kOfficerPassword = "Kep-Authority-E2e-2026";
constexpr const char* kReason = "Το πιστοποιητικό οικογενειακής κατάστασης, πρόσφατο";

const QByteArray kResultPdf(
    "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% the authority's decision\n%%EOF\n");

kep::cases::Instant instantNow() {
    return kep::cases::Instant{
        std::chrono::milliseconds{QDateTime::currentDateTimeUtc().toMSecsSinceEpoch()}};
}

// A second session at the same enrolled workstation: the officer signs in where they are.
std::unique_ptr<ServerLink> signedInLink(CounterPc& pc, const QString& user,
                                         const QString& password, UserSession* session) {
    auto link =
        std::make_unique<ServerLink>(httpsTransport(pc.address), &pc.workstation->credential());
    QSignalSpy signedIn(link.get(), &ServerLink::signedIn);
    QSignalSpy failed(link.get(), &ServerLink::signInFailed);
    link->signIn(user, password);
    if (!QTest::qWaitFor([&] { return signedIn.count() + failed.count() > 0; }, 20000) ||
        signedIn.isEmpty()) {
        return nullptr;
    }
    *session = signedIn.first().at(0).value<UserSession>();
    return link;
}

// What one authority call answered: the case's id and decision, or the failure's code.
struct Answers {
    std::optional<QList<authority::InboxCase>> inbox;
    std::optional<authority::InboxCase> opened;
    QStringList decided;  // case ids, one per decision taken
    QStringList failures;

    explicit Answers(authority::AuthorityClient& client) {
        QObject::connect(&client, &authority::AuthorityClient::inboxListed,
                         [this](const QList<authority::InboxCase>& cases) { inbox = cases; });
        QObject::connect(&client, &authority::AuthorityClient::caseOpened,
                         [this](const authority::InboxCase& shown) { opened = shown; });
        QObject::connect(&client, &authority::AuthorityClient::decided,
                         [this](const QString& id, authority::Decision) { decided << id; });
        QObject::connect(&client, &authority::AuthorityClient::failed,
                         [this](const admin::AdminFailure& failure) {
                             failures << QString::number(failure.status) + " " + failure.code;
                         });
    }
};

// The case's status as the authority sees it now ("" when it is not in its inbox): asked again
// and again by the waits below, since a desk's op reaches the server a moment after it is queued.
QString statusAtAuthority(authority::AuthorityClient& client, Answers& answers,
                          const std::string& id) {
    answers.opened.reset();
    const auto failuresBefore = answers.failures.size();
    client.openCase(QString::fromStdString(id));
    if (!QTest::qWaitFor([&] { return answers.opened || answers.failures.size() > failuresBefore; },
                         5000)) {
        return QStringLiteral("<no answer>");
    }
    return answers.opened ? answers.opened->status : QString();
}

}  // namespace

class tst_DeskAuthorityE2e : public QObject {
    Q_OBJECT

private slots:
    void aCaseGoesToItsAuthorityAndItsResultComesBack() {
        ServerProcess server;
        QVERIFY2(server.init(true), qPrintable(server.errorString()));
        QCOMPARE(server.runOnce({"authority", "add", "--data", server.dataDir(), "--id",
                                 kAuthorityId, "--name-el", "Υπουργείο Μετανάστευσης και Ασύλου",
                                 "--name-en", "Ministry of Migration and Asylum"}),
                 0);
        qputenv("KEP_USER_PASSWORD", kOfficerPassword);
        const int added = server.runOnce({"user", "add", "--data", server.dataDir(), "--role",
                                          "authority", "--authority", kAuthorityId, "--username",
                                          kOfficer, "--display-name", "Υπάλληλος Αδειών"});
        QVERIFY2(added == 0, server.lastOutput().constData());
        QVERIFY2(server.serve(), qPrintable(server.errorString()));
        const auto office = kep::desk::test::readDemo(server.demoJson());
        QVERIFY(office);

        // The counter PC: enrolled, the clerk signed in, the catalogue and protocol numbers in.
        CounterPc desk;
        const QString fault = desk.open(server, office->enrolmentCodes[0], office->clerk);
        QVERIFY2(fault.isEmpty(), qPrintable(fault));
        const kep::cases::Actor clerk{desk.session.userId.toStdString(), ActorRole::Clerk};
        catalogue::DeskCatalogue catalogue(*desk.link, desk.db(),
                                           desk.workstation->dataFolder().databaseFile(), {});
        QSignalSpy catalogueUpdated(&catalogue, &catalogue::DeskCatalogue::updated);
        catalogue.start(std::chrono::minutes(10));
        QTRY_VERIFY_WITH_TIMEOUT(!catalogueUpdated.isEmpty(), 20000);
        const auto record = catalogue.store().current("900001");
        QVERIFY(record);
        QCOMPARE(cases::competentAuthorityOf(*record), std::string(kAuthorityId));
        SystemClock clock;
        cases::ProtocolLeaseStore leases(desk.db(), desk.session.officeCode.toStdString());
        cases::ProtocolLeaseKeeper keeper(*desk.link, leases, clock);
        keeper.refill();
        QTRY_VERIFY_WITH_TIMEOUT(keeper.remaining() > 0, 20000);
        desk.startSync(std::chrono::minutes(10));  // the nudge, not the poll, brings changes
        QTRY_VERIFY_WITH_TIMEOUT(desk.watch->live, 15000);

        // 1. The clerk files the case; the desk's manager approves it (four eyes).
        cases::CaseStore store(desk.db(), desk.session.officeCode.toStdString(), desk.deviceId());
        cases::CaseFiling filing;
        filing.procedureId = record->id;
        filing.catalogueVersion = record->version;
        filing.procedureTitle = record->procedure.title.in(kep::catalogue::Language::El);
        filing.requiresApproval = record->kep.requiresApproval;
        filing.citizen = kep::desk::test::syntheticCitizen(71, "Αντωνίου");
        filing.feeCents = cases::feeCents(record->procedure);
        filing.dueDate = std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(
            std::chrono::system_clock::now() + std::chrono::days{30})};
        filing.authorityId = cases::competentAuthorityOf(*record);
        const auto filed = store.file(filing, clerk, instantNow());
        QVERIFY2(filed.ok(), filed.message.c_str());
        const std::string id = filed.filed->id;
        QVERIFY(filed.filed->status == CaseStatus::PendingApproval);
        UserSession managerSession;
        const auto managerLink =
            signedInLink(desk, office->manager.first, office->manager.second, &managerSession);
        QVERIFY(managerLink);
        const kep::cases::Actor manager{managerSession.userId.toStdString(), ActorRole::Manager};
        QVERIFY(store.transition(id, CaseStatus::Approved, manager, {}, instantNow()).ok());
        desk.sync->requestSync();

        // 2. The clerk forwards it from "Ready to forward" (Ctrl+7), by Ctrl+Shift+Enter.
        kep::domain::WorkingCalendar calendar;
        cases::CaseQueries queries(store, desk.db(), calendar, store.office());
        cases::CaseForwarding forwarding(store, &catalogue.store());
        ui::CaseForwarder forwarder(clock);
        forwarder.setForwarding(&forwarding, clerk);
        QMainWindow window;
        auto* page = new ui::WorkQueuesPage(clock);
        window.setCentralWidget(page);
        window.addActions(page->queueActions());
        page->setQueries(&queries, clerk.id);
        page->setForwarder(&forwarder);
        // As the desk's sync controls do: a pulled change reads the open queue again.
        connect(desk.sync.get(), &sync::DeskSync::pulled, page, &ui::WorkQueuesPage::refresh);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(page->queues(), Qt::Key_7, Qt::ControlModifier);
        QCOMPARE(page->table()->rowCount(), 1);
        QCOMPARE(page->table()->selectedCaseId(), QString::fromStdString(id));
        QCOMPARE(page->forwardButton()->toolTip(),
                 QString("Υπουργείο Μετανάστευσης και Ασύλου (10101)"));
        QTest::keyClick(page->table(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY2(store.caseById(id)->status == CaseStatus::Forwarded,
                 qPrintable(page->forwardOutcome()->text()));
        desk.sync->requestSync();

        // 3. The authority's officer: the case in the inbox; accepted; a document asked for.
        UserSession officerSession;
        const auto officerLink = signedInLink(desk, kOfficer, kOfficerPassword, &officerSession);
        QVERIFY(officerLink);
        QCOMPARE(officerSession.role, QString("authority"));
        authority::AuthorityClient officer(*officerLink);
        Answers answers(officer);
        // Once the desk's ops are in: the case is there, with nothing else (a case is in an
        // authority's inbox only once a KEP forwarded it).
        QTRY_COMPARE_WITH_TIMEOUT(statusAtAuthority(officer, answers, id), QString("forwarded"),
                                  15000);
        QCOMPARE(desk.watch->status.needingAttention, 0);  // the server took every op
        answers.failures.clear();  // the 404s of the asks before the forward arrived
        officer.listInbox();
        QTRY_VERIFY_WITH_TIMEOUT(answers.inbox || !answers.failures.isEmpty(), 10000);
        QVERIFY2(answers.failures.isEmpty(), qPrintable(answers.failures.join("; ")));
        QCOMPARE(answers.inbox->size(), 1);
        QCOMPARE(answers.inbox->at(0).id, QString::fromStdString(id));
        QCOMPARE(answers.inbox->at(0).status, QString("forwarded"));
        QCOMPARE(answers.inbox->at(0).protocolNumber,
                 QString::fromStdString(filed.filed->protocolNumber));
        // The clerk looks at "Awaiting documents" (Ctrl+6) and leaves it open.
        QTest::keyClick(page->table(), Qt::Key_6, Qt::ControlModifier);
        QCOMPARE(page->table()->rowCount(), 0);
        officer.accept(QString::fromStdString(id));
        QTRY_COMPARE_WITH_TIMEOUT(answers.decided.size(), 1, 10000);
        officer.requestDocuments(QString::fromStdString(id), QString::fromUtf8(kReason));
        QTRY_COMPARE_WITH_TIMEOUT(answers.decided.size(), 2, 10000);
        QVERIFY2(answers.failures.isEmpty(), qPrintable(answers.failures.join("; ")));

        // 4. The open queue shows it with the authority's words, brought by the nudge.
        QTRY_COMPARE_WITH_TIMEOUT(page->table()->rowCount(), 1, 15000);
        QCOMPARE(page->table()->selectedCaseId(), QString::fromStdString(id));
        QCOMPARE(page->table()->item(0, ui::WorkQueuesTable::StatusReason)->text(),
                 QString::fromUtf8(kReason));
        QCOMPARE(page->currentQueue().kind, cases::QueueKind::AwaitingDocuments);

        // 5. The citizen brought it: the clerk records it; the authority completes with a PDF.
        QVERIFY(store.transition(id, CaseStatus::InProgress, clerk, {}, instantNow()).ok());
        desk.sync->requestSync();
        QTRY_COMPARE_WITH_TIMEOUT(statusAtAuthority(officer, answers, id), QString("in_progress"),
                                  15000);
        QCOMPARE(desk.watch->status.needingAttention, 0);
        officer.complete(QString::fromStdString(id), kResultPdf);
        QTRY_COMPARE_WITH_TIMEOUT(answers.decided.size() + answers.failures.size(), 3, 10000);
        QVERIFY2(answers.failures.isEmpty(), qPrintable(answers.failures.join("; ")));
        const std::string sha256 =
            QCryptographicHash::hash(kResultPdf, QCryptographicHash::Sha256).toHex().toStdString();
        QTRY_COMPARE_WITH_TIMEOUT(store.caseById(id)->resultSha256, sha256, 15000);
        QVERIFY(store.caseById(id)->status == CaseStatus::Completed);

        // 6. "Print result" in the case details downloads exactly that PDF.
        authority::ResultDocumentClient results(*desk.link);
        ui::CaseDetailsDialog details(&window);
        QTemporaryDir kept;
        details.setResultDocuments(&results, kept.path());
        QStringList printed;
        details.setResultPrinter([&printed](const QString& file) {
            printed << file;
            return true;
        });
        details.showCase(*queries.caseById(id, instantNow()), queries);
        QVERIFY(details.printResultButton()->isVisible());
        QTest::keyClick(details.printResultButton(), Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(printed.size(), 1, 10000);
        QFile pdf(printed[0]);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QCOMPARE(pdf.readAll(), kResultPdf);
        details.reject();

        window.close();
        desk.stopSync();
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_MAIN(tst_DeskAuthorityE2e)
#include "tst_desk_authority_e2e.moc"
