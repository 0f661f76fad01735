// `kep-server stats --data DIR` with the real binary: cases pushed through the sync store into an
// initialised data folder come back counted by office and status; usage errors and a folder
// that was never initialised are refused with their exit codes.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "ServerProcess.h"
#include "shared/sync/SyncServerCore.h"
#include "storage/ServerStore.h"
#include "sync/SqliteSyncServerStore.h"

using namespace kep;
using namespace kep::sync;

namespace {

constexpr std::int64_t kT0 = 1'750'000'000'000;

// Files `submitted` and `drafts` cases in `bucket` from one desk; forwards `forwarded` of the
// submitted ones.
void fileCases(SyncServerStore& store, const std::string& device, const std::string& bucket,
               int submitted, int drafts, int forwarded) {
    WriteAuthority authority;
    authority.mayWriteBucket = [](std::string_view, std::string_view) { return true; };
    SyncServerCore core(store, authority, [] { return kT0; });
    domain::UuidV7Generator ids;
    PushRequest request{kProtocolVersion, device, {}};
    const auto op = [&](OpKind kind, EntityRef ref) {
        OutboxOp o;
        o.opId = ids.next();
        o.deviceId = device;
        o.deviceSeq = std::ssize(request.ops) + 1;
        o.hlc = {kT0, 0};
        o.kind = kind;
        o.entity = std::move(ref);
        o.bucket = bucket;
        o.actor = {"u-clerk", cases::ActorRole::Clerk};
        return o;
    };
    for (int i = 0; i < submitted + drafts; ++i) {
        const EntityRef ref{"case", ids.next().toString()};
        OutboxOp create = op(OpKind::Create, ref);
        create.fields = {{"status", i < submitted ? "submitted" : "draft"},
                         {"requires_approval", "false"}};
        request.ops.push_back(create);
        if (i < forwarded) {
            OutboxOp forward = op(OpKind::Transition, ref);
            forward.toStatus = "forwarded";
            request.ops.push_back(forward);
        }
    }
    for (const OpResult& r : core.push(device, request).results) {
        QCOMPARE(int(r.outcome), int(OpOutcome::Applied));
    }
}

}  // namespace

class tst_StatsCommand : public QObject {
    Q_OBJECT

private slots:
    void countsCasesByOfficeAndStatus() {
        test::ServerProcess server;
        QVERIFY2(server.init(), qPrintable(server.errorString()));
        {
            auto store =
                server::storage::ServerStore::open((server.dataDir() + "/kep.db").toStdString());
            store->addOffice({"0101", "ΚΕΠ Δήμου Αθηναίων", "Αττική"});
            server::sync::SqliteSyncServerStore sync(store->database());
            fileCases(sync, "desk-1", "office:0101", 3, 0, 1);
            fileCases(sync, "desk-2", "office:0202", 0, 2, 0);
        }
        QCOMPARE(server.runOnce({"stats", "--data", server.dataDir()}), 0);
        QJsonParseError error;
        const QJsonObject stats = QJsonDocument::fromJson(server.lastOutput(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, server.lastOutput().constData());
        QCOMPARE(stats["cases"].toInt(), 5);
        const QJsonArray offices = stats["offices"].toArray();
        QCOMPARE(offices.size(), 2);
        const QJsonObject athens = offices[0].toObject();
        QCOMPARE(athens["bucket"].toString(), QStringLiteral("office:0101"));
        QCOMPARE(athens["office"].toString(), QStringLiteral("0101"));
        QCOMPARE(athens["name"].toString(), QStringLiteral("ΚΕΠ Δήμου Αθηναίων"));
        QCOMPARE(athens["cases"].toInt(), 3);
        QCOMPARE(athens["by_status"].toObject(), (QJsonObject{{"submitted", 2}, {"forwarded", 1}}));
        const QJsonObject unregistered = offices[1].toObject();
        QCOMPARE(unregistered["office"].toString(), QStringLiteral("0202"));
        QCOMPARE(unregistered["name"].toString(), QString());
        QCOMPARE(unregistered["by_status"].toObject(), (QJsonObject{{"draft", 2}}));
    }

    void aFreshServerHasNoCases() {
        test::ServerProcess server;
        QVERIFY2(server.init(), qPrintable(server.errorString()));
        QCOMPARE(server.runOnce({"stats", "--data", server.dataDir()}), 0);
        QCOMPARE(QJsonDocument::fromJson(server.lastOutput()).object(),
                 (QJsonObject{{"cases", 0}, {"offices", QJsonArray{}}}));
    }

    void refusals_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("no --data") << QStringList{"stats"} << 2 << "stats needs --data DIR";
        QTest::newRow("--data without a value")
            << QStringList{"stats", "--data"} << 2 << "unknown argument '--data'";
        QTest::newRow("unknown argument")
            << QStringList{"stats", "--data", "x", "--all"} << 2 << "unknown argument '--all'";
        QTest::newRow("not initialised")
            << QStringList{"stats", "--data", "EMPTY"} << 3 << "is not an initialised data folder";
    }
    void refusals() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        QTemporaryDir empty;
        arguments.replaceInStrings("EMPTY", empty.path());
        test::ServerProcess server;
        QCOMPARE(server.runOnce(arguments), exitCode);
        QVERIFY2(server.lastOutput().contains(says.toUtf8()), server.lastOutput().constData());
    }
};

QTEST_GUILESS_MAIN(tst_StatsCommand)
#include "tst_stats_command.moc"
