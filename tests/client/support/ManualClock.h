// A clock the test moves by hand: offline sign-in expiry is tested by advancing it days at once.
#pragma once

#include "Clock.h"

#include <QTimeZone>

namespace kep::desk::test {

class ManualClock final : public Clock {
public:
    explicit ManualClock(QDateTime start = QDateTime(QDate(2030, 3, 4), QTime(9, 0),
                                                     QTimeZone::utc()))
        : now_(std::move(start)) {}
    QDateTime now() const override { return now_; }
    void advanceDays(int days) { now_ = now_.addDays(days); }
    void advanceSeconds(qint64 seconds) { now_ = now_.addSecs(seconds); }

private:
    QDateTime now_;
};

}  // namespace kep::desk::test
