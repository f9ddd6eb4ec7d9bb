// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/chartset.h"

#include <QCoreApplication>
#include <QLayout>
#include <QPalette>
#include <QResizeEvent>

#include <qcustomplot.h>

namespace Costscape::Ui {

void ChartSet::adopt(std::unique_ptr<ChartBase> chart)
{
    // Paper is white whatever theme the window uses.
    QPalette palette = chart->palette();
    for (const auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        palette.setColor(group, QPalette::Window, Qt::white);
        palette.setColor(group, QPalette::Base, Qt::white);
        palette.setColor(group, QPalette::WindowText, Qt::black);
        palette.setColor(group, QPalette::Text, Qt::black);
        palette.setColor(group, QPalette::Mid, QColor(0xb0, 0xb0, 0xb0));
    }
    chart->setPalette(palette);
    m_charts.push_back(std::move(chart));
}

void ChartSet::prepare(ChartBase *chart, int width, int height)
{
    // Laid out without being shown (showing a window on the offscreen platform only adds
    // warnings): the layout places the plot, and the resize events it would have had set the
    // plot's viewport and reflow the legend.
    chart->resize(width, height);
    if (QLayout *layout = chart->layout())
        layout->activate();
    QResizeEvent plotResize(chart->plot()->size(), QSize());
    QCoreApplication::sendEvent(chart->plot(), &plotResize);
    QResizeEvent chartResize(chart->size(), QSize());
    QCoreApplication::sendEvent(chart, &chartResize);
    // No replot here: the writers draw each chart themselves (toPixmap, toPainter), which lays it
    // out first; a replot of the hidden widget would draw every series once more for nothing.
}

} // namespace Costscape::Ui
