// The authority inbox API through the desk's server link, against a scripted server: which
// route each call takes, with which method, body and media type, and how answers and refusals
// come back as signals.
#include "../../support/FakeServerTransport.h"
#include "ServerLink.h"
#include "authority/AuthorityClient.h"
#include "authority/ResultDocumentClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace kep::desk;
using namespace kep::desk::authority;
using kep::desk::test::FakeServer;

namespace {

const QString kCase = "0190a6c2-0000-7000-8000-00000000000a";
const QByteArray kCasePath = "/api/v1/authority/cases/0190a6c2-0000-7000-8000-00000000000a";

// Signed in as a synthetic authority user; every other route answers `answer`.
void script(
    FakeServer& server,
    std::function<HttpReply(const QByteArray&, const QByteArray&, const QByteArray&)> answer) {
    server.handler = [answer](const QByteArray& method, const QByteArray& target,
                              const QByteArray& body) { return answer(method, target, body); };
}

}  // namespace

class tst_AuthorityClient : public QObject {
    Q_OBJECT

private slots:
    void listsTheInboxOfOneStatus() {
        FakeServer server;
        script(server, [](const QByteArray&, const QByteArray&, const QByteArray&) {
            return FakeServer::json(
                200, {{"cases", QJsonArray{QJsonObject{{"id", kCase},
                                                       {"protocol_number", "0101/2026/17"},
                                                       {"status", "forwarded"}}}}});
        });
        ServerLink link(server.factory());
        AuthorityClient client(link);
        QSignalSpy listed(&client, &AuthorityClient::inboxListed);
        client.listInbox("in_progress", 50);
        QTRY_COMPARE(listed.size(), 1);
        const auto cases = listed.at(0).at(0).value<QList<InboxCase>>();
        QCOMPARE(cases.size(), 1);
        QCOMPARE(cases[0].protocolNumber, QString("0101/2026/17"));
        QCOMPARE(server.methods.last(), QByteArray("GET"));
        QCOMPARE(server.targets.last(),
                 QByteArray("/api/v1/authority/inbox?limit=50&status=in_progress"));
    }

    void decisionsTakeTheirRoutes_data() {
        QTest::addColumn<int>("decision");
        QTest::addColumn<QByteArray>("route");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("accept") << int(Decision::Accept) << QByteArray("/accept")
                                << QByteArray("application/json") << QByteArray();
        QTest::newRow("ask") << int(Decision::RequestDocuments) << QByteArray("/request-documents")
                             << QByteArray("application/json")
                             << QByteArray(R"({"reason":"the birth certificate"})");
        QTest::newRow("reject") << int(Decision::Reject) << QByteArray("/reject")
                                << QByteArray("application/json")
                                << QByteArray(R"({"reason":"not competent"})");
        QTest::newRow("complete") << int(Decision::Complete) << QByteArray("/complete")
                                  << QByteArray("application/pdf")
                                  << QByteArray("%PDF-1.4\nresult\n%%EOF\n");
    }

    void decisionsTakeTheirRoutes() {
        QFETCH(int, decision);
        QFETCH(QByteArray, route);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        FakeServer server;
        script(server, [](const QByteArray&, const QByteArray&, const QByteArray&) {
            return FakeServer::json(200, {{"status", "in_progress"}});
        });
        ServerLink link(server.factory());
        AuthorityClient client(link);
        QSignalSpy decided(&client, &AuthorityClient::decided);
        switch (Decision(decision)) {
            case Decision::Accept:
                client.accept(kCase);
                break;
            case Decision::RequestDocuments:
                client.requestDocuments(kCase, "the birth certificate");
                break;
            case Decision::Reject:
                client.reject(kCase, "not competent");
                break;
            case Decision::Complete:
                client.complete(kCase, body);
                break;
        }
        QTRY_COMPARE(decided.size(), 1);
        QCOMPARE(decided.at(0).at(0).toString(), kCase);
        QCOMPARE(decided.at(0).at(1).value<Decision>(), Decision(decision));
        QCOMPARE(server.methods.last(), QByteArray("POST"));
        QCOMPARE(server.targets.last(), kCasePath + route);
        QCOMPARE(server.contentTypes.last(), contentType);
        QCOMPARE(server.bodies.last(), body);
    }

    void refusedTransitionIsAFailureWithTheServersCode() {
        FakeServer server;
        script(server, [](const QByteArray&, const QByteArray&, const QByteArray&) {
            return FakeServer::error(409, "no_such_transition");
        });
        ServerLink link(server.factory());
        AuthorityClient client(link);
        QSignalSpy failed(&client, &AuthorityClient::failed);
        QSignalSpy decided(&client, &AuthorityClient::decided);
        client.accept(kCase);
        QTRY_COMPARE(failed.size(), 1);
        const auto failure = failed.at(0).at(0).value<admin::AdminFailure>();
        QCOMPARE(failure.status, 409);
        QCOMPARE(failure.code, QString("no_such_transition"));
        QVERIFY(decided.isEmpty());
    }

    void documentBytesComeAsSent() {
        const QByteArray pdf("%PDF-1.7\n\x00\x01\x02 binary\n", 20);
        FakeServer server;
        script(server, [pdf](const QByteArray&, const QByteArray&, const QByteArray&) {
            return HttpReply{200, pdf, {}};
        });
        ServerLink link(server.factory());
        AuthorityClient client(link);
        QSignalSpy fetched(&client, &AuthorityClient::documentFetched);
        client.fetchDocument(kCase, QString(64, 'c'));
        QTRY_COMPARE(fetched.size(), 1);
        QCOMPARE(fetched.at(0).at(2).toByteArray(), pdf);
        QCOMPARE(server.targets.last(), kCasePath + "/documents/" + QByteArray(64, 'c'));
    }

    // The KEP's side: only a PDF is handed on to be printed.
    void resultDownload_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("fetched");
        QTest::newRow("pdf") << 200 << QByteArray("%PDF-1.4\nresult\n") << true;
        QTest::newRow("not a pdf") << 200 << QByteArray("<html>") << false;
        QTest::newRow("no result yet")
            << 404 << QByteArray(R"({"error":{"code":"not_found"}})") << false;
    }

    void resultDownload() {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, fetched);
        FakeServer server;
        script(server, [status, body](const QByteArray&, const QByteArray&, const QByteArray&) {
            return HttpReply{status, body, {}};
        });
        ServerLink link(server.factory());
        ResultDocumentClient results(link);
        QSignalSpy ok(&results, &ResultDocumentClient::fetched);
        QSignalSpy failed(&results, &ResultDocumentClient::failed);
        results.fetch(kCase);
        QTRY_COMPARE(ok.size() + failed.size(), 1);
        QCOMPARE(ok.size(), fetched ? 1 : 0);
        QCOMPARE(server.targets.last(), "/api/v1/cases/" + kCase.toUtf8() + "/result");
    }
};

QTEST_MAIN(tst_AuthorityClient)
#include "tst_authorityclient.moc"
