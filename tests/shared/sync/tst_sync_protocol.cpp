// The sync protocol's codec: every message survives encode → decode, and bad input (not JSON,
// wrong types, out-of-range numbers, broken order, oversize) fails with an error naming the
// member — and never quoting a field's value.
#include <QTest>

#include <functional>

#include "shared/sync/SyncProtocol.h"

using namespace kep;
using namespace kep::sync;

namespace {

domain::Uuid uuid(std::string_view text) {
    return *domain::Uuid::parse(text);
}

const domain::Uuid kOp1 = uuid("01890a5d-ac96-774b-bcce-b302099a8057");
const domain::Uuid kOp2 = uuid("01890a5d-ac96-774b-bcce-b302099a8058");
const domain::Uuid kOp3 = uuid("01890a5d-ac96-774b-bcce-b302099a8059");

OutboxOp makeOp(const domain::Uuid& id, std::int64_t seq, OpKind kind) {
    OutboxOp op;
    op.opId = id;
    op.deviceId = "desk-0101-01";
    op.deviceSeq = seq;
    op.hlc = {1'700'000'000'000, 3};
    op.baseVersion = 4;
    op.kind = kind;
    op.entity = {"case", "01890a5d-ac96-774b-bcce-b302099a0001"};
    op.bucket = "office:0101";
    op.actor = {"u-clerk-1", cases::ActorRole::Clerk};
    if (kind == OpKind::Transition) {
        op.toStatus = "withdrawn";
        op.reason = "Ο πολίτης απέσυρε την αίτηση";
    } else {
        op.fields = {{"phone", "+30 210 0000000"}, {"notes", "γραμμή 1\n\"quoted\""}};
    }
    return op;
}

PushRequest validPush() {
    return {kProtocolVersion,
            "desk-0101-01",
            {makeOp(kOp1, 1, OpKind::Create), makeOp(kOp2, 2, OpKind::SetFields),
             makeOp(kOp3, 3, OpKind::Transition)}};
}

// A desk's own audit entry: a case opened at the counter.
audit::AuditEntry deskEntry(std::string entryId) {
    return {std::move(entryId),
            "2026-11-27T14:03:05.123Z",
            "user",
            "u-clerk-1",
            "clerk",
            "0101",
            "desk-0101-01",
            "case.read",
            "case",
            "01890a5d-ac96-774b-bcce-b302099a0001",
            "counter_service",
            "ok"};
}

PushRequest pushWithAudit() {
    PushRequest push = validPush();
    push.audit = {deskEntry("01890a5d-ac96-774b-bcce-b302099a9001"),
                  deskEntry("01890a5d-ac96-774b-bcce-b302099a9002")};
    return push;
}

PushResponse validPushResponse() {
    PushResponse r;
    r.results.push_back({kOp1, 1, OpOutcome::Applied, std::nullopt, "", 1});
    r.results.push_back({kOp2, 2, OpOutcome::Duplicate, OpOutcome::Conflict, "field_clash: x", 2});
    r.results.push_back({kOp3, 3, OpOutcome::Rejected, std::nullopt, "own_case: four eyes", {}});
    r.lastAppliedSeq = 3;
    r.serverHlc = {1'700'000'000'500, 0};
    return r;
}

PullResponse validPullResponse() {
    PullResponse r;
    r.bucket = "office:0101";
    r.changes.push_back({5, {"case", "c-1"}, 1, {{"status", "submitted"}}, false});
    r.changes.push_back({9, {"conflict", "c-1/1"}, 3, {}, true});
    r.cursor = 12;
    r.hasMore = true;
    r.serverHlc = {1'700'000'000'500, 7};
    return r;
}

std::string replaced(std::string text, std::string_view from, std::string_view to) {
    const auto at = text.find(from);
    if (at == std::string::npos) {
        qFatal("test fixture: '%.*s' not in the encoded message", static_cast<int>(from.size()),
               from.data());
    }
    text.replace(at, from.size(), to);
    return text;
}

using Decoder = std::function<void(const std::string&, const ProtocolLimits&)>;

Decoder decoderFor(const QString& name) {
    if (name == "push") {
        return [](const std::string& s, const ProtocolLimits& l) { decodePushRequest(s, l); };
    }
    if (name == "pushResponse") {
        return [](const std::string& s, const ProtocolLimits& l) { decodePushResponse(s, l); };
    }
    if (name == "pull") {
        return [](const std::string& s, const ProtocolLimits& l) { decodePullRequest(s, l); };
    }
    if (name == "pullResponse") {
        return [](const std::string& s, const ProtocolLimits& l) { decodePullResponse(s, l); };
    }
    return [](const std::string& s, const ProtocolLimits& l) { decodeNudge(s, l); };
}

}  // namespace

