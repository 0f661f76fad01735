#include "feedback/ProcedureFlagEntry.h"

#include "feedback/ProcedureFlagDialog.h"

#include <QAction>
#include <QMenu>

namespace kep::desk::ui {

ProcedureFlagEntry::ProcedureFlagEntry(kep::desk::feedback::ProcedureFlags& flags,
                                       CurrentProcedure current, QMenu* menu, QWidget* windowParent)
    : QObject(windowParent)
    , flags_(flags)
    , current_(std::move(current))
    , windowParent_(windowParent)
    , action_(new QAction(tr("&Report a problem with the procedure…"), this)) {
    action_->setVisible(false);
    menu->addAction(action_);
    connect(action_, &QAction::triggered, this, [this] { show(); });
}

void ProcedureFlagEntry::setSession(const std::optional<kep::desk::UserSession>& session) {
    session_ = session;
    // Flags go out by the workstation of an office, in the name of one of its users.
    action_->setVisible(session_ && !session_->officeCode.isEmpty());
    if (!action_->isVisible() && dialog_) {
        dialog_->reject();
    }
}

bool ProcedureFlagEntry::show() {
    if (!session_ || session_->officeCode.isEmpty()) {
        return false;
    }
    const auto procedure = current_ ? current_() : std::nullopt;
    if (!procedure) {
        return false;
    }
    if (!dialog_) {
        dialog_ = new ProcedureFlagDialog(flags_, windowParent_);
        connect(dialog_, &ProcedureFlagDialog::flagQueued, this, &ProcedureFlagEntry::flagQueued);
    }
    dialog_->start(procedure->first, procedure->second, session_->userId);
    dialog_->open();
    return true;
}

}  // namespace kep::desk::ui
