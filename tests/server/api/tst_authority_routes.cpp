// The competent authorities against a real kep-server over TLS (issue 7, must-haves 1 and 2):
// the directory (commands and admin API), the inbox of an authority user (session) and of its
// system (API key), accept / request documents / reject / complete with the lifecycle's
// refusals as 409, the result served to the KEP, another authority's case 404, a clerk 403,
// and every step in the case's history, its stored results and the audit entries.
#include "SyncTestKit.h"

#include "db/Database.h"
#include "shared/cases/CaseStatus.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using kep::test::bearer;
using kep::test::errorCodeOf;
using kep::test::jsonOf;
using kep::test::ServerProcess;
using kep::test::SyncDesk;
using kep::test::SyncTestKit;

namespace {

constexpr char kAuthority[] = "10102";       // the demo authority (cli/DemoData.h)
constexpr char kOtherAuthority[] = "99901";  // added by the test
// A synthetic citizen; the ΑΦΜ has a valid check digit and belongs to nobody.
constexpr char kCitizen[] = R"({"afm":"123456783","surname":"ΔΟΚΙΜΗ","given_name":"ΑΝΝΑ"})";

std::string shaOf(const QByteArray& bytes) {
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().toStdString();
}

std::string json(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

kep::test::Headers apiKey(const std::string& key) {
    return {{"Authorization", "ApiKey " + key}};
}

}  // namespace

class tst_AuthorityRoutes : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;
    std::unique_ptr<SyncTestKit> kit_;
    std::optional<SyncDesk> desk_;       // office 0101
    std::optional<SyncDesk> deskThess_;  // office 0202
    kep::cases::Actor clerk_;
    std::unique_ptr<kep::net::HttpsClient> seat_;  // an 0101 workstation people sign in at
    std::string authorityToken_;
    std::string clerkToken_;
    std::string systemKey_;
    std::string systemKeyId_;
    QByteArray scan_;  // a document every case carries, uploaded once by the desk
    int authorityOps_ = 0;

    // The desk files a case for `authority` (submitted, no approval needed) and forwards it.
    std::string forwardedCase(const std::string& authority, bool forward = true) {
        auto& desk = *desk_;
        auto create = desk.newCase(clerk_);
        create.fields["citizen"] = kCitizen;
        create.fields["authority_id"] = authority;
        create.fields["due_date"] = "2026-05-29";
        create.fields["requires_approval"] = "false";
        create.fields["status"] = "submitted";
        // As the desk writes it (client/core/cases/CaseStore.cpp).
        create.fields["attachments"] =
            QJsonDocument(QJsonArray{QJsonObject{{"sha256", QString::fromStdString(shaOf(scan_))},
                                                 {"media_type", "image/jpeg"},
                                                 {"size", scan_.size()},
                                                 {"evidence_id", "ev-1"}}})
                .toJson(QJsonDocument::Compact)
                .toStdString();
        std::vector<kep::sync::OutboxOp> ops{create};
        if (forward) {
            auto op = desk.ops->transition(create.entity, desk.bucket(), clerk_, 0,
                                           kep::cases::CaseStatus::Forwarded, {});
            op.deviceSeq = desk.nextSeq++;
            ops.push_back(op);
        }
        auto result = desk.transport->push(desk.batch(ops));
        const auto* response = std::get_if<kep::sync::PushResponse>(&result);
        if (!response || response->results.size() != ops.size()) {
            qWarning("push failed");
            return {};
        }
        for (const auto& r : response->results) {
            if (r.outcome != kep::sync::OpOutcome::Applied) {
                qWarning("op refused: %s", r.reason.c_str());
                return {};
            }
        }
        return create.entity.id;
    }

    kep::net::Response asAuthority(const std::string& method, const std::string& path,
                                   const std::string& body = {},
                                   const std::string& type = "application/json") {
        return seat_->request(method, path, body, body.empty() ? std::string() : type,
                              bearer(authorityToken_));
    }