class tst_SyncProtocol : public QObject {
    Q_OBJECT

private slots:
    void roundTrips() {
        const PushRequest push = validPush();
        QCOMPARE(decodePushRequest(encode(push)), push);
        const PushRequest audited = pushWithAudit();
        QCOMPARE(decodePushRequest(encode(audited)), audited);
        // Only audit entries (a desk that read but changed nothing) is a push too.
        PushRequest readsOnly = pushWithAudit();
        readsOnly.ops.clear();
        QCOMPARE(decodePushRequest(encode(readsOnly)), readsOnly);
        const PushResponse pushResponse = validPushResponse();
        QCOMPARE(decodePushResponse(encode(pushResponse)), pushResponse);
        const PullRequest pull{kProtocolVersion, "catalogue", 42, 250};
        QCOMPARE(decodePullRequest(encode(pull)), pull);
        const PullResponse pullResponse = validPullResponse();
        QCOMPARE(decodePullResponse(encode(pullResponse)), pullResponse);
        const Nudge nudge{kProtocolVersion, "directory", 77};
        QCOMPARE(decodeNudge(encode(nudge)), nudge);
    }

    void theAuditArrayIsOptional() {
        // Version 2 without "audit" (every desk before issue 9) decodes as no entries, and a
        // push without entries is encoded without the member, as before.
        const std::string plain = encode(validPush());
        QVERIFY(plain.find("\"audit\"") == std::string::npos);
        QVERIFY(decodePushRequest(plain).audit.empty());
        QVERIFY(encode(pushWithAudit()).find("\"audit\":[") != std::string::npos);
    }

    void thePreviousVersionIsStillAccepted() {
        // Desks are upgraded office by office: every message of the previous version decodes.
        static_assert(kOldestAcceptedProtocolVersion == kProtocolVersion - 1);
        const int previous = kOldestAcceptedProtocolVersion;
        PushRequest push = validPush();
        push.protocol = previous;
        QCOMPARE(decodePushRequest(encode(push)).protocol, previous);
        PushResponse pushResponse = validPushResponse();
        pushResponse.protocol = previous;
        QCOMPARE(decodePushResponse(encode(pushResponse)), pushResponse);
        QCOMPARE(decodePullRequest(encode(PullRequest{previous, "catalogue", 1, 10})).protocol,
                 previous);
        QCOMPARE(decodeNudge(encode(Nudge{previous, "catalogue", 3})).protocol, previous);
    }

    void everyMessageNamesItsProtocolVersion() {
        const std::string marker = "\"protocol\":" + std::to_string(kProtocolVersion);
        QVERIFY(encode(validPush()).find(marker) != std::string::npos);
        QVERIFY(encode(validPushResponse()).find(marker) != std::string::npos);
        QVERIFY(encode(PullRequest{}).find(marker) != std::string::npos);
        QVERIFY(encode(validPullResponse()).find(marker) != std::string::npos);
        QVERIFY(encode(Nudge{}).find(marker) != std::string::npos);
    }

