#include "cases/DraftResumeOffer.h"

#include <QAbstractButton>
#include <QLocale>

namespace kep::desk::ui {

DraftResumeOffer::Ask DraftResumeOffer::messageBoxes(QWidget* parent) {
    return [parent](const QString& text, QMessageBox::StandardButtons buttons,
                    QMessageBox::StandardButton defaultButton) {
        QMessageBox box(QMessageBox::Question, tr("Unfinished case"), text, buttons, parent);
        box.setObjectName(QStringLiteral("draftResumeQuestion"));
        box.setDefaultButton(defaultButton);
        if (auto* resume = box.button(QMessageBox::Yes); resume && buttons & QMessageBox::Discard) {
            resume->setText(tr("&Resume"));
        }
        if (auto* later = box.button(QMessageBox::Cancel)) {
            later->setText(tr("&Later"));
        }
        return static_cast<QMessageBox::StandardButton>(box.exec());
    };
}

DraftResumeOffer::Choice DraftResumeOffer::ask(const QString& procedureTitle,
                                               const QDateTime& savedAt, const Ask& ask) {
    const QString when = QLocale().toString(savedAt.toLocalTime(), QLocale::ShortFormat);
    const auto answer =
        ask(tr("A case you did not file was kept: «%1», last saved %2. Resume it now?")
                .arg(procedureTitle, when),
            QMessageBox::Yes | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
        return Choice::Resume;
    }
    if (answer != QMessageBox::Discard) {
        return Choice::Later;
    }
    const auto sure = ask(tr("Discard the unfinished case? What was typed cannot be brought back."),
                          QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    return sure == QMessageBox::Yes ? Choice::Discard : Choice::Later;
}

}  // namespace kep::desk::ui
