// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Edit to replot: the time from an edit in the workbench (a new duration, as typed) until the
// chart on screen has been redrawn with the new result: the undo command, the evaluation on the
// worker thread, the result handed back, the series rebuilt and the QCustomPlot replot. Each
// repetition is one edit; the p95 over the repetitions is the figure to hold under 16 ms.
// Run from a Release build, offscreen (software rendering, 1280x800 window):
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-bench -j2 --target bench_workbench
//   QT_QPA_PLATFORM=offscreen ./build-bench/bench/bench_workbench
//
// Where the time goes: each edit also reports, as counters (mean, median, stddev and p95 over the
// edits), the CPU time of the GUI thread in each phase of the edit, and the worker's. They add up
// to what a quiet machine would take (chain_ms), also when other processes load the CPU and the
// wall time says more about the load than about Costscape:
//   edit_ms      the document's edit and every panel's refresh on scenarioChanged
//   result_ms    from the worker's result reaching the GUI thread to the line-item model holding
//                the new figures (the headline, the summary line, the line items)
//   chart_ms     the visible chart's series built and set (setSeries and what it calls)
//   costs_ms     the rest of the result's handler (the options list's costs, the timing label)
//   replot_ms    the visible chart's QCustomPlot replot
//   other_ms     the rest of the GUI thread's time: painting the widgets, the event loop
//   gui_ms       the GUI thread's CPU over the whole edit (the sum of the above)
//   worker_ms    the CPU of every other thread meanwhile: the evaluation on the worker
//   chain_ms     gui_ms + worker_ms: the edit's latency on two free cores (the parts run one
//                after the other)

#include "bench/yearscenario.h"

#include "ui/charts/chartbase.h"
#include "ui/charts/hourlychart.h"
#include "ui/document/evaluationrunner.h"
#include "ui/itemmodels/lineitemmodel.h"
#include "ui/mainwindow.h"
#include "ui/panels/resultspanel.h"
#include "ui/document/scenariodocument.h"

#include <benchmark/benchmark.h>
#include <qcustomplot.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcherBase>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>
#include <cstdio>
#include <ctime>
#include <memory>

namespace {

using Costscape::Ui::MainWindow;
using Costscape::Ui::ResultsPanel;

QTemporaryDir &tempDir()
{
    static QTemporaryDir dir;
    return dir;
}

QString yearFile()
{
    const QString path = tempDir().filePath(QStringLiteral("year.costscape.json"));
    if (!QFile::exists(path)) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(QByteArray::fromStdString(Costscape::Bench::yearScenarioText())) < 0) {
            std::fprintf(stderr, "bench_workbench: cannot write %s\n", qPrintable(path));
            std::exit(1);
        }
    }
    return path;
}

