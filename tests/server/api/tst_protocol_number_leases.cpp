// Protocol-number leases against a real kep-server: several desks of one office leasing in
// parallel never get overlapping numbers and together cover the sequence without gaps; a
// desk of another office has its own sequence; bad counts and closed years are refused.
#include "IdentityTestKit.h"

#include <QDate>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <mutex>
#include <thread>
#include <vector>

using kep::test::bearer;
using kep::test::EnrolledWorkstation;
using kep::test::errorCodeOf;
using kep::test::IdentityTestKit;
using kep::test::jsonOf;
using kep::test::ServerProcess;

namespace {

struct Block {
    qint64 first = 0;
    qint64 last = 0;
};

std::string leaseBody(int year, int count) {
    return QJsonDocument(QJsonObject{{"year", year}, {"count", count}})
        .toJson(QJsonDocument::Compact)
        .toStdString();
}

}  // namespace

class tst_ProtocolNumberLeases : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;
    std::unique_ptr<IdentityTestKit> kit_;
    const int year_ = QDate::currentDate().year();

    // A desk of `office` with the office's demo clerk signed in.
    std::pair<std::unique_ptr<kep::net::HttpsClient>, std::string> signedInDesk(
        const QString& office, const QString& clerk) {
        const auto desk = kit_->enrolNew(office);
        if (!desk) {
            return {};
        }
        auto client = kit_->clientFor(*desk);
        const auto token = kit_->signIn(*client, clerk, kit_->account(clerk).password);
        return {std::move(client), token.value_or("")};
    }

    QString clerkOf(const QString& office) {
        for (const auto& [name, account] : kit_->accounts()) {
            if (account.role == "clerk" && account.office == office) {
                return name;
            }
        }
        return {};
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server_.start(true, {"--threads", "4", "--sign-in-attempts-per-minute", "1000"}),
                 qPrintable(server_.errorString()));
        kit_ = std::make_unique<IdentityTestKit>(server_);
        QVERIFY2(kit_->loadDemo(), qPrintable(kit_->errorString()));
    }

    void concurrentLeasesFromSeveralDesksNeverOverlap() {
        constexpr int kDesks = 4;
        constexpr int kLeasesEach = 15;
        const QString clerk = clerkOf("0101");
        QVERIFY(!clerk.isEmpty());
        std::vector<std::pair<std::unique_ptr<kep::net::HttpsClient>, std::string>> desks;
        for (int i = 0; i < kDesks; ++i) {
            desks.push_back(signedInDesk("0101", clerk));
            QVERIFY2(desks.back().first && !desks.back().second.empty(),
                     qPrintable(kit_->errorString()));
        }
        std::mutex mutex;
        std::vector<Block> blocks;
        std::vector<QString> failures;
        std::vector<std::thread> threads;
        for (int d = 0; d < kDesks; ++d) {
            threads.emplace_back([&, d] {
                for (int i = 0; i < kLeasesEach; ++i) {
                    const int count = 1 + (d * 7 + i * 13) % 50;
                    const auto response = desks[d].first->request(
                        "POST", "/api/v1/protocol-numbers/lease", leaseBody(year_, count),
                        "application/json", bearer(desks[d].second));
                    const auto json = jsonOf(response);
                    std::lock_guard lock(mutex);
                    if (response.status != 201 || json.value("office").toString() != "0101" ||
                        json.value("year").toInt() != year_ ||
                        json.value("last").toInteger() - json.value("first").toInteger() + 1 !=
                            count) {
                        failures.push_back(QString::number(response.status) + " " +
                                           QString::fromStdString(response.body));
                        continue;
                    }
                    blocks.push_back(
                        {json.value("first").toInteger(), json.value("last").toInteger()});
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        QVERIFY2(failures.empty(), qPrintable(failures.empty() ? QString() : failures.front()));
        QCOMPARE(blocks.size(), std::size_t(kDesks * kLeasesEach));
        std::sort(blocks.begin(), blocks.end(),
                  [](const Block& a, const Block& b) { return a.first < b.first; });
        // No overlap and no gap: the blocks tile 1..N.
        QCOMPARE(blocks.front().first, qint64(1));
        for (std::size_t i = 1; i < blocks.size(); ++i) {
            QCOMPARE(blocks[i].first, blocks[i - 1].last + 1);
        }

        // Another office numbers from its own sequence.
        const QString otherClerk = clerkOf("0202");
        if (!otherClerk.isEmpty()) {
            auto [client, token] = signedInDesk("0202", otherClerk);
            QVERIFY(client && !token.empty());
            const auto other =
                client->request("POST", "/api/v1/protocol-numbers/lease", leaseBody(year_, 5),
                                "application/json", bearer(token));
            QCOMPARE(other.status, 201);
            QCOMPARE(jsonOf(other).value("office").toString(), QStringLiteral("0202"));
            QCOMPARE(jsonOf(other).value("first").toInteger(), qint64(1));
        }
    }

    void badRequestsAreRefused_data() {
        QTest::addColumn<int>("yearOffset");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("count 0") << 0 << 0 << 400 << "invalid_field";
        QTest::newRow("count 1001") << 0 << 1001 << 400 << "invalid_field";
        QTest::newRow("last year") << -1 << 10 << 400 << "year_not_open";
        QTest::newRow("two years ahead") << 2 << 10 << 400 << "year_not_open";
        QTest::newRow("count 1000") << 0 << 1000 << 201 << "";
    }
    void badRequestsAreRefused() {
        QFETCH(int, yearOffset);
        QFETCH(int, count);
        QFETCH(int, status);
        QFETCH(QString, code);
        auto [client, token] = signedInDesk("0101", clerkOf("0101"));
        QVERIFY(client && !token.empty());
        const auto response = client->request("POST", "/api/v1/protocol-numbers/lease",
                                              leaseBody(year_ + yearOffset, count),
                                              "application/json", bearer(token));
        QCOMPARE(response.status, status);
        if (!code.isEmpty()) {
            QCOMPARE(errorCodeOf(response), code);
        }
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_ProtocolNumberLeases)
#include "tst_protocol_number_leases.moc"
