#include "notify/FileSender.h"

#include <fstream>

namespace kep::server::notify {

SendResult FileSender::send(const NotificationMessage& message) {
    // Opened per message, in append mode: the file may be rotated or read while the server runs.
    std::ofstream out(path_, std::ios::app | std::ios::binary);
    if (!out) {
        return {SendResult::Outcome::Retry, "cannot open the notification file"};
    }
    out << messageJson(message) << '\n';
    out.flush();
    if (!out) {
        return {SendResult::Outcome::Retry, "cannot write the notification file"};
    }
    return {SendResult::Outcome::Sent, "written"};
}

}  // namespace kep::server::notify
