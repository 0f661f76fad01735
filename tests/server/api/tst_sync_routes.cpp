// The sync routes against a real kep-server over TLS: a push → pull round trip through the desk's
// engine and the HTTPS transport, duplicates, crafted requests for another office or device,
// the protocol version rules, and the catalogue and directory buckets.
#include "SyncTestKit.h"
#include "db/Database.h"
#include "shared/sync/MemoryDeskStore.h"
#include "shared/sync/SyncClient.h"
#include "shared/sync/SyncProtocol.h"

#include <QFileInfo>
#include <QTest>

#include <algorithm>
#include <set>

using kep::sync::OpOutcome;
using kep::test::errorCodeOf;
using kep::test::ServerProcess;
using kep::test::SyncDesk;
using kep::test::SyncTestKit;

namespace {

// A read desk A's clerk made at the counter, as the desk audits it (issue 9).
kep::audit::AuditEntry deskRead(const std::string& device, const kep::cases::Actor& actor,
                                const std::string& office) {
    static kep::domain::UuidV7Generator ids;
    return {ids.next().toString(),
            "2026-11-27T14:03:05.123Z",
            "user",
            actor.id,
            std::string{kep::cases::toString(actor.role)},
            office,
            device,
            "case.read",
            "case",
            ids.next().toString(),
            "counter_service",
            "ok"};
}

QString nameOf(std::optional<OpOutcome> outcome) {
    return outcome ? QString::fromUtf8(kep::sync::toString(*outcome).data()) : QString("none");
}

}  // namespace

