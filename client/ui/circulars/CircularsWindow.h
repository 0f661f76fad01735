// The sender's circulars window (the central administration, and a region's IT staff for their
// region): a circular written and sent to the offices, the circulars sent from it, and who has
// read the selected one, office by office (F5 asks the server again).
#pragma once

#include "admin/AdminReplies.h"
#include "circulars/CircularSending.h"

#include <QDialog>
#include <QList>

class QLabel;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace kep::desk::admin {
class AdministrationClient;
}

namespace kep::desk::ui {

class CircularComposer;

class CircularsWindow : public QDialog {
    Q_OBJECT
public:
    // Both clients must outlive the window.
    CircularsWindow(kep::desk::circulars::CircularSendingClient& circulars,
                    kep::desk::admin::AdministrationClient& administration,
                    QWidget* parent = nullptr);

    // A region's IT staff write to their own region only.
    void setNationalAudience(bool allowed);
    // Asks the server for the offices an audience may name.
    void loadOffices();
    void send(const kep::desk::circulars::OutgoingCircular& circular);
    // Asks the server who has read the selected circular.
    void refreshReceipts();

    CircularComposer* composer() const { return composer_; }
    QTableWidget* sent() const { return sent_; }
    QTreeWidget* receipts() const { return receipts_; }
    QPushButton* refreshButton() const { return refresh_; }
    QLabel* status() const { return status_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void circularSent(const kep::desk::circulars::SentCircular& circular);
    void receiptsFetched(const kep::desk::circulars::CircularReceipts& receipts);
    void failed(const kep::desk::admin::AdminFailure& failure);
    int rowOf(const QString& circularId) const;
    QString audienceText(const kep::desk::circulars::CircularAudience& audience) const;
    void retranslateUi();

    kep::desk::circulars::CircularSendingClient& circulars_;
    kep::desk::admin::AdministrationClient& administration_;
    // Newest first, as the table shows them. The server lists no circulars, so the window shows
    // those sent from it.
    QList<kep::desk::circulars::SentCircular> shown_;
    CircularComposer* composer_;
    QLabel* sentLabel_;
    QTableWidget* sent_;
    QLabel* receiptsLabel_;
    QTreeWidget* receipts_;
    QPushButton* refresh_;
    QLabel* status_;
};

}  // namespace kep::desk::ui
