// The authority inbox window offscreen against a scripted server: the forwarded cases listed
// with their columns, a case opened with Enter, only the decisions its status allows offered,
// each decision sent to its route (the reason asked for, the result PDF checked first), a
// refused decision said in words, a document opened from the list, accessible names everywhere.
#include "../../support/FakeServerTransport.h"
#include "LanguageManager.h"
#include "ServerLink.h"
#include "authority/AuthorityClient.h"
#include "authority/AuthorityInboxWindow.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include <atomic>

using namespace kep::desk;
using namespace kep::desk::ui;
using kep::desk::test::FakeServer;

namespace {

const QString kForwarded = "0190a6c2-0000-7000-8000-00000000000a";
const QString kInProgress = "0190a6c2-0000-7000-8000-00000000000b";
const QByteArray kDocument("%PDF-1.7\nthe citizen's application\n%%EOF\n");

QJsonObject caseJson(const QString& id, const QString& protocol, const QString& status) {
    return {{"id", id},
            {"protocol_number", protocol},
            {"procedure_id", "900012"},
            {"office", "0101"},
            {"status", status},
            {"due_date", "2026-04-02"},
            {"channel", id == kForwarded ? "govgr" : "counter"},
            {"citizen", QJsonObject{{"kind", "greek"},
                                    {"afm", "090000045"},
                                    {"given_name_el", "Ελένη"},
                                    {"surname_el", "Παπαδοπούλου"}}},
            {"documents", QJsonArray{QJsonObject{{"sha256", QString(64, 'd')},
                                                 {"media_type", "application/pdf"},
                                                 {"evidence_id", "2"}}}}};
}

}  // namespace

class tst_AuthorityInboxWindow : public QObject {
    Q_OBJECT

    LanguageManager languages_;
    QTemporaryDir dir_;
    FakeServer server_;
    std::atomic<int> refuseDecisions_ = 0;  // a status to answer decisions with, 0: accept them
    std::unique_ptr<ServerLink> link_;
    std::unique_ptr<authority::AuthorityClient> client_;

    std::unique_ptr<AuthorityInboxWindow> openWindow() {
        auto window = std::make_unique<AuthorityInboxWindow>(*client_, dir_.filePath("documents"));
        window->show();
        [&] { QTRY_COMPARE(window->inbox()->rowCount(), 2); }();
        return window;
    }

    // Selects the case in `row` and opens it with Enter.
    static void openRow(AuthorityInboxWindow& window, int row, const QString& id) {
        window.inbox()->setFocus();
        window.inbox()->selectRow(row);
        QTest::keyClick(window.inbox(), Qt::Key_Return);
        QTRY_VERIFY(window.shownCase() && window.shownCase()->id == id);
    }

    int posts() {
        QMutexLocker lock(&server_.mutex);
        return int(server_.methods.count("POST"));
    }

private slots:
    void initTestCase() {
        QVERIFY(languages_.setLanguage("en"));
        server_.handler = [this](const QByteArray& method, const QByteArray& target,
                                 const QByteArray&) {
            if (method == "POST") {
                if (const int status = refuseDecisions_.load(); status != 0) {
                    return FakeServer::error(status, "no_such_transition");
                }
                return FakeServer::json(200, {{"status", "in_progress"}});
            }
            if (target.startsWith("/api/v1/authority/inbox")) {
                return FakeServer::json(
                    200,
                    {{"cases", QJsonArray{caseJson(kForwarded, "0101/2026/17", "forwarded"),
                                          caseJson(kInProgress, "0101/2026/18", "in_progress")}}});
            }
            if (target.contains("/documents/")) {
                return HttpReply{200, kDocument, {}};
            }
            const bool forwarded = target.endsWith(kForwarded.toUtf8());
            QJsonObject shown = forwarded ? caseJson(kForwarded, "0101/2026/17", "forwarded")
                                          : caseJson(kInProgress, "0101/2026/18", "in_progress");
            shown.insert("history", QJsonArray{QJsonObject{{"from", "approved"},
                                                           {"to", "forwarded"},
                                                           {"at", "2026-03-11T09:00:00.000Z"},
                                                           {"reason", ""}}});
            return FakeServer::json(200, {{"case", shown}});
        };
        link_ = std::make_unique<ServerLink>(server_.factory());
        client_ = std::make_unique<authority::AuthorityClient>(*link_);
    }

