// Registry connectors end to end (issue 7, must-have 7): a real kep-server over TLS, started
// with --registry-url at the fake registry, and a desk that files cases through the sync push
// whose procedure has a document retrieved ex officio. The answer reaches the desk's office
// pull as registry_documents — a document (stored, byte for byte), a refusal, or a document
// after transient failures retried — and every attempt is in the registry's audit table.
#include "FakeRegistry.h"
#include "SyncTestKit.h"
#include "TestPki.h"
#include "db/Database.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <map>
#include <memory>

using kep::test::FakeRegistry;
using kep::test::ServerProcess;
using kep::test::SyncDesk;
using kep::test::SyncTestKit;

namespace {

// Synthetic citizens (valid ΑΦΜ check digits): one the registry issues to, one it refuses, one
// it answers after two failures.
const std::string kIssued = "090000045";
const std::string kRefused = "123456783";
const std::string kFlaky = "800000002";
// Procedure 900012 of the sample catalogue: document 2 (a certificate) is retrieved ex officio
// from organisation 10102.
const std::string kProcedure = "900012";

std::string citizenJson(const std::string& afm) {
    return R"({"kind":"greek","afm":")" + afm + R"(","amka":"","surname_el":"ΔΟΚΙΜΗ"})";
}

QString sha256Of(const QByteArray& bytes) {
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

}  // namespace

class tst_RegistryConnector : public QObject {
    Q_OBJECT

private:
    kep::test::TestPki pki_;
    std::unique_ptr<FakeRegistry> registry_;
    ServerProcess server_;
    std::unique_ptr<SyncTestKit> kit_;
    std::optional<SyncDesk> desk_;
    kep::cases::Actor clerk_;
    std::map<std::string, std::string> caseOf_;  // ΑΦΜ → case id

    // Pulls the office bucket until every case filed has registry_documents (or time runs
    // out): the field's value per case id, as the desk sees it.
    std::map<std::string, QJsonArray> pullRegistryDocuments(int timeoutMs) {
        std::map<std::string, QJsonArray> seen;
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            std::int64_t cursor = 0;
            for (;;) {
                auto pulled = kep::test::pullOnce(*desk_->transport, desk_->bucket(), cursor);
                if (!pulled) {
                    break;
                }
                for (const auto& change : pulled->changes) {
                    const auto field = change.fields.find("registry_documents");
                    if (change.entity.type == "case" && field != change.fields.end()) {
                        seen[change.entity.id] =
                            QJsonDocument::fromJson(QByteArray::fromStdString(field->second))
                                .array();
                    }
                }
                if (!pulled->hasMore) {
                    break;
                }
                cursor = pulled->cursor;
            }
            if (seen.size() == caseOf_.size()) {
                break;
            }
            QTest::qWait(200);
        }
        return seen;
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(pki_.isValid(), qPrintable(pki_.errorString()));
        registry_ = std::make_unique<FakeRegistry>(pki_.server().certFile, pki_.server().keyFile);
        registry_->issueTo(kIssued);
        registry_->refuse(kRefused, "no_record", "no birth registered under this ΑΦΜ");
        registry_->issueTo(kFlaky);
        registry_->failTransiently(kFlaky, 2);
        QVERIFY2(server_.start(true, {"--registry-url", registry_->url(), "--registry-ca",
                                      pki_.caCertFile(), "--registry-retry-base-ms", "200"}),
                 qPrintable(server_.errorString()));
        kit_ = std::make_unique<SyncTestKit>(server_);
        QVERIFY2(kit_->setUp(), qPrintable(kit_->errorString()));
        desk_ = kit_->enrolDesk("0101");
        QVERIFY2(desk_, qPrintable(kit_->errorString()));
        const auto clerk = kit_->actor(*desk_, "clerk");
        QVERIFY2(clerk, qPrintable(kit_->errorString()));
        clerk_ = *clerk;
    }

    // Three cases filed in one push, as the desk files them: one op each, awaiting approval.
    void deskFilesCases() {
        std::vector<kep::sync::OutboxOp> ops;
        for (const auto& afm : {kIssued, kRefused, kFlaky}) {
            const std::string id = desk_->ids->next().toString();
            auto op = desk_->ops->create(
                {"case", id}, desk_->bucket(), clerk_,
                {{"protocol_number", "0101/2026/" + afm.substr(0, 4) + id.substr(0, 4)},
                 {"procedure_id", kProcedure},
                 {"catalogue_version", "1"},
                 {"citizen", citizenJson(afm)},
                 {"evidence", R"({"1":"provided","2":"to_be_obtained_by_kep"})"},
                 {"requires_approval", "true"},
                 {"status", "pending_approval"}});
            op.deviceSeq = desk_->nextSeq++;
            ops.push_back(std::move(op));
            caseOf_[afm] = id;
        }
        auto result = desk_->transport->push(desk_->batch(std::move(ops)));
        const auto* response = std::get_if<kep::sync::PushResponse>(&result);
        QVERIFY(response);
        for (const auto& r : response->results) {
            QVERIFY2(r.outcome == kep::sync::OpOutcome::Applied, r.reason.c_str());
        }
    }

