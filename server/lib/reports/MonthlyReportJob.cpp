#include "reports/MonthlyReportJob.h"

#include "reports/MonthlyReport.h"
#include "stats/CivilDate.h"

#include <fcntl.h>
#include <unistd.h>

#include <stdexcept>
#include <system_error>

namespace kep::server::reports {

namespace {

[[noreturn]] void failed(const std::string& what, const std::filesystem::path& path) {
    throw std::system_error(errno, std::generic_category(), what + " " + path.string());
}

// Temp file, fsync, rename, fsync of the folder: a reader sees the whole report or none.
void writeAtomically(const std::filesystem::path& path, const std::string& bytes) {
    const auto temp = path.string() + ".tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
    if (fd < 0) {
        failed("cannot create", temp);
    }
    std::size_t written = 0;
    while (written < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno != EINTR) {
            ::close(fd);
            failed("cannot write", temp);
        }
        written += n > 0 ? static_cast<std::size_t>(n) : 0;
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        failed("cannot sync", temp);
    }
    std::filesystem::rename(temp, path);
    const int dir = ::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

}  // namespace

MonthlyReportJob::MonthlyReportJob(std::shared_ptr<stats::StatsQueries> queries,
                                   OfficeCodes offices, std::filesystem::path dataDir,
                                   ClockMs clock)
    : queries_(std::move(queries))
    , offices_(std::move(offices))
    , reportsDir_(std::move(dataDir) / "reports")
    , clock_(std::move(clock)) {}

bool MonthlyReportJob::run() {
    const auto today = stats::greekMoment(clock_()).date;
    const auto ended =
        std::chrono::year_month{today.year(), today.month()} - std::chrono::months{1};
    const auto month = stats::civilMonthText(ended / std::chrono::day{1});
    if (month == doneMonth_) {
        return false;
    }
    bool wrote = false;
    for (const auto& office : offices_()) {
        const auto folder = reportsDir_ / office;
        std::filesystem::create_directories(folder);
        for (const auto language : {ReportLanguage::Greek, ReportLanguage::English}) {
            const auto stem = month + "." + std::string(languageCode(language));
            const auto csv = folder / (stem + ".csv");
            const auto pdf = folder / (stem + ".pdf");
            if (std::filesystem::exists(csv) && std::filesystem::exists(pdf)) {
                continue;
            }
            const auto report = gatherMonthlyReport(*queries_, office, ended, language, today);
            if (!std::filesystem::exists(csv)) {
                writeAtomically(csv, toCsv(report));
            }
            if (!std::filesystem::exists(pdf)) {
                writeAtomically(pdf, toPdf(report));
            }
            wrote = true;
        }
    }
    doneMonth_ = month;
    return wrote;
}

void addMonthlyReportJob(jobs::BackgroundJobs& jobs, std::shared_ptr<MonthlyReportJob> job) {
    jobs.add({"monthly_reports", [job] { return job->run(); }});
}

}  // namespace kep::server::reports
