// Administration → Offices, for the central administrator: every KEP office (code, name,
// region) and a form to add one.
#pragma once

#include "admin/AdminReplies.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace kep::desk::admin {
class AdministrationClient;
}

namespace kep::desk::ui {

class OfficesDialog : public QDialog {
    Q_OBJECT
public:
    explicit OfficesDialog(kep::desk::admin::AdministrationClient& client,
                           QWidget* parent = nullptr);

    void refresh();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslateUi();
    void showOffices(const QList<kep::desk::admin::Office>& offices);
    void addOffice();
    void setStatus(const QString& text, bool error);

    kep::desk::admin::AdministrationClient& client_;
    QTableWidget* table_;
    QLabel* codeLabel_;
    QLineEdit* code_;
    QLabel* nameLabel_;
    QLineEdit* name_;
    QLabel* regionLabel_;
    QLineEdit* region_;
    QPushButton* add_;
    QPushButton* close_;
    QLabel* status_;
};

}  // namespace kep::desk::ui