    void answersReachTheDesk() {
        const auto documents = pullRegistryDocuments(30000);
        QCOMPARE(documents.size(), caseOf_.size());

        // Issued: the document's SHA-256, and the server holds exactly the bytes served.
        const QJsonArray issued = documents.at(caseOf_.at(kIssued));
        QCOMPARE(issued.size(), 1);
        QCOMPARE(issued[0]["evidence_id"].toString(), QString("2"));
        QCOMPARE(issued[0]["issuer_id"].toString(), QString("10102"));
        QCOMPARE(issued[0]["outcome"].toString(), QString("document"));
        const QByteArray served = FakeRegistry::documentFor(kIssued, "2");
        QCOMPARE(issued[0]["sha256"].toString(), sha256Of(served));
        QVERIFY(!issued[0]["answered_at"].toString().isEmpty());
        QFile stored(server_.dataDir() + "/attachments/" + sha256Of(served) + ".pdf");
        QVERIFY2(stored.open(QIODevice::ReadOnly), qPrintable(stored.fileName()));
        QCOMPARE(stored.readAll(), served);

        const QJsonArray refused = documents.at(caseOf_.at(kRefused));
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused[0]["outcome"].toString(), QString("refused"));
        QCOMPARE(refused[0]["refusal"]["code"].toString(), QString("no_record"));
        QCOMPARE(refused[0]["refusal"]["reason"].toString(),
                 QString("no birth registered under this ΑΦΜ"));

        const QJsonArray flaky = documents.at(caseOf_.at(kFlaky));
        QCOMPARE(flaky.size(), 1);
        QCOMPARE(flaky[0]["sha256"].toString(), sha256Of(FakeRegistry::documentFor(kFlaky, "2")));
    }

    // What the registry received: the documented request, retried under one idempotency key.
    void registryReceivedIdentifiersAndRetries() {
        std::map<std::string, std::vector<FakeRegistry::Received>> byCitizen;
        for (const auto& received : registry_->received()) {
            byCitizen[received.afm].push_back(received);
        }
        QCOMPARE(byCitizen[kIssued].size(), std::size_t(1));
        QCOMPARE(byCitizen[kRefused].size(), std::size_t(1));
        QCOMPARE(byCitizen[kFlaky].size(), std::size_t(3));
        const auto& first = byCitizen[kIssued].front();
        QCOMPARE(first.caseId, caseOf_.at(kIssued));
        QCOMPARE(first.evidenceId, std::string("2"));
        QCOMPARE(first.evidenceType, std::string("5"));
        QCOMPARE(first.issuerId, std::string("10102"));
        QVERIFY(!first.protocolNumber.empty());
        QCOMPARE(first.idempotencyKey, first.requestId);
        for (const auto& retry : byCitizen[kFlaky]) {
            QCOMPARE(retry.requestId, byCitizen[kFlaky].front().requestId);
        }
    }

    // Every attempt audited with identifiers only, and no ΑΦΜ in the server's log.
    void attemptsAreAudited() {
        kep::db::OpenOptions options;
        options.mode = kep::db::OpenMode::ReadOnly;
        auto db = kep::db::Database::open((server_.dataDir() + "/kep.db").toStdString(), options);
        auto select = db.prepare(
            "SELECT a.outcome FROM registry_attempt a JOIN registry_request r USING (request_id) "
            "WHERE r.case_id = ?1 ORDER BY a.attempt");
        select.bind(1, caseOf_.at(kFlaky));
        QStringList outcomes;
        while (select.step()) {
            outcomes << QString::fromStdString(select.text(0));
        }
        QCOMPARE(outcomes, QStringList({"unavailable", "unavailable", "document"}));
        const QByteArray log = server_.log();
        QVERIFY(log.contains("registry_request"));
        for (const auto& afm : {kIssued, kRefused, kFlaky}) {
            QVERIFY(!log.contains(QByteArray::fromStdString(afm)));
        }
    }

    // A server without --registry-url queues the request and sends nothing.
    void withoutAGatewayRequestsStayQueued() {
        ServerProcess plain;
        QVERIFY2(plain.start(true), qPrintable(plain.errorString()));
        SyncTestKit kit(plain);
        QVERIFY2(kit.setUp(), qPrintable(kit.errorString()));
        auto desk = kit.enrolDesk("0101");
        QVERIFY2(desk, qPrintable(kit.errorString()));
        const auto clerk = kit.actor(*desk, "clerk");
        QVERIFY2(clerk, qPrintable(kit.errorString()));
        const std::string id = desk->ids->next().toString();
        auto op = desk->ops->create({"case", id}, desk->bucket(), *clerk,
                                    {{"protocol_number", "0101/2026/9001"},
                                     {"procedure_id", kProcedure},
                                     {"citizen", citizenJson(kIssued)},
                                     {"evidence", "{}"},
                                     {"status", "pending_approval"}});
        op.deviceSeq = desk->nextSeq++;
        auto pushed = desk->transport->push(desk->batch({op}));
        QVERIFY(std::holds_alternative<kep::sync::PushResponse>(pushed));

        kep::db::OpenOptions options;
        options.mode = kep::db::OpenMode::ReadOnly;
        auto db = kep::db::Database::open((plain.dataDir() + "/kep.db").toStdString(), options);
        auto select = db.prepare(
            "SELECT state, attempts FROM registry_request WHERE case_id = ?1 AND evidence_id = "
            "'2'");
        select.bind(1, id);
        QTRY_VERIFY_WITH_TIMEOUT((select.reset(), select.bind(1, id), select.step()), 10000);
        QCOMPARE(select.text(0), std::string("queued"));
        QCOMPARE(select.int64(1), std::int64_t(0));
        QCOMPARE(plain.stop(), 0);
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_RegistryConnector)
#include "tst_registry_connector.moc"
