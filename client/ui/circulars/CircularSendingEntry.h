// Where the senders reach their circulars window: "Circulars to the offices…" in the
// Administration menu, for the central administration and a region's IT staff signed in online
// (the server decides each send); the window dropped at sign-out.
#pragma once

#include "UserSession.h"
#include "circulars/CircularsWindow.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace kep::desk {
class ServerLink;
}

namespace kep::desk::ui {

class CircularSendingEntry : public QObject {
    Q_OBJECT
public:
    // `link` must outlive the entry; the window is a child of `windowParent`.
    CircularSendingEntry(kep::desk::ServerLink& link, QMenu* adminMenu, QWidget* windowParent);
    ~CircularSendingEntry() override;

    void setSession(const std::optional<kep::desk::UserSession>& session);
    void show();
    // The action's words in the language just installed (the window retranslates itself).
    void retranslate();

    QAction* action() const { return action_; }
    CircularsWindow* window() const { return window_; }  // null until shown

private:
    std::unique_ptr<kep::desk::circulars::CircularSendingClient> client_;
    std::unique_ptr<kep::desk::admin::AdministrationClient> administration_;
    QMenu* adminMenu_;
    QWidget* windowParent_;
    QAction* action_;
    QPointer<CircularsWindow> window_;
    bool allowed_ = false;
    bool national_ = false;
};

}  // namespace kep::desk::ui
