// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Never a wrong number (issue 13): every scenario the tests hold (tests/data/golden, every
// published example of tests/data/acceptance, examples/ and the limits of tests/data/limits) is
// run through costscape-cli in every text format a user reads (table, JSON, CSV, HTML report),
// and no output may hold a figure that is not a finite number ("inf", "nan", a JSON null), a
// negative amount of money, or a cheapest option that is infeasible or priced at nothing.

#include "tests/common/clirunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <cmath>

using Costscape::Tests::CliRun;
using Costscape::Tests::runCli;

namespace {

const QString DataDir = QStringLiteral(COSTSCAPE_TEST_DATA_DIR);

/** Every scenario file the tests hold, by a row name: "golden/variety-week". */
QList<QPair<QString, QString>> scenarios()
{
    QList<QPair<QString, QString>> out;
    const QString scenarioGlob = QStringLiteral("*.costscape.json");
    for (const QString &folder : {QStringLiteral("golden"), QStringLiteral("limits")}) {
        const QDir dir(DataDir + QLatin1Char('/') + folder);
        for (const QString &f : dir.entryList({scenarioGlob}, QDir::Files, QDir::Name))
            out.append({folder + QLatin1Char('/') + f.chopped(16), dir.absoluteFilePath(f)});
    }
    const QDir acceptance(DataDir + QStringLiteral("/acceptance"));
    for (const QString &c : acceptance.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        out.append({QStringLiteral("acceptance/") + c, acceptance.absoluteFilePath(c + QStringLiteral("/case.costscape.json"))});
    const QDir examples(QStringLiteral(COSTSCAPE_SOURCE_DIR "/examples"));
    for (const QString &f : examples.entryList({scenarioGlob}, QDir::Files, QDir::Name))
        out.append({QStringLiteral("examples/") + f.chopped(16), examples.absoluteFilePath(f)});
    return out;
}

/** The first word a non-finite number prints as ("inf", "-nan", "Infinity", "NaN"), or "". */
QString nonFiniteWord(const QString &text)
{
    static const QRegularExpression word(QStringLiteral(R"((?<![\w.])[-+]?(inf|infinity|nan)(?![\w]))"),
                                         QRegularExpression::CaseInsensitiveOption);
    const auto m = word.match(text);
    return m.hasMatch() ? m.captured(0) : QString();
}

/** The first negative amount of money ("$-3.00", "-$3.00", "-3.00 USD"), or "". */
QString negativeMoney(const QString &text)
{
    static const QRegularExpression money(QStringLiteral(R"(\$\s*-\s*\d|-\s*\$\s*\d|(?<![\w.])-\d[\d,]*(\.\d+)?\s+USD)"));
    const auto m = money.match(text);
    return m.hasMatch() ? m.captured(0) : QString();
}

/** A money figure that could not be shown: Text::money prints "-" for a non-finite number. */
QString unshownCheapest(const QString &text)
{
    static const QRegularExpression dash(QStringLiteral(R"(cheapest[^\n]*\bat\s+-\s+(a|per)\s+month)"),
                                         QRegularExpression::CaseInsensitiveOption);
    const auto m = dash.match(text);
    return m.hasMatch() ? m.captured(0) : QString();
}

// Sentinels of the spike model: -1 means "never" (secondsToMeetDemand) or "none can" (warmMinimum).
bool mayBeMinusOne(const QString &key)
{
    return key == QLatin1String("secondsToMeetDemand") || key == QLatin1String("warmMinimum");
}

/** The first value of the result JSON that is null, negative or not finite, as a path and value; "" when none. */
QString badJsonValue(const QJsonValue &v, const QString &path, const QString &key)
{
    if (v.isNull())
        return key == QLatin1String("cheapest") ? QString() : path + QStringLiteral(": null");
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (!std::isfinite(d) || (d < 0 && !(d == -1 && mayBeMinusOne(key))))
            return path + QStringLiteral(": ") + QString::number(d, 'g', 17);
        return {};
    }
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            if (QString bad = badJsonValue(a[i], path + QStringLiteral("[%1]").arg(i), key); !bad.isEmpty())
                return bad;
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (QString bad = badJsonValue(it.value(), path + QLatin1Char('.') + it.key(), it.key()); !bad.isEmpty())
                return bad;
    }
    return {};
}

