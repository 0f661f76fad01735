// The procedure view's text: a published procedure, and the changes between two of its versions,
// as rich text in one language for a QTextBrowser (every register text escaped).
#pragma once

#include "catalogue/PublishedRecord.h"
#include "shared/catalogue/ProcedureDiff.h"

#include <QCoreApplication>
#include <QString>

namespace kep::desk::ui {

class ProcedureHtml {
    Q_DECLARE_TR_FUNCTIONS(kep::desk::ui::ProcedureHtml)
public:
    // Description, eligibility conditions, required documents (alternatives and conditional
    // ones marked), fees, steps, statutory deadline, legal basis with ΦΕΚ references, competent
    // authority and the myKEPlive flag.
    static QString procedure(const kep::desk::catalogue::PublishedRecord& record,
                             kep::catalogue::Language language);
    // Per section (fees, documents …) what was added, removed or changed, before → after.
    static QString changes(const kep::catalogue::ProcedureDiff& diff, std::int64_t fromVersion,
                           std::int64_t toVersion, kep::catalogue::Language language);
    // "150,00 €" / "€150.00", as the language writes money.
    static QString money(double euros, kep::catalogue::Language language);
};

}  // namespace kep::desk::ui
