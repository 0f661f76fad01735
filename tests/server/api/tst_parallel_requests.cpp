// Many authenticated requests at once on a server with 4 I/O threads: every route's SQLite work
// shares one connection (opened NOMUTEX), so each store must hold the ServerStore's lock. Run
// under the asan preset this catches a path that does not; in release it checks the answers.
#include "IdentityTestKit.h"

#include <QDate>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using kep::test::bearer;
using kep::test::IdentityTestKit;
using kep::test::ServerProcess;

class tst_ParallelRequests : public QObject {
    Q_OBJECT

private slots:
    void parallelAuthenticatedRequestsAllSucceed() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        ServerProcess server;
        QVERIFY2(server.start(true, {"--threads", "4", "--sign-in-attempts-per-minute", "100000"}),
                 qPrintable(server.errorString()));
        IdentityTestKit kit(server);
        QVERIFY2(kit.loadDemo(), qPrintable(kit.errorString()));
        QString clerk;
        for (const auto& [name, account] : kit.accounts()) {
            if (account.role == "clerk" && account.office == "0101") {
                clerk = name;
            }
        }
        QVERIFY(!clerk.isEmpty());

        constexpr int kDesks = 6;
        constexpr int kRounds = 25;
        std::vector<std::unique_ptr<kep::net::HttpsClient>> clients;
        std::vector<std::string> tokens;
        for (int i = 0; i < kDesks; ++i) {
            const auto desk = kit.enrolNew("0101");
            QVERIFY2(desk, qPrintable(kit.errorString()));
            clients.push_back(kit.clientFor(*desk));
            const auto token = kit.signIn(*clients.back(), clerk, kit.account(clerk).password);
            QVERIFY2(token, qPrintable(kit.errorString()));
            tokens.push_back(*token);
        }
        const std::string lease =
            QJsonDocument(QJsonObject{{"year", QDate::currentDate().year()}, {"count", 3}})
                .toJson(QJsonDocument::Compact)
                .toStdString();
        std::atomic<int> wrong{0};
        std::atomic<int> answered{0};
        std::vector<std::thread> threads;
        for (int d = 0; d < kDesks; ++d) {
            threads.emplace_back([&, d] {
                auto& client = *clients[d];
                const auto auth = bearer(tokens[d]);
                for (int round = 0; round < kRounds; ++round) {
                    try {
                        // Sessions (the gate on each), devices, users, catalogue, leases.
                        const int statuses[] = {
                            client.request("GET", "/api/v1/auth/session", {}, {}, auth).status,
                            client.request("GET", "/api/v1/directory/users", {}, {}, auth).status,
                            client.get("/api/v1/catalogue/search?q=adeia&lang=el").status,
                            client.get("/api/v1/catalogue/changes?since=0&limit=5").status,
                            client
                                .request("POST", "/api/v1/protocol-numbers/lease", lease,
                                         "application/json", auth)
                                .status};
                        const int expected[] = {200, 200, 200, 200, 201};
                        for (std::size_t i = 0; i < std::size(statuses); ++i) {
                            ++answered;
                            if (statuses[i] != expected[i]) {
                                ++wrong;
                            }
                        }
                    } catch (const std::exception&) {
                        ++wrong;
                    }
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        QCOMPARE(wrong.load(), 0);
        QCOMPARE(answered.load(), kDesks * kRounds * 5);
        QCOMPARE(server.stop(), 0);  // and the server exits cleanly (an ASan report would not)
    }
};

QTEST_GUILESS_MAIN(tst_ParallelRequests)
#include "tst_parallel_requests.moc"
