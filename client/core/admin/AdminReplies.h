// The administration API's records and how the desk reads and writes them (offices, users,
// enrolment codes, devices): pure functions over JSON, each contract case tested without a
// network.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace kep::desk::admin {

struct Office {
    QString code;
    QString name;
    QString region;
};

struct User {
    QString id;
    QString username;
    QString displayName;
    QString role;
    QString officeCode;
    bool disabled = false;
};

struct NewUser {
    QString username;
    QString displayName;
    QString role;
    QString officeCode;
    QString password;  // initial password, sent once and not kept
};

struct Device {
    QString id;
    QString officeCode;
    QString hostname;
    QDateTime enrolledAt;
    QDateTime revokedAt;  // invalid = in service
};

struct IssuedEnrolmentCode {
    QString code;
    QDateTime expiresAt;
};

// Why a call failed: the server's error, or no answer at all (status 0).
struct AdminFailure {
    int status = 0;
    QString code;
    QString message;
};

std::optional<QList<Office>> readOffices(const QByteArray& body);
std::optional<QList<User>> readUsers(const QByteArray& body);
std::optional<QList<Device>> readDevices(const QByteArray& body);
std::optional<IssuedEnrolmentCode> readEnrolmentCode(const QByteArray& body);
AdminFailure readFailure(int status, const QByteArray& body);

QByteArray officeBody(const Office& office);
QByteArray newUserBody(const NewUser& user);

}  // namespace kep::desk::admin

Q_DECLARE_METATYPE(kep::desk::admin::AdminFailure)
Q_DECLARE_METATYPE(kep::desk::admin::Office)
Q_DECLARE_METATYPE(kep::desk::admin::User)
Q_DECLARE_METATYPE(kep::desk::admin::Device)
Q_DECLARE_METATYPE(kep::desk::admin::IssuedEnrolmentCode)
