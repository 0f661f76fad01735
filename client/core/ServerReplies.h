// How the desk reads the server's answers to /healthz and /api/v1/auth/login: pure functions
// over status, body and Retry-After, so each contract case is tested without a network.
#pragma once

#include "ServerTransport.h"
#include "UserSession.h"

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

}  // namespace kep::desk
