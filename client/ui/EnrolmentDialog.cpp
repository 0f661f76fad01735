#include "EnrolmentDialog.h"

#include "EnrolmentCode.h"
#include "help/HelpTopic.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kep::desk::ui {

EnrolmentDialog::EnrolmentDialog(QWidget* parent)
    : QDialog(parent)
    , title_(new QLabel(this))
    , explanation_(new QLabel(this))
    , codeLabel_(new QLabel(this))
    , code_(new QLineEdit(this))
    , message_(new QLabel(this))
    , buttons_(new QDialogButtonBox(this)) {
    setObjectName(QStringLiteral("enrolmentDialog"));
    help::setTopic(this, QStringLiteral("enrolment"));
    title_->setObjectName(QStringLiteral("title"));
    QFont titleFont = title_->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title_->setFont(titleFont);
    explanation_->setObjectName(QStringLiteral("explanation"));
    explanation_->setWordWrap(true);
    code_->setObjectName(QStringLiteral("enrolmentCode"));
    code_->setMaxLength(32);  // twelve characters, with dashes or spaces as people type them
    QFont codeFont = code_->font();
    codeFont.setFamily(QStringLiteral("monospace"));
    codeFont.setPointSizeF(codeFont.pointSizeF() * 1.3);
    code_->setFont(codeFont);
    codeLabel_->setBuddy(code_);
    message_->setObjectName(QStringLiteral("errorMessage"));
    message_->setWordWrap(true);
    message_->setStyleSheet(QStringLiteral("color: #b3261e;"));
    message_->hide();

    // Our own button (see SignInDialog): standard button texts reset on a language change.
    enrol_ = buttons_->addButton(QString(), QDialogButtonBox::AcceptRole);
    enrol_->setObjectName(QStringLiteral("enrol"));
    enrol_->setDefault(true);
    buttons_->addButton(QDialogButtonBox::Cancel);

    auto* form = new QFormLayout;
    form->addRow(codeLabel_, code_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(explanation_);
    layout->addLayout(form);
    layout->addWidget(message_);
    layout->addStretch();
    layout->addWidget(buttons_);

    setTabOrder(code_, enrol_);
    setTabOrder(enrol_, buttons_->button(QDialogButtonBox::Cancel));
    connect(buttons_, &QDialogButtonBox::accepted, this, &EnrolmentDialog::submit);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retryTimer_.setSingleShot(true);
    connect(&retryTimer_, &QTimer::timeout, this, [this] { setBusy(busy_); });

    setMinimumWidth(520);
    retranslateUi();
    code_->setFocus();
}

void EnrolmentDialog::retranslateUi() {
    setWindowTitle(tr("Enrol this workstation — KEP Desk"));
    title_->setText(tr("Enrol this workstation"));
    explanation_->setText(
        tr("This computer is not yet registered with the KEP server. Enter the one-time "
           "enrolment code that your office manager or IT support issued for this office. "
           "It is needed only once."));
    codeLabel_->setText(tr("Enrolment &code:"));
    code_->setAccessibleName(tr("Enrolment code"));
    code_->setAccessibleDescription(tr("Twelve letters or digits, for example ABCD-EFGH-JKLM"));
    message_->setAccessibleName(tr("Enrolment error"));
    enrol_->setText(tr("Enrol"));
    enrol_->setAccessibleName(tr("Enrol"));
    refreshMessage();
}

void EnrolmentDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

QString EnrolmentDialog::failureMessage(const EnrolmentFailure& failure) {
    using Reason = EnrolmentFailure::Reason;
    switch (failure.reason) {
        case Reason::InvalidCode:
            return tr(
                "This enrolment code is not valid: it may be mistyped, already used or "
                "expired. Ask your office manager or IT support for a new code.");
        case Reason::InvalidRequest:
            return tr("The server did not accept this workstation's request (%1). Please tell "
                      "IT support.")
                .arg(failure.code.isEmpty() ? QStringLiteral("400") : failure.code);
        case Reason::RateLimited:
            return tr("Too many enrolment attempts. Try again in %n second(s).", nullptr,
                      failure.retryAfterSeconds);
        case Reason::Unreachable:
            return tr(
                "The server cannot be reached. Check the network connection and try "
                "again.");
        case Reason::Refused:
            return tr("The server refused the enrolment (%1).").arg(failure.code);
        case Reason::LocalFault:
            return tr("The workstation's key or certificate could not be made or saved on this "
                      "computer (%1). Please tell IT support.")
                .arg(failure.detail);
        case Reason::BadReply:
            break;
    }
    return tr("The server gave an answer the desk cannot read. Please tell IT support.");
}

void EnrolmentDialog::refreshMessage() {
    QString text;
    if (badFormat_) {
        text = tr("An enrolment code has twelve letters or digits, for example ABCD-EFGH-JKLM.");
    } else if (failure_) {
        text = failureMessage(*failure_);
    }
    message_->setText(text);
    message_->setAccessibleDescription(text);
    message_->setVisible(!text.isEmpty());
}

void EnrolmentDialog::submit() {
    if (busy_ || retryTimer_.isActive()) {
        return;
    }
    failure_.reset();
    const auto code = EnrolmentCode::normalise(code_->text());
    badFormat_ = !code.has_value();
    refreshMessage();
    if (!code) {
        code_->setFocus();
        code_->selectAll();
        return;
    }
    code_->setText(*code);
    setBusy(true);
    emit enrolRequested(*code);
}

void EnrolmentDialog::submitCode(const QString& code) {
    code_->setText(code);
    submit();
}

void EnrolmentDialog::showFailure(const EnrolmentFailure& failure) {
    failure_ = failure;
    badFormat_ = false;
    if (failure.reason == EnrolmentFailure::Reason::RateLimited) {
        retryTimer_.start(failure.retryAfterSeconds * 1000);
    }
    setBusy(false);
    refreshMessage();
    code_->setFocus();
    code_->selectAll();
}

void EnrolmentDialog::enrolmentSucceeded() {
    setBusy(false);
    failure_.reset();
    refreshMessage();
    accept();
}

void EnrolmentDialog::setBusy(bool busy) {
    busy_ = busy;
    code_->setEnabled(!busy);
    enrol_->setEnabled(!busy && !retryTimer_.isActive());
}

}  // namespace kep::desk::ui
