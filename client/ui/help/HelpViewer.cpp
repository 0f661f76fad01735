#include "help/HelpViewer.h"

#include "help/HelpTopic.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace kep::desk::ui::help {

HelpViewer::HelpViewer(QWidget* parent)
    : QDialog(parent)
    , browser_(new QTextBrowser(this))
    , buttons_(new QDialogButtonBox(QDialogButtonBox::Close, this)) {
    setObjectName(QStringLiteral("helpViewer"));
    setModal(false);
    browser_->setObjectName(QStringLiteral("helpText"));
    // The pages have no links to follow: the browser is for reading and scrolling.
    browser_->setOpenLinks(false);
    browser_->setFocusPolicy(Qt::StrongFocus);
    buttons_->setObjectName(QStringLiteral("helpButtons"));
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(browser_);
    layout->addWidget(buttons_);
    setFocusProxy(browser_);
    resize(560, 520);
    retranslateUi();
}

bool HelpViewer::showTopic(const QString& topic, const QString& language) {
    topic_ = topic;
    language_ = language;
    QFile page(pagePath(language, topic));
    pageFound_ = page.open(QIODevice::ReadOnly);
    if (pageFound_) {
        browser_->setHtml(QString::fromUtf8(page.readAll()));
    } else {
        qWarning("kep-desk: no help page for topic \"%s\" in \"%s\"", qPrintable(topic),
                 qPrintable(language));
    }
    retranslateUi();
    browser_->setFocus(Qt::OtherFocusReason);
    return pageFound_;
}

void HelpViewer::retranslateUi() {
    if (!pageFound_) {
        browser_->setPlainText(
            topic_.isEmpty()
                ? tr("This screen has no help page. Please tell IT support.")
                : tr("The help page \"%1\" is missing from this installation. Please tell IT "
                     "support.")
                      .arg(topic_));
    }
    const QString title = browser_->documentTitle();
    setWindowTitle(title.isEmpty() ? tr("Help — KEP Desk") : tr("Help: %1 — KEP Desk").arg(title));
    browser_->setAccessibleName(tr("Help text"));
    browser_->setAccessibleDescription(
        tr("The arrow keys and Page Up or Page Down scroll the text; Esc closes the help."));
    if (QPushButton* close = buttons_->button(QDialogButtonBox::Close)) {
        close->setAccessibleName(tr("Close the help"));
    }
}

void HelpViewer::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

}  // namespace kep::desk::ui::help
