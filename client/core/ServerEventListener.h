// Listens on the server's event WebSocket on a thread of its own and turns its messages into
// queued signals: a catalogue publication, and each (re)connection, after which the desk pulls
// what it missed while the connection was down.
#pragma once

#include "ServerEvents.h"

#include <QThread>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace kep::desk {

class ServerEventListener : public QThread {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kRetryDelay{5000};

    explicit ServerEventListener(EventStreamFactory factory,
                                 std::chrono::milliseconds retryDelay = kRetryDelay,
                                 QObject* parent = nullptr);
    ~ServerEventListener() override;  // stops and waits

    // Ends the loop within about one receive deadline (a second); thread-safe.
    void stop();

signals:
    void connected();
    // {"type":"catalogue","seq":N}: the catalogue feed has changes up to N.
    void catalogueChanged(qint64 seq);
    void disconnected(const QString& reason);

protected:
    void run() override;

private:
    void pause(std::chrono::milliseconds delay);  // returns early on stop()

    EventStreamFactory factory_;
    std::chrono::milliseconds retryDelay_;
    std::atomic<bool> stopping_{false};
    std::mutex mutex_;
    std::condition_variable wake_;
};

}  // namespace kep::desk
