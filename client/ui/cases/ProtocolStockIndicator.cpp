#include "cases/ProtocolStockIndicator.h"

#include <QEvent>

namespace kep::desk::ui {

ProtocolStockIndicator::ProtocolStockIndicator(QWidget* parent) : QLabel(parent) {
    setObjectName(QStringLiteral("protocolStockIndicator"));
    hide();
}

QString ProtocolStockIndicator::describe(quint64 remaining, bool low) {
    const int count = int(qMin<quint64>(remaining, quint64(INT_MAX)));
    if (remaining == 0) {
        return tr("No protocol numbers left: connect to the server");
    }
    if (low) {
        return tr("Protocol numbers running low: %n left", nullptr, count);
    }
    return tr("Protocol numbers: %n left", nullptr, count);
}

void ProtocolStockIndicator::setStock(int year, quint64 remaining, bool low) {
    stock_ = Stock{year, remaining, low};
    refresh();
    show();
}

void ProtocolStockIndicator::refresh() {
    if (!stock_) {
        return;
    }
    const QString text = describe(stock_->remaining, stock_->low);
    // Red only while low; the words carry the warning for screen readers and high contrast.
    setText(
        stock_->low
            ? QStringLiteral("<span style=\"color:#b3261e\">⚠ %1</span>").arg(text.toHtmlEscaped())
            : text.toHtmlEscaped());
    setAccessibleName(tr("Protocol numbers"));
    setAccessibleDescription(text);
    setToolTip(text);
}

void ProtocolStockIndicator::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        refresh();
    }
    QLabel::changeEvent(event);
}

}  // namespace kep::desk::ui
