// The practice citizens of the training data set (issue 11): a trainee reads a name and ΑΦΜ
// here and identifies that person in the filing form, as a citizen would be at the counter.
#pragma once

#include "training/TrainingDataSet.h"

#include <QDialog>

class QAction;
class QDialogButtonBox;
class QLabel;
class QTableWidget;

namespace kep::desk::ui {

class PracticeCitizensDialog : public QDialog {
    Q_OBJECT
public:
    explicit PracticeCitizensDialog(const QList<kep::desk::training::PracticeCitizen>& citizens,
                                    QWidget* parent = nullptr);

    // "Practice citizens…", for the Help menu of the training desk: opens this dialog.
    QAction* showAction() const { return showAction_; }
    QTableWidget* table() const { return table_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QLabel* note_;
    QTableWidget* table_;
    QDialogButtonBox* buttons_;
    QAction* showAction_;
};

}  // namespace kep::desk::ui
