// toPdf(): the report's title and rows drawn by the shared table PDF writer.
#include "reports/MonthlyReport.h"
#include "reports/TablePdf.h"

namespace kep::server::reports {

std::string toPdf(const MonthlyReport& report) {
    return tablePdf(reportTitle(report), reportRows(report),
                    report.language == ReportLanguage::Greek);
}

}  // namespace kep::server::reports
