// The monthly report: its CSV exactly (BOM, header in the report's language, RFC 4180 quoting),
// its PDF as pdftotext reads it (the Greek title, a figure), and the monthly job writing the four
// files of the month just ended, once, with an injected clock.
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "db/Database.h"
#include "reports/MonthlyReport.h"
#include "reports/MonthlyReportJob.h"
#include "stats/StatsQueries.h"
#include "storage/ServerStore.h"

#include <filesystem>

using kep::server::reports::MonthlyReport;
using kep::server::reports::ReportLanguage;
using namespace std::chrono;

namespace {

MonthlyReport fixture(ReportLanguage language) {
    MonthlyReport report;
    report.office = "0101";
    report.month = year{2027} / May;
    report.language = language;
    report.figures.filed = 42;
    report.figures.byStatus = {{"approved", 30}, {"submitted", 12}};
    report.figures.byChannel = {{"counter", 40}, {"govgr", 2}};
    report.figures.backlog = 12;
    report.figures.processing.completed = 30;
    report.figures.processing.medianDays = 3.0;
    report.figures.processing.p90Days = 7.5;
    report.figures.processing.deadlineCompliance = 0.9;
    report.figures.returnedRate = 0.05;
    report.figures.onlineShare = 2.0 / 42.0;
    kep::server::stats::ProcedureFigures procedure;
    procedure.id = "p-1";
    procedure.titleEl = "Άδεια διαμονής, \"μπλε κάρτα\"";
    procedure.titleEn = "Residence permit";
    procedure.filed = 7;
    report.topProcedures = {procedure};
    return report;
}

std::string readAll(const std::filesystem::path& path) {
    QFile file(QString::fromStdString(path.string()));
    return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string{};
}

std::int64_t epochMs(year_month_day day) {
    return duration_cast<milliseconds>(sys_days{day}.time_since_epoch()).count() +
           12 * 3'600'000;  // noon, UTC: the same day in Greece
}

}  // namespace

class tst_MonthlyReport : public QObject {
    Q_OBJECT

private slots:
    void csvIsExact_data() {
        QTest::addColumn<int>("language");
        QTest::addColumn<QString>("expected");
        QTest::newRow("el") << int(ReportLanguage::Greek)
                            << QString::fromUtf8(
                                   "\xEF\xBB\xBF"
                                   "Μέτρο,Τιμή\r\n"
                                   "Αιτήσεις που κατατέθηκαν,42\r\n"
                                   "Κατάσταση: approved,30\r\n"
                                   "Κατάσταση: submitted,12\r\n"
                                   "Κανάλι: counter,40\r\n"
                                   "Κανάλι: govgr,2\r\n"
                                   "Εκκρεμείς υποθέσεις,12\r\n"
                                   "Ολοκληρωμένες υποθέσεις,30\r\n"
                                   "Διάμεσος χρόνος διεκπεραίωσης (ημέρες),3.0\r\n"
                                   "\"Χρόνος διεκπεραίωσης, 90ό εκατοστημόριο (ημέρες)\",7.5\r\n"
                                   "Τήρηση προθεσμίας (%),90.0\r\n"
                                   "Επιστροφές (%),5.0\r\n"
                                   "Απορρίψεις (%),\r\n"
                                   "Ηλεκτρονικές αιτήσεις (%),4.8\r\n"
                                   "\"Διαδικασία 1: Άδεια διαμονής, \"\"μπλε κάρτα\"\"\",7\r\n");
        QTest::newRow("en") << int(ReportLanguage::English)
                            << QString::fromUtf8(
                                   "\xEF\xBB\xBF"
                                   "Metric,Value\r\n"
                                   "Applications filed,42\r\n"
                                   "Status: approved,30\r\n"
                                   "Status: submitted,12\r\n"
                                   "Channel: counter,40\r\n"
                                   "Channel: govgr,2\r\n"
                                   "Backlog,12\r\n"
                                   "Cases completed,30\r\n"
                                   "Median processing time (days),3.0\r\n"
                                   "\"Processing time, 90th percentile (days)\",7.5\r\n"
                                   "Deadline compliance (%),90.0\r\n"
                                   "Returned (%),5.0\r\n"
                                   "Rejected (%),\r\n"
                                   "Filed online (%),4.8\r\n"
                                   "Procedure 1: Residence permit,7\r\n");
    }
    void csvIsExact() {
        QFETCH(int, language);
        QFETCH(QString, expected);
        const auto csv = kep::server::reports::toCsv(fixture(ReportLanguage(language)));
        QCOMPARE(QString::fromStdString(csv), expected);
    }

