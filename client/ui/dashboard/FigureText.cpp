#include "dashboard/FigureText.h"

#include <QLocale>

namespace kep::desk::ui {

QString FigureText::unknown() {
    return QStringLiteral("—");
}

QString FigureText::count(std::int64_t value) {
    return QLocale().toString(qlonglong(value));
}

QString FigureText::days(std::optional<double> value) {
    if (!value) {
        return unknown();
    }
    return tr("%1 days").arg(QLocale().toString(*value, 'f', 1));
}

QString FigureText::share(std::optional<double> value) {
    if (!value) {
        return unknown();
    }
    return tr("%1%").arg(QLocale().toString(*value * 100.0, 'f', 0));
}

QString FigureText::syncLag(std::optional<std::int64_t> seconds) {
    if (!seconds) {
        return tr("never synced");
    }
    if (*seconds < 60) {
        return tr("%n second(s)", nullptr, int(*seconds));
    }
    if (*seconds < 2 * 3600) {
        return tr("%n minute(s)", nullptr, int(*seconds / 60));
    }
    if (*seconds < 2 * 86400) {
        return tr("%n hour(s)", nullptr, int(*seconds / 3600));
    }
    return tr("%n day(s)", nullptr, int(*seconds / 86400));
}

}  // namespace kep::desk::ui
