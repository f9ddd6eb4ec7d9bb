// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Series the chart tests draw, and the helpers they share to lay a chart out or write a snapshot.

#include "models/chartseries.h"
#include "ui/charts/chartbase.h"

#include <qcustomplot.h>

#include <QColor>
#include <QDir>
#include <QPalette>
#include <QString>
#include <QTest>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace Costscape::Tests {

/** A cost the model could not give (infeasible there): a gap in a chart. */
inline const double noCost = std::numeric_limits<double>::quiet_NaN();

/** Four options: two feasible, the cheapest in the middle, one priced but infeasible, one at 0. */
inline Models::MonthlySeries fourOptions()
{
    Models::MonthlySeries s;
    s.ids = {"lambda", "fargate", "ec2-ondemand", "ecs-ec2"};
    s.platforms = {"AWS Lambda", "AWS Fargate", "EC2 on-demand", "ECS on EC2"};
    s.summaries = {"3M requests, 1 s, 512 MB", "2 tasks x 730 h", "2 x m7g.large", ""};
    s.stacks = {{"requests", {0.60, 0, 0, 0}},
                {"duration", {25.00, 0, 0, 0}},
                {"tasks", {0, 72.08, 0, 0}},
                {"instances", {0, 0, 119.14, 0}},
                {"storage", {0, 1.23, 8.0, 0}}};
    s.totals = {25.60, 73.31, 127.14, 0};
    s.feasible = {true, true, false, false};
    s.reasons = {"", "", "Needs 4 GB per request; m7g.large has 8 GB for 2 concurrent requests",
                 "No instance type can hold a 64 GB task"};
    s.cheapest = 0;
    return s;
}

/**
 * Three straight-ish lines over 41 factors from 0.01x to 100x of a 5 requests/s workload: Lambda
 * infeasible above 200 requests/s, EC2 at 0 below 0.1 requests/s; two break-evens.
 */
inline Models::TrafficSweep threeLineSweep()
{
    Models::TrafficSweep sweep;
    for (int i = 0; i <= 40; ++i) {
        const double factor = std::pow(10.0, -2 + i * 0.1);
        sweep.factors.push_back(factor);
        sweep.averageRate.push_back(factor * 5.0);
    }
    Models::TrafficSweep::Line lambda{"lambda", {}};
    Models::TrafficSweep::Line fargate{"fargate", {}};
    Models::TrafficSweep::Line ec2{"ec2", {}};
    for (std::size_t i = 0; i < sweep.factors.size(); ++i) {
        const double rate = sweep.averageRate[i];
        lambda.cost.push_back(rate > 200 ? noCost : rate * 8.5); // over the concurrency limit
        fargate.cost.push_back(30 + rate * 2.1);
        ec2.cost.push_back(rate < 0.1 ? 0.0 : 60 + rate * 1.2); // 0 would not fit a log axis
    }
    sweep.lines = {lambda, fargate, ec2};
    sweep.breakEvens = {{0.0906, 0.453, 3.85, "lambda", "fargate"},
                        {6.06, 30.3, 93.6, "fargate", "ec2"}};
    sweep.ranges = {{0, 0.01, 0.0906}, {1, 0.0906, 6.06}, {2, 6.06, 100}};
    sweep.baseRate = 5.0;
    return sweep;
}

/** @p options fleets of tasks following a daily sine of requests over @p slotCount hours. */
inline Models::HourlySeries hourly(int slotCount, int options)
{
    Models::HourlySeries series;
    for (int h = 0; h < slotCount; ++h)
        series.ratePerSecond.push_back(40 + 30 * std::sin(h * 3.14159 / 12));
    for (int o = 0; o < options; ++o) {
        Models::HourlySeries::Line line;
        line.id = "option-" + std::to_string(o);
        line.unit = "tasks";
        for (int h = 0; h < slotCount; ++h) {
            line.fleet.push_back(std::ceil(series.ratePerSecond[static_cast<std::size_t>(h)] / (10 + o)));
            line.cost.push_back(line.fleet.back() * 0.04 * (o + 1));
        }
        series.lines.push_back(line);
    }
    return series;
}

/** A daily sine of requests/s with a spike at 09:00, over @p slotCount hours. */
inline std::vector<double> dayProfile(int slotCount)
{
    std::vector<double> values;
    for (int h = 0; h < slotCount; ++h)
        values.push_back(20 + 15 * std::sin(h * 3.14159 / 12) + (h % 24 == 9 ? 30 : 0));
    return values;
}

/** Shows @p chart at a fixed size and lays it out, so pixel positions mean something. */
inline void layOut(Ui::ChartBase *chart)
{
    chart->resize(1000, 600);
    chart->show();
    QVERIFY(QTest::qWaitForWindowExposed(chart));
    chart->plot()->replot(QCustomPlot::rpImmediateRefresh);
}

/** The folder COSTSCAPE_CHART_SNAPSHOTS names; empty when snapshots are not asked for. */
inline QString snapshotFolder()
{
    return qEnvironmentVariable("COSTSCAPE_CHART_SNAPSHOTS");
}

/**
 * For the snapshot slots (not checks: pictures for a person to look at). Shows @p chart at
 * 1000 x 600, on a dark palette when @p dark, and writes it as @p folder/<name>-light.png or
 * -dark.png. False with @p error set when the chart could not be shown or written.
 */
inline bool writeSnapshot(Ui::ChartBase &chart, const QString &folder, const QString &name, bool dark, QString *error)
{
    if (dark) {
        QPalette palette;
        palette.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
        palette.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
        palette.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        palette.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        palette.setColor(QPalette::Mid, QColor(0x55, 0x57, 0x5c));
        chart.setPalette(palette);
    }
    chart.resize(1000, 600);
    chart.show();
    if (!QTest::qWaitForWindowExposed(&chart)) {
        *error = QStringLiteral("%1: the chart was never shown").arg(name);
        return false;
    }
    const QString suffix = dark ? QStringLiteral("-dark.png") : QStringLiteral("-light.png");
    return chart.exportPng(QDir(folder).filePath(name + suffix), 1000, 600, error);
}

} // namespace Costscape::Tests
