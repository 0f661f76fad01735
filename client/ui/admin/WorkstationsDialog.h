// Administration → Workstations, for an office manager: issue a one-time enrolment code for a
// new counter PC of the office (shown large, to read out or copy), list the office's enrolled
// workstations, and revoke one (a lost or replaced PC).
#pragma once

#include "admin/AdminReplies.h"

#include <QDialog>

#include <functional>
#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace kep::desk::admin {
class AdministrationClient;
}

namespace kep::desk::ui {

class WorkstationsDialog : public QDialog {
    Q_OBJECT
public:
    WorkstationsDialog(kep::desk::admin::AdministrationClient& client, QString office,
                       QWidget* parent = nullptr);

    // Asks before a revocation; by default a Yes/No message box. Tests answer through this.
    void setConfirmation(std::function<bool(const QString& question)> confirm);
    void refresh();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslateUi();
    void showDevices(const QList<kep::desk::admin::Device>& devices);
    void showCode(const kep::desk::admin::IssuedEnrolmentCode& code);
    void revokeSelected();
    void updateRevoke();
    void setStatus(const QString& text, bool error);

    kep::desk::admin::AdministrationClient& client_;
    QString office_;
    QList<kep::desk::admin::Device> devices_;
    std::optional<kep::desk::admin::IssuedEnrolmentCode> code_;
    std::function<bool(const QString&)> confirm_;

    QPushButton* issue_;
    QLabel* codeCaption_;
    QLabel* codeText_;
    QTableWidget* table_;
    QPushButton* revoke_;
    QPushButton* close_;
    QLabel* status_;
};

}  // namespace kep::desk::ui
