#include "cases/FilingForm.h"

#include "Clock.h"
#include "LocaleFormat.h"
#include "cases/AttachmentImport.h"
#include "cases/CaseChannel.h"
#include "cases/CaseStore.h"
#include "cases/CitizenPanel.h"
#include "cases/DraftAutosave.h"
#include "cases/DraftStore.h"
#include "cases/EvidencePanel.h"
#include "cases/FilingDraft.h"
#include "cases/ProcedureFiling.h"
#include "cases/ReceiptLanguageChoice.h"
#include "cases/ScanDialog.h"
#include "cases/WorkQueuesTable.h"
#include "help/HelpTopic.h"
#include "shared/domain/Uuid.h"

#include <QAction>
#include <QComboBox>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
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
    return LocaleFormat::euroCents(cents, receiptLocale(language));
}

Language catalogueLanguage(ReceiptLanguage language) {
    return language == ReceiptLanguage::Greek ? Language::El : Language::En;
}

ReceiptLanguage receiptLanguageFor(Language language) {
    return language == Language::El ? ReceiptLanguage::Greek : ReceiptLanguage::English;
}

QString inLanguage(const kep::catalogue::LocalizedText& text, ReceiptLanguage language) {
    // LocalizedText::in() falls back to the other language when this one is empty.
    return QString::fromStdString(text.in(catalogueLanguage(language)));
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
    , channelLabel_(new QLabel(this))
    , channel_(new QComboBox(this))
    , receiptLanguageLabel_(new QLabel(this))
    , receiptLanguage_(new ReceiptLanguageChoice(this))
    , notesLabel_(new QLabel(this))
    , notes_(new QPlainTextEdit(this))
    , fileButton_(new QPushButton(this))
    , printButton_(new QPushButton(this))
    , attachButton_(new QPushButton(this))
    , scanButton_(new QPushButton(this))
    , outcome_(new QLabel(this))
    // Every action works from any field of the form: the clerk never needs the mouse.
    , fileAction_(addFormAction("fileCaseAction", {QKeySequence(Qt::CTRL | Qt::Key_Return),
                                                   QKeySequence(Qt::CTRL | Qt::Key_Enter)}))
    , printAction_(addFormAction("printReceiptAction", {QKeySequence(Qt::CTRL | Qt::Key_P)}))
    , printSlipAction_(
          addFormAction("printMissingSlipAction", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)}))
    , attachAction_(addFormAction("attachFileAction", {QKeySequence(Qt::CTRL | Qt::Key_O)}))
    , scanAction_(
          addFormAction("scanDocumentAction", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)}))
    , saveDraftAction_(addFormAction("saveDraftAction", {QKeySequence(Qt::CTRL | Qt::Key_S)})) {
    setObjectName(QStringLiteral("filingForm"));
    help::setTopic(this, QStringLiteral("filing"));
    title_->setObjectName(QStringLiteral("filingProcedureTitle"));
    title_->setWordWrap(true);
    notes_->setObjectName(QStringLiteral("caseNotes"));
    notes_->setTabChangesFocus(true);  // Tab moves on; the clerk never needs a tab in a note
    notes_->setMaximumHeight(80);
    notesLabel_->setBuddy(notes_);
    fee_->setObjectName(QStringLiteral("caseFee"));
    dueDate_->setObjectName(QStringLiteral("caseDueDate"));
    channel_->setObjectName(QStringLiteral("filingChannel"));
    for (const auto channel :
         {kep::desk::cases::CaseChannel::Counter, kep::desk::cases::CaseChannel::Remote}) {
        channel_->addItem(QString(), QString::fromUtf8(kep::desk::cases::toString(channel).data()));
    }
    channelLabel_->setBuddy(channel_);
    receiptLanguageLabel_->setBuddy(receiptLanguage_);
    fileButton_->setObjectName(QStringLiteral("fileCaseButton"));
    printButton_->setObjectName(QStringLiteral("printReceiptButton"));
    printButton_->setEnabled(false);
    attachButton_->setObjectName(QStringLiteral("attachFileButton"));
    scanButton_->setObjectName(QStringLiteral("scanDocumentButton"));
    printAction_->setEnabled(false);
    printSlipAction_->setEnabled(false);
    saveDraftAction_->setEnabled(false);
    outcome_->setObjectName(QStringLiteral("filingOutcome"));
    outcome_->setWordWrap(true);
    outcome_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* facts = new QFormLayout;
    facts->addRow(feeLabel_, fee_);
    facts->addRow(dueDateLabel_, dueDate_);
    facts->addRow(channelLabel_, channel_);
    facts->addRow(notesLabel_, notes_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(fileButton_);
    buttons->addWidget(printButton_);
    // Next to Print: the clerk can still change it after filing, and print again.
    buttons->addWidget(receiptLanguageLabel_);
    buttons->addWidget(receiptLanguage_);
    buttons->addWidget(attachButton_);
    buttons->addWidget(scanButton_);
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
    connect(printAction_, &QAction::triggered, this, &FilingForm::printReceipt);
    connect(printSlipAction_, &QAction::triggered, this, &FilingForm::printMissingSlip);
    connect(attachButton_, &QPushButton::clicked, this, &FilingForm::chooseAttachment);
    connect(attachAction_, &QAction::triggered, this, &FilingForm::chooseAttachment);
    connect(scanButton_, &QPushButton::clicked, this, &FilingForm::scanAttachment);
    connect(scanAction_, &QAction::triggered, this, &FilingForm::scanAttachment);
    connect(saveDraftAction_, &QAction::triggered, this, [this] {
        if (autosave_ != nullptr) {
            autosave_->saveNow();
        }
    });
    auto announceEdit = [this] {
        if (hasUnfiledCase()) {
            emit edited();
        }
    };
    connect(citizen_, &CitizenPanel::edited, this, announceEdit);
    connect(evidence_, &EvidencePanel::edited, this, announceEdit);
    connect(notes_, &QPlainTextEdit::textChanged, this, announceEdit);
    connect(channel_, &QComboBox::currentIndexChanged, this, announceEdit);
    // The kind of citizen decides the suggested receipt language until the clerk picks one.
    connect(citizen_, &CitizenPanel::edited, this, [this] {
        if (!filed_) {  // a filed case's receipt stays in the language it was saved in
            receiptLanguage_->suggest(suggestedReceiptLanguage());
        }
    });
    connect(receiptLanguage_, &ReceiptLanguageChoice::picked, this,
            [this](ReceiptLanguage language) {
                if (!filed_ || !filedReceipts_[int(language)]) {
                    return;
                }
                if (!saveReceipt(*filedReceipts_[int(language)])) {
                    outcome_->setText(tr("The receipt could not be saved in this language."));
                }
            });
    // A returning citizen's record is filled in on the ΑΦΜ's ninth digit: the clerk's next job
    // is the documents, not Tab through names already there (bench_desk_counter counts it).
    connect(citizen_, &CitizenPanel::returningCitizenFound, this, [this] {
        if (!evidence_->choices().isEmpty()) {
            evidence_->choices().first()->setFocus(Qt::OtherFocusReason);
        }
    });
    retranslateUi();
}

FilingForm::~FilingForm() {
    // Leaving the desk (sign-out, quit) keeps what was typed for next time.
    if (autosave_ != nullptr) {
        autosave_->saveNow();
        // Gone before the widgets it reads are: QWidget's destructor still sends events.
        delete autosave_;
        autosave_ = nullptr;
    }
}

QAction* FilingForm::addFormAction(const char* name, const QList<QKeySequence>& shortcuts) {
    auto* action = new QAction(this);
    action->setObjectName(QLatin1String(name));
    action->setShortcuts(shortcuts);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(action);
    return action;
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

void FilingForm::setReceiptWatermark(const QString& mark) {
    receiptWatermark_ = mark;
}

void FilingForm::setAttachmentFolder(const QString& folder) {
    attachmentFolder_ = folder;
}

void FilingForm::setLanguage(Language language) {
    language_ = language;
    evidence_->setLanguage(language);
    if (!filed_) {
        receiptLanguage_->suggest(suggestedReceiptLanguage());
    }
    showProcedureFacts();
}

void FilingForm::enableAutosave(kep::desk::cases::DraftStore& drafts) {
    if (autosave_ == nullptr) {
        autosave_ = new DraftAutosave(*this, drafts, clock_, this);
        saveDraftAction_->setEnabled(hasUnfiledCase());
    }
}

bool FilingForm::hasUnfiledCase() const {
    return procedure_.has_value() && !filed_;
}

void FilingForm::startCase(kep::desk::catalogue::PublishedRecord procedure) {
    if (autosave_ != nullptr) {
        autosave_->saveNow();  // the case on the form stays a draft, to be resumed later
    }
    procedure_ = std::move(procedure);
    draftId_ = kep::domain::newUuidV7().toString();
    filed_ = false;
    citizen_->clear();
    evidence_->showProcedure(procedure_->procedure);
    // A video call only for procedures offered remotely; every case starts at the counter.
    channel_->setCurrentIndex(0);
    channel_->setEnabled(procedure_->procedure.offeredRemotely());
    notes_->clear();
    outcome_->clear();
    receipt_.reset();
    filedReceipts_[0].reset();
    filedReceipts_[1].reset();
    lastReceipt_.clear();
    receiptLanguage_->restart(suggestedReceiptLanguage());
    printButton_->setEnabled(false);
    printAction_->setEnabled(false);
    printSlipAction_->setEnabled(false);
    fileButton_->setEnabled(true);
    fileAction_->setEnabled(true);
    attachButton_->setEnabled(true);
    attachAction_->setEnabled(true);
    scanButton_->setEnabled(true);
    scanAction_->setEnabled(true);
    saveDraftAction_->setEnabled(autosave_ != nullptr);
    // Clearing the form is not the clerk's typing: nothing to save until they type.
    if (autosave_ != nullptr) {
        autosave_->forgetUnsaved();
    }
    showProcedureFacts();
    // The chain is rebuilt because the checklist's inputs are new for every procedure.
    const auto chain = inputsInTabOrder();
    for (int i = 1; i < chain.size(); ++i) {
        setTabOrder(chain[i - 1], chain[i]);
    }
    citizen_->setFocus(Qt::OtherFocusReason);
}

bool FilingForm::resumeDraft(kep::desk::catalogue::PublishedRecord procedure,
                             const kep::desk::cases::Draft& stored) {
    const auto saved = kep::desk::cases::filingDraftFromJson(stored.content);
    if (!saved) {
        return false;
    }
    startCase(std::move(procedure));
    draftId_ = stored.id;  // saving again replaces the same draft
    citizen_->setCitizen(saved->citizen);
    evidence_->setStates(saved->evidence);
    evidence_->setAttachments(saved->attachments);
    notes_->setPlainText(QString::fromStdString(saved->notes));
    // The choice as saved, where the procedure still allows it (filingChannel decides).
    const auto channel = kep::desk::cases::filingChannel(procedure_->procedure, saved->channel);
    channel_->setCurrentIndex(std::max(
        0, channel_->findData(QString::fromUtf8(kep::desk::cases::toString(channel).data()))));
    // Filling the form from the draft is not the clerk's typing: nothing new to save.
    if (autosave_ != nullptr) {
        autosave_->forgetUnsaved();
    }
    outcome_->setText(
        tr("An unfinished case, as it was saved at %1.")
            .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(stored.savedAtMs).toLocalTime(),
                                    QLocale::ShortFormat)));
    return true;
}