QString sampleFile()
{
    return QStringLiteral(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");
}

/** CPU time of the calling thread, or of the whole process, in ms. */
double cpuMs(clockid_t clock)
{
    timespec t{};
    clock_gettime(clock, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}
double threadMs()
{
    return cpuMs(CLOCK_THREAD_CPUTIME_ID);
}
double processMs()
{
    return cpuMs(CLOCK_PROCESS_CPUTIME_ID);
}

/**
 * Marks the GUI thread's CPU clock at each event delivered to a QFutureWatcher (the runner's):
 * the last one before the line items change is the "finished" that hands the result over. An
 * application-wide event filter sees it before the watcher does.
 */
class ArrivalFilter final : public QObject
{
public:
    double arrived = -1; ///< thread CPU ms, or -1 while nothing arrived
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (qobject_cast<QFutureWatcherBase *>(watched))
            arrived = threadMs();
        return QObject::eventFilter(watched, event);
    }
};

// Runs the event loop until the newest result is on screen and the visible chart has replotted.
// It sleeps between events (a busy loop would add its spinning to the GUI thread's CPU time and
// take a core from the worker); the timer wakes it to check the time limit.
bool waitForReplot(MainWindow &w, bool &replotted)
{
    QElapsedTimer timer;
    timer.start();
    QTimer wake;
    wake.start(100);
    while (timer.elapsed() < 10000) {
        if (w.results()->shownGeneration() == w.runner()->latestGeneration() && replotted)
            return true;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return false;
}

/**
 * Each repetition one edit of the workload's duration. `fresh`: every edit types a value not seen
 * before (120.5, 121, 121.5 ...), so no fleet packed earlier comes back whole; otherwise the edits
 * go 120 -> 121 -> 120, as typing and undoing do, and the packings of both are remembered.
 */
void editToReplot(benchmark::State &state, const QString &file, ResultsPanel::Tab tab, bool fresh = false)
{
    MainWindow w;
    w.resize(1280, 800);
    w.show();
    if (!w.openScenario(file, true)) {
        state.SkipWithError(qPrintable(w.lastError()));
        return;
    }
    // Sweeps are a separate measurement (below): keep them from competing for the two cores.
    w.runner()->setSweepEnabled(false);
    w.results()->setCurrentTab(tab);
    bool replotted = false;
    QCustomPlot *plot = w.results()->currentChart()->plot();
    // The phases' marks on the GUI thread's CPU clock (see the counters at the top of this file).
    ArrivalFilter arrival;
    double arrived = -1, itemsDone = -1, shown = -1, handled = -1, replotStart = -1, replotMs = 0;
    const auto itemsChanged = [&] {
        itemsDone = threadMs();
        arrived = arrival.arrived;
    };
    QObject::connect(plot, &QCustomPlot::beforeReplot, plot, [&replotStart] { replotStart = threadMs(); });
    QObject::connect(plot, &QCustomPlot::afterReplot, plot, [&] {
        replotMs += threadMs() - replotStart;
        replotted = true;
    });
    Costscape::Ui::LineItemModel *items = w.results()->lineItemModel();
    QObject::connect(items, &QAbstractItemModel::dataChanged, items, itemsChanged);
    QObject::connect(items, &QAbstractItemModel::modelReset, items, itemsChanged);
    QObject::connect(w.results(), &ResultsPanel::resultShown, w.results(), [&shown] { shown = threadMs(); });
    // Connected after the window's own handler, so this runs when that handler has returned.
    QObject::connect(w.runner(), &Costscape::Ui::EvaluationRunner::evaluated, w.results(), [&handled] { handled = threadMs(); });
    waitForReplot(w, replotted);
    QCoreApplication::instance()->installEventFilter(&arrival);

    static double next = 120; // fresh values stay fresh across the repetitions (each a new window)
    double duration = 120;
    for (auto _ : state) {
        duration = fresh ? (next += 0.5) : duration == 120 ? 121 : 120;
        replotted = false;
        arrived = itemsDone = shown = handled = arrival.arrived = -1;
        replotMs = 0;
        const auto start = std::chrono::steady_clock::now();
        const double gui0 = threadMs();
        const double process0 = processMs();
        w.document()->edit(QStringLiteral("duration"), [duration](Costscape::Models::Scenario &s) { s.workload.durationMs = duration; });
        const double edited = threadMs();
        if (!waitForReplot(w, replotted)) {
            state.SkipWithError("no replot within 10 s");
            return;
        }
        const auto end = std::chrono::steady_clock::now();
        const double gui = threadMs() - gui0;
        const double worker = processMs() - process0 - gui;
        state.SetIterationTime(std::chrono::duration<double>(end - start).count());
        if (arrived < 0 || itemsDone < 0 || shown < 0 || handled < 0) {
            state.SkipWithError("a phase of the edit was not seen (the window's signals changed?)");
            return;
        }
        const double phases[] = {edited - gui0, itemsDone - arrived, shown - itemsDone, handled - shown, replotMs};
        state.counters["edit_ms"] = phases[0];
        state.counters["result_ms"] = phases[1];
        state.counters["chart_ms"] = phases[2];
        state.counters["costs_ms"] = phases[3];
        state.counters["replot_ms"] = phases[4];
        double named = 0;
        for (double phase : phases)
            named += phase;
        state.counters["other_ms"] = gui - named;
        state.counters["gui_ms"] = gui;
        state.counters["worker_ms"] = worker;
        state.counters["chain_ms"] = gui + worker;
    }
    QCoreApplication::instance()->removeEventFilter(&arrival);
    const auto &e = *w.evaluation();
    state.counters["slots"] = static_cast<double>(e.ratePerSecond.size());
    state.counters["options"] = static_cast<double>(e.options.size());
}

double percentile95(const std::vector<double> &v)
{
    if (v.empty())
        return 0;
    std::vector<double> s = v;
    std::sort(s.begin(), s.end());
    const auto index = static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(s.size()))) - 1;
    return s[std::min(index, s.size() - 1)];
}

void BM_EditToReplot_Sample_Monthly(benchmark::State &state)
{
    editToReplot(state, sampleFile(), ResultsPanel::MonthlyTab);
}
void BM_EditToReplot_Sample_Hourly(benchmark::State &state)
{
    editToReplot(state, sampleFile(), ResultsPanel::HourlyTab);
}
void BM_EditToReplot_Year10_Monthly(benchmark::State &state)
{
    editToReplot(state, yearFile(), ResultsPanel::MonthlyTab);
}
void BM_EditToReplot_Year10_Hourly(benchmark::State &state)
{
    editToReplot(state, yearFile(), ResultsPanel::HourlyTab);
}
void BM_EditToReplot_Year10_Monthly_NewValues(benchmark::State &state)
{
    editToReplot(state, yearFile(), ResultsPanel::MonthlyTab, true);
}
void BM_EditToReplot_Year10_Hourly_NewValues(benchmark::State &state)
{
    editToReplot(state, yearFile(), ResultsPanel::HourlyTab, true);
}

