#include "circulars/CircularsWindow.h"

#include "admin/AdminMessages.h"
#include "admin/AdministrationClient.h"
#include "circulars/CircularComposer.h"
#include "circulars/CircularKinds.h"
#include "help/HelpTopic.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kep::desk::ui {

namespace {

using kep::desk::circulars::CircularAudience;

enum Column { Sent, Kind, Title, Audience, Read, ColumnCount };

QString whenText(const QDateTime& at) {
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : QString();
}

}  // namespace

CircularsWindow::CircularsWindow(kep::desk::circulars::CircularSendingClient& circulars,
                                 kep::desk::admin::AdministrationClient& administration,
                                 QWidget* parent)
    : QDialog(parent)
    , circulars_(circulars)
    , administration_(administration)
    , composer_(new CircularComposer(this))
    , sentLabel_(new QLabel(this))
    , sent_(new QTableWidget(0, ColumnCount, this))
    , receiptsLabel_(new QLabel(this))
    , receipts_(new QTreeWidget(this))
    , refresh_(new QPushButton(this))
    , status_(new QLabel(this)) {
    setObjectName(QStringLiteral("circularsWindow"));
    help::setTopic(this, QStringLiteral("circulars"));
    sent_->setObjectName(QStringLiteral("sentCirculars"));
    sent_->setSelectionBehavior(QAbstractItemView::SelectRows);
    sent_->setSelectionMode(QAbstractItemView::SingleSelection);
    sent_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    sent_->setTabKeyNavigation(false);
    sent_->horizontalHeader()->setSectionResizeMode(Title, QHeaderView::Stretch);
    sent_->verticalHeader()->hide();
    sentLabel_->setBuddy(sent_);
    receipts_->setObjectName(QStringLiteral("circularReceipts"));
    receipts_->setColumnCount(2);
    receipts_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    receiptsLabel_->setBuddy(receipts_);
    refresh_->setObjectName(QStringLiteral("refreshReceiptsButton"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    auto* refreshAction = new QAction(this);
    refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    addAction(refreshAction);
    connect(refreshAction, &QAction::triggered, this, &CircularsWindow::refreshReceipts);
    connect(refresh_, &QPushButton::clicked, this, &CircularsWindow::refreshReceipts);
    connect(sent_, &QTableWidget::currentCellChanged, this, [this](int row, int, int previous) {
        if (row != previous) {
            refreshReceipts();
        }
    });
    connect(composer_, &CircularComposer::sendRequested, this, &CircularsWindow::send);
    connect(&circulars_, &kep::desk::circulars::CircularSendingClient::sent, this,
            &CircularsWindow::circularSent);
    connect(&circulars_, &kep::desk::circulars::CircularSendingClient::receiptsFetched, this,
            &CircularsWindow::receiptsFetched);
    connect(&circulars_, &kep::desk::circulars::CircularSendingClient::failed, this,
            &CircularsWindow::failed);
    connect(&administration_, &kep::desk::admin::AdministrationClient::officesListed, composer_,
            &CircularComposer::setOffices);
    connect(&administration_, &kep::desk::admin::AdministrationClient::failed, this,
            &CircularsWindow::failed);

    auto* receiptsHeader = new QHBoxLayout;
    receiptsHeader->addWidget(receiptsLabel_, 1);
    receiptsHeader->addWidget(refresh_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(composer_);
    layout->addWidget(sentLabel_);
    layout->addWidget(sent_, 1);
    layout->addLayout(receiptsHeader);
    layout->addWidget(receipts_, 1);
    layout->addWidget(status_);
    resize(900, 760);
    retranslateUi();
}

void CircularsWindow::setNationalAudience(bool allowed) {
    composer_->setNationalAudience(allowed);
}

void CircularsWindow::loadOffices() {
    administration_.listOffices();
}

void CircularsWindow::send(const kep::desk::circulars::OutgoingCircular& circular) {
    composer_->setSending(true);
    status_->setText(tr("Sending the circular…"));
    circulars_.send(circular);
}

void CircularsWindow::circularSent(const kep::desk::circulars::SentCircular& circular) {
    composer_->setSending(false);
    composer_->clearText();
    shown_.prepend(circular);
    sent_->insertRow(0);
    sent_->setItem(0, Sent, new QTableWidgetItem(whenText(circular.sentAt)));
    sent_->setItem(0, Kind, new QTableWidgetItem(CircularKinds::name(circular.kind)));
    sent_->setItem(0, Title, new QTableWidgetItem(circular.titleEl));
    sent_->setItem(0, Audience, new QTableWidgetItem(audienceText(circular.audience)));
    sent_->setItem(0, Read, new QTableWidgetItem(QString()));
    status_->setText(
        tr("The circular is sent. The offices' desks receive it with their next "
           "sync and show it at sign-in until it is read."));
    sent_->setCurrentCell(0, Title);  // and its receipts are asked for
}

void CircularsWindow::refreshReceipts() {
    const int row = sent_->currentRow();
    if (row < 0 || row >= shown_.size()) {
        receipts_->clear();
        return;
    }
    circulars_.fetchReceipts(shown_.at(row).id);
}

int CircularsWindow::rowOf(const QString& circularId) const {
    for (int row = 0; row < shown_.size(); ++row) {
        if (shown_.at(row).id == circularId) {
            return row;
        }
    }
    return -1;
}

void CircularsWindow::receiptsFetched(const kep::desk::circulars::CircularReceipts& receipts) {
    const int row = rowOf(receipts.circular.id);
    if (row < 0) {
        return;
    }
    sent_->item(row, Read)->setText(tr("%1 of %2").arg(receipts.read).arg(receipts.users));
    if (row != sent_->currentRow()) {
        return;  // an answer for a circular no longer selected
    }
    receipts_->clear();
    for (const auto& office : receipts.offices) {
        auto* item = new QTreeWidgetItem(receipts_);
        item->setText(0, QStringLiteral("%1 %2 (%3)").arg(office.code, office.name, office.region));
        item->setText(1, tr("%1 of %2 read")
                             .arg(office.read.size())
                             .arg(office.read.size() + office.notYet.size()));
        for (const auto& reader : office.read) {
            auto* person = new QTreeWidgetItem(item);
            person->setText(0, reader.displayName);
            person->setText(1, tr("read %1").arg(whenText(reader.readAt)));
        }
        for (const auto& reader : office.notYet) {
            auto* person = new QTreeWidgetItem(item);
            person->setText(0, reader.displayName);
            person->setText(1, tr("not yet"));
        }
    }
    receipts_->expandAll();
    status_->setText(tr("%1 of the %2 staff of the offices have read «%3».")
                         .arg(receipts.read)
                         .arg(receipts.users)
                         .arg(receipts.circular.titleEl));
}

void CircularsWindow::failed(const kep::desk::admin::AdminFailure& failure) {
    composer_->setSending(false);
    status_->setText(tr("The server refused: %1").arg(AdminMessages::failure(failure)));
}

QString CircularsWindow::audienceText(const CircularAudience& audience) const {
    switch (audience.kind) {
        case CircularAudience::Kind::All:
            break;
        case CircularAudience::Kind::Region:
            return tr("Region: %1").arg(audience.region);
        case CircularAudience::Kind::Offices:
            return tr("Offices: %1").arg(audience.offices.join(QStringLiteral(", ")));
    }
    return tr("Every office");
}

void CircularsWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void CircularsWindow::retranslateUi() {
    setWindowTitle(tr("Circulars to the offices"));
    sentLabel_->setText(tr("Sent circu&lars:"));
    sent_->setHorizontalHeaderLabels({tr("Sent"), tr("Kind"), tr("Title"), tr("To"), tr("Read")});
    sent_->setAccessibleName(tr("Circulars sent from this window"));
    receiptsLabel_->setText(tr("Read recei&pts, office by office:"));
    receipts_->setHeaderLabels({tr("Office and staff"), tr("Read")});
    receipts_->setAccessibleName(tr("Read receipts of the selected circular"));
    refresh_->setText(tr("Re&fresh receipts"));
    refresh_->setToolTip(tr("F5"));
    refresh_->setAccessibleName(tr("Ask the server again who has read the circular"));
    status_->setAccessibleName(tr("Status"));
    for (int row = 0; row < shown_.size(); ++row) {
        sent_->item(row, Kind)->setText(CircularKinds::name(shown_.at(row).kind));
        sent_->item(row, Audience)->setText(audienceText(shown_.at(row).audience));
    }
}

}  // namespace kep::desk::ui