class tst_SyncRoutes : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;
    std::unique_ptr<SyncTestKit> kit_;
    std::optional<SyncDesk> deskA_;      // office 0101
    std::optional<SyncDesk> deskB_;      // office 0101
    std::optional<SyncDesk> deskThess_;  // office 0202
    kep::cases::Actor clerk_;            // of 0101
    kep::cases::Actor clerkThess_;       // of 0202

    kep::sync::PushResponse pushOk(SyncDesk& desk, const kep::sync::PushRequest& request) {
        auto result = desk.transport->push(request);
        if (auto* error = std::get_if<kep::sync::TransportError>(&result)) {
            qWarning("push failed: %s", error->message.c_str());
            return {};
        }
        return std::get<kep::sync::PushResponse>(result);
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server_.start(true), qPrintable(server_.errorString()));
        kit_ = std::make_unique<SyncTestKit>(server_);
        QVERIFY2(
            kit_->setUpWithDesks({{&deskA_, "0101"}, {&deskB_, "0101"}, {&deskThess_, "0202"}}),
            qPrintable(kit_->errorString()));
        auto clerk = kit_->actor(*deskA_, "clerk");
        auto clerkThess = kit_->actor(*deskThess_, "clerk.thess");
        QVERIFY2(clerk && clerkThess, qPrintable(kit_->errorString()));
        clerk_ = *clerk;
        clerkThess_ = *clerkThess;
    }

    // Desk A files through its engine; desk B of the same office pulls the case.
    void roundTripThroughTheEngine() {
        kep::sync::MemoryDeskStore storeA;
        kep::sync::MemoryDeskStore storeB;
        kep::domain::HybridLogicalClock hlcA;
        kep::domain::HybridLogicalClock hlcB;
        const auto now = [] {
            return std::chrono::time_point_cast<std::chrono::milliseconds>(
                std::chrono::system_clock::now());
        };
        kep::sync::SyncClientConfig configA;
        configA.deviceId = deskA_->deviceId();
        configA.buckets = {deskA_->bucket()};
        kep::sync::SyncClientConfig configB;
        configB.deviceId = deskB_->deviceId();
        configB.buckets = {deskB_->bucket()};
        kep::sync::SyncClient engineA(configA, storeA, storeA, *deskA_->transport, hlcA, now,
                                      [] { return std::uint64_t{4}; });
        kep::sync::SyncClient engineB(configB, storeB, storeB, *deskB_->transport, hlcB, now,
                                      [] { return std::uint64_t{4}; });
        for (int i = 0; i < 3; ++i) {
            auto op = deskA_->newCase(clerk_);
            storeA.append(op, now());
        }
        while (engineA.step()) {
        }
        QCOMPARE(storeA.pendingCount(), std::size_t(0));
        QVERIFY2(engineA.status().lastError.empty(), engineA.status().lastError.c_str());
        QCOMPARE(storeA.needsAttention().size(), std::size_t(0));
        while (engineB.step()) {
        }
        QVERIFY2(engineB.status().lastError.empty(), engineB.status().lastError.c_str());
        const auto rows = storeB.rowsIn(deskB_->bucket());
        QCOMPARE(rows.size(), std::size_t(3));
        for (const auto& row : rows) {
            QCOMPARE(row.fields.at("filed_by"), clerk_.id);
            QCOMPARE(row.fields.at("status"), std::string("draft"));
            QCOMPARE(row.version, std::int64_t(1));
        }
    }

    // The same batch twice: the second answer is the first's, as duplicates.
    void duplicatesAreAnsweredTheSame() {
        const auto request = deskA_->batch({deskA_->newCase(clerk_), deskA_->newCase(clerk_)});
        const auto first = pushOk(*deskA_, request);
        QCOMPARE(first.results.size(), std::size_t(2));
        const auto second = pushOk(*deskA_, request);
        QCOMPARE(second.results.size(), std::size_t(2));
        QCOMPARE(second.lastAppliedSeq, first.lastAppliedSeq);
        for (std::size_t i = 0; i < 2; ++i) {
            QCOMPARE(nameOf(first.results[i].outcome), QString("applied"));
            QCOMPARE(nameOf(second.results[i].outcome), QString("duplicate"));
            QCOMPARE(nameOf(second.results[i].original), QString("applied"));
            QCOMPARE(second.results[i].opId, first.results[i].opId);
            QCOMPARE(second.results[i].serverVersion, first.results[i].serverVersion);
        }
    }

    // A push naming another device is refused whole; ops for another office or by another
    // office's user are answered rejected and never applied.
    void anotherDeviceOrOfficeIsRefused_data() {
        QTest::addColumn<QString>("craft");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        QTest::newRow("another device of the same office") << "device" << 403 << "wrong_device";
        QTest::newRow("another office's device") << "thess-device" << 403 << "wrong_device";
        QTest::newRow("another office's bucket") << "bucket" << 200 << "bucket_forbidden";
        QTest::newRow("another office's user") << "actor" << 200 << "actor_forbidden";
        QTest::newRow("an unknown user") << "unknown-actor" << 200 << "actor_forbidden";
    }
    void anotherDeviceOrOfficeIsRefused() {
        QFETCH(QString, craft);
        QFETCH(int, status);
        QFETCH(QString, reason);
        auto op = deskA_->newCase(clerk_);
        auto request = deskA_->batch({op});
        if (craft == "device" || craft == "thess-device") {
            request.deviceId = craft == "device" ? deskB_->deviceId() : deskThess_->deviceId();
            request.ops[0].deviceId = request.deviceId;
        } else if (craft == "bucket") {
            request.ops[0].bucket = deskThess_->bucket();
        } else if (craft == "actor") {
            request.ops[0].actor = clerkThess_;
        } else {
            request.ops[0].actor.id = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
        }
        const auto response = deskA_->client->post("/api/v1/sync/push", kep::sync::encode(request));
        QCOMPARE(response.status, status);
        if (status != 200) {
            QCOMPARE(errorCodeOf(response), reason);
            deskA_->nextSeq -= 1;  // nothing was applied
            return;
        }
        const auto answer = kep::sync::decodePushResponse(response.body);
        QCOMPARE(nameOf(answer.results.at(0).outcome), QString("rejected"));
        QVERIFY2(answer.results.at(0).reason.starts_with(reason.toStdString()),
                 answer.results.at(0).reason.c_str());
        // Office 0202 never sees it.
        auto pulled = kep::test::pullOnce(*deskThess_->transport, deskThess_->bucket(), 0);
        QVERIFY(pulled);
        for (const auto& change : pulled->changes) {
            QVERIFY(change.entity.id != op.entity.id);
        }
    }

    // Pulls: another office's bucket is 403 whatever the request says; unknown kinds too.
    // The desk's own audit entries: written with the push, or the whole push refused (400)
    // when one is of another device or office — and then nothing is written. The user an entry
    // names is recorded as the desk reports it (a clerk may have been moved since an offline read).
    void deskAuditEntriesAreWrittenOrRefusedWhole_data() {
        QTest::addColumn<QString>("craft");
        QTest::addColumn<int>("status");
        QTest::newRow("desk A's own") << "none" << 200;
        QTest::newRow("another device") << "device" << 400;
        QTest::newRow("another office") << "office" << 400;
        QTest::newRow("another office's user") << "actor" << 200;
    }
    void deskAuditEntriesAreWrittenOrRefusedWhole() {
        QFETCH(QString, craft);
        QFETCH(int, status);
        auto request = deskA_->batch({deskA_->newCase(clerk_)});
        const std::string office = deskA_->bucket().substr(std::string_view("office:").size());
        request.audit = {deskRead(deskA_->deviceId(), clerk_, office),
                         deskRead(deskA_->deviceId(), clerk_, office)};
        auto& crafted = request.audit[1];
        if (craft == "device") {
            crafted.workstation = deskB_->deviceId();
        } else if (craft == "office") {
            crafted.office = "0202";
        } else if (craft == "actor") {
            crafted.actorId = clerkThess_.id;
        }
        const auto response = deskA_->client->post("/api/v1/sync/push", kep::sync::encode(request));
        QCOMPARE(response.status, status);
        auto db = kep::db::Database::open(server_.dataDir().toStdString() + "/kep.db",
                                          {.mode = kep::db::OpenMode::ReadOnly});
        auto written =
            db.prepare("SELECT count(*) FROM audit_entry WHERE entry_id IN (?1, ?2, ?3)");
        written.bind(1, request.audit[0].entryId)
            .bind(2, request.audit[1].entryId)
            .bind(3, request.ops[0].opId.toString());
        QVERIFY(written.step());
        if (status != 200) {
            QCOMPARE(errorCodeOf(response), QString("invalid_audit_entry"));
            QVERIFY2(response.body.find("audit[1]") != std::string::npos, response.body.c_str());
            QCOMPARE(written.int64(0), std::int64_t{0});
            deskA_->nextSeq -= 1;  // nothing was applied
            return;
        }
        QCOMPARE(written.int64(0), std::int64_t{3});  // the op's entry and the desk's two
    }

    void pullOfAnotherOfficeIsRefused_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("own office") << "protocol=1&bucket=office:0101" << 200 << "";
        QTest::newRow("another office") << "protocol=1&bucket=office:0202" << 403 << "forbidden";
        QTest::newRow("an office that does not exist")
            << "protocol=1&bucket=office:9999" << 403 << "forbidden";
        QTest::newRow("another kind of bucket") << "protocol=1&bucket=audit" << 403 << "forbidden";
        QTest::newRow("not a bucket name")
            << "protocol=1&bucket=Office:0101" << 400 << "invalid_query";
        QTest::newRow("no bucket") << "protocol=1" << 400 << "invalid_query";
        QTest::newRow("negative cursor")
            << "protocol=1&bucket=office:0101&cursor=-1" << 400 << "invalid_query";
        QTest::newRow("limit above the maximum")
            << "protocol=1&bucket=office:0101&limit=1001" << 400 << "invalid_query";
    }
    void pullOfAnotherOfficeIsRefused() {
        QFETCH(QString, target);
        QFETCH(int, status);
        QFETCH(QString, code);
        const auto response = deskA_->client->get("/api/v1/sync/pull?" + target.toStdString());
        QCOMPARE(response.status, status);
        if (!code.isEmpty()) {
            QCOMPARE(errorCodeOf(response), code);
        }
    }

    // The current and the previous version are accepted; anything else is a 400 naming them.
    void protocolVersionRules_data() {
        QTest::addColumn<QString>("version");
        QTest::addColumn<int>("status");
        for (int v = kep::sync::kOldestAcceptedProtocolVersion; v <= kep::sync::kProtocolVersion;
             ++v) {
            QTest::addRow("accepted %d", v) << QString::number(v) << 200;
        }
        QTest::newRow("older") << QString::number(kep::sync::kOldestAcceptedProtocolVersion - 1)
                               << 400;
        QTest::newRow("newer") << QString::number(kep::sync::kProtocolVersion + 1) << 400;
        QTest::newRow("not a number") << "one" << 400;
        QTest::newRow("absent") << "" << 400;
    }
    void protocolVersionRules() {
        QFETCH(QString, version);
        QFETCH(int, status);
        const std::string query =
            version.isEmpty() ? "" : "protocol=" + version.toStdString() + "&";
        const auto pulled =
            deskA_->client->get("/api/v1/sync/pull?" + query + "bucket=" + deskA_->bucket());
        QCOMPARE(pulled.status, status);
        std::string body = "{\"deviceId\":\"" + deskA_->deviceId() + "\",\"ops\":[]";
        if (!version.isEmpty()) {
            const bool number = version.toInt() != 0 || version == "0";
            body += ",\"protocol\":" +
                    (number ? version.toStdString() : "\"" + version.toStdString() + "\"");
        }
        body += "}";
        const auto pushed = deskA_->client->post("/api/v1/sync/push", body);
        QCOMPARE(pushed.status, status);
        const auto socket = deskA_->client->request("GET", "/api/v1/sync/ws?" + query, {}, {},
                                                    kep::test::webSocketUpgrade());
        QCOMPARE(socket.status, status == 200 ? 101 : 400);
        deskA_->client->close();
        if (status == 400) {
            for (const kep::net::Response* answer : {&pulled, &pushed, &socket}) {
                QCOMPARE(errorCodeOf(*answer), QStringLiteral("unsupported_protocol"));
                QVERIFY2(answer->body.find("accepted: ") != std::string::npos,
                         answer->body.c_str());
            }
        }
    }

    // Bounded: a batch above the protocol's op limit is a 400 that says so.
    void oversizedBatchIsRefused() {
        kep::sync::PushRequest request = deskA_->batch({});
        const auto op = deskA_->newCase(clerk_);
        deskA_->nextSeq -= 1;
        for (int i = 0; i < 1001; ++i) {
            auto copy = op;
            copy.deviceSeq = op.deviceSeq + i;
            copy.fields = {{"n", "1"}};
            request.ops.push_back(std::move(copy));
        }
        const auto response = deskA_->client->post("/api/v1/sync/push", kep::sync::encode(request));
        QCOMPARE(response.status, 400);
        QCOMPARE(errorCodeOf(response), QStringLiteral("invalid_sync_request"));
        QVERIFY2(response.body.find("ops") != std::string::npos, response.body.c_str());
    }

    // The catalogue bucket: one change per published procedure, pulled to the end.
    void catalogueBucketListsThePublishedProcedures() {
        std::int64_t cursor = 0;
        std::size_t procedures = 0;
        for (int page = 0; page < 100; ++page) {
            QString error;
            auto pulled = kep::test::pullOnce(*deskThess_->transport, "catalogue", cursor, &error);
            QVERIFY2(pulled, qPrintable(error));
            for (const auto& change : pulled->changes) {
                QCOMPARE(change.entity.type, std::string("procedure"));
                QVERIFY(change.deleted || change.fields.at("record").starts_with("{"));
                ++procedures;
            }
            QVERIFY(pulled->cursor >= cursor);
            cursor = pulled->cursor;
            if (!pulled->hasMore) {
                break;
            }
        }
        QVERIFY(procedures >= 1);
        auto again = kep::test::pullOnce(*deskThess_->transport, "catalogue", cursor);
        QVERIFY(again);
        QCOMPARE(again->changes.size(), std::size_t(0));
        QCOMPARE(again->cursor, cursor);
    }

    // The directory: every office, and the users of the caller's office only.
    void directoryBucketHoldsTheOfficesUsers() {
        auto pulled = kep::test::pullOnce(*deskThess_->transport, "directory", 0);
        QVERIFY(pulled);
        QVERIFY(!pulled->hasMore);
        std::set<std::string> offices;
        std::set<std::string> users;
        for (const auto& change : pulled->changes) {
            if (change.entity.type == "office") {
                offices.insert(change.entity.id);
            } else {
                QCOMPARE(change.entity.type, std::string("user"));
                QCOMPARE(change.fields.at("office"), std::string("0202"));
                QVERIFY(!change.fields.contains("password_hash"));
                users.insert(change.fields.at("username"));
            }
        }
        QVERIFY(offices.contains("0101") && offices.contains("0202"));
        QVERIFY(users.contains("clerk.thess"));
        QVERIFY(!users.contains("clerk"));
        // Nothing changed: nothing more, and the cursor stays.
        auto again = kep::test::pullOnce(*deskThess_->transport, "directory", pulled->cursor);
        QVERIFY(again);
        QCOMPARE(again->changes.size(), std::size_t(0));
        QCOMPARE(again->cursor, pulled->cursor);
        // A new user of the office: a new snapshot above the old cursor.
        QCOMPARE(kit_->identity().command({"user", "add", "--office", "0202", "--role", "clerk",
                                           "--username", "sync.new"},
                                          "Sync test passphrase 1"),
                 0);
        auto fresh = kep::test::pullOnce(*deskThess_->transport, "directory", pulled->cursor);
        QVERIFY(fresh);
        QVERIFY(fresh->cursor > pulled->cursor);
        QVERIFY(std::any_of(fresh->changes.begin(), fresh->changes.end(), [](const auto& c) {
            return c.fields.contains("username") && c.fields.at("username") == "sync.new";
        }));
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_SyncRoutes)
#include "tst_sync_routes.moc"
