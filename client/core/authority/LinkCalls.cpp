#include "authority/LinkCalls.h"

#include "ServerLink.h"

namespace kep::desk::authority {

LinkCalls::LinkCalls(ServerLink& link, QObject* parent) : QObject(parent), link_(link) {
    connect(&link_, &ServerLink::replied, this, &LinkCalls::onReplied);
}

void LinkCalls::send(const QByteArray& method, const QByteArray& target, const QByteArray& jsonBody,
                     Answered answered) {
    waiting_.insert(link_.call(method, target, jsonBody), std::move(answered));
}

void LinkCalls::sendContent(const QByteArray& method, const QByteArray& target,
                            const QByteArray& body, const QByteArray& contentType,
                            Answered answered) {
    waiting_.insert(link_.callWithContent(method, target, body, contentType), std::move(answered));
}

void LinkCalls::onReplied(int ticket, const ApiReply& reply) {
    const Answered answered = waiting_.take(ticket);
    if (answered) {
        answered(reply);
    }
}

std::optional<admin::AdminFailure> failureOf(const ApiReply& reply) {
    if (!reply.networkError.isEmpty()) {
        return admin::AdminFailure{0, {}, reply.networkError};
    }
    if (reply.status >= 200 && reply.status < 300) {
        return std::nullopt;
    }
    return admin::readFailure(reply.status, reply.body);
}

}  // namespace kep::desk::authority