    void pdfShowsTitleAndFigures() {
        const auto pdf = kep::server::reports::toPdf(fixture(ReportLanguage::Greek));
        QVERIFY(pdf.starts_with("%PDF-"));
        const auto pdftotext = QStandardPaths::findExecutable("pdftotext");
        if (pdftotext.isEmpty()) {
            QSKIP("pdftotext (poppler-utils) is not installed");
        }
        QProcess process;
        process.start(pdftotext, {"-", "-"});
        process.write(pdf.data(), static_cast<qint64>(pdf.size()));
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(30'000));
        const auto text = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(text.contains(QString::fromUtf8("Μηνιαία αναφορά ΚΕΠ 0101 — Μάιος 2027")),
                 qPrintable(text));
        QVERIFY2(text.contains(QString::fromUtf8("Αιτήσεις που κατατέθηκαν")), qPrintable(text));
        QVERIFY2(text.contains("42"), qPrintable(text));
        QVERIFY2(text.contains(QString::fromUtf8("Σελίδα 1 / 1")), qPrintable(text));
    }

    void jobWritesTheEndedMonthOnce() {
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        const auto path = (root / "kep.db").string();
        kep::server::storage::ServerStore::create(path)->addOffice(
            {"0101", "ΚΕΠ Αθηνών", "Αττική"});
        auto db = kep::db::Database::open(path);
        auto queries = std::make_shared<kep::server::stats::StatsQueries>(
            std::make_shared<kep::server::stats::ReadConnections>(db));
        std::int64_t now = epochMs(year{2027} / June / 1);
        kep::server::reports::MonthlyReportJob job(
            queries, [] { return std::vector<std::string>{"0101"}; }, root, [&now] { return now; });

        QVERIFY(job.run());
        const auto folder = root / "reports" / "0101";
        for (const auto* name :
             {"2027-05.el.csv", "2027-05.en.csv", "2027-05.el.pdf", "2027-05.en.pdf"}) {
            QVERIFY2(std::filesystem::exists(folder / name), name);
        }
        QVERIFY(readAll(folder / "2027-05.el.csv").find("Αιτήσεις που κατατέθηκαν,0") !=
                std::string::npos);
        QVERIFY(readAll(folder / "2027-05.en.pdf").starts_with("%PDF-"));
        QCOMPARE(std::distance(std::filesystem::directory_iterator(folder),
                               std::filesystem::directory_iterator{}),
                 4);  // no temporary file left behind

        QVERIFY(!job.run());  // the same month again: nothing to do
        // A report already there is kept, not rewritten, by another run for the same month.
        std::filesystem::remove(folder / "2027-05.en.pdf");
        kep::server::reports::MonthlyReportJob restarted(
            queries, [] { return std::vector<std::string>{"0101"}; }, root, [&now] { return now; });
        const auto before = std::filesystem::last_write_time(folder / "2027-05.el.csv");
        QVERIFY(restarted.run());
        QVERIFY(std::filesystem::exists(folder / "2027-05.en.pdf"));
        QCOMPARE(std::filesystem::last_write_time(folder / "2027-05.el.csv"), before);

        now = epochMs(year{2027} / July / 1);
        QVERIFY(job.run());
        QVERIFY(std::filesystem::exists(folder / "2027-06.en.csv"));
    }
};

QTEST_GUILESS_MAIN(tst_MonthlyReport)
#include "tst_monthly_report.moc"
