// The catalogue administration API's records as the desk reads and writes them: the drafts with
// their per-procedure differences, a publication's answer, a procedure's KEP-side options.
#pragma once

#include "shared/catalogue/ProcedureDiff.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace kep::desk::admin {

// What the central administration decides per procedure and MITOS does not hold.
struct ProcedureOptions {
    bool requiresApproval = true;
    QString competentAuthorityId;  // "": the register's org_owner
    bool offeredAtKep = true;
    friend bool operator==(const ProcedureOptions&, const ProcedureOptions&) = default;
};

// One procedure whose draft differs from what desks see.
struct CatalogueDraft {
    QString id;
    QString titleEl;
    QString titleEn;
    qint64 draftVersion = 0;
    std::optional<qint64> publishedVersion;  // empty: never published
    QString importedAt;
    ProcedureOptions options;
    kep::catalogue::ProcedureDiff difference;  // per section; empty for a new procedure
};

struct DraftPage {
    QList<CatalogueDraft> drafts;
    int total = 0;  // drafts in all, on every page
    int offset = 0;
};

struct Publication {
    int published = 0;
    qint64 catalogueSeq = 0;
};

// GET /api/v1/admin/catalogue/drafts. Nullopt for a body that is not this shape (an unknown
// section or change kind included: the desk would show it wrongly).
std::optional<DraftPage> readDraftPage(const QByteArray& body);
// POST /api/v1/admin/catalogue/publish.
std::optional<Publication> readPublication(const QByteArray& body);
// The "kep" object of a published record, or of the options route's answer.
std::optional<ProcedureOptions> readProcedureOptions(const QByteArray& body);

// {"ids":[…]}, or {"all":true} when `ids` is empty.
QByteArray publishBody(const QStringList& ids);
// Every option, the authority as null when it is "".
QByteArray optionsBody(const ProcedureOptions& options);

}  // namespace kep::desk::admin

Q_DECLARE_METATYPE(kep::desk::admin::DraftPage)
Q_DECLARE_METATYPE(kep::desk::admin::Publication)
Q_DECLARE_METATYPE(kep::desk::admin::ProcedureOptions)
