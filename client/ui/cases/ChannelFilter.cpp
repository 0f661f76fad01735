#include "cases/ChannelFilter.h"

#include "cases/WorkQueuesTable.h"

#include <QEvent>

namespace kep::desk::ui {

using kep::desk::cases::CaseChannel;

ChannelFilter::ChannelFilter(QWidget* parent) : QComboBox(parent) {
    setObjectName(QStringLiteral("channelFilter"));
    addItem(QString());  // every channel: no data
    for (const CaseChannel channel : kep::desk::cases::kAllChannels) {
        addItem(QString(), QString::fromUtf8(kep::desk::cases::toString(channel).data()));
    }
    connect(this, &QComboBox::currentIndexChanged, this, &ChannelFilter::channelChosen);
    retranslateUi();
}

std::optional<CaseChannel> ChannelFilter::channel() const {
    return kep::desk::cases::caseChannelFromString(currentData().toString().toStdString());
}

void ChannelFilter::setChannel(std::optional<CaseChannel> channel) {
    setCurrentIndex(
        channel ? findData(QString::fromUtf8(kep::desk::cases::toString(*channel).data())) : 0);
}

void ChannelFilter::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QComboBox::changeEvent(event);
}

void ChannelFilter::retranslateUi() {
    setItemText(0, tr("All channels"));
    for (int i = 1; i < count(); ++i) {
        setItemText(i, WorkQueuesTable::channelName(kep::desk::cases::channelOrCounter(
                           itemData(i).toString().toStdString())));
    }
    setAccessibleName(tr("Channel"));
    setAccessibleDescription(
        tr("Every channel, or only the cases filed at the counter, at a myKEPlive call, or "
           "online through gov.gr or EU-GO."));
}

}  // namespace kep::desk::ui
