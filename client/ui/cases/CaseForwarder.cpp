#include "cases/CaseForwarder.h"

#include "Clock.h"
#include "cases/WorkQueuesTable.h"

namespace kep::desk::ui {

namespace {

using kep::cases::Refusal;
using kep::desk::cases::ForwardOutcome;

}  // namespace

CaseForwarder::CaseForwarder(const kep::desk::Clock& clock, QObject* parent)
    : QObject(parent)
    , clock_(clock) {}

void CaseForwarder::setForwarding(kep::desk::cases::CaseForwarding* forwarding,
                                  const kep::cases::Actor& actor) {
    forwarding_ = forwarding;
    actor_ = actor;
}

QList<QKeySequence> CaseForwarder::shortcuts() {
    return {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter)};
}

bool CaseForwarder::mayForward(const kep::desk::cases::CaseSummary& c) const {
    return forwarding_ != nullptr && kep::desk::cases::CaseForwarding::check(c, actor_).ok();
}

QString CaseForwarder::nameOf(const kep::desk::cases::ForwardDestination& where) const {
    if (where.authorityId.empty()) {
        return tr("an authority this desk's catalogue does not name");
    }
    const QString id = QString::fromStdString(where.authorityId);
    return where.name.empty() ? id : tr("%1 (%2)").arg(QString::fromStdString(where.name), id);
}

QString CaseForwarder::destinationText(const kep::desk::cases::CaseSummary& c) const {
    if (forwarding_ == nullptr) {
        return {};
    }
    return nameOf(forwarding_->destination(c, language_));
}

kep::cases::Instant CaseForwarder::now() const {
    return kep::cases::Instant{std::chrono::milliseconds{clock_.now().toMSecsSinceEpoch()}};
}

QString CaseForwarder::forward(const kep::desk::cases::CaseSummary& c) {
    const QString number = QString::fromStdString(c.protocolNumber);
    if (forwarding_ == nullptr) {
        return tr("%1: not forwarded; sign in as a clerk or manager of the office.").arg(number);
    }
    const ForwardOutcome outcome = forwarding_->forward(c.id, actor_, now(), language_);
    switch (outcome.refusal) {
        case ForwardOutcome::Refusal::None:
            emit forwarded(QString::fromStdString(c.id));
            return tr("%1 forwarded to %2. It goes to the server with the next sync.")
                .arg(number, nameOf(outcome.destination));
        case ForwardOutcome::Refusal::NoSuchCase:
            return tr("%1: the case is no longer on this desk.").arg(number);
        case ForwardOutcome::Refusal::NoAuthority:
            return tr("%1: not forwarded, because this desk's catalogue does not name the "
                      "procedure's competent authority. Sync the catalogue and try again.")
                .arg(number);
        case ForwardOutcome::Refusal::Lifecycle:
            break;
    }
    switch (outcome.lifecycle.refusal) {
        case Refusal::ApprovalRequired:
            return tr("%1: the procedure needs the manager's approval before the case is "
                      "forwarded.")
                .arg(number);
        case Refusal::RoleNotAllowed:
            return tr("%1: only a clerk or a manager of the office forwards cases.").arg(number);
        case Refusal::NoSuchTransition:
        case Refusal::TerminalStatus:
            return tr("%1: a case that is «%2» cannot be forwarded.")
                .arg(number, WorkQueuesTable::statusName(c.status));
        default:
            return tr("%1: not forwarded (%2).")
                .arg(number, QString::fromStdString(outcome.lifecycle.message));
    }
}

}  // namespace kep::desk::ui
