#include "catalogue/DurationText.h"

#include <QStringList>

namespace kep::desk::ui {

QString DurationText::inWords(const kep::catalogue::CatalogueDuration& duration) {
    if (duration.empty()) {
        return {};
    }
    if (!duration.value) {
        return QString::fromStdString(duration.text);
    }
    return inWords(*duration.value);
}

QString DurationText::inWords(const kep::domain::IsoDuration& d) {
    QStringList parts;
    if (d.years > 0) {
        parts << tr("%n year(s)", nullptr, int(d.years));
    }
    if (d.months > 0) {
        parts << tr("%n month(s)", nullptr, int(d.months));
    }
    if (d.weeks > 0) {
        parts << tr("%n week(s)", nullptr, int(d.weeks));
    }
    if (d.days > 0) {
        parts << tr("%n working day(s)", nullptr, int(d.days));
    }
    if (d.hours > 0) {
        parts << tr("%n hour(s)", nullptr, int(d.hours));
    }
    if (d.minutes > 0) {
        parts << tr("%n minute(s)", nullptr, int(d.minutes));
    }
    if (d.seconds > 0) {
        parts << tr("%n second(s)", nullptr, int(d.seconds));
    }
    if (parts.isEmpty()) {
        return tr("at once");
    }
    if (parts.size() == 1) {
        return parts.front();
    }
    const QString last = parts.takeLast();
    return tr("%1 and %2").arg(parts.join(QStringLiteral(", ")), last);
}

}  // namespace kep::desk::ui
