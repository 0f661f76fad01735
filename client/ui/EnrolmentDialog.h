// The first-start screen of a counter PC that has no workstation certificate yet: asks for the
// one-time enrolment code from the office manager or IT, checks its form, and says clearly why
// enrolment did not work (wrong or used code, no network, a local fault).
#pragma once

#include "WorkstationEnrolment.h"

#include <QDialog>
#include <QTimer>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace kep::desk::ui {

class EnrolmentDialog : public QDialog {
    Q_OBJECT
public:
    explicit EnrolmentDialog(QWidget* parent = nullptr);

    void showFailure(const kep::desk::EnrolmentFailure& failure);
    void enrolmentSucceeded();
    // Fills the code and submits as if typed: for the tour.
    void submitCode(const QString& code);

    static QString failureMessage(const kep::desk::EnrolmentFailure& failure);

signals:
    // The code in its canonical form (ABCD-EFGH-JKLM), already format-checked.
    void enrolRequested(const QString& code);

protected:
    void changeEvent(QEvent* event) override;

private:
    void submit();
    void setBusy(bool busy);
    void retranslateUi();
    void refreshMessage();

    QLabel* title_;
    QLabel* explanation_;
    QLabel* codeLabel_;
    QLineEdit* code_;
    QLabel* message_;
    QDialogButtonBox* buttons_;
    QPushButton* enrol_;
    QTimer retryTimer_;

    std::optional<kep::desk::EnrolmentFailure> failure_;
    bool badFormat_ = false;
    bool busy_ = false;
};

}  // namespace kep::desk::ui