/** Splits one CSV record (RFC 4180 quoting); the scan's CSV has no newline inside a field of a figure. */
QStringList csvFields(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"'))
                field += line[++i];
            else if (c == QLatin1Char('"'))
                quoted = false;
            else
                field += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

} // namespace

class TestOutputScan : public QObject
{
    Q_OBJECT

private slots:
    void corpus_holdsEveryFolder();
    void everyFormat_hasOnlyFiniteNonNegativeMoney_data();
    void everyFormat_hasOnlyFiniteNonNegativeMoney();
    void fleetBeyondTheLimit_isInfeasibleWithItsReasonAndNeverCheapest_data();
    void fleetBeyondTheLimit_isInfeasibleWithItsReasonAndNeverCheapest();
};

void TestOutputScan::corpus_holdsEveryFolder()
{
    // 2 golden + 2 limits + 10 published examples + 1 example: fewer means a folder went missing.
    const auto all = scenarios();
    QVERIFY2(all.size() >= 15, qPrintable(QStringLiteral("only %1 scenarios found").arg(all.size())));
    for (const auto &[name, path] : all)
        QVERIFY2(QFile::exists(path), qPrintable(path + QStringLiteral(" is missing")));
}

void TestOutputScan::everyFormat_hasOnlyFiniteNonNegativeMoney_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("format");
    for (const auto &[name, path] : scenarios())
        for (const QString &format : {QStringLiteral("table"), QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("html")})
            QTest::newRow(qPrintable(name + QLatin1Char('/') + format)) << path << format;
}

void TestOutputScan::everyFormat_hasOnlyFiniteNonNegativeMoney()
{
    QFETCH(QString, scenario);
    QFETCH(QString, format);
    QStringList args{QStringLiteral("evaluate"), scenario, QStringLiteral("--format"), format};
    // A published example is priced with the sheet beside it, as tst_acceptance prices it.
    const QString prices = QFileInfo(scenario).dir().filePath(QStringLiteral("case.prices.json"));
    if (QFileInfo::exists(prices))
        args << QStringLiteral("--prices") << prices;
    const CliRun run = runCli(args);
    QVERIFY2(run.exitedWith(0), run.describe());
    QVERIFY(!run.out.isEmpty());

    QString text = run.out;
    if (format == QLatin1String("html")) {
        // What a reader sees: the text between the tags (the inline SVG charts' numbers are coordinates).
        static const QRegularExpression svg(QStringLiteral("<svg.*?</svg>"), QRegularExpression::DotMatchesEverythingOption);
        static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
        text.remove(svg).replace(tag, QStringLiteral(" "));
        text.replace(QStringLiteral("&#36;"), QStringLiteral("$")).replace(QStringLiteral("&nbsp;"), QStringLiteral(" "));
    }
    QVERIFY2(nonFiniteWord(text).isEmpty(), qPrintable(QStringLiteral("non-finite figure \"%1\" in\n%2").arg(nonFiniteWord(text), text.left(3000))));
    QVERIFY2(negativeMoney(text).isEmpty(), qPrintable(QStringLiteral("negative money \"%1\"").arg(negativeMoney(text))));
    QVERIFY2(unshownCheapest(text).isEmpty(), qPrintable(QStringLiteral("cheapest without a figure: ") + unshownCheapest(text)));

    if (format == QLatin1String("json")) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QString bad = badJsonValue(doc.object(), QStringLiteral("$"), QString());
        QVERIFY2(bad.isEmpty(), qPrintable(bad));
        // The cheapest option is a feasible, priced one.
        const QString cheapest = doc.object().value(QStringLiteral("cheapest")).toString();
        for (const QJsonValue &o : doc.object().value(QStringLiteral("options")).toArray())
            if (o[QStringLiteral("id")].toString() == cheapest)
                QVERIFY2(o[QStringLiteral("feasible")].toBool() && o[QStringLiteral("priced")].toBool(true), qPrintable(cheapest));
    }
    if (format == QLatin1String("csv")) {
        const QStringList lines = run.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 2);
        const QStringList header = csvFields(lines.front());
        const qsizetype quantity = header.indexOf(QStringLiteral("quantity"));
        const qsizetype unitPrice = header.indexOf(QStringLiteral("unitPrice"));
        const qsizetype cost = header.indexOf(QStringLiteral("cost"));
        QVERIFY(quantity >= 0 && unitPrice >= 0 && cost >= 0);
        for (qsizetype l = 1; l < lines.size(); ++l) {
            const QStringList f = csvFields(lines[l]);
            QCOMPARE(f.size(), header.size());
            for (qsizetype column : {quantity, unitPrice, cost}) {
                if (f[column].isEmpty())
                    continue; // a total row has no quantity; an unpriced option no cost
                bool ok = false;
                const double v = f[column].toDouble(&ok);
                QVERIFY2(ok && std::isfinite(v) && v >= 0,
                         qPrintable(QStringLiteral("line %1, %2: \"%3\"").arg(l + 1).arg(header[column], f[column])));
            }
        }
    }
}

