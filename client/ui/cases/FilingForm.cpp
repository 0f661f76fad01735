#include "cases/FilingForm.h"

#include "Clock.h"
#include "cases/CaseStore.h"
#include "cases/CitizenPanel.h"
#include "cases/EvidencePanel.h"
#include "cases/ProcedureFiling.h"

#include <QAction>
#include <QComboBox>
#include <QDate>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace kep::desk::ui {

namespace {

using kep::cases::EvidenceState;
using kep::catalogue::Language;

kep::cases::Instant instantOf(const QDateTime& at) {
    return kep::cases::Instant{std::chrono::milliseconds{at.toMSecsSinceEpoch()}};
}

QDate qDateOf(std::chrono::year_month_day d) {
    return QDate(int(d.year()), int(unsigned(d.month())), int(unsigned(d.day())));
}

QString euro(std::int64_t cents, ReceiptLanguage language) {
    const QLocale locale(language == ReceiptLanguage::Greek ? QLocale::Greek : QLocale::English);
    const QString amount = locale.toString(double(cents) / 100.0, 'f', 2);
    return language == ReceiptLanguage::Greek ? amount + QStringLiteral(" €")
                                              : QStringLiteral("€") + amount;
}

QString inLanguage(const kep::catalogue::LocalizedText& text, ReceiptLanguage language) {
    const auto wanted = language == ReceiptLanguage::Greek ? Language::El : Language::En;
    const std::string& shown = text.in(wanted);
    return QString::fromStdString(shown.empty() ? text.in(Language::El) : shown);
}

}  // namespace

FilingForm::FilingForm(kep::desk::cases::CaseStore& store, const kep::desk::Clock& clock,
                       QWidget* parent)
    : QWidget(parent)
    , store_(store)
    , clock_(clock)
    , title_(new QLabel(this))
    , citizen_(new CitizenPanel(this))
    , evidence_(new EvidencePanel(this))
    , feeLabel_(new QLabel(this))
    , fee_(new QLabel(this))
    , dueDateLabel_(new QLabel(this))
    , dueDate_(new QLabel(this))
    , notesLabel_(new QLabel(this))
    , notes_(new QPlainTextEdit(this))
    , fileButton_(new QPushButton(this))
    , printButton_(new QPushButton(this))
    , outcome_(new QLabel(this))
    , fileAction_(new QAction(this)) {
    setObjectName(QStringLiteral("filingForm"));
    title_->setObjectName(QStringLiteral("filingProcedureTitle"));
    title_->setWordWrap(true);
    notes_->setObjectName(QStringLiteral("caseNotes"));
    notes_->setTabChangesFocus(true);  // Tab moves on; the clerk never needs a tab in a note
    notes_->setMaximumHeight(80);
    notesLabel_->setBuddy(notes_);
    fee_->setObjectName(QStringLiteral("caseFee"));
    dueDate_->setObjectName(QStringLiteral("caseDueDate"));
    fileButton_->setObjectName(QStringLiteral("fileCaseButton"));
    printButton_->setObjectName(QStringLiteral("printReceiptButton"));
    printButton_->setEnabled(false);
    outcome_->setObjectName(QStringLiteral("filingOutcome"));
    outcome_->setWordWrap(true);
    outcome_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Ctrl+Enter from any field of the form, on the main keyboard or the keypad.
    fileAction_->setObjectName(QStringLiteral("fileCaseAction"));
    fileAction_->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    fileAction_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(fileAction_);

    auto* facts = new QFormLayout;
    facts->addRow(feeLabel_, fee_);
    facts->addRow(dueDateLabel_, dueDate_);
    facts->addRow(notesLabel_, notes_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(fileButton_);
    buttons->addWidget(printButton_);
    buttons->addStretch();

    auto* content = new QWidget(this);
    auto* column = new QVBoxLayout(content);
    column->addWidget(title_);
    column->addWidget(citizen_);
    column->addWidget(evidence_);
    column->addLayout(facts);
    column->addLayout(buttons);
    column->addWidget(outcome_);
    column->addStretch();
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    scroll->setFocusPolicy(Qt::NoFocus);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll);
    setFocusProxy(citizen_);

    citizen_->setReturningCitizenLookup(
        [this](const std::string& afm) -> std::optional<kep::cases::Citizen> {
            for (auto& found : store_.findCitizens(afm, 1)) {
                if (found.citizen.person.afm == afm) {
                    return std::move(found.citizen);
                }
            }
            return std::nullopt;
        });
    connect(fileButton_, &QPushButton::clicked, this, &FilingForm::file);
    connect(fileAction_, &QAction::triggered, this, &FilingForm::file);
    connect(printButton_, &QPushButton::clicked, this, &FilingForm::printReceipt);
    retranslateUi();
}

