#include "DeskTheme.h"

#include <QApplication>
#include <QFile>
#include <QVariant>

namespace kep::desk::ui {

namespace {
// The application remembers what is on: the stylesheet text alone cannot say which part is which.
constexpr const char* kLargeText = "kepLargeText";
constexpr const char* kHighContrast = "kepHighContrast";

QString styleSheet(const QString& resource) {
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll());
}
}  // namespace

void DeskTheme::apply(Appearance appearance) {
    QString sheet;
    if (appearance.largeText) {
        sheet += styleSheet(QStringLiteral(":/desk/large-text.qss"));
    }
    if (appearance.highContrast) {
        sheet += styleSheet(QStringLiteral(":/desk/high-contrast.qss"));
    }
    qApp->setProperty(kLargeText, appearance.largeText);
    qApp->setProperty(kHighContrast, appearance.highContrast);
    qApp->setStyleSheet(sheet);
}

Appearance DeskTheme::applied() {
    return {qApp->property(kLargeText).toBool(), qApp->property(kHighContrast).toBool()};
}

}  // namespace kep::desk::ui
