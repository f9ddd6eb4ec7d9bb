// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/uncertainty/montecarlo.h"
#include "models/chartseries.h"
#include "models/evaluation.h"
#include "models/scenario/scenario.h"
#include "pricing/pricesheet.h"
#include "base/result.h"
#include "ui/optioncolors.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace Costscape::Ui {

/** The files a Report writes. */
enum class ReportFormat {
    Pdf,
    Html,
    Csv,
    Json,
};

/**
 * The written comparison of one scenario: what the results view shows, as a file. The PDF and
 * the HTML hold the same sections in the same order (title page with the price sheet's source
 * and retrieval date, the workload and its profile, monthly cost, cost against traffic with the
 * break-even points in words, hour by hour, ECS packing where the scenario has it, a line-item
 * table per option, feasibility warnings, the assumptions and their sources). Charts are drawn
 * by the same chart classes as the window, from the same series builders; tables use the line
 * item model's formatting. The CSV and JSON are the command line's (Output::formatCsv and
 * Output::formatJson), so every export of a result agrees with every other.
 *
 * Rendering the PDF or the HTML creates chart widgets, so it needs a QApplication (the offscreen
 * platform is enough) and must run on the GUI thread. CSV and JSON need neither.
 */
class Report final
{
public:
    /**
     * A report of @p evaluation, which must be the Evaluation of @p scenario; @p sweep is the
     * traffic sweep of the same scenario (an empty sweep leaves the cost-against-traffic section
     * with a note). @p created is the date printed on the title page.
     */
    Report(Models::Scenario scenario, Models::Evaluation evaluation, Models::TrafficSweep sweep,
           QDateTime created = QDateTime::currentDateTime());

    /**
     * Evaluates @p scenario with @p sheet and sweeps its traffic, as the window does. Fails with the
     * Evaluator's error (located in the scenario file) when the scenario cannot be priced. A sweep
     * that fails leaves its section empty rather than failing the report.
     */
    static Result<Report> compute(const Models::Scenario &scenario, const Pricing::PriceSheet &sheet);

    /**
     * The options' colours in the charts. By default they follow the order of the scenario's
     * options, as the window colours a scenario it has just opened; the window passes its own.
     */
    void setOptionColors(const OptionColors &colors) { m_colors = colors; }

    /**
     * The Monte Carlo over the scenario's ranges (models/uncertainty): when set, the PDF and the
     * HTML end with an uncertainty section. compute() sets it when the scenario has ranges.
     */
    void setUncertainty(std::optional<Models::UncertaintyResult> result) { m_uncertainty = std::move(result); }
    const std::optional<Models::UncertaintyResult> &uncertainty() const { return m_uncertainty; }
    const OptionColors &optionColors() const { return m_colors; }

    /** The format a file name asks for by its extension (.pdf, .html/.htm, .csv, .json); nullopt otherwise. */
    static std::optional<ReportFormat> formatForFile(const QString &fileName);
    /** "pdf", "html", "csv", "json" (the command line's names); nullopt for anything else. */
    static std::optional<ReportFormat> formatFromName(const QString &name);
    /** The usual extension of @p format, with its dot: ".pdf", ".html", ".csv", ".json". */
    static QString extension(ReportFormat format);

    /**
     * Writes the report to @p fileName (writeWholeFile: a regular file through QSaveFile, a pipe or
     * a device written through, never replaced). Returns an empty string on success, else a
     * message naming the file and the reason; on failure an existing file is left as it was and
     * no partial file is left behind.
     */
    QString write(ReportFormat format, const QString &fileName) const;

    /** The PDF document (A4, "Page N of M" on every page); empty when it could not be drawn. */
    QByteArray pdf() const;
    /**
     * One self-contained XHTML-compatible page (charts as PNG data URIs at twice their size, no
     * script, no external file); every user-supplied string is escaped.
     */
    QByteArray html() const;
    /** Output::formatCsv of the evaluation: one row per line item and a total row per option. */
    QByteArray csv() const;
    /** Output::formatJson of the evaluation (FORMATS.md section 3). */
    QByteArray json() const;

    const Models::Scenario &scenario() const { return m_scenario; }
    const Models::Evaluation &evaluation() const { return m_evaluation; }
    const Models::TrafficSweep &sweep() const { return m_sweep; }

private:
    Models::Scenario m_scenario;
    Models::Evaluation m_evaluation;
    Models::TrafficSweep m_sweep;
    QDateTime m_created;
    OptionColors m_colors;
    std::optional<Models::UncertaintyResult> m_uncertainty;
};

} // namespace Costscape::Ui
