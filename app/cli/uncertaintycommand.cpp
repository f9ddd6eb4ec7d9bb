// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// costscape-cli uncertainty SCENARIO [--draws N] [--seed S] [--prices SHEET] [--format table|json|csv] [-o FILE]
#include "app/cli/clicommon.h"

#include "models/evaluator.h"
#include "models/scenario/scenarioreader.h"
#include "models/uncertainty/montecarlo.h"
#include "output/uncertaintyformat.h"

namespace Costscape::Cli {

int uncertaintyCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption drawsOption(QStringLiteral("draws"), QStringLiteral("Draws (default 10000)."),
                                         QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("The random seed (default 1)."),
                                        QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption pricesOption(QStringLiteral("prices"),
                                          QStringLiteral("Price with SHEET (or \"embedded\") instead of the scenario's."),
                                          QStringLiteral("SHEET"));
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("table, json or csv."),
                                          QStringLiteral("FORMAT"), QStringLiteral("table"));
    const QCommandLineOption output = outputOption();
    parser.addOptions({drawsOption, seedOption, pricesOption, formatOption, output});
    parser.addPositionalArgument(QStringLiteral("SCENARIO"), QStringLiteral("The scenario file."));
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("uncertainty"), arguments, 1, 1, &exitCode))
        return exitCode;

    const std::string format = parser.value(formatOption).toStdString();
    if (format != "table" && format != "json" && format != "csv")
        return usage("unknown format '" + format + "'; use table, json or csv");
    bool ok = false;
    Models::UncertaintySettings settings;
    settings.draws = parser.value(drawsOption).toInt(&ok);
    if (!ok || settings.draws < 1 || settings.draws > 1000000)
        return usage("--draws: a whole number from 1 to 1000000");
    settings.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        return usage("--seed: a whole number from 0 to 18446744073709551615");

    const auto priced = Models::loadAndEvaluate(parser.positionalArguments().front().toStdString(),
                                                parser.value(pricesOption).toStdString());
    printWarnings(priced.warnings());
    if (!priced)
        return invalid(priced.error());
    const auto ranges = Models::readRanges(priced.value().scenario);
    if (!ranges)
        return invalid(ranges.error());
    const auto result = Models::runUncertainty(priced.value().scenario, *priced.value().sheet, ranges.value(), settings);
    if (!result)
        return invalid(result.error());
    const std::string text = format == "json" ? Output::formatUncertaintyJson(result.value())
        : format == "csv"                     ? Output::formatUncertaintyCsv(result.value())
                                              : Output::formatUncertaintyTable(result.value());
    return writeOutput(text, parser.value(output).toStdString());
}

} // namespace Costscape::Cli
