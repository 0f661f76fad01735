// A catalogue duration (statutory deadline, validity) in words for the clerk: P5D is «5 εργάσιμες
// ημέρες», since the desk counts a deadline's days as working days (shared/cases/DueDate.h).
#pragma once

#include "shared/catalogue/Procedure.h"

#include <QCoreApplication>
#include <QString>

namespace kep::desk::ui {

class DurationText {
    Q_DECLARE_TR_FUNCTIONS(kep::desk::ui::DurationText)
public:
    // "" when the register gives none; the register's own text when it does not parse.
    static QString inWords(const kep::catalogue::CatalogueDuration& duration);
    static QString inWords(const kep::domain::IsoDuration& duration);
};

}  // namespace kep::desk::ui
