#include "admin/CataloguePublishWindow.h"

#include "admin/AdminMessages.h"
#include "admin/AdministrationClient.h"
#include "catalogue/ProcedureHtml.h"
#include "help/HelpTopic.h"

#include <QCheckBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace kep::desk::ui {

namespace {

enum Column { IdColumn, TitleColumn, VersionColumn, ColumnCount };

constexpr int kMaxIdLength = 64;  // as the server accepts

}  // namespace

CataloguePublishWindow::CataloguePublishWindow(admin::AdministrationClient& client, QWidget* parent)
    : QDialog(parent)
    , client_(client)
    , draftsLabel_(new QLabel(this))
    , drafts_(new QTableWidget(0, ColumnCount, this))
    , differenceLabel_(new QLabel(this))
    , difference_(new QTextBrowser(this))
    , tickAll_(new QPushButton(this))
    , more_(new QPushButton(this))
    , reload_(new QPushButton(this))
    , publishSelected_(new QPushButton(this))
    , publishAll_(new QPushButton(this))
    , optionsBox_(new QGroupBox(this))
    , procedureIdLabel_(new QLabel(this))
    , procedureId_(new QLineEdit(this))
    , load_(new QPushButton(this))
    , requiresApproval_(new QCheckBox(this))
    , offeredAtKep_(new QCheckBox(this))
    , authorityLabel_(new QLabel(this))
    , authority_(new QLineEdit(this))
    , save_(new QPushButton(this))
    , status_(new QLabel(this))
    , close_(new QPushButton(this)) {
    setObjectName(QStringLiteral("cataloguePublishWindow"));
    help::setTopic(this, QStringLiteral("catalogue-publishing"));
    confirm_ = [this](const QString& question) {
        return QMessageBox::question(this, windowTitle(), question) == QMessageBox::Yes;
    };
    drafts_->setObjectName(QStringLiteral("drafts"));
    drafts_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    drafts_->setSelectionBehavior(QAbstractItemView::SelectRows);
    drafts_->setSelectionMode(QAbstractItemView::SingleSelection);
    drafts_->setTabKeyNavigation(false);  // Tab leaves the table; arrows move, Space ticks
    drafts_->horizontalHeader()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    drafts_->verticalHeader()->hide();
    draftsLabel_->setBuddy(drafts_);
    difference_->setObjectName(QStringLiteral("difference"));
    difference_->setOpenLinks(false);
    differenceLabel_->setBuddy(difference_);
    tickAll_->setObjectName(QStringLiteral("tickAll"));
    more_->setObjectName(QStringLiteral("moreDrafts"));
    reload_->setObjectName(QStringLiteral("reloadDrafts"));
    publishSelected_->setObjectName(QStringLiteral("publishSelected"));
    publishAll_->setObjectName(QStringLiteral("publishAll"));
    procedureId_->setObjectName(QStringLiteral("procedureId"));
    procedureId_->setMaxLength(kMaxIdLength);
    procedureIdLabel_->setBuddy(procedureId_);
    load_->setObjectName(QStringLiteral("loadOptions"));
    requiresApproval_->setObjectName(QStringLiteral("requiresApproval"));
    offeredAtKep_->setObjectName(QStringLiteral("offeredAtKep"));
    authority_->setObjectName(QStringLiteral("competentAuthority"));
    authority_->setMaxLength(kMaxIdLength);
    authorityLabel_->setBuddy(authority_);
    save_->setObjectName(QStringLiteral("saveOptions"));
    status_->setObjectName(QStringLiteral("status"));
    status_->setWordWrap(true);
    close_->setObjectName(QStringLiteral("close"));

    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(tickAll_);
    listButtons->addWidget(more_);
    listButtons->addWidget(reload_);
    listButtons->addStretch();
    auto* list = new QVBoxLayout;
    list->addWidget(draftsLabel_);
    list->addWidget(drafts_, 1);
    list->addLayout(listButtons);
    auto* changes = new QVBoxLayout;
    changes->addWidget(differenceLabel_);
    changes->addWidget(difference_, 1);
    auto* review = new QHBoxLayout;
    review->addLayout(list, 3);
    review->addLayout(changes, 2);

    auto* idRow = new QHBoxLayout;
    idRow->addWidget(procedureId_, 1);
    idRow->addWidget(load_);
    auto* form = new QFormLayout(optionsBox_);
    form->addRow(procedureIdLabel_, idRow);
    form->addRow(requiresApproval_);
    form->addRow(offeredAtKep_);
    form->addRow(authorityLabel_, authority_);
    form->addRow(save_);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(publishSelected_);
    buttons->addWidget(publishAll_);
    buttons->addStretch();
    buttons->addWidget(close_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(review, 1);
    layout->addWidget(optionsBox_);
    layout->addWidget(status_);
    layout->addLayout(buttons);

    connect(drafts_, &QTableWidget::currentCellChanged, this, [this](int row) { showDraft(row); });
    connect(tickAll_, &QPushButton::clicked, this, [this] {
        // Ticks all unless all are ticked: then the same button clears them.
        selectAll(tickedIds().size() < loaded_.size());
    });
    connect(more_, &QPushButton::clicked, this, [this] {
        setStatus({}, false);
        client_.listCatalogueDrafts(static_cast<int>(loaded_.size()), kPageSize);
    });
    connect(reload_, &QPushButton::clicked, this, &CataloguePublishWindow::refresh);
    connect(publishSelected_, &QPushButton::clicked, this,
            &CataloguePublishWindow::publishSelected);
    connect(publishAll_, &QPushButton::clicked, this, &CataloguePublishWindow::publishAll);
    connect(load_, &QPushButton::clicked, this, &CataloguePublishWindow::loadOptions);
    connect(procedureId_, &QLineEdit::returnPressed, this, &CataloguePublishWindow::loadOptions);
    connect(save_, &QPushButton::clicked, this, &CataloguePublishWindow::saveOptions);
    connect(close_, &QPushButton::clicked, this, &QDialog::accept);

    connect(&client_, &admin::AdministrationClient::catalogueDraftsListed, this,
            &CataloguePublishWindow::showPage);
    connect(&client_, &admin::AdministrationClient::cataloguePublished, this,
            [this](const admin::Publication& publication) {
                setStatus(tr("Published %n procedure(s); desks receive them within seconds "
                             "(catalogue sequence %1).",
                             "", publication.published)
                              .arg(publication.catalogueSeq),
                          false);
                client_.listCatalogueDrafts(0, kPageSize);
            });
    connect(&client_, &admin::AdministrationClient::procedureOptionsLoaded, this,
            &CataloguePublishWindow::showOptions);
    connect(&client_, &admin::AdministrationClient::procedureOptionsSaved, this,
            [this](const QString& id, const admin::ProcedureOptions& options) {
                showOptions(id, options);
                setStatus(options.offeredAtKep
                              ? tr("Options of procedure %1 saved.").arg(id)
                              : tr("Options of procedure %1 saved: it leaves every desk.").arg(id),
                          false);
            });
    connect(&client_, &admin::AdministrationClient::failed, this,
            &CataloguePublishWindow::showFailure);
    resize(960, 640);
    retranslateUi();
}

void CataloguePublishWindow::retranslateUi() {
    setWindowTitle(tr("Catalogue publishing — KEP Desk"));
    draftsLabel_->setText(tr("&Drafts not yet published:"));
    drafts_->setHorizontalHeaderLabels({tr("Procedure"), tr("Title"), tr("Version")});
    drafts_->setAccessibleName(tr("Drafts"));
    drafts_->setAccessibleDescription(
        tr("Tick a draft with Space to publish it; the selected draft's changes are shown "
           "beside the list."));
    differenceLabel_->setText(tr("&What the draft changes:"));
    difference_->setAccessibleName(tr("What the draft changes"));
    tickAll_->setText(tr("&Tick all"));
    tickAll_->setAccessibleName(tr("Tick or untick all drafts"));
    more_->setText(tr("Show &more"));
    more_->setAccessibleName(tr("Show more drafts"));
    reload_->setText(tr("&Refresh"));
    reload_->setAccessibleName(tr("Refresh the drafts"));
    publishSelected_->setText(tr("&Publish ticked…"));
    publishSelected_->setAccessibleName(tr("Publish the ticked drafts"));
    publishAll_->setText(tr("Publish &every draft…"));
    publishAll_->setAccessibleName(tr("Publish every draft"));
    optionsBox_->setTitle(tr("KEP options of a procedure"));
    procedureIdLabel_->setText(tr("Procedure &id:"));
    procedureId_->setAccessibleName(tr("Procedure id"));
    load_->setText(tr("L&oad"));
    load_->setAccessibleName(tr("Load the procedure's options"));
    requiresApproval_->setText(tr("Cases need the office manager's &approval"));
    requiresApproval_->setAccessibleName(tr("Cases need the office manager's approval"));
    offeredAtKep_->setText(tr("O&ffered at KEPs"));
    offeredAtKep_->setAccessibleName(tr("Offered at KEPs"));
    authorityLabel_->setText(tr("Competent a&uthority:"));
    authority_->setToolTip(tr("Leave empty for the register's owner."));
    authority_->setAccessibleName(tr("Competent authority id"));
    save_->setText(tr("&Save options"));
    save_->setAccessibleName(tr("Save the procedure's options"));
    status_->setAccessibleName(tr("Status"));
    close_->setText(tr("C&lose"));
    close_->setAccessibleName(tr("Close"));
    more_->setEnabled(loaded_.size() < total_);
    showDraft(drafts_->currentRow());
}

void CataloguePublishWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void CataloguePublishWindow::showEvent(QShowEvent* event) {
    QDialog::showEvent(event);
    refresh();
}

void CataloguePublishWindow::setLanguage(const QString& code) {
    language_ = code == QLatin1String("en") ? code : QStringLiteral("el");
    for (int row = 0; row < drafts_->rowCount() && row < loaded_.size(); ++row) {
        drafts_->item(row, TitleColumn)->setText(titleOf(loaded_[row]));
    }
    showDraft(drafts_->currentRow());
}

void CataloguePublishWindow::refresh() {
    setStatus({}, false);
    client_.listCatalogueDrafts(0, kPageSize);
}

QString CataloguePublishWindow::titleOf(const admin::CatalogueDraft& draft) const {
    return language_ == QLatin1String("en") && !draft.titleEn.isEmpty() ? draft.titleEn
                                                                        : draft.titleEl;
}

void CataloguePublishWindow::showPage(const admin::DraftPage& page) {
    if (page.offset == 0) {
        loaded_.clear();
        drafts_->setRowCount(0);
    } else if (page.offset != loaded_.size()) {
        return;  // an answer to a request made before the list was refreshed
    }
    total_ = page.total;
    for (const admin::CatalogueDraft& draft : page.drafts) {
        const int row = drafts_->rowCount();
        drafts_->insertRow(row);
        auto* id = new QTableWidgetItem(draft.id);
        id->setFlags(id->flags() | Qt::ItemIsUserCheckable);
        id->setCheckState(Qt::Unchecked);
        drafts_->setItem(row, IdColumn, id);
        drafts_->setItem(row, TitleColumn, new QTableWidgetItem(titleOf(draft)));
        const QString versions =
            draft.publishedVersion
                ? tr("%1 → %2").arg(*draft.publishedVersion).arg(draft.draftVersion)
                : tr("new");
        drafts_->setItem(row, VersionColumn, new QTableWidgetItem(versions));
        loaded_.append(draft);
    }
    drafts_->resizeColumnToContents(IdColumn);
    drafts_->resizeColumnToContents(VersionColumn);
    more_->setEnabled(loaded_.size() < total_);
    publishAll_->setEnabled(total_ > 0);
    publishSelected_->setEnabled(total_ > 0);
    if (drafts_->currentRow() < 0 && drafts_->rowCount() > 0) {
        drafts_->setCurrentCell(0, IdColumn);
    }
    showDraft(drafts_->currentRow());
    if (!status_->text().isEmpty()) {
        return;  // what was just published, or why it failed, stays in view
    }
    setStatus(total_ == 0 ? tr("There are no drafts: the catalogue is as published.")
                          : tr("%1 of %n draft(s) shown.", "", total_).arg(loaded_.size()),
              false);
}

void CataloguePublishWindow::showDraft(int row) {
    if (row < 0 || row >= loaded_.size()) {
        difference_->clear();
        return;
    }
    const admin::CatalogueDraft& draft = loaded_[row];
    const auto language = language_ == QLatin1String("en") ? kep::catalogue::Language::En
                                                           : kep::catalogue::Language::El;
    QString html = QStringLiteral("<h2>%1 %2</h2>")
                       .arg(draft.id.toHtmlEscaped(), titleOf(draft).toHtmlEscaped());
    if (draft.publishedVersion) {
        html += ProcedureHtml::changes(draft.difference, *draft.publishedVersion,
                                       draft.draftVersion, language);
    } else {
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("A new procedure: desks have no version of it yet."));
    }
    difference_->setHtml(html);
    showOptions(draft.id, draft.options);
}

