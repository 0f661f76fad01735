// Where a clerk reaches the flag dialog: "Report a problem with the procedure…" in the File
// menu, for the procedure selected in the catalogue, shown to an office's staff only.
#pragma once

#include "UserSession.h"
#include "feedback/ProcedureFlagDialog.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>
#include <utility>

class QAction;
class QMenu;
class QWidget;

namespace kep::desk::feedback {
class ProcedureFlags;
}

namespace kep::desk::ui {

class ProcedureFlagEntry : public QObject {
    Q_OBJECT
public:
    // The procedure the clerk is reading: its id and title, nullopt when none is selected.
    using CurrentProcedure = std::function<std::optional<std::pair<QString, QString>>()>;

    ProcedureFlagEntry(kep::desk::feedback::ProcedureFlags& flags, CurrentProcedure current,
                       QMenu* menu, QWidget* windowParent);

    void setSession(const std::optional<kep::desk::UserSession>& session);
    // Opens the dialog for the current procedure; false (nothing shown) when none is selected.
    bool show();

    QAction* action() const { return action_; }
    ProcedureFlagDialog* dialog() const { return dialog_; }  // null until first shown

signals:
    void flagQueued();

private:
    kep::desk::feedback::ProcedureFlags& flags_;
    CurrentProcedure current_;
    QWidget* windowParent_;
    QAction* action_;
    QPointer<ProcedureFlagDialog> dialog_;
    std::optional<kep::desk::UserSession> session_;
};

}  // namespace kep::desk::ui
