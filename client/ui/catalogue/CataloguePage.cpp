#include "catalogue/CataloguePage.h"

#include "catalogue/CatalogueIndex.h"
#include "catalogue/CatalogueStore.h"
#include "catalogue/ProcedureFinder.h"
#include "catalogue/ProcedureView.h"
#include "help/HelpTopic.h"

#include <QHBoxLayout>
#include <QSplitter>
#include <QTextBrowser>

namespace kep::desk::ui {

CataloguePage::CataloguePage(QWidget* parent)
    : QWidget(parent)
    , finder_(new ProcedureFinder(this))
    , view_(new ProcedureView(this)) {
    setObjectName(QStringLiteral("cataloguePage"));
    help::setTopic(this, QStringLiteral("catalogue"));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(finder_);
    splitter->addWidget(view_);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(splitter);
    setFocusProxy(finder_);
    connect(finder_, &ProcedureFinder::procedureChosen, this, [this](const QString& id) {
        if (openProcedure(id)) {
            view_->details()->setFocus(Qt::OtherFocusReason);
        }
    });
}

void CataloguePage::setCatalogue(kep::desk::catalogue::CatalogueStore* store,
                                 const kep::desk::catalogue::CatalogueIndex* index) {
    store_ = store;
    finder_->setIndex(index);
}

void CataloguePage::setLanguage(const QString& code) {
    const auto language =
        code == QLatin1String("en") ? kep::catalogue::Language::En : kep::catalogue::Language::El;
    finder_->setLanguage(language);
    view_->setLanguage(language);
}

void CataloguePage::focusSearch() {
    finder_->focusSearch();
}

bool CataloguePage::openProcedure(const QString& id) {
    if (store_ == nullptr) {
        return false;
    }
    try {
        const std::string key = id.toStdString();
        auto current = store_->current(key);
        if (!current) {
            return false;
        }
        auto previous = store_->previous(key);
        const auto viewed = store_->viewedVersion(key);
        // Changed since this desk last showed it, and the version it showed is the one kept.
        const bool changed = viewed && *viewed < current->version && previous;
        store_->markViewed(key, current->version);
        view_->showProcedure(std::move(*current), std::move(previous), changed);
        return true;
    } catch (const std::exception& e) {
        qWarning("kep-desk: cannot open procedure %s: %s", qPrintable(id), e.what());
        return false;
    }
}

QString CataloguePage::selectedProcedureId() const {
    const QString open = view_->procedureId();
    return open.isEmpty() ? finder_->currentId() : open;
}

std::optional<kep::desk::catalogue::PublishedRecord> CataloguePage::procedure(
    const QString& id) const {
    if (store_ == nullptr || id.isEmpty()) {
        return std::nullopt;
    }
    try {
        return store_->current(id.toStdString());
    } catch (const std::exception& e) {
        qWarning("kep-desk: cannot read procedure %s: %s", qPrintable(id), e.what());
        return std::nullopt;
    }
}

void CataloguePage::catalogueUpdated(const QStringList& ids) {
    finder_->refresh();
    const QString open = view_->procedureId();
    if (!open.isEmpty() && ids.contains(open)) {
        if (!openProcedure(open)) {
            view_->clear();  // removed from the catalogue
        }
    }
}

}  // namespace kep::desk::ui
