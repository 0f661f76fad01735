#include "feedback/FlagReviewWindow.h"

#include "help/HelpTopic.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kep::desk::ui {

namespace {

enum Column { Procedure, Kind, Office, Flagged, Text, ColumnCount };

}  // namespace

FlagReviewWindow::FlagReviewWindow(kep::desk::feedback::FlagReviewClient& client, QWidget* parent)
    : QDialog(parent)
    , client_(client)
    , table_(new QTableWidget(0, ColumnCount, this))
    , noteLabel_(new QLabel(this))
    , note_(new QLineEdit(this))
    , close_(new QPushButton(this))
    , refresh_(new QPushButton(this))
    , status_(new QLabel(this)) {
    help::setTopic(this, QStringLiteral("flag-review"));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setStretchLastSection(true);
    noteLabel_->setBuddy(note_);
    auto* closing = new QHBoxLayout;
    closing->addWidget(noteLabel_);
    closing->addWidget(note_, 1);
    closing->addWidget(close_);
    closing->addWidget(refresh_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_, 1);
    layout->addLayout(closing);
    layout->addWidget(status_);
    connect(close_, &QPushButton::clicked, this, &FlagReviewWindow::closeSelected);
    connect(refresh_, &QPushButton::clicked, this, &FlagReviewWindow::refresh);
    connect(&client_, &kep::desk::feedback::FlagReviewClient::listed, this,
            &FlagReviewWindow::listed);
    connect(&client_, &kep::desk::feedback::FlagReviewClient::closed, this, [this] {
        note_->clear();
        refresh();
    });
    connect(&client_, &kep::desk::feedback::FlagReviewClient::failed, this,
            [this](const kep::desk::admin::AdminFailure& failure) {
                status_->setText(tr("The server refused: %1").arg(failure.message));
            });
    resize(900, 480);
    retranslateUi();
}

void FlagReviewWindow::refresh() {
    status_->setText(tr("Loading the open flags…"));
    client_.listOpen();
}

void FlagReviewWindow::closeSelected() {
    const int row = table_->currentRow();
    if (row < 0 || row >= shown_.size()) {
        status_->setText(tr("Select a flag first."));
        return;
    }
    if (note_->text().trimmed().isEmpty()) {
        status_->setText(tr("Write a note on what was fixed."));
        note_->setFocus(Qt::OtherFocusReason);
        return;
    }
    client_.close(shown_.at(row).id, note_->text().trimmed());
}

void FlagReviewWindow::listed(const QList<kep::desk::feedback::ReviewedFlag>& flags) {
    shown_ = flags;
    table_->setRowCount(int(flags.size()));
    for (int row = 0; row < flags.size(); ++row) {
        const auto& flag = flags.at(row);
        const QStringList cells{flag.procedureId, kindText(flag.kind), flag.office, flag.flaggedAt,
                                flag.text};
        for (int column = 0; column < ColumnCount; ++column) {
            table_->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        }
    }
    status_->setText(tr("%n open flag(s)", nullptr, int(flags.size())));
}

QString FlagReviewWindow::kindText(const QString& kind) const {
    if (kind == QLatin1String("outdated_fee")) {
        return tr("Outdated fee");
    }
    if (kind == QLatin1String("missing_document")) {
        return tr("Missing document");
    }
    if (kind == QLatin1String("wrong_authority")) {
        return tr("Wrong authority");
    }
    return tr("Other");
}

void FlagReviewWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void FlagReviewWindow::retranslateUi() {
    setWindowTitle(tr("Clerks' flags on the catalogue"));
    table_->setHorizontalHeaderLabels(
        {tr("Procedure"), tr("Problem"), tr("Office"), tr("Flagged"), tr("Details")});
    table_->setAccessibleName(tr("Open flags"));
    noteLabel_->setText(tr("&Note:"));
    note_->setAccessibleName(tr("Closing note"));
    close_->setText(tr("&Close flag"));
    refresh_->setText(tr("&Refresh"));
}

}  // namespace kep::desk::ui
