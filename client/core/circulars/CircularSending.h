// The sender's side of circulars (issue 8): what the central administration or a region's IT
// staff write (POST /api/v1/circulars) and who has read it, office by office (GET …/receipts):
// the bodies and answers as pure functions, and the calls through the server link.
#pragma once

#include "admin/AdminReplies.h"
#include "authority/LinkCalls.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace kep::desk {
class ServerLink;
}

namespace kep::desk::circulars {

// Who receives a circular: every office, the offices of one region, or the offices chosen.
struct CircularAudience {
    enum class Kind { All, Region, Offices };
    Kind kind = Kind::All;
    QString region;       // Region
    QStringList offices;  // Offices: their codes
};

struct OutgoingCircular {
    QString kind;  // procedure_change | new_rule | outage | announcement
    QString titleEl;
    QString titleEn;  // "" when sent in Greek only
    QString bodyEl;
    QString bodyEn;
    CircularAudience audience;
};

struct SentCircular {
    QString id;
    QString kind;
    QString titleEl;
    QString titleEn;
    CircularAudience audience;
    QString sender;  // "national", or the sending region
    QDateTime sentAt;
};

struct CircularReader {
    QString userId;
    QString displayName;
    QDateTime readAt;  // invalid: not read yet
};

struct OfficeReceipts {
    QString code;
    QString name;
    QString region;
    QList<CircularReader> read;
    QList<CircularReader> notYet;
};

struct CircularReceipts {
    SentCircular circular;
    int users = 0;  // the audience's enabled users
    int read = 0;
    QList<OfficeReceipts> offices;
};

// The POST body; English members only when there is English text.
QByteArray circularBody(const OutgoingCircular& circular);
// The 201 answer's circular; nullopt when the body is not that answer.
std::optional<SentCircular> readSentCircular(const QByteArray& body);
std::optional<CircularReceipts> readCircularReceipts(const QByteArray& body);

class CircularSendingClient : public QObject {
    Q_OBJECT
public:
    explicit CircularSendingClient(ServerLink& link, QObject* parent = nullptr);

    void send(const OutgoingCircular& circular);
    void fetchReceipts(const QString& circularId);

signals:
    void sent(const kep::desk::circulars::SentCircular& circular);
    void receiptsFetched(const kep::desk::circulars::CircularReceipts& receipts);
    void failed(const kep::desk::admin::AdminFailure& failure);

private:
    authority::LinkCalls calls_;
};

}  // namespace kep::desk::circulars
