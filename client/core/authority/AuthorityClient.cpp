#include "authority/AuthorityClient.h"

#include <QUrl>

namespace kep::desk::authority {

AuthorityClient::AuthorityClient(ServerLink& link, QObject* parent)
    : QObject(parent)
    , calls_(link, this) {
    qRegisterMetaType<InboxCase>();
    qRegisterMetaType<QList<InboxCase>>();
    qRegisterMetaType<admin::AdminFailure>();
}

QByteArray AuthorityClient::casePath(const QString& caseId) const {
    return "/api/v1/authority/cases/" + QUrl::toPercentEncoding(caseId);
}

void AuthorityClient::unreadable() {
    emit failed(
        {0, QStringLiteral("bad_reply"), QStringLiteral("the server's answer cannot be read")});
}

void AuthorityClient::listInbox(const QString& status, int limit) {
    QByteArray target = "/api/v1/authority/inbox?limit=" + QByteArray::number(limit);
    if (!status.isEmpty()) {
        target += "&status=" + QUrl::toPercentEncoding(status);
    }
    calls_.send("GET", target, {}, [this](const ApiReply& reply) {
        if (const auto failure = failureOf(reply)) {
            emit failed(*failure);
        } else if (const auto cases = readInbox(reply.body)) {
            emit inboxListed(*cases);
        } else {
            unreadable();
        }
    });
}

void AuthorityClient::openCase(const QString& caseId) {
    calls_.send("GET", casePath(caseId), {}, [this](const ApiReply& reply) {
        if (const auto failure = failureOf(reply)) {
            emit failed(*failure);
        } else if (const auto shown = readInboxCase(reply.body)) {
            emit caseOpened(*shown);
        } else {
            unreadable();
        }
    });
}

void AuthorityClient::fetchDocument(const QString& caseId, const QString& sha256) {
    calls_.send("GET", casePath(caseId) + "/documents/" + QUrl::toPercentEncoding(sha256), {},
                [this, caseId, sha256](const ApiReply& reply) {
                    if (const auto failure = failureOf(reply)) {
                        emit failed(*failure);
                    } else {
                        emit documentFetched(caseId, sha256, reply.body);
                    }
                });
}

void AuthorityClient::decide(const QString& caseId, Decision decision, const QByteArray& route,
                             const QByteArray& body) {
    auto answered = [this, caseId, decision](const ApiReply& reply) {
        if (const auto failure = failureOf(reply)) {
            emit failed(*failure);
        } else {
            emit decided(caseId, decision);
        }
    };
    const QByteArray target = casePath(caseId) + '/' + route;
    if (decision == Decision::Complete) {
        calls_.sendContent("POST", target, body, "application/pdf", std::move(answered));
    } else {
        calls_.send("POST", target, body, std::move(answered));
    }
}

void AuthorityClient::accept(const QString& caseId) {
    decide(caseId, Decision::Accept, "accept", {});
}

void AuthorityClient::requestDocuments(const QString& caseId, const QString& reason) {
    decide(caseId, Decision::RequestDocuments, "request-documents", reasonBody(reason));
}

void AuthorityClient::reject(const QString& caseId, const QString& reason) {
    decide(caseId, Decision::Reject, "reject", reasonBody(reason));
}

void AuthorityClient::complete(const QString& caseId, const QByteArray& pdf) {
    decide(caseId, Decision::Complete, "complete", pdf);
}

}  // namespace kep::desk::authority
