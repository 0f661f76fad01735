#include "feedback/ProcedureFlagDialog.h"

#include "help/HelpTopic.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kep::desk::ui {

using kep::desk::feedback::FlagKind;

ProcedureFlagDialog::ProcedureFlagDialog(kep::desk::feedback::ProcedureFlags& flags,
                                         QWidget* parent)
    : QDialog(parent)
    , flags_(flags)
    , procedure_(new QLabel(this))
    , kindLabel_(new QLabel(this))
    , kind_(new QComboBox(this))
    , textLabel_(new QLabel(this))
    , text_(new QPlainTextEdit(this))
    , problem_(new QLabel(this))
    , buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    help::setTopic(this, QStringLiteral("procedure-flag"));
    procedure_->setWordWrap(true);
    problem_->setWordWrap(true);
    problem_->hide();
    for (int i = 0; i < 4; ++i) {
        kind_->addItem(QString());
    }
    kindLabel_->setBuddy(kind_);
    textLabel_->setBuddy(text_);
    text_->setTabChangesFocus(true);
    auto* form = new QFormLayout;
    form->addRow(kindLabel_, kind_);
    form->addRow(textLabel_, text_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(procedure_);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &ProcedureFlagDialog::send);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslateUi();
}

void ProcedureFlagDialog::start(const QString& procedureId, const QString& title,
                                const QString& userId) {
    procedureId_ = procedureId;
    userId_ = userId;
    procedure_->setText(tr("Procedure %1: %2").arg(procedureId, title.toHtmlEscaped()));
    kind_->setCurrentIndex(0);
    text_->clear();
    problem_->hide();
    kind_->setFocus(Qt::OtherFocusReason);
}

void ProcedureFlagDialog::send() {
    // The combo's rows are in FlagKind's order.
    const auto kind = static_cast<FlagKind>(kind_->currentIndex());
    if (kind == FlagKind::Other && text_->toPlainText().trimmed().isEmpty()) {
        problem_->setText(tr("Say what is wrong with the entry."));
        problem_->show();
        text_->setFocus(Qt::OtherFocusReason);
        return;
    }
    try {
        const auto flag = flags_.queue(procedureId_, kind, text_->toPlainText(), userId_,
                                       QDateTime::currentDateTimeUtc());
        emit flagQueued(flag);
        accept();
    } catch (const std::exception& e) {
        problem_->setText(
            tr("The flag could not be kept on this desk: %1").arg(QString::fromUtf8(e.what())));
        problem_->show();
    }
}

void ProcedureFlagDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void ProcedureFlagDialog::retranslateUi() {
    setWindowTitle(tr("Report a problem with the procedure"));
    kind_->setItemText(static_cast<int>(FlagKind::OutdatedFee), tr("Outdated fee"));
    kind_->setItemText(static_cast<int>(FlagKind::MissingDocument), tr("Missing document"));
    kind_->setItemText(static_cast<int>(FlagKind::WrongAuthority), tr("Wrong authority"));
    kind_->setItemText(static_cast<int>(FlagKind::Other), tr("Other"));
    kindLabel_->setText(tr("&What is wrong:"));
    textLabel_->setText(tr("&Details:"));
    kind_->setAccessibleName(tr("What is wrong"));
    text_->setAccessibleName(tr("Details"));
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Send to the central administration"));
}

}  // namespace kep::desk::ui
