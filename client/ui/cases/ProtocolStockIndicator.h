// The status-bar count of protocol numbers this workstation still holds for the year, with a
// warning while it runs low, so the clerk connects the desk before filing has to stop.
#pragma once

#include <QLabel>

#include <optional>

namespace kep::desk::ui {

class ProtocolStockIndicator : public QLabel {
    Q_OBJECT
public:
    explicit ProtocolStockIndicator(QWidget* parent = nullptr);

    // The words for a stock, in the current language.
    static QString describe(quint64 remaining, bool low);

    void setStock(int year, quint64 remaining, bool low);
    bool isWarning() const { return stock_ && stock_->low; }

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Stock {
        int year = 0;
        quint64 remaining = 0;
        bool low = false;
    };
    void refresh();

    std::optional<Stock> stock_;  // hidden until the first count is known
};

}  // namespace kep::desk::ui
