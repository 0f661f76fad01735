#include "cases/EvidencePanel.h"

#include "cases/AttachmentImport.h"
#include "cases/ProcedureFiling.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

namespace kep::desk::ui {

namespace {

using kep::cases::EvidenceState;
using kep::catalogue::Language;

// The order of each document's choices; the combo's index is the state.
constexpr EvidenceState kStates[] = {EvidenceState::Missing, EvidenceState::Provided,
                                     EvidenceState::ToBeObtainedByKep};

int indexOf(EvidenceState state) {
    for (int i = 0; i < int(std::size(kStates)); ++i) {
        if (kStates[i] == state) {
            return i;
        }
    }
    return 0;
}

}  // namespace

EvidencePanel::EvidencePanel(QWidget* parent)
    : QWidget(parent)
    , form_(new QFormLayout)
    , attachmentsLabel_(new QLabel(this))
    , attachmentList_(new QListWidget(this)) {
    setObjectName(QStringLiteral("evidencePanel"));
    attachmentList_->setObjectName(QStringLiteral("attachmentList"));
    // A list to read, not a stop in the tab chain: attaching is Ctrl+O from any field.
    attachmentList_->setFocusPolicy(Qt::NoFocus);
    attachmentList_->setMaximumHeight(90);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(form_);
    column->addWidget(attachmentsLabel_);
    column->addWidget(attachmentList_);
    showAttachments();
    retranslateUi();
}

void EvidencePanel::clear() {
    while (form_->rowCount() > 0) {
        form_->removeRow(0);
    }
    choices_.clear();
    requirements_.clear();
    documents_.clear();
    attachments_.clear();
    lastFocused_ = 0;
    showAttachments();
}

void EvidencePanel::showProcedure(const kep::catalogue::Procedure& procedure) {
    clear();
    requirements_ = kep::desk::cases::evidenceRequirements(procedure);
    documents_ = procedure.evidences;
    for (std::size_t i = 0; i < requirements_.size(); ++i) {
        auto* choice = new QComboBox(this);
        choice->setObjectName(QStringLiteral("evidence_%1").arg(i));
        choice->addItems({QString(), QString(), QString()});
        choice->installEventFilter(this);
        auto* label = new QLabel(this);
        label->setWordWrap(true);
        label->setBuddy(choice);
        form_->addRow(label, choice);
        choices_ << choice;
        connect(choice, &QComboBox::currentIndexChanged, this, &EvidencePanel::edited);
    }
    retranslateUi();
}

void EvidencePanel::setLanguage(Language language) {
    if (language_ != language) {
        language_ = language;
        retranslateUi();
    }
}

bool EvidencePanel::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::FocusIn) {
        const int index = choices_.indexOf(static_cast<QComboBox*>(watched));
        if (index >= 0) {
            lastFocused_ = index;
        }
    }
    return QWidget::eventFilter(watched, event);
}

std::vector<std::pair<std::string, EvidenceState>> EvidencePanel::states() const {
    std::vector<std::pair<std::string, EvidenceState>> marked;
    for (int i = 0; i < choices_.size(); ++i) {
        marked.emplace_back(requirements_[std::size_t(i)].id,
                            kStates[std::max(0, choices_[i]->currentIndex())]);
    }
    return marked;
}

void EvidencePanel::setStates(const std::vector<std::pair<std::string, EvidenceState>>& states) {
    for (const auto& [id, state] : states) {
        for (std::size_t i = 0; i < requirements_.size(); ++i) {
            if (requirements_[i].id == id) {
                choices_[int(i)]->setCurrentIndex(indexOf(state));
            }
        }
    }
}

QString EvidencePanel::titleOf(int index, Language language) const {
    // LocalizedText::in() falls back to the other language when this one is empty.
    const auto& document = documents_[std::size_t(index)];
    const std::string& described = document.description.in(language);
    return QString::fromStdString(described.empty() ? document.type.title.in(language) : described);
}

QStringList EvidencePanel::titlesMarked(EvidenceState state, Language language) const {
    QStringList titles;
    for (int i = 0; i < choices_.size(); ++i) {
        if (kStates[std::max(0, choices_[i]->currentIndex())] == state) {
            titles << titleOf(i, language);
        }
    }
    return titles;
}

void EvidencePanel::addAttachment(const kep::desk::cases::ImportedAttachment& attachment,
                                  int documentIndex) {
    if (choices_.isEmpty()) {
        return;  // no case: nothing for the attachment to show
    }
    const int index =
        documentIndex >= 0 && documentIndex < choices_.size() ? documentIndex : lastFocused_;
    const std::string sha = attachment.sha256.toStdString();
    const std::string& evidenceId = requirements_[std::size_t(index)].id;
    for (const auto& kept : attachments_) {
        if (kept.sha256 == sha && kept.evidenceId == evidenceId) {
            return;  // the same file for the same document, attached twice
        }
    }
    attachments_.push_back({sha, kep::desk::cases::mediaTypeOf(attachment.type).toStdString(),
                            attachment.size, evidenceId});
    if (choices_[index]->currentIndex() == indexOf(EvidenceState::Missing)) {
        choices_[index]->setCurrentIndex(indexOf(EvidenceState::Provided));
    }
    showAttachments();
    emit edited();
}

void EvidencePanel::setAttachments(std::vector<kep::desk::cases::DraftAttachment> attachments) {
    attachments_ = std::move(attachments);
    showAttachments();
}

void EvidencePanel::showAttachments() {
    attachmentList_->clear();
    const QLocale locale;
    for (const auto& a : attachments_) {
        QString document = QString::fromStdString(a.evidenceId);
        for (std::size_t i = 0; i < requirements_.size(); ++i) {
            if (requirements_[i].id == a.evidenceId) {
                document = titleOf(int(i), language_);
            }
        }
        // The hash's head tells two files apart; the whole of it is in the case.
        attachmentList_->addItem(QStringLiteral("%1 — %2, %3 (%4)")
                                     .arg(document, QString::fromStdString(a.mediaType),
                                          locale.formattedDataSize(a.size),
                                          QString::fromStdString(a.sha256.substr(0, 12))));
    }
    attachmentsLabel_->setVisible(!attachments_.empty());
    attachmentList_->setVisible(!attachments_.empty());
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
        QString title = titleOf(i, language_);
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
    attachmentsLabel_->setText(tr("Attachments"));
    attachmentList_->setAccessibleName(tr("Attachments"));
    showAttachments();
}

}  // namespace kep::desk::ui
