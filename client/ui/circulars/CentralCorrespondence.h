// The desk's correspondence with the central administration as the shell wires it (issue 8):
// circulars pulled in and shown at sign-in until read, clerks' flags on the procedure they are
// reading, the central administration's review of the flags, the senders' circulars window, and
// the worker rounds that carry receipts and flags to the server.
#pragma once

#include "UserSession.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace kep::db {
class Database;
}

namespace kep::desk {
class ServerLink;
namespace circulars {
class CircularStore;
class DeskCorrespondence;
}  // namespace circulars
namespace feedback {
class FlagReviewClient;
class ProcedureFlags;
}  // namespace feedback
}  // namespace kep::desk

namespace kep::desk::ui {

class CircularSendingEntry;
class CircularsEntry;
class FlagReviewEntry;
class MainWindow;
class ProcedureFlagEntry;

class CentralCorrespondence : public QObject {
    Q_OBJECT
public:
    // `db` is desk.db on the UI thread; the rounds open their own on the link's worker. The
    // rounds start at the first sign-in. Everything must outlive this object except `window`'s
    // menus, which own the actions.
    CentralCorrespondence(ServerLink& link, kep::db::Database& db, MainWindow& window,
                          QObject* parent = nullptr);
    ~CentralCorrespondence() override;

    // At sign-in (the unread circulars are offered) and sign-out (nullopt).
    void setSession(const std::optional<kep::desk::UserSession>& session);
    void setLanguage(const QString& code);

    CircularsEntry* circulars() const { return circulars_; }
    ProcedureFlagEntry* procedureFlags() const { return flags_; }
    FlagReviewEntry* flagReview() const { return review_; }
    CircularSendingEntry* circularSending() const { return sending_; }
    circulars::DeskCorrespondence* rounds() const { return rounds_.get(); }

private:
    ServerLink& link_;
    kep::db::Database& db_;
    std::unique_ptr<circulars::CircularStore> circularStore_;
    std::unique_ptr<feedback::ProcedureFlags> flagStore_;
    std::unique_ptr<feedback::FlagReviewClient> reviewClient_;
    std::unique_ptr<circulars::DeskCorrespondence> rounds_;  // made at the first sign-in
    CircularsEntry* circulars_;                              // owned by the window
    ProcedureFlagEntry* flags_;
    FlagReviewEntry* review_;
    CircularSendingEntry* sending_;
};

}  // namespace kep::desk::ui
