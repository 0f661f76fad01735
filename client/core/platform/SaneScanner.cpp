#include "platform/SaneScanner.h"

#include <sane/sane.h>
#include <sane/saneopts.h>

#include <QtGlobal>

#include <array>
#include <cstddef>
#include <cstring>
#include <initializer_list>

namespace kep::desk {

namespace {

// A hand scanner does not know its page height in advance; past this much data it is not a page.
constexpr qsizetype kMaxPageBytes = qsizetype{512} * 1024 * 1024;

ScanFailure failureOf(SANE_Status status) {
    switch (status) {
        case SANE_STATUS_GOOD:
            return ScanFailure::None;
        case SANE_STATUS_CANCELLED:
            return ScanFailure::Cancelled;
        case SANE_STATUS_DEVICE_BUSY:
            return ScanFailure::ScannerBusy;
        case SANE_STATUS_JAMMED:
            return ScanFailure::PaperJam;
        case SANE_STATUS_NO_DOCS:
            return ScanFailure::FeederEmpty;
        case SANE_STATUS_COVER_OPEN:
            return ScanFailure::CoverOpen;
        case SANE_STATUS_ACCESS_DENIED:
            return ScanFailure::AccessDenied;
        default:
            return ScanFailure::DeviceError;
    }
}

// The settable, active option called `name`; 0 when the device has none (option 0 is the
// option count and has no name).
SANE_Int findOption(SANE_Handle handle, const char* name) {
    for (SANE_Int i = 1;; ++i) {
        const SANE_Option_Descriptor* d = sane_get_option_descriptor(handle, i);
        if (d == nullptr) {
            return 0;
        }
        if (d->name != nullptr && std::strcmp(d->name, name) == 0 &&
            SANE_OPTION_IS_ACTIVE(d->cap) && SANE_OPTION_IS_SETTABLE(d->cap)) {
            return i;
        }
    }
}

// Sets a numeric option (integer or fixed-point) and reads back what the device settled on,
// since backends round to their own steps. Returns 0 when the device has no such option.
int setNumber(SANE_Handle handle, const char* name, int value) {
    const SANE_Int option = findOption(handle, name);
    if (option == 0) {
        return 0;
    }
    const SANE_Option_Descriptor* d = sane_get_option_descriptor(handle, option);
    const bool fixed = d->type == SANE_TYPE_FIXED;
    if (d->type != SANE_TYPE_INT && !fixed) {
        return 0;
    }
    SANE_Word word = fixed ? SANE_FIX(value) : value;
    sane_control_option(handle, option, SANE_ACTION_SET_VALUE, &word, nullptr);
    if (sane_control_option(handle, option, SANE_ACTION_GET_VALUE, &word, nullptr) !=
        SANE_STATUS_GOOD) {
        return 0;
    }
    return fixed ? qRound(SANE_UNFIX(word)) : word;
}

// Backends name their modes differently ("Gray", "Grayscale", "Color", "Colour"): the first
// offered value that starts with one of `wanted` is chosen; the device's own mode stays if none.
void setMode(SANE_Handle handle, std::initializer_list<const char*> wanted) {
    const SANE_Int option = findOption(handle, SANE_NAME_SCAN_MODE);
    if (option == 0) {
        return;
    }
    const SANE_Option_Descriptor* d = sane_get_option_descriptor(handle, option);
    if (d->type != SANE_TYPE_STRING || d->constraint_type != SANE_CONSTRAINT_STRING_LIST) {
        return;
    }
    for (const char* prefix : wanted) {
        for (const SANE_String_Const* v = d->constraint.string_list; *v != nullptr; ++v) {
            if (qstrnicmp(*v, prefix, qstrlen(prefix)) == 0) {
                QByteArray value(*v);
                value.resize(qMax<qsizetype>(value.size() + 1, d->size), '\0');
                sane_control_option(handle, option, SANE_ACTION_SET_VALUE, value.data(), nullptr);
                return;
            }
        }
    }
}

// One row of raw samples (1, 8 or 16 bits, native byte order) as 8-bit samples. SANE's
// 1-bit data is line art where a set bit is black.
void toEightBit(const unsigned char* in, int depth, int samples, char* out) {
    for (int i = 0; i < samples; ++i) {
        unsigned char v = 0;
        if (depth == 8) {
            v = in[i];
        } else if (depth == 16) {
            quint16 sample = 0;
            std::memcpy(&sample, in + std::ptrdiff_t{2} * i, 2);
            v = static_cast<unsigned char>(sample >> 8);
        } else {
            v = (in[i / 8] & (0x80 >> (i % 8))) != 0 ? 0 : 255;
        }
        out[i] = static_cast<char>(v);
    }
}

struct PageReading {
    ScanFailure failure = ScanFailure::None;
    ScannedPage page;
};

// Reads the frame sane_start began, to its end; the caller cancels on failure.
PageReading readPage(SANE_Handle handle, int page, int resolutionDpi,
                     const ScanCallbacks& callbacks, const std::stop_token& stop) {
    PageReading result;
    SANE_Parameters p{};
    if (const SANE_Status s = sane_get_parameters(handle, &p); s != SANE_STATUS_GOOD) {
        result.failure = failureOf(s);
        return result;
    }
    const bool grey = p.format == SANE_FRAME_GRAY;
    // Three-pass colour (a frame per channel) comes only from scanners long out of service.
    if ((!grey && p.format != SANE_FRAME_RGB) || !p.last_frame ||
        (p.depth != 8 && p.depth != 16 && !(grey && p.depth == 1)) || p.pixels_per_line <= 0 ||
        p.bytes_per_line <= 0) {
        result.failure = ScanFailure::UnsupportedImage;
        return result;
    }
    const qsizetype expected = p.lines > 0 ? qsizetype{p.bytes_per_line} * p.lines : 0;
    QByteArray raw;
    raw.reserve(expected);
    std::array<SANE_Byte, std::size_t{64} * 1024> chunk{};
    int lastPercent = -1;
    for (;;) {
        if (stop.stop_requested()) {
            result.failure = ScanFailure::Cancelled;
            return result;
        }
        SANE_Int length = 0;
        const SANE_Status s =
            sane_read(handle, chunk.data(), static_cast<SANE_Int>(chunk.size()), &length);
        if (s == SANE_STATUS_EOF) {
            break;
        }
        if (s != SANE_STATUS_GOOD) {
            result.failure = failureOf(s);
            return result;
        }
        raw.append(reinterpret_cast<const char*>(chunk.data()), length);
        if (raw.size() > kMaxPageBytes) {
            result.failure = ScanFailure::UnsupportedImage;
            return result;
        }
        if (expected > 0 && callbacks.progressed) {
            const int percent = static_cast<int>(qMin<qsizetype>(99, raw.size() * 100 / expected));
            if (percent != lastPercent) {
                lastPercent = percent;
                callbacks.progressed(page, percent);
            }
        }
    }
    const int channels = grey ? 1 : 3;
    ScannedPage& out = result.page;
    out.width = p.pixels_per_line;
    out.height = static_cast<int>(raw.size() / p.bytes_per_line);
    out.resolutionDpi = resolutionDpi;
    out.format = grey ? ScannedPage::Format::Grey8 : ScannedPage::Format::Rgb888;
    out.pixels.resize(qsizetype{out.bytesPerLine()} * out.height);
    const auto* in = reinterpret_cast<const unsigned char*>(raw.constData());
    for (int y = 0; y < out.height; ++y) {
        toEightBit(in + qsizetype{y} * p.bytes_per_line, p.depth, out.width * channels,
                   out.pixels.data() + qsizetype{y} * out.bytesPerLine());
    }
    if (callbacks.progressed) {
        callbacks.progressed(page, 100);
    }
    return result;
}

}  // namespace

SaneScanner::SaneScanner() {
    SANE_Int version = 0;
    // No authorisation callback: a scanner behind a password is reported as access denied.
    initialised_ = sane_init(&version, nullptr) == SANE_STATUS_GOOD;
}

SaneScanner::~SaneScanner() {
    close();
    if (initialised_) {
        sane_exit();
    }
}

QList<ScannerDevice> SaneScanner::devices() {
    QList<ScannerDevice> found;
    const SANE_Device** list = nullptr;
    if (!initialised_ || sane_get_devices(&list, SANE_FALSE) != SANE_STATUS_GOOD) {
        return found;
    }
    for (; *list != nullptr; ++list) {
        const SANE_Device* d = *list;
        found.append(ScannerDevice{QString::fromUtf8(d->name), QString::fromUtf8(d->vendor),
                                   QString::fromUtf8(d->model)});
    }
    return found;
}

ScanFailure SaneScanner::open(const QString& deviceName) {
    close();
    if (!initialised_) {
        return ScanFailure::NoScanner;
    }
    SANE_Handle handle = nullptr;
    const SANE_Status s = sane_open(deviceName.toUtf8().constData(), &handle);
    if (s != SANE_STATUS_GOOD) {
        // An unknown name is SANE_STATUS_INVAL: the scanner is gone, not broken.
        return s == SANE_STATUS_INVAL ? ScanFailure::NoScanner : failureOf(s);
    }
    handle_ = handle;
    deviceName_ = deviceName;
    return ScanFailure::None;
}

void SaneScanner::close() {
    if (handle_ != nullptr) {
        sane_close(handle_);
        handle_ = nullptr;
        deviceName_.clear();
    }
}

ScanOutcome SaneScanner::scan(const ScanRequest& request, const ScanCallbacks& callbacks,
                              std::stop_token stop) {
    ScanOutcome outcome;
    if (handle_ == nullptr) {
        outcome.failure = ScanFailure::NoScanner;
        return outcome;
    }
    if (request.colour == ScanColour::Colour) {
        setMode(handle_, {SANE_VALUE_SCAN_MODE_COLOR, "Colour"});
    } else {
        setMode(handle_, {SANE_VALUE_SCAN_MODE_GRAY, "Grey"});
    }
    setNumber(handle_, SANE_NAME_BIT_DEPTH, 8);
    int dpi = setNumber(handle_, SANE_NAME_SCAN_RESOLUTION, request.resolutionDpi);
    if (dpi <= 0) {
        dpi = request.resolutionDpi;  // a device without the option scans at its one resolution
    }
    for (int page = 0; page < request.pages; ++page) {
        if (stop.stop_requested()) {
            outcome.failure = ScanFailure::Cancelled;
            break;
        }
        if (const SANE_Status s = sane_start(handle_); s != SANE_STATUS_GOOD) {
            outcome.failure = failureOf(s);
            break;
        }
        PageReading reading = readPage(handle_, page, dpi, callbacks, stop);
        if (reading.failure != ScanFailure::None) {
            outcome.failure = reading.failure;
            break;
        }
        ++outcome.pagesScanned;
        if (callbacks.pageScanned) {
            callbacks.pageScanned(page, reading.page);
        }
    }
    // Ends the batch (SANE 1: after the last page, or to abandon one), and here on this thread
    // rather than from the thread that asked to stop.
    sane_cancel(handle_);
    return outcome;
}

}  // namespace kep::desk
