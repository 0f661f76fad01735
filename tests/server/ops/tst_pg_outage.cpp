// kep-server on PostgreSQL while the database stops and starts again under it (issue 10), on a
// cluster of the test's own: /readyz says 503 (the database unreachable, nothing of the DSN)
// during the outage and 200 again after it, with no restart of kep-server; a push during the
// outage gets a server error and is not acknowledged; sent again after it, it is applied, and a
// pull serves every case acknowledged. A restart no request saw is ready at the first probe.
#include "DeskFlow.h"
#include "PgOwnCluster.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTest>

#include <set>
#include <string>
#include <vector>

using kep::test::PgOwnCluster;
using kep::test::ServerProcess;
using kep::test::SyncDesk;
using kep::test::SyncTestKit;

namespace {

// The ops' outcomes, or an empty vector when the push got no answer of the server's (the
// transport's error in `error`).
std::vector<kep::sync::OpOutcome> pushOnce(SyncDesk& desk,
                                           const std::vector<kep::sync::OutboxOp>& ops,
                                           kep::sync::TransportError& error) {
    const auto answer = desk.transport->push(desk.batch(ops));
    std::vector<kep::sync::OpOutcome> outcomes;
    if (const auto* response = std::get_if<kep::sync::PushResponse>(&answer)) {
        for (const auto& result : response->results) {
            outcomes.push_back(result.settledOutcome());
        }
    } else {
        error = std::get<kep::sync::TransportError>(answer);
    }
    return outcomes;
}

bool allApplied(const std::vector<kep::sync::OpOutcome>& outcomes, std::size_t expected) {
    return outcomes.size() == expected &&
           std::all_of(outcomes.begin(), outcomes.end(),
                       [](auto outcome) { return outcome == kep::sync::OpOutcome::Applied; });
}

}  // namespace

class tst_PgOutage : public QObject {
    Q_OBJECT

    PgOwnCluster cluster_;
    ServerProcess server_;
    std::unique_ptr<SyncTestKit> kit_;

    int readyStatus(std::string* body = nullptr) {
        const auto response = kit_->identity().anonymousClient()->get("/readyz");
        if (body != nullptr) {
            *body = response.body;
        }
        return response.status;
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(cluster_.start(), qPrintable(cluster_.errorString()));
        QVERIFY2(server_.runOnce(
                     {"init", "--data", server_.dataDir(), "--dsn", cluster_.dsn(), "--demo"}) == 0,
                 server_.lastOutput().constData());
        QVERIFY2(server_.serve(), qPrintable(server_.errorString()));
        kit_ = std::make_unique<SyncTestKit>(server_);
        QVERIFY2(kit_->setUp(), qPrintable(kit_->errorString()));
    }

    void aServerOutlivesItsDatabaseRestarting() {
        auto desk = kit_->enrolDesk("0101");
        QVERIFY2(desk, qPrintable(kit_->errorString()));
        const auto clerk = kit_->actor(*desk, "clerk");
        QVERIFY2(clerk, qPrintable(kit_->errorString()));
        std::set<std::string> acked;
        const auto newBatch = [&] {
            std::vector<kep::sync::OutboxOp> ops;
            for (int i = 0; i < 5; ++i) {
                ops.push_back(desk->newCase(*clerk));
            }
            return ops;
        };
        const auto remember = [&acked](const std::vector<kep::sync::OutboxOp>& ops) {
            for (const auto& op : ops) {
                acked.insert(op.entity.id);
            }
        };
        kep::sync::TransportError error;
        const auto before = newBatch();
        QVERIFY2(allApplied(pushOnce(*desk, before, error), before.size()), error.message.c_str());
        remember(before);
        QCOMPARE(readyStatus(), 200);

        QVERIFY2(cluster_.stopServer(), qPrintable(cluster_.errorString()));
        std::string body;
        QCOMPARE(readyStatus(&body), 503);
        QVERIFY2(body.find("database is unreachable") != std::string::npos, body.c_str());
        QVERIFY2(body.find(cluster_.filePath("").toStdString()) == std::string::npos &&
                     body.find("host=") == std::string::npos,
                 body.c_str());
        const auto during = newBatch();
        QVERIFY(pushOnce(*desk, during, error).empty());
        QVERIFY2(error.kind == kep::sync::TransportError::Kind::ServerError, error.message.c_str());
        QCOMPARE(readyStatus(), 503);  // still down: asked again, still not ready

        QVERIFY2(cluster_.startServer(), qPrintable(cluster_.errorString()));
        QElapsedTimer back;
        back.start();
        QTRY_COMPARE_WITH_TIMEOUT(readyStatus(), 200, 10000);
        qInfo("ready %lld ms after the database was back; while down it said %s",
              static_cast<long long>(back.elapsed()), body.c_str());
        QVERIFY(server_.isRunning());
        // The batch that failed, sent again as a desk does (same ops, same sequence numbers).
        QVERIFY2(allApplied(pushOnce(*desk, during, error), during.size()), error.message.c_str());
        remember(during);
        const auto after = newBatch();
        QVERIFY2(allApplied(pushOnce(*desk, after, error), after.size()), error.message.c_str());
        remember(after);

        auto reading = kit_->enrolDesk("0101");
        QVERIFY2(reading, qPrintable(kit_->errorString()));
        std::string pullError;
        const auto served = kep::test::pullOfficeCases(*reading, pullError);
        QVERIFY2(pullError.empty(), pullError.c_str());
        for (const auto& id : acked) {
            QVERIFY2(served.contains(id), id.c_str());
        }
        QCOMPARE(served.size(), acked.size());
    }

    // A restart that no request saw: every connection of the server is stale, and still the
    // first probe says ready and the first push is applied.
    void anUnseenRestartIsReadyAtTheFirstProbe() {
        auto desk = kit_->enrolDesk("0101");
        QVERIFY2(desk, qPrintable(kit_->errorString()));
        const auto clerk = kit_->actor(*desk, "clerk");
        QVERIFY2(clerk, qPrintable(kit_->errorString()));
        QVERIFY2(cluster_.stopServer(), qPrintable(cluster_.errorString()));
        QVERIFY2(cluster_.startServer(), qPrintable(cluster_.errorString()));
        QCOMPARE(readyStatus(), 200);
        kep::sync::TransportError error;
        const std::vector<kep::sync::OutboxOp> ops{desk->newCase(*clerk)};
        QVERIFY2(allApplied(pushOnce(*desk, ops, error), ops.size()), error.message.c_str());
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_PgOutage)
#include "tst_pg_outage.moc"
