// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The costscape-cli contract of docs FORMATS.md section 4, checked on the built binary: exit
// statuses, output formats, -o, --prices, relative price sheets, validate and warnings.

#include "tests/common/clirunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using Costscape::Tests::CliRun;
using Costscape::Tests::runCli;

namespace {

enum Exit {
    Success = 0,
    InvalidInput = 1,
    Usage = 2,
};

QString sourcePath(const char *relative)
{
    return QDir(QStringLiteral(COSTSCAPE_SOURCE_DIR)).absoluteFilePath(QString::fromUtf8(relative));
}

QString exampleScenario()
{
    return sourcePath("examples/web-api.costscape.json");
}

QString defaultSheet()
{
    return sourcePath("pricing/data/aws-default.prices.json");
}

QJsonObject readJsonFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

/** Equal within 1e-9 relative (and 1e-12 absolute, for zero). */
bool nearlyEqual(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(std::abs(a), std::abs(b)) + 1e-12;
}

/** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF ends a row. */
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool rowHasContent = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
            rowHasContent = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
            rowHasContent = true;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            if (rowHasContent || !field.isEmpty()) {
                row << field;
                rows << row;
            }
            row.clear();
            field.clear();
            rowHasContent = false;
        } else {
            field += c;
            rowHasContent = true;
        }
    }
    if (rowHasContent || !field.isEmpty()) {
        row << field;
        rows << row;
    }
    return rows;
}

/**
 * "line:column" (1-based, in characters) of the first occurrence of needle in text, moved on by
 * skip characters (to step from a key to its value on the same line).
 */
QString lineColumnOf(const QString &text, const QString &needle, qsizetype skip = 0)
{
    qsizetype at = text.indexOf(needle);
    if (at < 0)
        return QStringLiteral("(not found)");
    at += skip;
    const QStringView before = QStringView(text).left(at);
    const qsizetype line = before.count(QLatin1Char('\n')) + 1;
    const qsizetype column = at - (before.lastIndexOf(QLatin1Char('\n')) + 1) + 1;
    return QStringLiteral("%1:%2").arg(line).arg(column);
}

// A price sheet the tests write themselves, so the expected cost follows from its figures and
// no number is copied from the program's output.
const char *const CustomSheetName = "Costscape test sheet for --prices";
const char *const CustomSheetSource = "written by tst_cli";
const char *const CustomSheetRetrieved = "2026-02-03";
constexpr double CustomM5LargeHourly = 0.5; // deliberately unlike any AWS price
constexpr int Instances = 3;
constexpr double Hours = 730;

QByteArray customSheet()
{
    return QByteArrayLiteral(R"({
  "format": "costscape-prices",
  "version": 1,
  "name": "Costscape test sheet for --prices",
  "currency": "USD",
  "source": "written by tst_cli",
  "retrieved": "2026-02-03",
  "regions": {
    "us-east-1": {
      "ec2": {
        "m5.large": { "vcpu": 2, "memoryGib": 8, "onDemandHourly": { "linux": 0.5 } }
      }
    }
  }
}
)");
}

/** Three on-demand m5.large all month: the cost is Instances x Hours x the sheet's hourly price. */
QByteArray fixedFleetScenario(const QString &prices)
{
    QByteArray text = QByteArrayLiteral(R"({
  "format": "costscape-scenario",
  "version": 1,
  "name": "Fixed EC2 fleet",
  "region": "us-east-1",
  "hoursPerMonth": 730,
  "prices": "@PRICES@",
  "workload": {
    "requests": { "perMonth": 1000000 },
    "durationMs": 100,
    "memoryMb": 256
  },
  "options": [
    { "id": "vms", "platform": "ec2", "instanceType": "m5.large", "os": "linux",
      "purchase": "on-demand", "instances": 3 }
  ]
}
)");
    return text.replace("@PRICES@", prices.toUtf8());
}

