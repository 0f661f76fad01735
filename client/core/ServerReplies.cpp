#include "ServerReplies.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace kep::desk {

namespace {

constexpr int kDefaultRetryAfterSeconds = 30;

QJsonObject objectOf(const QByteArray& body) {
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    return doc.isObject() ? doc.object() : QJsonObject{};
}

SignInFailure failureFrom(SignInFailure::Reason reason, const QJsonObject& body) {
    SignInFailure failure;
    failure.reason = reason;
    const QJsonObject error = body.value(QLatin1String("error")).toObject();
    failure.code = error.value(QLatin1String("code")).toString();
    failure.detail = error.value(QLatin1String("message")).toString();
    return failure;
}

}  // namespace

ServerHealth readHealthReply(const HttpReply& reply) {
    ServerHealth health;
    const QJsonObject body = objectOf(reply.body);
    if (reply.status == 200 && body.value(QLatin1String("status")).toString() == "ok") {
        health.online = true;
        health.version = body.value(QLatin1String("version")).toString();
    } else {
        health.detail = QStringLiteral("health check answered HTTP %1").arg(reply.status);
    }
    return health;
}

int retryAfterSeconds(const QByteArray& header, const QDateTime& now) {
    const QByteArray text = header.trimmed();
    if (text.isEmpty()) {
        return kDefaultRetryAfterSeconds;
    }
    bool isNumber = false;
    const qint64 seconds = text.toLongLong(&isNumber);
    if (isNumber) {
        return static_cast<int>(std::clamp<qint64>(seconds, 1, 24 * 3600));
    }
    // An HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT") is RFC 2822 apart from the zone name,
    // which Qt's parser wants as a numeric offset.
    QString date = QString::fromLatin1(text);
    if (date.endsWith(QLatin1String(" GMT"))) {
        date.chop(4);
        date += QLatin1String(" +0000");
    }
    const QDateTime until = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!until.isValid()) {
        return kDefaultRetryAfterSeconds;
    }
    return static_cast<int>(std::clamp<qint64>(now.secsTo(until), 1, 24 * 3600));
}

std::variant<SignInAccepted, SignInFailure> readSignInReply(const HttpReply& reply,
                                                            const QDateTime& now) {
    const QJsonObject body = objectOf(reply.body);
    if (reply.status == 200) {
        const QJsonObject user = body.value(QLatin1String("user")).toObject();
        const QJsonValue office = user.value(QLatin1String("office"));
        SignInAccepted accepted;
        accepted.token = body.value(QLatin1String("token")).toString().toUtf8();
        UserSession& s = accepted.session;
        const QJsonValue id = user.value(QLatin1String("id"));
        s.userId = id.isDouble() ? QString::number(id.toInteger()) : id.toString();
        s.username = user.value(QLatin1String("username")).toString();
        s.displayName = user.value(QLatin1String("displayName")).toString();
        s.role = user.value(QLatin1String("role")).toString();
        if (office.isObject()) {
            s.officeCode = office.toObject().value(QLatin1String("code")).toString();
            s.officeName = office.toObject().value(QLatin1String("name")).toString();
        }
        s.expiresAt = QDateTime::fromString(body.value(QLatin1String("expiresAt")).toString(),
                                            Qt::ISODateWithMs);
        if (accepted.token.isEmpty() || s.username.isEmpty() || s.role.isEmpty()) {
            SignInFailure failure;
            failure.detail = QStringLiteral("sign-in answer without token, user or role");
            return failure;
        }
        return accepted;
    }
    if (reply.status == 401) {
        return failureFrom(SignInFailure::Reason::InvalidCredentials, body);
    }
    if (reply.status == 429) {
        SignInFailure failure = failureFrom(SignInFailure::Reason::RateLimited, body);
        failure.retryAfterSeconds = retryAfterSeconds(reply.retryAfter, now);
        return failure;
    }
    SignInFailure failure = failureFrom(SignInFailure::Reason::Refused, body);
    if (failure.code.isEmpty()) {
        failure.reason = SignInFailure::Reason::BadReply;
        failure.detail = QStringLiteral("HTTP %1 without an error object").arg(reply.status);
    }
    return failure;
}

QByteArray signInRequestBody(const QString& username, const QString& password) {
    const QJsonObject body{{QStringLiteral("username"), username},
                           {QStringLiteral("password"), password}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

std::variant<EnrolmentAccepted, EnrolmentFailure> readEnrolmentReply(const HttpReply& reply,
                                                                     const QDateTime& now) {
    using Reason = EnrolmentFailure::Reason;
    const QJsonObject body = objectOf(reply.body);
    if (reply.status == 201 || reply.status == 200) {
        EnrolmentAccepted accepted;
        accepted.deviceId = body.value(QLatin1String("deviceId")).toString();
        accepted.certificatePem = body.value(QLatin1String("certificate")).toString().toUtf8();
        const QJsonObject office = body.value(QLatin1String("office")).toObject();
        accepted.officeCode = office.value(QLatin1String("code")).toString();
        accepted.officeName = office.value(QLatin1String("name")).toString();
        if (accepted.certificatePem.isEmpty()) {
            EnrolmentFailure failure;
            failure.detail = QStringLiteral("enrolment answer without a certificate");
            return failure;
        }
        return accepted;
    }
    EnrolmentFailure failure;
    const QJsonObject error = body.value(QLatin1String("error")).toObject();
    failure.code = error.value(QLatin1String("code")).toString();
    failure.detail = error.value(QLatin1String("message")).toString();
    if (reply.status == 403 && failure.code == QLatin1String("enrolment_code_invalid")) {
        failure.reason = Reason::InvalidCode;
    } else if (reply.status == 400) {
        failure.reason = Reason::InvalidRequest;
    } else if (reply.status == 429) {
        failure.reason = Reason::RateLimited;
        failure.retryAfterSeconds = retryAfterSeconds(reply.retryAfter, now);
    } else if (!failure.code.isEmpty()) {
        failure.reason = Reason::Refused;
    } else {
        failure.reason = Reason::BadReply;
        failure.detail = QStringLiteral("HTTP %1 without an error object").arg(reply.status);
    }
    return failure;
}

QByteArray enrolmentRequestBody(const QString& code, const QByteArray& csrPem,
                                const QString& hostname) {
    const QJsonObject body{{QStringLiteral("code"), code},
                           {QStringLiteral("csr"), QString::fromLatin1(csrPem)},
                           {QStringLiteral("hostname"), hostname}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

std::optional<QList<DirectoryUser>> readDirectoryReply(const HttpReply& reply) {
    const QJsonObject body = objectOf(reply.body);
    const QJsonValue users = body.value(QLatin1String("users"));
    if (reply.status != 200 || !users.isArray()) {
        return std::nullopt;
    }
    QList<DirectoryUser> out;
    for (const QJsonValue& value : users.toArray()) {
        const QJsonObject user = value.toObject();
        const QJsonValue id = user.value(QLatin1String("id"));
        DirectoryUser entry;
        entry.id = id.isDouble() ? QString::number(id.toInteger()) : id.toString();
        entry.username = user.value(QLatin1String("username")).toString();
        entry.disabled = user.value(QLatin1String("disabled")).toBool(false);
        if (!entry.id.isEmpty()) {
            out.append(entry);
        }
    }
    return out;
}

}  // namespace kep::desk