    void badInput_data() {
        QTest::addColumn<QString>("decoder");
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("error");

        const std::string push = encode(validPush());
        const std::string pushResponse = encode(validPushResponse());
        const std::string pull = encode(PullRequest{kProtocolVersion, "office:0101", 0, 100});
        const std::string pullResponse = encode(validPullResponse());
        const std::string nudge = encode(Nudge{kProtocolVersion, "office:0101", 5});
        auto row = [](const char* name, const char* decoder, const std::string& json,
                      const char* error) {
            QTest::newRow(name) << QString(decoder) << QString::fromStdString(json)
                                << QString(error);
        };

        const std::string current = "\"protocol\":" + std::to_string(kProtocolVersion);
        const std::string accepted =
            "(accepted: " + std::to_string(kOldestAcceptedProtocolVersion) + " to " +
            std::to_string(kProtocolVersion) + ")";
        const std::string future = std::to_string(kProtocolVersion + 1);
        const std::string tooOld = std::to_string(kOldestAcceptedProtocolVersion - 1);
        row("not json", "push", "{\"protocol\":1,", "push request: not valid JSON");
        row("not an object", "nudge", "[1,2]", "nudge: must be an object");
        row("no protocol", "push", replaced(push, current + ",", ""),
            "push request: protocol: is missing");
        row("future protocol", "push", replaced(push, current, "\"protocol\":" + future),
            ("protocol: version " + future + " is not supported " + accepted).c_str());
        row("protocol too old", "pull", replaced(pull, current, "\"protocol\":" + tooOld),
            ("protocol: version " + tooOld + " is not supported " + accepted).c_str());
        row("protocol as text", "pull", replaced(pull, current, "\"protocol\":\"1\""),
            "protocol: must be an integer");
        row("seq zero", "push", replaced(push, "\"deviceSeq\":1", "\"deviceSeq\":0"),
            "push request: ops[0].deviceSeq: must be at least 1");
        row("seq huge", "push",
            replaced(push, "\"deviceSeq\":1", "\"deviceSeq\":18446744073709551615"),
            "ops[0].deviceSeq: is too large");
        row("seq not ascending", "push", replaced(push, "\"deviceSeq\":2", "\"deviceSeq\":1"),
            "ops[1].deviceSeq: must be above the previous op's");
        row("op id not v7", "push", replaced(push, "01890a5d-ac96-774b", "01890a5d-ac96-474b"),
            "ops[0].opId: must be a UUIDv7");
        row("hlc malformed", "push",
            replaced(push, "\"hlc\":\"018bcfe56800", "\"hlc\":\"018BCFE56800"),
            "ops[0].hlc: must be an HLC timestamp");
        row("unknown kind", "push", replaced(push, "\"kind\":\"create\"", "\"kind\":\"delete\""),
            "ops[0].kind: must be create, set_fields or transition");
        row("other device's op", "push",
            replaced(push, "\"deviceId\":\"desk-0101-01\",\"deviceSeq\":2",
                     "\"deviceId\":\"desk-0202-01\",\"deviceSeq\":2"),
            "ops[1].deviceId: differs from the request's deviceId");
        PushRequest noFields = validPush();
        noFields.ops[1].fields.clear();
        row("set_fields without fields", "push", encode(noFields),
            "ops[1].payload.fields: set_fields needs at least one field");
        row("field value not text", "push",
            replaced(push, "\"phone\":\"+30 210 0000000\"", "\"phone\":302100000000"),
            "ops[0].payload.fields.phone: must be a string");
        row("bucket syntax", "pull", replaced(pull, "office:0101", "Office 0101"),
            "pull request: bucket: is not a bucket name");
        row("unknown role", "push", replaced(push, "\"role\":\"clerk\"", "\"role\":\"king\""),
            "ops[0].actor.role: is not a known role");
        row("entity id with space", "push",
            replaced(push, "\"id\":\"01890a5d-ac96-774b-bcce-b302099a0001\"", "\"id\":\"a b\""),
            "ops[0].entity.id: must be printable ASCII without spaces");
        row("entity type upper case", "push",
            replaced(push, "\"type\":\"case\"", "\"type\":\"Case\""),
            "ops[0].entity.type: must be lower-case letters");
        row("pull limit zero", "pull", replaced(pull, "\"limit\":100", "\"limit\":0"),
            "pull request: limit: must be at least 1");
        row("pull limit too big", "pull", replaced(pull, "\"limit\":100", "\"limit\":5001"),
            "limit: must be at most 5000");
        row("change above cursor", "pullResponse",
            replaced(pullResponse, "\"cursor\":12", "\"cursor\":8"),
            "changes[1].seq: is above the response's cursor");
        row("changes out of order", "pullResponse",
            replaced(pullResponse, "\"seq\":9", "\"seq\":5"),
            "changes[1].seq: must be above the previous change's");
        row("hasMore missing", "pullResponse", replaced(pullResponse, "\"hasMore\":true,", ""),
            "pull response: hasMore: is missing");
        row("duplicate without original", "pushResponse",
            replaced(pushResponse, "\"original\":\"conflict\",", ""),
            "results[1].original: is required for a duplicate and only for one");
        row("unknown outcome", "pushResponse",
            replaced(pushResponse, "\"outcome\":\"applied\"", "\"outcome\":\"maybe\""),
            "results[0].outcome: is not a known outcome");
        row("negative upTo", "nudge", replaced(nudge, "\"upTo\":5", "\"upTo\":-1"),
            "nudge: upTo: must be at least 0");
        const std::string audited = encode(pushWithAudit());
        row("audit not an array", "push",
            replaced(audited, "\"audit\":[", "\"audit\":\"x\",\"later\":["),
            "push request: audit: must be an array");
        row("audit entry not an object", "push", replaced(audited, "\"audit\":[", "\"audit\":[1,"),
            "push request: audit[0]: must be an object");
        row("audit member missing", "push",
            replaced(audited, "\"purpose\":\"counter_service\",", ""),
            "push request: audit[0].purpose: is missing");
        row("audit member not text", "push",
            replaced(audited, "\"outcome\":\"ok\"", "\"outcome\":1"),
            "push request: audit[0].outcome: must be a string");
        row("audit member too long", "push",
            replaced(audited, "\"actorId\":\"u-clerk-1\"",
                     "\"actorId\":\"" + std::string(129, 'u') + "\""),
            "push request: audit[0].actorId: longer than 128 bytes");
        row("audit id not a UUID", "push",
            replaced(audited, "01890a5d-ac96-774b-bcce-b302099a9002", "entry-2"),
            "push request: audit[1]: entryId:");
        row("audit time not UTC", "push",
            replaced(audited, "2026-11-27T14:03:05.123Z", "2026-11-27 14:03"),
            "push request: audit[0]: at:");
        row("audit character not allowed", "push",
            replaced(audited, "\"recordType\":\"case\"", "\"recordType\":\"case record\""),
            "push request: audit[0]: recordType:");
        row("deep nesting", "nudge",
            "{\"protocol\":1,\"bucket\":\"a\",\"upTo\":1,\"x\":" + std::string(40, '[') +
                std::string(40, ']') + "}",
            "nudge: not valid JSON");
    }

