#include "feedback/ProcedureFlags.h"

#include "shared/domain/Uuid.h"

#include <array>
#include <stdexcept>

namespace kep::desk::feedback {

namespace {

constexpr std::array<std::pair<FlagKind, const char*>, 4> kKinds{{
    {FlagKind::OutdatedFee, "outdated_fee"},
    {FlagKind::MissingDocument, "missing_document"},
    {FlagKind::WrongAuthority, "wrong_authority"},
    {FlagKind::Other, "other"},
}};

FlagKind kindOf(const std::string& text) {
    for (const auto& [kind, name] : kKinds) {
        if (text == name) {
            return kind;
        }
    }
    return FlagKind::Other;
}

std::string utcText(const QDateTime& at) {
    return at.toUTC().toString(Qt::ISODate).toStdString();
}

}  // namespace

QString toString(FlagKind kind) {
    for (const auto& [each, name] : kKinds) {
        if (each == kind) {
            return QString::fromLatin1(name);
        }
    }
    return QStringLiteral("other");
}

ProcedureFlag ProcedureFlags::queue(const QString& procedureId, FlagKind kind, const QString& text,
                                    const QString& userId, const QDateTime& at) {
    ProcedureFlag flag{QString::fromStdString(kep::domain::newUuidV7().toString()),
                       procedureId,
                       kind,
                       text.trimmed(),
                       userId,
                       QString::fromStdString(utcText(at))};
    if (kind == FlagKind::Other && flag.text.isEmpty()) {
        throw std::invalid_argument("a flag of kind 'other' must say what is wrong");
    }
    db_.prepare(
           "INSERT INTO procedure_flag (id, procedure_id, kind, text, user_id, flagged_at) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(1, flag.id.toStdString())
        .bind(2, flag.procedureId.toStdString())
        .bind(3, toString(kind).toStdString())
        .bind(4, flag.text.toStdString())
        .bind(5, flag.userId.toStdString())
        .bind(6, flag.flaggedAt.toStdString())
        .run();
    return flag;
}

std::vector<ProcedureFlag> ProcedureFlags::unsent(int limit) const {
    auto st = db_.prepare(
        "SELECT id, procedure_id, kind, text, user_id, flagged_at FROM procedure_flag "
        "WHERE sent_at IS NULL ORDER BY flagged_at LIMIT ?1");
    st.bind(1, limit);
    std::vector<ProcedureFlag> flags;
    while (st.step()) {
        auto q = [&st](int column) { return QString::fromStdString(st.text(column)); };
        flags.push_back({q(0), q(1), kindOf(st.text(2)), q(3), q(4), q(5)});
    }
    return flags;
}

int ProcedureFlags::unsentCount() const {
    auto st = db_.prepare("SELECT COUNT(*) FROM procedure_flag WHERE sent_at IS NULL");
    return st.step() ? static_cast<int>(st.int64(0)) : 0;
}

void ProcedureFlags::markSent(const QString& id, const QDateTime& at) {
    db_.prepare("UPDATE procedure_flag SET sent_at = ?2 WHERE id = ?1")
        .bind(1, id.toStdString())
        .bind(2, utcText(at))
        .run();
}

}  // namespace kep::desk::feedback
