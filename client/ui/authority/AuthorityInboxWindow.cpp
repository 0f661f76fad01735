#include "authority/AuthorityInboxWindow.h"

#include "admin/AdminMessages.h"
#include "authority/AuthorityClient.h"
#include "cases/AttachmentImport.h"
#include "cases/CaseChannel.h"
#include "cases/WorkQueuesTable.h"
#include "help/HelpTopic.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace kep::desk::ui {

namespace {

using kep::desk::authority::CaseDocument;
using kep::desk::authority::Decision;
using kep::desk::authority::InboxCase;

// The statuses the filter offers, in the order cases pass through them ("" = every status).
const char* const kStatusCodes[] = {"",          "forwarded", "in_progress", "awaiting_documents",
                                    "completed", "rejected"};

QString statusText(const QString& code) {
    const auto status = kep::cases::caseStatusFromString(code.toStdString());
    return status ? WorkQueuesTable::statusName(*status) : code;
}

QString channelText(const QString& code) {
    return WorkQueuesTable::channelName(kep::desk::cases::channelOrCounter(code.toStdString()));
}

QString citizenText(const InboxCase& c) {
    if (!c.citizen) {
        return {};
    }
    const auto& p = c.citizen->person;
    const std::string name = !p.surnameEl.empty() ? p.givenNameEl + " " + p.surnameEl
                                                  : p.givenNameLatin + " " + p.surnameLatin;
    QString text = QString::fromStdString(name).trimmed();
    if (!p.afm.empty()) {
        text += QStringLiteral(" · ΑΦΜ %1").arg(QString::fromStdString(p.afm));
    } else if (!p.documentNumber.empty()) {
        text += QStringLiteral(" · %1 %2")
                    .arg(QString::fromStdString(p.nationality),
                         QString::fromStdString(p.documentNumber));
    }
    return text;
}

}  // namespace

