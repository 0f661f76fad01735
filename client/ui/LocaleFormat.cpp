#include "LocaleFormat.h"

#include <QDate>
#include <QDateTime>

namespace kep::desk::ui {

QLocale LocaleFormat::forLanguage(const QString& code) {
    return code == QLatin1String("el") ? QLocale(QLocale::Greek, QLocale::Greece)
                                       : QLocale(QLocale::English, QLocale::UnitedKingdom);
}

QString LocaleFormat::euros(double amount, const QLocale& locale) {
    const QString figure = locale.toString(amount, 'f', 2);
    // Greek writes the sign after the amount, English before it (CLDR's patterns, with a plain
    // space so that receipts and tests compare as typed).
    return locale.language() == QLocale::Greek ? figure + QStringLiteral(" €")
                                               : QStringLiteral("€") + figure;
}

QString LocaleFormat::euroCents(std::int64_t cents, const QLocale& locale) {
    return euros(double(cents) / 100.0, locale);
}

QString LocaleFormat::number(qint64 value, const QLocale& locale) {
    return locale.toString(value);
}

QString LocaleFormat::date(const QDate& day, const QLocale& locale) {
    return locale.toString(day, QLocale::ShortFormat);
}

QString LocaleFormat::dateTime(const QDateTime& at, const QLocale& locale) {
    return locale.toString(at.toLocalTime(), QLocale::ShortFormat);
}

QString LocaleFormat::dateTimeToSecond(const QDateTime& at, const QLocale& locale) {
    const QDateTime local = at.toLocalTime();
    return locale.toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
           locale.toString(local.time(), QStringLiteral("HH:mm:ss"));
}

}  // namespace kep::desk::ui
