#include "admin/CatalogueDrafts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <utility>

namespace kep::desk::admin {

namespace {

using kep::catalogue::ChangeKind;
using kep::catalogue::DiffSection;

// The route's names (server/lib/catalogue/DifferenceJson.h) for the shared model's values.
constexpr std::array<std::pair<const char*, DiffSection>, 10> kSections{{
    {"titles", DiffSection::Titles},
    {"description", DiffSection::Description},
    {"provision", DiffSection::Provision},
    {"deadlines", DiffSection::Deadlines},
    {"fees", DiffSection::Fees},
    {"documents", DiffSection::Documents},
    {"conditions", DiffSection::Conditions},
    {"legalBasis", DiffSection::LegalBasis},
    {"steps", DiffSection::Steps},
    {"links", DiffSection::Links},
}};
constexpr std::array<std::pair<const char*, ChangeKind>, 3> kKinds{{
    {"added", ChangeKind::Added},
    {"removed", ChangeKind::Removed},
    {"changed", ChangeKind::Changed},
}};

template <typename Value, std::size_t N>
std::optional<Value> named(const std::array<std::pair<const char*, Value>, N>& names,
                           const QString& name) {
    for (const auto& [text, value] : names) {
        if (name == QLatin1String(text)) {
            return value;
        }
    }
    return std::nullopt;
}

std::string utf8(const QJsonValue& value) {
    return value.toString().toStdString();
}

std::optional<kep::catalogue::ItemChange> readItem(const QJsonObject& o) {
    const auto kind = named(kKinds, o.value(QLatin1String("kind")).toString());
    if (!kind) {
        return std::nullopt;
    }
    kep::catalogue::ItemChange item;
    item.kind = *kind;
    item.key = utf8(o.value(QLatin1String("key")));
    const QJsonObject label = o.value(QLatin1String("label")).toObject();
    item.label = {utf8(label.value(QLatin1String("el"))), utf8(label.value(QLatin1String("en")))};
    for (const QJsonValue& value : o.value(QLatin1String("fields")).toArray()) {
        const QJsonObject field = value.toObject();
        item.fields.push_back({utf8(field.value(QLatin1String("field"))),
                               utf8(field.value(QLatin1String("before"))),
                               utf8(field.value(QLatin1String("after")))});
    }
    return item;
}

std::optional<kep::catalogue::ProcedureDiff> readDifference(const QJsonArray& sections) {
    kep::catalogue::ProcedureDiff difference;
    for (const QJsonValue& value : sections) {
        const QJsonObject o = value.toObject();
        const auto section = named(kSections, o.value(QLatin1String("section")).toString());
        if (!section) {
            return std::nullopt;
        }
        kep::catalogue::SectionDiff read{*section, {}};
        for (const QJsonValue& change : o.value(QLatin1String("changes")).toArray()) {
            auto item = readItem(change.toObject());
            if (!item) {
                return std::nullopt;
            }
            read.changes.push_back(std::move(*item));
        }
        difference.sections.push_back(std::move(read));
    }
    return difference;
}

ProcedureOptions optionsOf(const QJsonObject& kep) {
    return {kep.value(QLatin1String("requiresApproval")).toBool(true),
            kep.value(QLatin1String("competentAuthorityId")).toString(),
            kep.value(QLatin1String("offeredAtKep")).toBool(true)};
}

QJsonObject objectOf(const QByteArray& body) {
    return QJsonDocument::fromJson(body).object();
}

}  // namespace

std::optional<DraftPage> readDraftPage(const QByteArray& body) {
    const QJsonObject root = objectOf(body);
    const QJsonValue list = root.value(QLatin1String("drafts"));
    if (!list.isArray()) {
        return std::nullopt;
    }
    DraftPage page;
    page.total = root.value(QLatin1String("total")).toInt();
    page.offset = root.value(QLatin1String("offset")).toInt();
    for (const QJsonValue& value : list.toArray()) {
        const QJsonObject o = value.toObject();
        CatalogueDraft draft;
        draft.id = o.value(QLatin1String("id")).toString();
        const QJsonObject title = o.value(QLatin1String("title")).toObject();
        draft.titleEl = title.value(QLatin1String("el")).toString();
        draft.titleEn = title.value(QLatin1String("en")).toString();
        draft.draftVersion = o.value(QLatin1String("draftVersion")).toInteger();
        const QJsonValue published = o.value(QLatin1String("publishedVersion"));
        if (published.isDouble()) {
            draft.publishedVersion = published.toInteger();
        }
        draft.importedAt = o.value(QLatin1String("importedAt")).toString();
        draft.options = optionsOf(o.value(QLatin1String("kep")).toObject());
        auto difference = readDifference(o.value(QLatin1String("changes")).toArray());
        if (draft.id.isEmpty() || !difference) {
            return std::nullopt;
        }
        draft.difference = std::move(*difference);
        page.drafts.append(std::move(draft));
    }
    return page;
}

std::optional<Publication> readPublication(const QByteArray& body) {
    const QJsonObject root = objectOf(body);
    if (!root.value(QLatin1String("published")).isDouble()) {
        return std::nullopt;
    }
    return Publication{root.value(QLatin1String("published")).toInt(),
                       root.value(QLatin1String("catalogueSeq")).toInteger()};
}

std::optional<ProcedureOptions> readProcedureOptions(const QByteArray& body) {
    const QJsonValue kep = objectOf(body).value(QLatin1String("kep"));
    if (!kep.isObject()) {
        return std::nullopt;
    }
    return optionsOf(kep.toObject());
}

QByteArray publishBody(const QStringList& ids) {
    const QJsonObject body =
        ids.isEmpty() ? QJsonObject{{QStringLiteral("all"), true}}
                      : QJsonObject{{QStringLiteral("ids"), QJsonArray::fromStringList(ids)}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray optionsBody(const ProcedureOptions& options) {
    const QJsonObject body{
        {QStringLiteral("requiresApproval"), options.requiresApproval},
        {QStringLiteral("competentAuthorityId"), options.competentAuthorityId.isEmpty()
                                                     ? QJsonValue(QJsonValue::Null)
                                                     : QJsonValue(options.competentAuthorityId)},
        {QStringLiteral("offeredAtKep"), options.offeredAtKep}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

}  // namespace kep::desk::admin
