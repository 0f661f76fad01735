#include "feedback/FlagReview.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace kep::desk::feedback {

std::optional<QList<ReviewedFlag>> readFlagList(const QByteArray& body) {
    const auto document = QJsonDocument::fromJson(body);
    const auto procedures = document.object().value("procedures");
    if (!document.isObject() || !procedures.isArray()) {
        return std::nullopt;
    }
    QList<ReviewedFlag> flags;
    for (const auto& procedure : procedures.toArray()) {
        for (const auto& each : procedure.toObject().value("flags").toArray()) {
            const auto flag = each.toObject();
            flags.append({flag.value("id").toString(), flag.value("procedure_id").toString(),
                          flag.value("kind").toString(), flag.value("text").toString(),
                          flag.value("office").toString(), flag.value("flagged_at").toString(),
                          flag.value("state").toString() == QLatin1String("open"),
                          flag.value("note").toString()});
        }
    }
    return flags;
}

FlagReviewClient::FlagReviewClient(ServerLink& link, QObject* parent)
    : QObject(parent)
    , calls_(link) {}

void FlagReviewClient::listOpen() {
    calls_.send("GET", "/api/v1/catalogue/feedback?state=open", {}, [this](const ApiReply& reply) {
        if (const auto failure = authority::failureOf(reply)) {
            emit failed(*failure);
            return;
        }
        const auto flags = readFlagList(reply.body);
        if (!flags) {
            emit failed({reply.status, {}, QStringLiteral("unreadable answer")});
            return;
        }
        emit listed(*flags);
    });
}

void FlagReviewClient::close(const QString& flagId, const QString& note) {
    const QByteArray target =
        "/api/v1/catalogue/feedback/" + QUrl::toPercentEncoding(flagId) + "/close";
    const QByteArray body =
        QJsonDocument(QJsonObject{{"note", note}}).toJson(QJsonDocument::Compact);
    calls_.send("POST", target, body, [this, flagId](const ApiReply& reply) {
        if (const auto failure = authority::failureOf(reply)) {
            emit failed(*failure);
            return;
        }
        emit closed(flagId);
    });
}

}  // namespace kep::desk::feedback
