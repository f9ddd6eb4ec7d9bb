// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ChartBase's legend and text helpers, apart from chartbase.cpp to keep each file short enough
// to read at once. A thousand options make a thousand entries: everything here is linear in them.
#include "ui/charts/chartbase.h"

#include <qcustomplot.h>

#include <QRegularExpression>

#include <algorithm>
#include <vector>

namespace Costscape::Ui {

QString ChartBase::isolated(const QString &text)
{
    bool needed = false;
    for (const char32_t c : text.toStdU32String()) {
        switch (QChar::direction(c)) {
        case QChar::DirR:
        case QChar::DirAL:
        case QChar::DirRLE:
        case QChar::DirRLO:
        case QChar::DirLRE:
        case QChar::DirLRO:
        case QChar::DirPDF:
        case QChar::DirLRI:
        case QChar::DirRLI:
        case QChar::DirFSI:
        case QChar::DirPDI: needed = true; break;
        default: break;
        }
    }
    if (!needed)
        return text;
    QString inner = text;
    inner.remove(QRegularExpression(QStringLiteral("[\\x{2066}-\\x{2069}]")));
    return QChar(0x2068) + inner + QChar(0x2069);
}

void ChartBase::placeLegendAbove()
{
    QCPLegend *legend = m_plot->legend;
    legend->setVisible(true);
    legend->setMargins(QMargins(6, 6, 6, 2));
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    // A row of its own above the axis rects, so it never hides data; between two stretching
    // spacers, so its entries sit together in the middle instead of spreading over the width.
    auto *row = new QCPLayoutGrid;
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, row);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    row->setMargins(QMargins(0, 0, 0, 0));
    row->setColumnSpacing(0);
    row->addElement(0, 0, new QCPLayoutElement(m_plot));
    row->addElement(0, 1, legend); // takes it out of the axis rect's inset layout
    row->addElement(0, 2, new QCPLayoutElement(m_plot));
    row->setColumnStretchFactors({1, 0.001, 1});
}

void ChartBase::leaveOutOfLegend(QCPAbstractPlottable *plottable)
{
    if (QCPPlottableLegendItem *item = m_plot->legend->itemWithPlottable(plottable))
        m_plot->legend->remove(item); // QCPLayout::remove: no rearranging, unlike QCPLegend::removeItem
}

void ChartBase::moveToLegendEnd(QCPAbstractPlottable *plottable)
{
    QCPLegend *legend = m_plot->legend;
    QCPPlottableLegendItem *item = legend->itemWithPlottable(plottable);
    if (!item || !legend->take(item))
        return;
    // Close the gaps (one re-layout), then append: the first empty cell is the last one.
    legend->setFillOrder(legend->fillOrder(), true);
    legend->addElement(item);
}

void ChartBase::appendToLegend(const std::vector<QCPAbstractPlottable *> &plottables)
{
    if (plottables.empty())
        return;
    QCPLegend *legend = m_plot->legend;
    const bool across = legend->fillOrder() == QCPLayoutGrid::foColumnsFirst;
    // One line, no gaps (one re-layout), then the new entries in the cells after it.
    legend->setWrap(0);
    legend->setFillOrder(legend->fillOrder(), true);
    const int length = across ? legend->columnCount() : legend->rowCount();
    int next = 0;
    while (next < length && legend->hasElement(across ? 0 : next, across ? next : 0))
        ++next;
    const int total = next + static_cast<int>(plottables.size());
    legend->expandTo(across ? std::max(1, legend->rowCount()) : total, across ? total : std::max(1, legend->columnCount()));
    for (QCPAbstractPlottable *plottable : plottables) {
        legend->addElement(across ? 0 : next, across ? next : 0, new QCPPlottableLegendItem(legend, plottable));
        ++next;
    }
}

ChartBase::LegendBatch::LegendBatch(ChartBase *chart)
    : m_plot(chart->plot())
    , m_wasAdding(m_plot->autoAddPlottableToLegend())
{
    m_plot->setAutoAddPlottableToLegend(false);
}

ChartBase::LegendBatch::~LegendBatch()
{
    m_plot->setAutoAddPlottableToLegend(m_wasAdding);
}

void ChartBase::reflowLegend()
{
    QCPLegend *legend = m_plot->legend;
    int entries = 0;
    for (int i = 0; i < legend->itemCount(); ++i)
        entries += legend->item(i) != nullptr;
    const int count = std::max(1, entries);
    // As many entries to a row as fit the width (at most eight), so long names are never cut.
    std::vector<int> widths;
    // A legend's grid may hold empty cells after a wrap: item() is null there.
    for (int i = 0; i < legend->itemCount(); ++i)
        if (QCPAbstractLegendItem *item = legend->item(i))
            widths.push_back(item->minimumOuterSizeHint().width() + legend->columnSpacing());
    const int available = std::max(120, m_plot->width() - 24);
    int perRow = std::min(count, 8);
    for (; perRow > 1; --perRow) {
        const int rows = (count + perRow - 1) / perRow;
        const int columns = (count + rows - 1) / rows;
        std::vector<int> columnWidth(static_cast<std::size_t>(columns), 0);
        for (std::size_t i = 0; i < widths.size(); ++i) {
            auto &w = columnWidth[i % static_cast<std::size_t>(columns)];
            w = std::max(w, widths[i]);
        }
        int total = 0;
        for (int w : columnWidth)
            total += w;
        if (total <= available)
            break;
    }
    const int rows = (count + perRow - 1) / perRow;
    legend->setWrap((count + rows - 1) / rows);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
}

void ChartBase::updateLegendItems()
{
    QCPLegend *legend = m_plot->legend;
    const QColor text = foregroundColor();
    const QColor muted = mutedColor();
    for (int i = 0; i < legend->itemCount(); ++i) {
        auto *entry = qobject_cast<QCPPlottableLegendItem *>(legend->item(i));
        if (!entry || !entry->plottable())
            continue;
        const bool shown = entry->plottable()->visible();
        QFont font = legend->font();
        font.setStrikeOut(!shown);
        entry->setFont(font);
        entry->setTextColor(shown ? text : muted);
    }
}

} // namespace Costscape::Ui
