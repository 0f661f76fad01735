#include "dashboard/FigureButton.h"

#include <QKeyEvent>

namespace kep::desk::ui {

FigureButton::FigureButton(QWidget* parent) : QPushButton(parent) {
    setAutoDefault(false);
    setMinimumWidth(140);
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    setFont(font);
}

void FigureButton::setFigure(const QString& caption, const QString& value) {
    caption_ = caption;
    value_ = value;
    setText(QStringLiteral("%1\n%2").arg(value, caption));
    setAccessibleName(QStringLiteral("%1: %2").arg(caption, value));
}

void FigureButton::keyPressEvent(QKeyEvent* event) {
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        event->modifiers() == Qt::NoModifier) {
        animateClick();
        return;
    }
    QPushButton::keyPressEvent(event);
}

}  // namespace kep::desk::ui
