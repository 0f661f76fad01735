// The one-time enrolment code a manager or IT reads out to whoever sets up a counter PC:
// twelve letters or digits, shown as ABCD-EFGH-JKLM; typed in any case, with or without dashes.
#pragma once

#include <QString>

#include <optional>

namespace kep::desk {

class EnrolmentCode {
public:
    static constexpr int kLength = 12;
    static constexpr int kGroup = 4;

    // "abcd efgh-jklm" → "ABCD-EFGH-JKLM"; nullopt for a wrong length or another character.
    static std::optional<QString> normalise(const QString& typed);
};

}  // namespace kep::desk