void FilingForm::setClerk(const kep::cases::Actor& clerk, const QString& office) {
    clerk_ = clerk;
    office_ = office;
}

void FilingForm::setReceiptFolder(const QString& folder) {
    receiptFolder_ = folder;
}

void FilingForm::setStatusBaseUrl(const QString& base) {
    statusBase_ = base;
}

void FilingForm::startCase(kep::desk::catalogue::PublishedRecord procedure) {
    procedure_ = std::move(procedure);
    citizen_->clear();
    evidence_->showProcedure(procedure_->procedure);
    notes_->clear();
    outcome_->clear();
    receipt_.reset();
    lastReceipt_.clear();
    printButton_->setEnabled(false);
    fileButton_->setEnabled(true);
    showProcedureFacts();
    // The chain is rebuilt because the checklist's inputs are new for every procedure.
    const auto chain = inputsInTabOrder();
    for (int i = 1; i < chain.size(); ++i) {
        setTabOrder(chain[i - 1], chain[i]);
    }
    citizen_->setFocus(Qt::OtherFocusReason);
}

QList<QWidget*> FilingForm::inputsInTabOrder() const {
    QList<QWidget*> chain = citizen_->inputsInTabOrder();
    for (QWidget* choice : evidence_->choices()) {
        chain << choice;
    }
    chain << notes_ << fileButton_ << printButton_;
    return chain;
}

void FilingForm::showProcedureFacts() {
    if (!procedure_) {
        return;
    }
    const auto& p = procedure_->procedure;
    title_->setText(QString::fromStdString(p.displayTitle(Language::El)));
    feeCents_ = kep::desk::cases::feeCents(p);
    fee_->setText(feeCents_ == 0 ? tr("No fee") : euro(feeCents_, ReceiptLanguage::Greek));
    const auto due =
        kep::desk::cases::dueDateOnFiling(p, office_.toStdString(), instantOf(clock_.now()));
    due_.reset();
    if (due.ok()) {
        due_ = due.due->date;
        dueDate_->setText(QLocale(QLocale::Greek).toString(qDateOf(*due_), QLocale::ShortFormat));
    } else if (due.error == kep::cases::DueDateError::None) {
        dueDate_->setText(tr("The catalogue states no deadline for this procedure"));
    } else {
        dueDate_->setText(tr("The catalogue's deadline for this procedure cannot be counted"));
    }
}

void FilingForm::file() {
    if (!procedure_ || !fileButton_->isEnabled()) {
        return;
    }
    // A case is only filed with its statutory due date: the catalogue must state one.
    const auto now = clock_.now();
    showProcedureFacts();
    if (!due_) {
        outcome_->setText(tr("Not filed: the due date cannot be counted (see above)."));
        return;
    }
    const auto& record = *procedure_;
    kep::desk::cases::CaseFiling filing;
    filing.procedureId = record.id;
    filing.catalogueVersion = record.version;
    filing.procedureTitle = record.procedure.displayTitle(Language::El);
    filing.requiresApproval = record.kep.requiresApproval;
    filing.citizen = citizen_->citizen();
    filing.evidence = evidence_->states();
    filing.feeCents = feeCents_;
    filing.dueDate = *due_;
    filing.notes = notes_->toPlainText().toStdString();
    const auto result = store_.file(filing, clerk_, instantOf(now));
    using Refusal = kep::desk::cases::FilingResult::Refusal;
    switch (result.refusal) {
        case Refusal::InvalidCitizen: {
            const QStringList elsewhere = citizen_->showIssues(result.issues);
            outcome_->setText(elsewhere.isEmpty()
                                  ? tr("Not filed: correct the citizen's details marked above.")
                                  : tr("Not filed: correct the citizen's details: %1")
                                        .arg(elsewhere.join(u"; ")));
            return;
        }
        case Refusal::NoProtocolNumber:
            outcome_->setText(
                tr("Not filed: this workstation holds no protocol numbers. Connect to the server "
                   "so that it can lease a block."));
            return;
        case Refusal::Lifecycle:
            outcome_->setText(tr("Not filed: %1").arg(QString::fromStdString(result.message)));
            return;
        case Refusal::None:
            break;
    }
    const QString protocol = QString::fromStdString(result.filed->protocolNumber);
    citizen_->showIssues({});
    fileButton_->setEnabled(false);  // filed once: a second press must not file it again
    if (saveReceipt(protocol)) {
        outcome_->setText(
            tr("Filed as %1. The receipt is saved; print it with Print receipt.").arg(protocol));
        printButton_->setEnabled(true);
        printButton_->setFocus(Qt::OtherFocusReason);
    } else {
        outcome_->setText(tr("Filed as %1, but the receipt could not be saved.").arg(protocol));
    }
    emit caseFiled(protocol, lastReceipt_);
}

