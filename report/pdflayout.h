// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportblock.h"

#include <QColor>
#include <QFont>
#include <QString>

#include <cstddef>
#include <functional>
#include <vector>

class QCPPainter;
class QPaintDevice;

namespace Costscape::Ui {

/**
 * Places report blocks on pages of a fixed width and height (in the paint device's logical unit,
 * points for the report) and records, per page, the drawing steps that paint them. Laying out
 * first and drawing later lets the writer print "Page N of M" with M known.
 *
 * Text wraps at word boundaries; a heading or subheading moves to the next page rather than end
 * one without what it introduces; a table keeps its header with its first row and repeats the
 * header after a page break; a chart wider than the page is scaled down to fit. A bottom band of
 * FooterHeight is left free on every page for the writer's footer. Never fails: a block taller
 * than a page simply overflows it.
 *
 * The steps capture the blocks' charts by pointer: draw them while the ChartSet lives.
 */
class PdfLayout final
{
public:
    using Step = std::function<void(QCPPainter &)>;
    /** Height left free at the bottom of every page for the footer. */
    static constexpr double FooterHeight = 22;

    /** A layout measuring text against @p device's font metrics; the pages are @p width x @p height. */
    PdfLayout(QPaintDevice *device, double width, double height);

    /** The report's text font, unshaped (see pdflayout.cpp), at @p points. */
    static QFont font(double points, bool bold = false);

    /** Places every block, in order. */
    void placeAll(const std::vector<ReportBlock> &blocks);
    /** Places one block below what is already placed. */
    void place(const ReportBlock &b);

    /** The pages, each a list of steps to run in order on a painter at the page's top left; moved out. */
    std::vector<std::vector<Step>> take() { return std::move(m_pages); }

private:
    void newPage();
    void ensure(double height);
    double measure(const QString &s, const QFont &f, double width) const;
    void text(const QString &s, const QFont &f, double indent, double after, const QColor &color);
    void chart(const ReportBlock &b);
    void table(const ReportBlock &b);
    double keepHeight(const std::vector<ReportBlock> &blocks, std::size_t first) const;

    QPaintDevice *m_device;
    double m_width;
    double m_bottom;
    double m_y = 0;
    std::vector<std::vector<Step>> m_pages;
};

} // namespace Costscape::Ui
