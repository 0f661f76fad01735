// The office manager's approval queue: the cases waiting for approval, each approved or returned
// to the clerk with a reason from a fixed list, by keyboard alone. The lifecycle (shared/cases)
// decides; a refusal, such as four eyes on the manager's own case, is shown as it is given.
#pragma once

#include "shared/cases/Actor.h"
#include "shared/cases/CaseStatus.h"

#include <QStringList>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace kep::desk {
class Clock;
}
namespace kep::desk::cases {
class CaseStore;
}

namespace kep::desk::ui {

class ApprovalQueue : public QWidget {
    Q_OBJECT
public:
    // The codes a case is returned with (stored and sent as the reason; the text is the UI's).
    static const QStringList& returnReasonCodes();

    // `store` and `clock` must outlive the queue.
    ApprovalQueue(kep::desk::cases::CaseStore& store, const kep::desk::Clock& clock,
                  QWidget* parent = nullptr);

    void setManager(const kep::cases::Actor& manager);
    void refresh();  // the waiting cases again, oldest due first; the selection kept by row

    QString selectedCaseId() const;
    QTableWidget* cases() const { return cases_; }
    QComboBox* returnReason() const { return reason_; }
    QPushButton* approveButton() const { return approve_; }
    QPushButton* returnButton() const { return return_; }
    QLabel* outcome() const { return outcome_; }
    QAction* approveAction() const { return approveAction_; }

public slots:
    void approveSelected();
    void returnSelected();

signals:
    void decided(const QString& caseId, kep::cases::CaseStatus to);

protected:
    void changeEvent(QEvent* event) override;

private:
    void decide(kep::cases::CaseStatus to, const QString& reason);
    void retranslateUi();

    kep::desk::cases::CaseStore& store_;
    const kep::desk::Clock& clock_;
    kep::cases::Actor manager_;
    QTableWidget* cases_;
    QLabel* reasonLabel_;
    QComboBox* reason_;
    QPushButton* approve_;
    QPushButton* return_;
    QLabel* outcome_;
    QAction* approveAction_;
};

}  // namespace kep::desk::ui