    kep::net::Response asSystem(const std::string& method, const std::string& path,
                                const std::string& body = {},
                                const std::string& type = "application/json") {
        auto anonymous = kit_->identity().anonymousClient();
        return anonymous->request(method, path, body, body.empty() ? std::string() : type,
                                  apiKey(systemKey_));
    }

    // POSTs an action as the authority user; counts the ops the server made for it.
    kep::net::Response act(const std::string& caseId, const std::string& action,
                           const std::string& body = {}) {
        const auto response =
            asAuthority("POST", "/api/v1/authority/cases/" + caseId + "/" + action, body);
        authorityOps_ += response.status == 200 ? 1 : 0;
        return response;
    }

    static QJsonObject caseOf(const kep::net::Response& response) {
        return jsonOf(response).value("case").toObject();
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        // The server's default body limit (1 MiB): the complete route declares its own.
        QVERIFY2(server_.start(true), qPrintable(server_.errorString()));
        kit_ = std::make_unique<SyncTestKit>(server_);
        QVERIFY2(kit_->setUpWithDesks({{&desk_, "0101"}, {&deskThess_, "0202"}}),
                 qPrintable(kit_->errorString()));
        const auto clerk = kit_->actor(*desk_, "clerk");
        QVERIFY2(clerk, qPrintable(kit_->errorString()));
        clerk_ = *clerk;

        auto& identity = kit_->identity();
        QCOMPARE(identity.command({"authority", "add", "--id", kOtherAuthority, "--name-el",
                                   "Άλλη Αρχή", "--name-en", "Another Authority"}),
                 0);
        QCOMPARE(identity.command({"api-key", "add", "--kind", "authority_system", "--name",
                                   "ministry system", "--authority", kAuthority}),
                 0);
        const auto lines = QString::fromUtf8(server_.lastOutput()).split('\n');
        systemKey_ = lines.value(0).toStdString();
        systemKeyId_ = lines.value(1).split(' ').value(2).toStdString();
        QVERIFY(!systemKeyId_.empty());

        seat_ = identity.clientFor(desk_->workstation);
        const auto authority =
            identity.signIn(*seat_, "authority", identity.account("authority").password);
        const auto clerkToken =
            identity.signIn(*seat_, "clerk", identity.account("clerk").password);
        QVERIFY2(authority && clerkToken, qPrintable(identity.errorString()));
        authorityToken_ = *authority;
        clerkToken_ = *clerkToken;

        scan_ = QByteArray("\xff\xd8\xff\xe0 synthetic scan ", 20).repeated(50);
        const auto sha = shaOf(scan_);
        const auto opened =
            desk_->client->request("PUT",
                                   "/api/v1/attachments/" + sha +
                                       "?size=" + std::to_string(scan_.size()) + "&type=image/jpeg",
                                   {}, "application/octet-stream");
        QCOMPARE(opened.status, 200);
        const auto chunk = desk_->client->request("PUT", "/api/v1/attachments/" + sha + "/chunks/0",
                                                  scan_.toStdString(), "application/octet-stream");
        QCOMPARE(jsonOf(chunk).value("complete").toBool(), true);
    }

