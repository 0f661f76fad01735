// The counter's document scanner as the desk sees it, whatever the operating system drives it
// with: list the devices, open one, scan pages at a resolution and colour mode, stop on request.
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <functional>
#include <memory>
#include <stop_token>

namespace kep::desk {

struct ScannerDevice {
    QString name;  // the driver's own id ("test:0", "epson2:libusb:001:004"): what open() takes
    QString vendor;
    QString model;
    // "Vendor Model", the way a clerk recognises the machine on the counter.
    QString label() const;
};

enum class ScanColour { Grey, Colour };

struct ScanRequest {
    int pages = 1;  // pages to scan, one after the other (flatbed) or from the feeder
    int resolutionDpi = 300;
    ScanColour colour = ScanColour::Grey;
};

// One scanned page, 8 bits per channel whatever the device delivered.
struct ScannedPage {
    enum class Format { Grey8, Rgb888 };
    int width = 0;  // pixels
    int height = 0;
    int resolutionDpi = 0;
    Format format = Format::Grey8;
    QByteArray pixels;  // rows of width * channels bytes, top to bottom, no padding

    int bytesPerLine() const { return width * (format == Format::Rgb888 ? 3 : 1); }
};

// Why a scan stopped early or never started, in the terms the clerk is told.
enum class ScanFailure {
    None,
    NoScanner,    // no such device (unplugged, switched off) or no scanner support built in
    ScannerBusy,  // another program holds it
    PaperJam,
    FeederEmpty,  // the document feeder ran out of paper before the pages asked for
    CoverOpen,
    AccessDenied,      // the operating system refused this user the device
    Cancelled,         // the clerk stopped it
    UnsupportedImage,  // the device sends an image layout the desk cannot read
    DeviceError,       // any other failure the driver reports
};

struct ScanOutcome {
    ScanFailure failure = ScanFailure::None;
    int pagesScanned = 0;  // pages delivered before the failure, all complete
    bool ok() const { return failure == ScanFailure::None; }
};

// What a scan reports while it runs, on the scanner's own thread.
struct ScanCallbacks {
    std::function<void(int page, int percent)> progressed;  // page counts from 0
    std::function<void(int page, const ScannedPage& scanned)> pageScanned;
};

// Scanner drivers are not thread-safe (libsane says so outright): an implementation is created,
// used and destroyed on one thread. Only the stop token crosses threads, which is why cancelling
// is a std::stop_source held by the caller rather than a method here.
class Scanner {
public:
    virtual ~Scanner() = default;
    virtual QList<ScannerDevice> devices() = 0;
    // Opens the device by name, closing the one open before.
    virtual ScanFailure open(const QString& deviceName) = 0;
    virtual QString openDevice() const = 0;  // empty when none is open
    virtual void close() = 0;
    // Scans request.pages pages from the open device; a stop request ends it after the current
    // read with ScanFailure::Cancelled and the pages completed so far.
    virtual ScanOutcome scan(const ScanRequest& request, const ScanCallbacks& callbacks,
                             std::stop_token stop) = 0;
};

// The scanner of the platform this binary was built for (SANE on Linux), or null where the
// build has none. Call it on the thread that will use the scanner.
std::unique_ptr<Scanner> platformScanner();

}  // namespace kep::desk

Q_DECLARE_METATYPE(kep::desk::ScannerDevice)
Q_DECLARE_METATYPE(kep::desk::ScannedPage)
Q_DECLARE_METATYPE(kep::desk::ScanOutcome)
