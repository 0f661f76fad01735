#include "dashboard/OfficeDashboard.h"

#include "Clock.h"
#include "cases/WorkQueuesTable.h"
#include "dashboard/CountChart.h"
#include "dashboard/DrillDownPanel.h"
#include "dashboard/FigureButton.h"
#include "dashboard/FigureText.h"
#include "dashboard/MonthlyReportBar.h"
#include "dashboard/WorkloadTable.h"
#include "help/HelpTopic.h"

#include <QAction>
#include <QDate>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace kep::desk::ui {

namespace {

using kep::cases::CaseStatus;
using kep::desk::dashboard::Figure;
using Kind = kep::desk::dashboard::Figure::Kind;

kep::cases::Instant instantOf(const QDateTime& at) {
    return kep::cases::Instant{std::chrono::milliseconds{at.toMSecsSinceEpoch()}};
}

QDate qdateOf(kep::desk::dashboard::Day day) {
    return QDate(int(day.year()), int(unsigned(day.month())), int(unsigned(day.day())));
}

// The statuses a filed case can be in: every one but draft.
std::vector<CaseStatus> filedStatuses() {
    std::vector<CaseStatus> statuses;
    for (const CaseStatus status : kep::cases::kAllStatuses) {
        if (status != CaseStatus::Draft) {
            statuses.push_back(status);
        }
    }
    return statuses;
}

QLabel* sectionLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    QFont bold = label->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    label->setFont(bold);
    return label;
}

}  // namespace

OfficeDashboard::OfficeDashboard(const kep::desk::Clock& clock, QWidget* parent)
    : QWidget(parent)
    , clock_(clock)
    , heading_(sectionLabel(this))
    , todayLabel_(sectionLabel(this))
    , radarLabel_(sectionLabel(this))
    , serverLabel_(sectionLabel(this))
    , trendsLabel_(sectionLabel(this))
    , workloadLabel_(sectionLabel(this))
    , filedToday_(new FigureButton(this))
    , open_(new FigureButton(this))
    , dueToday_(new FigureButton(this))
    , dueThisWeek_(new FigureButton(this))
    , overdue_(new FigureButton(this))
    , medianLabel_(new QLabel(this))
    , median_(new QLabel(this))
    , p90Label_(new QLabel(this))
    , p90_(new QLabel(this))
    , complianceLabel_(new QLabel(this))
    , compliance_(new QLabel(this))
    , returnedLabel_(new QLabel(this))
    , returned_(new QLabel(this))
    , rejectedLabel_(new QLabel(this))
    , rejected_(new QLabel(this))
    , onlineLabel_(new QLabel(this))
    , online_(new QLabel(this))
    , perDay_(new CountChart(CountChart::Shape::Columns, this))
    , byStatus_(new CountChart(CountChart::Shape::Bars, this))
    , byChannel_(new CountChart(CountChart::Shape::Pie, this))
    , workload_(new WorkloadTable(this))
    , drillDown_(new DrillDownPanel(this))
    , refresh_(new QAction(this))
    , refreshButton_(new QToolButton(this))
    , report_(new MonthlyReportBar(clock, this)) {
    setObjectName(QStringLiteral("officeDashboard"));
    help::setTopic(this, QStringLiteral("office-dashboard"));
    const std::pair<FigureButton*, Kind> buttons[] = {
        {filedToday_, Kind::FiledToday},   {open_, Kind::OpenCases},  {dueToday_, Kind::DueToday},
        {dueThisWeek_, Kind::DueThisWeek}, {overdue_, Kind::Overdue},
    };
    for (const auto& [button, kind] : buttons) {
        connect(button, &QPushButton::clicked, this, [this, kind = kind] {
            Figure figure;
            figure.kind = kind;
            drillDown(figure);
        });
    }
    connect(perDay_, &CountChart::activated, this, [this](int index) {
        if (index >= 0 && index < int(figures_.filedPerDay.size())) {
            Figure figure;
            figure.kind = Kind::FiledOn;
            figure.day = figures_.filedPerDay[std::size_t(index)].day;
            drillDown(figure);
        }
    });
    connect(byStatus_, &CountChart::activated, this, [this](int index) {
        const auto statuses = filedStatuses();
        if (index >= 0 && index < int(statuses.size())) {
            Figure figure;
            figure.kind = Kind::Status;
            figure.status = statuses[std::size_t(index)];
            drillDown(figure);
        }
    });
    connect(byChannel_, &CountChart::activated, this, [this](int index) {
        if (index >= 0 && index < int(kep::desk::cases::kAllChannels.size())) {
            Figure figure;
            figure.kind = Kind::FiledByChannel;
            figure.channel = kep::desk::cases::kAllChannels[std::size_t(index)];
            drillDown(figure);
        }
    });
    connect(workload_, &WorkloadTable::figureActivated, this, &OfficeDashboard::drillDown);
    connect(drillDown_, &DrillDownPanel::caseOpened, this, &OfficeDashboard::caseOpened);

    refresh_->setObjectName(QStringLiteral("dashboardRefreshAction"));
    refresh_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    refresh_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(refresh_);
    connect(refresh_, &QAction::triggered, this, &OfficeDashboard::refresh);
    refreshButton_->setDefaultAction(refresh_);

    auto* top = new QHBoxLayout;
    top->addWidget(heading_, 1);
    top->addWidget(refreshButton_);
    auto* today = new QHBoxLayout;
    today->addWidget(filedToday_);
    today->addWidget(open_);
    today->addStretch(1);
    auto* radar = new QHBoxLayout;
    radar->addWidget(dueToday_);
    radar->addWidget(dueThisWeek_);
    radar->addWidget(overdue_);
    radar->addStretch(1);
    auto* server = new QFormLayout;
    for (const auto& [label, value] :
         {std::pair{medianLabel_, median_}, std::pair{p90Label_, p90_},
          std::pair{complianceLabel_, compliance_}, std::pair{returnedLabel_, returned_},
          std::pair{rejectedLabel_, rejected_}, std::pair{onlineLabel_, online_}}) {
        value->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
        value->setFocusPolicy(Qt::TabFocus);  // read out in Tab order with the other figures
        label->setBuddy(value);
        server->addRow(label, value);
    }
    auto* trends = new QHBoxLayout;
    trends->addWidget(byStatus_, 3);
    trends->addWidget(byChannel_, 2);

    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    column->addLayout(top);
    column->addWidget(report_);
    column->addWidget(todayLabel_);
    column->addLayout(today);
    column->addWidget(radarLabel_);
    column->addLayout(radar);
    column->addWidget(serverLabel_);
    column->addLayout(server);
    column->addWidget(trendsLabel_);
    column->addWidget(perDay_);
    column->addLayout(trends);
    column->addWidget(workloadLabel_);
    column->addWidget(workload_);
    workloadLabel_->setBuddy(workload_);
    workload_->setMinimumHeight(140);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    scroll->setFocusPolicy(Qt::NoFocus);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(scroll);
    split->addWidget(drillDown_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);
    setFocusProxy(overdue_);
    retranslateUi();
    showFigures();
}