// Each repetition is one edit; p95 is over the repetitions.
#define EDIT_BENCH(fn)                                                                                                 \
    BENCHMARK(fn)                                                                                                      \
        ->UseManualTime()                                                                                              \
        ->Iterations(1)                                                                                                \
        ->Repetitions(120)                                                                                             \
        ->ComputeStatistics("p95", percentile95)                                                                       \
        ->ReportAggregatesOnly(true)                                                                                   \
        ->Unit(benchmark::kMillisecond)
EDIT_BENCH(BM_EditToReplot_Sample_Monthly);
EDIT_BENCH(BM_EditToReplot_Sample_Hourly);
EDIT_BENCH(BM_EditToReplot_Year10_Monthly);
EDIT_BENCH(BM_EditToReplot_Year10_Hourly);
EDIT_BENCH(BM_EditToReplot_Year10_Monthly_NewValues);
EDIT_BENCH(BM_EditToReplot_Year10_Hourly_NewValues);

// Issue 13: HourlyChart::setSeries re-laid out the legend for every series it removed, a cost
// growing with the cube of the options (about 4 s a call at 1,000). Linear, two calls of 1,000
// options (the second removes the first's 2,000 graphs) take about 0.1 s. (Timed here, not in
// tst_hourlychart, which keeps the legend's checks.)
void BM_HourlyChart_SetSeriesTwice_1000Options(benchmark::State &state)
{
    Costscape::Models::HourlySeries series;
    for (int h = 0; h < 168; ++h)
        series.ratePerSecond.push_back(40 + 30 * std::sin(h * 3.14159 / 12));
    for (int o = 0; o < 1000; ++o) {
        Costscape::Models::HourlySeries::Line line;
        line.id = "option-" + std::to_string(o);
        line.unit = "tasks";
        for (double rate : series.ratePerSecond) {
            line.fleet.push_back(std::ceil(rate / (10 + o)));
            line.cost.push_back(line.fleet.back() * 0.04 * (o + 1));
        }
        series.lines.push_back(std::move(line));
    }
    for (auto _ : state) {
        Costscape::Ui::HourlyChart chart;
        chart.setSeries(series);
        chart.setSeries(series);
    }
}
BENCHMARK(BM_HourlyChart_SetSeriesTwice_1000Options)->Unit(benchmark::kMillisecond)->UseRealTime();

// The cost-against-traffic sweep after an edit: it runs when the edits pause, off the GUI thread.
void editToSweep(benchmark::State &state, const QString &file)
{
    MainWindow w;
    w.resize(1280, 800);
    w.show();
    if (!w.openScenario(file, true)) {
        state.SkipWithError(qPrintable(w.lastError()));
        return;
    }
    w.runner()->setSweepDelay(0);
    w.results()->setCurrentTab(ResultsPanel::TrafficTab);
    bool swept = false;
    QObject::connect(w.runner(), &Costscape::Ui::EvaluationRunner::swept, &w, [&swept] { swept = true; });
    QElapsedTimer timer;
    timer.start();
    while (!swept && timer.elapsed() < 30000)
        QCoreApplication::processEvents();
    double duration = 120;
    for (auto _ : state) {
        duration = duration == 120 ? 121 : 120;
        swept = false;
        const auto start = std::chrono::steady_clock::now();
        w.document()->edit(QStringLiteral("duration"), [duration](Costscape::Models::Scenario &s) { s.workload.durationMs = duration; });
        timer.restart();
        while (!swept && timer.elapsed() < 30000)
            QCoreApplication::processEvents();
        QCoreApplication::processEvents(); // the traffic chart's queued replot
        state.SetIterationTime(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
}
void BM_EditToSweep_Sample(benchmark::State &state)
{
    editToSweep(state, sampleFile());
}
void BM_EditToSweep_Year10(benchmark::State &state)
{
    editToSweep(state, yearFile());
}
BENCHMARK(BM_EditToSweep_Sample)->UseManualTime()->Iterations(1)->Repetitions(10)->ReportAggregatesOnly(true)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EditToSweep_Year10)->UseManualTime()->Iterations(1)->Repetitions(5)->ReportAggregatesOnly(true)->Unit(benchmark::kMillisecond);

} // namespace

// The offscreen platform warns on every window it shows; the figures are what matter here.
QtMessageHandler g_standardHandler = nullptr;

void quietOffscreen(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(QLatin1String("does not support propagateSizeHints")))
        return;
    if (g_standardHandler)
        g_standardHandler(type, context, message);
}

int main(int argc, char **argv)
{
    g_standardHandler = qInstallMessageHandler(quietOffscreen);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // The benchmark must not read or leave this machine's window layout.
    QApplication::setOrganizationName(QStringLiteral("CostscapeBench"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, tempDir().path());
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
