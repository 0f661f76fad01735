// Where the authority inbox is reached: its action in the View menu (Ctrl+Shift+I), shown only
// to an authority user signed in online and opened at once when one signs in; the window made
// on first use and dropped at sign-out (the next user must not find the last one's cases).
#pragma once

#include "UserSession.h"
#include "authority/AuthorityInboxWindow.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace kep::desk::authority {
class AuthorityClient;
}

namespace kep::desk::ui {

class AuthorityInboxEntry : public QObject {
    Q_OBJECT
public:
    // Adds the action to `menu`; the window is a child of `windowParent` and keeps the documents
    // it opens in `documentFolder`.
    AuthorityInboxEntry(kep::desk::authority::AuthorityClient& client, QMenu* menu,
                        QWidget* windowParent, QString documentFolder);
    ~AuthorityInboxEntry() override;

    // Who may use it: role authority, online. nullopt at sign-out: hides the action and closes
    // the window. An authority user's sign-in opens the inbox.
    void setSession(const std::optional<kep::desk::UserSession>& session);
    void show();  // does nothing unless the session may use the inbox

    QAction* action() const { return action_; }
    AuthorityInboxWindow* window() const { return window_; }  // null until shown

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();

    kep::desk::authority::AuthorityClient& client_;
    QMenu* menu_;
    QWidget* windowParent_;
    QString documentFolder_;
    QAction* action_;
    QPointer<AuthorityInboxWindow> window_;  // owned by windowParent_ as a child
    bool allowed_ = false;
};

}  // namespace kep::desk::ui
