// The monthly report route against a real kep-server over TLS: an office's manager downloads
// the CSV (Greek by default, English on asking) and the PDF of their office's month as an
// attachment; another office's report is refused (403); a bad month or format is answered 400
// naming the parameter.
#include "SyncTestKit.h"

#include <QFileInfo>
#include <QTest>

using kep::test::bearer;
using kep::test::errorCodeOf;
using kep::test::ServerProcess;
using kep::test::SyncDesk;
using kep::test::SyncTestKit;

class tst_ReportRoutes : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;
    std::unique_ptr<SyncTestKit> kit_;
    std::optional<SyncDesk> athens_;  // a desk of office 0101
    std::string managerToken_;        // 0101's manager

    kep::net::Response get(const std::string& path) {
        return athens_->client->request("GET", path, {}, {}, bearer(managerToken_));
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server_.start(true), qPrintable(server_.errorString()));
        kit_ = std::make_unique<SyncTestKit>(server_);
        QVERIFY2(kit_->setUp(), qPrintable(kit_->errorString()));
        athens_ = kit_->enrolDesk("0101");
        QVERIFY2(athens_, qPrintable(kit_->errorString()));
        const auto token = kit_->identity().signIn(*athens_->client, "manager",
                                                   kit_->identity().account("manager").password);
        QVERIFY2(token, qPrintable(kit_->errorString()));
        managerToken_ = *token;
    }

    void managerGetsTheirOfficesCsv_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("fileName");
        QTest::newRow("greek by default")
            << "" << QString::fromUtf8("Μέτρο,Τιμή") << "kep-0101-2026-01.el.csv";
        QTest::newRow("english") << "?lang=en"
                                 << "Metric,Value"
                                 << "kep-0101-2026-01.en.csv";
    }
    void managerGetsTheirOfficesCsv() {
        QFETCH(QString, query);
        QFETCH(QString, header);
        QFETCH(QString, fileName);
        const auto response = get("/api/v1/stats/reports/0101/2026-01.csv" + query.toStdString());
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("Content-Type").value_or(""), "text/csv; charset=utf-8");
        QCOMPARE(QString::fromStdString(response.header("Content-Disposition").value_or("")),
                 "attachment; filename=\"" + fileName + "\"");
        QVERIFY(response.body.starts_with("\xEF\xBB\xBF" + header.toStdString() + "\r\n"));
    }

    void managerGetsThePdf() {
        const auto response = get("/api/v1/stats/reports/0101/2026-01.pdf");
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("Content-Type").value_or(""), "application/pdf");
        QVERIFY(response.body.starts_with("%PDF-"));
    }

    void anotherOfficeIsRefused() {
        const auto response = get("/api/v1/stats/reports/0202/2026-01.csv");
        QCOMPARE(response.status, 403);
    }

    void badParametersAreNamed_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("month 13") << "0101/2027-13.csv"
                                  << "'month'";
        QTest::newRow("future month") << "0101/2099-01.csv"
                                      << "'month'";
        QTest::newRow("not a month") << "0101/latest.csv"
                                     << "'month'";
        QTest::newRow("format") << "0101/2026-01.xlsx"
                                << "'format'";
        QTest::newRow("language") << "0101/2026-01.csv?lang=fr"
                                  << "'lang'";
    }
    void badParametersAreNamed() {
        QFETCH(QString, path);
        QFETCH(QString, parameter);
        const auto response = get("/api/v1/stats/reports/" + path.toStdString());
        QCOMPARE(response.status, 400);
        QCOMPARE(errorCodeOf(response), QString("invalid_query"));
        QVERIFY2(QString::fromStdString(response.body).contains(parameter), response.body.c_str());
    }
};

QTEST_GUILESS_MAIN(tst_ReportRoutes)
#include "tst_report_routes.moc"
