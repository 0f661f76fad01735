// bench_desk_scan: A4 pages from SANE's `test` device at 150 dpi, grey and colour, through
// SaneScanner (pages/s), then the grey pages as one stored PDF (pages/s). Full 20 pages, --quick
// 10, --smoke 2. The targets are the desk's own: a counter scanner delivers 20-40 pages a
// minute, so the software must never be the slower part (> 1 page/s).
#include "../../client/core/platform/SaneTestDevice.h"
#include "BenchProtocol.h"
#include "cases/ScanDialogDocument.h"
#include "platform/SaneScanner.h"

#include <QGuiApplication>
#include <QTemporaryDir>

#include <chrono>
#include <cstdint>
#include <cstdio>

using Clock = std::chrono::steady_clock;

namespace {

using kep::bench::row;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    const std::optional<kep::bench::Mode> mode = kep::bench::parseMode(argc, argv);
    if (!mode) {
        return 2;
    }
    using kep::bench::Mode;
    const int pages = *mode == Mode::Full ? 20 : *mode == Mode::Quick ? 10 : 2;
    // QPdfWriter needs a GUI application; no display is needed for it.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("sane"));
    // A4 is larger than the test backend's default 200 mm limit.
    if (!kep::test::writeSaneTestConfig(config, {QStringLiteral("geometry_max 300.0")},
                                        kep::test::SaneTestPage{210, 297})) {
        std::fprintf(stderr, "cannot write the SANE configuration in %s\n", qPrintable(config));
        return 1;
    }
    qputenv("SANE_CONFIG_DIR", config.toLocal8Bit());

    QList<kep::desk::ScannedPage> scanned;
    kep::desk::ScanCallbacks keep;
    keep.pageScanned = [&](int, const kep::desk::ScannedPage& page) { scanned.append(page); };
    const struct {
        const char* metric;
        kep::desk::ScanColour colour;
    } runs[] = {{"desk_scan.a4_150dpi_grey_pages_per_s", kep::desk::ScanColour::Grey},
                {"desk_scan.a4_150dpi_colour_pages_per_s", kep::desk::ScanColour::Colour}};
    QList<kep::desk::ScannedPage> grey;
    {
        kep::desk::SaneScanner scanner;
        if (scanner.open(QStringLiteral("test:0")) != kep::desk::ScanFailure::None) {
            std::fprintf(stderr, "SANE's test device did not open\n");
            return 1;
        }
        for (const auto& run : runs) {
            scanned.clear();
            const auto start = Clock::now();
            const auto outcome =
                scanner.scan(kep::desk::ScanRequest{pages, 150, run.colour}, keep, {});
            const double seconds = secondsSince(start);
            if (!outcome.ok() || scanned.size() != pages) {
                std::fprintf(stderr, "%s: the scan failed\n", run.metric);
                return 1;
            }
            row(run.metric, pages / seconds, "pages/s", ">", 1);
            if (run.colour == kep::desk::ScanColour::Grey) {
                grey = scanned;
            }
        }
    }
    std::printf("page: %d x %d pixels at 150 dpi\n", grey.front().width, grey.front().height);

    const auto start = Clock::now();
    // The test pattern compresses far worse than paper does: the attachment limit is lifted so
    // that the row measures speed, and the size is shown beside it.
    const auto stored = kep::desk::ui::storeScannedDocument(
        grey, dir.filePath(QStringLiteral("attachments")), std::int64_t{1} << 30);
    const double seconds = secondsSince(start);
    if (!stored.ok()) {
        std::fprintf(stderr, "storing the PDF was refused (%d)\n", int(stored.refusal));
        return 1;
    }
    std::printf("stored PDF: %lld bytes for %d pages\n",
                static_cast<long long>(stored.attachment->size), pages);
    row("desk_scan.a4_150dpi_grey_to_stored_pdf_pages_per_s", pages / seconds, "pages/s", ">", 1);
    return 0;
}