    void directoryCommandsAndAdminApi() {
        auto& identity = kit_->identity();
        QCOMPARE(identity.command({"authority", "list"}), 0);
        const auto listed = QString::fromUtf8(server_.lastOutput());
        QVERIFY2(listed.contains("10102\tΥπουργείο Εσωτερικών\tMinistry of the Interior"),
                 qPrintable(listed));
        QVERIFY(listed.contains(kOtherAuthority));
        QCOMPARE(identity.command({"authority", "add", "--id", kOtherAuthority, "--name-el", "x",
                                   "--name-en", "x"}),
                 1);
        QCOMPARE(identity.command(
                     {"authority", "add", "--id", "bad id", "--name-el", "x", "--name-en", "x"}),
                 1);
        // Authority users belong to an existing authority, and only they have one.
        const QString password = "Authority user passphrase";
        QCOMPARE(identity.command({"user", "add", "--role", "authority", "--username", "auth.b",
                                   "--authority", kOtherAuthority},
                                  password),
                 0);
        QCOMPARE(identity.command({"user", "add", "--role", "authority", "--username", "auth.c"},
                                  password),
                 1);
        QVERIFY(server_.lastOutput().contains("'authority'"));
        QCOMPARE(identity.command({"user", "add", "--role", "authority", "--username", "auth.d",
                                   "--authority", "55555"},
                                  password),
                 1);
        QCOMPARE(identity.command({"user", "add", "--role", "it", "--username", "it.e",
                                   "--authority", kAuthority},
                                  password),
                 1);

        auto admin = identity.adminToolClient();
        const auto central =
            identity.signIn(*admin, "central", identity.account("central").password);
        QVERIFY2(central, qPrintable(identity.errorString()));
        const auto added = admin->request(
            "POST", "/api/v1/admin/authorities",
            json({{"id", "20301"}, {"name_el", "Τρίτη Αρχή"}, {"name_en", "Third Authority"}}),
            "application/json", bearer(*central));
        QCOMPARE(added.status, 201);
        QCOMPARE(jsonOf(added).value("authority").toObject().value("name_en").toString(),
                 QStringLiteral("Third Authority"));
        const auto again =
            admin->request("POST", "/api/v1/admin/authorities",
                           json({{"id", "20301"}, {"name_el", "x"}, {"name_en", "x"}}),
                           "application/json", bearer(*central));
        QCOMPARE(again.status, 409);
        QCOMPARE(errorCodeOf(again), QStringLiteral("authority_exists"));
        const auto list =
            admin->request("GET", "/api/v1/admin/authorities", {}, {}, bearer(*central));
        QCOMPARE(list.status, 200);
        QCOMPARE(jsonOf(list).value("authorities").toArray().size(), 3);
        const auto byClerk =
            seat_->request("GET", "/api/v1/admin/authorities", {}, {}, bearer(clerkToken_));
        QCOMPARE(byClerk.status, 403);
    }

    void inboxHoldsOnlyForwardedCases() {
        const auto forwarded = forwardedCase(kAuthority);
        const auto notYet = forwardedCase(kAuthority, false);
        QVERIFY(!forwarded.empty() && !notYet.empty());
        const auto inbox = asAuthority("GET", "/api/v1/authority/inbox?status=forwarded");
        QCOMPARE(inbox.status, 200);
        QJsonObject item;
        for (const auto& entry : jsonOf(inbox).value("cases").toArray()) {
            const auto id = entry.toObject().value("id").toString().toStdString();
            QVERIFY2(id != notYet, "a case not yet forwarded is in the inbox");
            if (id == forwarded) {
                item = entry.toObject();
            }
        }
        QVERIFY(!item.isEmpty());
        QCOMPARE(item.value("status").toString(), QStringLiteral("forwarded"));
        QCOMPARE(item.value("office").toString(), QStringLiteral("0101"));
        QCOMPARE(item.value("channel").toString(), QStringLiteral("counter"));
        QCOMPARE(item.value("due_date").toString(), QStringLiteral("2026-05-29"));
        QVERIFY(item.value("forwarded_at").toString().endsWith('Z'));
        QCOMPARE(item.value("citizen").toObject().value("afm").toString(),
                 QStringLiteral("123456783"));
        const auto documents = item.value("documents").toArray();
        QCOMPARE(documents.size(), 1);
        QCOMPARE(documents[0].toObject().value("sha256").toString().toStdString(), shaOf(scan_));
        QCOMPARE(documents[0].toObject().value("evidence_id").toString(), QStringLiteral("ev-1"));

        const auto bad = asAuthority("GET", "/api/v1/authority/inbox?status=lost&limit=0");
        QCOMPARE(bad.status, 400);
        QCOMPARE(errorCodeOf(bad), QStringLiteral("invalid_query"));
    }

