#include "catalogue/ProcedureView.h"

#include "catalogue/ProcedureHtml.h"
#include "shared/catalogue/ProcedureDiff.h"

#include <QEvent>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace kep::desk::ui {

ProcedureView::ProcedureView(QWidget* parent)
    : QWidget(parent)
    , pages_(new QTabWidget(this))
    , details_(new QTextBrowser(this))
    , changes_(new QTextBrowser(this)) {
    pages_->setObjectName(QStringLiteral("procedurePages"));
    details_->setObjectName(QStringLiteral("procedureDetails"));
    changes_->setObjectName(QStringLiteral("procedureChanges"));
    for (QTextBrowser* browser : {details_, changes_}) {
        browser->setOpenExternalLinks(false);
        browser->setOpenLinks(
            false);  // the register's links are shown, not followed at the counter
        // Read with the keyboard: Tab reaches the text and the arrows scroll it.
        browser->setTextInteractionFlags(Qt::TextBrowserInteraction | Qt::TextSelectableByKeyboard);
    }
    pages_->addTab(details_, QString());
    pages_->addTab(changes_, QString());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(pages_);
    clear();
    retranslateUi();
}

void ProcedureView::showProcedure(kep::desk::catalogue::PublishedRecord current,
                                  std::optional<kep::desk::catalogue::PublishedRecord> previous,
                                  bool changedSinceViewed) {
    current_ = std::move(current);
    previous_ = std::move(previous);
    render();
    pages_->setCurrentWidget(changedSinceViewed && previous_ ? changes_ : details_);
}

void ProcedureView::clear() {
    current_.reset();
    previous_.reset();
    render();
}

void ProcedureView::setLanguage(kep::catalogue::Language language) {
    language_ = language;
    render();
}

void ProcedureView::showChanges() {
    if (previous_) {
        pages_->setCurrentWidget(changes_);
    }
}

QString ProcedureView::procedureId() const {
    return current_ ? QString::fromStdString(current_->id) : QString();
}

bool ProcedureView::showsChanges() const {
    return pages_->currentWidget() == changes_;
}

void ProcedureView::render() {
    if (!current_) {
        details_->setHtml(QStringLiteral("<p>%1</p>")
                              .arg(tr("Find a procedure and press Enter to see it here.")));
        changes_->clear();
        pages_->setTabEnabled(1, false);
        return;
    }
    details_->setHtml(ProcedureHtml::procedure(*current_, language_));
    if (previous_) {
        const auto diff = kep::catalogue::diffProcedures(previous_->procedure, current_->procedure);
        changes_->setHtml(
            ProcedureHtml::changes(diff, previous_->version, current_->version, language_));
    } else {
        changes_->clear();
    }
    pages_->setTabEnabled(1, previous_.has_value());
}

void ProcedureView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        render();
    }
    QWidget::changeEvent(event);
}

void ProcedureView::retranslateUi() {
    pages_->setTabText(0, tr("&Procedure"));
    pages_->setTabText(1, tr("What &changed"));
    pages_->setAccessibleName(tr("Procedure"));
    details_->setAccessibleName(tr("Procedure details"));
    changes_->setAccessibleName(tr("What changed since the previous version"));
}

}  // namespace kep::desk::ui
