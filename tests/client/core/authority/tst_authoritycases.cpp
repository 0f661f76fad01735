// The authority inbox's records as the desk reads them from the server's JSON (the shape of
// server/lib/api/AuthorityCaseJson), the decisions the lifecycle lets the authority take in each
// status, and the check a result document passes before it is sent.
#include "authority/AuthorityCases.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace kep::desk::authority;

Q_DECLARE_METATYPE(kep::desk::authority::Decision)
Q_DECLARE_METATYPE(kep::desk::authority::ResultRefusal)

namespace {

QJsonObject forwardedCase() {
    const QJsonObject citizen{{"kind", "greek"},
                              {"afm", "090000045"},
                              {"given_name_el", "Ελένη"},
                              {"surname_el", "Παπαδοπούλου"}};
    const QJsonArray documents{QJsonObject{
        {"sha256", QString(64, 'b')}, {"media_type", "application/pdf"}, {"evidence_id", "2"}}};
    return {{"id", "0190a6c2-0000-7000-8000-00000000000a"},
            {"protocol_number", "0101/2026/17"},
            {"procedure_id", "900012"},
            {"office", "0101"},
            {"status", "forwarded"},
            {"status_reason", QJsonValue::Null},
            {"due_date", "2026-04-02"},
            {"channel", "govgr"},
            {"forwarded_at", "2026-03-11T09:00:00.000Z"},
            {"citizen", citizen},
            {"documents", documents},
            {"version", 4}};
}

QByteArray compact(const QJsonObject& o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

}  // namespace

class tst_AuthorityCases : public QObject {
    Q_OBJECT

private slots:
    void readsTheInbox() {
        const auto cases = readInbox(compact({{"cases", QJsonArray{forwardedCase()}}}));
        QVERIFY(cases);
        QCOMPARE(cases->size(), 1);
        const InboxCase& c = cases->first();
        QCOMPARE(c.protocolNumber, QString("0101/2026/17"));
        QCOMPARE(c.procedureId, QString("900012"));
        QCOMPARE(c.office, QString("0101"));
        QCOMPARE(c.status, QString("forwarded"));
        QCOMPARE(c.statusReason, QString());
        QCOMPARE(c.dueDate, QString("2026-04-02"));
        QCOMPARE(c.channel, QString("govgr"));
        QVERIFY(c.citizen.has_value());
        QCOMPARE(c.citizen->person.surnameEl, std::string("Παπαδοπούλου"));
        QCOMPARE(c.documents.size(), 1);
        QCOMPARE(c.documents[0].mediaType, QString("application/pdf"));
        QCOMPARE(c.documents[0].evidenceId, QString("2"));
        QVERIFY(c.history.isEmpty());
    }

    void readsOneCaseWithItsHistory() {
        QJsonObject body = forwardedCase();
        body.insert("status", "awaiting_documents");
        body.insert("status_reason", "the birth certificate");
        body.insert("history", QJsonArray{QJsonObject{{"from", "approved"},
                                                      {"to", "forwarded"},
                                                      {"actor", "user-clerk-1"},
                                                      {"actor_role", "clerk"},
                                                      {"at", "2026-03-11T09:00:00.000Z"},
                                                      {"reason", ""}},
                                          QJsonObject{{"from", "in_progress"},
                                                      {"to", "awaiting_documents"},
                                                      {"actor", "authority-user-1"},
                                                      {"actor_role", "authority"},
                                                      {"at", "2026-03-12T10:00:00.000Z"},
                                                      {"reason", "the birth certificate"}}});
        const auto c = readInboxCase(compact({{"case", body}}));
        QVERIFY(c);
        QCOMPARE(c->statusReason, QString("the birth certificate"));
        QCOMPARE(c->history.size(), 2);
        QCOMPARE(c->history[1].from, QString("in_progress"));
        QCOMPARE(c->history[1].to, QString("awaiting_documents"));
        QCOMPARE(c->history[1].actor, QString("authority-user-1"));
        QCOMPARE(c->history[1].reason, QString("the birth certificate"));
    }