    void documentsOfTheCaseOnly() {
        const auto id = forwardedCase(kAuthority);
        const auto base = "/api/v1/authority/cases/" + id + "/documents/";
        const auto document = asAuthority("GET", base + shaOf(scan_));
        QCOMPARE(document.status, 200);
        QCOMPARE(document.header("Content-Type").value_or(""), std::string("image/jpeg"));
        QCOMPARE(QByteArray::fromStdString(document.body), scan_);
        const auto other = asAuthority("GET", base + std::string(64, 'a'));
        QCOMPARE(other.status, 404);
    }

    void decisions_data() {
        QTest::addColumn<bool>("acceptFirst");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("result");  // the case's status, or the error code
        QTest::newRow("accept") << false << "accept"
                                << "" << 200 << "in_progress";
        QTest::newRow("request documents")
            << true << "request-documents"
            << R"({"reason":"Λείπει το πιστοποιητικό"})" << 200 << "awaiting_documents";
        QTest::newRow("reject") << true << "reject"
                                << R"({"reason":"Εκτός προθεσμίας"})" << 200 << "rejected";
        QTest::newRow("reject without a reason") << true << "reject"
                                                 << R"({"reason":"  "})" << 400 << "invalid_field";
        QTest::newRow("reject before accepting")
            << false << "reject"
            << R"({"reason":"Όχι"})" << 409 << "no_such_transition";
        QTest::newRow("accept twice") << true << "accept"
                                      << "" << 409 << "no_such_transition";
        QTest::newRow("complete before accepting")
            << false << "complete"
            << "%PDF-1.7 result" << 409 << "no_such_transition";
    }

    void decisions() {
        QFETCH(bool, acceptFirst);
        QFETCH(QString, action);
        QFETCH(QString, body);
        QFETCH(int, status);
        QFETCH(QString, result);
        const auto id = forwardedCase(kAuthority);
        QVERIFY(!id.empty());
        if (acceptFirst) {
            QCOMPARE(act(id, "accept").status, 200);
        }
        const auto answer = action == "complete"
                                ? asAuthority("POST", "/api/v1/authority/cases/" + id + "/complete",
                                              body.toStdString(), "application/pdf")
                                : act(id, action.toStdString(), body.toStdString());
        QCOMPARE(answer.status, status);
        if (status != 200) {
            QCOMPARE(errorCodeOf(answer), result);
            return;
        }
        const auto decided = caseOf(answer);
        QCOMPARE(decided.value("status").toString(), result);
        const auto reason =
            body.isEmpty()
                ? QString()
                : QJsonDocument::fromJson(body.toUtf8()).object().value("reason").toString();
        if (!reason.isEmpty()) {
            QCOMPARE(decided.value("status_reason").toString(), reason);
        }
        const auto history = decided.value("history").toArray();
        const auto last = history.last().toObject();
        QCOMPARE(last.value("to").toString(), result);
        QCOMPARE(last.value("actor_role").toString(), QStringLiteral("authority"));
        QCOMPARE(last.value("reason").toString(), reason);
    }

    // The "more documents" request reaches the KEP's desk by the ordinary pull of its office.
    void requestForDocumentsReachesTheDesk() {
        const auto id = forwardedCase(kAuthority);
        QCOMPARE(act(id, "accept").status, 200);
        auto before = kep::test::pullOnce(*desk_->transport, desk_->bucket(), 0);
        QVERIFY(before);
        std::int64_t cursor = before->cursor;
        while (before->hasMore) {
            before = kep::test::pullOnce(*desk_->transport, desk_->bucket(), cursor);
            QVERIFY(before);
            cursor = before->cursor;
        }
        QCOMPARE(act(id, "request-documents", R"({"reason":"Χρειάζεται βεβαίωση"})").status, 200);
        const auto after = kep::test::pullOnce(*desk_->transport, desk_->bucket(), cursor);
        QVERIFY(after);
        bool seen = false;
        for (const auto& change : after->changes) {
            if (change.entity.id == id && change.fields.count("status")) {
                QCOMPARE(change.fields.at("status"), std::string("awaiting_documents"));
                QCOMPARE(change.fields.at("status_reason"), std::string("Χρειάζεται βεβαίωση"));
                seen = true;
            }
        }
        QVERIFY(seen);
    }

