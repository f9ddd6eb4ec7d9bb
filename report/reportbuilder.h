// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportblock.h"

#include "models/chartseries.h"
#include "models/evaluation.h"
#include "models/scenario/scenario.h"
#include "ui/optioncolors.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace Costscape::Ui {

class ChartBase;
class ChartSet;

/**
 * Turns a scenario, its Evaluation and its traffic sweep into the report's blocks, in reading
 * order: title page and summary, workload and its profile, monthly cost, cost against traffic with
 * the break-even points, hour by hour, ECS packing, the traffic spike, a line-item table per
 * option, feasibility warnings, assumptions and their sources. Sections with nothing to show say
 * so in a paragraph or are left out (packing and spike only where the scenario has them).
 *
 * Charts are made in @p charts with the window's chart classes and laid out at their report size;
 * the blocks point at them, so @p charts must outlive the returned list. The builder keeps
 * references to its arguments: they must outlive it. Never fails; figures are written in English
 * whatever the locale, as the command line writes them.
 */
class ReportBuilder final
{
    // One translation context for every part of the report.
    Q_DECLARE_TR_FUNCTIONS(Costscape::Ui::Report)

public:
    ReportBuilder(const Models::Scenario &scenario, const Models::Evaluation &evaluation,
                  const Models::TrafficSweep &sweep, const QDateTime &created, ChartSet &charts,
                  const OptionColors &colors);

    /** The blocks of the whole report; call once (the list is moved out). */
    std::vector<ReportBlock> build();

private:
    void add(ReportBlock::Kind kind, const QString &text);
    void table(QStringList header, std::vector<QStringList> rows, std::vector<double> widths,
               std::vector<bool> numeric, std::vector<bool> strong = {});
    void chart(ChartBase *c, const QString &description, int width, int height);
    QString money(double value) const;
    const Models::OptionSpec *spec(const std::string &id) const;

    void titlePage();
    void workload();
    void monthly();
    void traffic();
    void hourly();
    void packing();
    void spike();
    void commitments();
    void lineItems();
    void warnings();
    void assumptions();

    const Models::Scenario &m_scenario;
    const Models::Evaluation &m_evaluation;
    const Models::TrafficSweep &m_sweep;
    QDateTime m_created;
    ChartSet &m_charts;
    const OptionColors &m_colors;
    QString m_currency;
    std::vector<ReportBlock> m_blocks;
};

} // namespace Costscape::Ui
