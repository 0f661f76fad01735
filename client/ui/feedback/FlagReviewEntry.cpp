#include "feedback/FlagReviewEntry.h"

#include "feedback/FlagReviewWindow.h"

#include <QAction>
#include <QMenu>

namespace kep::desk::ui {

FlagReviewEntry::FlagReviewEntry(kep::desk::feedback::FlagReviewClient& client, QMenu* adminMenu,
                                 QWidget* windowParent)
    : QObject(windowParent)
    , client_(client)
    , windowParent_(windowParent)
    , action_(new QAction(tr("Clerks' &flags on the catalogue…"), this)) {
    action_->setVisible(false);
    adminMenu->addAction(action_);
    connect(action_, &QAction::triggered, this, &FlagReviewEntry::show);
}

void FlagReviewEntry::setSession(const std::optional<kep::desk::UserSession>& session) {
    // The review is online only (the flags are on the server), for the central administration.
    allowed_ = session && !session->offline && session->role == QLatin1String("central_admin");
    action_->setVisible(allowed_);
    if (!allowed_ && window_) {
        delete window_;  // the next user must not find the last one's screen
    }
}

void FlagReviewEntry::show() {
    if (!allowed_) {
        return;
    }
    if (!window_) {
        window_ = new FlagReviewWindow(client_, windowParent_);
    }
    window_->show();
    window_->raise();
    window_->refresh();
}

}  // namespace kep::desk::ui