void CataloguePublishWindow::showOptions(const QString& id,
                                         const admin::ProcedureOptions& options) {
    procedureId_->setText(id);
    requiresApproval_->setChecked(options.requiresApproval);
    offeredAtKep_->setChecked(options.offeredAtKep);
    authority_->setText(options.competentAuthorityId);
}

QStringList CataloguePublishWindow::tickedIds() const {
    QStringList ids;
    for (int row = 0; row < drafts_->rowCount(); ++row) {
        const QTableWidgetItem* item = drafts_->item(row, IdColumn);
        if (item != nullptr && item->checkState() == Qt::Checked) {
            ids.append(item->text());
        }
    }
    return ids;
}

void CataloguePublishWindow::selectAll(bool ticked) {
    for (int row = 0; row < drafts_->rowCount(); ++row) {
        drafts_->item(row, IdColumn)->setCheckState(ticked ? Qt::Checked : Qt::Unchecked);
    }
}

void CataloguePublishWindow::publishSelected() {
    const QStringList ids = tickedIds();
    if (ids.isEmpty()) {
        setStatus(tr("Tick the drafts to publish first (Space ticks the selected one)."), true);
        drafts_->setFocus();
        return;
    }
    if (!confirm_(tr("Publish %n procedure(s)? Every desk receives the new version within "
                     "seconds.",
                     "", static_cast<int>(ids.size())))) {
        return;
    }
    setStatus(tr("Publishing…"), false);
    client_.publishCatalogue(ids);
}

