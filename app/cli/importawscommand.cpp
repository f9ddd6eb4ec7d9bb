// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// costscape-cli import-aws OFFER_FILE... [--region CODE]... [--spot-history FILE] [--spot-zone AZ]
//                          [--spot-days N] [--spot-advisor FILE] [-o SHEET]
#include "app/cli/clicommon.h"

#include "output/textsafety.h"
#include "pricing/aws/awsoffer.h"
#include "pricing/aws/spotfeeds.h"
#include "pricing/pricesheet.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <unistd.h>

namespace Costscape::Cli {

namespace {

// Progress on a terminal only: a log file or a pipe would fill with carriage returns.
bool progressToTerminal(std::uint64_t done, std::uint64_t total, const std::string &file)
{
    const int percent = total ? static_cast<int>(done * 100 / total) : 0;
    std::fprintf(stderr, "\r%s: %3d%% (%.0f of %.0f MB)", Output::terminalSafe(file).c_str(), percent, static_cast<double>(done) / 1e6,
                 static_cast<double>(total) / 1e6);
    return true;
}

} // namespace

int importAwsCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption regionOption(QStringLiteral("region"), QStringLiteral("Keep only this region (repeatable)."),
                                          QStringLiteral("CODE"));
    const QCommandLineOption historyOption(QStringLiteral("spot-history"),
                                           QStringLiteral("A DescribeSpotPriceHistory JSON file."), QStringLiteral("FILE"));
    const QCommandLineOption zoneOption(QStringLiteral("spot-zone"), QStringLiteral("One availability zone's history."),
                                        QStringLiteral("AZ"));
    const QCommandLineOption daysOption(QStringLiteral("spot-days"), QStringLiteral("Days of history to average (1-366)."),
                                        QStringLiteral("N"), QStringLiteral("30"));
    const QCommandLineOption advisorOption(QStringLiteral("spot-advisor"), QStringLiteral("The Spot Instance Advisor JSON file."),
                                           QStringLiteral("FILE"));
    const QCommandLineOption output = outputOption();
    parser.addOptions({regionOption, historyOption, zoneOption, daysOption, advisorOption, output});
    parser.addPositionalArgument(QStringLiteral("OFFER_FILE"), QStringLiteral("AWS Price List offer files."));
    int exitCode = Success;
    if (!parseCommand(parser, QStringLiteral("import-aws"), arguments, 1, 1'000'000, &exitCode))
        return exitCode;

    Pricing::AwsImportOptions options;
    for (const QString &region : parser.values(regionOption)) {
        if (region.isEmpty())
            return usage("--region needs a region code such as us-east-1");
        options.regions.push_back(region.toStdString());
    }
    Pricing::SpotHistoryOptions spotOptions;
    spotOptions.availabilityZone = parser.value(zoneOption).toStdString();
    bool daysOk = false;
    const int days = parser.value(daysOption).toInt(&daysOk);
    if (!daysOk || days < 1 || days > 366)
        return usage("--spot-days needs a whole number of days from 1 to 366");
    spotOptions.days = days;
    const std::string spotHistory = parser.value(historyOption).toStdString();
    const std::string spotAdvisor = parser.value(advisorOption).toStdString();
    const std::string outFile = parser.value(output).toStdString();

    Pricing::PriceSheet sheet;
    sheet.provenance.name = "AWS Price List";
    const bool terminal = isatty(fileno(stderr)) != 0;
    for (const QString &offerArgument : parser.positionalArguments()) {
        const std::string offer = offerArgument.toStdString();
        if (terminal)
            options.progress = [&offer](std::uint64_t done, std::uint64_t total) { return progressToTerminal(done, total, offer); };
        auto summary = Pricing::importAwsOffer(offer, sheet, options);
        if (terminal)
            std::fputs("\r\033[K", stderr);
        printWarnings(summary.warnings());
        if (!summary)
            return invalid(summary.error());
        const auto &s = summary.value();
        std::string regions;
        for (const auto &r : s.regions)
            regions += (regions.empty() ? "" : ", ") + r;
        // The code, date and currency are the offer file's own text: printed without control characters.
        std::cerr << Output::terminalSafe(offer + ": " + s.offerCode + " (" + s.format + ", published " + s.publicationDate
                                          + "): " + std::to_string(s.prices) + (s.prices == 1 ? " price in " : " prices in ")
                                          + s.currency + (regions.empty() ? std::string() : " for " + regions))
                  << '\n';
    }
    if (sheet.regions.empty()) {
        std::cerr << "costscape-cli: the offer files hold no price Costscape uses"
                  << (options.regions.empty() ? "" : " in the regions asked for") << "; nothing written\n";
        return InvalidInput;
    }
    if (!spotHistory.empty()) {
        // A spot history is one region's: the one asked for, or the only one imported.
        std::string region = options.regions.size() == 1 ? options.regions.front() : std::string();
        if (region.empty() && sheet.regions.size() == 1)
            region = sheet.regions.begin()->first;
        if (region.empty())
            return usage("--spot-history needs one --region: a spot price history belongs to one region");
        auto applied = Pricing::applySpotHistory(spotHistory, sheet, region, spotOptions);
        printWarnings(applied.warnings());
        if (!applied)
            return invalid(applied.error());
        std::cerr << Output::terminalSafe(spotHistory + ": spot prices for " + std::to_string(applied.value())
                                          + " instance types in " + region)
                  << '\n';
    }
    if (!spotAdvisor.empty()) {
        std::ifstream in(spotAdvisor, std::ios::binary);
        if (!in)
            return invalid(Error{ErrorCode::FileNotFound, "cannot read the file", spotAdvisor, 0, 0});
        const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        auto applied = Pricing::applySpotAdvisor(text, spotAdvisor, sheet, options.regions);
        printWarnings(applied.warnings());
        if (!applied)
            return invalid(applied.error());
        std::cerr << Output::terminalSafe(spotAdvisor + ": interruption bands for " + std::to_string(applied.value())
                                          + " instance types")
                  << '\n';
    }
    return writeOutput(Pricing::serializePriceSheet(sheet), outFile);
}

} // namespace Costscape::Cli