    void init() { refuseDecisions_ = 0; }

    void listsTheForwardedCases() {
        auto window = openWindow();
        QTableWidget* inbox = window->inbox();
        QCOMPARE(inbox->item(0, AuthorityInboxWindow::ProtocolNumber)->text(),
                 QString("0101/2026/17"));
        QCOMPARE(inbox->item(0, AuthorityInboxWindow::Procedure)->text(), QString("900012"));
        QCOMPARE(inbox->item(0, AuthorityInboxWindow::Office)->text(), QString("0101"));
        QCOMPARE(inbox->item(0, AuthorityInboxWindow::Status)->text(),
                 QString("Forwarded to the authority"));
        QCOMPARE(inbox->item(0, AuthorityInboxWindow::DueDate)->text(), QString("2026-04-02"));
        QCOMPARE(inbox->item(0, AuthorityInboxWindow::Channel)->text(), QString("gov.gr"));
        QCOMPARE(inbox->item(1, AuthorityInboxWindow::Status)->text(),
                 QString("In progress at the authority"));
        // Nothing opened yet: no decision offered.
        QVERIFY(!window->acceptButton()->isEnabled());
        QVERIFY(!window->completeButton()->isEnabled());

        // The status filter asks the server for that status only.
        window->statusFilter()->setCurrentIndex(window->statusFilter()->findData("in_progress"));
        QTRY_VERIFY(server_.targets.last().endsWith("&status=in_progress"));
    }

    void decisionsOfferedByStatus_data() {
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("accept");
        QTest::addColumn<bool>("others");
        QTest::newRow("forwarded") << 0 << kForwarded << true << false;
        QTest::newRow("in progress") << 1 << kInProgress << false << true;
    }

    void decisionsOfferedByStatus() {
        QFETCH(int, row);
        QFETCH(QString, id);
        QFETCH(bool, accept);
        QFETCH(bool, others);
        auto window = openWindow();
        openRow(*window, row, id);
        QVERIFY(window->caseView()->toPlainText().contains("Ελένη Παπαδοπούλου"));
        QCOMPARE(window->documents()->count(), 1);
        QCOMPARE(window->history()->rowCount(), 1);
        QCOMPARE(window->acceptButton()->isEnabled(), accept);
        QCOMPARE(window->requestDocumentsButton()->isEnabled(), others);
        QCOMPARE(window->rejectButton()->isEnabled(), others);
        QCOMPARE(window->completeButton()->isEnabled(), others);
    }

    void acceptSendsTheDecision() {
        auto window = openWindow();
        openRow(*window, 0, kForwarded);
        QSignalSpy decided(client_.get(), &authority::AuthorityClient::decided);
        QTest::keyClick(window->acceptButton(), Qt::Key_Space);
        QTRY_COMPARE(decided.size(), 1);
        QVERIFY(
            server_.targets.contains("/api/v1/authority/cases/" + kForwarded.toUtf8() + "/accept"));
        QVERIFY2(window->status()->text().contains("accepted"),
                 qPrintable(window->status()->text()));
    }

    void askingForDocumentsSendsTheReason() {
        auto window = openWindow();
        openRow(*window, 1, kInProgress);
        QStringList questions;
        std::optional<QString> answer;  // cancelled first
        window->setReasonPrompt([&](const QString& question) {
            questions << question;
            return answer;
        });
        const int before = posts();
        window->requestDocuments();
        QCOMPARE(questions.size(), 1);
        QVERIFY(questions[0].contains("0101/2026/18"));
        QCOMPARE(posts(), before);  // cancelled: nothing sent

        answer = QString("   ");
        window->requestDocuments();
        QCOMPARE(posts(), before);  // blank: nothing sent, and said why
        QVERIFY(window->status()->text().contains("reason"));

        answer = QString("Το πιστοποιητικό γέννησης");
        QSignalSpy decided(client_.get(), &authority::AuthorityClient::decided);
        window->requestDocuments();
        QTRY_COMPARE(decided.size(), 1);
        QMutexLocker lock(&server_.mutex);
        const int at = int(server_.targets.lastIndexOf(
            "/api/v1/authority/cases/" + kInProgress.toUtf8() + "/request-documents"));
        QVERIFY(at >= 0);
        QCOMPARE(QJsonDocument::fromJson(server_.bodies[at]).object().value("reason").toString(),
                 QString("Το πιστοποιητικό γέννησης"));
    }

