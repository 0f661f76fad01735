#include "circulars/CircularComposer.h"

#include "circulars/CircularKinds.h"
#include "help/HelpTopic.h"

#include <QAction>
#include <QButtonGroup>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace kep::desk::ui {

namespace {

using kep::desk::circulars::CircularAudience;

QPlainTextEdit* textField(QWidget* parent) {
    auto* text = new QPlainTextEdit(parent);
    text->setTabChangesFocus(true);  // Tab moves on, as in every other field of the form
    text->setMinimumHeight(80);
    return text;
}

}  // namespace

CircularComposer::CircularComposer(QWidget* parent)
    : QWidget(parent)
    , kindLabel_(new QLabel(this))
    , kind_(new QComboBox(this))
    , titleElLabel_(new QLabel(this))
    , titleEl_(new QLineEdit(this))
    , titleEnLabel_(new QLabel(this))
    , titleEn_(new QLineEdit(this))
    , bodyElLabel_(new QLabel(this))
    , bodyEl_(textField(this))
    , bodyEnLabel_(new QLabel(this))
    , bodyEn_(textField(this))
    , audienceLabel_(new QLabel(this))
    , toAll_(new QRadioButton(this))
    , toRegion_(new QRadioButton(this))
    , region_(new QComboBox(this))
    , toOffices_(new QRadioButton(this))
    , offices_(new QListWidget(this))
    , send_(new QPushButton(this))
    , problem_(new QLabel(this)) {
    setObjectName(QStringLiteral("circularComposer"));
    help::setTopic(this, QStringLiteral("circular-composer"));
    for (const QString& code : CircularKinds::codes()) {
        kind_->addItem(QString(), code);
    }
    kindLabel_->setBuddy(kind_);
    titleElLabel_->setBuddy(titleEl_);
    titleEnLabel_->setBuddy(titleEn_);
    bodyElLabel_->setBuddy(bodyEl_);
    bodyEnLabel_->setBuddy(bodyEn_);
    region_->setObjectName(QStringLiteral("circularRegion"));
    offices_->setObjectName(QStringLiteral("circularOffices"));
    offices_->setMaximumHeight(120);
    auto* audience = new QButtonGroup(this);
    for (QRadioButton* choice : {toAll_, toRegion_, toOffices_}) {
        audience->addButton(choice);
        connect(choice, &QRadioButton::toggled, this, &CircularComposer::audienceChanged);
    }
    toAll_->setChecked(true);
    problem_->setWordWrap(true);
    problem_->hide();
    send_->setObjectName(QStringLiteral("sendCircularButton"));
    auto* sendAction = new QAction(this);
    sendAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    sendAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(sendAction);
    connect(sendAction, &QAction::triggered, this, &CircularComposer::requestSend);
    connect(send_, &QPushButton::clicked, this, &CircularComposer::requestSend);

    auto* audienceRows = new QGridLayout;
    audienceRows->addWidget(toAll_, 0, 0, 1, 2);
    audienceRows->addWidget(toRegion_, 1, 0);
    audienceRows->addWidget(region_, 1, 1);
    audienceRows->addWidget(toOffices_, 2, 0, Qt::AlignTop);
    audienceRows->addWidget(offices_, 2, 1);
    auto* form = new QFormLayout;
    form->addRow(kindLabel_, kind_);
    form->addRow(titleElLabel_, titleEl_);
    form->addRow(titleEnLabel_, titleEn_);
    form->addRow(bodyElLabel_, bodyEl_);
    form->addRow(bodyEnLabel_, bodyEn_);
    form->addRow(audienceLabel_, audienceRows);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(send_, 0, Qt::AlignRight);
    audienceChanged();
    retranslateUi();
}

void CircularComposer::setOffices(const QList<kep::desk::admin::Office>& offices) {
    const QString region = region_->currentText();
    std::set<QString> regions;
    offices_->clear();
    for (const auto& office : offices) {
        regions.insert(office.region);
        auto* item =
            new QListWidgetItem(QStringLiteral("%1 %2").arg(office.code, office.name), offices_);
        item->setData(Qt::UserRole, office.code);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Unchecked);
    }
    region_->clear();
    for (const QString& each : regions) {
        region_->addItem(each);
    }
    region_->setCurrentIndex(std::max(region_->findText(region), 0));
}

