// The answer to one authenticated API call made through the server link (administration
// screens): the HTTP status and body, or the network fault that kept any answer away.
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace kep::desk {

struct ApiReply {
    int status = 0;  // 0 when no answer came
    QByteArray body;
    QString networkError;  // set when no answer came
};

}  // namespace kep::desk

Q_DECLARE_METATYPE(kep::desk::ApiReply)
