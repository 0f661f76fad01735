#include "circulars/CentralCorrespondence.h"

#include "MainWindow.h"
#include "ServerLink.h"
#include "catalogue/CataloguePage.h"
#include "circulars/CircularSendingEntry.h"
#include "circulars/CircularStore.h"
#include "circulars/CircularsEntry.h"
#include "circulars/DeskCorrespondence.h"
#include "db/Database.h"
#include "feedback/FlagReview.h"
#include "feedback/FlagReviewEntry.h"
#include "feedback/ProcedureFlagEntry.h"
#include "feedback/ProcedureFlags.h"

namespace kep::desk::ui {

CentralCorrespondence::CentralCorrespondence(ServerLink& link, kep::db::Database& db,
                                             MainWindow& window, QObject* parent)
    : QObject(parent)
    , link_(link)
    , db_(db)
    , circularStore_(std::make_unique<circulars::CircularStore>(db))
    , flagStore_(std::make_unique<feedback::ProcedureFlags>(db))
    , reviewClient_(std::make_unique<feedback::FlagReviewClient>(link))
    , circulars_(new CircularsEntry(*circularStore_, window.viewMenu(), &window))
    , flags_(new ProcedureFlagEntry(
          *flagStore_,
          [&window]() -> std::optional<std::pair<QString, QString>> {
              const QString id = window.cataloguePage()->selectedProcedureId();
              const auto record = window.cataloguePage()->procedure(id);
              if (id.isEmpty() || !record) {
                  return std::nullopt;
              }
              return std::pair{id, QString::fromStdString(record->procedure.title.el)};
          },
          window.fileMenu(), &window))
    , review_(new FlagReviewEntry(*reviewClient_, window.adminMenu(), &window))
    , sending_(new CircularSendingEntry(link, window.adminMenu(), &window)) {}

CentralCorrespondence::~CentralCorrespondence() = default;

void CentralCorrespondence::setSession(const std::optional<kep::desk::UserSession>& session) {
    if (session && !rounds_) {
        rounds_ = std::make_unique<circulars::DeskCorrespondence>(
            link_, QString::fromStdString(db_.path()));
        // What a user did here goes out at once; what arrived is offered at once.
        connect(circulars_, &CircularsEntry::receiptQueued, rounds_.get(),
                &circulars::DeskCorrespondence::roundNow);
        connect(flags_, &ProcedureFlagEntry::flagQueued, rounds_.get(),
                &circulars::DeskCorrespondence::roundNow);
        connect(rounds_.get(), &circulars::DeskCorrespondence::circularsArrived, circulars_,
                &CircularsEntry::circularsArrived);
        rounds_->start();
    }
    circulars_->setSession(session);
    flags_->setSession(session);
    review_->setSession(session);
    sending_->setSession(session);
}

void CentralCorrespondence::setLanguage(const QString& code) {
    circulars_->setLanguage(code);
    sending_->retranslate();
}

}  // namespace kep::desk::ui
