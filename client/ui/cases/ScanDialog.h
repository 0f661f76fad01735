// Scanning a citizen's document at the counter: pick the scanner, scan pages (with progress,
// cancellable), look at the thumbnails, drop a bad page, and attach the result.
#pragma once

#include "cases/AttachmentImport.h"
#include "platform/ScannerSession.h"

#include <QDialog>
#include <QList>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace kep::desk::ui {

class ScanDialog : public QDialog {
    Q_OBJECT
public:
    // Pages are stored in `attachmentsFolder` (content-addressed, like an imported file).
    // `preferredDevice` is the scanner chosen last time (Settings), selected when present.
    ScanDialog(QString attachmentsFolder, QString preferredDevice, QWidget* parent = nullptr,
               kep::desk::ScannerSession::ScannerFactory factory = kep::desk::platformScanner);
    ~ScanDialog() override;

    // After accept(): the stored attachment, and the scanner used (for Settings).
    const std::optional<kep::desk::cases::ImportedAttachment>& attachment() const {
        return attachment_;
    }
    QString deviceName() const;
    int pageCount() const { return static_cast<int>(pages_.size()); }
    bool isScanning() const { return session_.isScanning(); }

    void accept() override;
    void reject() override;

    static QString failureMessage(kep::desk::ScanFailure failure);
    static QString refusalMessage(kep::desk::cases::AttachmentImportResult::Refusal refusal);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showDevices(const QList<kep::desk::ScannerDevice>& devices);
    void refreshDevices();
    void startScan();
    void showProgress(int page, int percent);
    void addPage(const kep::desk::ScannedPage& page);
    void finishScan(const kep::desk::ScanOutcome& outcome);
    void removeSelectedPage();
    void renumberPages();
    void updateButtons();
    void setStatus(const QString& text, bool error);

    kep::desk::ScannerSession session_;
    QString attachmentsFolder_;
    QString preferredDevice_;
    QList<kep::desk::ScannedPage> pages_;
    int pagesRequested_ = 0;
    int firstPageOfScan_ = 0;
    bool devicesKnown_ = false;
    std::optional<kep::desk::cases::ImportedAttachment> attachment_;

    QLabel* deviceLabel_;
    QComboBox* devices_;
    QPushButton* refresh_;
    QLabel* resolutionLabel_;
    QComboBox* resolution_;
    QLabel* colourLabel_;
    QComboBox* colour_;
    QLabel* pagesLabel_;
    QSpinBox* pagesToScan_;
    QPushButton* scan_;
    QPushButton* stop_;
    QProgressBar* progress_;
    QListWidget* thumbnails_;
    QAction* removeAction_;
    QPushButton* remove_;
    QLabel* status_;
    QPushButton* attach_;
    QPushButton* close_;
};

}  // namespace kep::desk::ui
