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
 * Draws report blocks as a PDF document: A4 portrait, points as the unit, the blocks laid out by
 * PdfLayout, charts drawn as vectors, and a footer on every page with the scenario's name and
 * "Page N of M".
 */
class PdfWriter final
{
    // One translation context for every part of the report.
    Q_DECLARE_TR_FUNCTIONS(Costscape::Ui::Report)

public:
    /**
     * The PDF of @p blocks for the scenario named @p scenarioName (the document title and the
     * footer). The blocks' charts must still exist. Returns an empty array when the document
     * could not be drawn (the painter could not start, a page could not be added or the painter
     * could not finish); never a partial document.
     */
    static QByteArray write(const std::vector<ReportBlock> &blocks, const QString &scenarioName);
};

} // namespace Costscape::Ui
