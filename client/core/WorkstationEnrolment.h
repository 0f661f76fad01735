// What enrolling this workstation gives back to the UI: the certificate's facts on success, or
// why not (a wrong or used code, no network, a local fault) — the values the server link emits.
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace kep::desk {

struct WorkstationEnrolled {
    QString deviceId;
    QString officeCode;
    QString officeName;
    QDateTime certificateNotAfter;
};

struct EnrolmentFailure {
    enum class Reason {
        InvalidCode,     // 403 enrolment_code_invalid: unknown, used or expired (one answer)
        InvalidRequest,  // 400 (invalid_csr, or a body the server could not read)
        RateLimited,     // 429: wait retryAfterSeconds
        Unreachable,     // no HTTP answer at all
        Refused,         // another error answer, with the server's code
        BadReply,        // an answer the desk cannot read
        LocalFault,      // the key or certificate could not be made, paired or stored here
    };
    Reason reason = Reason::BadReply;
    int retryAfterSeconds = 0;
    QString code;    // the server's error code
    QString detail;  // the server's, the network's or the file system's words (no secrets)
};

}  // namespace kep::desk

Q_DECLARE_METATYPE(kep::desk::WorkstationEnrolled)
Q_DECLARE_METATYPE(kep::desk::EnrolmentFailure)
