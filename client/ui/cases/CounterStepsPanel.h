// The counter's own steps on a case once the authority has it, in the case details (issues 7
// and 8): the citizen's documents brought in (Ctrl+Shift+E), the result arrived and ready for
// pickup (Ctrl+Shift+R), and the hand-over with the citizen's optional rating (Ctrl+Shift+H).
#pragma once

#include "cases/CaseStore.h"
#include "shared/cases/Actor.h"

#include <QKeySequence>
#include <QList>
#include <QString>
#include <QWidget>

#include <array>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QPushButton;

namespace kep::desk {
class Clock;
namespace feedback {
class CaseDelivery;
}
}  // namespace kep::desk

namespace kep::desk::ui {

class DeliveryDialog;

enum class CounterStep { DocumentsReceived, ReadyForPickup, HandOver };

class CounterStepsPanel : public QWidget {
    Q_OBJECT
public:
    explicit CounterStepsPanel(QWidget* parent = nullptr);
    ~CounterStepsPanel() override;

    // The signed-in member of the office, their office's store and the desk's clock (each must
    // outlive its use); a null store after sign-out: every step is off.
    void setStaff(kep::desk::cases::CaseStore* store, const kep::cases::Actor& actor,
                  const kep::desk::Clock* clock);

    // The status each step takes the case to.
    static kep::cases::CaseStatus target(CounterStep step);
    static QKeySequence shortcut(CounterStep step);

    // Offers the steps the lifecycle lets the signed-in user take on the case now.
    void showCase(const kep::desk::cases::CaseSummary& shown);
    // Takes the step on the case shown; the hand-over opens the delivery dialog instead.
    void take(CounterStep step);

    kep::cases::Instant now() const;

    // The actions, for the details dialog to reach them from any of its widgets.
    QList<QAction*> actions() const;
    QAction* action(CounterStep step) const { return actions_[std::size_t(step)]; }
    QPushButton* button(CounterStep step) const { return buttons_[std::size_t(step)]; }
    QLabel* outcome() const { return outcome_; }
    DeliveryDialog* deliveryDialog() const { return delivery_; }  // null until a hand-over

signals:
    // The case moved on this desk: the details read it again.
    void stepTaken(const QString& caseId);

protected:
    void changeEvent(QEvent* event) override;

private:
    bool mayTake(CounterStep step) const;
    void handOver();
    void retranslateUi();

    std::array<QAction*, 3> actions_{};
    std::array<QPushButton*, 3> buttons_{};
    QLabel* outcome_;
    kep::desk::cases::CaseStore* store_ = nullptr;
    std::unique_ptr<kep::desk::feedback::CaseDelivery> caseDelivery_;
    DeliveryDialog* delivery_ = nullptr;  // a child, made at the first hand-over
    kep::cases::Actor actor_;
    const kep::desk::Clock* clock_ = nullptr;
    std::optional<kep::desk::cases::CaseSummary> shown_;
};

}  // namespace kep::desk::ui
