#include "cases/EvidencePanel.h"

#include "cases/ProcedureFiling.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>

namespace kep::desk::ui {

namespace {

using kep::cases::EvidenceState;

// The order of each document's choices; the combo's index is the state.
constexpr EvidenceState kStates[] = {EvidenceState::Missing, EvidenceState::Provided,
                                     EvidenceState::ToBeObtainedByKep};

}  // namespace

EvidencePanel::EvidencePanel(QWidget* parent) : QWidget(parent), form_(new QFormLayout(this)) {
    setObjectName(QStringLiteral("evidencePanel"));
}

void EvidencePanel::clear() {
    while (form_->rowCount() > 0) {
        form_->removeRow(0);
    }
    choices_.clear();
    requirements_.clear();
    titles_.clear();
}

void EvidencePanel::showProcedure(const kep::catalogue::Procedure& procedure) {
    clear();
    requirements_ = kep::desk::cases::evidenceRequirements(procedure);
    for (std::size_t i = 0; i < requirements_.size(); ++i) {
        const auto& evidence = procedure.evidences[i];
        QString title =
            QString::fromStdString(evidence.description.in(kep::catalogue::Language::El));
        if (title.isEmpty()) {
            title = QString::fromStdString(evidence.type.title.in(kep::catalogue::Language::El));
        }
        titles_ << title;
        auto* choice = new QComboBox(this);
        choice->setObjectName(QStringLiteral("evidence_%1").arg(i));
        choice->addItems({QString(), QString(), QString()});
        auto* label = new QLabel(this);
        label->setWordWrap(true);
        label->setBuddy(choice);
        form_->addRow(label, choice);
        choices_ << choice;
    }
    retranslateUi();
}

std::vector<std::pair<std::string, EvidenceState>> EvidencePanel::states() const {
    std::vector<std::pair<std::string, EvidenceState>> marked;
    for (int i = 0; i < choices_.size(); ++i) {
        marked.emplace_back(requirements_[std::size_t(i)].id,
                            kStates[std::max(0, choices_[i]->currentIndex())]);
    }
    return marked;
}

QStringList EvidencePanel::titlesMarked(EvidenceState state) const {
    QStringList titles;
    for (int i = 0; i < choices_.size(); ++i) {
        if (kStates[std::max(0, choices_[i]->currentIndex())] == state) {
            titles << titles_[i];
        }
    }
    return titles;
}

void EvidencePanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void EvidencePanel::retranslateUi() {
    for (int i = 0; i < choices_.size(); ++i) {
        QComboBox* choice = choices_[i];
        choice->setItemText(0, tr("Missing"));
        choice->setItemText(1, tr("Provided"));
        choice->setItemText(2, tr("To be obtained by the KEP"));
        QString title = titles_[i];
        if (!requirements_[std::size_t(i)].alternativeGroup.empty()) {
            title =
                tr("%1 (or an alternative of group %2)")
                    .arg(title,
                         QString::fromStdString(requirements_[std::size_t(i)].alternativeGroup));
        }
        if (auto* label = qobject_cast<QLabel*>(form_->labelForField(choice))) {
            label->setText(title);
        }
        choice->setAccessibleName(title);
    }
}

}  // namespace kep::desk::ui
