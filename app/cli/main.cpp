// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// costscape-cli: the headless face of the same core the desktop application uses.

#include "models/evaluator.h"
#include "output/resultformat.h"
#include "models/trafficsweep.h"
#include "pricing/aws/awsoffer.h"
#include "base/jsondocument.h"
#include "pricing/pricesheet.h"
#include "pricing/aws/spotfeeds.h"
#include "report/report.h"

#include <QApplication>
#include <QCoreApplication>
#include <QSaveFile>
#include <QString>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <unistd.h>
#include <string>
#include <vector>

using namespace Costscape;

namespace {

enum Exit {
    Success = 0,
    InvalidInput = 1,
    Usage = 2,
};

const char *const HelpText =
    "Usage:\n"
    "  costscape-cli evaluate SCENARIO [--prices SHEET] [--format table|json|csv|html|pdf] [-o FILE]\n"
    "  costscape-cli import-aws OFFER_FILE... [--region CODE]... [--spot-history FILE]\n"
    "                [--spot-zone AZ] [--spot-days N] [--spot-advisor FILE] [-o SHEET]\n"
    "  costscape-cli validate FILE          check a scenario or a price sheet\n"
    "  costscape-cli --version | --help\n"
    "\n"
    "evaluate   prices every option of SCENARIO (a *.costscape.json file) and prints the\n"
    "           comparison. --prices overrides the scenario's price sheet (\"embedded\" is the\n"
    "           sheet built into Costscape). -o writes to FILE instead of standard output;\n"
    "           nothing is written unless the whole command succeeds. html and pdf write the\n"
    "           full report (charts, line items, assumptions); pdf needs -o. Without a display\n"
    "           the charts are drawn offscreen.\n"
    "import-aws reads AWS Price List offer files (bulk JSON or CSV, or a Pricing API\n"
    "           GetProducts item) for AmazonEC2, AWSLambda and AmazonECS and writes one native\n"
    "           price sheet. --region keeps only those regions (repeatable). --spot-history adds\n"
    "           the time-weighted average of a DescribeSpotPriceHistory response (--spot-days,\n"
    "           default 30; --spot-zone for one zone, else across zones); --spot-advisor adds\n"
    "           the Spot Instance Advisor's interruption bands and savings.\n"
    "validate   reads FILE (scenario or price sheet) and reports the first problem as\n"
    "           file:line:column: message. A scenario is also priced, so unknown regions,\n"
    "           instance types and missing prices are found.\n"
    "\n"
    "Exit status: 0 success, 1 invalid input, 2 wrong usage.\n";

int usage(const std::string &message)
{
    std::cerr << "costscape-cli: " << message << "\nTry 'costscape-cli --help'.\n";
    return Usage;
}

int invalid(const Error &error)
{
    std::cerr << error.toString() << '\n';
    return InvalidInput;
}

void printWarnings(const std::vector<Error> &warnings)
{
    for (Error w : warnings) {
        w.message = "warning: " + w.message;
        std::cerr << w.toString() << '\n';
    }
}

int writeOutput(const std::string &text, const std::string &outFile)
{
    if (outFile.empty() || outFile == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return std::fflush(stdout) == 0 ? Success : InvalidInput;
    }
    // QSaveFile writes beside the target and renames on commit: a failure leaves no half file.
    QSaveFile file(QString::fromStdString(outFile));
    if (!file.open(QIODevice::WriteOnly)) {
        std::cerr << outFile << ": cannot write: " << file.errorString().toStdString() << '\n';
        return InvalidInput;
    }
    if (file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()) || !file.commit()) {
        std::cerr << outFile << ": cannot write: " << file.errorString().toStdString() << '\n';
        return InvalidInput;
    }
    return Success;
}

