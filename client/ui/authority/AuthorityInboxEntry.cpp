#include "authority/AuthorityInboxEntry.h"

#include <QAction>
#include <QEvent>
#include <QMenu>

namespace kep::desk::ui {

AuthorityInboxEntry::AuthorityInboxEntry(authority::AuthorityClient& client, QMenu* menu,
                                         QWidget* windowParent, QString documentFolder)
    : QObject(menu)
    , client_(client)
    , menu_(menu)
    , windowParent_(windowParent)
    , documentFolder_(std::move(documentFolder))
    , action_(new QAction(menu)) {
    action_->setObjectName(QStringLiteral("authorityInboxAction"));
    action_->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+I")));
    action_->setShortcutContext(Qt::ApplicationShortcut);
    action_->setVisible(false);
    action_->setEnabled(false);
    menu_->addAction(action_);
    // The menu hears of a language change; the action itself does not.
    menu_->installEventFilter(this);
    connect(action_, &QAction::triggered, this, &AuthorityInboxEntry::show);
    retranslate();
}

AuthorityInboxEntry::~AuthorityInboxEntry() {
    delete window_;
}

void AuthorityInboxEntry::retranslate() {
    action_->setText(tr("Authority &inbox…"));
}

bool AuthorityInboxEntry::eventFilter(QObject* watched, QEvent* event) {
    if (watched == menu_ && event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    return QObject::eventFilter(watched, event);
}

void AuthorityInboxEntry::setSession(const std::optional<UserSession>& session) {
    // The inbox is the server's: an offline sign-in has nothing to show.
    allowed_ = session && session->role == QLatin1String("authority") && !session->offline;
    action_->setVisible(allowed_);
    action_->setEnabled(allowed_);
    if (!allowed_) {
        delete window_;  // QPointer: null if its parent already went
        return;
    }
    show();
}

void AuthorityInboxEntry::show() {
    if (!allowed_) {
        return;
    }
    if (!window_) {
        window_ = new AuthorityInboxWindow(client_, documentFolder_, windowParent_);
    }
    window_->show();
    window_->raise();
    window_->activateWindow();
}

}  // namespace kep::desk::ui