/** The embedded-equivalent sheet's name and m5.large Linux price in us-east-1, read from its source file. */
QPair<QString, double> defaultSheetM5Large()
{
    const QJsonObject sheet = readJsonFile(defaultSheet());
    const double hourly = sheet[QStringLiteral("regions")][QStringLiteral("us-east-1")][QStringLiteral("ec2")]
                              [QStringLiteral("m5.large")][QStringLiteral("onDemandHourly")][QStringLiteral("linux")]
                                  .toDouble(-1);
    return {sheet[QStringLiteral("name")].toString(), hourly};
}

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT

private slots:
    void version_printsVersionAndExitsZero();
    void help_printsUsageAndExitsZero();
    void usageError_exitsTwoAndWritesNothing_data();
    void usageError_exitsTwoAndWritesNothing();

    void evaluateJson_hasOneResultPerOptionWithConsistentTotals();
    void evaluateCsv_hasOneTotalRowPerOptionMatchingJson();
    void evaluateTable_listsEveryOptionAndThePrices();
    void evaluateOutputFile_writesFileAndNothingOnStdout_data();
    void evaluateOutputFile_writesFileAndNothingOnStdout();
    void evaluateOutputIntoMissingDirectory_failsAndLeavesNothing();
    void evaluateFailure_leavesExistingOutputUntouched();

    void evaluatePricesOption_overridesScenarioSheet_data();
    void evaluatePricesOption_overridesScenarioSheet();
    void scenarioRelativePrices_resolveNextToScenarioFile_data();
    void scenarioRelativePrices_resolveNextToScenarioFile();

    void validate_acceptsGoodInputs_data();
    void validate_acceptsGoodInputs();
    void unknownKeys_warnWithLineAndColumnButSucceed_data();
    void unknownKeys_warnWithLineAndColumnButSucceed();
    void priceSheetWarnings_reachStderrForScenarioCommands_data();
    void priceSheetWarnings_reachStderrForScenarioCommands();

private:
    QJsonObject evaluateExampleJson();
};

