#include "admin/OfficesDialog.h"

#include "admin/AdminMessages.h"
#include "admin/AdministrationClient.h"
#include "help/HelpTopic.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kep::desk::ui {

OfficesDialog::OfficesDialog(admin::AdministrationClient& client, QWidget* parent)
    : QDialog(parent)
    , client_(client)
    , table_(new QTableWidget(0, 3, this))
    , codeLabel_(new QLabel(this))
    , code_(new QLineEdit(this))
    , nameLabel_(new QLabel(this))
    , name_(new QLineEdit(this))
    , regionLabel_(new QLabel(this))
    , region_(new QLineEdit(this))
    , add_(new QPushButton(this))
    , close_(new QPushButton(this))
    , status_(new QLabel(this)) {
    setObjectName(QStringLiteral("officesDialog"));
    help::setTopic(this, QStringLiteral("offices"));
    table_->setObjectName(QStringLiteral("offices"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setTabKeyNavigation(false);  // Tab leaves the table, arrows move inside it
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    code_->setObjectName(QStringLiteral("officeCode"));
    code_->setMaxLength(16);
    name_->setObjectName(QStringLiteral("officeName"));
    name_->setMaxLength(200);
    region_->setObjectName(QStringLiteral("officeRegion"));
    region_->setMaxLength(100);
    codeLabel_->setBuddy(code_);
    nameLabel_->setBuddy(name_);
    regionLabel_->setBuddy(region_);
    add_->setObjectName(QStringLiteral("addOffice"));
    close_->setObjectName(QStringLiteral("close"));
    status_->setObjectName(QStringLiteral("status"));
    status_->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(codeLabel_, code_);
    form->addRow(nameLabel_, name_);
    form->addRow(regionLabel_, region_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add_);
    buttons->addStretch();
    buttons->addWidget(close_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_, 1);
    layout->addLayout(form);
    layout->addWidget(status_);
    layout->addLayout(buttons);

    connect(add_, &QPushButton::clicked, this, &OfficesDialog::addOffice);
    connect(close_, &QPushButton::clicked, this, &QDialog::accept);
    connect(&client_, &admin::AdministrationClient::officesListed, this,
            &OfficesDialog::showOffices);
    connect(&client_, &admin::AdministrationClient::officeAdded, this, [this] {
        setStatus(tr("Office %1 added.").arg(code_->text()), false);
        code_->clear();
        name_->clear();
        region_->clear();
        refresh();
    });
    connect(&client_, &admin::AdministrationClient::failed, this,
            [this](const admin::AdminFailure& f) {
                if (isVisible()) {
                    setStatus(AdminMessages::failure(f), true);
                }
            });
    resize(640, 480);
    retranslateUi();
}

void OfficesDialog::retranslateUi() {
    setWindowTitle(tr("Offices — KEP Desk"));
    table_->setHorizontalHeaderLabels({tr("Code"), tr("Name"), tr("Region")});
    table_->setAccessibleName(tr("Offices"));
    codeLabel_->setText(tr("&Code:"));
    code_->setAccessibleName(tr("New office code"));
    nameLabel_->setText(tr("&Name:"));
    name_->setAccessibleName(tr("New office name"));
    regionLabel_->setText(tr("&Region:"));
    region_->setAccessibleName(tr("New office region"));
    add_->setText(tr("&Add office"));
    add_->setAccessibleName(tr("Add office"));
    close_->setText(tr("C&lose"));
    close_->setAccessibleName(tr("Close"));
    status_->setAccessibleName(tr("Status"));
}

void OfficesDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void OfficesDialog::showEvent(QShowEvent* event) {
    QDialog::showEvent(event);
    refresh();
}

void OfficesDialog::refresh() {
    client_.listOffices();
}

void OfficesDialog::showOffices(const QList<admin::Office>& offices) {
    table_->setRowCount(static_cast<int>(offices.size()));
    for (int row = 0; row < offices.size(); ++row) {
        const admin::Office& o = offices[row];
        table_->setItem(row, 0, new QTableWidgetItem(o.code));
        table_->setItem(row, 1, new QTableWidgetItem(o.name));
        table_->setItem(row, 2, new QTableWidgetItem(o.region));
    }
    table_->resizeColumnsToContents();
}

void OfficesDialog::addOffice() {
    const admin::Office office{code_->text().trimmed(), name_->text().trimmed(),
                               region_->text().trimmed()};
    if (office.code.isEmpty() || office.name.isEmpty()) {
        setStatus(tr("Enter at least the office's code and name."), true);
        (office.code.isEmpty() ? code_ : name_)->setFocus();
        return;
    }
    setStatus(tr("Adding office %1…").arg(office.code), false);
    client_.addOffice(office);
}

void OfficesDialog::setStatus(const QString& text, bool error) {
    status_->setText(text);
    status_->setAccessibleDescription(text);
    status_->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
}

}  // namespace kep::desk::ui
