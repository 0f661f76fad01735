#include "admin/WorkstationsDialog.h"

#include "admin/AdminMessages.h"
#include "admin/AdministrationClient.h"
#include "help/HelpTopic.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kep::desk::ui {

WorkstationsDialog::WorkstationsDialog(admin::AdministrationClient& client, QString office,
                                       QWidget* parent)
    : QDialog(parent)
    , client_(client)
    , office_(std::move(office))
    , issue_(new QPushButton(this))
    , codeCaption_(new QLabel(this))
    , codeText_(new QLabel(this))
    , table_(new QTableWidget(0, 3, this))
    , revoke_(new QPushButton(this))
    , close_(new QPushButton(this))
    , status_(new QLabel(this)) {
    setObjectName(QStringLiteral("workstationsDialog"));
    help::setTopic(this, QStringLiteral("workstations"));
    issue_->setObjectName(QStringLiteral("issueCode"));
    codeCaption_->setObjectName(QStringLiteral("codeCaption"));
    codeCaption_->setWordWrap(true);
    codeText_->setObjectName(QStringLiteral("enrolmentCode"));
    codeText_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont codeFont = codeText_->font();
    codeFont.setFamily(QStringLiteral("monospace"));
    codeFont.setPointSizeF(codeFont.pointSizeF() * 2);
    codeFont.setBold(true);
    codeText_->setFont(codeFont);
    table_->setObjectName(QStringLiteral("devices"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setTabKeyNavigation(false);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    revoke_->setObjectName(QStringLiteral("revoke"));
    revoke_->setEnabled(false);
    close_->setObjectName(QStringLiteral("close"));
    status_->setObjectName(QStringLiteral("status"));
    status_->setWordWrap(true);
    confirm_ = [this](const QString& question) {
        return QMessageBox::question(this, windowTitle(), question) == QMessageBox::Yes;
    };

    auto* codeRow = new QHBoxLayout;
    codeRow->addWidget(issue_);
    codeRow->addWidget(codeText_, 1);
    auto* tableButtons = new QHBoxLayout;
    tableButtons->addWidget(revoke_);
    tableButtons->addStretch();
    tableButtons->addWidget(close_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(codeRow);
    layout->addWidget(codeCaption_);
    layout->addWidget(table_, 1);
    layout->addWidget(status_);
    layout->addLayout(tableButtons);

    connect(issue_, &QPushButton::clicked, this, [this] {
        setStatus(tr("Asking the server for a code…"), false);
        client_.issueEnrolmentCode(office_);
    });
    connect(table_, &QTableWidget::itemSelectionChanged, this, &WorkstationsDialog::updateRevoke);
    connect(revoke_, &QPushButton::clicked, this, &WorkstationsDialog::revokeSelected);
    connect(close_, &QPushButton::clicked, this, &QDialog::accept);
    connect(&client_, &admin::AdministrationClient::devicesListed, this,
            &WorkstationsDialog::showDevices);
    connect(&client_, &admin::AdministrationClient::enrolmentCodeIssued, this,
            &WorkstationsDialog::showCode);
    connect(&client_, &admin::AdministrationClient::deviceRevoked, this, [this] {
        setStatus(tr("The workstation is revoked: it can no longer reach the server."), false);
        refresh();
    });
    connect(&client_, &admin::AdministrationClient::failed, this,
            [this](const admin::AdminFailure& f) {
                if (isVisible()) {
                    setStatus(AdminMessages::failure(f), true);
                }
            });
    resize(720, 520);
    retranslateUi();
}

void WorkstationsDialog::setConfirmation(std::function<bool(const QString&)> confirm) {
    confirm_ = std::move(confirm);
}

void WorkstationsDialog::retranslateUi() {
    setWindowTitle(tr("Workstations of office %1 — KEP Desk").arg(office_));
    issue_->setText(tr("&Issue an enrolment code"));
    issue_->setAccessibleName(tr("Issue an enrolment code"));
    codeText_->setAccessibleName(tr("Enrolment code"));
    codeCaption_->setText(
        code_ ? tr("Enter this code on the new workstation. It works once, until %1.")
                    .arg(QLocale().toString(code_->expiresAt.toLocalTime(), QLocale::ShortFormat))
              : tr("A new counter PC of the office needs a one-time code to enrol."));
    table_->setHorizontalHeaderLabels({tr("Computer"), tr("Enrolled"), tr("State")});
    table_->setAccessibleName(tr("Workstations of the office"));
    revoke_->setText(tr("&Revoke"));
    revoke_->setAccessibleName(tr("Revoke the selected workstation"));
    close_->setText(tr("C&lose"));
    close_->setAccessibleName(tr("Close"));
    status_->setAccessibleName(tr("Status"));
    showDevices(devices_);
}

void WorkstationsDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void WorkstationsDialog::showEvent(QShowEvent* event) {
    QDialog::showEvent(event);
    refresh();
}

void WorkstationsDialog::refresh() {
    client_.listDevices(office_);
}

void WorkstationsDialog::showCode(const admin::IssuedEnrolmentCode& code) {
    code_ = code;
    codeText_->setText(code.code);
    setStatus(QString(), false);
    retranslateUi();
}

void WorkstationsDialog::showDevices(const QList<admin::Device>& devices) {
    if (&devices != &devices_) {
        devices_ = devices;
    }
    const QLocale locale;
    table_->setRowCount(static_cast<int>(devices_.size()));
    for (int row = 0; row < devices_.size(); ++row) {
        const admin::Device& d = devices_[row];
        table_->setItem(row, 0, new QTableWidgetItem(d.hostname));
        table_->setItem(row, 1,
                        new QTableWidgetItem(
                            locale.toString(d.enrolledAt.toLocalTime(), QLocale::ShortFormat)));
        table_->setItem(
            row, 2,
            new QTableWidgetItem(
                d.revokedAt.isValid()
                    ? tr("Revoked on %1")
                          .arg(locale.toString(d.revokedAt.toLocalTime(), QLocale::ShortFormat))
                    : tr("In service")));
    }
    table_->resizeColumnsToContents();
    updateRevoke();
}

void WorkstationsDialog::updateRevoke() {
    const int row = table_->currentRow();
    revoke_->setEnabled(table_->selectionModel()->hasSelection() && row >= 0 &&
                        row < devices_.size() && !devices_[row].revokedAt.isValid());
}

void WorkstationsDialog::revokeSelected() {
    const int row = table_->currentRow();
    if (row < 0 || row >= devices_.size()) {
        return;
    }
    const admin::Device& device = devices_[row];
    if (!confirm_(tr("Revoke the workstation %1? It will stop working within minutes and must "
                     "be enrolled again with a new code.")
                      .arg(device.hostname))) {
        return;
    }
    setStatus(tr("Revoking %1…").arg(device.hostname), false);
    client_.revokeDevice(device.id);
}

void WorkstationsDialog::setStatus(const QString& text, bool error) {
    status_->setText(text);
    status_->setAccessibleDescription(text);
    status_->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
}

}  // namespace kep::desk::ui