QJsonObject TestCli::evaluateExampleJson()
{
    const CliRun run = runCli({QStringLiteral("evaluate"), exampleScenario(), QStringLiteral("--format"), QStringLiteral("json")});
    if (!run.exitedWith(Success)) {
        qWarning("%s", run.describe().constData());
        return {};
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("result is not JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

void TestCli::version_printsVersionAndExitsZero()
{
    const CliRun run = runCli({QStringLiteral("--version")});
    QVERIFY2(run.exitedWith(Success), run.describe());
    QVERIFY2(run.out.contains(QStringLiteral(COSTSCAPE_VERSION)), run.describe());
    QVERIFY2(run.out.contains(QStringLiteral("costscape-cli")), run.describe());
    QVERIFY2(run.err.isEmpty(), run.describe());
}

void TestCli::help_printsUsageAndExitsZero()
{
    const CliRun run = runCli({QStringLiteral("--help")});
    QVERIFY2(run.exitedWith(Success), run.describe());
    for (const char *word : {"Usage", "evaluate", "validate", "--prices", "--format", "-o"})
        QVERIFY2(run.out.contains(QString::fromUtf8(word)), qPrintable(QStringLiteral("help does not mention ") + QString::fromUtf8(word)));
    QVERIFY2(run.err.isEmpty(), run.describe());
}

void TestCli::usageError_exitsTwoAndWritesNothing_data()
{
    // "@OUT@" stands for a file in a scratch folder that must still be absent afterwards.
    QTest::addColumn<QStringList>("args");
    const QString example = exampleScenario();
    const QString ev = QStringLiteral("evaluate");
    const QString out = QStringLiteral("@OUT@");
    QTest::newRow("no-command") << QStringList{};
    QTest::newRow("unknown-command") << QStringList{QStringLiteral("frobnicate"), example};
    QTest::newRow("unknown-global-option") << QStringList{QStringLiteral("--colour")};
    QTest::newRow("evaluate-unknown-option")
        << QStringList{ev, example, QStringLiteral("--colour"), QStringLiteral("-o"), out};
    QTest::newRow("evaluate-missing-scenario") << QStringList{ev};
    QTest::newRow("evaluate-missing-scenario-with-options")
        << QStringList{ev, QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-o"), out};
    QTest::newRow("evaluate-format-xml")
        << QStringList{ev, example, QStringLiteral("--format"), QStringLiteral("xml"), QStringLiteral("-o"), out};
    QTest::newRow("evaluate-format-equals-xml") << QStringList{ev, example, QStringLiteral("--format=xml")};
    QTest::newRow("evaluate-format-without-value") << QStringList{ev, example, QStringLiteral("--format")};
    QTest::newRow("evaluate-output-without-value") << QStringList{ev, example, QStringLiteral("-o")};
    QTest::newRow("evaluate-prices-without-value") << QStringList{ev, example, QStringLiteral("--prices")};
    QTest::newRow("evaluate-two-scenarios") << QStringList{ev, example, example, QStringLiteral("-o"), out};
    QTest::newRow("validate-without-file") << QStringList{QStringLiteral("validate")};
    QTest::newRow("validate-two-files") << QStringList{QStringLiteral("validate"), example, defaultSheet()};
}

void TestCli::usageError_exitsTwoAndWritesNothing()
{
    QFETCH(QStringList, args);
    QTemporaryDir work;
    QVERIFY(work.isValid());
    const QString out = work.filePath(QStringLiteral("result.txt"));
    args.replaceInStrings(QStringLiteral("@OUT@"), out);

    const CliRun run = runCli(args, work.path());
    QVERIFY2(run.exitedWith(Usage), run.describe());
    QVERIFY2(!run.err.trimmed().isEmpty(), "a usage error must say what is wrong on stderr");
    QVERIFY2(run.out.isEmpty(), run.describe());
    QVERIFY2(QDir(work.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             "a usage error wrote a file");
}

void TestCli::evaluateJson_hasOneResultPerOptionWithConsistentTotals()
{
    const QJsonObject scenario = readJsonFile(exampleScenario());
    const QJsonArray scenarioOptions = scenario[QStringLiteral("options")].toArray();
    QVERIFY2(!scenarioOptions.isEmpty(), "the example scenario could not be read");

    const QJsonObject result = evaluateExampleJson();
    QCOMPARE(result[QStringLiteral("format")].toString(), QStringLiteral("costscape-result"));
    QCOMPARE(result[QStringLiteral("version")].toInt(), 1);
    QCOMPARE(result[QStringLiteral("scenario")].toString(), scenario[QStringLiteral("name")].toString());
    QCOMPARE(result[QStringLiteral("region")].toString(), scenario[QStringLiteral("region")].toString());
    QCOMPARE(result[QStringLiteral("hoursPerMonth")].toDouble(), scenario[QStringLiteral("hoursPerMonth")].toDouble());
    QVERIFY(!result[QStringLiteral("currency")].toString().isEmpty());

    // Provenance travels into every report, so a reader knows how old the prices are.
    const QJsonObject prices = result[QStringLiteral("prices")].toObject();
    for (const char *key : {"name", "source", "retrieved"})
        QVERIFY2(!prices[QString::fromUtf8(key)].toString().isEmpty(), key);

    const QJsonArray options = result[QStringLiteral("options")].toArray();
    QCOMPARE(options.size(), scenarioOptions.size());
    for (qsizetype i = 0; i < options.size(); ++i) {
        const QJsonObject o = options[i].toObject();
        const QJsonObject spec = scenarioOptions[i].toObject();
        const QString id = o[QStringLiteral("id")].toString();
        QCOMPARE(id, spec[QStringLiteral("id")].toString());
        QCOMPARE(o[QStringLiteral("platform")].toString(), spec[QStringLiteral("platform")].toString());
        QVERIFY2(o[QStringLiteral("monthlyCost")].isDouble(), qPrintable(id));
        QVERIFY2(o[QStringLiteral("feasible")].isBool(), qPrintable(id));
        QVERIFY2(o[QStringLiteral("warnings")].isArray(), qPrintable(id));

        const QJsonArray items = o[QStringLiteral("lineItems")].toArray();
        QVERIFY2(!items.isEmpty(), qPrintable(id + QStringLiteral(": no line items")));
        double sum = 0;
        for (const QJsonValue &item : items) {
            QVERIFY2(item[QStringLiteral("cost")].isDouble(), qPrintable(id));
            QVERIFY2(!item[QStringLiteral("name")].toString().isEmpty(), qPrintable(id));
            sum += item[QStringLiteral("cost")].toDouble();
        }
        const double monthly = o[QStringLiteral("monthlyCost")].toDouble();
        QVERIFY2(nearlyEqual(monthly, sum),
                 qPrintable(QStringLiteral("%1: monthlyCost %2 but line items sum to %3").arg(id).arg(monthly, 0, 'g', 17).arg(sum, 0, 'g', 17)));
    }
}

void TestCli::evaluateCsv_hasOneTotalRowPerOptionMatchingJson()
{
    const QJsonObject result = evaluateExampleJson();
    const QJsonArray options = result[QStringLiteral("options")].toArray();
    QVERIFY(!options.isEmpty());

    const CliRun run = runCli({QStringLiteral("evaluate"), exampleScenario(), QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY2(run.exitedWith(Success), run.describe());
    const QList<QStringList> rows = parseCsv(run.out);
    QVERIFY2(rows.size() >= 2, run.describe());

    const QStringList header = rows.first();
    const qsizetype optionCol = header.indexOf(QStringLiteral("option"));
    const qsizetype itemCol = header.indexOf(QStringLiteral("lineItem"));
    const qsizetype costCol = header.indexOf(QStringLiteral("cost"));
    QVERIFY2(optionCol >= 0 && itemCol >= 0 && costCol >= 0,
             qPrintable(QStringLiteral("header lacks option/lineItem/cost: ") + header.join(QLatin1Char(','))));

    QMap<QString, QList<double>> totals;
    QMap<QString, double> itemSums;
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const QStringList &row = rows[r];
        QCOMPARE(row.size(), header.size());
        bool ok = false;
        const double cost = row[costCol].toDouble(&ok);
        QVERIFY2(ok, qPrintable(QStringLiteral("row %1: cost is not a number: ").arg(r) + row.join(QLatin1Char(','))));
        if (row[itemCol] == QLatin1String("total"))
            totals[row[optionCol]] << cost;
        else
            itemSums[row[optionCol]] += cost;
    }
    QCOMPARE(totals.size(), options.size());
    for (const QJsonValue &v : options) {
        const QString id = v[QStringLiteral("id")].toString();
        QVERIFY2(totals.value(id).size() == 1, qPrintable(id + QStringLiteral(": expected exactly one total row")));
        const double csvTotal = totals.value(id).first();
        const double jsonTotal = v[QStringLiteral("monthlyCost")].toDouble();
        QVERIFY2(nearlyEqual(csvTotal, jsonTotal),
                 qPrintable(QStringLiteral("%1: csv total %2, json monthlyCost %3").arg(id).arg(csvTotal, 0, 'g', 17).arg(jsonTotal, 0, 'g', 17)));
        // The line rows are printed to 10 significant digits each; their sum carries that rounding.
        QVERIFY2(std::abs(itemSums.value(id) - csvTotal) <= 1e-8 * std::abs(csvTotal) + 1e-9,
                 qPrintable(QStringLiteral("%1: csv line items sum to %2, total row says %3").arg(id).arg(itemSums.value(id), 0, 'g', 17).arg(csvTotal, 0, 'g', 17)));
    }
}

void TestCli::evaluateTable_listsEveryOptionAndThePrices()
{
    const QJsonObject scenario = readJsonFile(exampleScenario());
    const CliRun run = runCli({QStringLiteral("evaluate"), exampleScenario(), QStringLiteral("--format"), QStringLiteral("table")});
    QVERIFY2(run.exitedWith(Success), run.describe());
    for (const QJsonValue &o : scenario[QStringLiteral("options")].toArray())
        QVERIFY2(run.out.contains(o[QStringLiteral("id")].toString()), qPrintable(o[QStringLiteral("id")].toString()));
    QVERIFY2(run.out.contains(readJsonFile(defaultSheet())[QStringLiteral("name")].toString()),
             "the table does not name the price sheet");

    // table is the default format.
    const CliRun byDefault = runCli({QStringLiteral("evaluate"), exampleScenario()});
    QVERIFY2(byDefault.exitedWith(Success), byDefault.describe());
    QCOMPARE(byDefault.out, run.out);
}

void TestCli::evaluateOutputFile_writesFileAndNothingOnStdout_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("outputOption");
    QTest::newRow("table-dash-o") << QStringLiteral("table") << QStringLiteral("-o");
    QTest::newRow("json-dash-o") << QStringLiteral("json") << QStringLiteral("-o");
    QTest::newRow("csv-dash-o") << QStringLiteral("csv") << QStringLiteral("-o");
    QTest::newRow("json-long-output") << QStringLiteral("json") << QStringLiteral("--output");
}

void TestCli::evaluateOutputFile_writesFileAndNothingOnStdout()
{
    QFETCH(QString, format);
    QFETCH(QString, outputOption);
    QTemporaryDir work;
    QVERIFY(work.isValid());
    const QString out = work.filePath(QStringLiteral("result.") + format);

    const QStringList common{QStringLiteral("evaluate"), exampleScenario(), QStringLiteral("--format"), format};
    const CliRun toFile = runCli(common + QStringList{outputOption, out});
    QVERIFY2(toFile.exitedWith(Success), toFile.describe());
    QVERIFY2(toFile.out.isEmpty(), qPrintable(QStringLiteral("stdout should be empty with -o: ") + toFile.out));
    QVERIFY2(QFileInfo::exists(out), "the output file was not written");

    // The file holds exactly what standard output would have shown.
    const CliRun toStdout = runCli(common);
    QVERIFY2(toStdout.exitedWith(Success), toStdout.describe());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()), toStdout.out);
    QVERIFY(!toStdout.out.isEmpty());
}

void TestCli::evaluateOutputIntoMissingDirectory_failsAndLeavesNothing()
{
    QTemporaryDir work;
    QVERIFY(work.isValid());
    const QString missingDir = work.filePath(QStringLiteral("no-such-folder"));
    const QString out = missingDir + QStringLiteral("/result.json");

    const CliRun run = runCli({QStringLiteral("evaluate"), exampleScenario(), QStringLiteral("--format"), QStringLiteral("json"),
                               QStringLiteral("-o"), out},
                              work.path());
    QVERIFY2(run.exitedWith(InvalidInput), run.describe());
    QVERIFY2(run.err.contains(out), qPrintable(QStringLiteral("stderr should name the output file: ") + run.err));
    QVERIFY2(run.out.isEmpty(), run.describe());
    QVERIFY(!QFileInfo::exists(missingDir));
    QVERIFY2(QDir(work.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), "something was left behind");
}

void TestCli::evaluateFailure_leavesExistingOutputUntouched()
{
    // "Nothing is written to -o FILE unless the whole command succeeded": not even truncation.
    QTemporaryDir work;
    QVERIFY(work.isValid());
    const QString out = work.filePath(QStringLiteral("result.json"));
    const QByteArray previous = "the previous result\n";
    QVERIFY(writeFile(out, previous));
    const QString broken = work.filePath(QStringLiteral("broken.costscape.json"));
    QVERIFY(writeFile(broken, fixedFleetScenario(QStringLiteral("embedded")).replace("\"durationMs\": 100", "\"durationMs\": -1")));

    const CliRun run = runCli({QStringLiteral("evaluate"), broken, QStringLiteral("--format"), QStringLiteral("json"),
                               QStringLiteral("-o"), out});
    QVERIFY2(run.exitedWith(InvalidInput), run.describe());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), previous);
    QCOMPARE(QDir(work.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).size(), 2);
}

void TestCli::evaluatePricesOption_overridesScenarioSheet_data()
{
    // scenarioPrices: the scenario's own "prices"; pricesArgs: the command-line override, where
    // @SHEET@ is the custom sheet's path; expectCustom: which sheet must price the result.
    QTest::addColumn<QString>("scenarioPrices");
    QTest::addColumn<QStringList>("pricesArgs");
    QTest::addColumn<bool>("expectCustom");
    const QString sheet = QStringLiteral("@SHEET@");
    QTest::newRow("embedded-overridden-by-file") << QStringLiteral("embedded") << QStringList{QStringLiteral("--prices"), sheet} << true;
    QTest::newRow("embedded-overridden-by-file-equals-form")
        << QStringLiteral("embedded") << QStringList{QStringLiteral("--prices=") + sheet} << true;
    QTest::newRow("missing-sheet-overridden-by-file")
        << QStringLiteral("no-such-sheet.prices.json") << QStringList{QStringLiteral("--prices"), sheet} << true;
    QTest::newRow("file-overridden-by-embedded")
        << QStringLiteral("custom.prices.json") << QStringList{QStringLiteral("--prices"), QStringLiteral("embedded")} << false;
    QTest::newRow("scenario-file-without-override") << QStringLiteral("custom.prices.json") << QStringList{} << true;
}

void TestCli::evaluatePricesOption_overridesScenarioSheet()
{
    QFETCH(QString, scenarioPrices);
    QFETCH(QStringList, pricesArgs);
    QFETCH(bool, expectCustom);

    QTemporaryDir work;
    QVERIFY(work.isValid());
    const QString sheetPath = work.filePath(QStringLiteral("custom.prices.json"));
    QVERIFY(writeFile(sheetPath, customSheet()));
    const QString scenarioPath = work.filePath(QStringLiteral("fleet.costscape.json"));
    QVERIFY(writeFile(scenarioPath, fixedFleetScenario(scenarioPrices)));
    pricesArgs.replaceInStrings(QStringLiteral("@SHEET@"), sheetPath);

    QTemporaryDir elsewhere; // the working directory must not matter
    QVERIFY(elsewhere.isValid());
    const CliRun run = runCli(QStringList{QStringLiteral("evaluate"), scenarioPath, QStringLiteral("--format"), QStringLiteral("json")}
                                  + pricesArgs,
                              elsewhere.path());
    QVERIFY2(run.exitedWith(Success), run.describe());
    const QJsonObject result = QJsonDocument::fromJson(run.out.toUtf8()).object();
    const QJsonObject prices = result[QStringLiteral("prices")].toObject();

    const auto [defaultName, defaultM5Large] = defaultSheetM5Large();
    QVERIFY2(defaultM5Large > 0 && defaultM5Large != CustomM5LargeHourly, "the default sheet's m5.large price could not be read");
    const double hourly = expectCustom ? CustomM5LargeHourly : defaultM5Large;
    if (expectCustom) {
        QCOMPARE(prices[QStringLiteral("name")].toString(), QString::fromUtf8(CustomSheetName));
        QCOMPARE(prices[QStringLiteral("source")].toString(), QString::fromUtf8(CustomSheetSource));
        QCOMPARE(prices[QStringLiteral("retrieved")].toString(), QString::fromUtf8(CustomSheetRetrieved));
    } else {
        QCOMPARE(prices[QStringLiteral("name")].toString(), defaultName);
    }
    const QJsonArray options = result[QStringLiteral("options")].toArray();
    QCOMPARE(options.size(), 1);
    const double monthly = options[0][QStringLiteral("monthlyCost")].toDouble();
    const double expected = Instances * Hours * hourly;
    QVERIFY2(nearlyEqual(monthly, expected), qPrintable(QStringLiteral("monthlyCost %1, expected %2").arg(monthly).arg(expected)));
}

void TestCli::scenarioRelativePrices_resolveNextToScenarioFile_data()
{
    // Where the scenario and the sheet live inside the scratch folder, and how the scenario names it.
    QTest::addColumn<QString>("scenarioFile");
    QTest::addColumn<QString>("sheetFile");
    QTest::addColumn<QString>("pricesValue");
    QTest::addColumn<QString>("command");
    QTest::newRow("same-folder-evaluate") << QStringLiteral("plan/fleet.costscape.json") << QStringLiteral("plan/custom.prices.json")
                                          << QStringLiteral("custom.prices.json") << QStringLiteral("evaluate");
    QTest::newRow("subfolder-evaluate") << QStringLiteral("plan/fleet.costscape.json") << QStringLiteral("plan/sheets/custom.prices.json")
                                        << QStringLiteral("sheets/custom.prices.json") << QStringLiteral("evaluate");
    QTest::newRow("sibling-folder-evaluate") << QStringLiteral("plan/fleet.costscape.json") << QStringLiteral("sheets/custom.prices.json")
                                             << QStringLiteral("../sheets/custom.prices.json") << QStringLiteral("evaluate");
    QTest::newRow("sibling-folder-validate") << QStringLiteral("plan/fleet.costscape.json") << QStringLiteral("sheets/custom.prices.json")
                                             << QStringLiteral("../sheets/custom.prices.json") << QStringLiteral("validate");
}

void TestCli::scenarioRelativePrices_resolveNextToScenarioFile()
{
    QFETCH(QString, scenarioFile);
    QFETCH(QString, sheetFile);
    QFETCH(QString, pricesValue);
    QFETCH(QString, command);

    QTemporaryDir work;
    QVERIFY(work.isValid());
    QVERIFY(writeFile(work.filePath(sheetFile), customSheet()));
    const QString scenarioPath = work.filePath(scenarioFile);
    QVERIFY(writeFile(scenarioPath, fixedFleetScenario(pricesValue)));

    // Run from a folder where the relative path would resolve to nothing.
    QTemporaryDir elsewhere;
    QVERIFY(elsewhere.isValid());
    QStringList args{command, scenarioPath};
    if (command == QLatin1String("evaluate"))
        args << QStringLiteral("--format") << QStringLiteral("json");
    const CliRun run = runCli(args, elsewhere.path());
    QVERIFY2(run.exitedWith(Success), run.describe());

    if (command == QLatin1String("validate")) {
        QVERIFY2(run.out.contains(QString::fromUtf8(CustomSheetName)), run.describe());
        return;
    }
    const QJsonObject result = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(result[QStringLiteral("prices")][QStringLiteral("name")].toString(), QString::fromUtf8(CustomSheetName));
    const double monthly = result[QStringLiteral("options")][0][QStringLiteral("monthlyCost")].toDouble();
    QVERIFY2(nearlyEqual(monthly, Instances * Hours * CustomM5LargeHourly), qPrintable(QString::number(monthly)));
}

void TestCli::validate_acceptsGoodInputs_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("kind");
    QTest::newRow("example-scenario") << exampleScenario() << QStringLiteral("valid scenario");
    QTest::newRow("default-price-sheet") << defaultSheet() << QStringLiteral("valid price sheet");
}

