#include "circulars/CircularSendingEntry.h"

#include "admin/AdministrationClient.h"

#include <QAction>
#include <QMenu>

namespace kep::desk::ui {

CircularSendingEntry::CircularSendingEntry(kep::desk::ServerLink& link, QMenu* adminMenu,
                                           QWidget* windowParent)
    : QObject(windowParent)
    , client_(std::make_unique<kep::desk::circulars::CircularSendingClient>(link))
    , administration_(std::make_unique<kep::desk::admin::AdministrationClient>(link))
    , adminMenu_(adminMenu)
    , windowParent_(windowParent)
    , action_(new QAction(this)) {
    action_->setObjectName(QStringLiteral("circularSendingAction"));
    action_->setVisible(false);
    adminMenu->addAction(action_);
    connect(action_, &QAction::triggered, this, &CircularSendingEntry::show);
    retranslate();
}

CircularSendingEntry::~CircularSendingEntry() {
    delete window_;  // before the clients it holds on to
}

void CircularSendingEntry::setSession(const std::optional<kep::desk::UserSession>& session) {
    // The server's policy: circular.send for the central administration (national) and IT staff
    // (their own region). Sending and reading receipts need the server, so online only.
    const QString role = session ? session->role : QString();
    allowed_ = session && !session->offline &&
               (role == QLatin1String("central_admin") || role == QLatin1String("it"));
    national_ = role == QLatin1String("central_admin");
    action_->setVisible(allowed_);
    if (allowed_) {
        // IT staff have no other administration screen: the menu shows for this one.
        adminMenu_->menuAction()->setVisible(true);
    } else if (window_) {
        delete window_;  // the next user must not find the last one's circulars
    }
}

void CircularSendingEntry::show() {
    if (!allowed_) {
        return;
    }
    if (!window_) {
        window_ = new CircularsWindow(*client_, *administration_, windowParent_);
        window_->setWindowFlag(Qt::Window);
    }
    window_->setNationalAudience(national_);
    window_->loadOffices();
    window_->show();
    window_->raise();
    window_->activateWindow();
}

void CircularSendingEntry::retranslate() {
    action_->setText(tr("C&irculars to the offices…"));
}

}  // namespace kep::desk::ui
