// The registry job over a real kep.db (PostgreSQL in tst_registry_requests_pg) with the sample
// catalogue, without a network: a filing queues one request per document retrieved ex officio (and
// only once), and the sender stores a document, records a refusal, retries a failure with backoff
// and gives up at last — each attempt audited, each outcome written to the case's
// registry_documents.
#include "TestServerStore.h"
#include "TestSyncStore.h"

#include "attachments/AttachmentStore.h"
#include "cli/CatalogueDemo.h"
#include "jobs/ChangeFollower.h"
#include "registry/FilingRequests.h"
#include "registry/RegistrySender.h"
#include "shared/cases/CaseFields.h"
#include "shared/sync/SyncServerCore.h"
#include "storage/ServerStore.h"
#include "sync/CaseRecords.h"
#include "sync/ServerCaseWriter.h"
#include "sync/SyncService.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <deque>
#include <memory>

using namespace kep::server;
using kep::cases::CaseStatus;
using kep::server::registry::DocumentRequest;
using kep::server::registry::Instant;
using kep::server::registry::RegistryAnswer;
using namespace std::chrono_literals;
namespace cf = kep::cases::fields;

namespace {

const kep::cases::Actor kClerk{"u-clerk-1", kep::cases::ActorRole::Clerk};
const kep::cases::Actor kManager{"u-manager-1", kep::cases::ActorRole::Manager};
// Synthetic citizen: a valid ΑΦΜ check digit.
const std::string kCitizen = R"({"afm":"090000045","amka":"","surname_el":"ΔΟΚΙΜΗ"})";

// The answers a test scripts, in order, and the requests it was asked.
class ScriptedConnector : public registry::RegistryConnector {
public:
    std::deque<RegistryAnswer> answers;
    std::vector<DocumentRequest> asked;

    RegistryAnswer request(const DocumentRequest& request) override {
        asked.push_back(request);
        if (answers.empty()) {
            return registry::RegistryUnavailable{"nothing scripted"};
        }
        RegistryAnswer next = answers.front();
        answers.pop_front();
        return next;
    }
};

}  // namespace

