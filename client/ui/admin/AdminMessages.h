// Words for what the administration screens report: the server's refusals (forbidden, weak
// password, session ended, no network) in the user's language, and the names of the roles.
#pragma once

#include "admin/AdminReplies.h"

#include <QCoreApplication>
#include <QString>

namespace kep::desk::ui {

class AdminMessages {
    Q_DECLARE_TR_FUNCTIONS(kep::desk::ui::AdminMessages)
public:
    static QString failure(const kep::desk::admin::AdminFailure& failure);
};

}  // namespace kep::desk::ui
