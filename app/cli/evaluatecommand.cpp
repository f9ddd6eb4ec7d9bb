// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// costscape-cli evaluate SCENARIO [--prices SHEET] [--format table|json|csv|html|pdf] [-o FILE]
#include "app/cli/clicommon.h"

#include "models/evaluator.h"
#include "models/trafficsweep.h"
#include "models/uncertainty/montecarlo.h"
#include "output/resultformat.h"
#include "report/report.h"

namespace Costscape::Cli {

int evaluateCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption pricesOption(QStringLiteral("prices"),
                                          QStringLiteral("Price with SHEET (or \"embedded\") instead of the scenario's."),
                                          QStringLiteral("SHEET"));
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("table, json, csv, html or pdf."),
                                          QStringLiteral("FORMAT"), QStringLiteral("table"));
    const QCommandLineOption output = outputOption();
    parser.addOptions({pricesOption, formatOption, output});
    parser.addPositionalArgument(QStringLiteral("SCENARIO"), QStringLiteral("The scenario file."));
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("evaluate"), arguments, 1, 1, &exitCode))
        return exitCode;

    const std::string scenarioPath = parser.positionalArguments().front().toStdString();
    const std::string prices = parser.value(pricesOption).toStdString();
    const std::string format = parser.value(formatOption).toStdString();
    const std::string outFile = parser.value(output).toStdString();
    const bool report = format == "html" || format == "pdf";
    if (format != "table" && format != "json" && format != "csv" && !report)
        return usage("unknown format '" + format + "'; use table, json, csv, html or pdf");
    if (format == "pdf" && (outFile.empty() || outFile == "-"))
        return usage("--format pdf writes a binary file: give it with -o FILE");

    const auto priced = Models::loadAndEvaluate(scenarioPath, prices);
    printWarnings(priced.warnings());
    if (!priced)
        return invalid(priced.error());
    const Models::Evaluation &evaluation = priced.value().evaluation;
    if (report) {
        // The same report code as the window's File > Export report, so both say the same.
        const auto sweep = Models::sweepTraffic(priced.value().scenario, *priced.value().sheet);
        Ui::Report document(priced.value().scenario, evaluation, sweep ? sweep.value() : Models::TrafficSweep{});
        // The scenario's ranges, when it has any, add the uncertainty section (as `uncertainty` prints it).
        if (const auto ranges = Models::readRanges(priced.value().scenario); ranges && !ranges.value().empty())
            if (auto uncertainty = Models::runUncertainty(priced.value().scenario, *priced.value().sheet, ranges.value()))
                document.setUncertainty(std::move(uncertainty).value());
        if (format == "pdf") {
            const QString error = document.write(Ui::ReportFormat::Pdf, QString::fromStdString(outFile));
            return error.isEmpty() ? Success : failed(error.toStdString());
        }
        const QByteArray html = document.html();
        if (html.isEmpty())
            return failed("costscape-cli: the report could not be drawn");
        return writeOutput(html.toStdString(), outFile);
    }
    const std::string text = format == "json" ? Output::formatJson(evaluation)
        : format == "csv"                     ? Output::formatCsv(evaluation)
                                              : Output::formatTable(evaluation);
    return writeOutput(text, outFile);
}

} // namespace Costscape::Cli
