// tablePdf(): libharu, whose C API stays inside this file.
#include "reports/TablePdf.h"

#include <hpdf.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>

namespace kep::server::reports {

namespace {

constexpr char kFontFile[] = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr HPDF_REAL kMargin = 50;
constexpr HPDF_REAL kTitleSize = 14;
constexpr HPDF_REAL kTextSize = 10;
constexpr HPDF_REAL kLine = 16;

// libharu reports errors through a callback; a C++ exception must not unwind through it, so the
// first error is kept and thrown once control is back here.
struct PdfError {
    HPDF_STATUS code = HPDF_OK;
    HPDF_STATUS detail = 0;
};

void keepError(HPDF_STATUS code, HPDF_STATUS detail, void* sink) {
    auto* error = static_cast<PdfError*>(sink);
    if (error->code == HPDF_OK) {
        *error = {code, detail};
    }
}

void check(const PdfError& error, const char* step) {
    if (error.code != HPDF_OK) {
        char text[96];
        std::snprintf(text, sizeof text, "PDF %s failed: libharu error 0x%04X (detail %u)", step,
                      static_cast<unsigned>(error.code), static_cast<unsigned>(error.detail));
        throw std::runtime_error(text);
    }
}

void drawText(HPDF_Page page, HPDF_REAL x, HPDF_REAL y, const std::string& text) {
    HPDF_Page_BeginText(page);
    HPDF_Page_TextOut(page, x, y, text.c_str());
    HPDF_Page_EndText(page);
}

void drawRight(HPDF_Page page, HPDF_REAL right, HPDF_REAL y, const std::string& text) {
    drawText(page, right - HPDF_Page_TextWidth(page, text.c_str()), y, text);
}

}  // namespace

std::string tablePdf(const std::string& title, const PdfRows& rows, bool greek) {
    if (!std::filesystem::exists(kFontFile)) {
        throw std::runtime_error(std::string("PDF report: font file missing: ") + kFontFile +
                                 " (install fonts-dejavu-core)");
    }
    PdfError error;
    const std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, void (*)(HPDF_Doc)> pdf(
        HPDF_New(keepError, &error), HPDF_Free);
    if (!pdf) {
        throw std::runtime_error("PDF report: libharu could not start a document");
    }
    HPDF_UseUTFEncodings(pdf.get());
    const char* fontName = HPDF_LoadTTFontFromFile(pdf.get(), kFontFile, HPDF_TRUE);
    check(error, "font loading");
    const auto font = HPDF_GetFont(pdf.get(), fontName, "UTF-8");
    check(error, "font encoding");

    const HPDF_REAL pageHeight = 842;  // A4 portrait, in points
    const HPDF_REAL firstRowY = pageHeight - kMargin - 2 * kLine;
    const auto rowsPerPage = static_cast<std::size_t>((firstRowY - kMargin - kLine) / kLine);
    const auto pages = std::max<std::size_t>(1, (rows.size() + rowsPerPage - 1) / rowsPerPage);
    for (std::size_t number = 0; number < pages; ++number) {
        const auto page = HPDF_AddPage(pdf.get());
        HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
        const auto right = HPDF_Page_GetWidth(page) - kMargin;
        HPDF_Page_SetFontAndSize(page, font, kTitleSize);
        drawText(page, kMargin, pageHeight - kMargin, title);
        HPDF_Page_SetFontAndSize(page, font, kTextSize);
        HPDF_Page_SetLineWidth(page, 0.2F);
        auto y = firstRowY;
        const auto end = std::min(rows.size(), (number + 1) * rowsPerPage);
        for (auto row = number * rowsPerPage; row < end; ++row) {
            drawText(page, kMargin, y, rows[row].first);
            drawRight(page, right, y, rows[row].second.empty() ? "—" : rows[row].second);
            HPDF_Page_MoveTo(page, kMargin, y - 4);
            HPDF_Page_LineTo(page, right, y - 4);
            HPDF_Page_Stroke(page);
            y -= kLine;
        }
        drawRight(page, right, kMargin / 2,
                  (greek ? "Σελίδα " : "Page ") + std::to_string(number + 1) + " / " +
                      std::to_string(pages));
    }
    check(error, "drawing");

    HPDF_SaveToStream(pdf.get());
    check(error, "saving");
    std::string bytes(HPDF_GetStreamSize(pdf.get()), '\0');
    auto size = static_cast<HPDF_UINT32>(bytes.size());
    HPDF_ReadFromStream(pdf.get(), reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
    // Reading to the end is reported as HPDF_STREAM_EOF, not an error: the size read counts.
    bytes.resize(size);
    if (bytes.empty()) {
        throw std::runtime_error("PDF report: libharu produced no bytes");
    }
    return bytes;
}

}  // namespace kep::server::reports
