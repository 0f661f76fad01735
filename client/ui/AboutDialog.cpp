#include "AboutDialog.h"

#include "help/HelpTopic.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace kep::desk::ui {

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
    , text_(new QLabel(this))
    , buttons_(new QDialogButtonBox(QDialogButtonBox::Close, this)) {
    setObjectName(QStringLiteral("aboutDialog"));
    help::setTopic(this, QStringLiteral("about"));
    text_->setObjectName(QStringLiteral("aboutText"));
    text_->setTextFormat(Qt::RichText);
    text_->setWordWrap(true);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text_);
    layout->addWidget(buttons_);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(480);
    retranslateUi();
}

void AboutDialog::setServerVersion(const QString& version) {
    serverVersion_ = version;
    retranslateUi();
}

void AboutDialog::retranslateUi() {
    setWindowTitle(tr("About KEP Desk"));
    const QString server = serverVersion_.isEmpty()
                               ? tr("Server: not connected")
                               : tr("Server: version %1").arg(serverVersion_.toHtmlEscaped());
    text_->setText(QStringLiteral("<h2>%1</h2><p>%2</p><p>%3</p><p>%4<br>%5</p>")
                       .arg(tr("KEP Desk").toHtmlEscaped(),
                            tr("The counter workstation of the Citizens' Service Centres "
                               "(KEP) back office.")
                                .toHtmlEscaped(),
                            tr("Version %1").arg(QCoreApplication::applicationVersion()), server,
                            tr("Built with Qt %1").arg(QString::fromLatin1(qVersion()))));
    text_->setAccessibleName(tr("About KEP Desk"));
}

void AboutDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

}  // namespace kep::desk::ui
