#include "reports/MonthlyReport.h"

#include <array>
#include <cmath>
#include <cstdio>

namespace kep::server::reports {

namespace {

using std::chrono::sys_days;

constexpr std::array<const char*, 12> kGreekMonths = {
    "Ιανουάριος", "Φεβρουάριος", "Μάρτιος",     "Απρίλιος",  "Μάιος",     "Ιούνιος",
    "Ιούλιος",    "Αύγουστος",   "Σεπτέμβριος", "Οκτώβριος", "Νοέμβριος", "Δεκέμβριος"};
constexpr std::array<const char*, 12> kEnglishMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::string decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

std::string days(const std::optional<double>& value) {
    return value ? decimal(*value) : std::string{};
}

std::string percent(const std::optional<double>& share) {
    return share ? decimal(*share * 100.0) : std::string{};
}

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

}  // namespace

std::optional<ReportLanguage> parseReportLanguage(std::string_view code) {
    if (code == "el") {
        return ReportLanguage::Greek;
    }
    if (code == "en") {
        return ReportLanguage::English;
    }
    return std::nullopt;
}

std::string_view languageCode(ReportLanguage language) {
    return language == ReportLanguage::Greek ? "el" : "en";
}

MonthlyReport gatherMonthlyReport(stats::StatsQueries& queries, const std::string& office,
                                  std::chrono::year_month month, ReportLanguage language,
                                  std::chrono::year_month_day today) {
    const stats::Period period{month / std::chrono::day{1}, month / std::chrono::last};
    const stats::ScopeKeys scopes{office};
    return {office, month, language, queries.overview(scopes, period, today),
            queries.procedures(scopes, period, stats::ProcedureOrder::Top, kTopProcedures)};
}

std::string reportTitle(const MonthlyReport& report) {
    const auto index = static_cast<unsigned>(report.month.month()) - 1;
    const auto year = std::to_string(static_cast<int>(report.month.year()));
    if (report.language == ReportLanguage::Greek) {
        return "Μηνιαία αναφορά ΚΕΠ " + report.office + " — " + kGreekMonths.at(index) + " " + year;
    }
    return "Monthly report, KEP " + report.office + " — " + kEnglishMonths.at(index) + " " + year;
}

std::vector<std::pair<std::string, std::string>> reportRows(const MonthlyReport& report) {
    const bool el = report.language == ReportLanguage::Greek;
    const auto& f = report.figures;
    std::vector<std::pair<std::string, std::string>> rows;
    rows.emplace_back(el ? "Αιτήσεις που κατατέθηκαν" : "Applications filed",
                      std::to_string(f.filed));
    for (const auto& [status, count] : f.byStatus) {
        rows.emplace_back((el ? "Κατάσταση: " : "Status: ") + status, std::to_string(count));
    }
    for (const auto& [channel, count] : f.byChannel) {
        rows.emplace_back((el ? "Κανάλι: " : "Channel: ") + channel, std::to_string(count));
    }
    rows.emplace_back(el ? "Εκκρεμείς υποθέσεις" : "Backlog", std::to_string(f.backlog));
    rows.emplace_back(el ? "Ολοκληρωμένες υποθέσεις" : "Cases completed",
                      std::to_string(f.processing.completed));
    rows.emplace_back(
        el ? "Διάμεσος χρόνος διεκπεραίωσης (ημέρες)" : "Median processing time (days)",
        days(f.processing.medianDays));
    rows.emplace_back(el ? "Χρόνος διεκπεραίωσης, 90ό εκατοστημόριο (ημέρες)"
                         : "Processing time, 90th percentile (days)",
                      days(f.processing.p90Days));
    rows.emplace_back(el ? "Τήρηση προθεσμίας (%)" : "Deadline compliance (%)",
                      percent(f.processing.deadlineCompliance));
    rows.emplace_back(el ? "Επιστροφές (%)" : "Returned (%)", percent(f.returnedRate));
    rows.emplace_back(el ? "Απορρίψεις (%)" : "Rejected (%)", percent(f.rejectedRate));
    rows.emplace_back(el ? "Ηλεκτρονικές αιτήσεις (%)" : "Filed online (%)",
                      percent(f.onlineShare));
    int rank = 0;
    for (const auto& procedure : report.topProcedures) {
        const auto& title = el ? procedure.titleEl : procedure.titleEn;
        rows.emplace_back((el ? "Διαδικασία " : "Procedure ") + std::to_string(++rank) + ": " +
                              (title.empty() ? procedure.id : title),
                          std::to_string(procedure.filed));
    }
    return rows;
}

std::string toCsv(const MonthlyReport& report) {
    const bool el = report.language == ReportLanguage::Greek;
    std::string csv = "\xEF\xBB\xBF";
    csv += el ? "Μέτρο,Τιμή\r\n" : "Metric,Value\r\n";
    for (const auto& [metric, value] : reportRows(report)) {
        csv += csvField(metric) + "," + csvField(value) + "\r\n";
    }
    return csv;
}

}  // namespace kep::server::reports
