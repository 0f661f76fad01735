// Training mode end to end (issue 11): a training desk whose settings name a real kep-server on
// loopback practises the whole counter flow — a training clerk finds a procedure, identifies a
// practice citizen, ticks the documents, files, prints the receipt and sees the case in the
// queues; the training manager approves it — and the server hears nothing of it: no request in
// its log, no change in its tables. The production data folder holds nothing but the sandbox,
// and every window shown on the way carries the watermark.
#include "DeskShell.h"
#include "HttpsTransport.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "ServerLink.h"
#include "ServerProcess.h"
#include "SignInDialog.h"
#include "Workstation.h"
#include "cases/ApprovalQueue.h"
#include "cases/CaseQueries.h"
#include "cases/CitizenPanel.h"
#include "cases/EvidencePanel.h"
#include "cases/FilingForm.h"
#include "cases/ProtocolLeaseKeeper.h"
#include "cases/WorkQueuesPage.h"
#include "catalogue/CataloguePage.h"
#include "db/Database.h"
#include "platform/LinuxPolicySource.h"
#include "training/PracticeCitizensDialog.h"
#include "training/TrainingDesk.h"
#include "training/TrainingWatermark.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPrintDialog>
#include <QPrinter>
#include <QProcess>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace kep::desk;
using namespace kep::desk::ui;
using kep::test::ServerProcess;

namespace {

const QString kProcedure = QStringLiteral("900006");  // a family status certificate

// What kep-server has stored: cases, devices, leases, audit entries, changes.
QList<qint64> serverCounts(const QString& database) {
    kep::db::OpenOptions options;
    options.mode = kep::db::OpenMode::ReadOnly;
    auto db = kep::db::Database::open(database.toStdString(), options);
    QList<qint64> counts;
    for (const char* sql :
         {"SELECT count(*) FROM sync_entity", "SELECT count(*) FROM sync_device",
          "SELECT count(*) FROM protocol_leases", "SELECT count(*) FROM audit_entry",
          "SELECT count(*) FROM sync_change"}) {
        auto st = db.prepare(sql);
        st.step();
        counts << st.int64(0);
    }
    return counts;
}

// What the server logged about connections and requests, from `from` on.
QStringList networkLines(const QByteArray& log, qsizetype from) {
    QStringList lines;
    for (const QByteArray& line : log.mid(from).split('\n')) {
        if (line.contains("\"request") || line.contains("tls_") || line.contains("connection") ||
            line.contains("websocket")) {
            lines << QString::fromUtf8(line);
        }
    }
    return lines;
}

QString pdfText(const QString& file) {
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {file, QStringLiteral("-")});
    pdftotext.waitForFinished(30000);
    return QString::fromUtf8(pdftotext.readAllStandardOutput());
}

}  // namespace

class tst_TrainingDesk : public QObject {
    Q_OBJECT

    ServerProcess server_;
    QTemporaryDir dir_;
    QStringList unmarked_;  // windows seen without the watermark, with where
    int windowsChecked_ = 0;

    // Every visible top-level window: its watermark there, visible, the window's size, above
    // every other child; its title marked.
    void checkWindows(const QString& where) {
        for (QWidget* window : QApplication::topLevelWidgets()) {
            const auto type = window->windowType();
            if (!window->isVisible() || type == Qt::Popup || type == Qt::ToolTip) {
                continue;
            }
            ++windowsChecked_;
            const auto* mark =
                window->findChild<TrainingWatermark*>(QString(), Qt::FindDirectChildrenOnly);
            QWidget* top = nullptr;
            for (QObject* child : window->children()) {
                if (child->isWidgetType() && static_cast<QWidget*>(child)->isVisible()) {
                    top = static_cast<QWidget*>(child);
                }
            }
            if (mark == nullptr || !mark->isVisible() || mark->geometry() != window->rect() ||
                top != mark || !window->windowTitle().startsWith(TrainingWatermark::text())) {
                unmarked_ << where + QStringLiteral(": ") + window->metaObject()->className() +
                                 QStringLiteral(" \"") + window->windowTitle() + u'"';
            }
        }
    }

    // Signs in with a training account, as typed on the sign-in dialog.
    bool signIn(DeskShell& shell, const QString& username, const QString& password) {
        SignInDialog* dialog = shell.signInDialog();
        if (!QTest::qWaitForWindowExposed(dialog)) {
            return false;
        }
        checkWindows(QStringLiteral("sign-in"));
        dialog->submitCredentials(username, password);
        return QTest::qWaitFor([&] { return shell.session().has_value(); }, 5000);
    }

private slots:
    void initTestCase() {
        QVERIFY2(server_.start(true), qPrintable(server_.errorString()));
        QVERIFY(QFile::exists(ServerProcess::binary()));
        QVERIFY(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty());
    }

