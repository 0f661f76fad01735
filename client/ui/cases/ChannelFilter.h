// The channel choice of the work queues and the case search: every channel, or only the cases
// filed at the counter, at a myKEPlive call, or online through gov.gr or EU-GO.
#pragma once

#include "cases/CaseChannel.h"

#include <QComboBox>

#include <optional>

namespace kep::desk::ui {

class ChannelFilter : public QComboBox {
    Q_OBJECT
public:
    explicit ChannelFilter(QWidget* parent = nullptr);

    std::optional<kep::desk::cases::CaseChannel> channel() const;
    // Emits channelChosen when the choice changes.
    void setChannel(std::optional<kep::desk::cases::CaseChannel> channel);

signals:
    void channelChosen();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
};

}  // namespace kep::desk::ui