bool FilingForm::saveReceipt(const QString& protocolNumber) {
    const auto& p = procedure_->procedure;
    const auto citizen = citizen_->citizen();
    ReceiptContent content;
    content.language = citizen.person.kind == kep::cases::CitizenKind::Greek
                           ? ReceiptLanguage::Greek
                           : ReceiptLanguage::English;
    const bool greek = content.language == ReceiptLanguage::Greek;
    content.protocolNumber = protocolNumber;
    content.filedAt = clock_.now();
    const auto& who = citizen.person;
    content.citizenName =
        greek || who.surnameLatin.empty()
            ? QString::fromStdString(who.givenNameEl + " " + who.surnameEl).trimmed()
            : QString::fromStdString(who.givenNameLatin + " " + who.surnameLatin).trimmed();
    content.procedureTitle =
        QString::fromStdString(p.displayTitle(greek ? Language::El : Language::En));
    content.documentsProvided = evidence_->titlesMarked(EvidenceState::Provided);
    content.documentsMissing = evidence_->titlesMarked(EvidenceState::Missing);
    content.documentsObtainedByKep = evidence_->titlesMarked(EvidenceState::ToBeObtainedByKep);
    content.fees = euro(feeCents_, content.language);
    content.expectedDate = QLocale(greek ? QLocale::Greek : QLocale::English)
                               .toString(qDateOf(*due_), QLocale::ShortFormat);
    for (const auto& rule : p.rules) {
        QString line = inLanguage(rule.description, content.language);
        const QString gazette = QString::fromStdString(rule.gazetteReference());
        if (!gazette.isEmpty()) {
            line = line.isEmpty() ? gazette : line + QStringLiteral(" (") + gazette + u')';
        }
        if (!line.isEmpty()) {
            content.legalBasis << line;
        }
    }
    content.statusUrl = statusLookupUrl(statusBase_, protocolNumber);
    receipt_ = content;
    QDir().mkpath(receiptFolder_);
    // "0101/2026/42" → receipt-0101-2026-42.pdf: the number's slashes cannot be in a file name.
    const QString name =
        QStringLiteral("receipt-%1.pdf").arg(QString(protocolNumber).replace(u'/', u'-'));
    const QString path = QDir(receiptFolder_).filePath(name);
    if (!writeReceiptPdf(content, path)) {
        return false;
    }
    lastReceipt_ = path;
    return true;
}

void FilingForm::printReceipt() {
    if (!receipt_) {
        return;
    }
    QPrinter printer;
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() == QDialog::Accepted) {
        renderReceipt(*receipt_, printer);
    }
}

void FilingForm::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void FilingForm::retranslateUi() {
    feeLabel_->setText(tr("Fee"));
    dueDateLabel_->setText(tr("Due date"));
    notesLabel_->setText(tr("N&otes"));
    notes_->setAccessibleName(tr("Notes"));
    fileButton_->setText(tr("&File (Ctrl+Enter)"));
    fileButton_->setAccessibleName(tr("File the case"));
    printButton_->setText(tr("&Print receipt"));
    printButton_->setAccessibleName(tr("Print the receipt"));
    fileAction_->setText(tr("File the case"));
    evidence_->setAccessibleName(tr("Documents"));
    showProcedureFacts();
}

}  // namespace kep::desk::ui
