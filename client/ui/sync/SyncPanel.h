// The sync panel: what waits to be sent and since when, the last push and pull, the last error,
// open conflicts and "up to date as of …"; "Sync now", and the export of stuck ops for support.
#pragma once

#include "sync/SyncSnapshot.h"

#include <QDialog>

#include <functional>
#include <string>

class QAction;
class QLabel;
class QPushButton;
class QTableWidget;

namespace kep::sync {
class OutboxStore;
}

namespace kep::desk::ui {

class SyncPanel : public QDialog {
    Q_OBJECT
public:
    // `outbox` is desk.db's, read on the UI thread for the ops needing attention; it must
    // outlive the panel.
    explicit SyncPanel(kep::sync::OutboxStore& outbox, QWidget* parent = nullptr);

    void setDeviceId(const QString& deviceId) { deviceId_ = deviceId; }
    // Where "Export stuck ops…" writes; a file dialog unless a test sets another chooser.
    void setExportFileChooser(std::function<QString()> chooser) {
        chooseExportFile_ = std::move(chooser);
    }

    QAction* syncNowAction() const { return syncNow_; }     // F9, for the main window too
    QAction* showAction() const { return show_; }           // Ctrl+Shift+Y: opens the panel
    QAction* exportAction() const { return exportStuck_; }  // Export stuck ops…
    const kep::desk::sync::SyncSnapshot& snapshot() const { return snapshot_; }

    // "3 min", "2 h 5 min", "4 days": how long the oldest op has waited.
    static QString describeWait(qint64 seconds);

public slots:
    void setSnapshot(const kep::desk::sync::SyncSnapshot& snapshot);
    void setLiveNudges(bool connected);
    void refreshStuckOps();
    // Writes the stuck ops to the chosen file; false when nothing was chosen or it failed.
    bool exportStuckOps();

signals:
    void syncNowRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void refreshLabels();
    QString when(const QDateTime& at) const;

    kep::sync::OutboxStore& outbox_;
    QString deviceId_;
    std::function<QString()> chooseExportFile_;
    kep::desk::sync::SyncSnapshot snapshot_;
    bool liveNudges_ = false;
    QString exportMessage_;

    QLabel* state_;
    QLabel* pending_;
    QLabel* lastPush_;
    QLabel* lastPull_;
    QLabel* upToDate_;
    QLabel* lastError_;
    QLabel* conflicts_;
    QLabel* stuckTitle_;
    QLabel* exportResult_;
    QTableWidget* stuck_;
    QPushButton* syncNowButton_;
    QPushButton* exportButton_;
    QPushButton* closeButton_;
    QAction* syncNow_;
    QAction* show_;
    QAction* exportStuck_;
};

}  // namespace kep::desk::ui
