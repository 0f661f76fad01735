// Handing the result to the citizen at the counter: the case's protocol number, the citizen's
// optional 1–5 rating of the service and a comment, and "Hand over", which records the delivery
// (and the rating, when given) on the case.
#pragma once

#include "feedback/CaseDelivery.h"

#include <QDialog>

class QButtonGroup;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace kep::desk::ui {

class DeliveryDialog : public QDialog {
    Q_OBJECT
public:
    // `delivery` must outlive the dialog.
    explicit DeliveryDialog(kep::desk::feedback::CaseDelivery& delivery, QWidget* parent = nullptr);

    // Empties the form for the case, to be handed over by `clerk`.
    void start(const QString& caseId, const QString& protocolNumber,
               const kep::cases::Actor& clerk);
    // Delivers; closes on success, stays open with the lifecycle's refusal otherwise.
    void handOver();

    // 0 = no rating, else 1..5.
    void setRating(int rating);
    int rating() const;
    QLineEdit* comment() const { return comment_; }
    QLabel* problem() const { return problem_; }

signals:
    void delivered(const QString& caseId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    kep::desk::feedback::CaseDelivery& delivery_;
    QString caseId_;
    kep::cases::Actor clerk_;
    QLabel* caseLabel_;
    QLabel* ratingLabel_;
    QButtonGroup* ratings_;
    QLabel* commentLabel_;
    QLineEdit* comment_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
    QString protocolNumber_;
};

}  // namespace kep::desk::ui
