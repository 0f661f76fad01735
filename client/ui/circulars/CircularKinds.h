// The kinds of circular in the user's language, as the unread list shows them and the
// composer offers them: one set of words for both.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace kep::desk::ui {

class CircularKinds {
    Q_DECLARE_TR_FUNCTIONS(kep::desk::ui::CircularKinds)
public:
    // The server's codes, in the order the composer offers them.
    static QStringList codes();
    // "Outage" for "outage"; an unknown code reads as an announcement.
    static QString name(const QString& code);
};

}  // namespace kep::desk::ui
