// The office dashboard's monthly report line: a month of the last year and "Save report…", for
// the office's manager, who gets the server's report (PDF or CSV) in the desk's language.
#pragma once

#include <QDate>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QToolButton;

namespace kep::desk {
class Clock;
}

namespace kep::desk::ui {

class MonthlyReportBar : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMonths = 12;  // this month (so far) and the eleven before it

    // `clock` must outlive the bar.
    explicit MonthlyReportBar(const kep::desk::Clock& clock, QWidget* parent = nullptr);

    QComboBox* month() const { return month_; }
    QAction* saveAction() const { return save_; }
    QLabel* outcome() const { return outcome_; }
    QDate chosenMonth() const;  // the first day of the month chosen
    // What became of the last request, in words ("" hides the line).
    void showOutcome(const QString& text);

signals:
    void saveRequested(const QDate& month);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void listMonths();  // from the clock, in the desk's language
    void retranslateUi();

    const kep::desk::Clock& clock_;
    QLabel* label_;
    QComboBox* month_;
    QAction* save_;
    QToolButton* saveButton_;
    QLabel* outcome_;
};

}  // namespace kep::desk::ui
