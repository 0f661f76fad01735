// The evidence checklist of the filing form: one line per document of the procedure, in its
// order, each marked provided, missing or to be obtained by the KEP; alternatives say so.
#pragma once

#include "shared/cases/EvidenceChecklist.h"
#include "shared/catalogue/Procedure.h"

#include <QWidget>

#include <string>
#include <utility>
#include <vector>

class QComboBox;
class QFormLayout;

namespace kep::desk::ui {

class EvidencePanel : public QWidget {
    Q_OBJECT
public:
    explicit EvidencePanel(QWidget* parent = nullptr);

    // Every document starts missing: the clerk marks what the citizen brought.
    void showProcedure(const kep::catalogue::Procedure& procedure);
    void clear();

    // The checklist as marked, in the procedure's order (CaseFiling::evidence).
    std::vector<std::pair<std::string, kep::cases::EvidenceState>> states() const;
    // The documents' titles by how they are marked (for the receipt).
    QStringList titlesMarked(kep::cases::EvidenceState state) const;

    const QList<QComboBox*>& choices() const { return choices_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QFormLayout* form_;
    QList<QComboBox*> choices_;
    std::vector<kep::cases::EvidenceRequirement> requirements_;
    QStringList titles_;
};

}  // namespace kep::desk::ui
