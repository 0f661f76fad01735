// The work queues page: the queues on the left with their counts (my cases, due soon, overdue,
// awaiting the citizen, awaiting documents, ready to forward, then the office's cases by status),
// all or one channel's, the chosen queue's cases on the right; Ctrl+1 to Ctrl+7 jump to a queue
// from anywhere in the main window; Ctrl+Shift+Enter forwards the chosen case to its authority.
#pragma once

#include "cases/CaseQueries.h"

#include <QList>
#include <QWidget>

#include <string>
#include <vector>

class QAction;
class QLabel;
class QListWidget;
class QPushButton;

namespace kep::desk {
class Clock;
}

namespace kep::desk::ui {

class CaseForwarder;
class ChannelFilter;
class WorkQueuesTable;

class WorkQueuesPage : public QWidget {
    Q_OBJECT
public:
    static constexpr int kPageSize = 200;  // more than a day's queue; the count says the rest

    // `clock` must outlive the page.
    explicit WorkQueuesPage(const kep::desk::Clock& clock, QWidget* parent = nullptr);

    // The queries of the signed-in user's office (must outlive the page, or be replaced);
    // null leaves the page empty, as after sign-out.
    void setQueries(const kep::desk::cases::CaseQueries* queries, const std::string& userId);
    void refresh();  // the counts and the chosen queue's cases again
    void showQueue(const kep::desk::cases::WorkQueue& queue);
    kep::desk::cases::WorkQueue currentQueue() const;
    // Only the cases that came by `channel` (nullopt: every channel), counts included.
    void showChannel(std::optional<kep::desk::cases::CaseChannel> channel);
    std::optional<kep::desk::cases::CaseChannel> currentChannel() const;

    // Forwarding for the signed-in user (must outlive the page); null hides the action.
    void setForwarder(CaseForwarder* forwarder);
    // Forwards the chosen case to its competent authority (Ctrl+Shift+Enter on the page).
    void forwardSelected();

    // The queue shortcuts, for the main window's menu: my cases (Ctrl+1), due soon (Ctrl+2),
    // overdue (Ctrl+3), awaiting the citizen (Ctrl+4), the office's submitted cases (Ctrl+5),
    // awaiting documents the authority asked for (Ctrl+6), ready to forward (Ctrl+7).
    const QList<QAction*>& queueActions() const { return actions_; }
    QListWidget* queues() const { return queues_; }
    ChannelFilter* channelFilter() const { return channel_; }
    WorkQueuesTable* table() const { return table_; }
    QLabel* summary() const { return summary_; }
    QPushButton* forwardButton() const { return forwardButton_; }
    QAction* forwardAction() const { return forwardAction_; }
    QLabel* forwardOutcome() const { return forwardOutcome_; }

signals:
    void caseOpened(const QString& caseId);
    void queueRequested();  // a queue action was triggered: the window shows this page

protected:
    void changeEvent(QEvent* event) override;

private:
    void showChosenQueue();
    void updateForwarding();  // the button follows the chosen case
    void retranslateUi();
    QString queueName(const kep::desk::cases::WorkQueue& queue) const;

    const kep::desk::Clock& clock_;
    const kep::desk::cases::CaseQueries* queries_ = nullptr;
    std::string userId_;
    std::vector<kep::desk::cases::WorkQueue> entries_;  // the list's rows, in order
    kep::desk::cases::QueueCounts counts_;
    QLabel* channelLabel_;
    ChannelFilter* channel_;
    QListWidget* queues_;
    WorkQueuesTable* table_;
    QLabel* summary_;
    QList<QAction*> actions_;
    CaseForwarder* forwarder_ = nullptr;
    QPushButton* forwardButton_;
    QAction* forwardAction_;
    QLabel* forwardOutcome_;
};

}  // namespace kep::desk::ui
