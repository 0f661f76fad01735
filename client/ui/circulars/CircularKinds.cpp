#include "circulars/CircularKinds.h"

namespace kep::desk::ui {

QStringList CircularKinds::codes() {
    return {QStringLiteral("announcement"), QStringLiteral("procedure_change"),
            QStringLiteral("new_rule"), QStringLiteral("outage")};
}

QString CircularKinds::name(const QString& code) {
    if (code == QLatin1String("procedure_change")) {
        return tr("Procedure change");
    }
    if (code == QLatin1String("new_rule")) {
        return tr("New rule");
    }
    if (code == QLatin1String("outage")) {
        return tr("Outage");
    }
    return tr("Announcement");
}

}  // namespace kep::desk::ui
