// An office's monthly report (issue 8): the month's figures from the statistics, labelled in
// Greek or English, as CSV for spreadsheets and as PDF for the file and the noticeboard.
#pragma once

#include "stats/StatsQueries.h"

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace kep::server::reports {

enum class ReportLanguage { Greek, English };

// "el" or "en"; nullopt for anything else.
std::optional<ReportLanguage> parseReportLanguage(std::string_view code);
std::string_view languageCode(ReportLanguage language);

struct MonthlyReport {
    std::string office;  // the office's code, "0101"
    std::chrono::year_month month;
    ReportLanguage language = ReportLanguage::Greek;
    stats::Overview figures;
    std::vector<stats::ProcedureFigures> topProcedures;  // most filed, at most kTopProcedures
};

inline constexpr int kTopProcedures = 10;

// The month's figures for `office`; `today` (Greek civil date) is what backlog and deadlines
// are counted against. Throws kep::db::Error.
MonthlyReport gatherMonthlyReport(stats::StatsQueries& queries, const std::string& office,
                                  std::chrono::year_month month, ReportLanguage language,
                                  std::chrono::year_month_day today);

// "Μηνιαία αναφορά ΚΕΠ 0101 — Μάιος 2027" / "Monthly report, KEP 0101 — May 2027".
std::string reportTitle(const MonthlyReport& report);
// One metric a row, labelled in the report's language; a figure there is nothing to compute
// from (no completed case, nothing filed) is an empty value.
std::vector<std::pair<std::string, std::string>> reportRows(const MonthlyReport& report);

// RFC 4180 (CRLF, quoted where needed), UTF-8 with a BOM so that Excel reads the Greek.
std::string toCsv(const MonthlyReport& report);
// An A4 PDF; throws std::runtime_error naming the font file when it is missing.
std::string toPdf(const MonthlyReport& report);

}  // namespace kep::server::reports
