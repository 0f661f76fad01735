// The scanner on its own thread for the UI: libsane is not thread-safe and a page takes seconds,
// so one worker thread owns the Scanner and every result comes back as a queued signal.
#pragma once

#include "platform/Scanner.h"

#include <QList>
#include <QObject>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>
#include <stop_token>

namespace kep::desk {

class ScannerSession : public QObject {
    Q_OBJECT
public:
    using ScannerFactory = std::function<std::unique_ptr<Scanner>()>;

    // The factory runs on the worker thread, so the scanner is created, used and destroyed
    // there; a null scanner means the platform has none (devicesListed then lists none).
    explicit ScannerSession(ScannerFactory factory = platformScanner, QObject* parent = nullptr);
    ~ScannerSession() override;  // stops a running scan, then releases the scanner on its thread

    void listDevices();
    // Opens `deviceName` if it is not the open one and scans; at most one scan at a time
    // (a second call while scanning is ignored).
    void scan(const QString& deviceName, const ScanRequest& request);
    // Stops the running scan after its current read; scanFinished reports Cancelled.
    void cancel();
    bool isScanning() const { return stop_.has_value(); }

signals:
    void devicesListed(const QList<kep::desk::ScannerDevice>& devices);
    void progressed(int page, int percent);
    void pageScanned(int page, const kep::desk::ScannedPage& scanned);
    void scanFinished(const kep::desk::ScanOutcome& outcome);

private:
    Scanner* scanner();  // on thread_ only: created by the factory on first use

    QThread thread_;
    QObject* worker_;  // lives on thread_: the context of the calls made there
    // Touched only on thread_, by the calls queued to worker_.
    ScannerFactory factory_;
    std::unique_ptr<Scanner> scanner_;
    bool scannerMade_ = false;
    std::optional<std::stop_source> stop_;  // set while a scan runs
};

}  // namespace kep::desk