    void badInput() {
        QFETCH(QString, decoder);
        QFETCH(QString, json);
        QFETCH(QString, error);
        try {
            decoderFor(decoder)(json.toStdString(), ProtocolLimits{});
            QFAIL("decoded without an error");
        } catch (const ProtocolError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(error), e.what());
        }
    }

    void limitsAreEnforced() {
        const std::string push = encode(validPush());
        ProtocolLimits fewOps;
        fewOps.maxOpsPerPush = 2;
        QVERIFY_THROWS_EXCEPTION(ProtocolError, decodePushRequest(push, fewOps));
        ProtocolLimits small;
        small.maxMessageBytes = push.size() - 1;
        QVERIFY_THROWS_EXCEPTION(ProtocolError, decodePushRequest(push, small));
        ProtocolLimits shortValues;
        shortValues.maxFieldValueBytes = 4;
        QVERIFY_THROWS_EXCEPTION(ProtocolError, decodePushRequest(push, shortValues));
        ProtocolLimits fewEntries;
        fewEntries.maxAuditEntriesPerPush = 1;
        QVERIFY_THROWS_EXCEPTION(ProtocolError,
                                 decodePushRequest(encode(pushWithAudit()), fewEntries));
        QCOMPARE(ProtocolLimits{}.maxAuditEntriesPerPush, std::size_t{1000});
        // The same message within default limits decodes: the limits, not the message, failed.
        QCOMPARE(decodePushRequest(push).ops.size(), std::size_t{3});
    }

    void errorsNeverQuoteFieldValues() {
        // A citizen's tax number in a field that is too long must not reach the log.
        PushRequest push = validPush();
        push.ops[0].fields["tax_id"] = "123456783" + std::string(100, 'x');
        ProtocolLimits limits;
        limits.maxFieldValueBytes = 50;
        try {
            decodePushRequest(encode(push), limits);
            QFAIL("decoded without an error");
        } catch (const ProtocolError& e) {
            const std::string what = e.what();
            QVERIFY2(what.find("ops[0].payload.fields.tax_id") != std::string::npos, e.what());
            QVERIFY2(what.find("123456783") == std::string::npos, e.what());
        }
    }

    void bucketNames_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("office") << "office:0101" << true;
        QTest::newRow("catalogue") << "catalogue" << true;
        QTest::newRow("directory") << "directory" << true;
        QTest::newRow("id with dash") << "authority:min-int_2" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("empty id") << "office:" << false;
        QTest::newRow("upper kind") << "Office:1" << false;
        QTest::newRow("two colons") << "office:1:2" << false;
        QTest::newRow("space") << "office: 1" << false;
        QTest::newRow("no kind") << ":0101" << false;
        QTest::newRow("too long") << QString("office:") + QString(60, '1') << false;
    }

    void bucketNames() {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(isValidBucketName(name.toStdString()), valid);
    }
};

QTEST_APPLESS_MAIN(tst_SyncProtocol)
#include "tst_sync_protocol.moc"
