// Who is signed in at this desk and why a sign-in did not succeed: the values the server link
// hands to the UI. The session token is deliberately absent: it never leaves the link's thread.
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace kep::desk {

struct UserSession {
    QString userId;
    QString username;
    QString displayName;
    QString role;        // clerk, manager, central_admin, authority, it
    QString officeCode;  // empty for users without an office (central, authority)
    QString officeName;
    QDateTime expiresAt;   // online: the server's session end; offline: the offline limit
    bool offline = false;  // signed in against this desk's verifier, without the server
};

struct SignInFailure {
    enum class Reason {
        InvalidCredentials,  // 401 invalid_credentials
        RateLimited,         // 429: wait retryAfterSeconds
        Unreachable,         // no HTTP answer at all
        Refused,             // any other error answer, with the server's code
        BadReply,            // an answer the desk cannot read
    };
    Reason reason = Reason::BadReply;
    int retryAfterSeconds = 0;
    QString code;    // the server's error code, for support
    QString detail;  // the server's or the network's message (English, no personal data)
};

// One entry of GET /api/v1/directory/users: what the desk needs to drop a disabled user's
// offline verifier.
struct DirectoryUser {
    QString id;
    QString username;
    bool disabled = false;
};

struct ServerHealth {
    bool online = false;
    QString version;  // the server's version when online
    QString detail;   // why not online
};

}  // namespace kep::desk

Q_DECLARE_METATYPE(kep::desk::UserSession)
Q_DECLARE_METATYPE(kep::desk::SignInFailure)
Q_DECLARE_METATYPE(kep::desk::ServerHealth)
Q_DECLARE_METATYPE(kep::desk::DirectoryUser)
