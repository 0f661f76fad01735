// The main window's home page: who is signed in (name, role, office) and whether the server
// is reachable — the clerk's first check that the desk is ready for the counter.
#pragma once

#include "UserSession.h"

#include <QWidget>

#include <optional>

class QLabel;

namespace kep::desk::ui {

class HomePage : public QWidget {
    Q_OBJECT
public:
    explicit HomePage(QWidget* parent = nullptr);

    void setSession(const std::optional<kep::desk::UserSession>& session);
    void setServerState(const kep::desk::ServerHealth& health);

    static QString roleTitle(const QString& role);  // "clerk" → «Υπάλληλος γκισέ» in Greek

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QLabel* title_;
    QLabel* userLabel_;
    QLabel* user_;
    QLabel* roleLabel_;
    QLabel* role_;
    QLabel* officeLabel_;
    QLabel* office_;
    QLabel* serverLabel_;
    QLabel* server_;
    std::optional<kep::desk::UserSession> session_;
    std::optional<kep::desk::ServerHealth> health_;
};

}  // namespace kep::desk::ui
