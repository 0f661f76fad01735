#include "circulars/CircularSending.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace kep::desk::circulars {

namespace {

QJsonObject bilingual(const QString& el, const QString& en) {
    QJsonObject text{{"el", el}};
    if (!en.trimmed().isEmpty()) {
        text.insert("en", en);
    }
    return text;
}

QJsonObject audienceJson(const CircularAudience& audience) {
    switch (audience.kind) {
        case CircularAudience::Kind::All:
            break;
        case CircularAudience::Kind::Region:
            return {{"kind", "region"}, {"region", audience.region}};
        case CircularAudience::Kind::Offices:
            return {{"kind", "offices"}, {"offices", QJsonArray::fromStringList(audience.offices)}};
    }
    return {{"kind", "all"}};
}

std::optional<CircularAudience> readAudience(const QJsonObject& o) {
    const QString kind = o.value("kind").toString();
    CircularAudience audience;
    if (kind == QLatin1String("all")) {
        return audience;
    }
    if (kind == QLatin1String("region")) {
        audience.kind = CircularAudience::Kind::Region;
        audience.region = o.value("region").toString();
        return audience;
    }
    if (kind == QLatin1String("offices")) {
        audience.kind = CircularAudience::Kind::Offices;
        for (const auto& code : o.value("offices").toArray()) {
            audience.offices << code.toString();
        }
        return audience;
    }
    return std::nullopt;
}

std::optional<SentCircular> readCircular(const QJsonValue& value) {
    const QJsonObject o = value.toObject();
    const auto audience = readAudience(o.value("audience").toObject());
    if (!value.isObject() || o.value("id").toString().isEmpty() || !audience) {
        return std::nullopt;
    }
    const QJsonObject title = o.value("title").toObject();
    return SentCircular{o.value("id").toString(),
                        o.value("kind").toString(),
                        title.value("el").toString(),
                        title.value("en").toString(),
                        *audience,
                        o.value("sender").toString(),
                        QDateTime::fromString(o.value("sentAt").toString(), Qt::ISODate)};
}

QList<CircularReader> readReaders(const QJsonValue& list) {
    QList<CircularReader> readers;
    for (const auto& each : list.toArray()) {
        const QJsonObject o = each.toObject();
        readers.append({o.value("user_id").toString(), o.value("display_name").toString(),
                        QDateTime::fromString(o.value("read_at").toString(), Qt::ISODate)});
    }
    return readers;
}

}  // namespace

QByteArray circularBody(const OutgoingCircular& circular) {
    return QJsonDocument(QJsonObject{{"kind", circular.kind},
                                     {"title", bilingual(circular.titleEl, circular.titleEn)},
                                     {"body", bilingual(circular.bodyEl, circular.bodyEn)},
                                     {"audience", audienceJson(circular.audience)}})
        .toJson(QJsonDocument::Compact);
}

std::optional<SentCircular> readSentCircular(const QByteArray& body) {
    return readCircular(QJsonDocument::fromJson(body).object().value("circular"));
}

std::optional<CircularReceipts> readCircularReceipts(const QByteArray& body) {
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const auto circular = readCircular(o.value("circular"));
    if (!circular || !o.value("offices").isArray()) {
        return std::nullopt;
    }
    CircularReceipts receipts{*circular, o.value("users").toInt(), o.value("read").toInt(), {}};
    for (const auto& each : o.value("offices").toArray()) {
        const QJsonObject office = each.toObject();
        receipts.offices.append({office.value("code").toString(), office.value("name").toString(),
                                 office.value("region").toString(),
                                 readReaders(office.value("read")),
                                 readReaders(office.value("not_yet"))});
    }
    return receipts;
}

CircularSendingClient::CircularSendingClient(ServerLink& link, QObject* parent)
    : QObject(parent)
    , calls_(link) {}

void CircularSendingClient::send(const OutgoingCircular& circular) {
    calls_.send("POST", "/api/v1/circulars", circularBody(circular), [this](const ApiReply& reply) {
        if (const auto failure = authority::failureOf(reply)) {
            emit failed(*failure);
            return;
        }
        const auto sentCircular = readSentCircular(reply.body);
        if (!sentCircular) {
            emit failed({reply.status, {}, QStringLiteral("unreadable answer")});
            return;
        }
        emit sent(*sentCircular);
    });
}

void CircularSendingClient::fetchReceipts(const QString& circularId) {
    const QByteArray target =
        "/api/v1/circulars/" + QUrl::toPercentEncoding(circularId) + "/receipts";
    calls_.send("GET", target, {}, [this](const ApiReply& reply) {
        if (const auto failure = authority::failureOf(reply)) {
            emit failed(*failure);
            return;
        }
        const auto receipts = readCircularReceipts(reply.body);
        if (!receipts) {
            emit failed({reply.status, {}, QStringLiteral("unreadable answer")});
            return;
        }
        emit receiptsFetched(*receipts);
    });
}

}  // namespace kep::desk::circulars
