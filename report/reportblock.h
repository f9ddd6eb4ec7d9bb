// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace Costscape::Ui {

class ChartBase;

/**
 * One piece of a report, as the report builder lays it down in reading order. The PDF and the
 * HTML writers walk the same list, so both files hold the same sections in the same order; only
 * the drawing differs.
 *
 * A Table's @c strong has one entry per row (ReportBuilder pads it). A Chart points at a widget
 * owned by the ChartSet the list was built with: the list is valid only while that set lives.
 */
struct ReportBlock {
    enum class Kind {
        Title,
        Heading,
        Subheading,
        Paragraph,
        Warning,
        Bullet,
        Table,
        Chart,
        PageBreak,
    };
    Kind kind = Kind::Paragraph;
    QString text; ///< text, or a chart's description (the HTML alt text)

    // Tables.
    QStringList header;
    std::vector<QStringList> rows;
    std::vector<bool> strong;     ///< per row: a total, set in bold
    std::vector<double> widths;   ///< per column, relative
    std::vector<bool> numeric;    ///< per column: right-aligned

    // Charts.
    ChartBase *chart = nullptr;
    int width = 0;  ///< logical size the chart is laid out at
    int height = 0;
};

} // namespace Costscape::Ui