int evaluate(const std::vector<std::string> &args)
{
    std::string scenarioPath, prices, format = "table", outFile;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        auto value = [&](std::string &into) {
            if (i + 1 >= args.size())
                return false;
            into = args[++i];
            return true;
        };
        if (a == "--prices") {
            if (!value(prices))
                return usage("--prices needs a price sheet path (or \"embedded\")");
        } else if (a.rfind("--prices=", 0) == 0) {
            prices = a.substr(9);
        } else if (a == "--format") {
            if (!value(format))
                return usage("--format needs one of table, json, csv, html, pdf");
        } else if (a.rfind("--format=", 0) == 0) {
            format = a.substr(9);
        } else if (a == "-o" || a == "--output") {
            if (!value(outFile))
                return usage("-o needs a file name");
        } else if (a.rfind("--output=", 0) == 0) {
            outFile = a.substr(9);
        } else if (!a.empty() && a[0] == '-' && a != "-") {
            return usage("unknown option '" + a + "' for evaluate");
        } else if (scenarioPath.empty()) {
            scenarioPath = a;
        } else {
            return usage("evaluate takes one scenario file; '" + a + "' is one too many");
        }
    }
    if (scenarioPath.empty())
        return usage("evaluate needs a scenario file");
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
        const Ui::Report document(priced.value().scenario, evaluation, sweep ? sweep.value() : Models::TrafficSweep{});
        if (format == "pdf") {
            const QString error = document.write(Ui::ReportFormat::Pdf, QString::fromStdString(outFile));
            if (!error.isEmpty()) {
                std::cerr << error.toStdString() << '\n';
                return InvalidInput;
            }
            return Success;
        }
        const QByteArray html = document.html();
        if (html.isEmpty()) {
            std::cerr << "costscape-cli: the report could not be drawn\n";
            return InvalidInput;
        }
        return writeOutput(html.toStdString(), outFile);
    }
    const std::string text = format == "json" ? Models::formatJson(evaluation)
        : format == "csv"                     ? Models::formatCsv(evaluation)
                                              : Models::formatTable(evaluation);
    return writeOutput(text, outFile);
}

int validate(const std::vector<std::string> &args)
{
    if (args.size() != 1)
        return usage("validate takes exactly one file");
    const std::string &path = args[0];
    const auto doc = JsonDocument::load(path);
    if (!doc)
        return invalid(doc.error());
    const auto &root = doc.value().root();
    const std::string format = root.is_object() && root.contains("format") && root["format"].is_string()
        ? root["format"].get<std::string>()
        : std::string();
    if (format == "costscape-prices") {
        const auto sheet = Pricing::loadPriceSheet(path);
        if (!sheet)
            return invalid(sheet.error());
        printWarnings(sheet.warnings());
        std::size_t types = 0;
        for (const auto &[code, region] : sheet.value().regions)
            types += region.ec2.size();
        std::cout << path << ": valid price sheet \"" << sheet.value().provenance.name << "\": "
                  << sheet.value().regions.size() << " region(s), " << types << " EC2 instance prices\n";
        return Success;
    }
    if (format == "costscape-scenario") {
        const auto priced = Models::loadAndEvaluate(path);
        printWarnings(priced.warnings());
        if (!priced)
            return invalid(priced.error());
        const Models::PricedScenario &p = priced.value();
        std::cout << path << ": valid scenario \"" << p.scenario.name << "\": " << p.scenario.options.size()
                  << " option(s), priced with \"" << p.sheet->provenance.name << "\"\n";
        return Success;
    }
    const bool hasFormat = root.is_object() && root.contains("format");
    return invalid(doc.value().errorAt(JsonDocument::Pointer(hasFormat ? "/format" : ""), ErrorCode::WrongFormat,
                                       "format: expected \"costscape-scenario\" or \"costscape-prices\", got "
                                           + (hasFormat ? root["format"].dump() : std::string("no \"format\" key"))));
}

// Progress on a terminal only: a log file or a pipe would fill with carriage returns.
bool progressToTerminal(std::uint64_t done, std::uint64_t total, const std::string &file)
{
    const int percent = total ? static_cast<int>(done * 100 / total) : 0;
    std::fprintf(stderr, "\r%s: %3d%% (%.0f of %.0f MB)", file.c_str(), percent, static_cast<double>(done) / 1e6,
                 static_cast<double>(total) / 1e6);
    return true;
}

