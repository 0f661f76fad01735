// Where the catalogue publishing window is reached: its action in the Administration menu,
// shown only to a central administrator signed in online, and the window made on first use and
// dropped at sign-out (the next user must not find the last one's screen).
#pragma once

#include "UserSession.h"
#include "admin/CataloguePublishWindow.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace kep::desk::admin {
class AdministrationClient;
}

namespace kep::desk::ui {

class CataloguePublishEntry : public QObject {
    Q_OBJECT
public:
    // Adds the action to `adminMenu`; the window is a child of `windowParent`.
    CataloguePublishEntry(kep::desk::admin::AdministrationClient& client, QMenu* adminMenu,
                          QWidget* windowParent);
    ~CataloguePublishEntry() override;

    // nullopt at sign-out: hides the action and closes the window.
    void setSession(const std::optional<kep::desk::UserSession>& session);
    void setLanguage(const QString& code);
    // Opens the window when the session may publish; does nothing otherwise.
    void show();

    QAction* action() const { return action_; }
    CataloguePublishWindow* window() const { return window_; }  // null until shown

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();

    kep::desk::admin::AdministrationClient& client_;
    QMenu* menu_;
    QWidget* windowParent_;
    QAction* action_;
    QPointer<CataloguePublishWindow> window_;  // owned by windowParent_ as a child
    bool allowed_ = false;
    QString language_ = QStringLiteral("el");
};

}  // namespace kep::desk::ui