void TestCli::validate_acceptsGoodInputs()
{
    QFETCH(QString, path);
    QFETCH(QString, kind);
    const CliRun run = runCli({QStringLiteral("validate"), path});
    QVERIFY2(run.exitedWith(Success), run.describe());
    QVERIFY2(run.out.contains(path), run.describe());
    QVERIFY2(run.out.contains(kind), run.describe());
}

void TestCli::unknownKeys_warnWithLineAndColumnButSucceed_data()
{
    QTest::addColumn<QString>("command");
    QTest::newRow("evaluate") << QStringLiteral("evaluate");
    QTest::newRow("validate") << QStringLiteral("validate");
}

void TestCli::unknownKeys_warnWithLineAndColumnButSucceed()
{
    QFETCH(QString, command);
    // Unknown keys are kept for forward compatibility (FORMATS.md) and reported, never fatal.
    QByteArray text = fixedFleetScenario(QStringLiteral("embedded"));
    text.replace("  \"region\": \"us-east-1\",\n", "  \"region\": \"us-east-1\",\n  \"colour\": \"teal\",\n");
    text.replace("\"instances\": 3 }", "\"instances\": 3,\n      \"owner\": \"team-a\" }");
    const QString content = QString::fromUtf8(text);
    QVERIFY(content.contains(QStringLiteral("\"colour\"")) && content.contains(QStringLiteral("\"owner\"")));

    QTemporaryDir work;
    QVERIFY(work.isValid());
    const QString path = work.filePath(QStringLiteral("extra-keys.costscape.json"));
    QVERIFY(writeFile(path, text));

    const CliRun run = runCli({command, path});
    QVERIFY2(run.exitedWith(Success), run.describe());
    // A warning points at the unknown key's value.
    const QString colour = path + QLatin1Char(':') + lineColumnOf(content, QStringLiteral("\"teal\""))
        + QStringLiteral(": warning: colour: unknown key");
    const QString owner = path + QLatin1Char(':') + lineColumnOf(content, QStringLiteral("\"team-a\""))
        + QStringLiteral(": warning: options[0].owner: unknown key");
    QVERIFY2(run.err.contains(colour), qPrintable(QStringLiteral("expected: ") + colour + QStringLiteral("\nstderr: ") + run.err));
    QVERIFY2(run.err.contains(owner), qPrintable(QStringLiteral("expected: ") + owner + QStringLiteral("\nstderr: ") + run.err));
    QVERIFY2(!run.out.isEmpty(), "the result should still be printed");
    QVERIFY2(!run.out.contains(QStringLiteral("warning")), "warnings belong on stderr");
}

