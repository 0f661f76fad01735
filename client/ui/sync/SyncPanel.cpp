#include "sync/SyncPanel.h"

#include "LocaleFormat.h"
#include "help/HelpTopic.h"
#include "shared/sync/OutboxStore.h"
#include "sync/StuckOpsReport.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kep::desk::ui {

namespace {

QLabel* line(QWidget* parent, const char* name) {
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}

QString fromStd(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

kep::cases::Instant wallNow() {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
}

}  // namespace

SyncPanel::SyncPanel(kep::sync::OutboxStore& outbox, QWidget* parent)
    : QDialog(parent)
    , outbox_(outbox)
    , state_(line(this, "syncState"))
    , pending_(line(this, "syncPending"))
    , lastPush_(line(this, "syncLastPush"))
    , lastPull_(line(this, "syncLastPull"))
    , upToDate_(line(this, "syncUpToDate"))
    , lastError_(line(this, "syncLastError"))
    , conflicts_(line(this, "syncConflicts"))
    , stuckTitle_(line(this, "syncStuckTitle"))
    , exportResult_(line(this, "syncExportResult"))
    , stuck_(new QTableWidget(0, 6, this))
    , syncNowButton_(new QPushButton(this))
    , exportButton_(new QPushButton(this))
    , closeButton_(new QPushButton(this))
    , syncNow_(new QAction(this))
    , show_(new QAction(this))
    , exportStuck_(new QAction(this)) {
    setObjectName(QStringLiteral("syncPanel"));
    help::setTopic(this, QStringLiteral("sync"));
    syncNow_->setObjectName(QStringLiteral("syncNowAction"));
    syncNow_->setShortcut(QKeySequence(Qt::Key_F9));
    show_->setObjectName(QStringLiteral("syncPanelAction"));
    show_->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+Y")));
    exportStuck_->setObjectName(QStringLiteral("exportStuckOpsAction"));
    addAction(syncNow_);  // F9 works in the panel too
    stuck_->setObjectName(QStringLiteral("stuckOps"));
    stuck_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    stuck_->setSelectionBehavior(QAbstractItemView::SelectRows);
    stuck_->verticalHeader()->hide();
    stuck_->horizontalHeader()->setStretchLastSection(true);
    stuckTitle_->setBuddy(stuck_);
    syncNowButton_->setObjectName(QStringLiteral("syncNowButton"));
    exportButton_->setObjectName(QStringLiteral("exportStuckOpsButton"));
    closeButton_->setObjectName(QStringLiteral("closeButton"));

    auto* layout = new QVBoxLayout(this);
    for (QLabel* label :
         {state_, pending_, lastPush_, lastPull_, upToDate_, lastError_, conflicts_}) {
        layout->addWidget(label);
    }
    layout->addWidget(stuckTitle_);
    layout->addWidget(stuck_, 1);
    layout->addWidget(exportResult_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(syncNowButton_);
    buttons->addWidget(exportButton_);
    buttons->addStretch(1);
    buttons->addWidget(closeButton_);
    layout->addLayout(buttons);

    connect(syncNow_, &QAction::triggered, this, &SyncPanel::syncNowRequested);
    connect(syncNowButton_, &QPushButton::clicked, syncNow_, &QAction::trigger);
    connect(exportStuck_, &QAction::triggered, this, &SyncPanel::exportStuckOps);
    connect(exportButton_, &QPushButton::clicked, exportStuck_, &QAction::trigger);
    connect(closeButton_, &QPushButton::clicked, this, &QDialog::close);
    connect(show_, &QAction::triggered, this, [this] {
        refreshStuckOps();
        show();
        raise();
        activateWindow();
    });
    chooseExportFile_ = [this] {
        return QFileDialog::getSaveFileName(this, tr("Export stuck ops"),
                                            QStringLiteral("kep-stuck-ops.json"),
                                            tr("JSON files (*.json)"));
    };
    retranslateUi();
}

QString SyncPanel::describeWait(qint64 seconds) {
    if (seconds < 60) {
        return tr("%n second(s)", "", int(seconds));
    }
    if (seconds < 3600) {
        return tr("%n minute(s)", "", int(seconds / 60));
    }
    if (seconds < 86400) {
        return tr("%n hour(s)", "", int(seconds / 3600));
    }
    return tr("%n day(s)", "", int(seconds / 86400));
}

QString SyncPanel::when(const QDateTime& at) const {
    if (!at.isValid()) {
        return tr("never");
    }
    return LocaleFormat::dateTimeToSecond(at);
}

void SyncPanel::setSnapshot(const kep::desk::sync::SyncSnapshot& snapshot) {
    const bool attentionChanged = snapshot.needingAttention != snapshot_.needingAttention;
    snapshot_ = snapshot;
    refreshLabels();
    if (attentionChanged) {
        refreshStuckOps();
    }
}

void SyncPanel::setLiveNudges(bool connected) {
    liveNudges_ = connected;
    refreshLabels();
}

void SyncPanel::refreshLabels() {
    using kep::sync::SyncPhase;
    QString phase;
    switch (snapshot_.phase) {
        case SyncPhase::Idle:
            phase = tr("idle");
            break;
        case SyncPhase::Pushing:
            phase = tr("sending changes");
            break;
        case SyncPhase::Pulling:
            phase = tr("receiving changes");
            break;
        case SyncPhase::WaitingToRetry:
            phase = tr("waiting to retry at %1").arg(when(snapshot_.nextAttemptAt));
            break;
    }
    state_->setText(tr("State: %1 · %2")
                        .arg(phase, liveNudges_ ? tr("live updates on") : tr("live updates off")));
    if (snapshot_.pendingOps == 0) {
        pending_->setText(tr("Nothing waits to be sent"));
    } else {
        const qint64 waited =
            snapshot_.oldestPendingAt.isValid()
                ? std::max<qint64>(
                      0, snapshot_.oldestPendingAt.secsTo(QDateTime::currentDateTimeUtc()))
                : 0;
        pending_->setText(
            tr("%n change(s) waiting to be sent, the oldest for %1", "", snapshot_.pendingOps)
                .arg(describeWait(waited)));
    }
    lastPush_->setText(tr("Last push: %1").arg(when(snapshot_.lastPushAt)));
    lastPull_->setText(tr("Last pull: %1").arg(when(snapshot_.lastPullAt)));
    upToDate_->setText(snapshot_.upToDateAsOf.isValid()
                           ? tr("Up to date as of %1").arg(when(snapshot_.upToDateAsOf))
                           : tr("Not yet up to date"));
    lastError_->setText(snapshot_.lastError.isEmpty()
                            ? tr("No errors")
                            : tr("Last error: %1").arg(snapshot_.lastError));
    conflicts_->setText(tr("%n open conflict(s)", "", snapshot_.openConflicts));
    stuckTitle_->setText(tr("Changes needing attention (%n)", "", stuck_->rowCount()));
    exportResult_->setText(exportMessage_);
    exportResult_->setVisible(!exportMessage_.isEmpty());
}

void SyncPanel::refreshStuckOps() {
    std::vector<kep::sync::OutboxEntry> entries;
    try {
        entries = outbox_.needsAttention();
    } catch (const std::exception& e) {
        qWarning("kep-desk: cannot read the outbox: %s", e.what());
    }
    stuck_->setRowCount(static_cast<int>(entries.size()));
    int row = 0;
    for (const auto& entry : entries) {
        const QString state =
            entry.state == kep::sync::OpState::Conflict ? tr("conflict") : tr("rejected");
        const QStringList cells{
            QString::number(entry.op.deviceSeq),
            fromStd(kep::sync::toString(entry.op.kind)),
            fromStd(entry.op.entity.type) + QLatin1Char(' ') + fromStd(entry.op.entity.id),
            state,
            fromStd(entry.reason),
            when(kep::desk::sync::toDateTime(entry.queuedAt)),
        };
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            item->setToolTip(cells[column]);
            stuck_->setItem(row, column, item);
        }
        ++row;
    }
    refreshLabels();
}

bool SyncPanel::exportStuckOps() {
    const QString file = chooseExportFile_ ? chooseExportFile_() : QString();
    if (file.isEmpty()) {
        return false;
    }
    bool ok = false;
    try {
        const auto entries = outbox_.needsAttention();
        QSaveFile out(file);
        ok = out.open(QIODevice::WriteOnly) &&
             out.write(kep::desk::sync::stuckOpsReport(deviceId_.toStdString(), entries,
                                                       wallNow())) >= 0 &&
             out.commit();
        exportMessage_ = ok ? tr("Exported %n op(s) to %1", "", int(entries.size())).arg(file)
                            : tr("Could not write %1: %2").arg(file, out.errorString());
    } catch (const std::exception& e) {
        exportMessage_ = tr("Could not write %1: %2").arg(file, QString::fromUtf8(e.what()));
    }
    refreshLabels();
    return ok;
}

void SyncPanel::retranslateUi() {
    setWindowTitle(tr("Synchronisation"));
    syncNow_->setText(tr("Sync now"));
    show_->setText(tr("Synchronisation…"));
    exportStuck_->setText(tr("Export stuck ops…"));
    syncNowButton_->setText(tr("&Sync now (F9)"));
    exportButton_->setText(tr("&Export stuck ops…"));
    closeButton_->setText(tr("Close"));
    stuck_->setHorizontalHeaderLabels(
        {tr("Seq"), tr("Kind"), tr("Record"), tr("State"), tr("Server's reason"), tr("Queued")});
    stuck_->setAccessibleName(tr("Changes needing attention"));
    refreshStuckOps();
}

void SyncPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

}  // namespace kep::desk::ui