AuthorityInboxWindow::AuthorityInboxWindow(authority::AuthorityClient& client,
                                           QString documentFolder, QWidget* parent)
    : QDialog(parent)
    , client_(client)
    , documentFolder_(std::move(documentFolder))
    , statusFilterLabel_(new QLabel(this))
    , statusFilter_(new QComboBox(this))
    , reload_(new QPushButton(this))
    , inboxLabel_(new QLabel(this))
    , inbox_(new QTableWidget(0, ColumnCount, this))
    , caseLabel_(new QLabel(this))
    , caseView_(new QTextBrowser(this))
    , documentsLabel_(new QLabel(this))
    , documents_(new QListWidget(this))
    , openButton_(new QPushButton(this))
    , saveDocument_(new QPushButton(this))
    , historyLabel_(new QLabel(this))
    , history_(new QTableWidget(0, 4, this))
    , accept_(new QPushButton(this))
    , requestDocuments_(new QPushButton(this))
    , reject_(new QPushButton(this))
    , complete_(new QPushButton(this))
    , status_(new QLabel(this))
    , close_(new QPushButton(this)) {
    setObjectName(QStringLiteral("authorityInbox"));
    help::setTopic(this, QStringLiteral("authority-inbox"));
    askReason_ = [this](const QString& question) -> std::optional<QString> {
        bool ok = false;
        const QString text =
            QInputDialog::getMultiLineText(this, windowTitle(), question, QString(), &ok);
        return ok ? std::optional<QString>(text) : std::nullopt;
    };
    chooseResult_ = [this] {
        return QFileDialog::getOpenFileName(this, tr("The result document"), QString(),
                                            tr("PDF documents (*.pdf)"));
    };
    chooseSave_ = [this](const QString& suggested) {
        return QFileDialog::getSaveFileName(this, tr("Save the document"), suggested);
    };
    opener_ = [](const QString& file) {
        return QDesktopServices::openUrl(QUrl::fromLocalFile(file));
    };

    for (const char* code : kStatusCodes) {
        statusFilter_->addItem(QString(), QString::fromLatin1(code));
    }
    statusFilter_->setObjectName(QStringLiteral("inboxStatusFilter"));
    statusFilterLabel_->setBuddy(statusFilter_);
    reload_->setObjectName(QStringLiteral("reloadInbox"));
    inbox_->setObjectName(QStringLiteral("inboxCases"));
    inbox_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    inbox_->setSelectionBehavior(QAbstractItemView::SelectRows);
    inbox_->setSelectionMode(QAbstractItemView::SingleSelection);
    inbox_->setTabKeyNavigation(false);  // Tab leaves the table; arrows move, Enter opens
    inbox_->horizontalHeader()->setSectionResizeMode(Procedure, QHeaderView::Stretch);
    inbox_->verticalHeader()->hide();
    inboxLabel_->setBuddy(inbox_);
    caseView_->setObjectName(QStringLiteral("inboxCaseView"));
    caseLabel_->setBuddy(caseView_);
    documents_->setObjectName(QStringLiteral("inboxDocuments"));
    documentsLabel_->setBuddy(documents_);
    openButton_->setObjectName(QStringLiteral("openDocument"));
    saveDocument_->setObjectName(QStringLiteral("saveDocument"));
    history_->setObjectName(QStringLiteral("inboxHistory"));
    history_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    history_->setTabKeyNavigation(false);
    history_->horizontalHeader()->setStretchLastSection(true);
    history_->verticalHeader()->hide();
    historyLabel_->setBuddy(history_);
    accept_->setObjectName(QStringLiteral("acceptCase"));
    requestDocuments_->setObjectName(QStringLiteral("requestDocuments"));
    reject_->setObjectName(QStringLiteral("rejectCase"));
    complete_->setObjectName(QStringLiteral("completeCase"));
    status_->setObjectName(QStringLiteral("inboxStatus"));
    status_->setWordWrap(true);
    close_->setObjectName(QStringLiteral("close"));

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(statusFilterLabel_);
    filterRow->addWidget(statusFilter_);
    filterRow->addWidget(reload_);
    filterRow->addStretch();
    auto* list = new QWidget(this);
    auto* listColumn = new QVBoxLayout(list);
    listColumn->setContentsMargins(0, 0, 0, 0);
    listColumn->addLayout(filterRow);
    listColumn->addWidget(inboxLabel_);
    listColumn->addWidget(inbox_, 1);

    auto* documentButtons = new QHBoxLayout;
    documentButtons->addWidget(openButton_);
    documentButtons->addWidget(saveDocument_);
    documentButtons->addStretch();
    auto* decisions = new QHBoxLayout;
    decisions->addWidget(accept_);
    decisions->addWidget(requestDocuments_);
    decisions->addWidget(reject_);
    decisions->addWidget(complete_);
    decisions->addStretch();
    auto* detail = new QWidget(this);
    auto* detailColumn = new QVBoxLayout(detail);
    detailColumn->setContentsMargins(0, 0, 0, 0);
    detailColumn->addWidget(caseLabel_);
    detailColumn->addWidget(caseView_, 2);
    detailColumn->addWidget(documentsLabel_);
    detailColumn->addWidget(documents_, 1);
    detailColumn->addLayout(documentButtons);
    detailColumn->addWidget(historyLabel_);
    detailColumn->addWidget(history_, 1);
    detailColumn->addLayout(decisions);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(list);
    split->addWidget(detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(status_, 1);
    bottom->addWidget(close_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addLayout(bottom);
    // The keyboard path of the work: the list, the case, its documents, the decisions.
    setTabOrder(statusFilter_, reload_);
    setTabOrder(reload_, inbox_);
    setTabOrder(inbox_, caseView_);
    setTabOrder(caseView_, documents_);
    setTabOrder(documents_, openButton_);
    setTabOrder(openButton_, saveDocument_);
    setTabOrder(saveDocument_, history_);
    setTabOrder(history_, accept_);
    setTabOrder(accept_, requestDocuments_);
    setTabOrder(requestDocuments_, reject_);
    setTabOrder(reject_, complete_);
    setTabOrder(complete_, close_);

    connect(statusFilter_, &QComboBox::currentIndexChanged, this, &AuthorityInboxWindow::refresh);
    connect(reload_, &QPushButton::clicked, this, &AuthorityInboxWindow::refresh);
    // Enter (or a double click) on a case opens it; moving through the list does not fetch.
    connect(inbox_, &QAbstractItemView::activated, this, &AuthorityInboxWindow::openSelectedCase);
    connect(documents_, &QAbstractItemView::activated, this,
            &AuthorityInboxWindow::openSelectedDocument);
    connect(openButton_, &QPushButton::clicked, this, &AuthorityInboxWindow::openSelectedDocument);
    connect(saveDocument_, &QPushButton::clicked, this,
            &AuthorityInboxWindow::saveSelectedDocument);
    connect(accept_, &QPushButton::clicked, this, &AuthorityInboxWindow::accept);
    connect(requestDocuments_, &QPushButton::clicked, this,
            &AuthorityInboxWindow::requestDocuments);
    connect(reject_, &QPushButton::clicked, this, &AuthorityInboxWindow::reject);
    connect(complete_, &QPushButton::clicked, this, &AuthorityInboxWindow::complete);
    connect(close_, &QPushButton::clicked, this, &QDialog::accept);

    connect(&client_, &authority::AuthorityClient::inboxListed, this,
            &AuthorityInboxWindow::showInbox);
    connect(&client_, &authority::AuthorityClient::caseOpened, this,
            &AuthorityInboxWindow::showCase);
    connect(&client_, &authority::AuthorityClient::decided, this,
            &AuthorityInboxWindow::showDecided);
    connect(&client_, &authority::AuthorityClient::documentFetched, this,
            &AuthorityInboxWindow::showDocument);
    connect(&client_, &authority::AuthorityClient::failed, this,
            &AuthorityInboxWindow::showFailure);
    resize(1100, 680);
    retranslateUi();
    updateActions();
}

AuthorityInboxWindow::~AuthorityInboxWindow() {
    // The citizens' documents opened here do not outlive the window (the next user of the PC).
    if (!documentFolder_.isEmpty()) {
        QDir(documentFolder_).removeRecursively();
    }
}

void AuthorityInboxWindow::retranslateUi() {
    setWindowTitle(tr("Authority inbox — KEP Desk"));
    statusFilterLabel_->setText(tr("Sho&w:"));
    statusFilter_->setItemText(0, tr("Every case"));
    for (int i = 1; i < statusFilter_->count(); ++i) {
        statusFilter_->setItemText(i, statusText(statusFilter_->itemData(i).toString()));
    }
    statusFilter_->setAccessibleName(tr("Show the cases in status"));
    reload_->setText(tr("&Refresh"));
    reload_->setAccessibleName(tr("Read the inbox again"));
    inbox_->setHorizontalHeaderLabels({tr("Protocol number"), tr("Procedure"), tr("Office"),
                                       tr("Status"), tr("Due date"), tr("Channel")});
    inbox_->setAccessibleName(tr("Cases forwarded to the authority"));
    inbox_->setAccessibleDescription(tr("Up and Down choose a case, Enter opens it."));
    caseLabel_->setText(tr("The &case:"));
    caseView_->setAccessibleName(tr("The case"));
    documentsLabel_->setText(tr("&Documents:"));
    documents_->setAccessibleName(tr("Documents of the case"));
    documents_->setAccessibleDescription(tr("Enter opens the chosen document."));
    openButton_->setText(tr("&Open document"));
    openButton_->setAccessibleName(tr("Open the chosen document"));
    saveDocument_->setText(tr("Sa&ve document…"));
    saveDocument_->setAccessibleName(tr("Save the chosen document"));
    historyLabel_->setText(tr("&History:"));
    history_->setHorizontalHeaderLabels({tr("When"), tr("From"), tr("To"), tr("Reason")});
    history_->setAccessibleName(tr("History of the case"));
    accept_->setText(tr("&Accept"));
    accept_->setAccessibleName(tr("Accept the case"));
    requestDocuments_->setText(tr("As&k for documents…"));
    requestDocuments_->setAccessibleName(tr("Ask for more documents, with the reason"));
    reject_->setText(tr("Re&ject…"));
    reject_->setAccessibleName(tr("Reject the case, with the reason"));
    complete_->setText(tr("Com&plete…"));
    complete_->setAccessibleName(tr("Complete the case with the result document"));
    status_->setAccessibleName(tr("Status"));
    close_->setText(tr("C&lose"));
    close_->setAccessibleName(tr("Close"));
    if (shown_) {
        showCase(*shown_);
    }
    showInbox(QList(listed_));
}

void AuthorityInboxWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void AuthorityInboxWindow::showEvent(QShowEvent* event) {
    QDialog::showEvent(event);
    refresh();
}

void AuthorityInboxWindow::refresh() {
    client_.listInbox(statusFilter_->currentData().toString());
}

void AuthorityInboxWindow::showInbox(const QList<InboxCase>& cases) {
    const QString selected = selectedCaseId();
    listed_ = cases;
    inbox_->setRowCount(int(cases.size()));
    int keep = cases.isEmpty() ? -1 : 0;
    for (int row = 0; row < cases.size(); ++row) {
        const InboxCase& c = cases[row];
        auto* number = new QTableWidgetItem(c.protocolNumber);
        number->setData(Qt::UserRole, c.id);
        inbox_->setItem(row, ProtocolNumber, number);
        inbox_->setItem(row, Procedure, new QTableWidgetItem(c.procedureId));
        inbox_->setItem(row, Office, new QTableWidgetItem(c.office));
        inbox_->setItem(row, Status, new QTableWidgetItem(statusText(c.status)));
        inbox_->setItem(row, DueDate, new QTableWidgetItem(c.dueDate));
        inbox_->setItem(row, Channel, new QTableWidgetItem(channelText(c.channel)));
        if (c.id == selected) {
            keep = row;
        }
    }
    if (keep >= 0) {
        inbox_->selectRow(keep);
    }
    inboxLabel_->setText(tr("Cases &forwarded to the authority (%n):", nullptr, int(cases.size())));
}

QString AuthorityInboxWindow::selectedCaseId() const {
    const QTableWidgetItem* number = inbox_->item(inbox_->currentRow(), ProtocolNumber);
    return number != nullptr ? number->data(Qt::UserRole).toString() : QString();
}

void AuthorityInboxWindow::openSelectedCase() {
    const QString id = selectedCaseId();
    if (!id.isEmpty()) {
        client_.openCase(id);
    }
}

void AuthorityInboxWindow::showCase(const InboxCase& c) {
    shown_ = c;
    QString html = QStringLiteral("<h2>%1</h2><table>").arg(c.protocolNumber.toHtmlEscaped());
    const auto row = [&html](const QString& name, const QString& value) {
        if (!value.isEmpty()) {
            html += QStringLiteral("<tr><th align=\"left\">%1</th><td>%2</td></tr>")
                        .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
        }
    };
    row(tr("Citizen"), citizenText(c));
    row(tr("Procedure"), c.procedureId);
    row(tr("Office"), c.office);
    row(tr("Status"), statusText(c.status));
    row(tr("Reason"), c.statusReason);
    row(tr("Due date"), c.dueDate);
    row(tr("Channel"), channelText(c.channel));
    html += QStringLiteral("</table>");
    caseView_->setHtml(html);

    documents_->clear();
    for (const CaseDocument& document : c.documents) {
        const QString kind =
            document.evidenceId.isEmpty()
                ? document.mediaType
                : tr("document %1 (%2)").arg(document.evidenceId, document.mediaType);
        auto* item = new QListWidgetItem(kind, documents_);
        item->setData(Qt::UserRole, document.sha256);
    }
    if (documents_->count() > 0) {
        documents_->setCurrentRow(0);
    }
    history_->setRowCount(int(c.history.size()));
    for (int i = 0; i < c.history.size(); ++i) {
        const auto& step = c.history[i];
        history_->setItem(i, 0, new QTableWidgetItem(step.at));
        history_->setItem(i, 1, new QTableWidgetItem(statusText(step.from)));
        history_->setItem(i, 2, new QTableWidgetItem(statusText(step.to)));
        history_->setItem(i, 3, new QTableWidgetItem(step.reason));
    }
    updateActions();
}

void AuthorityInboxWindow::updateActions() {
    const QString status = shown_ ? shown_->status : QString();
    const bool idle = shown_ && !busy_;
    accept_->setEnabled(idle && authority::decisionFits(status, Decision::Accept));
    requestDocuments_->setEnabled(idle &&
                                  authority::decisionFits(status, Decision::RequestDocuments));
    reject_->setEnabled(idle && authority::decisionFits(status, Decision::Reject));
    complete_->setEnabled(idle && authority::decisionFits(status, Decision::Complete));
    const bool hasDocuments = shown_ && !shown_->documents.isEmpty();
    openButton_->setEnabled(hasDocuments);
    saveDocument_->setEnabled(hasDocuments);
}

void AuthorityInboxWindow::accept() {
    if (!shown_ || !accept_->isEnabled()) {
        return;
    }
    busy_ = true;
    updateActions();
    setStatus(tr("Accepting case %1…").arg(shown_->protocolNumber), false);
    client_.accept(shown_->id);
}

void AuthorityInboxWindow::requestDocuments() {
    if (requestDocuments_->isEnabled()) {
        decideWithReason(Decision::RequestDocuments);
    }
}

void AuthorityInboxWindow::reject() {
    if (reject_->isEnabled()) {
        decideWithReason(Decision::Reject);
    }
}

void AuthorityInboxWindow::decideWithReason(Decision decision) {
    if (!shown_) {
        return;
    }
    const QString question =
        decision == Decision::Reject
            ? tr("Why is case %1 rejected? The KEP and the citizen are told.")
                  .arg(shown_->protocolNumber)
            : tr("Which documents does case %1 need? The KEP asks the citizen for them.")
                  .arg(shown_->protocolNumber);
    const auto reason = askReason_(question);
    if (!reason) {
        return;
    }
    if (reason->trimmed().isEmpty()) {
        setStatus(tr("Nothing was sent: the reason is needed."), true);
        return;
    }
    busy_ = true;
    updateActions();
    setStatus(tr("Sending…"), false);
    if (decision == Decision::Reject) {
        client_.reject(shown_->id, reason->trimmed());
    } else {
        client_.requestDocuments(shown_->id, reason->trimmed());
    }
}

void AuthorityInboxWindow::complete() {
    if (!shown_ || !complete_->isEnabled()) {
        return;
    }
    const QString file = chooseResult_();
    if (file.isEmpty()) {
        return;
    }
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        setStatus(tr("The file cannot be read."), true);
        return;
    }
    // One byte over the limit is enough to refuse it without reading a huge file.
    const QByteArray pdf = in.read(kep::desk::cases::kMaxAttachmentBytes + 1);
    switch (authority::checkResultDocument(pdf)) {
        case authority::ResultRefusal::None:
            break;
        case authority::ResultRefusal::Empty:
            setStatus(tr("Not sent: the file is empty."), true);
            return;
        case authority::ResultRefusal::TooLarge:
            setStatus(tr("Not sent: the result is larger than %1.")
                          .arg(QLocale().formattedDataSize(kep::desk::cases::kMaxAttachmentBytes)),
                      true);
            return;
        case authority::ResultRefusal::NotPdf:
            setStatus(tr("Not sent: the result must be a PDF document."), true);
            return;
    }
    busy_ = true;
    updateActions();
    setStatus(tr("Sending the result of case %1…").arg(shown_->protocolNumber), false);
    client_.complete(shown_->id, pdf);
}

void AuthorityInboxWindow::showDecided(const QString& caseId, Decision decision) {
    busy_ = false;
    QString done;
    switch (decision) {
        case Decision::Accept:
            done = tr("Case accepted: it is in progress.");
            break;
        case Decision::RequestDocuments:
            done = tr("Documents asked for: the KEP sees the request in its queue.");
            break;
        case Decision::Reject:
            done = tr("Case rejected.");
            break;
        case Decision::Complete:
            done = tr("Case completed: the KEP prints the result for the citizen.");
            break;
    }
    setStatus(done, false);
    client_.openCase(caseId);  // its new status and history
    refresh();
}

void AuthorityInboxWindow::showFailure(const admin::AdminFailure& failure) {
    busy_ = false;
    updateActions();
    if (failure.status == 409) {
        setStatus(tr("Refused: the case is no longer where this decision fits (%1). The inbox "
                     "is read again.")
                      .arg(failure.message),
                  true);
        if (shown_) {
            client_.openCase(shown_->id);
        }
        refresh();
        return;
    }
    if (failure.status == 404) {
        setStatus(tr("This case or document is not in your authority's inbox."), true);
        return;
    }
    setStatus(AdminMessages::failure(failure), true);
}

QString AuthorityInboxWindow::selectedDocumentFile(const CaseDocument& document) const {
    const auto type = kep::desk::cases::attachmentTypeOfMedia(document.mediaType)
                          .value_or(kep::desk::cases::AttachmentType::Pdf);
    return QDir(documentFolder_).filePath(kep::desk::cases::storedFileName(document.sha256, type));
}

void AuthorityInboxWindow::openSelectedDocument() {
    if (!shown_ || documents_->currentItem() == nullptr) {
        return;
    }
    saveTo_.clear();
    client_.fetchDocument(shown_->id, documents_->currentItem()->data(Qt::UserRole).toString());
}

void AuthorityInboxWindow::saveSelectedDocument() {
    if (!shown_ || documents_->currentItem() == nullptr) {
        return;
    }
    const QString sha256 = documents_->currentItem()->data(Qt::UserRole).toString();
    for (const CaseDocument& document : shown_->documents) {
        if (document.sha256 == sha256) {
            const QString file = chooseSave_(QFileInfo(selectedDocumentFile(document)).fileName());
            if (file.isEmpty()) {
                return;
            }
            saveTo_ = file;
            client_.fetchDocument(shown_->id, sha256);
            return;
        }
    }
}

void AuthorityInboxWindow::showDocument(const QString& caseId, const QString& sha256,
                                        const QByteArray& bytes) {
    if (!shown_ || shown_->id != caseId) {
        return;
    }
    QString file = saveTo_;
    const bool opening = file.isEmpty();
    if (opening) {
        for (const CaseDocument& document : shown_->documents) {
            if (document.sha256 == sha256) {
                file = selectedDocumentFile(document);
            }
        }
        QDir().mkpath(documentFolder_);
    }
    saveTo_.clear();
    QSaveFile out(file);
    if (file.isEmpty() || !out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() ||
        !out.commit()) {
        setStatus(tr("The document could not be written to this desk."), true);
        return;
    }
    if (!opening) {
        setStatus(tr("Saved as %1.").arg(QDir::toNativeSeparators(file)), false);
    } else if (opener_(file)) {
        setStatus(tr("The document is open in the system's viewer."), false);
    } else {
        setStatus(tr("The document is kept as %1; no viewer could open it.")
                      .arg(QDir::toNativeSeparators(file)),
                  true);
    }
}

void AuthorityInboxWindow::setStatus(const QString& text, bool error) {
    status_->setText(text);
    status_->setProperty("error", error);
    status_->setAccessibleDescription(text);
    status_->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
}

}  // namespace kep::desk::ui
