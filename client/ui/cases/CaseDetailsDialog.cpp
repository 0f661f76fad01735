#include "cases/CaseDetailsDialog.h"

#include "admin/AdminMessages.h"
#include "authority/ResultDocumentClient.h"
#include "cases/CaseForwarder.h"
#include "cases/CounterStepsPanel.h"
#include "cases/WorkQueuesTable.h"
#include "help/HelpTopic.h"

#include <QAction>
#include <QDateTime>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QUrl>
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
    , reasonLabel_(new QLabel(this))
    , reason_(valueLabel(this, "caseStatusReason"))
    , channelLabel_(new QLabel(this))
    , channel_(valueLabel(this, "caseChannel"))
    , dueLabel_(new QLabel(this))
    , due_(valueLabel(this, "caseDue"))
    , filedLabel_(new QLabel(this))
    , filed_(valueLabel(this, "caseFiled"))
    , destinationLabel_(new QLabel(this))
    , destination_(valueLabel(this, "caseDestination"))
    , historyLabel_(new QLabel(this))
    , history_(new QTableWidget(0, 5, this))
    , printResultButton_(new QPushButton(this))
    , resultOutcome_(valueLabel(this, "caseResultOutcome"))
    , forwardButton_(new QPushButton(this))
    , forwardAction_(new QAction(this))
    , forwardOutcome_(valueLabel(this, "caseForwardOutcome")) {
    setObjectName(QStringLiteral("caseDetails"));
    help::setTopic(this, QStringLiteral("case-details"));
    printResultButton_->setObjectName(QStringLiteral("printResultButton"));
    connect(printResultButton_, &QPushButton::clicked, this, &CaseDetailsDialog::printResult);
    forwardButton_->setObjectName(QStringLiteral("forwardCaseButton"));
    forwardAction_->setObjectName(QStringLiteral("forwardCaseAction"));
    forwardAction_->setShortcuts(CaseForwarder::shortcuts());
    forwardAction_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    forwardAction_->setEnabled(false);
    addAction(forwardAction_);
    connect(forwardAction_, &QAction::triggered, this, &CaseDetailsDialog::forwardCase);
    connect(forwardButton_, &QPushButton::clicked, this, &CaseDetailsDialog::forwardCase);
    printResult_ = [](const QString& file) {
        return QDesktopServices::openUrl(QUrl::fromLocalFile(file));
    };
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
    facts->addRow(reasonLabel_, reason_);
    facts->addRow(channelLabel_, channel_);
    facts->addRow(dueLabel_, due_);
    facts->addRow(filedLabel_, filed_);
    facts->addRow(destinationLabel_, destination_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(forwardButton_, QDialogButtonBox::ActionRole);
    buttons->addButton(printResultButton_, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeButton"));
    // Hidden only now: the button box shows the buttons it is given. Its focus proxy is the
    // first of them, forward, mostly hidden; Tab stops dead at a proxy that cannot take focus,
    // so the proxy is Close, always there.
    forwardButton_->setVisible(false);
    printResultButton_->setVisible(false);
    buttons->setFocusProxy(close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(facts);
    layout->addWidget(historyLabel_);
    layout->addWidget(history_, 1);
    layout->addWidget(resultOutcome_);
    layout->addWidget(forwardOutcome_);
    counterSteps_ = new CounterStepsPanel(this);
    addActions(counterSteps_->actions());
    connect(counterSteps_, &CounterStepsPanel::stepTaken, this,
            &CaseDetailsDialog::counterStepTaken);
    layout->addWidget(counterSteps_);
    layout->addWidget(buttons);
    resize(720, 480);
    retranslateUi();
}

void CaseDetailsDialog::showCase(const kep::desk::cases::QueueCase& shown,
                                 const kep::desk::cases::CaseQueries& queries) {
    fill(shown, queries);
    resultOutcome_->clear();
    forwardOutcome_->clear();
    open();
    history_->setFocus(Qt::OtherFocusReason);
}

void CaseDetailsDialog::fill(const kep::desk::cases::QueueCase& shown,
                             const kep::desk::cases::CaseQueries& queries) {
    const auto& c = shown.summary;
    queries_ = &queries;
    shown_ = c;
    protocol_->setText(QString::fromStdString(c.protocolNumber));
    surname_->setText(QString::fromStdString(c.surname));
    procedure_->setText(QString::fromStdString(c.procedureTitle));
    status_->setText(WorkQueuesTable::statusName(c.status));
    reason_->setText(QString::fromStdString(shown.statusReason));
    reason_->setVisible(!shown.statusReason.empty());
    reasonLabel_->setVisible(!shown.statusReason.empty());
    channel_->setText(WorkQueuesTable::channelName(c.channel));
    caseId_ = QString::fromStdString(c.id);
    protocolNumber_ = QString::fromStdString(c.protocolNumber);
    hasResult_ = !c.resultSha256.empty();
    printResultButton_->setVisible(hasResult_ && results_ != nullptr);
    printResultButton_->setEnabled(true);
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
    updateForwarding();
    counterSteps_->showCase(c);
}

void CaseDetailsDialog::setForwarder(CaseForwarder* forwarder) {
    if (forwarder_ != nullptr) {
        disconnect(forwarder_, nullptr, this, nullptr);
    }
    forwarder_ = forwarder;
    if (forwarder_ != nullptr) {
        connect(forwarder_, &CaseForwarder::forwarded, this, &CaseDetailsDialog::caseForwarded);
    }
    updateForwarding();
}

void CaseDetailsDialog::updateForwarding() {
    const bool may = forwarder_ != nullptr && shown_ && forwarder_->mayForward(*shown_);
    // Where it goes is said before the clerk forwards it.
    destination_->setText(may ? forwarder_->destinationText(*shown_) : QString());
    destination_->setVisible(may);
    destinationLabel_->setVisible(may);
    forwardButton_->setVisible(may);
    forwardAction_->setEnabled(may);
}

void CaseDetailsDialog::forwardCase() {
    if (forwarder_ == nullptr || !shown_) {
        return;
    }
    const kep::desk::cases::CaseSummary c = *shown_;
    forwardOutcome_->setText(forwarder_->forward(c));
    forwardOutcome_->setAccessibleName(forwardOutcome_->text());
    history_->setFocus(Qt::OtherFocusReason);
}

void CaseDetailsDialog::caseForwarded(const QString& caseId) {
    if (caseId != caseId_ || queries_ == nullptr) {
        return;
    }
    if (const auto shown = queries_->caseById(caseId.toStdString(), forwarder_->now())) {
        fill(*shown, *queries_);
    }
}

void CaseDetailsDialog::counterStepTaken(const QString& caseId) {
    if (caseId != caseId_ || queries_ == nullptr) {
        return;
    }
    if (const auto shown = queries_->caseById(caseId.toStdString(), counterSteps_->now())) {
        fill(*shown, *queries_);
    }
}

void CaseDetailsDialog::setResultDocuments(authority::ResultDocumentClient* client,
                                           const QString& folder) {
    if (results_ != nullptr) {
        disconnect(results_, nullptr, this, nullptr);
    }
    results_ = client;
    resultFolder_ = folder;
    if (results_ != nullptr) {
        connect(results_, &authority::ResultDocumentClient::fetched, this,
                &CaseDetailsDialog::resultFetched);
        connect(results_, &authority::ResultDocumentClient::failed, this,
                &CaseDetailsDialog::resultFailed);
    }
    printResultButton_->setVisible(hasResult_ && results_ != nullptr);
}

void CaseDetailsDialog::printResult() {
    if (results_ == nullptr || !hasResult_) {
        return;
    }
    printResultButton_->setEnabled(false);  // one download at a time
    resultOutcome_->setText(tr("Fetching the authority's result from the server…"));
    results_->fetch(caseId_);
}

void CaseDetailsDialog::resultFetched(const QString& caseId, const QByteArray& pdf) {
    if (caseId != caseId_) {
        return;  // the answer for a case no longer shown
    }
    printResultButton_->setEnabled(true);
    QDir().mkpath(resultFolder_);
    // "0101/2026/42" → result-0101-2026-42.pdf, as receipts are named.
    const QString file =
        QDir(resultFolder_)
            .filePath(
                QStringLiteral("result-%1.pdf").arg(QString(protocolNumber_).replace(u'/', u'-')));
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(pdf) != pdf.size() || !out.commit()) {
        resultOutcome_->setText(tr("The result could not be saved on this desk."));
        return;
    }
    resultOutcome_->setText(printResult_(file)
                                ? tr("The result is saved as %1 and opened for printing.")
                                      .arg(QDir::toNativeSeparators(file))
                                : tr("The result is saved as %1; open it to print it.")
                                      .arg(QDir::toNativeSeparators(file)));
}

void CaseDetailsDialog::resultFailed(const QString& caseId, const admin::AdminFailure& failure) {
    if (caseId != caseId_) {
        return;
    }
    printResultButton_->setEnabled(true);
    resultOutcome_->setText(
        tr("The result could not be fetched: %1").arg(AdminMessages::failure(failure)));
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
    reasonLabel_->setText(tr("Reason"));
    channelLabel_->setText(tr("Channel"));
    printResultButton_->setText(tr("&Print result"));
    destinationLabel_->setText(tr("Goes to"));
    forwardButton_->setText(tr("Forwar&d to the competent authority"));
    forwardButton_->setAccessibleName(tr("Forward the case to the competent authority"));
    forwardButton_->setToolTip(tr("Ctrl+Shift+Enter"));
    forwardAction_->setText(tr("Forward the case to the competent authority"));
    printResultButton_->setAccessibleName(tr("Print the authority's result"));
    resultOutcome_->setAccessibleName(tr("Result"));
    dueLabel_->setText(tr("Due date"));
    filedLabel_->setText(tr("Filed"));
    historyLabel_->setText(tr("&History"));
    const QList<std::pair<QLabel*, QLabel*>> pairs{
        {protocol_, protocolLabel_}, {surname_, surnameLabel_}, {procedure_, procedureLabel_},
        {status_, statusLabel_},     {due_, dueLabel_},         {filed_, filedLabel_},
        {reason_, reasonLabel_},     {channel_, channelLabel_}, {destination_, destinationLabel_}};
    for (const auto& [value, label] : pairs) {
        value->setAccessibleName(label->text());
    }
    history_->setHorizontalHeaderLabels(
        {tr("When"), tr("From"), tr("To"), tr("Who"), tr("Reason")});
    history_->setAccessibleName(tr("History of the case"));
}

}  // namespace kep::desk::ui
