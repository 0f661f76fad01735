// The case search page: one field searched as the clerk types — protocol number, ΑΦΜ, ΑΜΚΑ,
// surname (accents and case ignored) or a procedure's title — over this desk's cases of every
// channel or one; Down and Up choose a result while typing, Enter opens it.
#pragma once

#include <QWidget>

#include <string>

class QAction;
class QLabel;
class QLineEdit;

namespace kep::desk {
class Clock;
}
namespace kep::desk::cases {
class CaseQueries;
}

namespace kep::desk::ui {

class ChannelFilter;
class WorkQueuesTable;

class CaseSearchPage : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxResults = 50;

    // `clock` must outlive the page.
    explicit CaseSearchPage(const kep::desk::Clock& clock, QWidget* parent = nullptr);

    // The signed-in office's queries (must outlive the page, or be replaced); null empties it.
    void setQueries(const kep::desk::cases::CaseQueries* queries);
    void focusSearch();  // the field focused, its text selected so typing replaces it
    void clear();

    // Find a case (Ctrl+Shift+F, or F4), for the main window's menu.
    QAction* findAction() const { return findAction_; }
    QLineEdit* searchField() const { return search_; }
    ChannelFilter* channelFilter() const { return channel_; }
    WorkQueuesTable* results() const { return results_; }
    QLabel* status() const { return status_; }

signals:
    void caseOpened(const QString& caseId);
    void searchRequested();  // the find action was triggered: the window shows this page
    // A search ran for this text (trimmed): the shell audits one by a citizen's ΑΦΜ or ΑΜΚΑ.
    void searched(const QString& typed);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void runQuery();
    void retranslateUi();

    const kep::desk::Clock& clock_;
    const kep::desk::cases::CaseQueries* queries_ = nullptr;
    QLineEdit* search_;
    QLabel* channelLabel_;
    ChannelFilter* channel_;
    QLabel* status_;
    WorkQueuesTable* results_;
    QAction* findAction_;
};

}  // namespace kep::desk::ui
