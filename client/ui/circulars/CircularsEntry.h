// Where circulars meet the user: the dialog of unread ones opened after an office user signs in
// (and when new ones arrive while they work), and its action in the View menu.
#pragma once

#include "UserSession.h"
#include "circulars/UnreadCircularsDialog.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace kep::desk::circulars {
class CircularStore;
}

namespace kep::desk::ui {

class CircularsEntry : public QObject {
    Q_OBJECT
public:
    // `store` (the UI thread's) must outlive the entry; the dialog is a child of `windowParent`.
    CircularsEntry(kep::desk::circulars::CircularStore& store, QMenu* viewMenu,
                   QWidget* windowParent);

    // At sign-in: an office user's unread circulars are offered from the event loop (the dialog
    // is modal to the main window). nullopt at sign-out closes it.
    void setSession(const std::optional<kep::desk::UserSession>& session);
    void setLanguage(const QString& code) { language_ = code; }
    // Opens the dialog when the signed-in user has unread circulars; true when it did.
    bool showUnread();
    // New circulars are in desk.db: offered at once unless the dialog is open already.
    void circularsArrived();

    QAction* action() const { return action_; }
    UnreadCircularsDialog* dialog() const { return dialog_; }  // null until first shown

signals:
    void receiptQueued();

private:
    void retranslate();

    kep::desk::circulars::CircularStore& store_;
    QWidget* windowParent_;
    QAction* action_;
    QPointer<UnreadCircularsDialog> dialog_;
    std::optional<kep::desk::UserSession> session_;
    QString language_ = QStringLiteral("el");
};

}  // namespace kep::desk::ui
