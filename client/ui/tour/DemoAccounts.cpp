#include "tour/DemoAccounts.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kep::desk::ui {

namespace {

std::optional<QJsonObject> readDemo(const QString& demoFile, QString* error) {
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
    return doc.object();
}

}  // namespace

std::optional<DemoAccount> DemoAccounts::firstWithRole(const QString& demoFile, const QString& role,
                                                       QString* error, const QString& office) {
    const auto demo = readDemo(demoFile, error);
    if (!demo) {
        return std::nullopt;
    }
    const QJsonArray users = demo->value(QLatin1String("users")).toArray();
    for (const QJsonValue& value : users) {
        const QJsonObject user = value.toObject();
        if (user.value(QLatin1String("role")).toString() != role ||
            (!office.isEmpty() && user.value(QLatin1String("office")).toString() != office)) {
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
    *error = office.isEmpty()
                 ? QStringLiteral("%1 has no user with the role %2").arg(demoFile, role)
                 : QStringLiteral("%1 has no user with the role %2 in office %3")
                       .arg(demoFile, role, office);
    return std::nullopt;
}

std::optional<QString> DemoAccounts::enrolmentCode(const QString& demoFile, const QString& office,
                                                   QString* error) {
    const auto demo = readDemo(demoFile, error);
    if (!demo) {
        return std::nullopt;
    }
    for (const QJsonValue& value : demo->value(QLatin1String("enrolmentCodes")).toArray()) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QLatin1String("office")).toString() == office &&
            !entry.value(QLatin1String("code")).toString().isEmpty()) {
            return entry.value(QLatin1String("code")).toString();
        }
    }
    *error = QStringLiteral("%1 has no enrolment code for office %2").arg(demoFile, office);
    return std::nullopt;
}

std::optional<QString> DemoAccounts::channelKey(const QString& demoFile, const QString& channel,
                                                QString* error) {
    const auto demo = readDemo(demoFile, error);
    if (!demo) {
        return std::nullopt;
    }
    for (const QJsonValue& value : demo->value(QLatin1String("channelKeys")).toArray()) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QLatin1String("channel")).toString() == channel &&
            !entry.value(QLatin1String("key")).toString().isEmpty()) {
            return entry.value(QLatin1String("key")).toString();
        }
    }
    *error = QStringLiteral("%1 has no %2 channel key").arg(demoFile, channel);
    return std::nullopt;
}

}  // namespace kep::desk::ui
