// How the desk writes dates, times, numbers and euro amounts: by the locale of the language the
// user chose (Greek 1.234,50 € and 27/11/2026, English €1,234.50 and 27/11/2026), in one place.
#pragma once

#include <QLocale>
#include <QString>

#include <cstdint>

class QDate;
class QDateTime;

namespace kep::desk::ui {

class LocaleFormat {
public:
    // "el" is Greek as written in Greece; anything else is English as written in the UK (the
    // day-month order and 24-hour clock that EU citizens at a Greek counter expect).
    static QLocale forLanguage(const QString& code);

    // The locale's own separators, two decimals, and the euro sign where the language puts it.
    static QString euros(double amount, const QLocale& locale = QLocale());
    static QString euroCents(std::int64_t cents, const QLocale& locale = QLocale());
    static QString number(qint64 value, const QLocale& locale = QLocale());
    static QString date(const QDate& day, const QLocale& locale = QLocale());
    // In the desk's local time zone.
    static QString dateTime(const QDateTime& at, const QLocale& locale = QLocale());
    // To the second: for sync and conflict times, where the order of events matters.
    static QString dateTimeToSecond(const QDateTime& at, const QLocale& locale = QLocale());
};

}  // namespace kep::desk::ui
