// A clerk flags a problem with a catalogue entry from the procedure they are reading: what is
// wrong (outdated fee, missing document, wrong authority, other) and in their words. The flag is
// queued in desk.db at once and sent when the server answers.
#pragma once

#include "UserSession.h"
#include "feedback/ProcedureFlags.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace kep::desk::ui {

class ProcedureFlagDialog : public QDialog {
    Q_OBJECT
public:
    // `flags` (the UI thread's) must outlive the dialog.
    explicit ProcedureFlagDialog(kep::desk::feedback::ProcedureFlags& flags,
                                 QWidget* parent = nullptr);

    // Empties the form for the procedure `procedureId` (shown by its title), flagged by `userId`.
    void start(const QString& procedureId, const QString& title, const QString& userId);
    // Queues the flag and closes; stays open with a message when it cannot (no text for other).
    void send();

    QComboBox* kind() const { return kind_; }
    QPlainTextEdit* text() const { return text_; }
    QLabel* problem() const { return problem_; }

signals:
    void flagQueued(const kep::desk::feedback::ProcedureFlag& flag);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    kep::desk::feedback::ProcedureFlags& flags_;
    QString procedureId_;
    QString userId_;
    QLabel* procedure_;
    QLabel* kindLabel_;
    QComboBox* kind_;
    QLabel* textLabel_;
    QPlainTextEdit* text_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
};

}  // namespace kep::desk::ui
