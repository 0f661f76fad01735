// The filing form's choice of the receipt's language: it follows the desk's language (English
// for a citizen who is not Greek) until the clerk picks one, and then keeps the clerk's pick.
#pragma once

#include "cases/Receipt.h"

#include <QComboBox>

namespace kep::desk::ui {

class ReceiptLanguageChoice : public QComboBox {
    Q_OBJECT
public:
    explicit ReceiptLanguageChoice(QWidget* parent = nullptr);

    ReceiptLanguage language() const;
    // What the form proposes (the desk's language, or English for a foreign citizen): shown
    // unless the clerk has picked a language for this case.
    void suggest(ReceiptLanguage language);
    // A new case: the clerk's pick is forgotten and `language` proposed.
    void restart(ReceiptLanguage language);
    bool pickedByClerk() const { return picked_; }

signals:
    // The clerk picked a language (not a suggestion taking effect).
    void picked(kep::desk::ui::ReceiptLanguage language);

protected:
    void changeEvent(QEvent* event) override;

private:
    void select(ReceiptLanguage language);
    void retranslateUi();

    bool picked_ = false;
};

}  // namespace kep::desk::ui
