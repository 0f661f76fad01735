#include "circulars/UnreadCircularsDialog.h"

#include "circulars/CircularKinds.h"
#include "help/HelpTopic.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace kep::desk::ui {

UnreadCircularsDialog::UnreadCircularsDialog(kep::desk::circulars::CircularStore& store,
                                             QWidget* parent)
    : QDialog(parent)
    , store_(store)
    , intro_(new QLabel(this))
    , list_(new QListWidget(this))
    , text_(new QTextBrowser(this))
    , buttons_(new QDialogButtonBox(this))
    , markRead_(buttons_->addButton(QString(), QDialogButtonBox::AcceptRole))
    , later_(buttons_->addButton(QString(), QDialogButtonBox::RejectRole)) {
    help::setTopic(this, QStringLiteral("unread-circulars"));
    intro_->setWordWrap(true);
    text_->setOpenExternalLinks(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro_);
    layout->addWidget(list_, 1);
    layout->addWidget(text_, 2);
    layout->addWidget(buttons_);
    // "Mark read" closes the dialog only when nothing is left unread (markSelectedRead).
    connect(markRead_, &QPushButton::clicked, this, &UnreadCircularsDialog::markSelectedRead);
    connect(later_, &QPushButton::clicked, this, &QDialog::reject);
    connect(list_, &QListWidget::currentRowChanged, this, &UnreadCircularsDialog::showSelected);
    resize(640, 480);
    retranslateUi();
}

bool UnreadCircularsDialog::load(const QString& userId, const QString& language) {
    userId_ = userId;
    language_ = language;
    unread_ = store_.unreadBy(userId);
    fill();
    return !unread_.empty();
}

int UnreadCircularsDialog::unreadShown() const {
    return static_cast<int>(unread_.size());
}

void UnreadCircularsDialog::markSelectedRead() {
    const int row = list_->currentRow();
    if (row < 0 || row >= unreadShown()) {
        return;
    }
    store_.markRead(unread_[static_cast<std::size_t>(row)].id, userId_,
                    QDateTime::currentDateTimeUtc());
    emit receiptQueued();
    unread_.erase(unread_.begin() + row);
    if (unread_.empty()) {
        accept();
        return;
    }
    fill();
    list_->setCurrentRow(std::min(row, unreadShown() - 1));
}

void UnreadCircularsDialog::fill() {
    list_->clear();
    for (const auto& circular : unread_) {
        list_->addItem(
            QStringLiteral("%1 · %2 · %3")
                .arg(CircularKinds::name(circular.kind),
                     QLocale().toString(circular.sentAt.toLocalTime().date(), QLocale::ShortFormat),
                     circular.title(language_)));
    }
    if (!unread_.empty()) {
        list_->setCurrentRow(0);
    }
    markRead_->setEnabled(!unread_.empty());
    showSelected();
}

void UnreadCircularsDialog::showSelected() {
    const int row = list_->currentRow();
    if (row < 0 || row >= unreadShown()) {
        text_->clear();
        return;
    }
    const auto& circular = unread_[static_cast<std::size_t>(row)];
    const QString sender = circular.sender == QLatin1String("national")
                               ? tr("Central administration")
                               : tr("Region: %1").arg(circular.sender);
    text_->setHtml(QStringLiteral("<h3>%1</h3><p><i>%2</i></p><p>%3</p>")
                       .arg(circular.title(language_).toHtmlEscaped(), sender.toHtmlEscaped(),
                            circular.body(language_).toHtmlEscaped().replace(
                                QLatin1Char('\n'), QLatin1String("<br>"))));
}

void UnreadCircularsDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void UnreadCircularsDialog::retranslateUi() {
    setWindowTitle(tr("Unread circulars"));
    intro_->setText(
        tr("The central administration has sent circulars you have not read. Read "
           "each and mark it read; \"Later\" shows them again at your next sign-in."));
    markRead_->setText(tr("&Mark read"));
    later_->setText(tr("&Later"));
    list_->setAccessibleName(tr("Unread circulars"));
    text_->setAccessibleName(tr("Circular text"));
    fill();
}

}  // namespace kep::desk::ui
