// Where the central administration reaches the flags' review: its action in the Administration
// menu, for a central administrator signed in online; the window dropped at sign-out.
#pragma once

#include "UserSession.h"
#include "feedback/FlagReviewWindow.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace kep::desk::feedback {
class FlagReviewClient;
}

namespace kep::desk::ui {

class FlagReviewEntry : public QObject {
    Q_OBJECT
public:
    FlagReviewEntry(kep::desk::feedback::FlagReviewClient& client, QMenu* adminMenu,
                    QWidget* windowParent);

    void setSession(const std::optional<kep::desk::UserSession>& session);
    void show();

    QAction* action() const { return action_; }
    FlagReviewWindow* window() const { return window_; }  // null until shown

private:
    kep::desk::feedback::FlagReviewClient& client_;
    QWidget* windowParent_;
    QAction* action_;
    QPointer<FlagReviewWindow> window_;
    bool allowed_ = false;
};

}  // namespace kep::desk::ui
