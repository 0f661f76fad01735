// The privacy queries that read inside the cases' JSON, on SQLite and (tst_retention_queries_pg)
// on PostgreSQL, where the JSON paths are spelt differently: which closed cases are due for
// purging — by one calendar rule for 29 February on both — and which cases are one citizen's.
#include "TestServerStore.h"
#include "privacy/CitizenCases.h"
#include "privacy/RetentionRun.h"

#include <QTemporaryDir>
#include <QTest>

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>

using namespace kep::server::privacy;
using namespace std::chrono;

namespace {

// Synthetic ΑΦΜ with valid check digits.
constexpr char kAfm[] = "123456783";
constexpr char kOtherAfm[] = "099999999";

const system_clock::time_point kNow = sys_days{year{2026} / November / 27} + hours{12};

std::int64_t msBefore(days ago) {
    return duration_cast<milliseconds>((kNow - ago).time_since_epoch()).count();
}

// A leap day at noon, and instants as status_at holds them.
const system_clock::time_point kLeapDay = sys_days{year{2032} / February / 29} + hours{12};

std::int64_t msAt(sys_days day, milliseconds time) {
    return duration_cast<milliseconds>((day + time).time_since_epoch()).count();
}

}  // namespace

class tst_RetentionQueries : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    kep::test::TestServerDatabase database_{dir_.path().toStdString()};
    std::unique_ptr<kep::server::storage::ServerStore> store_;

    // A case row as the sync store keeps it: each field [value, writer] in state.f.
    void addCase(const std::string& id, const std::string& procedure, const std::string& status,
                 std::int64_t statusAtMs, const std::string& afm) {
        const auto field = [](std::string value) { return boost::json::array{value, 0}; };
        const boost::json::object citizen{{"kind", "greek"}, {"afm", afm}};
        const boost::json::object state{
            {"f",
             {{"procedure_id", field(procedure)},
              {"status", field(status)},
              {"status_at", field(std::to_string(statusAtMs))},
              {"citizen", field(boost::json::serialize(citizen))}}},
            {"w", boost::json::array{boost::json::array{1, 0, 0, "desk-1", "user-1"}}}};
        store_->database()
            .prepare(
                "INSERT INTO sync_entity (entity_type, entity_id, bucket, version, status, state) "
                "VALUES ('case', ?1, 'office:0101', 1, ?2, ?3)")
            .bind(1, id)
            .bind(2, status)
            .bind(3, boost::json::serialize(state))
            .run();
    }

private slots:
    void initTestCase() {
        store_ = database_.createStore();
        auto& db = store_->database();
        putRetentionRule(db, {"900001", 1, 0, "2026-01-01T00:00:00Z", "cli"});
        addCase("case-a", "900001", "delivered", msBefore(days{730}), kAfm);
        addCase("case-b", "900001", "delivered", msBefore(days{180}), kAfm);
        addCase("case-c", "900002", "rejected", msBefore(days{6 * 366}), kOtherAfm);
        addCase("case-d", "900002", "withdrawn", msBefore(days{4 * 365}), kAfm);
        addCase("case-e", "900001", "submitted", msBefore(days{3000}), kAfm);
        addCase("case-f", "900001", "delivered", msBefore(days{3000}), kOtherAfm);
        db.prepare(
              "INSERT INTO privacy_purged (case_id, reason, purged_at) "
              "VALUES ('case-f', 'retention', '2026-01-01T00:00:00Z')")
            .run();
    }

    // The procedure's own rule (one year) or the default (five); open and purged cases never.
    void dueCasesByRuleAndDefault() {
        auto due = casesDueForPurge(store_->database(), RetentionSettings{5}, kNow, 100);
        std::sort(due.begin(), due.end());
        QCOMPARE(due, (std::vector<std::string>{"case-a", "case-c"}));
        QCOMPARE(casesDueForPurge(store_->database(), RetentionSettings{5}, kNow, 1).size(),
                 std::size_t{1});
        // A longer default leaves the six-year-old case alone.
        QCOMPARE(casesDueForPurge(store_->database(), RetentionSettings{7}, kNow, 100),
                 (std::vector<std::string>{"case-a"}));
    }

    // Back from a 29 February to a year without one: 28 February, whatever the back-end (SQLite's
    // own arithmetic said 1 March, PostgreSQL's 28 February); forward, likewise.
    void twentyNinthOfFebruary() {
        QVERIFY(movedByYears(year{2032} / February / 29, -5) ==
                sys_days{year{2027} / February / 28});
        QVERIFY(movedByYears(year{2032} / February / 29, -4) ==
                sys_days{year{2028} / February / 29});
        QVERIFY(movedByYears(year{2024} / February / 29, 1) ==
                sys_days{year{2025} / February / 28});
        QCOMPARE(retentionCutoffMs(kLeapDay, 5), msAt(year{2027} / February / 28, hours{12}));

        // Default five years, and procedure 900001's own one year: each cutoff is 28 February
        // at noon, at or before which a case is due.
        addCase("leap-due", "900003", "delivered", msAt(year{2027} / February / 28, hours{12}),
                kOtherAfm);
        addCase("leap-late", "900003", "delivered",
                msAt(year{2027} / February / 28, hours{12} + milliseconds{1}), kOtherAfm);
        addCase("leap-march", "900003", "delivered", msAt(year{2027} / March / 1, hours{0}),
                kOtherAfm);
        addCase("leap-rule-due", "900001", "rejected", msAt(year{2031} / February / 28, hours{12}),
                kOtherAfm);
        addCase("leap-rule-march", "900001", "rejected", msAt(year{2031} / March / 1, hours{0}),
                kOtherAfm);
        const auto due = casesDueForPurge(store_->database(), RetentionSettings{5}, kLeapDay, 100);
        const auto isDue = [&due](const char* id) {
            return std::find(due.begin(), due.end(), id) != due.end();
        };
        QVERIFY(isDue("leap-due"));
        QVERIFY(!isDue("leap-late"));
        QVERIFY(!isDue("leap-march"));
        QVERIFY(isDue("leap-rule-due"));
        QVERIFY(!isDue("leap-rule-march"));
    }

    void casesOfOneCitizen() {
        const auto cases = casesOfCitizen(store_->database(), kAfm);
        QCOMPARE(cases.size(), std::size_t{4});
        QCOMPARE(cases[0].caseId, std::string("case-a"));
        QCOMPARE(cases[0].officeCode, std::string("0101"));
        QCOMPARE(cases[0].procedureId, std::string("900001"));
        QCOMPARE(cases[0].closedAtMs, std::optional<std::int64_t>(msBefore(days{730})));
        QCOMPARE(cases[3].caseId, std::string("case-e"));
        QVERIFY(!cases[3].closedAtMs);  // still open
        QVERIFY(casesOfCitizen(store_->database(), "111111111").empty());
    }
};

QTEST_GUILESS_MAIN(tst_RetentionQueries)
#include "tst_retention_queries.moc"