kep::desk::cases::FilingDraft FilingForm::draft() const {
    kep::desk::cases::FilingDraft d;
    if (procedure_) {
        d.procedureId = procedure_->id;
        d.catalogueVersion = procedure_->version;
    }
    d.citizen = citizen_->citizen();
    d.evidence = evidence_->states();
    d.notes = notes_->toPlainText().toStdString();
    d.attachments = evidence_->attachments();
    d.channel =
        kep::desk::cases::channelOrCounter(channel_->currentData().toString().toStdString());
    return d;
}

void FilingForm::addAttachment(const kep::desk::cases::ImportedAttachment& attachment) {
    if (hasUnfiledCase()) {
        evidence_->addAttachment(attachment);
    }
}

bool FilingForm::attachFile(const QString& file) {
    if (!hasUnfiledCase()) {
        return false;
    }
    using Refusal = kep::desk::cases::AttachmentImportResult::Refusal;
    const auto imported = kep::desk::cases::importAttachment(file, attachmentFolder_);
    switch (imported.refusal) {
        case Refusal::None:
            addAttachment(*imported.attachment);
            outcome_->setText(tr("Attached."));
            return true;
        case Refusal::Unreadable:
            outcome_->setText(tr("Not attached: the file cannot be read."));
            break;
        case Refusal::Empty:
            outcome_->setText(tr("Not attached: the file is empty."));
            break;
        case Refusal::TooLarge:
            outcome_->setText(
                tr("Not attached: the file is larger than %1.")
                    .arg(QLocale().formattedDataSize(kep::desk::cases::kMaxAttachmentBytes)));
            break;
        case Refusal::UnsupportedType:
            outcome_->setText(tr("Not attached: only PDF, JPEG and PNG files are accepted."));
            break;
        case Refusal::StoreFailed:
            outcome_->setText(tr("Not attached: the desk could not keep a copy of the file."));
            break;
    }
    return false;
}