    void theCounterFlowNeverReachesTheServer() {
        const QString production = dir_.filePath(QStringLiteral("data"));
        const QString database = server_.dataDir() + QStringLiteral("/kep.db");
        // The log does record a desk's request: a production link's health check is in it.
        {
            ServerLink productionLink(httpsTransport({server_.url(), server_.caFile(), {}, {}}));
            QSignalSpy state(&productionLink, &ServerLink::serverStateChanged);
            productionLink.checkHealth();
            QVERIFY(state.wait(10000));
            QVERIFY(productionLink.isOnline());
        }
        QTRY_VERIFY(!networkLines(server_.log(), 0).isEmpty());
        const qsizetype logBefore = server_.log().size();
        const QList<qint64> countsBefore = serverCounts(database);

        LanguageManager languages;
        QVERIFY(languages.setLanguage(QStringLiteral("el")));
        QString error;
        auto desk = TrainingDesk::open(
            {production,
             std::make_unique<LinuxPolicySource>(dir_.filePath(QStringLiteral("policy.conf"))),
             {server_.url(), server_.caFile(), production},
             false},
            languages, &error);
        QVERIFY2(desk, qPrintable(error));
        QCOMPARE(desk->settings().serverUrl(), server_.url());  // configured, and never used
        DeskShell& shell = desk->shell();
        desk->start();

        // The clerk: the procedure, a practice citizen, the documents ticked, filed.
        QVERIFY(signIn(shell, QStringLiteral("training.clerk"), QStringLiteral("training-clerk")));
        QVERIFY(shell.session()->offline);
        QCOMPARE(shell.session()->officeCode, QStringLiteral("TRAINING"));
        QVERIFY(QTest::qWaitForWindowExposed(shell.mainWindow()));
        QVERIFY(shell.protocolLeaseKeeper()->remaining() > 0);
        QVERIFY(shell.mainWindow()->cataloguePage()->openProcedure(kProcedure));
        shell.startNewCase(kProcedure);
        FilingForm* form = shell.filingForm();
        QVERIFY(form);
        checkWindows(QStringLiteral("filing form"));
        // The trainee looks the practice citizens up in Help → Practice citizens….
        PracticeCitizensDialog* citizens = desk->practiceCitizens();
        QVERIFY(shell.mainWindow()->helpMenu()->actions().contains(citizens->showAction()));
        citizens->showAction()->trigger();
        QVERIFY(QTest::qWaitForWindowExposed(citizens));
        checkWindows(QStringLiteral("practice citizens"));
        QCOMPARE(citizens->table()->rowCount(), desk->dataSet().citizens.size());
        const QString afm = citizens->table()->item(0, 0)->text();
        citizens->close();
        const auto& citizen = desk->dataSet().citizens.first();
        QCOMPARE(afm, citizen.afm);
        form->citizenPanel()->kind()->setCurrentIndex(0);
        form->citizenPanel()->afm()->setText(afm);
        form->citizenPanel()->surnameEl()->setText(citizen.surnameEl);
        form->citizenPanel()->givenNameEl()->setText(citizen.givenNameEl);
        auto documents = form->evidencePanel()->states();
        QVERIFY(!documents.empty());
        for (auto& document : documents) {
            document.second = kep::cases::EvidenceState::Provided;
        }
        form->evidencePanel()->setStates(documents);
        QString number;
        QString receipt;
        connect(form, &FilingForm::caseFiled, this, [&](const QString& n, const QString& r) {
            number = n;
            receipt = r;
        });
        form->file();
        QVERIFY2(!number.isEmpty(), qPrintable(form->outcome()->text()));
        QVERIFY2(number.startsWith(QStringLiteral("TRAINING/")), qPrintable(number));
        QVERIFY(receipt.startsWith(desk->sandboxFolder()));
        QVERIFY(pdfText(receipt).contains(TrainingWatermark::text()));

        // Printed: the print dialog is marked too, and so is the page.
        const QString printed = dir_.filePath(QStringLiteral("printed.pdf"));
        QTimer answer;
        connect(&answer, &QTimer::timeout, this, [&] {
            auto* dialog = qobject_cast<QPrintDialog*>(QApplication::activeModalWidget());
            if (dialog == nullptr) {
                return;
            }
            answer.stop();
            checkWindows(QStringLiteral("print dialog"));
            // After the dialog has copied its own choices into the printer: to a file here.
            connect(dialog, qOverload<QPrinter*>(&QPrintDialog::accepted), this,
                    [&printed](QPrinter* printer) {
                        printer->setOutputFormat(QPrinter::PdfFormat);
                        printer->setOutputFileName(printed);
                    });
            dialog->accept();
        });
        answer.start(50);
        QSignalSpy printedSpy(form, &FilingForm::receiptPrinted);
        form->printReceipt();
        QCOMPARE(printedSpy.size(), 1);
        QVERIFY(pdfText(printed).contains(TrainingWatermark::text()));

        // In the queues, then the manager approves it.
        shell.showWorkQueues();
        checkWindows(QStringLiteral("work queues"));
        shell.signOut();
        QVERIFY(
            signIn(shell, QStringLiteral("training.manager"), QStringLiteral("training-manager")));
        shell.showApprovalQueue();
        ApprovalQueue* queue = shell.approvalQueue();
        QVERIFY(queue);
        checkWindows(QStringLiteral("approval queue"));
        int row = -1;
        for (int r = 0; r < queue->cases()->rowCount(); ++r) {
            if (queue->cases()->item(r, 0)->text() == number) {
                row = r;
            }
        }
        QVERIFY2(row >= 0, qPrintable(number));
        queue->cases()->setCurrentCell(row, 0);
        QSignalSpy decided(queue, &ApprovalQueue::decided);
        queue->approveSelected();
        QCOMPARE(decided.size(), 1);
        checkWindows(QStringLiteral("approved"));
        QVERIFY2(unmarked_.isEmpty(), qPrintable(unmarked_.join(u'\n')));
        QVERIFY(windowsChecked_ >= 7);  // sign-in twice, the main window, the print dialog, …

        // Long enough for the health checks, sync and pulls that a production desk would make.
        QTest::qWait(3000);
        shell.signOut();
        desk.reset();

        QCOMPARE(networkLines(server_.log(), logBefore), QStringList());
        QCOMPARE(serverCounts(database), countsBefore);
        QCOMPARE(QDir(production).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("training")});
    }
};

QTEST_MAIN(tst_TrainingDesk)
#include "tst_trainingdesk.moc"