class tst_RegistryRequests : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::unique_ptr<kep::test::TestServerDatabase> database_;
    std::unique_ptr<storage::ServerStore> store_;
    std::unique_ptr<kep::test::TestSyncStore> syncStore_;
    std::unique_ptr<sync::SyncService> service_;
    std::unique_ptr<sync::ServerCaseWriter> desk_;  // files cases as a desk would
    std::unique_ptr<kep::db::Database> jobDb_;
    std::unique_ptr<sync::ServerCaseWriter> registryWriter_;
    std::unique_ptr<attachments::AttachmentStore> attachments_;
    Instant now_{std::chrono::milliseconds{1'760'000'000'000}};
    int caseCount_ = 0;

    std::string fileCase(const std::string& procedureId, const std::string& status,
                         const std::string& evidence = "{}",
                         const std::string& citizen = kCitizen) {
        const std::string id = "case-" + std::to_string(++caseCount_);
        const auto result =
            desk_->create(id, "0101", kClerk,
                          {{std::string{cf::kProtocolNumber}, "0101/2026/" + id},
                           {std::string{cf::kProcedureId}, procedureId},
                           {"catalogue_version", "1"},
                           {std::string{cf::kCitizen}, citizen},
                           {std::string{cf::kEvidence}, evidence},
                           {std::string{kep::sync::case_fields::kRequiresApproval}, "true"},
                           {std::string{kep::sync::case_fields::kStatus}, status}});
        if (!result.ok()) {
            qWarning("filing refused: %s", result.reason.c_str());
        }
        return id;
    }

    // Runs the queueing half over everything logged since the last call.
    void followChanges() {
        jobs::ChangeFollower follower(*jobDb_, "registry", false);
        registry::FilingRequests filings(*jobDb_, [this] { return now_; });
        while (follower.poll([&](const jobs::CaseChange& c) { filings.onChange(c); }) > 0) {
        }
    }

    registry::RegistrySender sender(ScriptedConnector& connector, int maxAttempts = 20) {
        registry::RegistryRetryPolicy policy;
        policy.maxAttempts = maxAttempts;
        return registry::RegistrySender(
            *jobDb_, {connector, *attachments_, *registryWriter_}, policy, [this] { return now_; },
            [] { return std::uint64_t{5'000}; });
    }

    QStringList queued(const std::string& caseId) {
        auto select = jobDb_->prepare(
            "SELECT evidence_id || '@' || issuer_id FROM registry_request WHERE case_id = ?1 "
            "ORDER BY evidence_id");
        select.bind(1, caseId);
        QStringList out;
        while (select.step()) {
            out << QString::fromStdString(select.text(0));
        }
        return out;
    }

    QString requestState(const std::string& caseId, const std::string& evidenceId) {
        auto select = jobDb_->prepare(
            "SELECT state || '/' || attempts FROM registry_request WHERE case_id = ?1 AND "
            "evidence_id = ?2");
        select.bind(1, caseId).bind(2, evidenceId);
        return select.step() ? QString::fromStdString(select.text(0)) : QString();
    }

    QStringList attempts(const std::string& caseId) {
        auto select = jobDb_->prepare(
            "SELECT a.outcome FROM registry_attempt a JOIN registry_request r USING "
            "(request_id) WHERE r.case_id = ?1 ORDER BY a.attempt");
        select.bind(1, caseId);
        QStringList out;
        while (select.step()) {
            out << QString::fromStdString(select.text(0));
        }
        return out;
    }

    QJsonArray registryDocuments(const std::string& caseId) {
        const auto record = sync::findCase(*jobDb_, caseId);
        return record ? QJsonDocument::fromJson(QByteArray::fromStdString(record->field(
                                                    registry::kRegistryDocumentsField)))
                            .array()
                      : QJsonArray{};
    }

    // Drains the sender: every due request sent, every case updated.
    void drain(registry::RegistrySender& sender) {
        for (int step = 0; step < 50 && sender.step(); ++step) {
        }
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        database_ = std::make_unique<kep::test::TestServerDatabase>(dir_.path().toStdString());
        store_ = database_->createStore();
        QVERIFY(cli::loadSampleCatalogue(*store_, cli::locateSampleCatalogue("")) > 0);
        syncStore_ = std::make_unique<kep::test::TestSyncStore>(*database_);
        service_ = std::make_unique<sync::SyncService>(syncStore_->store());
        desk_ = std::make_unique<sync::ServerCaseWriter>(*service_, "desk-test");
        jobDb_ = std::make_unique<kep::db::Database>(
            database_->connect({.mode = kep::db::OpenMode::ReadWrite}));
        registryWriter_ = std::make_unique<sync::ServerCaseWriter>(
            *service_, std::string{registry::kRegistryDevice});
        attachments_ =
            std::make_unique<attachments::AttachmentStore>(*store_, dir_.path().toStdString());
        // The job's cursor starts before the first case.
        jobs::ChangeFollower(*jobDb_, "registry", false);
    }

    // Each test files its own cases and sees only their requests.
    void init() { jobDb_->exec("DELETE FROM registry_attempt; DELETE FROM registry_request;"); }

    // One request per document retrieved ex officio, by the issuer the register names (else
    // the procedure's owner); nothing for a draft or a procedure without such documents.
    void filingQueues_data() {
        QTest::addColumn<QString>("procedure");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("evidence");
        QTest::addColumn<QStringList>("requests");
        QTest::newRow("one document") << "900012"
                                      << "pending_approval"
                                      << "{}" << QStringList({"2@10102"});
        QTest::newRow("issuer from the procedure") << "900020"
                                                   << "pending_approval"
                                                   << "{}" << QStringList({"4@10104"});
        QTest::newRow("two documents") << "900001"
                                       << "pending_approval"
                                       << "{}" << QStringList({"4@10113", "5@10101"});
        QTest::newRow("one brought") << "900001"
                                     << "pending_approval"
                                     << R"({"5":"provided"})" << QStringList({"4@10113"});
        QTest::newRow("a draft") << "900012"
                                 << "draft"
                                 << "{}" << QStringList();
        QTest::newRow("no such documents") << "900008"
                                           << "pending_approval"
                                           << "{}" << QStringList();
        QTest::newRow("unknown procedure") << "999999"
                                           << "pending_approval"
                                           << "{}" << QStringList();
    }
    void filingQueues() {
        QFETCH(QString, procedure);
        QFETCH(QString, status);
        QFETCH(QString, evidence);
        QFETCH(QStringList, requests);
        const auto id =
            fileCase(procedure.toStdString(), status.toStdString(), evidence.toStdString());
        followChanges();
        QCOMPARE(queued(id), requests);
    }

    // Returned to the clerk and filed again: nothing is asked twice.
    void refilingDoesNotAskAgain() {
        const auto id = fileCase("900012", "pending_approval");
        followChanges();
        QVERIFY(move(id, kManager, CaseStatus::ReturnedToClerk, "the photo is missing"));
        QVERIFY(move(id, kClerk, CaseStatus::Submitted));
        followChanges();
        QCOMPARE(queued(id), QStringList({"2@10102"}));
    }

    // A draft asks nothing until it is filed.
    void draftFiledLaterAsks() {
        const auto id = fileCase("900012", "draft");
        followChanges();
        QVERIFY(queued(id).isEmpty());
        QVERIFY(move(id, kClerk, CaseStatus::Submitted));
        followChanges();
        QCOMPARE(queued(id), QStringList({"2@10102"}));
    }

    // A document comes back: stored as an attachment, written to the case by the registry.
    void documentIsStoredAndAttached() {
        const auto id = fileCase("900012", "pending_approval");
        followChanges();
        ScriptedConnector connector;
        const std::string pdf = "%PDF-1.4\n% birth certificate\n%%EOF\n";
        connector.answers.push_back(registry::RegistryDocument{pdf});
        auto job = sender(connector);
        drain(job);
        QCOMPARE(connector.asked.size(), std::size_t(1));
        QCOMPARE(connector.asked[0].afm, std::string("090000045"));
        QCOMPARE(connector.asked[0].caseId, id);
        QCOMPARE(connector.asked[0].issuerId, std::string("10102"));
        QCOMPARE(requestState(id, "2"), QString("answered/1"));
        QCOMPARE(attempts(id), QStringList({"document"}));

        const QString sha256 =
            QCryptographicHash::hash(QByteArray::fromStdString(pdf), QCryptographicHash::Sha256)
                .toHex();
        const auto documents = registryDocuments(id);
        QCOMPARE(documents.size(), 1);
        QCOMPARE(documents[0]["evidence_id"].toString(), QString("2"));
        QCOMPARE(documents[0]["outcome"].toString(), QString("document"));
        QCOMPARE(documents[0]["sha256"].toString(), sha256);
        QFile stored(QString::fromStdString(*attachments_->contentPath(sha256.toStdString())));
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(stored.readAll(), QByteArray::fromStdString(pdf));
        // The registry made the write, and the case's history of writes says so.
        const auto record = sync::findCase(*jobDb_, id);
        QVERIFY(record);
        QCOMPARE(record->version, std::int64_t(2));
    }

    void refusalIsWrittenToTheCase() {
        const auto id = fileCase("900001", "pending_approval");
        followChanges();
        ScriptedConnector connector;
        connector.answers.push_back(registry::RegistryRefusal{"no_record", "no such record"});
        connector.answers.push_back(registry::RegistryDocument{"%PDF-1.4\n%%EOF\n"});
        auto job = sender(connector);
        drain(job);
        QCOMPARE(connector.asked.size(), std::size_t(2));
        const auto documents = registryDocuments(id);
        QCOMPARE(documents.size(), 2);
        QCOMPARE(documents[0]["evidence_id"].toString(), QString("4"));
        QCOMPARE(documents[0]["outcome"].toString(), QString("refused"));
        QCOMPARE(documents[0]["refusal"]["code"].toString(), QString("no_record"));
        QCOMPARE(documents[0]["refusal"]["reason"].toString(), QString("no such record"));
        QCOMPARE(documents[1]["outcome"].toString(), QString("document"));
    }

    // No answer: asked again after the backoff, not before; answered on the third attempt.
    void failureIsRetriedAfterTheBackoff() {
        const auto id = fileCase("900012", "pending_approval");
        followChanges();
        ScriptedConnector connector;
        connector.answers.push_back(registry::RegistryUnavailable{"answer 503"});
        connector.answers.push_back(registry::RegistryUnavailable{"answer 503"});
        connector.answers.push_back(registry::RegistryDocument{"%PDF-1.4\n%%EOF\n"});
        auto job = sender(connector);
        drain(job);
        QCOMPARE(connector.asked.size(), std::size_t(1));
        QCOMPARE(requestState(id, "2"), QString("queued/1"));
        QVERIFY(registryDocuments(id).isEmpty());
        now_ += 4s;  // the dice (5,000) put the next attempt 5 s after the first
        drain(job);
        QCOMPARE(connector.asked.size(), std::size_t(1));
        now_ += 1s;
        drain(job);
        QCOMPARE(connector.asked.size(), std::size_t(2));
        // The same request, so the registry can recognise it.
        QCOMPARE(connector.asked[1].requestId, connector.asked[0].requestId);
        now_ += 5s;
        drain(job);
        QCOMPARE(connector.asked.size(), std::size_t(3));
        QCOMPARE(requestState(id, "2"), QString("answered/3"));
        QCOMPARE(attempts(id), QStringList({"unavailable", "unavailable", "document"}));
        QCOMPARE(registryDocuments(id).size(), 1);
    }

    void givesUpAndTellsTheClerk() {
        const auto id = fileCase("900012", "pending_approval");
        followChanges();
        ScriptedConnector connector;
        for (int i = 0; i < 2; ++i) {
            connector.answers.push_back(registry::RegistryUnavailable{"answer 503"});
        }
        auto job = sender(connector, 2);
        drain(job);
        now_ += 10s;
        drain(job);
        QCOMPARE(connector.asked.size(), std::size_t(2));
        QCOMPARE(requestState(id, "2"), QString("failed/2"));
        const auto documents = registryDocuments(id);
        QCOMPARE(documents.size(), 1);
        QCOMPARE(documents[0]["refusal"]["code"].toString(), QString("registry_unavailable"));
    }

    // Without ΑΦΜ or ΑΜΚΑ there is nothing to look the citizen up by: refused without asking.
    void noIdentifierIsRefusedWithoutAsking() {
        const auto id = fileCase("900012", "pending_approval", "{}",
                                 R"({"afm":"","document_number":"X1234567"})");
        followChanges();
        ScriptedConnector connector;
        auto job = sender(connector);
        drain(job);
        QVERIFY(connector.asked.empty());
        const auto documents = registryDocuments(id);
        QCOMPARE(documents[0]["refusal"]["code"].toString(), QString("no_citizen_identifier"));
    }

private:
    bool move(const std::string& caseId, const kep::cases::Actor& actor, CaseStatus to,
              std::string reason = {}) {
        const auto result = desk_->transition(caseId, "0101", actor, to, std::move(reason));
        if (!result.ok()) {
            qWarning("transition refused: %s", result.reason.c_str());
        }
        return result.ok();
    }
};

QTEST_GUILESS_MAIN(tst_RegistryRequests)
#include "tst_registry_requests.moc"