    void unreadableBodies_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not JSON") << QByteArray("<html>");
        QTest::newRow("no cases") << QByteArray(R"({"items":[]})");
        QTest::newRow("cases not a list") << QByteArray(R"({"cases":{}})");
    }

    void unreadableBodies() {
        QFETCH(QByteArray, body);
        QVERIFY(!readInbox(body));
    }

    void entriesWithoutIdAreSkippedAndChannelDefaults() {
        QJsonObject old = forwardedCase();
        old.remove("channel");
        const auto cases =
            readInbox(compact({{"cases", QJsonArray{QJsonObject{{"status", "forwarded"}}, old}}}));
        QVERIFY(cases);
        QCOMPARE(cases->size(), 1);
        QCOMPARE(cases->first().channel, QString("counter"));
        QVERIFY(!readInboxCase(compact({{"case", QJsonObject{{"status", "forwarded"}}}})));
        // The route wraps the case: a bare case object is not its answer.
        QVERIFY(!readInboxCase(compact(old)));
    }

    void decisionsFollowTheLifecycle_data() {
        QTest::addColumn<QString>("status");
        QTest::addColumn<Decision>("decision");
        QTest::addColumn<bool>("fits");
        QTest::newRow("accept forwarded") << "forwarded" << Decision::Accept << true;
        QTest::newRow("ask forwarded") << "forwarded" << Decision::RequestDocuments << false;
        QTest::newRow("complete forwarded") << "forwarded" << Decision::Complete << false;
        QTest::newRow("accept in progress") << "in_progress" << Decision::Accept << false;
        QTest::newRow("ask in progress") << "in_progress" << Decision::RequestDocuments << true;
        QTest::newRow("reject in progress") << "in_progress" << Decision::Reject << true;
        QTest::newRow("complete in progress") << "in_progress" << Decision::Complete << true;
        QTest::newRow("complete awaiting") << "awaiting_documents" << Decision::Complete << false;
        QTest::newRow("reject completed") << "completed" << Decision::Reject << false;
        QTest::newRow("unknown status") << "lost" << Decision::Accept << false;
    }

    void decisionsFollowTheLifecycle() {
        QFETCH(QString, status);
        QFETCH(Decision, decision);
        QFETCH(bool, fits);
        QCOMPARE(decisionFits(status, decision), fits);
    }

    void reasonsAreAskedFor() {
        QVERIFY(decisionNeedsReason(Decision::RequestDocuments));
        QVERIFY(decisionNeedsReason(Decision::Reject));
        QVERIFY(!decisionNeedsReason(Decision::Accept));
        QVERIFY(!decisionNeedsReason(Decision::Complete));
        QCOMPARE(QJsonDocument::fromJson(reasonBody("το πιστοποιητικό γέννησης"))
                     .object()
                     .value("reason")
                     .toString(),
                 QString("το πιστοποιητικό γέννησης"));
    }

    void resultDocumentCheck_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<ResultRefusal>("refusal");
        QTest::newRow("pdf") << QByteArray("%PDF-1.7\n%âãÏÓ\n") << ResultRefusal::None;
        QTest::newRow("empty") << QByteArray() << ResultRefusal::Empty;
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n....", 12) << ResultRefusal::NotPdf;
        QTest::newRow("text") << QByteArray("result: granted") << ResultRefusal::NotPdf;
        QByteArray large("%PDF-1.4\n");
        large.append(20 * 1024 * 1024, ' ');
        QTest::newRow("over 20 MiB") << large << ResultRefusal::TooLarge;
    }

    void resultDocumentCheck() {
        QFETCH(QByteArray, bytes);
        QFETCH(ResultRefusal, refusal);
        QCOMPARE(checkResultDocument(bytes), refusal);
    }
};

QTEST_MAIN(tst_AuthorityCases)
#include "tst_authoritycases.moc"
