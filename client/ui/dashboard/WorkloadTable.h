// The office's workload per member of staff — open cases and cases filed this month — listed
// alphabetically, never ranked; Enter or a click on a number lists the cases it counts.
#pragma once

#include "dashboard/OfficeFigures.h"

#include <QTableWidget>

#include <vector>

namespace kep::desk::ui {

class WorkloadTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column { Name, OpenCases, FiledThisMonth, ColumnCount };

    explicit WorkloadTable(QWidget* parent = nullptr);

    // In the order given (OfficeFigureQueries sorts by name); sorting by a column is off.
    void showWorkload(const std::vector<kep::desk::dashboard::ClerkWorkload>& workload);

signals:
    // ClerkOpenCases or ClerkFiledThisMonth of the row's person.
    void figureActivated(const kep::desk::dashboard::Figure& figure);

protected:
    void changeEvent(QEvent* event) override;

private:
    void activate(int row, int column);
    void retranslateUi();

    std::vector<kep::desk::dashboard::ClerkWorkload> shown_;
};

}  // namespace kep::desk::ui
