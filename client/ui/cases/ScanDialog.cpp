#include "cases/ScanDialog.h"

#include "cases/ScanDialogDocument.h"
#include "help/HelpTopic.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cstdint>

namespace kep::desk::ui {

namespace {

constexpr int kThumbnailHeight = 128;
constexpr int kMaxPagesPerScan = 50;
constexpr int kResolutions[] = {150, 200, 300};
constexpr int kDefaultResolution = 200;  // legible print, and a page well under the size limit

}  // namespace

ScanDialog::ScanDialog(QString attachmentsFolder, QString preferredDevice, QWidget* parent,
                       ScannerSession::ScannerFactory factory)
    : QDialog(parent)
    , session_(std::move(factory))
    , attachmentsFolder_(std::move(attachmentsFolder))
    , preferredDevice_(std::move(preferredDevice))
    , deviceLabel_(new QLabel(this))
    , devices_(new QComboBox(this))
    , refresh_(new QPushButton(this))
    , resolutionLabel_(new QLabel(this))
    , resolution_(new QComboBox(this))
    , colourLabel_(new QLabel(this))
    , colour_(new QComboBox(this))
    , pagesLabel_(new QLabel(this))
    , pagesToScan_(new QSpinBox(this))
    , scan_(new QPushButton(this))
    , stop_(new QPushButton(this))
    , progress_(new QProgressBar(this))
    , thumbnails_(new QListWidget(this))
    , removeAction_(new QAction(this))
    , remove_(new QPushButton(this))
    , status_(new QLabel(this))
    , attach_(new QPushButton(this))
    , close_(new QPushButton(this)) {
    setObjectName(QStringLiteral("scanDialog"));
    help::setTopic(this, QStringLiteral("scan"));
    devices_->setObjectName(QStringLiteral("scanner"));
    refresh_->setObjectName(QStringLiteral("refreshScanners"));
    resolution_->setObjectName(QStringLiteral("resolution"));
    for (const int dpi : kResolutions) {
        resolution_->addItem(QString(), dpi);
    }
    resolution_->setCurrentIndex(resolution_->findData(kDefaultResolution));
    colour_->setObjectName(QStringLiteral("colour"));
    colour_->addItem(QString(), static_cast<int>(ScanColour::Grey));
    colour_->addItem(QString(), static_cast<int>(ScanColour::Colour));
    pagesToScan_->setObjectName(QStringLiteral("pagesToScan"));
    pagesToScan_->setRange(1, kMaxPagesPerScan);
    deviceLabel_->setBuddy(devices_);
    resolutionLabel_->setBuddy(resolution_);
    colourLabel_->setBuddy(colour_);
    pagesLabel_->setBuddy(pagesToScan_);
    scan_->setObjectName(QStringLiteral("scan"));
    stop_->setObjectName(QStringLiteral("stopScan"));
    progress_->setObjectName(QStringLiteral("scanProgress"));
    progress_->setRange(0, 100);
    progress_->setValue(0);
    thumbnails_->setObjectName(QStringLiteral("scannedPages"));
    thumbnails_->setViewMode(QListView::IconMode);
    thumbnails_->setIconSize(QSize(kThumbnailHeight, kThumbnailHeight));
    thumbnails_->setResizeMode(QListView::Adjust);
    thumbnails_->setMovement(QListView::Static);
    thumbnails_->setSelectionMode(QAbstractItemView::SingleSelection);
    // Delete removes the selected page while the page list has the focus.
    removeAction_->setObjectName(QStringLiteral("removePageAction"));
    removeAction_->setShortcut(QKeySequence::Delete);
    removeAction_->setShortcutContext(Qt::WidgetShortcut);
    thumbnails_->addAction(removeAction_);
    remove_->setObjectName(QStringLiteral("removePage"));
    status_->setObjectName(QStringLiteral("status"));
    status_->setWordWrap(true);
    attach_->setObjectName(QStringLiteral("attach"));
    close_->setObjectName(QStringLiteral("close"));

    auto* scannerRow = new QHBoxLayout;
    scannerRow->addWidget(devices_, 1);
    scannerRow->addWidget(refresh_);
    auto* form = new QFormLayout;
    form->addRow(deviceLabel_, scannerRow);
    form->addRow(resolutionLabel_, resolution_);
    form->addRow(colourLabel_, colour_);
    form->addRow(pagesLabel_, pagesToScan_);
    auto* scanRow = new QHBoxLayout;
    scanRow->addWidget(scan_);
    scanRow->addWidget(stop_);
    scanRow->addWidget(progress_, 1);
    auto* pageRow = new QHBoxLayout;
    pageRow->addWidget(remove_);
    pageRow->addStretch();
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(attach_);
    buttons->addWidget(close_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(scanRow);
    layout->addWidget(thumbnails_, 1);
    layout->addLayout(pageRow);
    layout->addWidget(status_);
    layout->addLayout(buttons);

    // The order a clerk works in: scanner and settings, scan, check the pages, attach.
    setTabOrder(devices_, refresh_);
    setTabOrder(refresh_, resolution_);
    setTabOrder(resolution_, colour_);
    setTabOrder(colour_, pagesToScan_);
    setTabOrder(pagesToScan_, scan_);
    setTabOrder(scan_, stop_);
    setTabOrder(stop_, thumbnails_);
    setTabOrder(thumbnails_, remove_);
    setTabOrder(remove_, attach_);
    setTabOrder(attach_, close_);

    connect(refresh_, &QPushButton::clicked, this, &ScanDialog::refreshDevices);
    connect(scan_, &QPushButton::clicked, this, &ScanDialog::startScan);
    connect(stop_, &QPushButton::clicked, &session_, &ScannerSession::cancel);
    connect(removeAction_, &QAction::triggered, this, &ScanDialog::removeSelectedPage);
    connect(remove_, &QPushButton::clicked, this, &ScanDialog::removeSelectedPage);
    connect(thumbnails_, &QListWidget::currentRowChanged, this, &ScanDialog::updateButtons);
    connect(attach_, &QPushButton::clicked, this, &ScanDialog::accept);
    connect(close_, &QPushButton::clicked, this, &ScanDialog::reject);
    connect(&session_, &ScannerSession::devicesListed, this, &ScanDialog::showDevices);
    connect(&session_, &ScannerSession::progressed, this, &ScanDialog::showProgress);
    connect(&session_, &ScannerSession::pageScanned, this,
            [this](int, const ScannedPage& page) { addPage(page); });
    connect(&session_, &ScannerSession::scanFinished, this, &ScanDialog::finishScan);

    resize(720, 560);
    retranslateUi();
    refreshDevices();
}

ScanDialog::~ScanDialog() = default;

void ScanDialog::retranslateUi() {
    setWindowTitle(tr("Scan a document — KEP Desk"));
    deviceLabel_->setText(tr("Scann&er:"));
    devices_->setAccessibleName(tr("Scanner"));
    refresh_->setText(tr("&Find scanners"));
    refresh_->setAccessibleName(tr("Find scanners"));
    resolutionLabel_->setText(tr("&Resolution:"));
    resolution_->setAccessibleName(tr("Resolution"));
    for (int i = 0; i < resolution_->count(); ++i) {
        resolution_->setItemText(i, tr("%1 dpi").arg(resolution_->itemData(i).toInt()));
    }
    colourLabel_->setText(tr("C&olour:"));
    colour_->setAccessibleName(tr("Colour mode"));
    colour_->setItemText(0, tr("Grey"));
    colour_->setItemText(1, tr("Colour"));
    pagesLabel_->setText(tr("&Pages to scan:"));
    pagesToScan_->setAccessibleName(tr("Pages to scan"));
    scan_->setText(tr("&Scan"));
    scan_->setAccessibleName(tr("Scan"));
    stop_->setText(tr("S&top"));
    stop_->setAccessibleName(tr("Stop scanning"));
    progress_->setAccessibleName(tr("Scanning progress"));
    thumbnails_->setAccessibleName(tr("Scanned pages"));
    removeAction_->setText(tr("Remove page"));
    remove_->setText(tr("Re&move page"));
    remove_->setAccessibleName(tr("Remove the selected page"));
    status_->setAccessibleName(tr("Status"));
    attach_->setText(tr("&Attach"));
    attach_->setAccessibleName(tr("Attach the scanned pages"));
    close_->setText(tr("C&lose"));
    close_->setAccessibleName(tr("Close without attaching"));
    renumberPages();
}

void ScanDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

QString ScanDialog::deviceName() const {
    return devices_->currentData().toString();
}

void ScanDialog::refreshDevices() {
    devicesKnown_ = false;
    setStatus(tr("Looking for scanners…"), false);
    updateButtons();
    session_.listDevices();
}

void ScanDialog::showDevices(const QList<ScannerDevice>& devices) {
    const QString current = devices_->count() > 0 ? deviceName() : preferredDevice_;
    devices_->clear();
    for (const ScannerDevice& device : devices) {
        // Two machines of one model are told apart by the driver's name for them.
        const bool twin = std::count_if(devices.begin(), devices.end(), [&](const auto& d) {
                              return d.label() == device.label();
                          }) > 1;
        devices_->addItem(twin ? tr("%1 (%2)").arg(device.label(), device.name) : device.label(),
                          device.name);
    }
    const int remembered = devices_->findData(current);
    devices_->setCurrentIndex(remembered >= 0 ? remembered : 0);
    devicesKnown_ = true;
    if (devices.isEmpty()) {
        setStatus(tr("No scanner found. Check that the scanner is connected and switched on, "
                     "then press Find scanners."),
                  true);
    } else {
        setStatus(QString(), false);
    }
    updateButtons();
}

void ScanDialog::startScan() {
    if (devices_->count() == 0 || session_.isScanning()) {
        return;
    }
    ScanRequest request;
    request.pages = pagesToScan_->value();
    request.resolutionDpi = resolution_->currentData().toInt();
    request.colour = static_cast<ScanColour>(colour_->currentData().toInt());
    pagesRequested_ = request.pages;
    firstPageOfScan_ = static_cast<int>(pages_.size());
    progress_->setValue(0);
    setStatus(tr("Scanning page %1 of %2…").arg(1).arg(request.pages), false);
    session_.scan(deviceName(), request);
    updateButtons();
    stop_->setFocus();
}

void ScanDialog::showProgress(int page, int percent) {
    if (pagesRequested_ <= 0) {
        return;
    }
    progress_->setValue((page * 100 + percent) / pagesRequested_);
    if (percent == 0) {
        setStatus(tr("Scanning page %1 of %2…").arg(page + 1).arg(pagesRequested_), false);
    }
}

void ScanDialog::addPage(const ScannedPage& page) {
    pages_.append(page);
    const QImage image = scannedImage(page);
    auto* item = new QListWidgetItem(
        QIcon(QPixmap::fromImage(image.scaledToHeight(kThumbnailHeight, Qt::SmoothTransformation))),
        QString());
    thumbnails_->addItem(item);
    renumberPages();
    thumbnails_->setCurrentItem(item);
    updateButtons();
}

void ScanDialog::finishScan(const ScanOutcome& outcome) {
    progress_->setValue(outcome.ok() ? 100 : 0);
    const int scanned = static_cast<int>(pages_.size()) - firstPageOfScan_;
    if (outcome.ok()) {
        setStatus(tr("%n page(s) scanned. Check them, then press Attach.", nullptr, scanned),
                  false);
    } else if (scanned > 0) {
        setStatus(tr("%1 The %n page(s) scanned before it are kept.", nullptr, scanned)
                      .arg(failureMessage(outcome.failure)),
                  outcome.failure != ScanFailure::Cancelled);
    } else {
        setStatus(failureMessage(outcome.failure), outcome.failure != ScanFailure::Cancelled);
    }
    updateButtons();
    (pages_.isEmpty() ? static_cast<QWidget*>(scan_) : thumbnails_)->setFocus();
}

void ScanDialog::removeSelectedPage() {
    const int row = thumbnails_->currentRow();
    if (row < 0 || row >= pages_.size() || session_.isScanning()) {
        return;
    }
    pages_.removeAt(row);
    delete thumbnails_->takeItem(row);
    renumberPages();
    setStatus(tr("Page %1 removed.").arg(row + 1), false);
    updateButtons();
}

void ScanDialog::renumberPages() {
    for (int i = 0; i < thumbnails_->count(); ++i) {
        QListWidgetItem* item = thumbnails_->item(i);
        item->setText(tr("Page %1").arg(i + 1));
        item->setData(Qt::AccessibleTextRole,
                      tr("Scanned page %1 of %2").arg(i + 1).arg(thumbnails_->count()));
    }
}

void ScanDialog::updateButtons() {
    const bool scanning = session_.isScanning();
    devices_->setEnabled(!scanning);
    refresh_->setEnabled(!scanning);
    resolution_->setEnabled(!scanning);
    colour_->setEnabled(!scanning);
    pagesToScan_->setEnabled(!scanning);
    scan_->setEnabled(!scanning && devicesKnown_ && devices_->count() > 0);
    stop_->setEnabled(scanning);
    const bool pageSelected = thumbnails_->currentRow() >= 0;
    removeAction_->setEnabled(!scanning && pageSelected);
    remove_->setEnabled(!scanning && pageSelected);
    attach_->setEnabled(!scanning && !pages_.isEmpty());
    // Enter scans until there is something to attach, then attaches.
    (pages_.isEmpty() ? scan_ : attach_)->setDefault(true);
    (pages_.isEmpty() ? attach_ : scan_)->setDefault(false);
}

void ScanDialog::accept() {
    if (session_.isScanning()) {
        return;
    }
    if (pages_.isEmpty()) {
        setStatus(tr("Scan at least one page first."), true);
        return;
    }
    const auto stored = storeScannedDocument(pages_, attachmentsFolder_);
    if (!stored.ok()) {
        setStatus(refusalMessage(stored.refusal), true);
        return;
    }
    attachment_ = stored.attachment;
    QDialog::accept();
}

void ScanDialog::reject() {
    // Closing stops the scanner: a clerk who closes the dialog means the scan too.
    session_.cancel();
    QDialog::reject();
}

QString ScanDialog::failureMessage(ScanFailure failure) {
    switch (failure) {
        case ScanFailure::None:
            return {};
        case ScanFailure::NoScanner:
            return tr(
                "The scanner cannot be found. Check that it is connected and switched on, "
                "then press Find scanners.");
        case ScanFailure::ScannerBusy:
            return tr(
                "The scanner is busy with another program. Wait for it to finish and try "
                "again.");
        case ScanFailure::PaperJam:
            return tr("The paper is jammed in the scanner. Remove the paper and scan again.");
        case ScanFailure::FeederEmpty:
            return tr("The document feeder is empty. Put the pages in the feeder and scan again.");
        case ScanFailure::CoverOpen:
            return tr("The scanner's cover is open. Close it and scan again.");
        case ScanFailure::AccessDenied:
            return tr("This computer's user may not use the scanner. Ask IT for access.");
        case ScanFailure::Cancelled:
            return tr("Scanning stopped.");
        case ScanFailure::UnsupportedImage:
            return tr(
                "The scanner sends images the desk cannot read. Choose Grey or Colour and "
                "try again.");
        case ScanFailure::DeviceError:
            return tr(
                "The scanner reported an error. Switch it off and on again, then scan "
                "again.");
    }
    return {};
}

QString ScanDialog::refusalMessage(cases::AttachmentImportResult::Refusal refusal) {
    using Refusal = cases::AttachmentImportResult::Refusal;
    switch (refusal) {
        case Refusal::TooLarge:
            return tr("The scanned document is larger than %1 MB. Scan at a lower resolution "
                      "or in grey, or split it into two attachments.")
                .arg(cases::kMaxAttachmentBytes / (std::int64_t{1024} * 1024));
        case Refusal::None:
            return {};
        case Refusal::Unreadable:
        case Refusal::Empty:
        case Refusal::UnsupportedType:
        case Refusal::StoreFailed:
            break;
    }
    return tr(
        "The scanned document could not be saved on this computer. Check the free disk "
        "space and try again.");
}

void ScanDialog::setStatus(const QString& text, bool error) {
    status_->setText(text);
    status_->setAccessibleDescription(text);
    status_->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
}

}  // namespace kep::desk::ui
