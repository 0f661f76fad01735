// The central administration's review of the clerks' flags on catalogue entries: the open flags
// procedure by procedure (kind, office, when, what the clerk wrote), and closing the selected
// one with a note once the catalogue is fixed. Beside the catalogue publishing window.
#pragma once

#include "feedback/FlagReview.h"

#include <QDialog>
#include <QList>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace kep::desk::ui {

class FlagReviewWindow : public QDialog {
    Q_OBJECT
public:
    // `client` must outlive the window.
    explicit FlagReviewWindow(kep::desk::feedback::FlagReviewClient& client,
                              QWidget* parent = nullptr);

    void refresh();
    // Closes the selected flag with the note typed; refused without a note.
    void closeSelected();

    QTableWidget* flags() const { return table_; }
    QLineEdit* note() const { return note_; }
    QPushButton* closeButton() const { return close_; }
    QLabel* status() const { return status_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void listed(const QList<kep::desk::feedback::ReviewedFlag>& flags);
    void retranslateUi();
    QString kindText(const QString& kind) const;

    kep::desk::feedback::FlagReviewClient& client_;
    QList<kep::desk::feedback::ReviewedFlag> shown_;
    QTableWidget* table_;
    QLabel* noteLabel_;
    QLineEdit* note_;
    QPushButton* close_;
    QPushButton* refresh_;
    QLabel* status_;
};

}  // namespace kep::desk::ui