FigureButton* OfficeDashboard::figureButton(Kind kind) const {
    switch (kind) {
        case Kind::FiledToday:
            return filedToday_;
        case Kind::OpenCases:
            return open_;
        case Kind::DueToday:
            return dueToday_;
        case Kind::DueThisWeek:
            return dueThisWeek_;
        case Kind::Overdue:
            return overdue_;
        default:
            return nullptr;
    }
}

void OfficeDashboard::setQueries(const kep::desk::dashboard::OfficeFigureQueries* queries,
                                 std::optional<std::string> onlyClerk) {
    queries_ = queries;
    onlyClerk_ = std::move(onlyClerk);
    figures_ = {};
    server_.reset();
    drilled_.reset();
    drillDown_->clear();
    if (queries_ == nullptr) {
        showFigures();
        return;
    }
    refresh();
}

void OfficeDashboard::refresh() {
    if (queries_ == nullptr) {
        return;
    }
    const auto now = instantOf(clock_.now());
    figures_ = queries_->figures(now, onlyClerk_);
    showFigures();
    if (drilled_) {
        const Figure again = *drilled_;
        drillDown(again);
    }
    emit serverFiguresWanted();
}

void OfficeDashboard::showServerFigures(
    const std::optional<kep::desk::dashboard::StatsOverview>& overview) {
    server_ = overview;
    showFigures();
}

void OfficeDashboard::drillDown(const Figure& figure) {
    if (queries_ == nullptr) {
        return;
    }
    drilled_ = figure;
    const auto now = instantOf(clock_.now());
    const auto cases = queries_->cases(figure, now, DrillDownPanel::kPageSize);
    const auto& names = queries_->caseQueries();
    drillDown_->showCases(figureName(figure), figure.valueIn(figures_), cases,
                          [&names](const std::string& userId) {
                              return QString::fromStdString(names.staffName(userId));
                          });
    drillDown_->table()->setFocus(Qt::OtherFocusReason);
}

QString OfficeDashboard::figureName(const Figure& figure) const {
    const auto personName = [this, &figure] {
        for (const auto& w : figures_.workload) {
            if (w.userId == figure.userId) {
                return QString::fromStdString(w.name);
            }
        }
        return QString::fromStdString(figure.userId);
    };
    switch (figure.kind) {
        case Kind::FiledToday:
            return tr("Filed today");
        case Kind::FiledOn:
            return tr("Filed on %1")
                .arg(QLocale().toString(qdateOf(figure.day), QLocale::ShortFormat));
        case Kind::FiledByChannel:
            return tr("Filed in the last %n day(s): %1", nullptr,
                      kep::desk::dashboard::DayPeriod::kTrendDays)
                .arg(WorkQueuesTable::channelName(figure.channel));
        case Kind::Status:
            return tr("Now: %1").arg(WorkQueuesTable::statusName(figure.status));
        case Kind::OpenCases:
            return tr("Open cases");
        case Kind::DueToday:
            return tr("Due today");
        case Kind::DueThisWeek:
            return tr("Due in the next 6 days");
        case Kind::Overdue:
            return tr("Overdue");
        case Kind::ClerkOpenCases:
            return tr("Open cases filed by %1").arg(personName());
        case Kind::ClerkFiledThisMonth:
            return tr("Filed this month by %1").arg(personName());
    }
    return {};
}

