// The competent authority's inbox as the desk reads it (GET /api/v1/authority/inbox and
// /cases/{id}): the forwarded cases with their documents and history, read by pure functions
// over the JSON, and the rule a result document must pass before it is sent.
#pragma once

#include "shared/cases/Citizen.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace kep::desk::authority {

struct CaseDocument {
    QString sha256;
    QString mediaType;   // application/pdf, image/jpeg, image/png
    QString evidenceId;  // the checklist document it shows ("" when none)
};

struct CaseStep {
    QString at;  // as the server wrote it (ISO time or ms since the epoch)
    QString from;
    QString to;
    QString actor;
    QString reason;
};

struct InboxCase {
    QString id;
    QString protocolNumber;
    QString procedureId;
    QString office;
    QString status;  // the lifecycle's code ("forwarded", "in_progress", …)
    QString statusReason;
    QString dueDate;  // YYYY-MM-DD
    QString channel;  // counter, remote, govgr, eugo
    QString forwardedAt;
    std::optional<kep::cases::Citizen> citizen;  // when the server sent it
    QList<CaseDocument> documents;
    QList<CaseStep> history;  // GET …/cases/{id} only, oldest first
};

// {"cases":[…]}; nullopt when the body is not that shape. Entries without an id are skipped.
std::optional<QList<InboxCase>> readInbox(const QByteArray& body);
// {"case":{…}}, as GET …/cases/{id} (and each decision) answers; nullopt for another shape or
// a case without an id.
std::optional<InboxCase> readInboxCase(const QByteArray& body);

// The request-documents and reject bodies: {"reason":"…"}.
QByteArray reasonBody(const QString& reason);

// The authority's four decisions, as the lifecycle (shared/cases) names their steps: accept
// (forwarded → in_progress), ask for documents, reject, complete (each from in_progress).
enum class Decision { Accept, RequestDocuments, Reject, Complete };

// Whether the lifecycle lets the authority take `decision` on a case in `status` (the code):
// the window offers only these; the server decides every one again.
bool decisionFits(const QString& status, Decision decision);
// Whether the decision needs the authority's reason (asking for documents, rejecting).
bool decisionNeedsReason(Decision decision);

enum class ResultRefusal { None, Empty, TooLarge, NotPdf };
// A result document must be a PDF (its magic bytes, not its name) no larger than an attachment
// may be (cases/AttachmentImport.h: the server's limit too).
ResultRefusal checkResultDocument(const QByteArray& bytes);

}  // namespace kep::desk::authority

Q_DECLARE_METATYPE(kep::desk::authority::InboxCase)
