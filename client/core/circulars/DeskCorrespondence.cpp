#include "circulars/DeskCorrespondence.h"

#include "ServerLink.h"
#include "circulars/CorrespondenceSync.h"

#include <QThread>

namespace kep::desk::circulars {

DeskCorrespondence::DeskCorrespondence(ServerLink& link, QString databaseFile, QObject* parent)
    : QObject(parent)
    , link_(link)
    , sync_(new CorrespondenceSync(link.workerTransport(), std::move(databaseFile))) {
    link_.moveToWorker(sync_);
    connect(sync_, &CorrespondenceSync::circularsArrived, this,
            &DeskCorrespondence::circularsArrived, Qt::QueuedConnection);
    connect(sync_, &CorrespondenceSync::flagRefused, this, &DeskCorrespondence::flagRefused,
            Qt::QueuedConnection);
    connect(&timer_, &QTimer::timeout, this, &DeskCorrespondence::roundNow);
    connect(&link_, &ServerLink::serverStateChanged, this, [this](const ServerHealth& health) {
        if (health.online) {
            roundNow();
        }
    });
    connect(&link_, &ServerLink::signedIn, this, &DeskCorrespondence::roundNow);
}

DeskCorrespondence::~DeskCorrespondence() {
    timer_.stop();
    // Deleted on its own thread, after the round it may be running.
    QThread* worker = sync_->thread();
    if (worker != nullptr && worker->isRunning() && worker != QThread::currentThread()) {
        QMetaObject::invokeMethod(
            sync_, [sync = sync_] { delete sync; }, Qt::BlockingQueuedConnection);
    } else {
        delete sync_;
    }
}

void DeskCorrespondence::start(std::chrono::milliseconds interval) {
    timer_.start(interval);
    roundNow();
}

void DeskCorrespondence::roundNow() {
    sync_->requestRound();
}

}  // namespace kep::desk::circulars