void TestCli::priceSheetWarnings_reachStderrForScenarioCommands_data()
{
    QTest::addColumn<QString>("command");
    QTest::newRow("evaluate") << QStringLiteral("evaluate");
    QTest::newRow("validate") << QStringLiteral("validate");
}

void TestCli::priceSheetWarnings_reachStderrForScenarioCommands()
{
    // A scenario's own sheet is read by both commands; a remark about it must not be lost in either.
    QFETCH(QString, command);
    QByteArray sheet = customSheet();
    sheet.replace("{ \"linux\": 0.5 }", "{ \"linux\": 0.5, \"solaris\": 0.7 }");
    const QString sheetText = QString::fromUtf8(sheet);
    QVERIFY(sheetText.contains(QStringLiteral("solaris")));

    QTemporaryDir work;
    QVERIFY(work.isValid());
    const QString sheetPath = work.filePath(QStringLiteral("custom.prices.json"));
    QVERIFY(writeFile(sheetPath, sheet));
    const QString scenarioPath = work.filePath(QStringLiteral("fleet.costscape.json"));
    QVERIFY(writeFile(scenarioPath, fixedFleetScenario(QStringLiteral("custom.prices.json"))));

    const CliRun run = runCli({command, scenarioPath});
    QVERIFY2(run.exitedWith(Success), run.describe());
    const QString needle = QStringLiteral("\"solaris\": ");
    const QString warning = sheetPath + QLatin1Char(':') + lineColumnOf(sheetText, needle, needle.size())
        + QStringLiteral(": warning: regions.us-east-1.ec2.m5.large.onDemandHourly.solaris: unknown operating system");
    QVERIFY2(run.err.contains(warning), qPrintable(QStringLiteral("expected: ") + warning + QStringLiteral("\nstderr: ") + run.err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