int importAws(const std::vector<std::string> &args)
{
    std::vector<std::string> offers;
    Pricing::AwsImportOptions options;
    Pricing::SpotHistoryOptions spotOptions;
    std::string outFile;
    std::string spotHistory;
    std::string spotAdvisor;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        // The option's value, or null when the option ends the line.
        auto value = [&]() -> const std::string * { return i + 1 < args.size() ? &args[++i] : nullptr; };
        if (a == "--region") {
            const auto *v = value();
            if (!v || v->empty())
                return usage("--region needs a region code such as us-east-1");
            options.regions.push_back(*v);
        } else if (a == "-o" || a == "--output") {
            const auto *v = value();
            if (!v)
                return usage("-o needs a file name");
            outFile = *v;
        } else if (a == "--spot-history") {
            const auto *v = value();
            if (!v)
                return usage("--spot-history needs a DescribeSpotPriceHistory JSON file");
            spotHistory = *v;
        } else if (a == "--spot-zone") {
            const auto *v = value();
            if (!v)
                return usage("--spot-zone needs an availability zone such as us-east-1a");
            spotOptions.availabilityZone = *v;
        } else if (a == "--spot-days") {
            const auto *v = value();
            char *end = nullptr;
            const long days = v ? std::strtol(v->c_str(), &end, 10) : 0;
            if (!v || *end || days < 1 || days > 366)
                return usage("--spot-days needs a whole number of days from 1 to 366");
            spotOptions.days = static_cast<int>(days);
        } else if (a == "--spot-advisor") {
            const auto *v = value();
            if (!v)
                return usage("--spot-advisor needs the Spot Instance Advisor JSON file");
            spotAdvisor = *v;
        } else if (!a.empty() && a[0] == '-' && a != "-") {
            return usage("unknown option '" + a + "' for import-aws");
        } else {
            offers.push_back(a);
        }
    }
    if (offers.empty())
        return usage("import-aws needs at least one offer file");

    Pricing::PriceSheet sheet;
    sheet.provenance.name = "AWS Price List";
    const bool terminal = isatty(fileno(stderr)) != 0;
    for (const std::string &offer : offers) {
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
        std::cerr << offer << ": " << s.offerCode << " (" << s.format << ", published " << s.publicationDate << "): " << s.prices
                  << (s.prices == 1 ? " price in " : " prices in ") << s.currency << (regions.empty() ? std::string() : " for " + regions) << '\n';
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
        std::cerr << spotHistory << ": spot prices for " << applied.value() << " instance types in " << region << '\n';
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
        std::cerr << spotAdvisor << ": interruption bands for " << applied.value() << " instance types\n";
    }
    return writeOutput(Pricing::serializePriceSheet(sheet), outFile);
}

/** True for `evaluate ... --format html|pdf`: the report draws charts, which need a QApplication. */
bool needsGui(int argc, char **argv)
{
    if (argc < 2 || std::string(argv[1]) != "evaluate")
        return false;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        const std::string value = a == "--format" && i + 1 < argc ? argv[i + 1]
            : a.rfind("--format=", 0) == 0                         ? a.substr(9)
                                                                   : std::string();
        if (value == "html" || value == "pdf")
            return true;
    }
    return false;
}

QtMessageHandler g_previousHandler = nullptr;

/**
 * A report run as root on a server has no login session: Qt falls back to a runtime directory of
 * its own, which works, but its warning would read as a fault in a script's output. Every other
 * message passes through.
 */
void dropRuntimeDirWarning(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
        return;
    g_previousHandler(type, context, message);
}

} // namespace

int main(int argc, char **argv)
{
    // Table, JSON and CSV stay headless (Qt Core only); a report draws its charts offscreen when
    // there is no display, so a server without X or Wayland can still write one.
    std::unique_ptr<QCoreApplication> app;
    if (needsGui(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
            && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        g_previousHandler = qInstallMessageHandler(dropRuntimeDirWarning);
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("costscape-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COSTSCAPE_VERSION));

    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty())
        return usage("a command is needed");
    const std::string command = args[0];
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << HelpText;
        return Success;
    }
    if (command == "--version" || command == "-v") {
        std::cout << "costscape-cli " << COSTSCAPE_VERSION << '\n';
        return Success;
    }
    if (command == "evaluate")
        return evaluate(rest);
    if (command == "validate")
        return validate(rest);
    if (command == "import-aws")
        return importAws(rest);
    return usage("unknown command '" + command + "'");
}
