#include "cases/ProtocolLeaseKeeper.h"

#include "Clock.h"
#include "ServerLink.h"
#include "cases/ProtocolLeaseRequest.h"
#include "cases/ProtocolLeaseStore.h"
#include "shared/cases/GreekCivilTime.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <vector>

namespace kep::desk::cases {

namespace {
std::chrono::year_month_day localDate(const Clock& clock) {
    const auto instant =
        std::chrono::sys_seconds{std::chrono::seconds{clock.now().toSecsSinceEpoch()}};
    return kep::cases::greekLocalDate(instant);
}
}  // namespace

ProtocolLeaseKeeper::ProtocolLeaseKeeper(ServerLink& link, ProtocolLeaseStore& store,
                                         const Clock& clock, QObject* parent)
    : QObject(parent)
    , link_(link)
    , store_(store)
    , clock_(clock) {
    connect(&link_, &ServerLink::signedIn, this, &ProtocolLeaseKeeper::refill);
    connect(&link_, &ServerLink::healthTicked, this, [this](const ServerHealth& health) {
        if (health.online) {
            refill();
        }
    });
    connect(&link_, &ServerLink::replied, this, &ProtocolLeaseKeeper::onReplied);
}

int ProtocolLeaseKeeper::currentYear() const {
    return int(localDate(clock_).year());
}

quint64 ProtocolLeaseKeeper::remaining() const {
    return store_.load().remaining(currentYear());
}

bool ProtocolLeaseKeeper::isLow() const {
    return store_.load().isLow(currentYear());
}

void ProtocolLeaseKeeper::refill() {
    // Signed in online means the server answered just now; offline sessions never lease.
    if (!link_.isSignedIn()) {
        return;
    }
    std::vector<int> years;
    try {
        years = store_.load().yearsToLease(localDate(clock_));
    } catch (const std::exception& e) {
        // A damaged lease row or a locked database: filing will say so; nothing to ask for.
        emit leaseFailed(QString::fromUtf8(e.what()));
        return;
    }
    for (const int year : years) {
        // One request per year at a time: a slow answer must not become two blocks.
        if (std::find(pending_.cbegin(), pending_.cend(), year) != pending_.cend()) {
            continue;
        }
        const int ticket = link_.call("POST", kLeaseRoute, leaseRequestBody(year, kBlockSize));
        pending_.insert(ticket, year);
    }
}

void ProtocolLeaseKeeper::onReplied(int ticket, const kep::desk::ApiReply& reply) {
    if (!pending_.contains(ticket)) {
        return;  // another component's call
    }
    pending_.remove(ticket);
    QString error;
    const auto block = parseLeaseReply(reply, &error);
    if (!block) {
        emit leaseFailed(error);
        return;
    }
    kep::cases::BlockRefusal refusal = kep::cases::BlockRefusal::None;
    try {
        refusal = store_.addBlock(*block);
    } catch (const std::exception& e) {
        emit leaseFailed(QString::fromUtf8(e.what()));
        return;
    }
    if (refusal != kep::cases::BlockRefusal::None) {
        emit leaseFailed(QStringLiteral("the desk refused the leased block (%1)")
                             .arg(QLatin1String(kep::cases::toString(refusal))));
        return;
    }
    const int year = currentYear();
    const auto lease = store_.load();
    emit stockChanged(year, lease.remaining(year), lease.isLow(year));
}

}  // namespace kep::desk::cases