void CataloguePublishWindow::publishAll() {
    if (total_ == 0) {
        setStatus(tr("There are no drafts: the catalogue is as published."), false);
        return;
    }
    if (!confirm_(tr("Publish all %n draft(s), including those not shown? Every desk receives "
                     "them within seconds.",
                     "", total_))) {
        return;
    }
    setStatus(tr("Publishing…"), false);
    client_.publishCatalogue({});
}

void CataloguePublishWindow::loadOptions() {
    const QString id = procedureId_->text().trimmed();
    if (id.isEmpty()) {
        setStatus(tr("Enter the procedure's id."), true);
        procedureId_->setFocus();
        return;
    }
    client_.loadProcedureOptions(id);
}

void CataloguePublishWindow::saveOptions() {
    const QString id = procedureId_->text().trimmed();
    if (id.isEmpty()) {
        setStatus(tr("Enter the procedure's id."), true);
        procedureId_->setFocus();
        return;
    }
    const admin::ProcedureOptions options{requiresApproval_->isChecked(),
                                          authority_->text().trimmed(), offeredAtKep_->isChecked()};
    if (!options.offeredAtKep &&
        !confirm_(tr("Take procedure %1 off every KEP desk? Clerks can no longer find it or "
                     "file cases for it.")
                      .arg(id))) {
        return;
    }
    setStatus(tr("Saving the options of procedure %1…").arg(id), false);
    client_.saveProcedureOptions(id, options);
}

void CataloguePublishWindow::showFailure(const admin::AdminFailure& failure) {
    if (isVisible()) {
        setStatus(AdminMessages::failure(failure), true);
    }
}

void CataloguePublishWindow::setStatus(const QString& text, bool error) {
    status_->setText(text);
    status_->setProperty("error", error);
    status_->setAccessibleDescription(text);
    status_->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
}

}  // namespace kep::desk::ui
