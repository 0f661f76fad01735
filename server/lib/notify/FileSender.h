// A sender that appends each message as one JSON line to a file (messageJson()): what the tests
// and the demo configure with `kep-server serve --notify-file PATH`, instead of a real carrier.
#pragma once

#include "notify/NotificationSender.h"

#include <string>

namespace kep::server::notify {

class FileSender : public NotificationSender {
public:
    explicit FileSender(std::string path) : path_(std::move(path)) {}

    // Sent once the line is written and flushed; a file that cannot be opened or written is a
    // fault that may pass (a full disk, a folder not yet mounted).
    SendResult send(const NotificationMessage& message) override;

private:
    std::string path_;
};

}  // namespace kep::server::notify
