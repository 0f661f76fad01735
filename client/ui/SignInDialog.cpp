#include "SignInDialog.h"

#include "help/HelpTopic.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace kep::desk::ui {

SignInDialog::SignInDialog(QWidget* parent)
    : QDialog(parent)
    , title_(new QLabel(this))
    , serverState_(new QLabel(this))
    , usernameLabel_(new QLabel(this))
    , username_(new QLineEdit(this))
    , passwordLabel_(new QLabel(this))
    , password_(new QLineEdit(this))
    , error_(new QLabel(this))
    , buttons_(new QDialogButtonBox(this)) {
    setObjectName(QStringLiteral("signInDialog"));
    help::setTopic(this, QStringLiteral("sign-in"));
    title_->setObjectName(QStringLiteral("title"));
    QFont titleFont = title_->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title_->setFont(titleFont);
    serverState_->setObjectName(QStringLiteral("serverState"));
    username_->setObjectName(QStringLiteral("username"));
    password_->setObjectName(QStringLiteral("password"));
    password_->setEchoMode(QLineEdit::Password);
    username_->setMaxLength(128);
    password_->setMaxLength(128);  // the server's limit (issue 3: 12 to 128)
    usernameLabel_->setBuddy(username_);
    passwordLabel_->setBuddy(password_);
    error_->setObjectName(QStringLiteral("errorMessage"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b3261e;"));
    error_->hide();

    // "Sign in" is our own button, not the standard Ok: QDialogButtonBox resets the text of its
    // standard buttons on every language change. Cancel stays standard, so Qt translates it.
    signIn_ = buttons_->addButton(QString(), QDialogButtonBox::AcceptRole);
    signIn_->setObjectName(QStringLiteral("signIn"));
    signIn_->setDefault(true);
    buttons_->addButton(QDialogButtonBox::Cancel);
    // Issue 11: practise on the training sandbox (the desk restarts), and there, reset it.
    training_ = buttons_->addButton(QString(), QDialogButtonBox::ActionRole);
    training_->setObjectName(QStringLiteral("trainingMode"));
    training_->setAutoDefault(false);
    resetTraining_ = buttons_->addButton(QString(), QDialogButtonBox::ActionRole);
    resetTraining_->setObjectName(QStringLiteral("resetTraining"));
    resetTraining_->setAutoDefault(false);
    resetTraining_->hide();
    connect(training_, &QPushButton::clicked, this, &SignInDialog::trainingRequested);
    connect(resetTraining_, &QPushButton::clicked, this, &SignInDialog::confirmTrainingReset);

    auto* form = new QFormLayout;
    form->addRow(usernameLabel_, username_);
    form->addRow(passwordLabel_, password_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(serverState_);
    layout->addLayout(form);
    layout->addWidget(error_);
    layout->addStretch();
    layout->addWidget(buttons_);

    // Keyboard-first: username, password, Sign in, Cancel; Enter signs in from either field.
    setTabOrder(username_, password_);
    setTabOrder(password_, signIn_);
    setTabOrder(signIn_, buttons_->button(QDialogButtonBox::Cancel));

    connect(buttons_, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retryTimer_.setSingleShot(true);
    connect(&retryTimer_, &QTimer::timeout, this, [this] { setBusy(busy_); });

    setMinimumWidth(460);
    retranslateUi();
    username_->setFocus();
}

void SignInDialog::retranslateUi() {
    setWindowTitle(tr("Sign in — KEP Desk"));
    title_->setText(tr("Sign in to KEP Desk"));
    usernameLabel_->setText(tr("&Username:"));
    passwordLabel_->setText(tr("&Password:"));
    username_->setAccessibleName(tr("Username"));
    password_->setAccessibleName(tr("Password"));
    error_->setAccessibleName(tr("Sign-in error"));
    serverState_->setAccessibleName(tr("Server connection"));
    // Training signs in against the sandbox alone: "offline" would tell the trainee nothing.
    signIn_->setText(isOfflineMode() && !isTraining() ? tr("Sign in offline") : tr("Sign in"));
    signIn_->setAccessibleName(signIn_->text());
    training_->setText(tr("&Training mode"));
    training_->setAccessibleDescription(
        tr("Restarts the desk on practice data, apart from real cases and the server."));
    resetTraining_->setText(tr("&Reset training data…"));
    refreshServerState();
    refreshMessage();
}

void SignInDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void SignInDialog::setServerState(const ServerHealth& health) {
    health_ = health;
    if (health.online) {
        unreachable_ = false;
    }
    retranslateUi();
}

void SignInDialog::setOfflineDays(int days) {
    offlineDays_ = days;
    retranslateUi();
}

bool SignInDialog::isOfflineMode() const {
    return unreachable_ || (health_ && !health_->online);
}

void SignInDialog::setTrainingAccounts(const QStringList& accounts) {
    trainingAccounts_ = accounts;
    serverState_->setWordWrap(true);
    training_->setVisible(accounts.isEmpty());
    resetTraining_->setVisible(!accounts.isEmpty());
    retranslateUi();
}

void SignInDialog::confirmTrainingReset() {
    const auto answer = QMessageBox::question(
        this, tr("Reset training data"),
        tr("Restore the training data to how it was shipped? Every practice case, draft and "
           "receipt of training mode is deleted, and the desk starts again."),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes) {
        emit trainingResetRequested();
    }
}

void SignInDialog::refreshServerState() {
    QString text;
    QString colour;
    if (isTraining()) {
        text =
            tr("Training mode: practice data only; nothing reaches the server. Sign in with "
               "a training account:");
        QString html = text.toHtmlEscaped();
        for (const QString& account : trainingAccounts_) {
            html += QStringLiteral("<br>") + account.toHtmlEscaped();
        }
        serverState_->setText(QStringLiteral("<span style=\"color:#8b0000\">●</span> ") + html);
        serverState_->setAccessibleDescription(text + QLatin1Char(' ') +
                                               trainingAccounts_.join(QStringLiteral("; ")));
        return;
    }
    if (isOfflineMode()) {
        text =
            tr("Offline mode: the server cannot be reached. Users who signed in online on "
               "this desk in the last %n day(s) can sign in with the same password.",
               nullptr, offlineDays_);
        colour = QStringLiteral("#b06000");
    } else if (!health_) {
        text = tr("Checking the connection to the server…");
        colour = QStringLiteral("#5f6368");
    } else {
        text = health_->version.isEmpty() ? tr("Server online")
                                          : tr("Server online (version %1)").arg(health_->version);
        colour = QStringLiteral("#1b7f3b");
    }
    serverState_->setText(
        QStringLiteral("<span style=\"color:%1\">●</span> %2").arg(colour, text.toHtmlEscaped()));
    serverState_->setAccessibleDescription(text);
}

QString SignInDialog::failureMessage(const SignInFailure& failure) {
    switch (failure.reason) {
        case SignInFailure::Reason::InvalidCredentials:
            return tr("The username or the password is not correct.");
        case SignInFailure::Reason::RateLimited:
            if (failure.retryAfterSeconds >= 120) {
                return tr("Too many sign-in attempts. Try again in %n minute(s).", nullptr,
                          (failure.retryAfterSeconds + 59) / 60);
            }
            return tr("Too many sign-in attempts. Try again in %n second(s).", nullptr,
                      failure.retryAfterSeconds);
        case SignInFailure::Reason::Unreachable:
            return tr(
                "The server cannot be reached. Check the network connection and try "
                "again.");
        case SignInFailure::Reason::Refused:
            return tr("The server refused the sign-in (%1).").arg(failure.code);
        case SignInFailure::Reason::BadReply:
            break;
    }
    return tr("The server gave an answer the desk cannot read. Please tell IT support.");
}

QString SignInDialog::offlineRefusalMessage(const OfflineRefusal& refusal) {
    const QString when =
        QLocale().toString(refusal.lastOnlineCheck.toLocalTime(), QLocale::ShortFormat);
    switch (refusal.reason) {
        case OfflineRefusal::Reason::InvalidCredentials:
            return tr(
                "Offline sign-in is not possible with this username and password. Only "
                "users who signed in online on this desk can sign in offline, with the "
                "same password.");
        case OfflineRefusal::Reason::Expired:
            return tr("Offline sign-in has expired: the last online sign-in on this desk was "
                      "on %1, and offline sign-in lasts %n day(s). Sign in when the server can "
                      "be reached.",
                      nullptr, refusal.maxDays)
                .arg(when);
        case OfflineRefusal::Reason::ClockWentBack:
            break;
    }
    return tr("This computer's clock is earlier than the last online sign-in (%1), so offline "
              "sign-in is refused. Please tell IT support.")
        .arg(when);
}

void SignInDialog::refreshMessage() {
    QString text;
    if (missingFields_) {
        text = tr("Enter your username and your password.");
    } else if (failure_) {
        text = failureMessage(*failure_);
    } else if (offlineRefusal_) {
        text = offlineRefusalMessage(*offlineRefusal_);
    }
    error_->setText(text);
    error_->setAccessibleDescription(text);
    error_->setVisible(!text.isEmpty());
}

void SignInDialog::submit() {
    if (busy_ || retryTimer_.isActive()) {
        return;
    }
    failure_.reset();
    offlineRefusal_.reset();
    missingFields_ = username_->text().trimmed().isEmpty() || password_->text().isEmpty();
    refreshMessage();
    if (missingFields_) {
        (username_->text().trimmed().isEmpty() ? username_ : password_)->setFocus();
        return;
    }
    const QString password = password_->text();
    password_->clear();
    setBusy(true);
    if (isOfflineMode()) {
        emit offlineSignInRequested(username_->text().trimmed(), password);
    } else {
        emit signInRequested(username_->text().trimmed(), password);
    }
}

void SignInDialog::submitCredentials(const QString& username, const QString& password) {
    username_->setText(username);
    password_->setText(password);
    submit();
}

void SignInDialog::showFailure(const SignInFailure& failure) {
    failure_ = failure;
    offlineRefusal_.reset();
    missingFields_ = false;
    // No answer at all (not a refusal): offer offline sign-in from now on.
    unreachable_ = failure.reason == SignInFailure::Reason::Unreachable;
    retranslateUi();
    if (failure.reason == SignInFailure::Reason::RateLimited) {
        retryTimer_.start(failure.retryAfterSeconds * 1000);
    }
    setBusy(false);
    refreshMessage();
    password_->setFocus();
}

void SignInDialog::showOfflineRefusal(const OfflineRefusal& refusal) {
    offlineRefusal_ = refusal;
    failure_.reset();
    missingFields_ = false;
    setBusy(false);
    refreshMessage();
    password_->setFocus();
}

void SignInDialog::signInSucceeded() {
    setBusy(false);
    password_->clear();
    failure_.reset();
    offlineRefusal_.reset();
    refreshMessage();
    accept();
}

void SignInDialog::reset() {
    retryTimer_.stop();
    username_->clear();
    password_->clear();
    failure_.reset();
    offlineRefusal_.reset();
    missingFields_ = false;
    setBusy(false);
    refreshMessage();
    username_->setFocus();
}

void SignInDialog::setBusy(bool busy) {
    busy_ = busy;
    username_->setEnabled(!busy);
    password_->setEnabled(!busy);
    signIn_->setEnabled(!busy && !retryTimer_.isActive());
}

}  // namespace kep::desk::ui