void CircularComposer::setNationalAudience(bool allowed) {
    toAll_->setVisible(allowed);
    if (!allowed && toAll_->isChecked()) {
        toRegion_->setChecked(true);
    }
}

void CircularComposer::audienceChanged() {
    region_->setEnabled(toRegion_->isChecked());
    offices_->setEnabled(toOffices_->isChecked());
}

bool CircularComposer::refuse(const QString& problem, QWidget* field) {
    problem_->setText(problem);
    problem_->show();
    field->setFocus(Qt::OtherFocusReason);
    return false;
}

std::optional<kep::desk::circulars::OutgoingCircular> CircularComposer::circular() {
    kep::desk::circulars::OutgoingCircular circular;
    circular.kind = kind_->currentData().toString();
    circular.titleEl = titleEl_->text().trimmed();
    circular.titleEn = titleEn_->text().trimmed();
    circular.bodyEl = bodyEl_->toPlainText().trimmed();
    circular.bodyEn = bodyEn_->toPlainText().trimmed();
    // The Greek text is what every office reads; English is for the offices' foreign visitors.
    if (circular.titleEl.isEmpty()) {
        refuse(tr("Write the title in Greek."), titleEl_);
        return std::nullopt;
    }
    if (circular.bodyEl.isEmpty()) {
        refuse(tr("Write the text in Greek."), bodyEl_);
        return std::nullopt;
    }
    if (toRegion_->isChecked()) {
        if (region_->currentText().isEmpty()) {
            refuse(tr("Choose the region."), region_);
            return std::nullopt;
        }
        circular.audience = {CircularAudience::Kind::Region, region_->currentText(), {}};
    } else if (toOffices_->isChecked()) {
        QStringList codes;
        for (int row = 0; row < offices_->count(); ++row) {
            if (offices_->item(row)->checkState() == Qt::Checked) {
                codes << offices_->item(row)->data(Qt::UserRole).toString();
            }
        }
        if (codes.isEmpty()) {
            refuse(tr("Tick at least one office."), offices_);
            return std::nullopt;
        }
        circular.audience = {CircularAudience::Kind::Offices, {}, codes};
    }
    problem_->hide();
    return circular;
}

void CircularComposer::requestSend() {
    if (!send_->isEnabled()) {
        return;  // one circular at a time
    }
    if (const auto written = circular()) {
        emit sendRequested(*written);
    }
}

void CircularComposer::clearText() {
    titleEl_->clear();
    titleEn_->clear();
    bodyEl_->clear();
    bodyEn_->clear();
    problem_->hide();
    titleEl_->setFocus(Qt::OtherFocusReason);
}

void CircularComposer::setSending(bool sending) {
    send_->setEnabled(!sending);
}

void CircularComposer::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void CircularComposer::retranslateUi() {
    kindLabel_->setText(tr("Kin&d:"));
    for (int at = 0; at < kind_->count(); ++at) {
        kind_->setItemText(at, CircularKinds::name(kind_->itemData(at).toString()));
    }
    titleElLabel_->setText(tr("&Title in Greek:"));
    titleEnLabel_->setText(tr("Title in &English (optional):"));
    bodyElLabel_->setText(tr("Te&xt in Greek:"));
    bodyEnLabel_->setText(tr("Text in E&nglish (optional):"));
    audienceLabel_->setText(tr("To:"));
    toAll_->setText(tr("Every &office"));
    toRegion_->setText(tr("The offices of the &region"));
    toOffices_->setText(tr("The offices &chosen"));
    send_->setText(tr("&Send"));
    send_->setToolTip(tr("Ctrl+Enter"));
    // Screen readers read each field by its label without the shortcut's ampersand.
    const QList<std::pair<QWidget*, QLabel*>> named{{kind_, kindLabel_},
                                                    {titleEl_, titleElLabel_},
                                                    {titleEn_, titleEnLabel_},
                                                    {bodyEl_, bodyElLabel_},
                                                    {bodyEn_, bodyEnLabel_}};
    for (const auto& [field, label] : named) {
        field->setAccessibleName(QString(label->text()).remove(QLatin1Char('&')).chopped(1));
    }
    region_->setAccessibleName(tr("Region"));
    offices_->setAccessibleName(tr("Offices to receive the circular"));
    send_->setAccessibleName(tr("Send the circular"));
    problem_->setAccessibleName(tr("Problem"));
}

}  // namespace kep::desk::ui
