// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// costscape-cli compare SCENARIO_A SCENARIO_B [--format table|json|csv] [-o FILE]
#include "app/cli/clicommon.h"

#include "models/evaluator.h"
#include "models/uncertainty/comparison.h"
#include "output/uncertaintyformat.h"

namespace Costscape::Cli {

int compareCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("table, json or csv."),
                                          QStringLiteral("FORMAT"), QStringLiteral("table"));
    const QCommandLineOption output = outputOption();
    parser.addOptions({formatOption, output});
    parser.addPositionalArgument(QStringLiteral("SCENARIO_A"), QStringLiteral("The first scenario file."));
    parser.addPositionalArgument(QStringLiteral("SCENARIO_B"), QStringLiteral("The scenario compared with it."));
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("compare"), arguments, 2, 2, &exitCode))
        return exitCode;

    const std::string format = parser.value(formatOption).toStdString();
    if (format != "table" && format != "json" && format != "csv")
        return usage("unknown format '" + format + "'; use table, json or csv");
    // Each scenario with its own price sheet, as `evaluate` would price it.
    const auto a = Models::loadAndEvaluate(parser.positionalArguments().at(0).toStdString());
    printWarnings(a.warnings());
    if (!a)
        return invalid(a.error());
    const auto b = Models::loadAndEvaluate(parser.positionalArguments().at(1).toStdString());
    printWarnings(b.warnings());
    if (!b)
        return invalid(b.error());
    const Models::Comparison comparison = Models::compareEvaluations(a.value().evaluation, b.value().evaluation);
    const std::string text = format == "json" ? Output::formatComparisonJson(comparison)
        : format == "csv"                     ? Output::formatComparisonCsv(comparison)
                                              : Output::formatComparisonTable(comparison);
    return writeOutput(text, parser.value(output).toStdString());
}

} // namespace Costscape::Cli
