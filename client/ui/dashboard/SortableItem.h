// A table cell that sorts by a number while it shows text ("1.234", "4,5 days", "—"): the
// national dashboard's tables sort by a figure, not by its words.
#pragma once

#include <QTableWidgetItem>

#include <limits>
#include <optional>

namespace kep::desk::ui {

class SortableItem : public QTableWidgetItem {
public:
    static constexpr int kSortRole = Qt::UserRole + 1;

    // `key` nullopt (a figure not known) sorts below every number.
    SortableItem(const QString& text, std::optional<double> key) : QTableWidgetItem(text) {
        setData(kSortRole, key.value_or(-std::numeric_limits<double>::infinity()));
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }

    bool operator<(const QTableWidgetItem& other) const override {
        return data(kSortRole).toDouble() < other.data(kSortRole).toDouble();
    }
};

}  // namespace kep::desk::ui
