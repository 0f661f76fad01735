// A dashboard chart (Qt Charts) of counts with the same counts as a table beside it: the table
// is what the keyboard and a screen reader use. A click on a bar or slice, or Enter or a click
// on a row, asks for the cases behind that count.
#pragma once

#include <QList>
#include <QString>
#include <QWidget>

#include <cstdint>

class QChart;
class QChartView;
class QLabel;
class QTableWidget;

namespace kep::desk::ui {

class CountChart : public QWidget {
    Q_OBJECT
public:
    enum class Shape {
        Columns,  // one vertical bar per entry: days
        Bars,     // horizontal bars: statuses, with long names
        Pie,      // shares of a whole: channels
    };
    struct Entry {
        QString label;      // in the table and the pie's legend
        QString axisLabel;  // under a column ("24/3"); the label when empty
        std::int64_t count = 0;
    };

    explicit CountChart(Shape shape, QWidget* parent = nullptr);

    // The chart's heading, also the table's accessible name; "&" marks the key (Alt+key) that
    // moves to the table.
    void setTitle(const QString& title);
    void setCounts(const QList<Entry>& entries);

    QChartView* chartView() const { return view_; }
    QTableWidget* table() const { return table_; }
    QLabel* title() const { return title_; }

signals:
    void activated(int index);  // the entry's index in setCounts()'s list

protected:
    void changeEvent(QEvent* event) override;

private:
    void drawBars(const QList<Entry>& entries);
    void drawPie(const QList<Entry>& entries);
    void retranslateUi();

    Shape shape_;
    QLabel* title_;
    QChart* chart_;
    QChartView* view_;
    QTableWidget* table_;
};

}  // namespace kep::desk::ui
