#include "cases/CaseDetailsDialog.h"

#include "cases/WorkQueuesTable.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kep::desk::ui {

namespace {

QString whenText(kep::cases::Instant at) {
    const auto local = QDateTime::fromMSecsSinceEpoch(at.time_since_epoch().count()).toLocalTime();
    return QLocale().toString(local, QLocale::ShortFormat);
}

QLabel* valueLabel(QWidget* parent, const char* name) {
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    // Focusable, so that a screen reader and the keyboard reach each value.
    label->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    return label;
}

}  // namespace

CaseDetailsDialog::CaseDetailsDialog(QWidget* parent)
    : QDialog(parent)
    , protocolLabel_(new QLabel(this))
    , protocol_(valueLabel(this, "caseProtocolNumber"))
    , surnameLabel_(new QLabel(this))
    , surname_(valueLabel(this, "caseSurname"))
    , procedureLabel_(new QLabel(this))
    , procedure_(valueLabel(this, "caseProcedure"))
    , statusLabel_(new QLabel(this))
    , status_(valueLabel(this, "caseStatus"))
    , dueLabel_(new QLabel(this))
    , due_(valueLabel(this, "caseDue"))
    , filedLabel_(new QLabel(this))
    , filed_(valueLabel(this, "caseFiled"))
    , historyLabel_(new QLabel(this))
    , history_(new QTableWidget(0, 5, this)) {
    setObjectName(QStringLiteral("caseDetails"));
    history_->setObjectName(QStringLiteral("caseHistory"));
    history_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    history_->setSelectionBehavior(QAbstractItemView::SelectRows);
    history_->setTabKeyNavigation(false);
    history_->horizontalHeader()->setStretchLastSection(true);
    history_->verticalHeader()->hide();
    historyLabel_->setBuddy(history_);

    auto* facts = new QFormLayout;
    facts->addRow(protocolLabel_, protocol_);
    facts->addRow(surnameLabel_, surname_);
    facts->addRow(procedureLabel_, procedure_);
    facts->addRow(statusLabel_, status_);
    facts->addRow(dueLabel_, due_);
    facts->addRow(filedLabel_, filed_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(facts);
    layout->addWidget(historyLabel_);
    layout->addWidget(history_, 1);
    layout->addWidget(buttons);
    resize(720, 480);
    retranslateUi();
}

void CaseDetailsDialog::showCase(const kep::desk::cases::QueueCase& shown,
                                 const kep::desk::cases::CaseQueries& queries) {
    const auto& c = shown.summary;
    protocol_->setText(QString::fromStdString(c.protocolNumber));
    surname_->setText(QString::fromStdString(c.surname));
    procedure_->setText(QString::fromStdString(c.procedureTitle));
    status_->setText(WorkQueuesTable::statusName(c.status));
    due_->setText(WorkQueuesTable::dueText(shown));
    filed_->setText(
        tr("%1, by %2")
            .arg(whenText(c.filedAt), QString::fromStdString(queries.staffName(c.filedBy))));
    const auto steps = queries.history(c.id);
    history_->setRowCount(int(steps.size()));
    for (int row = 0; row < int(steps.size()); ++row) {
        const auto& step = steps[std::size_t(row)];
        history_->setItem(row, 0, new QTableWidgetItem(whenText(step.at)));
        history_->setItem(row, 1, new QTableWidgetItem(WorkQueuesTable::statusName(step.from)));
        history_->setItem(row, 2, new QTableWidgetItem(WorkQueuesTable::statusName(step.to)));
        history_->setItem(
            row, 3, new QTableWidgetItem(QString::fromStdString(queries.staffName(step.actorId))));
        history_->setItem(row, 4, new QTableWidgetItem(QString::fromStdString(step.reason)));
    }
    setWindowTitle(tr("Case %1").arg(protocol_->text()));
    open();
    history_->setFocus(Qt::OtherFocusReason);
}

void CaseDetailsDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void CaseDetailsDialog::retranslateUi() {
    protocolLabel_->setText(tr("Protocol number"));
    surnameLabel_->setText(tr("Citizen"));
    procedureLabel_->setText(tr("Procedure"));
    statusLabel_->setText(tr("Status"));
    dueLabel_->setText(tr("Due date"));
    filedLabel_->setText(tr("Filed"));
    historyLabel_->setText(tr("&History"));
    const QList<std::pair<QLabel*, QLabel*>> pairs{
        {protocol_, protocolLabel_}, {surname_, surnameLabel_}, {procedure_, procedureLabel_},
        {status_, statusLabel_},     {due_, dueLabel_},         {filed_, filedLabel_}};
    for (const auto& [value, label] : pairs) {
        value->setAccessibleName(label->text());
    }
    history_->setHorizontalHeaderLabels(
        {tr("When"), tr("From"), tr("To"), tr("Who"), tr("Reason")});
    history_->setAccessibleName(tr("History of the case"));
}

}  // namespace kep::desk::ui
