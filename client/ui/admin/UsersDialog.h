// Administration → Users: the users of an office (any office for the central administrator,
// their own for a manager), adding one with a role the signed-in user may give, and disabling
// or enabling an account.
#pragma once

#include "admin/AdminAccess.h"
#include "admin/AdminReplies.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace kep::desk::admin {
class AdministrationClient;
}

namespace kep::desk::ui {

class UsersDialog : public QDialog {
    Q_OBJECT
public:
    // `ownOffice` is the office shown first, and the only one when access.anyOffice is false.
    UsersDialog(kep::desk::admin::AdministrationClient& client,
                kep::desk::admin::AdminAccess access, QString ownOffice, QWidget* parent = nullptr);

    QString office() const;  // the office whose users are shown
    void refresh();
    bool isLoaded() const { return loaded_; }  // the list has arrived at least once

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslateUi();
    void showOffices(const QList<kep::desk::admin::Office>& offices);
    void showUsers(const QList<kep::desk::admin::User>& users);
    void addUser();
    void toggleSelected();
    void updateToggle();
    void setStatus(const QString& text, bool error);

    kep::desk::admin::AdministrationClient& client_;
    kep::desk::admin::AdminAccess access_;
    QString ownOffice_;
    QList<kep::desk::admin::User> users_;
    bool loaded_ = false;

    QLabel* officeLabel_;
    QComboBox* office_;
    QTableWidget* table_;
    QPushButton* toggle_;
    QLabel* usernameLabel_;
    QLineEdit* username_;
    QLabel* displayNameLabel_;
    QLineEdit* displayName_;
    QLabel* roleLabel_;
    QComboBox* role_;
    QLabel* passwordLabel_;
    QLineEdit* password_;
    QPushButton* add_;
    QPushButton* close_;
    QLabel* status_;
};

}  // namespace kep::desk::ui
