#include "cases/ReceiptLanguageChoice.h"

#include <QEvent>

namespace kep::desk::ui {

ReceiptLanguageChoice::ReceiptLanguageChoice(QWidget* parent) : QComboBox(parent) {
    setObjectName(QStringLiteral("receiptLanguage"));
    // Each language is named in itself, as a citizen who reads only that one would look for it.
    addItem(QStringLiteral("Ελληνικά"), receiptLanguageCode(ReceiptLanguage::Greek));
    addItem(QStringLiteral("English"), receiptLanguageCode(ReceiptLanguage::English));
    // activated() is the user's choice only; setCurrentIndex() by suggest() does not emit it.
    connect(this, &QComboBox::activated, this, [this](int index) {
        picked_ = true;
        emit picked(receiptLanguageOf(itemData(index).toString()));
    });
    retranslateUi();
}

ReceiptLanguage ReceiptLanguageChoice::language() const {
    return receiptLanguageOf(currentData().toString());
}

void ReceiptLanguageChoice::suggest(ReceiptLanguage language) {
    if (!picked_) {
        select(language);
    }
}

void ReceiptLanguageChoice::restart(ReceiptLanguage language) {
    picked_ = false;
    select(language);
}

void ReceiptLanguageChoice::select(ReceiptLanguage language) {
    setCurrentIndex(findData(receiptLanguageCode(language)));
}

void ReceiptLanguageChoice::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QComboBox::changeEvent(event);
}

void ReceiptLanguageChoice::retranslateUi() {
    setAccessibleName(tr("Receipt language"));
    setAccessibleDescription(
        tr("The language of the citizen's receipt and missing-documents slip, whatever the "
           "language of the screen."));
}

}  // namespace kep::desk::ui
