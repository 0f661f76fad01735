// How the dashboards write their numbers in the desk's language: counts with grouping, days with
// one decimal, shares as percentages, sync lag in minutes — and "—" for a figure not known here.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <optional>

namespace kep::desk::ui {

class FigureText {
    Q_DECLARE_TR_FUNCTIONS(kep::desk::ui::FigureText)
public:
    static QString unknown();  // "—": offline, or nothing to compute it from
    static QString count(std::int64_t value);
    static QString days(std::optional<double> value);
    static QString share(std::optional<double> value);
    static QString syncLag(std::optional<std::int64_t> seconds);
};

}  // namespace kep::desk::ui
