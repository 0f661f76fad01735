#include "platform/ScannerSession.h"

namespace kep::desk {

ScannerSession::ScannerSession(ScannerFactory factory, QObject* parent)
    : QObject(parent)
    , worker_(new QObject)
    , factory_(std::move(factory)) {
    thread_.setObjectName(QStringLiteral("kep-scanner"));
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.start();
}

ScannerSession::~ScannerSession() {
    cancel();
    // The scanner goes on the thread that made it (libsane's sane_exit included); a running
    // scan ends first, at its next read.
    QMetaObject::invokeMethod(
        worker_, [this] { scanner_.reset(); }, Qt::BlockingQueuedConnection);
    thread_.quit();
    thread_.wait();
}

Scanner* ScannerSession::scanner() {
    if (!scannerMade_) {
        scannerMade_ = true;
        scanner_ = factory_ ? factory_() : nullptr;
    }
    return scanner_.get();
}

void ScannerSession::listDevices() {
    QMetaObject::invokeMethod(
        worker_,
        [this] {
            Scanner* s = scanner();
            const QList<ScannerDevice> devices =
                s != nullptr ? s->devices() : QList<ScannerDevice>{};
            QMetaObject::invokeMethod(
                this, [this, devices] { emit devicesListed(devices); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void ScannerSession::scan(const QString& deviceName, const ScanRequest& request) {
    if (stop_) {
        return;
    }
    stop_.emplace();
    QMetaObject::invokeMethod(
        worker_,
        [this, deviceName, request, token = stop_->get_token()] {
            ScanOutcome outcome;
            Scanner* s = scanner();
            if (s == nullptr) {
                outcome.failure = ScanFailure::NoScanner;
            } else if (s->openDevice() != deviceName) {
                outcome.failure = s->open(deviceName);
            }
            if (outcome.ok()) {
                ScanCallbacks callbacks;
                callbacks.progressed = [this](int page, int percent) {
                    QMetaObject::invokeMethod(
                        this, [this, page, percent] { emit progressed(page, percent); },
                        Qt::QueuedConnection);
                };
                callbacks.pageScanned = [this](int page, const ScannedPage& scanned) {
                    QMetaObject::invokeMethod(
                        this, [this, page, scanned] { emit pageScanned(page, scanned); },
                        Qt::QueuedConnection);
                };
                outcome = s->scan(request, callbacks, token);
            }
            QMetaObject::invokeMethod(
                this,
                [this, outcome] {
                    stop_.reset();
                    emit scanFinished(outcome);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void ScannerSession::cancel() {
    if (stop_) {
        stop_->request_stop();
    }
}

}  // namespace kep::desk
