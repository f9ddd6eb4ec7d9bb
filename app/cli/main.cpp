// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// costscape-cli: the headless face of the same core the desktop application uses. This file
// chooses the command; each command parses its own options (app/cli/*command.cpp).

#include "app/cli/clicommon.h"

#include <QApplication>
#include <QCoreApplication>
#include <QString>

#include <iostream>
#include <memory>

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <new>
#include <string>

using namespace Costscape;
using namespace Costscape::Cli;

namespace {

const char *const HelpText =
    "Usage:\n"
    "  costscape-cli evaluate SCENARIO [--prices SHEET] [--format table|json|csv|html|pdf] [-o FILE]\n"
    "  costscape-cli import-aws OFFER_FILE... [--region CODE]... [--spot-history FILE]\n"
    "                [--spot-zone AZ] [--spot-days N] [--spot-advisor FILE] [-o SHEET]\n"
    "  costscape-cli uncertainty SCENARIO [--draws N] [--seed S] [--prices SHEET]\n"
    "                [--format table|json|csv] [-o FILE]\n"
    "  costscape-cli compare SCENARIO_A SCENARIO_B [--format table|json|csv] [-o FILE]\n"
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
    "uncertainty prices SCENARIO N times (default 10000) with the inputs of its \"ranges\"\n"
    "           drawn at random (seeded: the same seed gives the same figures) and prints each\n"
    "           option's P10 / P50 / P90 monthly cost, its odds of being the cheapest, its\n"
    "           expected regret and the tornado of the inputs.\n"
    "compare    prices two scenarios, each with its own sheet, and prints them side by side\n"
    "           with the difference (B - A) per option and per line item.\n"
    "validate   reads FILE (scenario or price sheet) and reports the first problem as\n"
    "           file:line:column: message. A scenario is also priced, so unknown regions,\n"
    "           instance types and missing prices are found.\n"
    "\n"
    "Exit status: 0 success, 1 invalid input, 2 wrong usage.\n";

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
#ifdef __GLIBC__
    // glibc raises its mmap threshold to the size of each large block freed (up to 32 MB), so
    // that after the first few large blocks, the large vectors of a big document (and nlohmann's
    // copy of an array's elements while it destroys the array) come from the heap, whose memory
    // is neither given back nor reused as it was: `validate` of a 7.7 MB array peaked at 4.2x
    // the file instead of 3.7x (issue 13's goal: under 4x). A fixed threshold (glibc's default)
    // keeps every large block in a mapping of its own, returned when it is freed.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
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

    // The global options, then the command; everything after the command is the command's own.
    QCommandLineParser parser;
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show the help."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")}, QStringLiteral("Show the version."));
    parser.addOptions({help, version});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("evaluate, uncertainty, compare, validate or import-aws"));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!parser.parse(QCoreApplication::arguments()))
        return usage(parser.errorText().toStdString());
    if (parser.isSet(help))
        return writeStdout(HelpText);
    if (parser.isSet(version))
        return writeStdout(std::string("costscape-cli ") + COSTSCAPE_VERSION + '\n');
    QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty())
        return usage("a command is needed");
    const QString command = arguments.takeFirst();
    if (command == QLatin1String("help"))
        return writeStdout(HelpText);
    // The readers turn running out of memory into an error of their own; this is the last line for
    // anything else, so the user gets a sentence and exit status 1, never an abort.
    try {
        if (command == QLatin1String("evaluate"))
            return evaluateCommand(arguments);
        if (command == QLatin1String("validate"))
            return validateCommand(arguments);
        if (command == QLatin1String("uncertainty"))
            return uncertaintyCommand(arguments);
        if (command == QLatin1String("compare"))
            return compareCommand(arguments);
        if (command == QLatin1String("import-aws"))
            return importAwsCommand(arguments);
    } catch (const std::bad_alloc &) {
        std::cerr << "costscape-cli: out of memory; nothing was written\n";
        return 1;
    }
    return usage("unknown command '" + command.toStdString() + "'");
}