    void rejectSendsTheReason() {
        auto window = openWindow();
        openRow(*window, 1, kInProgress);
        window->setReasonPrompt([](const QString&) { return QString("not competent"); });
        QSignalSpy decided(client_.get(), &authority::AuthorityClient::decided);
        window->rejectButton()->click();
        QTRY_COMPARE(decided.size(), 1);
        QVERIFY(server_.targets.contains("/api/v1/authority/cases/" + kInProgress.toUtf8() +
                                         "/reject"));
    }

    void completeSendsOnlyAPdf() {
        auto window = openWindow();
        openRow(*window, 1, kInProgress);
        const QString text = dir_.filePath("result.txt");
        const QString pdf = dir_.filePath("result.pdf");
        for (const auto& [file, bytes] :
             {std::pair{text, QByteArray("granted")},
              std::pair{pdf, QByteArray("%PDF-1.4\nthe decision\n%%EOF\n")}}) {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(bytes);
        }
        QString chosen = text;
        window->setResultChooser([&chosen] { return chosen; });
        const int before = posts();
        window->completeButton()->click();
        QCOMPARE(posts(), before);
        QVERIFY(window->status()->text().contains("PDF"));

        chosen = pdf;
        QSignalSpy decided(client_.get(), &authority::AuthorityClient::decided);
        window->completeButton()->click();
        QTRY_COMPARE(decided.size(), 1);
        QMutexLocker lock(&server_.mutex);
        const int at = int(server_.targets.lastIndexOf("/api/v1/authority/cases/" +
                                                       kInProgress.toUtf8() + "/complete"));
        QVERIFY(at >= 0);
        QCOMPARE(server_.contentTypes[at], QByteArray("application/pdf"));
        QCOMPARE(server_.bodies[at], QByteArray("%PDF-1.4\nthe decision\n%%EOF\n"));
    }

    void refusedDecisionIsSaid() {
        refuseDecisions_ = 409;
        auto window = openWindow();
        openRow(*window, 0, kForwarded);
        QSignalSpy failed(client_.get(), &authority::AuthorityClient::failed);
        window->accept();
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY2(window->status()->text().contains("no longer"),
                 qPrintable(window->status()->text()));
        QVERIFY(window->acceptButton()->isEnabled());  // ready for the next try
    }

    void documentOpensFromTheList() {
        auto window = openWindow();
        openRow(*window, 0, kForwarded);
        QStringList opened;
        window->setDocumentOpener([&opened](const QString& file) {
            opened << file;
            return true;
        });
        window->documents()->setFocus();
        QTest::keyClick(window->documents(), Qt::Key_Return);
        QTRY_COMPARE(opened.size(), 1);
        QFile shown(opened[0]);
        QVERIFY(shown.open(QIODevice::ReadOnly));
        QCOMPARE(shown.readAll(), kDocument);
        // Gone with the window: the next user of the PC finds no citizen's document.
        window.reset();
        QVERIFY(!QFile::exists(opened[0]));
    }

    void accessibleNamesInBothLanguages_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("accept");
        QTest::newRow("el") << "el"
                            << "Αποδο&χή";
        QTest::newRow("en") << "en"
                            << "&Accept";
    }

    void accessibleNamesInBothLanguages() {
        QFETCH(QString, language);
        QFETCH(QString, accept);
        QVERIFY(languages_.setLanguage(language));
        auto window = openWindow();
        QCOMPARE(window->acceptButton()->text(), accept);
        for (QWidget* input : window->findChildren<QWidget*>()) {
            if (input->focusPolicy() != Qt::NoFocus && input->isVisibleTo(window.get()) &&
                !qobject_cast<QLabel*>(input)) {
                QVERIFY2(!input->accessibleName().isEmpty(), qPrintable(input->objectName()));
            }
        }
        QVERIFY(languages_.setLanguage("en"));
    }
};

QTEST_MAIN(tst_AuthorityInboxWindow)
#include "tst_authorityinboxwindow.moc"
