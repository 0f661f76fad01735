#include "admin/CataloguePublishEntry.h"

#include "admin/AdminAccess.h"
#include "admin/CataloguePublishWindow.h"

#include <QAction>
#include <QEvent>
#include <QMenu>

namespace kep::desk::ui {

CataloguePublishEntry::CataloguePublishEntry(admin::AdministrationClient& client, QMenu* adminMenu,
                                             QWidget* windowParent)
    : QObject(adminMenu)
    , client_(client)
    , menu_(adminMenu)
    , windowParent_(windowParent)
    , action_(new QAction(adminMenu)) {
    action_->setObjectName(QStringLiteral("cataloguePublishingAction"));
    action_->setVisible(false);
    menu_->addAction(action_);
    // The menu hears of a language change; the action itself does not.
    menu_->installEventFilter(this);
    connect(action_, &QAction::triggered, this, &CataloguePublishEntry::show);
    retranslate();
}

CataloguePublishEntry::~CataloguePublishEntry() {
    delete window_;
}

void CataloguePublishEntry::retranslate() {
    action_->setText(tr("&Catalogue publishing…"));
}

bool CataloguePublishEntry::eventFilter(QObject* watched, QEvent* event) {
    if (watched == menu_ && event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    return QObject::eventFilter(watched, event);
}

void CataloguePublishEntry::setSession(const std::optional<UserSession>& session) {
    allowed_ = session && admin::AdminAccess::forRole(session->role, session->offline).catalogue;
    action_->setVisible(allowed_);
    if (!allowed_) {
        delete window_;  // QPointer: null if its parent already went
    }
}

void CataloguePublishEntry::setLanguage(const QString& code) {
    language_ = code;
    if (window_) {
        window_->setLanguage(code);
    }
}

void CataloguePublishEntry::show() {
    if (!allowed_) {
        return;
    }
    if (!window_) {
        window_ = new CataloguePublishWindow(client_, windowParent_);
        window_->setLanguage(language_);
    }
    window_->show();
    window_->raise();
    window_->activateWindow();
}

}  // namespace kep::desk::ui
