#include "training/PracticeCitizensDialog.h"

#include "help/HelpTopic.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kep::desk::ui {

PracticeCitizensDialog::PracticeCitizensDialog(
    const QList<kep::desk::training::PracticeCitizen>& citizens, QWidget* parent)
    : QDialog(parent)
    , note_(new QLabel(this))
    , table_(new QTableWidget(int(citizens.size()), 3, this))
    , buttons_(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , showAction_(new QAction(this)) {
    setObjectName(QStringLiteral("practiceCitizensDialog"));
    help::setTopic(this, QStringLiteral("practice-citizens"));
    note_->setWordWrap(true);
    table_->setObjectName(QStringLiteral("practiceCitizens"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setTabKeyNavigation(false);  // arrows move between cells; Tab leaves the list
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < citizens.size(); ++row) {
        const auto& citizen = citizens[row];
        table_->setItem(row, 0, new QTableWidgetItem(citizen.afm));
        table_->setItem(
            row, 1,
            new QTableWidgetItem(citizen.surnameEl + QStringLiteral(" ") + citizen.givenNameEl));
        table_->setItem(row, 2,
                        new QTableWidgetItem(citizen.surnameLatin + QStringLiteral(" ") +
                                             citizen.givenNameLatin));
    }
    table_->resizeColumnsToContents();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note_);
    layout->addWidget(table_);
    layout->addWidget(buttons_);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    showAction_->setObjectName(QStringLiteral("practiceCitizensAction"));
    connect(showAction_, &QAction::triggered, this, [this] {
        show();
        raise();
        activateWindow();
        table_->setFocus();
    });
    resize(640, 320);
    retranslateUi();
}

void PracticeCitizensDialog::retranslateUi() {
    setWindowTitle(tr("Practice citizens"));
    note_->setText(
        tr("Invented people for practice: file their applications in training as "
           "you would a citizen's at the counter. Their ΑΦΜ numbers are valid."));
    table_->setHorizontalHeaderLabels(
        {tr("ΑΦΜ"), tr("Name (Greek)"), tr("Name (Latin characters)")});
    table_->setAccessibleName(tr("Practice citizens"));
    showAction_->setText(tr("&Practice citizens…"));
}

void PracticeCitizensDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

}  // namespace kep::desk::ui
