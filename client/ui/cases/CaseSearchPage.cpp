#include "cases/CaseSearchPage.h"

#include "Clock.h"
#include "cases/CaseQueries.h"
#include "cases/ChannelFilter.h"
#include "cases/WorkQueuesTable.h"
#include "help/HelpTopic.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace kep::desk::ui {

CaseSearchPage::CaseSearchPage(const kep::desk::Clock& clock, QWidget* parent)
    : QWidget(parent)
    , clock_(clock)
    , search_(new QLineEdit(this))
    , channelLabel_(new QLabel(this))
    , channel_(new ChannelFilter(this))
    , status_(new QLabel(this))
    , results_(new WorkQueuesTable(this))
    , findAction_(new QAction(this)) {
    setObjectName(QStringLiteral("caseSearchPage"));
    help::setTopic(this, QStringLiteral("case-search"));
    search_->setObjectName(QStringLiteral("caseSearch"));
    search_->setClearButtonEnabled(true);
    status_->setObjectName(QStringLiteral("caseSearchStatus"));
    status_->setBuddy(search_);
    results_->setObjectName(QStringLiteral("caseSearchResults"));

    // Ctrl+F already finds a procedure; a case is Ctrl+Shift+F, or F4 beside the old F3.
    findAction_->setObjectName(QStringLiteral("findCaseAction"));
    findAction_->setShortcuts(
        {QKeySequence(QStringLiteral("Ctrl+Shift+F")), QKeySequence(Qt::Key_F4)});
    findAction_->setShortcutContext(Qt::WindowShortcut);
    connect(findAction_, &QAction::triggered, this, [this] {
        emit searchRequested();
        focusSearch();
    });

    channelLabel_->setBuddy(channel_);
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(search_, 1);
    searchRow->addWidget(channelLabel_);
    searchRow->addWidget(channel_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(searchRow);
    layout->addWidget(status_);
    layout->addWidget(results_, 1);
    setFocusProxy(search_);

    search_->installEventFilter(this);
    connect(search_, &QLineEdit::textChanged, this, &CaseSearchPage::runQuery);
    connect(channel_, &ChannelFilter::channelChosen, this, &CaseSearchPage::runQuery);
    connect(results_, &WorkQueuesTable::caseOpened, this, &CaseSearchPage::caseOpened);
    retranslateUi();
}

void CaseSearchPage::setQueries(const kep::desk::cases::CaseQueries* queries) {
    queries_ = queries;
    runQuery();
}

void CaseSearchPage::focusSearch() {
    search_->setFocus(Qt::ShortcutFocusReason);
    search_->selectAll();
}

void CaseSearchPage::clear() {
    search_->clear();
    results_->showCases({}, {});
    retranslateUi();
}

void CaseSearchPage::runQuery() {
    const std::string typed = search_->text().trimmed().toStdString();
    if (queries_ == nullptr || typed.empty()) {
        results_->showCases({}, {});
    } else {
        const auto now =
            kep::cases::Instant{std::chrono::milliseconds{clock_.now().toMSecsSinceEpoch()}};
        const auto* queries = queries_;
        results_->showCases(queries_->search(typed, now, kMaxResults, channel_->channel()),
                            [queries](const std::string& userId) {
                                return QString::fromStdString(queries->staffName(userId));
                            });
        emit searched(QString::fromStdString(typed));
    }
    retranslateUi();
}

bool CaseSearchPage::eventFilter(QObject* watched, QEvent* event) {
    if (watched != search_ || event->type() != QEvent::KeyPress) {
        return QWidget::eventFilter(watched, event);
    }
    // The hands stay on the field: the arrows choose in the results, Enter opens the chosen.
    const int rows = results_->rowCount();
    const int row = results_->currentRow();
    switch (static_cast<QKeyEvent*>(event)->key()) {
        case Qt::Key_Down:
            if (rows > 0) {
                results_->selectRow(std::min(row + 1, rows - 1));
            }
            return true;
        case Qt::Key_Up:
            if (rows > 0) {
                results_->selectRow(std::max(row - 1, 0));
            }
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (!results_->selectedCaseId().isEmpty()) {
                emit caseOpened(results_->selectedCaseId());
            }
            return true;
        default:
            return QWidget::eventFilter(watched, event);
    }
}

void CaseSearchPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void CaseSearchPage::retranslateUi() {
    setWindowTitle(tr("Find a &case"));
    findAction_->setText(tr("Find a &case…"));
    search_->setAccessibleName(tr("Search cases"));
    search_->setAccessibleDescription(
        tr("Protocol number, ΑΦΜ, ΑΜΚΑ, surname or procedure. Down and Up choose a case, "
           "Enter opens it."));
    results_->setAccessibleName(tr("Cases found"));
    channelLabel_->setText(tr("Cha&nnel:"));
    QString text;
    if (search_->text().trimmed().isEmpty()) {
        text = tr("Type to search this desk's cases.");
    } else if (results_->rowCount() == 0) {
        text = tr("No case matches.");
    } else {
        text = tr("%n case(s) found.", nullptr, results_->rowCount());
    }
    status_->setText(text);
    status_->setAccessibleName(text);
}

}  // namespace kep::desk::ui
