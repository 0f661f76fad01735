// An office's monthly report as the server makes it (GET /api/v1/stats/reports/…, CSV or PDF),
// asked for in the language the manager reads: its target, the file it is saved as, its check.
#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>

namespace kep::desk::dashboard {

enum class ReportFormat { Pdf, Csv };

struct MonthlyReportRequest {
    QString office;  // the office's code, "0101"
    QDate month;     // any day of the month
    ReportFormat format = ReportFormat::Pdf;
    QString language = QStringLiteral("el");  // "el" or "en": the report's titles and labels
};

// "/api/v1/stats/reports/0101/2026-10.pdf?lang=el"
QByteArray monthlyReportTarget(const MonthlyReportRequest& request);
// "kep-0101-2026-10.el.pdf", as the server's Content-Disposition names it.
QString monthlyReportFileName(const MonthlyReportRequest& request);
// By the file's suffix: ".csv" is CSV, anything else PDF.
ReportFormat reportFormatOfFile(const QString& file);
// The body is a report of that format (a PDF; UTF-8 CSV text with the server's BOM), not an
// error page or a truncated answer.
bool isReportBody(const QByteArray& body, ReportFormat format);

}  // namespace kep::desk::dashboard
