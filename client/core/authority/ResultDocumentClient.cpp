#include "authority/ResultDocumentClient.h"

#include "authority/AuthorityCases.h"

#include <QUrl>

namespace kep::desk::authority {

ResultDocumentClient::ResultDocumentClient(ServerLink& link, QObject* parent)
    : QObject(parent)
    , calls_(link, this) {
    qRegisterMetaType<admin::AdminFailure>();
}

void ResultDocumentClient::fetch(const QString& caseId) {
    calls_.send("GET", "/api/v1/cases/" + QUrl::toPercentEncoding(caseId) + "/result", {},
                [this, caseId](const ApiReply& reply) {
                    if (auto failure = failureOf(reply)) {
                        emit failed(caseId, *failure);
                    } else if (checkResultDocument(reply.body) != ResultRefusal::None) {
                        // Only a PDF goes to the printer: anything else is not the result.
                        emit failed(caseId, {reply.status, QStringLiteral("bad_reply"),
                                             QStringLiteral("the result is not a PDF document")});
                    } else {
                        emit fetched(caseId, reply.body);
                    }
                });
}

}  // namespace kep::desk::authority
