#include "catalogue/DeskCatalogue.h"

#include "ServerEventListener.h"
#include "ServerLink.h"
#include "catalogue/CatalogueSync.h"

#include <QThread>

namespace kep::desk::catalogue {

DeskCatalogue::DeskCatalogue(ServerLink& link, kep::db::Database& db, QString databaseFile,
                             EventStreamFactory events, QObject* parent)
    : QObject(parent)
    , link_(link)
    , store_(db)
    , sync_(new CatalogueSync(link.workerTransport(), std::move(databaseFile))) {
    link_.moveToWorker(sync_);
    connect(sync_, &CatalogueSync::catalogueUpdated, this, &DeskCatalogue::onPulled,
            Qt::QueuedConnection);
    connect(sync_, &CatalogueSync::pullFailed, this, &DeskCatalogue::pullFailed,
            Qt::QueuedConnection);
    connect(&timer_, &QTimer::timeout, this, &DeskCatalogue::pullNow);
    // A desk that was offline catches up as soon as the server answers again.
    connect(&link_, &ServerLink::serverStateChanged, this, [this](const ServerHealth& health) {
        if (health.online) {
            pullNow();
        }
    });
    connect(&link_, &ServerLink::signedIn, this, &DeskCatalogue::pullNow);
    if (events) {
        events_ = std::make_unique<ServerEventListener>(std::move(events));
        connect(events_.get(), &ServerEventListener::connected, this, [this] {
            emit liveUpdatesChanged(true);
            pullNow();  // what was published while the connection was down
        });
        connect(events_.get(), &ServerEventListener::disconnected, this,
                [this] { emit liveUpdatesChanged(false); });
        connect(events_.get(), &ServerEventListener::catalogueChanged, this, [this](qint64 seq) {
            if (seq > sync_->appliedSeq()) {
                pullNow();
            }
        });
    }
}

DeskCatalogue::~DeskCatalogue() {
    timer_.stop();
    events_.reset();  // stops and joins the listener
    // The sync is deleted on its own thread, after the pull it may be running.
    QThread* worker = sync_->thread();
    if (worker != nullptr && worker->isRunning() && worker != QThread::currentThread()) {
        QMetaObject::invokeMethod(
            sync_, [sync = sync_] { delete sync; }, Qt::BlockingQueuedConnection);
    } else {
        delete sync_;
    }
}

void DeskCatalogue::start(std::chrono::milliseconds pullInterval) {
    try {
        index_.load(store_);
    } catch (const std::exception& e) {
        // The desk still starts, without search, rather than not at all.
        qWarning("kep-desk: cannot read the local catalogue: %s", e.what());
    }
    timer_.start(pullInterval);
    if (events_) {
        events_->start();
    }
    pullNow();
}

void DeskCatalogue::pullNow() {
    sync_->requestPull();
}

void DeskCatalogue::onPulled(int changed, const QStringList& ids) {
    std::vector<std::string> changedIds;
    changedIds.reserve(std::size_t(ids.size()));
    for (const QString& id : ids) {
        changedIds.push_back(id.toStdString());
    }
    try {
        index_.refresh(store_, changedIds);
    } catch (const std::exception& e) {
        qWarning("kep-desk: cannot index the catalogue changes: %s", e.what());
        return;
    }
    emit updated(changed, ids);
}

}  // namespace kep::desk::catalogue
