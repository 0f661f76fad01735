// kep-loadgen's verdict on an office bucket read back from the server: every acknowledged case
// present once and in its status; whatever else is there, or missing, or doubled, is counted.
#include "ServerCheck.h"

#include <QTest>

using kep::loadgen::CaseExpectation;
using kep::loadgen::CaseOnServer;
using kep::loadgen::CheckResult;

Q_DECLARE_METATYPE(CaseOnServer)

namespace {

constexpr const char* kCase = "01900000-0000-7000-8000-000000000001";

CaseExpectation approvedCase() {
    return {kCase, CaseExpectation::Held{true, "approved", 2}};  // the filing, the approval
}

}  // namespace

class tst_ServerCheck : public QObject {
    Q_OBJECT

private slots:
    void judgesOneCase_data() {
        QTest::addColumn<bool>("onServer");
        QTest::addColumn<CaseOnServer>("seen");
        QTest::addColumn<QString>("verdict");
        QTest::newRow("held as acknowledged")
            << true << CaseOnServer{1, 2, 2, false, "approved"} << "ok";
        QTest::newRow("lost") << false << CaseOnServer{} << "missing";
        QTest::newRow("created twice")
            << true << CaseOnServer{2, 3, 2, true, "approved"} << "duplicated";
        QTest::newRow("a transition applied twice")
            << true << CaseOnServer{1, 3, 3, false, "approved"} << "duplicated";
        QTest::newRow("a version repeated")
            << true << CaseOnServer{1, 2, 1, true, "approved"} << "duplicated";
        QTest::newRow("approval missing")
            << true << CaseOnServer{1, 2, 2, false, "pending_approval"} << "wrong_status";
    }
    void judgesOneCase() {
        QFETCH(bool, onServer);
        QFETCH(CaseOnServer, seen);
        QFETCH(QString, verdict);
        std::map<std::string, CaseOnServer> bucket;
        if (onServer) {
            bucket[kCase] = seen;
        }
        CheckResult result;
        judgeBucket({approvedCase()}, bucket, result);
        QCOMPARE(result.expectedCases, 1u);
        QCOMPARE(result.casesOnServer, onServer ? 1u : 0u);
        QCOMPARE(result.missing, verdict == "missing" ? 1u : 0u);
        QCOMPARE(result.duplicated, verdict == "duplicated" ? 1u : 0u);
        QCOMPARE(result.wrongStatus, verdict == "wrong_status" ? 1u : 0u);
        QCOMPARE(result.unexpected, 0u);
        QCOMPARE(result.firstProblem.empty(), verdict == "ok");
        if (verdict != "ok") {  // ids only in the message, never field values
            QVERIFY(result.firstProblem.find(kCase) != std::string::npos);
        }
    }

    void casesNobodyAcknowledgedAreUnexpected() {
        std::map<std::string, CaseOnServer> bucket{
            {"stranger", CaseOnServer{1, 1, 1, false, "draft"}},
            {"refused-create", CaseOnServer{1, 1, 1, false, "draft"}},
        };
        CheckResult result;
        judgeBucket({{"refused-create", CaseExpectation::Held{false, "", 0}}}, bucket, result);
        QCOMPARE(result.unexpected, 2u);
        QCOMPARE(result.expectedCases, 0u);
    }

    void unansweredOpsAreInDoubtNotJudged() {
        CheckResult result;
        judgeBucket({{kCase, std::nullopt}}, {}, result);
        QCOMPARE(result.inDoubt, 1u);
        QCOMPARE(result.missing, 0u);
        // And a case in doubt that did reach the server is not "unexpected" either.
        CheckResult reached;
        judgeBucket({{kCase, std::nullopt}}, {{kCase, CaseOnServer{1, 1, 1, false, "draft"}}},
                    reached);
        QCOMPARE(reached.unexpected, 0u);
        QCOMPARE(reached.inDoubt, 1u);
    }
};

QTEST_GUILESS_MAIN(tst_ServerCheck)
#include "tst_server_check.moc"
