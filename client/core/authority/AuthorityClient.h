// The authority inbox API as the authority's window uses it (docs/api.md, "Authority inbox"):
// the inbox, one case with its history, a document's bytes, and the four decisions — accept,
// ask for documents, reject, complete with the result PDF — each answered by a typed signal.
#pragma once

#include "admin/AdminReplies.h"
#include "authority/AuthorityCases.h"
#include "authority/LinkCalls.h"

#include <QObject>

namespace kep::desk {
class ServerLink;
}

namespace kep::desk::authority {

class AuthorityClient : public QObject {
    Q_OBJECT
public:
    static constexpr int kInboxLimit = 200;

    explicit AuthorityClient(ServerLink& link, QObject* parent = nullptr);

    // `status` empty: every case of the authority.
    void listInbox(const QString& status = {}, int limit = kInboxLimit);
    void openCase(const QString& caseId);
    void fetchDocument(const QString& caseId, const QString& sha256);

    void accept(const QString& caseId);
    void requestDocuments(const QString& caseId, const QString& reason);
    void reject(const QString& caseId, const QString& reason);
    // `pdf` must pass checkResultDocument(); the server checks it again.
    void complete(const QString& caseId, const QByteArray& pdf);

signals:
    void inboxListed(const QList<kep::desk::authority::InboxCase>& cases);
    void caseOpened(const kep::desk::authority::InboxCase& shown);
    void documentFetched(const QString& caseId, const QString& sha256, const QByteArray& bytes);
    void decided(const QString& caseId, kep::desk::authority::Decision decision);
    // A refused decision comes as status 409 (the case is no longer where the decision fits).
    void failed(const kep::desk::admin::AdminFailure& failure);

private:
    void decide(const QString& caseId, Decision decision, const QByteArray& route,
                const QByteArray& body);
    QByteArray casePath(const QString& caseId) const;
    void unreadable();

    LinkCalls calls_;
};

}  // namespace kep::desk::authority
