// How the desk reads the server's answers to /healthz, sign-in, enrolment and the user directory:
// pure functions over status, body and Retry-After, so each contract case is tested without a
// network.
#pragma once

#include "ServerTransport.h"
#include "UserSession.h"
#include "WorkstationEnrolment.h"

#include <QList>
#include <optional>

#include <variant>

namespace kep::desk {

struct SignInAccepted {
    UserSession session;
    QByteArray token;
};

ServerHealth readHealthReply(const HttpReply& reply);
std::variant<SignInAccepted, SignInFailure> readSignInReply(const HttpReply& reply,
                                                            const QDateTime& now);
// Retry-After as delta-seconds or an HTTP-date; at least 1 s so the UI always shows a wait.
int retryAfterSeconds(const QByteArray& header, const QDateTime& now);
QByteArray signInRequestBody(const QString& username, const QString& password);

struct EnrolmentAccepted {
    QString deviceId;
    QByteArray certificatePem;
    QString officeCode;
    QString officeName;
};

std::variant<EnrolmentAccepted, EnrolmentFailure> readEnrolmentReply(const HttpReply& reply,
                                                                     const QDateTime& now);
QByteArray enrolmentRequestBody(const QString& code, const QByteArray& csrPem,
                                const QString& hostname);
// The users of GET /api/v1/directory/users; nullopt unless a 200 with a "users" array.
std::optional<QList<DirectoryUser>> readDirectoryReply(const HttpReply& reply);

}  // namespace kep::desk