void FilingForm::chooseAttachment() {
    if (!hasUnfiledCase()) {
        return;
    }
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Attach a document"), QString(),
                                     tr("Documents (*.pdf *.jpg *.jpeg *.png);;All files (*)"));
    if (!file.isEmpty()) {
        attachFile(file);
    }
}

void FilingForm::scanAttachment() {
    if (!hasUnfiledCase()) {
        return;
    }
    ScanDialog dialog(attachmentFolder_, preferredScanner_, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.attachment()) {
        return;
    }
    if (!dialog.deviceName().isEmpty() && dialog.deviceName() != preferredScanner_) {
        preferredScanner_ = dialog.deviceName();
        emit scannerChosen(preferredScanner_);
    }
    addAttachment(*dialog.attachment());
    outcome_->setText(tr("Scanned and attached."));
}

QList<QWidget*> FilingForm::inputsInTabOrder() const {
    QList<QWidget*> chain = citizen_->inputsInTabOrder();
    for (QWidget* choice : evidence_->choices()) {
        chain << choice;
    }
    chain << channel_ << notes_ << fileButton_ << printButton_ << receiptLanguage_ << attachButton_;
    return chain;
}

void FilingForm::showProcedureFacts() {
    if (!procedure_) {
        return;
    }
    const auto& p = procedure_->procedure;
    title_->setText(QString::fromStdString(p.displayTitle(language_)));
    feeCents_ = kep::desk::cases::feeCents(p);
    fee_->setText(feeCents_ == 0 ? tr("No fee") : euro(feeCents_, receiptLanguageFor(language_)));
    const auto due =
        kep::desk::cases::dueDateOnFiling(p, office_.toStdString(), instantOf(clock_.now()));
    due_.reset();
    if (due.ok()) {
        due_ = due.due->date;
        dueDate_->setText(
            LocaleFormat::date(qDateOf(*due_), receiptLocale(receiptLanguageFor(language_))));
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
    filing.attachments = evidence_->attachments();
    filing.channel = kep::desk::cases::filingChannel(
        record.procedure,
        kep::desk::cases::channelOrCounter(channel_->currentData().toString().toStdString()));
    filing.authorityId = kep::desk::cases::competentAuthorityOf(record);
    // Only a draft that was saved is deleted with the filing; an unsaved one does not exist.
    if (autosave_ != nullptr) {
        filing.draftId = draftId_;
    }
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
    filedCaseId_ = QString::fromStdString(result.filed->id);
    receiptPrints_ = 0;
    citizen_->showIssues({});
    filed_ = true;
    if (autosave_ != nullptr) {
        autosave_->forgetUnsaved();  // the draft went with the filing's transaction
    }
    // Filed once: a second press must not file it again.
    fileButton_->setEnabled(false);
    fileAction_->setEnabled(false);
    attachButton_->setEnabled(false);
    attachAction_->setEnabled(false);
    scanButton_->setEnabled(false);
    scanAction_->setEnabled(false);
    saveDraftAction_->setEnabled(false);
    channel_->setEnabled(false);
    const QDateTime filedAt = clock_.now();
    for (const auto language : {ReceiptLanguage::Greek, ReceiptLanguage::English}) {
        filedReceipts_[int(language)] = receiptContent(language, protocol, filedAt);
    }
    if (saveReceipt(*filedReceipts_[int(receiptLanguage_->language())])) {
        outcome_->setText(
            tr("Filed as %1. The receipt is saved; print it with Print receipt.").arg(protocol));
        printButton_->setEnabled(true);
        printAction_->setEnabled(true);
        printSlipAction_->setEnabled(
            !evidence_->titlesMarked(EvidenceState::Missing, language_).isEmpty());
        printButton_->setFocus(Qt::OtherFocusReason);
    } else {
        outcome_->setText(tr("Filed as %1, but the receipt could not be saved.").arg(protocol));
    }
    emit caseFiled(protocol, lastReceipt_);
}

ReceiptLanguage FilingForm::suggestedReceiptLanguage() const {
    // A citizen of another state is most likely served in English; a Greek citizen in the
    // language the clerk works in.
    if (citizen_->citizen().person.kind != kep::cases::CitizenKind::Greek) {
        return ReceiptLanguage::English;
    }
    return receiptLanguageFor(language_);
}

ReceiptContent FilingForm::receiptContent(ReceiptLanguage language, const QString& protocolNumber,
                                          const QDateTime& filedAt) const {
    const auto& p = procedure_->procedure;
    const auto citizen = citizen_->citizen();
    ReceiptContent content;
    content.language = language;
    const bool greek = language == ReceiptLanguage::Greek;
    content.protocolNumber = protocolNumber;
    content.filedAt = filedAt;
    content.watermark = receiptWatermark_;
    const auto& who = citizen.person;
    content.citizenName =
        greek || who.surnameLatin.empty()
            ? QString::fromStdString(who.givenNameEl + " " + who.surnameEl).trimmed()
            : QString::fromStdString(who.givenNameLatin + " " + who.surnameLatin).trimmed();
    if (content.citizenName.isEmpty()) {  // a foreign citizen has Latin names only
        content.citizenName =
            QString::fromStdString(who.givenNameLatin + " " + who.surnameLatin).trimmed();
    }
    const Language documents = catalogueLanguage(language);
    content.procedureTitle = QString::fromStdString(p.displayTitle(documents));
    content.documentsProvided = evidence_->titlesMarked(EvidenceState::Provided, documents);
    content.documentsMissing = evidence_->titlesMarked(EvidenceState::Missing, documents);
    content.documentsObtainedByKep =
        evidence_->titlesMarked(EvidenceState::ToBeObtainedByKep, documents);
    content.feeCents = feeCents_;
    content.expectedDate = qDateOf(*due_);
    for (const auto& rule : p.rules) {
        QString line = inLanguage(rule.description, language);
        const QString gazette = QString::fromStdString(rule.gazetteReference());
        if (!gazette.isEmpty()) {
            line = line.isEmpty() ? gazette : line + QStringLiteral(" (") + gazette + u')';
        }
        if (!line.isEmpty()) {
            content.legalBasis << line;
        }
    }
    content.statusUrl = statusLookupUrl(statusBase_, protocolNumber);
    return content;
}

bool FilingForm::saveReceipt(const ReceiptContent& content) {
    receipt_ = content;
    QDir().mkpath(receiptFolder_);
    // "0101/2026/42" → receipt-0101-2026-42.pdf: the number's slashes cannot be in a file name.
    const QString name =
        QStringLiteral("receipt-%1.pdf").arg(QString(content.protocolNumber).replace(u'/', u'-'));
    const QString path = QDir(receiptFolder_).filePath(name);
    if (!writeReceiptPdf(content, path)) {
        return false;
    }
    lastReceipt_ = path;
    return true;
}

void FilingForm::printReceipt() {
    print(false);
}

void FilingForm::printMissingSlip() {
    print(true);
}

void FilingForm::print(bool missingSlip) {
    if (!receipt_) {
        return;
    }
    QPrinter printer;
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() == QDialog::Accepted && renderReceipt(*receipt_, printer, missingSlip)) {
        emit receiptPrinted(filedCaseId_, receiptPrints_++ > 0);
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
    channelLabel_->setText(tr("Appl&ied through"));
    for (int i = 0; i < channel_->count(); ++i) {
        channel_->setItemText(i, WorkQueuesTable::channelName(kep::desk::cases::channelOrCounter(
                                     channel_->itemData(i).toString().toStdString())));
    }
    channel_->setAccessibleName(tr("Applied through"));
    channel_->setAccessibleDescription(
        tr("At the counter, or at a myKEPlive video call for procedures offered remotely."));
    receiptLanguageLabel_->setText(tr("Receipt lang&uage"));
    notesLabel_->setText(tr("N&otes"));
    notes_->setAccessibleName(tr("Notes"));
    fileButton_->setText(tr("&File (Ctrl+Enter)"));
    fileButton_->setAccessibleName(tr("File the case"));
    printButton_->setText(tr("&Print receipt"));
    printButton_->setAccessibleName(tr("Print the receipt"));
    attachButton_->setText(tr("&Attach file… (Ctrl+O)"));
    attachButton_->setAccessibleName(tr("Attach a document from a file"));
    scanButton_->setText(tr("S&can… (Ctrl+Shift+O)"));
    scanButton_->setAccessibleName(tr("Scan a document at the counter's scanner"));
    fileAction_->setText(tr("File the case"));
    printAction_->setText(tr("Print the receipt"));
    printSlipAction_->setText(tr("Print the missing-documents slip"));
    attachAction_->setText(tr("Attach a document from a file"));
    scanAction_->setText(tr("Scan a document at the counter's scanner"));
    saveDraftAction_->setText(tr("Save the draft now"));
    evidence_->setAccessibleName(tr("Documents"));
    showProcedureFacts();
}

}  // namespace kep::desk::ui
