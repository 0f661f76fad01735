// The cases behind the dashboard figure last activated, in the work queues' own case table:
// a heading says which figure and how many, Enter on a case opens it read-only.
#pragma once

#include "cases/CaseQueries.h"
#include "cases/WorkQueuesTable.h"

#include <QWidget>

#include <cstdint>
#include <vector>

class QLabel;

namespace kep::desk::ui {

class DrillDownPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kPageSize = 200;  // as a work queue shows; the heading says the rest

    explicit DrillDownPanel(QWidget* parent = nullptr);

    // `figure`: what was activated ("Overdue"); `total`: its value on the dashboard.
    void showCases(const QString& figure, std::int64_t total,
                   const std::vector<kep::desk::cases::QueueCase>& cases,
                   const WorkQueuesTable::StaffName& staffName);
    void clear();

    WorkQueuesTable* table() const { return table_; }
    QLabel* heading() const { return heading_; }

signals:
    void caseOpened(const QString& caseId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QString figure_;
    std::int64_t total_ = 0;
    int shown_ = 0;
    QLabel* heading_;
    WorkQueuesTable* table_;
};

}  // namespace kep::desk::ui
