#include "LargeTextTheme.h"

#include <QApplication>
#include <QFile>

namespace kep::desk::ui {

namespace {
QString largeTextStyleSheet() {
    QFile file(QStringLiteral(":/desk/large-text.qss"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll());
}
}  // namespace

void LargeTextTheme::apply(bool on) {
    qApp->setStyleSheet(on ? largeTextStyleSheet() : QString());
}

bool LargeTextTheme::isApplied() {
    return !qApp->styleSheet().isEmpty();
}

}  // namespace kep::desk::ui
