// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportblock.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <vector>

namespace Costscape::Ui {

/**
 * Writes report blocks as one self-contained XHTML-compatible page: an embedded style sheet (with
 * print rules: page breaks, headings kept with what follows), charts as PNG data URIs at twice
 * their size, no script and no external file. Every text is escaped.
 */
class HtmlWriter final
{
    // One translation context for every part of the report.
    Q_DECLARE_TR_FUNCTIONS(Costscape::Ui::Report)

public:
    /**
     * The page of @p blocks, UTF-8, titled after @p scenarioName. The blocks' charts must still
     * exist. Never fails: a chart that cannot be rendered keeps its caption and loses its image.
     */
    static QByteArray write(const std::vector<ReportBlock> &blocks, const QString &scenarioName);
};

} // namespace Costscape::Ui