    void completeReturnsTheResultToTheKep() {
        const auto id = forwardedCase(kAuthority);
        QCOMPARE(act(id, "accept").status, 200);
        const auto path = "/api/v1/authority/cases/" + id + "/complete";
        const auto notPdf = asAuthority("POST", path, "GIF89a not a pdf", "application/pdf");
        QCOMPARE(notPdf.status, 400);
        QCOMPARE(errorCodeOf(notPdf), QStringLiteral("invalid_result"));
        QCOMPARE(asAuthority("POST", path, "%PDF-1.7", "text/plain").status, 415);
        QCOMPARE(asAuthority("GET", "/api/v1/authority/cases/" + id)
                         .body.find("\"status\":\"in_progress\"") != std::string::npos,
                 true);

        QByteArray pdf("%PDF-1.7\n% synthetic decision\n");
        pdf += QByteArray(2 * 1024 * 1024, 'x');  // above the default 1 MiB body limit
        const auto completed = asAuthority("POST", path, pdf.toStdString(), "application/pdf");
        QCOMPARE(completed.status, 200);
        authorityOps_ += 2;  // the result field, then the transition
        const auto decided = caseOf(completed);
        QCOMPARE(decided.value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(decided.value("result_sha256").toString().toStdString(), shaOf(pdf));

        // The route's own limit is the attachment limit; every other route keeps the default.
        const std::string tooLarge(20 * 1024 * 1024 + 1, 'x');
        QCOMPARE(asAuthority("POST", path, "%PDF-1.7\n" + tooLarge, "application/pdf").status, 413);
        QCOMPARE(asAuthority("POST", "/api/v1/authority/cases/" + id + "/reject",
                             "{\"reason\":\"" + std::string(2 * 1024 * 1024, 'x') + "\"}")
                     .status,
                 413);

        const auto result = desk_->client->get("/api/v1/cases/" + id + "/result");
        QCOMPARE(result.status, 200);
        QCOMPARE(result.header("Content-Type").value_or(""), std::string("application/pdf"));
        QCOMPARE(QByteArray::fromStdString(result.body), pdf);
        // Another office's workstation does not reach it; a case without a result has none.
        QCOMPARE(deskThess_->client->get("/api/v1/cases/" + id + "/result").status, 403);
        const auto pending = forwardedCase(kAuthority);
        const auto none = desk_->client->get("/api/v1/cases/" + pending + "/result");
        QCOMPARE(none.status, 404);
        QCOMPARE(errorCodeOf(none), QStringLiteral("no_result"));
    }

    // Another authority's case and an unknown one answer alike: nothing says the first exists.
    void anotherAuthoritysCaseIs404() {
        const auto theirs = forwardedCase(kOtherAuthority);
        QVERIFY(!theirs.empty());
        const auto unknown = std::string("0190a3c2-7d1e-7000-8000-000000000000");
        for (const auto& id : {theirs, unknown}) {
            const auto read = asAuthority("GET", "/api/v1/authority/cases/" + id);
            QCOMPARE(read.status, 404);
            QCOMPARE(errorCodeOf(read), QStringLiteral("not_found"));
            QCOMPARE(act(id, "accept").status, 404);
            QCOMPARE(asSystem("GET", "/api/v1/authority/cases/" + id).status, 404);
        }
        const auto inbox = jsonOf(asAuthority("GET", "/api/v1/authority/inbox?limit=500"));
        for (const auto& entry : inbox.value("cases").toArray()) {
            QVERIFY(entry.toObject().value("id").toString().toStdString() != theirs);
        }
    }

    void othersAreRefused() {
        const auto byClerk =
            seat_->request("GET", "/api/v1/authority/inbox", {}, {}, bearer(clerkToken_));
        QCOMPARE(byClerk.status, 403);
        QCOMPARE(errorCodeOf(byClerk), QStringLiteral("forbidden"));
        const auto id = forwardedCase(kAuthority);
        const auto clerkAccepts = seat_->request(
            "POST", "/api/v1/authority/cases/" + id + "/accept", {}, {}, bearer(clerkToken_));
        QCOMPARE(clerkAccepts.status, 403);
        auto anonymous = kit_->identity().anonymousClient();
        QCOMPARE(anonymous->get("/api/v1/authority/inbox").status, 401);
        QCOMPARE(
            anonymous->request("GET", "/api/v1/authority/inbox", {}, {}, apiKey("nonsense")).status,
            401);
    }

    void systemKeyDoesWhatStaffDo() {
        const auto id = forwardedCase(kAuthority);
        const auto inbox = asSystem("GET", "/api/v1/authority/inbox?status=forwarded&limit=500");
        QCOMPARE(inbox.status, 200);
        QVERIFY(inbox.body.find(id) != std::string::npos);
        const auto accepted = asSystem("POST", "/api/v1/authority/cases/" + id + "/accept");
        QCOMPARE(accepted.status, 200);
        ++authorityOps_;
        const auto last = caseOf(accepted).value("history").toArray().last().toObject();
        QCOMPARE(last.value("to").toString(), QStringLiteral("in_progress"));
        QCOMPARE(last.value("actor_role").toString(), QStringLiteral("authority_system"));
        QCOMPARE(last.value("actor").toString().toStdString(), systemKeyId_);
        const auto rejected = asSystem("POST", "/api/v1/authority/cases/" + id + "/reject",
                                       R"({"reason":"Αναρμόδια αρχή"})");
        QCOMPARE(rejected.status, 200);
        ++authorityOps_;
        QCOMPARE(caseOf(rejected).value("status").toString(), QStringLiteral("rejected"));
    }

    // Every op the authority routes made is a history entry or field change with a stored result
    // and an audit entry (issue 9: the server's own devices go through the same core).
    void historyResultsAndAuditEntriesRecorded() {
        auto db = kep::db::Database::open(server_.dataDir().toStdString() + "/kep.db",
                                          {.mode = kep::db::OpenMode::ReadOnly});
        auto results = db.prepare(
            "SELECT count(*), coalesce(sum(l.outcome = 0), 0), max(d.last_applied_seq) "
            "FROM sync_result l JOIN sync_device d ON d.device_no = l.device_no "
            "WHERE d.device_id = 'server:authority'");
        QVERIFY(results.step());
        // One stored result per sequence the device consumed, refused ops included.
        QCOMPARE(results.int64(0), results.int64(2));
        QCOMPARE(results.int64(1), std::int64_t(authorityOps_));
        auto entries = db.prepare(
            "SELECT count(*), coalesce(sum(outcome = 'applied'), 0), "
            "coalesce(sum(purpose = 'authority_processing'), 0) FROM audit_entry "
            "WHERE workstation = 'server:authority' AND action LIKE 'case.%'");
        QVERIFY(entries.step());
        QCOMPARE(entries.int64(0), results.int64(0));
        QCOMPARE(entries.int64(1), std::int64_t(authorityOps_));
        QCOMPARE(entries.int64(2), results.int64(0));
        auto history = db.prepare(
            "SELECT count(*) FROM sync_case_history WHERE actor_role IN ('authority', "
            "'authority_system')");
        QVERIFY(history.step());
        // Every applied op but the result field is a status change.
        QCOMPARE(history.int64(0), std::int64_t(authorityOps_ - 1));
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_AuthorityRoutes)
#include "tst_authority_routes.moc"
