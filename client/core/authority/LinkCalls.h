// Calls through the server link, each answered to its own callback: the plumbing the authority
// client and the result download share, with the server's refusal read once for both.
#pragma once

#include "ApiReply.h"
#include "admin/AdminReplies.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

namespace kep::desk {
class ServerLink;
}

namespace kep::desk::authority {

class LinkCalls : public QObject {
    Q_OBJECT
public:
    using Answered = std::function<void(const kep::desk::ApiReply& reply)>;

    explicit LinkCalls(ServerLink& link, QObject* parent = nullptr);

    // `answered` runs on this object's thread once the server (or the network) answers.
    void send(const QByteArray& method, const QByteArray& target, const QByteArray& jsonBody,
              Answered answered);
    void sendContent(const QByteArray& method, const QByteArray& target, const QByteArray& body,
                     const QByteArray& contentType, Answered answered);

private:
    void onReplied(int ticket, const kep::desk::ApiReply& reply);

    ServerLink& link_;
    QHash<int, Answered> waiting_;  // ticket → its callback; other clients' tickets pass by
};

// Why a call did not succeed: no answer, or any status outside 2xx (with the server's code and
// message); nullopt for a success.
std::optional<kep::desk::admin::AdminFailure> failureOf(const kep::desk::ApiReply& reply);

}  // namespace kep::desk::authority