void TestOutputScan::fleetBeyondTheLimit_isInfeasibleWithItsReasonAndNeverCheapest_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("cheapest");

    // The issue's ECS example within the ranges: 1e9 req/s of day-long requests is 8.64e13
    // concurrent; at 0.001 per task and 1% that is 8.64e18 tasks. It used to be cast to long long
    // and priced at $0.00, CHEAPEST. The Lambda beside it is infeasible too (86,400 s > 900 s).
    QTest::newRow("ecs-tasks-past-2-63") << QStringLiteral("ecs-tasks-past-2-63") << QStringLiteral("cluster")
                                         << QStringLiteral("tasks: needs more than 1,000,000 tasks in its busiest hour "
                                                           "(8.64e+13 concurrent requests at 0.001 per task and 1% target "
                                                           "utilisation), more than AWS gives one account; not priced")
                                         << QString();
    // The NaN example within the ranges: 1e9 req/s over 0.001 req/s x 70% is 1.43e12 instances,
    // once NaN and then minCount, "1 instance, $70.08, CHEAPEST". One fixed m5.large beside it
    // is the cheapest: 730 h x $0.096 = $70.08.
    QTest::newRow("ec2-instances-past-the-limit") << QStringLiteral("ec2-instances-past-the-limit") << QStringLiteral("vms")
                                                  << QStringLiteral("needs more than 1,000,000 instances in its busiest "
                                                                    "hour (1e+09 requests/s at 0.001 per instance and 70% "
                                                                    "target utilisation), more than AWS gives one account; "
                                                                    "not priced")
                                                  << QStringLiteral("one");
}

void TestOutputScan::fleetBeyondTheLimit_isInfeasibleWithItsReasonAndNeverCheapest()
{
    QFETCH(QString, file);
    QFETCH(QString, option);
    QFETCH(QString, reason);
    QFETCH(QString, cheapest);
    const QString path = DataDir + QStringLiteral("/limits/") + file + QStringLiteral(".costscape.json");
    const CliRun json = runCli({QStringLiteral("evaluate"), path, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(json.exitedWith(0), json.describe());
    const QJsonObject result = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(result.value(QStringLiteral("cheapest")).toString(), cheapest);
    bool found = false;
    for (const QJsonValue &o : result.value(QStringLiteral("options")).toArray()) {
        if (o[QStringLiteral("id")].toString() != option)
            continue;
        found = true;
        QCOMPARE(o[QStringLiteral("feasible")].toBool(true), false);
        QCOMPARE(o[QStringLiteral("priced")].toBool(true), false);
        QCOMPARE(o[QStringLiteral("warnings")][0].toString(), reason);
        QCOMPARE(o[QStringLiteral("lineItems")].toArray().size(), 0);
    }
    QVERIFY(found);

    const CliRun table = runCli({QStringLiteral("evaluate"), path});
    QVERIFY2(table.exitedWith(0), table.describe());
    QVERIFY2(table.out.contains(QStringLiteral("  ") + option + QStringLiteral(": ") + reason), qPrintable(table.out));
    const QString row = table.out.split(QLatin1Char('\n')).filter(QRegularExpression(QLatin1Char('^') + option + QLatin1Char(' '))).value(0);
    QVERIFY2(row.contains(QStringLiteral("INFEASIBLE  not priced")) && !row.contains(QStringLiteral("CHEAPEST")), qPrintable(row));
    QVERIFY2(table.out.contains(cheapest.isEmpty() ? QStringLiteral("No option can serve this workload as configured.")
                                                   : QStringLiteral("Cheapest feasible option: one (Amazon EC2) at $70.08 per month")),
             qPrintable(table.out));
}

QTEST_GUILESS_MAIN(TestOutputScan)
#include "tst_outputscan.moc"
