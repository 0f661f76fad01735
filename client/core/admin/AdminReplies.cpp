#include "admin/AdminReplies.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kep::desk::admin {

namespace {

std::optional<QJsonArray> arrayIn(const QByteArray& body, const char* key) {
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonValue value = doc.object().value(QLatin1String(key));
    if (!doc.isObject() || !value.isArray()) {
        return std::nullopt;
    }
    return value.toArray();
}

QString text(const QJsonObject& o, const char* key) {
    const QJsonValue value = o.value(QLatin1String(key));
    return value.isDouble() ? QString::number(value.toInteger()) : value.toString();
}

QDateTime time(const QJsonObject& o, const char* key) {
    return QDateTime::fromString(o.value(QLatin1String(key)).toString(), Qt::ISODateWithMs);
}

}  // namespace

std::optional<QList<Office>> readOffices(const QByteArray& body) {
    const auto array = arrayIn(body, "offices");
    if (!array) {
        return std::nullopt;
    }
    QList<Office> offices;
    for (const QJsonValue& value : *array) {
        const QJsonObject o = value.toObject();
        offices.append({text(o, "code"), text(o, "name"), text(o, "region")});
    }
    return offices;
}

std::optional<QList<User>> readUsers(const QByteArray& body) {
    const auto array = arrayIn(body, "users");
    if (!array) {
        return std::nullopt;
    }
    QList<User> users;
    for (const QJsonValue& value : *array) {
        const QJsonObject o = value.toObject();
        User user{text(o, "id"),
                  text(o, "username"),
                  text(o, "displayName"),
                  text(o, "role"),
                  {},
                  o.value(QLatin1String("disabled")).toBool(false)};
        // "office" is a code or an object with one, depending on the route.
        const QJsonValue office = o.value(QLatin1String("office"));
        user.officeCode = office.isObject() ? text(office.toObject(), "code") : office.toString();
        users.append(user);
    }
    return users;
}

std::optional<QList<Device>> readDevices(const QByteArray& body) {
    const auto array = arrayIn(body, "devices");
    if (!array) {
        return std::nullopt;
    }
    QList<Device> devices;
    for (const QJsonValue& value : *array) {
        const QJsonObject o = value.toObject();
        devices.append({text(o, "id"), text(o, "office"), text(o, "hostname"),
                        time(o, "enrolledAt"), time(o, "revokedAt")});
    }
    return devices;
}

std::optional<IssuedEnrolmentCode> readEnrolmentCode(const QByteArray& body) {
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    IssuedEnrolmentCode issued{text(o, "code"), time(o, "expiresAt")};
    if (issued.code.isEmpty()) {
        return std::nullopt;
    }
    return issued;
}

AdminFailure readFailure(int status, const QByteArray& body) {
    const QJsonObject error =
        QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
    return {status, text(error, "code"), text(error, "message")};
}

QByteArray officeBody(const Office& office) {
    const QJsonObject body{{QStringLiteral("code"), office.code},
                           {QStringLiteral("name"), office.name},
                           {QStringLiteral("region"), office.region}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray newUserBody(const NewUser& user) {
    const QJsonObject body{
        {QStringLiteral("username"), user.username},
        {QStringLiteral("displayName"), user.displayName},
        {QStringLiteral("role"), user.role},
        {QStringLiteral("office"),
         user.officeCode.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(user.officeCode)},
        {QStringLiteral("password"), user.password}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

}  // namespace kep::desk::admin
