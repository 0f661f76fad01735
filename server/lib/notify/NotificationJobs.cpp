#include "notify/NotificationJobs.h"

#include "jobs/ChangeFollower.h"
#include "notify/CaseNotices.h"
#include "notify/FileSender.h"
#include "notify/NotificationDelivery.h"
#include "notify/WebhookSender.h"
#include "platform/Files.h"
#include "storage/DatabaseLocation.h"

#include <memory>
#include <random>
#include <stdexcept>

namespace kep::server::notify {

namespace {

// A token file holds the token and perhaps a final newline.
std::string readToken(const std::string& path) {
    std::string token = platform::readFile(path);
    while (!token.empty() && (token.back() == '\n' || token.back() == '\r' || token.back() == ' ' ||
                              token.back() == '\t')) {
        token.pop_back();
    }
    if (token.empty()) {
        throw std::runtime_error("the notification token file " + path + " is empty");
    }
    return token;
}

std::unique_ptr<NotificationSender> makeSender(const NotifySettings& settings) {
    if (!settings.webhookUrl.empty()) {
        return std::make_unique<WebhookSender>(
            WebhookSettings{settings.webhookUrl, readToken(settings.tokenFile), settings.caFile});
    }
    if (!settings.file.empty()) {
        return std::make_unique<FileSender>(settings.file);
    }
    return nullptr;
}

const char* resultName(DeliveryReport::Result result) {
    switch (result) {
        case DeliveryReport::Result::Sent:
            return "notification_sent";
        case DeliveryReport::Result::WillRetry:
            return "notification_retry";
        case DeliveryReport::Result::Failed:
            return "notification_failed";
    }
    return "notification_sent";
}

// What the two jobs share, owned by their closures: the connection and everything on it.
struct NotificationWork {
    explicit NotificationWork(const std::string& databasePath)
        : db(kep::server::storage::openConnection(databasePath,
                                                  {.mode = kep::db::OpenMode::ReadWrite}))
        , follower(db, std::string{kFollowerName})
        , outbox(db)
        , notices(db, outbox) {}

    kep::db::Database db;
    kep::server::jobs::ChangeFollower follower;
    NotificationOutbox outbox;
    CaseNotices notices;
    std::unique_ptr<NotificationSender> sender;
    std::unique_ptr<NotificationDelivery> delivery;
    std::mt19937_64 jitter{std::random_device{}()};
};

}  // namespace

std::optional<std::string> addNotificationJobs(kep::server::jobs::BackgroundJobs& jobs,
                                               const std::string& databasePath,
                                               const NotifySettings& settings,
                                               kep::log::Logger& logger) {
    auto work = std::make_shared<NotificationWork>(databasePath);
    // The jobs' closures own `work`; what `work` itself holds points back at it only raw.
    NotificationWork* shared = work.get();
    jobs.add({"notify-queue", [work] {
                  return work->follower.poll([&notices = work->notices](
                                                 const kep::server::jobs::CaseChange& change) {
                      notices.handle(change);
                  }) > 0;
              }});
    work->sender = makeSender(settings);
    if (!work->sender) {
        return std::nullopt;
    }
    auto random = [shared] { return shared->jitter(); };
    auto log = [&logger](const DeliveryReport& report) {
        const auto level = report.result == DeliveryReport::Result::Sent ? kep::log::Level::Debug
                           : report.result == DeliveryReport::Result::WillRetry
                               ? kep::log::Level::Warning
                               : kep::log::Level::Error;
        logger.write(level, resultName(report.result),
                     {{"message", report.messageId},
                      {"case", report.caseId},
                      {"channel", toString(report.channel)},
                      {"attempts", report.attempts},
                      {"detail", report.detail}});
    };
    work->delivery = std::make_unique<NotificationDelivery>(work->outbox, *work->sender,
                                                            settings.retry, random, log);
    // Busy (run again at once) only while messages go out: a failing carrier does not hold the
    // thread the other jobs share.
    jobs.add({"notify-send", [work] { return work->delivery->deliverDue().sent > 0; }});
    return settings.webhookUrl.empty() ? "file" : "webhook";
}

}  // namespace kep::server::notify
