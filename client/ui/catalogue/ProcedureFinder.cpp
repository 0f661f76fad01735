#include "catalogue/ProcedureFinder.h"

#include "catalogue/CatalogueIndex.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace kep::desk::ui {

namespace {
constexpr int kIdRole = Qt::UserRole;
}

ProcedureFinder::ProcedureFinder(QWidget* parent)
    : QWidget(parent)
    , search_(new QLineEdit(this))
    , results_(new QListWidget(this))
    , status_(new QLabel(this)) {
    search_->setObjectName(QStringLiteral("procedureSearch"));
    search_->setClearButtonEnabled(true);
    results_->setObjectName(QStringLiteral("procedureResults"));
    results_->setSelectionMode(QAbstractItemView::SingleSelection);
    results_->setUniformItemSizes(true);  // a long list lays out without measuring each line
    status_->setObjectName(QStringLiteral("procedureSearchStatus"));
    status_->setBuddy(search_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(search_);
    layout->addWidget(status_);
    layout->addWidget(results_, 1);
    setFocusProxy(search_);

    search_->installEventFilter(this);
    results_->installEventFilter(this);
    connect(search_, &QLineEdit::textChanged, this, &ProcedureFinder::runQuery);
    connect(results_, &QListWidget::itemActivated, this, &ProcedureFinder::chooseCurrent);
    retranslateUi();
}

void ProcedureFinder::setIndex(const kep::desk::catalogue::CatalogueIndex* index) {
    index_ = index;
    runQuery();
}

void ProcedureFinder::setLanguage(kep::catalogue::Language language) {
    language_ = language;
    runQuery();
}

void ProcedureFinder::focusSearch() {
    search_->setFocus(Qt::ShortcutFocusReason);
    search_->selectAll();
}

void ProcedureFinder::refresh() {
    runQuery();
}

QString ProcedureFinder::currentId() const {
    const QListWidgetItem* item = results_->currentItem();
    return item != nullptr ? item->data(kIdRole).toString() : QString();
}

void ProcedureFinder::runQuery() {
    const QString previous = currentId();
    results_->clear();
    const QString query = search_->text();
    if (index_ != nullptr && !query.trimmed().isEmpty()) {
        const auto matches = index_->search(query.toStdString(), language_, kMaxResults);
        for (const auto& match : matches) {
            QString text = QString::fromStdString(match.title->in(language_));
            if (match.offeredRemotely) {
                text += QStringLiteral("  ·  myKEPlive");
            }
            auto* item = new QListWidgetItem(text, results_);
            item->setData(kIdRole, QString::fromStdString(match.id));
            item->setToolTip(text);
        }
    }
    // The selection stays on the same procedure while the clerk refines the query.
    int row = results_->count() > 0 ? 0 : -1;
    for (int i = 0; i < results_->count() && !previous.isEmpty(); ++i) {
        if (results_->item(i)->data(kIdRole).toString() == previous) {
            row = i;
            break;
        }
    }
    results_->setCurrentRow(row);
    retranslateUi();
}

void ProcedureFinder::moveSelection(int step) {
    if (results_->count() == 0) {
        return;
    }
    const int row = std::clamp(results_->currentRow() + step, 0, results_->count() - 1);
    results_->setCurrentRow(row);
    results_->scrollToItem(results_->currentItem());
}

void ProcedureFinder::chooseCurrent() {
    const QString id = currentId();
    if (!id.isEmpty()) {
        emit procedureChosen(id);
    }
}

bool ProcedureFinder::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::KeyPress) {
        return QWidget::eventFilter(watched, event);
    }
    const auto* key = static_cast<QKeyEvent*>(event);
    if (watched == search_) {
        switch (key->key()) {
            case Qt::Key_Down:
                moveSelection(1);
                return true;
            case Qt::Key_Up:
                moveSelection(-1);
                return true;
            case Qt::Key_PageDown:
                moveSelection(10);
                return true;
            case Qt::Key_PageUp:
                moveSelection(-10);
                return true;
            case Qt::Key_Return:
            case Qt::Key_Enter:
                chooseCurrent();
                return true;
            default:
                break;
        }
    } else if (watched == results_ && key->key() == Qt::Key_Escape) {
        focusSearch();  // back to typing without reaching for the mouse
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void ProcedureFinder::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void ProcedureFinder::retranslateUi() {
    search_->setToolTip(tr("Find a procedure: Greek, English or Greeklish"));
    search_->setAccessibleName(tr("Search procedures"));
    search_->setAccessibleDescription(
        tr("Filters as you type. Down and Up choose a result, Enter opens it."));
    results_->setAccessibleName(tr("Procedures found"));
    QString status;
    if (index_ == nullptr || index_->size() == 0) {
        status = tr("The catalogue has not reached this desk yet.");
    } else if (search_->text().trimmed().isEmpty()) {
        status = tr("%n procedure(s) in the catalogue.", nullptr, int(index_->size()));
    } else if (results_->count() == 0) {
        status = tr("No procedure matches.");
    } else {
        status = tr("%n procedure(s) found.", nullptr, results_->count());
    }
    status_->setText(status);
    status_->setAccessibleName(status);
}

}  // namespace kep::desk::ui
