// The central administration's review of clerks' catalogue flags (GET /api/v1/catalogue/
// feedback, POST …/{flag}/close): reading the answer, and the calls through the server link.
#pragma once

#include "admin/AdminReplies.h"
#include "authority/LinkCalls.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace kep::desk {
class ServerLink;
}

namespace kep::desk::feedback {

struct ReviewedFlag {
    QString id;
    QString procedureId;
    QString kind;
    QString text;
    QString office;
    QString flaggedAt;
    bool open = true;
    QString note;  // the closing note
};

// The flags of the answer, procedure by procedure as the server groups them; nullopt when the
// body is not that answer.
std::optional<QList<ReviewedFlag>> readFlagList(const QByteArray& body);

class FlagReviewClient : public QObject {
    Q_OBJECT
public:
    explicit FlagReviewClient(ServerLink& link, QObject* parent = nullptr);

    void listOpen();
    void close(const QString& flagId, const QString& note);

signals:
    void listed(const QList<kep::desk::feedback::ReviewedFlag>& flags);
    void closed(const QString& flagId);
    void failed(const kep::desk::admin::AdminFailure& failure);

private:
    authority::LinkCalls calls_;
};

}  // namespace kep::desk::feedback
