// The desk's source of "now", injected wherever a rule depends on time (offline sign-in
// expiry), so that tests can move it forward by days without waiting.
#pragma once

#include <QDateTime>

namespace kep::desk {

class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;  // UTC
};

class SystemClock final : public Clock {
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

}  // namespace kep::desk
