#include "HomePage.h"

#include "help/HelpTopic.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace kep::desk::ui {

namespace {
QLabel* valueLabel(QWidget* parent, const char* name) {
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}
}  // namespace

HomePage::HomePage(QWidget* parent)
    : QWidget(parent)
    , title_(new QLabel(this))
    , userLabel_(new QLabel(this))
    , user_(valueLabel(this, "user"))
    , roleLabel_(new QLabel(this))
    , role_(valueLabel(this, "role"))
    , officeLabel_(new QLabel(this))
    , office_(valueLabel(this, "office"))
    , serverLabel_(new QLabel(this))
    , server_(valueLabel(this, "server")) {
    setObjectName(QStringLiteral("homePage"));
    help::setTopic(this, QStringLiteral("home"));
    title_->setObjectName(QStringLiteral("homeTitle"));
    QFont titleFont = title_->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title_->setFont(titleFont);

    auto* form = new QFormLayout;
    form->addRow(userLabel_, user_);
    form->addRow(roleLabel_, role_);
    form->addRow(officeLabel_, office_);
    form->addRow(serverLabel_, server_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->addWidget(title_);
    layout->addSpacing(12);
    layout->addLayout(form);
    layout->addStretch();
    retranslateUi();
}

QString HomePage::roleTitle(const QString& role) {
    if (role == QLatin1String("clerk")) {
        return tr("Counter clerk");
    }
    if (role == QLatin1String("manager")) {
        return tr("Office manager");
    }
    if (role == QLatin1String("central_admin")) {
        return tr("Central administrator");
    }
    if (role == QLatin1String("authority")) {
        return tr("Competent authority");
    }
    if (role == QLatin1String("it")) {
        return tr("IT support");
    }
    return role;
}

void HomePage::setSession(const std::optional<UserSession>& session) {
    session_ = session;
    retranslateUi();
}

void HomePage::setServerState(const ServerHealth& health) {
    health_ = health;
    retranslateUi();
}

void HomePage::retranslateUi() {
    title_->setText(tr("KEP Desk"));
    userLabel_->setText(tr("Signed in as:"));
    roleLabel_->setText(tr("Role:"));
    officeLabel_->setText(tr("Office:"));
    serverLabel_->setText(tr("Server:"));
    if (session_) {
        user_->setText(
            session_->displayName.isEmpty()
                ? session_->username
                : QStringLiteral("%1 (%2)").arg(session_->displayName, session_->username));
        role_->setText(roleTitle(session_->role));
        office_->setText(
            session_->officeCode.isEmpty()
                ? tr("No office (central or authority user)")
                : QStringLiteral("%1 — %2").arg(session_->officeCode, session_->officeName));
    } else {
        user_->setText(tr("Nobody is signed in"));
        role_->clear();
        office_->clear();
    }
    if (!health_) {
        server_->setText(tr("Checking…"));
    } else if (health_->online) {
        server_->setText(health_->version.isEmpty()
                             ? tr("Online")
                             : tr("Online, version %1").arg(health_->version));
    } else {
        server_->setText(tr("Offline"));
    }
    // Screen readers announce each value with the name of its row.
    const std::pair<QLabel*, QLabel*> rows[] = {
        {userLabel_, user_}, {roleLabel_, role_}, {officeLabel_, office_}, {serverLabel_, server_}};
    for (const auto& [label, value] : rows) {
        value->setAccessibleName(label->text());
    }
}

void HomePage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

}  // namespace kep::desk::ui
