// The catalogue publishing window against a real kep-server (offscreen): a fee changed in a
// draft by `kep-server import-mitos`, the central administrator signed in at an enrolled desk
// sees the fee's difference, ticks the draft with the keyboard and publishes it (confirmed), and
// the public procedure route then shows the new fee; then the options editor takes another
// procedure off the desks.
#include "HttpsTransport.h"
#include "SampleCatalogue.h"
#include "ServerLink.h"
#include "ServerProcess.h"
#include "Workstation.h"
#include "admin/AdministrationClient.h"
#include "admin/CataloguePublishWindow.h"

#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

using namespace kep::desk;
using kep::test::ServerProcess;

namespace {

QJsonObject demoOf(const ServerProcess& server) {
    QFile demo(server.demoJson());
    return demo.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(demo.readAll()).object()
                                          : QJsonObject{};
}

QString passwordOf(const QJsonObject& demo, const QString& username) {
    for (const QJsonValue& user : demo.value("users").toArray()) {
        if (user.toObject().value("username").toString() == username) {
            return user.toObject().value("password").toString();
        }
    }
    return {};
}

// GET /api/v1/catalogue/procedures/{id} as anyone may: no certificate, no session.
QJsonObject publicRecord(const ServerProcess& server, const QString& id) {
    const auto transport = httpsTransport({server.url(), server.caFile(), {}, {}})();
    const HttpReply reply =
        transport->send("GET", "/api/v1/catalogue/procedures/" + id.toUtf8(), {}, {});
    return QJsonDocument::fromJson(reply.body).object();
}

}  // namespace

class tst_DeskCataloguePublishE2e : public QObject {
    Q_OBJECT

private slots:
    void centralAdministratorPublishesAFeeChange() {
        ServerProcess server;
        QVERIFY2(server.start(true), qPrintable(server.errorString()));
        QTemporaryDir changed;
        QVERIFY(kep::test::writeFeeChange(changed.path(), "900002", 175));
        QCOMPARE(server.runOnce({"import-mitos", "--data", server.dataDir(), changed.path() + "/el",
                                 changed.path() + "/en"}),
                 0);

        // An enrolled desk where the central administrator signs in.
        QTemporaryDir dir;
        QString error;
        SystemClock clock;
        auto workstation = Workstation::open(dir.filePath("data"), clock, {}, &error);
        QVERIFY2(workstation, qPrintable(error));
        ServerLink link(httpsTransport({server.url(), server.caFile(),
                                        workstation->dataFolder().certificateFile(),
                                        workstation->credential().tlsKeyFile()}),
                        &workstation->credential());
        const QJsonObject demo = demoOf(server);
        QSignalSpy enrolled(&link, &ServerLink::enrolled);
        link.enrol(demo.value("enrolmentCodes").toArray()[0].toObject().value("code").toString(),
                   "e2e-central");
        QTRY_VERIFY_WITH_TIMEOUT(!enrolled.isEmpty(), 20000);
        QSignalSpy signedIn(&link, &ServerLink::signedIn);
        link.signIn("central", passwordOf(demo, "central"));
        QTRY_VERIFY_WITH_TIMEOUT(!signedIn.isEmpty(), 20000);

        admin::AdministrationClient client(link);
        ui::CataloguePublishWindow window(client);
        window.setLanguage("en");
        QStringList questions;
        window.setConfirmation([&](const QString& question) {
            questions << question;
            return true;
        });
        window.show();

        // 1. The draft and its fee difference.
        QTRY_COMPARE_WITH_TIMEOUT(window.drafts()->rowCount(), 1, 10000);
        QCOMPARE(window.drafts()->item(0, 0)->text(), QStringLiteral("900002"));
        QCOMPARE(window.drafts()->item(0, 2)->text(), QStringLiteral("1 → 2"));
        const QString shown = window.difference()->toPlainText();
        QVERIFY2(shown.contains("evidence_cost_min: 150 → 175"), qPrintable(shown));
        QVERIFY2(shown.contains("Fees"), qPrintable(shown));

        // 2. Nothing ticked: nothing is published, and the window says why.
        window.publishSelected();
        QVERIFY(questions.isEmpty());
        QVERIFY(window.status()->text().contains("Tick"));

        // 3. Ticked with the keyboard, published after the confirmation.
        window.drafts()->setFocus();
        window.drafts()->setCurrentCell(0, 0);
        QTest::keyClick(window.drafts(), Qt::Key_Space);
        QCOMPARE(window.drafts()->item(0, 0)->checkState(), Qt::Checked);
        QSignalSpy published(&client, &admin::AdministrationClient::cataloguePublished);
        window.publishSelected();
        QCOMPARE(questions.size(), 1);
        QVERIFY2(questions[0].contains("1 procedure"), qPrintable(questions[0]));
        QTRY_VERIFY_WITH_TIMEOUT(!published.isEmpty(), 10000);
        QVERIFY2(window.status()->text().contains("Published 1"),
                 qPrintable(window.status()->text()));
        QTRY_COMPARE_WITH_TIMEOUT(window.drafts()->rowCount(), 0, 10000);

        // 4. The public procedure route shows the new fee.
        const QJsonObject record = publicRecord(server, "900002");
        QCOMPARE(record["version"].toInt(), 2);
        QCOMPARE(kep::test::firstFeeOf(record), 175.0);

        // 5. The options editor takes another procedure off the desks (confirmed first).
        window.procedureId()->setText("900003");
        QSignalSpy loaded(&client, &admin::AdministrationClient::procedureOptionsLoaded);
        window.loadOptions();
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 10000);
        QVERIFY(window.offeredAtKep()->isChecked());
        window.offeredAtKep()->setChecked(false);
        window.authority()->setText("AUTH-0042");
        QSignalSpy saved(&client, &admin::AdministrationClient::procedureOptionsSaved);
        window.saveOptions();
        QCOMPARE(questions.size(), 2);
        QVERIFY(questions[1].contains("900003"));
        QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty(), 10000);
        const QJsonObject kep = publicRecord(server, "900003")["kep"].toObject();
        QVERIFY(!kep["offeredAtKep"].toBool());
        QCOMPARE(kep["competentAuthorityId"].toString(), QStringLiteral("AUTH-0042"));

        window.close();
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_MAIN(tst_DeskCataloguePublishE2e)
#include "tst_desk_catalogue_publish_e2e.moc"
