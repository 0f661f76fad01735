// After sign-in, the offer of an unfinished case found in desk.db (typed before a crash or a
// sign-out): resume it, leave it for later, or discard it — which asks again, as it is final.
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QMessageBox>
#include <QString>

#include <functional>

class QWidget;

namespace kep::desk::ui {

class DraftResumeOffer {
    Q_DECLARE_TR_FUNCTIONS(kep::desk::ui::DraftResumeOffer)
public:
    enum class Choice { Resume, Discard, Later };

    // One question to the clerk: its text, the buttons offered, the default; returns the button
    // chosen. Message boxes at the desk; scripted answers in tests.
    using Ask = std::function<QMessageBox::StandardButton(
        const QString& text, QMessageBox::StandardButtons buttons,
        QMessageBox::StandardButton defaultButton)>;

    // Modal message boxes over `parent`, with Resume and Later on the buttons.
    static Ask messageBoxes(QWidget* parent);

    // Resume is the default answer: the clerk most often comes back to finish the case.
    static Choice ask(const QString& procedureTitle, const QDateTime& savedAt, const Ask& ask);
};

}  // namespace kep::desk::ui
