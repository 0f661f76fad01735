// The KEP's side of a completed case: the authority's result PDF fetched from the server
// (GET /api/v1/cases/{id}/result, the workstation's own office only) so that the counter can
// print it and hand it over.
#pragma once

#include "admin/AdminReplies.h"
#include "authority/LinkCalls.h"

#include <QObject>

namespace kep::desk {
class ServerLink;
}

namespace kep::desk::authority {

class ResultDocumentClient : public QObject {
    Q_OBJECT
public:
    explicit ResultDocumentClient(ServerLink& link, QObject* parent = nullptr);

    void fetch(const QString& caseId);

signals:
    void fetched(const QString& caseId, const QByteArray& pdf);
    void failed(const QString& caseId, const kep::desk::admin::AdminFailure& failure);

private:
    LinkCalls calls_;
};

}  // namespace kep::desk::authority
