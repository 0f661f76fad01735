// The scanner on Linux: libsane (SANE 1), whose backends drive nearly every USB and network
// scanner; its `test` backend is the synthetic device the tests and the benchmark scan from.
#pragma once

#include "platform/Scanner.h"

namespace kep::desk {

// libsane keeps global state (sane_init/sane_exit) and is not thread-safe: one SaneScanner per
// process at a time, created, used and destroyed on the same thread.
class SaneScanner final : public Scanner {
public:
    SaneScanner();
    ~SaneScanner() override;
    SaneScanner(const SaneScanner&) = delete;
    SaneScanner& operator=(const SaneScanner&) = delete;

    QList<ScannerDevice> devices() override;
    ScanFailure open(const QString& deviceName) override;
    QString openDevice() const override { return deviceName_; }
    void close() override;
    ScanOutcome scan(const ScanRequest& request, const ScanCallbacks& callbacks,
                     std::stop_token stop) override;

private:
    bool initialised_ = false;
    void* handle_ = nullptr;  // SANE_Handle
    QString deviceName_;
};

}  // namespace kep::desk
