// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/report.h"
#include "report/chartset.h"
#include "ui/charts/filewriter.h"
#include "report/htmlwriter.h"
#include "report/pdfwriter.h"
#include "report/reportbuilder.h"
#include "report/uncertaintysection.h"

#include "ui/charts/chartbase.h"
#include "ui/uitext.h"

#include "models/evaluator.h"
#include "models/trafficsweep.h"
#include "output/resultformat.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <utility>

namespace Costscape::Ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Costscape::Ui::Report", text);
}

// Chart widgets can only be made with a QApplication, on its thread.
bool canDrawCharts()
{
    return qobject_cast<QApplication *>(QCoreApplication::instance())
        && QThread::currentThread() == QCoreApplication::instance()->thread();
}

} // namespace

Report::Report(Models::Scenario scenario, Models::Evaluation evaluation, Models::TrafficSweep sweep, QDateTime created)
    : m_scenario(std::move(scenario))
    , m_evaluation(std::move(evaluation))
    , m_sweep(std::move(sweep))
    , m_created(std::move(created))
{
    std::vector<std::string> ids;
    for (const Models::OptionSpec &o : m_scenario.options)
        ids.push_back(o.id);
    m_colors = OptionColors::inOrder(ids);
}

Result<Report> Report::compute(const Models::Scenario &scenario, const Pricing::PriceSheet &sheet)
{
    auto evaluated = Models::Evaluator::evaluate(scenario, sheet);
    if (!evaluated)
        return evaluated.error();
    auto swept = Models::sweepTraffic(scenario, sheet);
    Models::TrafficSweep sweep;
    if (swept)
        sweep = std::move(swept).value();
    Report report(scenario, std::move(evaluated).value(), std::move(sweep));
    // With ranges in the scenario, the report carries the odds (the command line's defaults).
    if (const auto ranges = Models::readRanges(scenario); ranges && !ranges.value().empty())
        if (auto uncertainty = Models::runUncertainty(scenario, sheet, ranges.value()))
            report.setUncertainty(std::move(uncertainty).value());
    return report;
}

std::optional<ReportFormat> Report::formatForFile(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("htm"))
        return ReportFormat::Html;
    return formatFromName(suffix);
}

std::optional<ReportFormat> Report::formatFromName(const QString &name)
{
    if (name == QLatin1String("pdf"))
        return ReportFormat::Pdf;
    if (name == QLatin1String("html"))
        return ReportFormat::Html;
    if (name == QLatin1String("csv"))
        return ReportFormat::Csv;
    if (name == QLatin1String("json"))
        return ReportFormat::Json;
    return std::nullopt;
}

QString Report::extension(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Pdf: return QStringLiteral(".pdf");
    case ReportFormat::Html: return QStringLiteral(".html");
    case ReportFormat::Csv: return QStringLiteral(".csv");
    case ReportFormat::Json: return QStringLiteral(".json");
    }
    return {};
}

QString Report::write(ReportFormat format, const QString &fileName) const
{
    const QString shown = QDir::toNativeSeparators(fileName);
    if (fileName.isEmpty())
        return tr("Cannot write the report: no file name");
    QByteArray bytes;
    switch (format) {
    case ReportFormat::Pdf: bytes = pdf(); break;
    case ReportFormat::Html: bytes = html(); break;
    case ReportFormat::Csv: bytes = csv(); break;
    case ReportFormat::Json: bytes = json(); break;
    }
    if (bytes.isEmpty())
        return tr("Cannot write %1: the report could not be drawn").arg(shown);
    // Rendered in memory first, then written as a whole: a failure leaves no partial file, and a
    // device or a pipe is written through, never replaced.
    const QString why = writeWholeFile(fileName, bytes);
    return why.isEmpty() ? QString() : tr("Cannot write %1: %2").arg(shown, why);
}

QByteArray Report::csv() const
{
    return QByteArray::fromStdString(Output::formatCsv(m_evaluation));
}

QByteArray Report::json() const
{
    return QByteArray::fromStdString(Output::formatJson(m_evaluation));
}

QByteArray Report::pdf() const
{
    if (!canDrawCharts())
        return {};
    // The charts outlive the blocks that point at them.
    ChartSet charts;
    std::vector<ReportBlock> blocks = ReportBuilder(m_scenario, m_evaluation, m_sweep, m_created, charts, m_colors).build();
    if (m_uncertainty)
        appendUncertaintySection(blocks, *m_uncertainty, charts, m_colors);
    return PdfWriter::write(blocks, ChartBase::isolated(qs(m_evaluation.scenario)));
}

QByteArray Report::html() const
{
    if (!canDrawCharts())
        return {};
    ChartSet charts;
    std::vector<ReportBlock> blocks = ReportBuilder(m_scenario, m_evaluation, m_sweep, m_created, charts, m_colors).build();
    if (m_uncertainty)
        appendUncertaintySection(blocks, *m_uncertainty, charts, m_colors);
    return HtmlWriter::write(blocks, ChartBase::isolated(qs(m_evaluation.scenario)));
}

} // namespace Costscape::Ui