void OfficeDashboard::showFigures() {
    const bool any = queries_ != nullptr;
    const auto value = [any](std::int64_t n) {
        return any ? FigureText::count(n) : FigureText::unknown();
    };
    filedToday_->setFigure(tr("Filed today"), value(figures_.filedToday));
    open_->setFigure(tr("Open cases"), value(figures_.openCases));
    dueToday_->setFigure(tr("Due today"), value(figures_.radar.dueToday));
    dueThisWeek_->setFigure(tr("Due in the next 6 days"), value(figures_.radar.dueThisWeek));
    overdue_->setFigure(tr("Overdue"), value(figures_.radar.overdue));
    overdue_->setStyleSheet(any && figures_.radar.overdue > 0
                                ? QStringLiteral("color: #b00020; font-weight: bold;")
                                : QString());

    const auto* s = server_ ? &*server_ : nullptr;
    median_->setText(s ? FigureText::days(s->processingDays.median) : FigureText::unknown());
    p90_->setText(s ? FigureText::days(s->processingDays.p90) : FigureText::unknown());
    compliance_->setText(s ? FigureText::share(s->deadlineCompliance) : FigureText::unknown());
    returned_->setText(s ? FigureText::share(s->returnedRate) : FigureText::unknown());
    rejected_->setText(s ? FigureText::share(s->rejectedRate) : FigureText::unknown());
    online_->setText(s ? FigureText::share(s->onlineShare) : FigureText::unknown());
    const std::pair<QLabel*, QLabel*> named[] = {
        {medianLabel_, median_},     {p90Label_, p90_},           {complianceLabel_, compliance_},
        {returnedLabel_, returned_}, {rejectedLabel_, rejected_}, {onlineLabel_, online_}};
    for (const auto& [label, shown] : named) {
        QString name = label->text();
        shown->setAccessibleName(
            QStringLiteral("%1 %2").arg(name.remove(QLatin1Char('&')), shown->text()));
    }

    QList<CountChart::Entry> days;
    for (const auto& d : figures_.filedPerDay) {
        const QDate date = qdateOf(d.day);
        days.append({QLocale().toString(date, QLocale::ShortFormat),
                     QStringLiteral("%1/%2").arg(date.day()).arg(date.month()), d.count});
    }
    perDay_->setCounts(days);
    QList<CountChart::Entry> statuses;
    for (const CaseStatus status : filedStatuses()) {
        statuses.append({WorkQueuesTable::statusName(status), {}, figures_.ofStatus(status)});
    }
    byStatus_->setCounts(any ? statuses : QList<CountChart::Entry>{});
    QList<CountChart::Entry> channels;
    for (const auto channel : kep::desk::cases::kAllChannels) {
        channels.append({WorkQueuesTable::channelName(channel), {}, figures_.ofChannel(channel)});
    }
    byChannel_->setCounts(any ? channels : QList<CountChart::Entry>{});
    workload_->showWorkload(figures_.workload);
    heading_->setText(
        any ? tr("Office figures of %1")
                  .arg(QLocale().toString(qdateOf(figures_.today), QLocale::LongFormat))
            : tr("Office figures"));
}

void OfficeDashboard::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        showFigures();
    }
    QWidget::changeEvent(event);
}

void OfficeDashboard::retranslateUi() {
    setWindowTitle(tr("Office &dashboard"));
    todayLabel_->setText(tr("Today"));
    radarLabel_->setText(tr("Deadline radar (awaiting documents does not count)"));
    serverLabel_->setText(tr("From the server (— when offline)"));
    trendsLabel_->setText(tr("The last 30 days"));
    workloadLabel_->setText(tr("&Workload per person (alphabetical)"));
    medianLabel_->setText(tr("Processing time, &median:"));
    p90Label_->setText(tr("Processing time, &90th percentile:"));
    complianceLabel_->setText(tr("Completed within the deadline:"));
    returnedLabel_->setText(tr("Returned to the clerk:"));
    rejectedLabel_->setText(tr("Rejected:"));
    onlineLabel_->setText(tr("Filed online:"));
    perDay_->setTitle(tr("Filed &per day"));
    byStatus_->setTitle(tr("By &status, now"));
    byChannel_->setTitle(tr("By cha&nnel"));
    refresh_->setText(tr("&Refresh"));
    refresh_->setToolTip(tr("Read the figures again (Ctrl+R)"));
    refreshButton_->setAccessibleName(tr("Refresh the figures"));
    setAccessibleName(tr("Office dashboard"));
}

}  // namespace kep::desk::ui
