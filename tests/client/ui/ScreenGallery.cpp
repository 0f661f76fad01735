#include "ScreenGallery.h"

#include "../support/FakeAdminServer.h"
#include "Clock.h"
#include "ServerLink.h"
#include "admin/AdministrationClient.h"
#include "admin/CataloguePublishWindow.h"
#include "admin/OfficesDialog.h"
#include "admin/WorkstationsDialog.h"
#include "authority/AuthorityClient.h"
#include "authority/AuthorityInboxWindow.h"
#include "cases/CaseDetailsDialog.h"
#include "cases/CaseSearchPage.h"
#include "cases/CaseStore.h"
#include "cases/ScanDialog.h"
#include "cases/WorkQueuesPage.h"
#include "circulars/CircularComposer.h"
#include "circulars/CircularSending.h"
#include "circulars/CircularStore.h"
#include "circulars/CircularsWindow.h"
#include "circulars/UnreadCircularsDialog.h"
#include "dashboard/NationalDashboard.h"
#include "dashboard/OfficeDashboard.h"
#include "feedback/CaseDelivery.h"
#include "feedback/DeliveryDialog.h"
#include "feedback/FlagReview.h"
#include "feedback/FlagReviewWindow.h"
#include "feedback/ProcedureFlagDialog.h"
#include "feedback/ProcedureFlags.h"
#include "platform/Scanner.h"
#include "shared/sync/MemoryDeskStore.h"
#include "storage/DeskDatabase.h"
#include "sync/ConflictInbox.h"
#include "sync/ConflictStore.h"
#include "sync/SyncPanel.h"
#include "training/PracticeCitizensDialog.h"
#include "training/TrainingDataSet.h"

#include <QTemporaryDir>

