// The monthly report as the desk asks the server for it: the route with the report's language
// and format, the file name the server gives it, the format from the file chosen, and the check
// that an answer is a report of that format before it is saved.
#include "dashboard/MonthlyReport.h"

#include <QtTest>

using namespace kep::desk::dashboard;

class tst_MonthlyReport : public QObject {
    Q_OBJECT

private slots:
    void targetAndFileName_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("format");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QString>("fileName");
        QTest::newRow("el pdf") << "el" << int(ReportFormat::Pdf)
                                << QByteArray("/api/v1/stats/reports/0101/2026-10.pdf?lang=el")
                                << "kep-0101-2026-10.el.pdf";
        QTest::newRow("en pdf") << "en" << int(ReportFormat::Pdf)
                                << QByteArray("/api/v1/stats/reports/0101/2026-10.pdf?lang=en")
                                << "kep-0101-2026-10.en.pdf";
        QTest::newRow("el csv") << "el" << int(ReportFormat::Csv)
                                << QByteArray("/api/v1/stats/reports/0101/2026-10.csv?lang=el")
                                << "kep-0101-2026-10.el.csv";
        QTest::newRow("en csv") << "en" << int(ReportFormat::Csv)
                                << QByteArray("/api/v1/stats/reports/0101/2026-10.csv?lang=en")
                                << "kep-0101-2026-10.en.csv";
    }
    void targetAndFileName() {
        QFETCH(QString, language);
        QFETCH(int, format);
        QFETCH(QByteArray, target);
        QFETCH(QString, fileName);
        MonthlyReportRequest request;
        request.office = "0101";
        request.month = QDate(2026, 10, 17);  // any day names its month
        request.format = static_cast<ReportFormat>(format);
        request.language = language;
        QCOMPARE(monthlyReportTarget(request), target);
        QCOMPARE(monthlyReportFileName(request), fileName);
    }

    void formatFromTheFileChosen() {
        QVERIFY(reportFormatOfFile("/home/m/kep-0101-2026-10.el.csv") == ReportFormat::Csv);
        QVERIFY(reportFormatOfFile("C:/Reports/October.CSV") == ReportFormat::Csv);
        QVERIFY(reportFormatOfFile("/home/m/kep-0101-2026-10.el.pdf") == ReportFormat::Pdf);
        QVERIFY(reportFormatOfFile("/home/m/report") == ReportFormat::Pdf);
    }

    void onlyAReportIsAReport_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("format");
        QTest::addColumn<bool>("report");
        const QByteArray csv = "\xEF\xBB\xBFMetric,Value\r\nfiled,6\r\n";
        QTest::newRow("pdf") << QByteArray("%PDF-1.7\n…") << int(ReportFormat::Pdf) << true;
        QTest::newRow("csv") << csv << int(ReportFormat::Csv) << true;
        QTest::newRow("csv asked, pdf came")
            << QByteArray("%PDF-1.7\n") << int(ReportFormat::Csv) << false;
        QTest::newRow("pdf asked, csv came") << csv << int(ReportFormat::Pdf) << false;
        QTest::newRow("an error page")
            << QByteArray("<html>502</html>") << int(ReportFormat::Pdf) << false;
        QTest::newRow("empty") << QByteArray() << int(ReportFormat::Csv) << false;
    }
    void onlyAReportIsAReport() {
        QFETCH(QByteArray, body);
        QFETCH(int, format);
        QFETCH(bool, report);
        QCOMPARE(isReportBody(body, static_cast<ReportFormat>(format)), report);
    }
};

QTEST_GUILESS_MAIN(tst_MonthlyReport)
#include "tst_monthlyreport.moc"
