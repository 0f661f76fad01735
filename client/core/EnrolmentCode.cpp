#include "EnrolmentCode.h"

namespace kep::desk {

std::optional<QString> EnrolmentCode::normalise(const QString& typed) {
    QString plain;
    for (const QChar ch : typed) {
        if (ch == u'-' || ch == u' ') {
            continue;  // people group the code as they read it
        }
        const char16_t c = ch.toUpper().unicode();
        // ASCII only: a Greek Α looks like a Latin A but is not in any code.
        if (!((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9'))) {
            return std::nullopt;
        }
        plain.append(QChar(c));
    }
    if (plain.size() != kLength) {
        return std::nullopt;
    }
    QString grouped;
    for (int i = 0; i < kLength; i += kGroup) {
        if (i > 0) {
            grouped.append(u'-');
        }
        grouped.append(plain.mid(i, kGroup));
    }
    return grouped;
}

}  // namespace kep::desk
