#include "SyncIndicator.h"

#include "SyncStatus.h"

#include <QEvent>
#include <QLocale>
#include <QStringList>

namespace kep::desk::ui {

SyncIndicator::SyncIndicator(const SyncStatus& status, QWidget* parent)
    : QLabel(parent)
    , status_(status) {
    setObjectName(QStringLiteral("syncIndicator"));
    connect(&status_, &SyncStatus::changed, this, &SyncIndicator::refresh);
    refresh();
}

QString SyncIndicator::describe(bool online, int pendingChanges, const QDateTime& lastSync,
                                const QDateTime& now) {
    const QString state = online ? tr("Online") : tr("Offline");
    const QString pending = tr("%n pending", "changes waiting to be sent", pendingChanges);
    QString last;
    if (!lastSync.isValid()) {
        last = tr("not yet synchronised");
    } else {
        const QDateTime local = lastSync.toLocalTime();
        const QLocale locale;
        const QString when = local.date() == now.toLocalTime().date()
                                 ? locale.toString(local.time(), QStringLiteral("HH:mm"))
                                 : locale.toString(local, QStringLiteral("d/M HH:mm"));
        last = tr("last sync %1").arg(when);
    }
    return QStringLiteral("%1 · %2 · %3").arg(state, pending, last);
}

QString SyncIndicator::describeAttention(int openConflicts, int stuckChanges) {
    QStringList parts;
    if (openConflicts > 0) {
        parts << tr("%n conflict(s)", "open conflicts in the inbox", openConflicts);
    }
    if (stuckChanges > 0) {
        parts << tr("%n needing attention", "changes the server refused", stuckChanges);
    }
    return parts.join(QStringLiteral(" · "));
}

void SyncIndicator::refresh() {
    QString text = describe(status_.isOnline(), status_.pendingChanges(),
                            status_.lastSuccessfulSync(), QDateTime::currentDateTime());
    const QString attention = describeAttention(status_.openConflicts(), status_.stuckChanges());
    if (!attention.isEmpty()) {
        text += QStringLiteral(" · ") + attention;
    }
    // A coloured dot in front, so the state reads at a glance; the words carry it for screen
    // readers and in high contrast.
    const QString dot = status_.isOnline() ? QStringLiteral("#1b7f3b") : QStringLiteral("#b3261e");
    setText(QStringLiteral("<span style=\"color:%1\">●</span> %2").arg(dot, text.toHtmlEscaped()));
    setAccessibleName(tr("Synchronisation status"));
    setAccessibleDescription(text);
    setToolTip(text);
}

void SyncIndicator::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        refresh();
    }
    QLabel::changeEvent(event);
}

}  // namespace kep::desk::ui
