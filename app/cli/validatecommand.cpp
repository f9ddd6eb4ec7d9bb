// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// costscape-cli validate FILE: a scenario (priced too) or a price sheet.
#include "app/cli/clicommon.h"

#include "base/jsondocument.h"
#include "models/evaluator.h"
#include "models/uncertainty/ranges.h"
#include "output/textsafety.h"
#include "pricing/pricesheet.h"

namespace Costscape::Cli {

int validateCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A scenario or a price sheet."));
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("validate"), arguments, 1, 1, &exitCode))
        return exitCode;
    const std::string path = parser.positionalArguments().front().toStdString();
    // The format decides which reader loads the file again; the first document is gone by then,
    // so that a large file is never held twice.
    std::string format;
    {
        const auto doc = JsonDocument::load(path);
        if (!doc)
            return invalid(doc.error());
        const auto &root = doc.value().root();
        if (root.is_object() && root.contains("format") && root["format"].is_string())
            format = root["format"].get<std::string>();
        if (format != "costscape-prices" && format != "costscape-scenario") {
            const bool hasFormat = root.is_object() && root.contains("format");
            return invalid(doc.value().errorAt(JsonDocument::Pointer(hasFormat ? "/format" : ""), ErrorCode::WrongFormat,
                                               "format: expected \"costscape-scenario\" or \"costscape-prices\", got "
                                                   + (hasFormat ? root["format"].dump() : std::string("no \"format\" key"))));
        }
    }
    if (format == "costscape-prices") {
        const auto sheet = Pricing::loadPriceSheet(path);
        if (!sheet)
            return invalid(sheet.error());
        printWarnings(sheet.warnings());
        std::size_t types = 0;
        for (const auto &[code, region] : sheet.value().regions)
            types += region.ec2.size();
        return writeStdout(Output::terminalSafe(path + ": valid price sheet \"" + sheet.value().provenance.name + "\": "
                                                + std::to_string(sheet.value().regions.size()) + " region(s), "
                                                + std::to_string(types) + " EC2 instance prices")
                           + '\n');
    }
    // A scenario: priced too.
    auto priced = Models::loadAndEvaluate(path);
    printWarnings(priced.warnings());
    if (!priced)
        return invalid(priced.error());
    // The scenario keeps the file as read. nlohmann's destructor first moves a large object's
    // values into a growing stack (3 MB for 100,000 keys) while the object is still held: that
    // was this command's peak memory (issue 13). Dismantled, it is freed with no copy.
    struct Teardown {
        JsonDocument::Json &json;
        ~Teardown() { JsonDocument::dismantle(json); }
    } teardown{priced.value().scenario.original};
    const Models::PricedScenario &p = priced.value();
    // The "ranges" are read by `uncertainty` and the reports; a bad one is the file's error here too.
    if (const auto ranges = Models::readRanges(p.scenario); !ranges)
        return invalid(ranges.error());
    return writeStdout(Output::terminalSafe(path + ": valid scenario \"" + p.scenario.name + "\": "
                                            + std::to_string(p.scenario.options.size()) + " option(s), priced with \""
                                            + p.sheet->provenance.name + "\"")
                       + '\n');
}

} // namespace Costscape::Cli
