// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/charts/chartbase.h"

#include <memory>
#include <vector>

namespace Costscape::Ui {

/**
 * The charts of one report rendering: the window's own chart classes, never shown, on a print
 * palette (white paper, black text, whatever theme the window uses). The set owns every chart it
 * made; the ReportBlock list that points at them must not outlive it.
 *
 * Creating charts makes widgets: a QApplication must exist and this runs on the GUI thread.
 */
class ChartSet final
{
public:
    ChartSet() = default;
    ChartSet(const ChartSet &) = delete;
    ChartSet &operator=(const ChartSet &) = delete;

    /** A new chart of class @p C, owned by the set, on the print palette. Never null. */
    template <class C>
    C *add()
    {
        auto chart = std::make_unique<C>();
        C *raw = chart.get();
        adopt(std::move(chart));
        return raw;
    }

    /**
     * Lays @p chart out at @p width x @p height logical pixels and replots it, so that legends and
     * ticks fit the size it is printed at. Works on a hidden chart.
     */
    static void prepare(ChartBase *chart, int width, int height);

private:
    void adopt(std::unique_ptr<ChartBase> chart);

    std::vector<std::unique_ptr<ChartBase>> m_charts;
};

} // namespace Costscape::Ui
