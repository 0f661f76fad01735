#include "tour/DemoAccounts.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kep::desk::ui {

std::optional<DemoAccount> DemoAccounts::firstWithRole(const QString& demoFile, const QString& role,
                                                       QString* error) {
    QFile file(demoFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(demoFile, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        *error =
            QStringLiteral("%1 is not a JSON object: %2").arg(demoFile, parseError.errorString());
        return std::nullopt;
    }
    const QJsonArray users = doc.object().value(QLatin1String("users")).toArray();
    for (const QJsonValue& value : users) {
        const QJsonObject user = value.toObject();
        if (user.value(QLatin1String("role")).toString() != role) {
            continue;
        }
        DemoAccount account{user.value(QLatin1String("username")).toString(),
                            user.value(QLatin1String("password")).toString(),
                            user.value(QLatin1String("office")).toString()};
        if (account.username.isEmpty() || account.password.isEmpty()) {
            *error =
                QStringLiteral("%1: the %2 user has no username or password").arg(demoFile, role);
            return std::nullopt;
        }
        return account;
    }
    *error = QStringLiteral("%1 has no user with the role %2").arg(demoFile, role);
    return std::nullopt;
}

}  // namespace kep::desk::ui