namespace kep::desk::test {

namespace {

// One scanner on the counter that lists itself and scans nothing: the dialog is shown ready.
class GalleryScanner final : public Scanner {
public:
    QList<ScannerDevice> devices() override {
        return {{QStringLiteral("gallery:0"), QStringLiteral("KEP"), QStringLiteral("Counter")}};
    }
    ScanFailure open(const QString& deviceName) override {
        open_ = deviceName;
        return ScanFailure::None;
    }
    QString openDevice() const override { return open_; }
    void close() override { open_.clear(); }
    ScanOutcome scan(const ScanRequest&, const ScanCallbacks&, std::stop_token) override {
        return {ScanFailure::DeviceError, 0};
    }

private:
    QString open_;
};

// One unread circular, so that the dialog has a list and a text to show.
kep::sync::Change unreadCircular() {
    return {1,
            {"circular", "gallery-circular-1"},
            1,
            {{"kind", "announcement"},
             {"title_el", "Ωράριο εορτών"},
             {"title_en", "Opening hours over the holidays"},
             {"body_el", "Τα γραφεία κλείνουν στις 14:00 την παραμονή."},
             {"body_en", "The offices close at 14:00 on the eve."},
             {"sent_at", "2026-03-02T08:00:00Z"},
             {"sender", "national"}},
            false};
}

}  // namespace

struct ScreenGallery::Backing {
    FakeAdminServer fake;
    ServerLink link{fake.server.factory()};
    admin::AdministrationClient administration{link};
    authority::AuthorityClient authority{link};
    circulars::CircularSendingClient circularSending{link};
    feedback::FlagReviewClient flagReview{link};
    SystemClock clock;
    kep::sync::MemoryDeskStore outbox;
    QTemporaryDir dir;
    kep::db::Database db{storage::openDeskDatabase(dir.filePath(QStringLiteral("desk.db")))};
    sync::ConflictStore conflicts{db};
    circulars::CircularStore circularStore{db};
    cases::CaseStore caseStore{db, "0101", "gallery-desk"};
    feedback::CaseDelivery delivery{caseStore};
    feedback::ProcedureFlags flags{db};
};

ScreenGallery::ScreenGallery(const QString& language) : backing_(std::make_unique<Backing>()) {
    using namespace kep::desk::ui;
    Backing& b = *backing_;
    // The actions that open a screen live in the main window (SyncControls, DeskShell put them
    // there); on its own, the screen holds them itself.
    auto panel = std::make_unique<SyncPanel>(b.outbox);
    panel->addAction(panel->showAction());
    screens_.push_back(std::move(panel));
    auto inbox = std::make_unique<ConflictInbox>(b.conflicts);
    inbox->addAction(inbox->showAction());
    screens_.push_back(std::move(inbox));
    screens_.push_back(std::make_unique<OfficesDialog>(b.administration));
    screens_.push_back(
        std::make_unique<WorkstationsDialog>(b.administration, QStringLiteral("0101")));
    screens_.push_back(std::make_unique<CataloguePublishWindow>(b.administration));
    screens_.push_back(std::make_unique<CaseDetailsDialog>());
    auto queues = std::make_unique<WorkQueuesPage>(b.clock);
    queues->addActions(queues->queueActions());
    screens_.push_back(std::move(queues));
    auto search = std::make_unique<CaseSearchPage>(b.clock);
    search->addAction(search->findAction());
    screens_.push_back(std::move(search));
    screens_.push_back(std::make_unique<OfficeDashboard>(b.clock));
    screens_.push_back(std::make_unique<NationalDashboard>());

    // Issue 7: the competent authority's inbox.
    screens_.push_back(std::make_unique<AuthorityInboxWindow>(
        b.authority, b.dir.filePath(QStringLiteral("documents"))));
    // Issue 8: the senders' circulars window and its composer, a user's unread circulars, the
    // review of the clerks' flags, the hand-over with the rating and a clerk's flag.
    screens_.push_back(std::make_unique<CircularsWindow>(b.circularSending, b.administration));
    screens_.push_back(std::make_unique<CircularComposer>());
    const std::vector<kep::sync::Change> circulars{unreadCircular()};
    b.circularStore.applyPage(circulars, 1);
    auto unread = std::make_unique<UnreadCircularsDialog>(b.circularStore);
    unread->load(QStringLiteral("user-clerk-1"), language);
    screens_.push_back(std::move(unread));
    screens_.push_back(std::make_unique<FlagReviewWindow>(b.flagReview));
    auto delivery = std::make_unique<DeliveryDialog>(b.delivery);
    delivery->start(QStringLiteral("0190a6c2-0000-7000-8000-00000000000a"),
                    QStringLiteral("0101/2026/000017"),
                    {"user-clerk-1", kep::cases::ActorRole::Clerk});
    screens_.push_back(std::move(delivery));
    auto flag = std::make_unique<ProcedureFlagDialog>(b.flags);
    flag->start(QStringLiteral("900002"), QStringLiteral("Άδεια διαμονής"),
                QStringLiteral("user-clerk-1"));
    screens_.push_back(std::move(flag));
    // The counter's scanner dialog, over a scanner that lists itself.
    screens_.push_back(std::make_unique<ScanDialog>(
        b.dir.filePath(QStringLiteral("attachments")), QString(), nullptr,
        [] { return std::unique_ptr<Scanner>(std::make_unique<GalleryScanner>()); }));
    // Training mode's list of practice citizens, from the data set the desk ships.
    QString error;
    const auto training = kep::desk::training::TrainingDataSet::shipped(&error);
    if (!training) {
        qFatal("the shipped training data set does not load: %s", qPrintable(error));
    }
    screens_.push_back(std::make_unique<PracticeCitizensDialog>(training->citizens));
}

QString describe(const QWidget* widget) {
    return QStringLiteral("%1 (%2)").arg(
        widget->objectName().isEmpty() ? QStringLiteral("<no objectName>") : widget->objectName(),
        QString::fromLatin1(widget->metaObject()->className()));
}

ScreenGallery::~ScreenGallery() {
    screens_.clear();  // before what they talk to
}

}  // namespace kep::desk::test
