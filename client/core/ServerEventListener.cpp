#include "ServerEventListener.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace kep::desk {

namespace {
// How long one receive waits: also how soon stop() is noticed.
constexpr std::chrono::milliseconds kReceiveSlice{500};
}  // namespace

ServerEventListener::ServerEventListener(EventStreamFactory factory,
                                         std::chrono::milliseconds retryDelay, QObject* parent)
    : QThread(parent)
    , factory_(std::move(factory))
    , retryDelay_(retryDelay) {
    setObjectName(QStringLiteral("kep-server-events"));
}

ServerEventListener::~ServerEventListener() {
    stop();
    wait();
}

void ServerEventListener::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
}

void ServerEventListener::pause(std::chrono::milliseconds delay) {
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, delay, [this] { return stopping_.load(); });
}

void ServerEventListener::run() {
    while (!stopping_) {
        try {
            const std::unique_ptr<ServerEventStream> stream = factory_();
            stream->open();
            emit connected();
            while (!stopping_) {
                const auto message = stream->receive(kReceiveSlice);
                if (!message) {
                    continue;
                }
                const QJsonObject event = QJsonDocument::fromJson(*message).object();
                if (event.value(QStringLiteral("type")).toString() == QLatin1String("catalogue")) {
                    emit catalogueChanged(event.value(QStringLiteral("seq")).toInteger());
                }
            }
        } catch (const std::exception& e) {
            // Offline, or a server without the events route: the periodic pull still runs.
            emit disconnected(QString::fromUtf8(e.what()));
        }
        if (!stopping_) {
            pause(retryDelay_);
        }
    }
}

}  // namespace kep::desk
