// The catalogue as the desk's UI sees it: the local copy in desk.db, the in-memory index the
// finder searches, and when to pull — at start, on sign-in, when the server comes back, on the
// server's nudge and on a timer — with the pulls themselves on the server link's worker thread.
#pragma once

#include "ServerEvents.h"
#include "catalogue/CatalogueIndex.h"
#include "catalogue/CatalogueStore.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <cstdint>
#include <memory>

namespace kep::db {
class Database;
}

namespace kep::desk {
class ServerEventListener;
class ServerLink;
}  // namespace kep::desk

namespace kep::desk::catalogue {

class CatalogueSync;

class DeskCatalogue : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kPullInterval{60000};

    // `db` is the UI thread's connection to desk.db (`databaseFile`); the sync opens its own on
    // the worker thread. `events` may be empty: then only the timer and the triggers pull.
    DeskCatalogue(ServerLink& link, kep::db::Database& db, QString databaseFile,
                  EventStreamFactory events, QObject* parent = nullptr);
    ~DeskCatalogue() override;

    // Builds the index from the local copy (the desk searches at once, online or not), then
    // starts the timer, the event listener and a first pull.
    void start(std::chrono::milliseconds pullInterval = kPullInterval);

    const CatalogueIndex& index() const { return index_; }
    CatalogueStore& store() { return store_; }
    std::int64_t cursor() const { return store_.cursor(); }

public slots:
    void pullNow();

signals:
    // The index has taken the changes: N procedures added, changed or removed.
    void updated(int changed, const QStringList& ids);
    void pullFailed(const QString& reason);
    // Whether the server's nudges can reach this desk (the event WebSocket is connected).
    void liveUpdatesChanged(bool connected);

private:
    void onPulled(int changed, const QStringList& ids);

    ServerLink& link_;
    CatalogueStore store_;
    CatalogueIndex index_;
    CatalogueSync* sync_;  // lives on the link's worker thread; deleted there
    std::unique_ptr<ServerEventListener> events_;
    QTimer timer_;
};

}  // namespace kep::desk::catalogue
