// The office manager's conflict inbox: each clash the server recorded, with both values and who
// wrote each and when, resolved in one action (keep the current value, or use the other one).
#pragma once

#include "shared/cases/Actor.h"
#include "sync/ConflictStore.h"

#include <QDialog>

#include <string>
#include <vector>

class QAction;
class QLabel;
class QPushButton;
class QTableWidget;

namespace kep::desk::ui {

class ConflictInbox : public QDialog {
    Q_OBJECT
public:
    // `store` reads and writes desk.db on the UI thread; it must outlive the inbox.
    explicit ConflictInbox(kep::desk::sync::ConflictStore& store, QWidget* parent = nullptr);

    // Who resolves (the signed-in manager) and at which workstation (stamped on the ops).
    void setManager(const kep::cases::Actor& manager, const std::string& deviceId);

    QAction* showAction() const { return show_; }            // Ctrl+Shift+K: opens the inbox
    QAction* keepAction() const { return keep_; }            // Alt+K in the inbox
    QAction* takeOtherAction() const { return takeOther_; }  // Alt+U in the inbox
    QTableWidget* table() const { return table_; }
    int openCount() const { return static_cast<int>(conflicts_.size()); }

    // "Notes", "Fee", …: the name a person knows a case field by (the code when unknown).
    static QString fieldName(const QString& field);

public slots:
    void refresh();
    // Resolves the selected conflict; false when none is selected or it is no longer open.
    bool resolveSelected(kep::desk::sync::ConflictChoice choice);

signals:
    void resolved();  // an op was queued: the shell asks the sync thread to send it

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    QString describeSide(const kep::desk::sync::ConflictSide& side) const;

    kep::desk::sync::ConflictStore& store_;
    kep::cases::Actor manager_;
    std::string deviceId_;
    std::vector<kep::desk::sync::OpenConflict> conflicts_;
    QLabel* summary_;
    QTableWidget* table_;
    QPushButton* keepButton_;
    QPushButton* takeOtherButton_;
    QPushButton* closeButton_;
    QAction* show_;
    QAction* keep_;
    QAction* takeOther_;
};

}  // namespace kep::desk::ui
