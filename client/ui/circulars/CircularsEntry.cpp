#include "circulars/CircularsEntry.h"

#include "circulars/UnreadCircularsDialog.h"

#include <QAction>
#include <QMenu>
#include <QTimer>

namespace kep::desk::ui {

namespace {

// Circulars are written to offices: their staff read them (central roles have no office).
bool readsCirculars(const std::optional<kep::desk::UserSession>& session) {
    return session && !session->officeCode.isEmpty();
}

}  // namespace

CircularsEntry::CircularsEntry(kep::desk::circulars::CircularStore& store, QMenu* viewMenu,
                               QWidget* windowParent)
    : QObject(windowParent)
    , store_(store)
    , windowParent_(windowParent)
    , action_(new QAction(this)) {
    action_->setVisible(false);
    viewMenu->addAction(action_);
    connect(action_, &QAction::triggered, this, [this] { showUnread(); });
    retranslate();
}

void CircularsEntry::setSession(const std::optional<kep::desk::UserSession>& session) {
    session_ = session;
    action_->setVisible(readsCirculars(session_));
    if (!readsCirculars(session_)) {
        if (dialog_) {
            dialog_->reject();
        }
        return;
    }
    QTimer::singleShot(0, this, [this] { showUnread(); });
}

bool CircularsEntry::showUnread() {
    if (!readsCirculars(session_)) {
        return false;
    }
    if (!dialog_) {
        dialog_ = new UnreadCircularsDialog(store_, windowParent_);
        dialog_->setWindowModality(Qt::WindowModal);
        connect(dialog_, &UnreadCircularsDialog::receiptQueued, this,
                &CircularsEntry::receiptQueued);
    }
    try {
        if (!dialog_->load(session_->userId, language_)) {
            return false;
        }
    } catch (const std::exception& e) {
        qWarning("kep-desk: cannot read the circulars: %s", e.what());
        return false;
    }
    dialog_->open();
    dialog_->raise();
    return true;
}

void CircularsEntry::circularsArrived() {
    if (dialog_ && dialog_->isVisible()) {
        return;
    }
    showUnread();
}

void CircularsEntry::retranslate() {
    action_->setText(tr("&Circulars…"));
}

}  // namespace kep::desk::ui
