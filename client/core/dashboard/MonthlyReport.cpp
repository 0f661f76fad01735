#include "dashboard/MonthlyReport.h"

#include <QUrl>

namespace kep::desk::dashboard {

namespace {

QString suffix(ReportFormat format) {
    return format == ReportFormat::Csv ? QStringLiteral("csv") : QStringLiteral("pdf");
}

QString monthText(const QDate& month) {
    return month.toString(QStringLiteral("yyyy-MM"));
}

}  // namespace

QByteArray monthlyReportTarget(const MonthlyReportRequest& request) {
    return "/api/v1/stats/reports/" + QUrl::toPercentEncoding(request.office) + '/' +
           monthText(request.month).toLatin1() + '.' + suffix(request.format).toLatin1() +
           "?lang=" + QUrl::toPercentEncoding(request.language);
}

QString monthlyReportFileName(const MonthlyReportRequest& request) {
    return QStringLiteral("kep-%1-%2.%3.%4")
        .arg(request.office, monthText(request.month), request.language, suffix(request.format));
}

ReportFormat reportFormatOfFile(const QString& file) {
    return file.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? ReportFormat::Csv
                                                                     : ReportFormat::Pdf;
}

bool isReportBody(const QByteArray& body, ReportFormat format) {
    if (format == ReportFormat::Pdf) {
        return body.startsWith("%PDF-");
    }
    // The server writes a BOM so that Excel reads the Greek; a header row ends with CRLF.
    return body.startsWith("\xEF\xBB\xBF") && body.contains("\r\n");
}

}  // namespace kep::desk::dashboard
