#include "admin/UsersDialog.h"

#include "HomePage.h"
#include "admin/AdminMessages.h"
#include "admin/AdministrationClient.h"
#include "help/HelpTopic.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kep::desk::ui {

namespace {
// The roles that belong to an office; the others are central and get no office.
bool roleHasOffice(const QString& role) {
    return role == QLatin1String("clerk") || role == QLatin1String("manager");
}
}  // namespace

UsersDialog::UsersDialog(admin::AdministrationClient& client, admin::AdminAccess access,
                         QString ownOffice, QWidget* parent)
    : QDialog(parent)
    , client_(client)
    , access_(std::move(access))
    , ownOffice_(std::move(ownOffice))
    , officeLabel_(new QLabel(this))
    , office_(new QComboBox(this))
    , table_(new QTableWidget(0, 4, this))
    , toggle_(new QPushButton(this))
    , usernameLabel_(new QLabel(this))
    , username_(new QLineEdit(this))
    , displayNameLabel_(new QLabel(this))
    , displayName_(new QLineEdit(this))
    , roleLabel_(new QLabel(this))
    , role_(new QComboBox(this))
    , passwordLabel_(new QLabel(this))
    , password_(new QLineEdit(this))
    , add_(new QPushButton(this))
    , close_(new QPushButton(this))
    , status_(new QLabel(this)) {
    setObjectName(QStringLiteral("usersDialog"));
    help::setTopic(this, QStringLiteral("users"));
    office_->setObjectName(QStringLiteral("office"));
    if (!ownOffice_.isEmpty()) {
        office_->addItem(ownOffice_, ownOffice_);
    }
    office_->setEnabled(access_.anyOffice);
    officeLabel_->setBuddy(office_);
    table_->setObjectName(QStringLiteral("users"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setTabKeyNavigation(false);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    toggle_->setObjectName(QStringLiteral("toggleDisabled"));
    toggle_->setEnabled(false);
    username_->setObjectName(QStringLiteral("newUsername"));
    username_->setMaxLength(64);
    displayName_->setObjectName(QStringLiteral("newDisplayName"));
    displayName_->setMaxLength(200);
    role_->setObjectName(QStringLiteral("newRole"));
    password_->setObjectName(QStringLiteral("newPassword"));
    password_->setEchoMode(QLineEdit::Password);
    password_->setMaxLength(128);
    usernameLabel_->setBuddy(username_);
    displayNameLabel_->setBuddy(displayName_);
    roleLabel_->setBuddy(role_);
    passwordLabel_->setBuddy(password_);
    add_->setObjectName(QStringLiteral("addUser"));
    close_->setObjectName(QStringLiteral("close"));
    status_->setObjectName(QStringLiteral("status"));
    status_->setWordWrap(true);

    auto* top = new QFormLayout;
    top->addRow(officeLabel_, office_);
    auto* form = new QFormLayout;
    form->addRow(usernameLabel_, username_);
    form->addRow(displayNameLabel_, displayName_);
    form->addRow(roleLabel_, role_);
    form->addRow(passwordLabel_, password_);
    auto* tableButtons = new QHBoxLayout;
    tableButtons->addWidget(toggle_);
    tableButtons->addStretch();
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add_);
    buttons->addStretch();
    buttons->addWidget(close_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(table_, 1);
    layout->addLayout(tableButtons);
    layout->addLayout(form);
    layout->addWidget(status_);
    layout->addLayout(buttons);

    connect(office_, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(table_, &QTableWidget::itemSelectionChanged, this, &UsersDialog::updateToggle);
    connect(toggle_, &QPushButton::clicked, this, &UsersDialog::toggleSelected);
    connect(add_, &QPushButton::clicked, this, &UsersDialog::addUser);
    connect(close_, &QPushButton::clicked, this, &QDialog::accept);
    connect(&client_, &admin::AdministrationClient::officesListed, this, &UsersDialog::showOffices);
    connect(&client_, &admin::AdministrationClient::usersListed, this, &UsersDialog::showUsers);
    connect(&client_, &admin::AdministrationClient::userAdded, this, [this] {
        setStatus(tr("User %1 added.").arg(username_->text()), false);
        username_->clear();
        displayName_->clear();
        password_->clear();
        refresh();
    });
    connect(&client_, &admin::AdministrationClient::userChanged, this, [this] {
        setStatus(tr("Saved."), false);
        refresh();
    });
    connect(&client_, &admin::AdministrationClient::failed, this,
            [this](const admin::AdminFailure& f) {
                if (isVisible()) {
                    setStatus(AdminMessages::failure(f), true);
                }
            });
    resize(720, 560);
    retranslateUi();
}

QString UsersDialog::office() const {
    return office_->currentData().toString();
}

void UsersDialog::retranslateUi() {
    setWindowTitle(tr("Users — KEP Desk"));
    officeLabel_->setText(tr("&Office:"));
    office_->setAccessibleName(tr("Office"));
    table_->setHorizontalHeaderLabels({tr("Username"), tr("Name"), tr("Role"), tr("State")});
    table_->setAccessibleName(tr("Users of the office"));
    usernameLabel_->setText(tr("&Username:"));
    username_->setAccessibleName(tr("New user's username"));
    displayNameLabel_->setText(tr("&Full name:"));
    displayName_->setAccessibleName(tr("New user's full name"));
    roleLabel_->setText(tr("&Role:"));
    role_->setAccessibleName(tr("New user's role"));
    passwordLabel_->setText(tr("Initial &password:"));
    password_->setAccessibleName(tr("New user's initial password"));
    password_->setAccessibleDescription(tr("12 to 128 characters"));
    add_->setText(tr("&Add user"));
    add_->setAccessibleName(tr("Add user"));
    close_->setText(tr("C&lose"));
    close_->setAccessibleName(tr("Close"));
    status_->setAccessibleName(tr("Status"));
    const QString selectedRole = role_->currentData().toString();
    role_->clear();
    for (const QString& role : access_.assignableRoles) {
        role_->addItem(HomePage::roleTitle(role), role);
    }
    role_->setCurrentIndex(std::max(0, role_->findData(selectedRole)));
    showUsers(users_);
}

void UsersDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void UsersDialog::showEvent(QShowEvent* event) {
    QDialog::showEvent(event);
    if (access_.anyOffice) {
        client_.listOffices();
    }
    refresh();
}

void UsersDialog::refresh() {
    if (!office().isEmpty()) {
        client_.listUsers(office());
    }
}

void UsersDialog::showOffices(const QList<admin::Office>& offices) {
    if (!access_.anyOffice) {
        return;
    }
    const QString current = office();
    const QSignalBlocker quiet(office_);
    office_->clear();
    for (const admin::Office& o : offices) {
        office_->addItem(QStringLiteral("%1 — %2").arg(o.code, o.name), o.code);
    }
    const int index = office_->findData(current);
    office_->setCurrentIndex(index >= 0 ? index : 0);
    if (office() != current) {
        refresh();
    }
}

void UsersDialog::showUsers(const QList<admin::User>& users) {
    if (&users != &users_) {
        users_ = users;
        loaded_ = true;
    }
    table_->setRowCount(static_cast<int>(users_.size()));
    for (int row = 0; row < users_.size(); ++row) {
        const admin::User& u = users_[row];
        table_->setItem(row, 0, new QTableWidgetItem(u.username));
        table_->setItem(row, 1, new QTableWidgetItem(u.displayName));
        table_->setItem(row, 2, new QTableWidgetItem(HomePage::roleTitle(u.role)));
        table_->setItem(row, 3, new QTableWidgetItem(u.disabled ? tr("Disabled") : tr("Active")));
    }
    table_->resizeColumnsToContents();
    updateToggle();
}

void UsersDialog::updateToggle() {
    const int row = table_->currentRow();
    const bool selected =
        table_->selectionModel()->hasSelection() && row >= 0 && row < users_.size();
    toggle_->setEnabled(selected);
    toggle_->setText(selected && users_[row].disabled ? tr("&Enable") : tr("&Disable"));
    toggle_->setAccessibleName(toggle_->text().remove(u'&'));
}

void UsersDialog::toggleSelected() {
    const int row = table_->currentRow();
    if (row < 0 || row >= users_.size()) {
        return;
    }
    const admin::User& user = users_[row];
    setStatus(user.disabled ? tr("Enabling %1…").arg(user.username)
                            : tr("Disabling %1…").arg(user.username),
              false);
    client_.setUserDisabled(user.id, !user.disabled);
}

void UsersDialog::addUser() {
    admin::NewUser user;
    user.username = username_->text().trimmed();
    user.displayName = displayName_->text().trimmed();
    user.role = role_->currentData().toString();
    user.officeCode = roleHasOffice(user.role) ? office() : QString();
    user.password = password_->text();
    if (user.username.isEmpty() || user.displayName.isEmpty() || user.password.isEmpty()) {
        setStatus(tr("Enter the username, the full name and an initial password."), true);
        return;
    }
    if (roleHasOffice(user.role) && user.officeCode.isEmpty()) {
        setStatus(tr("Choose the office first."), true);
        return;
    }
    setStatus(tr("Adding user %1…").arg(user.username), false);
    client_.addUser(user);
    user.password.fill(QChar(u'\0'));
}

void UsersDialog::setStatus(const QString& text, bool error) {
    status_->setText(text);
    status_->setAccessibleDescription(text);
    status_->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
}

}  // namespace kep::desk::ui
