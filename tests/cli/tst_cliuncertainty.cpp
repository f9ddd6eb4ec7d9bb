// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// costscape-cli uncertainty and compare, run as a user would (FORMATS.md section 5).
#include "tests/common/clirunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using Costscape::Tests::runCli;

class TestCliUncertainty : public QObject
{
    Q_OBJECT

private slots:
    void noRanges_quantilesAreEvaluatesCosts();
    void sampleWithRanges_oddsSumToOne_andSameSeedSameOutput();
    void csvAndTable_oneRowPerOption();
    void badArguments_data();
    void badArguments();
    void badRange_isALocatedError();
    void validate_readsRanges();
    void spikeRange_spreadInJsonCsvAndTable_badOneLocated();
    void byteRanges_moveTheBillAsTheWorkloadKeyDoes_data();
    void byteRanges_moveTheBillAsTheWorkloadKeyDoes();
    void compare_sameFileTwice_noDifference();
    void compare_otherRegion_differencePerOptionAndLine();
};

namespace {

const QString Sample = QStringLiteral(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");
const QString SampleRanges = QStringLiteral(COSTSCAPE_SOURCE_DIR "/examples/web-api-uncertain.costscape.json");

QJsonObject json(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QByteArray readAll(const QString &path)
{
    QFile in(path);
    return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

bool close(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(a));
}

} // namespace

void TestCliUncertainty::noRanges_quantilesAreEvaluatesCosts()
{
    const auto evaluated = runCli({QStringLiteral("evaluate"), Sample, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(evaluated.exitedWith(0), evaluated.describe());
    const auto run = runCli({QStringLiteral("uncertainty"), Sample, QStringLiteral("--draws"), QStringLiteral("200"),
                             QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(run.exitedWith(0), run.describe());
    const QJsonObject u = json(run.out);
    QCOMPARE(u.value(QStringLiteral("format")).toString(), QStringLiteral("costscape-uncertainty"));
    QCOMPARE(u.value(QStringLiteral("draws")).toInt(), 200);
    const QJsonArray plain = json(evaluated.out).value(QStringLiteral("options")).toArray();
    const QJsonArray options = u.value(QStringLiteral("options")).toArray();
    QCOMPARE(options.size(), plain.size());
    double odds = 0;
    for (qsizetype i = 0; i < options.size(); ++i) {
        const QJsonObject o = options[i].toObject(), p = plain[i].toObject();
        QCOMPARE(o.value(QStringLiteral("id")), p.value(QStringLiteral("id")));
        if (!p.value(QStringLiteral("feasible")).toBool())
            continue;
        const double cost = p.value(QStringLiteral("monthlyCost")).toDouble();
        for (const char *key : {"p10", "p50", "p90"})
            QVERIFY2(close(o.value(QLatin1String(key)).toDouble(), cost), key);
        const double pc = o.value(QStringLiteral("probabilityCheapest")).toDouble();
        QVERIFY(pc == 0 || pc == 1);
        odds += pc;
    }
    QCOMPARE(odds, 1.0);
}

void TestCliUncertainty::sampleWithRanges_oddsSumToOne_andSameSeedSameOutput()
{
    const QStringList args{QStringLiteral("uncertainty"), SampleRanges, QStringLiteral("--draws"), QStringLiteral("1000"),
                           QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--format"), QStringLiteral("json")};
    const auto a = runCli(args), b = runCli(args);
    QVERIFY2(a.exitedWith(0), a.describe());
    QVERIFY2(b.exitedWith(0), b.describe());
    QCOMPARE(a.out, b.out);
    const QJsonObject u = json(a.out);
    double odds = u.value(QStringLiteral("noneFeasibleShare")).toDouble();
    for (const QJsonValue &v : u.value(QStringLiteral("options")).toArray()) {
        const QJsonObject o = v.toObject();
        odds += o.value(QStringLiteral("probabilityCheapest")).toDouble();
        if (o.value(QStringLiteral("p50")).isDouble()) {
            QVERIFY(o.value(QStringLiteral("p10")).toDouble() <= o.value(QStringLiteral("p50")).toDouble());
            QVERIFY(o.value(QStringLiteral("p50")).toDouble() <= o.value(QStringLiteral("p90")).toDouble());
            QVERIFY(o.value(QStringLiteral("expectedRegret")).toDouble() >= 0);
        }
    }
    QVERIFY(std::abs(odds - 1) < 1e-9);
    // The sample's five ranges make five bars, largest swing first.
    const QJsonArray bars = u.value(QStringLiteral("tornado")).toObject().value(QStringLiteral("chosenCost")).toObject().value(QStringLiteral("bars")).toArray();
    QCOMPARE(bars.size(), 5);
    for (qsizetype i = 1; i < bars.size(); ++i)
        QVERIFY(bars[i - 1].toObject().value(QStringLiteral("swing")).toDouble()
                >= bars[i].toObject().value(QStringLiteral("swing")).toDouble());
    // Another seed, other figures.
    QStringList other = args;
    other[5] = QStringLiteral("6");
    const auto c = runCli(other);
    QVERIFY2(c.exitedWith(0), c.describe());
    QVERIFY(c.out != a.out);
}

void TestCliUncertainty::csvAndTable_oneRowPerOption()
{
    const auto csv = runCli({QStringLiteral("uncertainty"), SampleRanges, QStringLiteral("--draws"), QStringLiteral("300"),
                             QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY2(csv.exitedWith(0), csv.describe());
    const QStringList lines = csv.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 7); // the header and the sample's seven options
    QVERIFY(lines[0].startsWith(QStringLiteral("option,platform,typical,p10,p50,p90")));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("u.txt"));
    const auto table = runCli({QStringLiteral("uncertainty"), SampleRanges, QStringLiteral("--draws"), QStringLiteral("300"),
                               QStringLiteral("-o"), file});
    QVERIFY2(table.exitedWith(0), table.describe());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY(text.contains(QStringLiteral("P50")));
    QVERIFY(text.contains(QStringLiteral("lambda-arm")));
    QVERIFY(text.contains(QStringLiteral("Tornado: monthly cost of")));
}

void TestCliUncertainty::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("zero draws") << QStringList{QStringLiteral("--draws"), QStringLiteral("0")} << QStringLiteral("--draws");
    QTest::newRow("text draws") << QStringList{QStringLiteral("--draws"), QStringLiteral("many")} << QStringLiteral("--draws");
    QTest::newRow("negative seed") << QStringList{QStringLiteral("--seed"), QStringLiteral("-1")} << QStringLiteral("--seed");
    QTest::newRow("pdf") << QStringList{QStringLiteral("--format"), QStringLiteral("pdf")} << QStringLiteral("unknown format");
}

void TestCliUncertainty::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const auto run = runCli(QStringList{QStringLiteral("uncertainty"), Sample} + args);
    QVERIFY2(run.exitedWith(2), run.describe());
    QVERIFY2(run.err.contains(message), run.describe());
}

void TestCliUncertainty::badRange_isALocatedError()
{
    QTemporaryDir dir;
    QFile in(SampleRanges);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray text = in.readAll();
    text.replace("\"low\": 384", "\"low\": 900");
    const QString path = dir.filePath(QStringLiteral("bad.costscape.json"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(text);
    out.close();
    const auto run = runCli({QStringLiteral("uncertainty"), path});
    QVERIFY2(run.exitedWith(1), run.describe());
    QVERIFY2(run.err.contains(QStringLiteral("bad.costscape.json:")), run.describe());
    QVERIFY2(run.err.contains(QStringLiteral("ranges.memoryMb: low <= typical <= high")), run.describe());
}

void TestCliUncertainty::validate_readsRanges()
{
    // Issue 17: `validate` passed a file whose ranges `uncertainty` then refused.
    QTemporaryDir dir;
    const auto good = runCli({QStringLiteral("validate"), SampleRanges});
    QVERIFY2(good.exitedWith(0), good.describe());

    QByteArray text = readAll(SampleRanges);
    // The line of "memoryMb" inside "ranges", where the message must point.
    const QList<QByteArray> lines = text.split('\n');
    int rangesLine = -1, memoryLine = -1;
    for (int i = 0; i < lines.size(); ++i) {
        if (rangesLine < 0 && lines[i].contains("\"ranges\""))
            rangesLine = i;
        else if (rangesLine >= 0 && memoryLine < 0 && lines[i].contains("\"memoryMb\""))
            memoryLine = i + 1;
    }
    QVERIFY(memoryLine > 0);
    text.replace("\"low\": 384", "\"low\": 900");
    const QString path = writeFile(dir, QStringLiteral("bad.costscape.json"), text);
    const auto bad = runCli({QStringLiteral("validate"), path});
    QVERIFY2(bad.exitedWith(1), bad.describe());
    QVERIFY2(bad.err.contains(QStringLiteral("bad.costscape.json:%1:").arg(memoryLine)), bad.describe());
    QVERIFY2(bad.err.contains(QStringLiteral("ranges.memoryMb: low <= typical <= high")), bad.describe());
    QVERIFY2(bad.out.isEmpty(), bad.describe());

    // A range on a byte size the workload does not give: located, exit 1.
    QByteArray noLogs = readAll(Sample);
    const qsizetype before = noLogs.size();
    noLogs.replace(QByteArray(",\n    \"logBytesPerRequest\": 500"), QByteArray());
    QVERIFY2(noLogs.size() < before, "the sample's workload no longer ends with logBytesPerRequest");
    noLogs.replace(QByteArray("\"prices\": \"embedded\","),
                   QByteArray("\"prices\": \"embedded\",\n  \"ranges\": {\"logBytesPerRequest\": {\"low\": 100, \"high\": 900}},"));
    const auto missing = runCli({QStringLiteral("validate"), writeFile(dir, QStringLiteral("nologs.costscape.json"), noLogs)});
    QVERIFY2(missing.exitedWith(1), missing.describe());
    QVERIFY2(missing.err.contains(QStringLiteral("nologs.costscape.json:")), missing.describe());
    QVERIFY2(missing.err.contains(QStringLiteral("ranges.logBytesPerRequest: the workload gives no")), missing.describe());
}

void TestCliUncertainty::spikeRange_spreadInJsonCsvAndTable_badOneLocated()
{
    // The sample's "spikeHeight": 300 / 600 / 1,500 requests/s; 300 draws, all of them simulated.
    const auto run = runCli({QStringLiteral("uncertainty"), SampleRanges, QStringLiteral("--draws"), QStringLiteral("300"),
                             QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(run.exitedWith(0), run.describe());
    const QJsonObject u = json(run.out);
    QCOMPARE(u.value(QStringLiteral("spikeDraws")).toInt(), 300);
    int simulated = 0;
    for (const QJsonValue &v : u.value(QStringLiteral("options")).toArray()) {
        const QJsonObject spike = v.toObject().value(QStringLiteral("spike")).toObject();
        QVERIFY(!spike.isEmpty());
        if (spike.value(QStringLiteral("simulatedDraws")).toInt() == 0)
            continue;
        ++simulated;
        const double absorbed = spike.value(QStringLiteral("absorbedShare")).toDouble();
        QVERIFY(absorbed >= 0 && absorbed <= 1);
        for (const char *key : {"maxDelaySeconds", "requestsDelayed", "requestsRejected"}) {
            const QJsonObject m = spike.value(QLatin1String(key)).toObject();
            QVERIFY2(m.value(QStringLiteral("p10")).toDouble() <= m.value(QStringLiteral("p50")).toDouble()
                         && m.value(QStringLiteral("p50")).toDouble() <= m.value(QStringLiteral("p90")).toDouble(),
                     key);
        }
        QVERIFY(spike.value(QStringLiteral("secondsToMeetDemand")).toObject().contains(QStringLiteral("typical")));
    }
    QVERIFY(simulated >= 5);

    const auto csv = runCli({QStringLiteral("uncertainty"), SampleRanges, QStringLiteral("--draws"), QStringLiteral("40"),
                             QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY2(csv.exitedWith(0), csv.describe());
    const QStringList lines = csv.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 7);
    QVERIFY(lines[0].contains(QStringLiteral(",spikeDraws,spikeAbsorbedShare,spikeSecondsToMeetDemandTypical,")));
    for (const QString &line : lines)
        QCOMPARE(line.count(QLatin1Char(',')), lines[0].count(QLatin1Char(',')));
    const auto table = runCli({QStringLiteral("uncertainty"), SampleRanges, QStringLiteral("--draws"), QStringLiteral("40")});
    QVERIFY2(table.exitedWith(0), table.describe());
    QVERIFY2(table.out.contains(QStringLiteral("Spike response")), table.describe());
    QVERIFY2(table.out.contains(QStringLiteral("Absorbs it (none late, none turned away)")), table.describe());

    // A peak below where the spike starts (60 requests/s): located at "low", exit 1.
    QTemporaryDir dir;
    QByteArray text = readAll(SampleRanges);
    const qsizetype at = text.indexOf("\"spikeHeight\"");
    QVERIFY(at > 0);
    const int line = static_cast<int>(text.left(at).count('\n')) + 2; // "low" is on the next line
    text.replace("\"low\": 300", "\"low\": 30");
    const auto bad = runCli({QStringLiteral("validate"), writeFile(dir, QStringLiteral("lowspike.costscape.json"), text)});
    QVERIFY2(bad.exitedWith(1), bad.describe());
    QVERIFY2(bad.err.contains(QStringLiteral("lowspike.costscape.json:%1:").arg(line)), bad.describe());
    QVERIFY2(bad.err.contains(QStringLiteral("ranges.spikeHeight.low: must be above the spike's fromPerSecond")), bad.describe());
}

void TestCliUncertainty::byteRanges_moveTheBillAsTheWorkloadKeyDoes_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("inSample");
    QTest::addColumn<QByteArray>("other");
    // The sample's workload: "bytesOutPerRequest": 10000, "logBytesPerRequest": 500.
    QTest::newRow("response size") << QByteArray("bytesOutPerRequest") << QByteArray("10000") << QByteArray("400000");
    QTest::newRow("log volume") << QByteArray("logBytesPerRequest") << QByteArray("500") << QByteArray("8000");
}

void TestCliUncertainty::byteRanges_moveTheBillAsTheWorkloadKeyDoes()
{
    // A range pinned at one value (low = typical = high) must price every draw as the scenario
    // with that value written in its workload: the draws reach the whole bill's data transfer and
    // logs, and nothing else moves.
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, inSample);
    QFETCH(QByteArray, other);
    QTemporaryDir dir;
    const QByteArray sample = readAll(Sample);
    QByteArray ranged = sample;
    ranged.replace(QByteArray("\"prices\": \"embedded\","),
                   "\"prices\": \"embedded\",\n  \"ranges\": {\"" + key + "\": {\"low\": " + other + ", \"typical\": "
                       + other + ", \"high\": " + other + "}},");
    QVERIFY(ranged != sample);
    QByteArray written = sample;
    written.replace("\"" + key + "\": " + inSample, "\"" + key + "\": " + other);
    QVERIFY(written != sample);

    const auto plain = runCli({QStringLiteral("evaluate"), Sample, QStringLiteral("--format"), QStringLiteral("json")});
    const auto expected = runCli({QStringLiteral("evaluate"), writeFile(dir, QStringLiteral("written.costscape.json"), written),
                                  QStringLiteral("--format"), QStringLiteral("json")});
    const auto run = runCli({QStringLiteral("uncertainty"), writeFile(dir, QStringLiteral("ranged.costscape.json"), ranged),
                             QStringLiteral("--draws"), QStringLiteral("50"), QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(plain.exitedWith(0), plain.describe());
    QVERIFY2(expected.exitedWith(0), expected.describe());
    QVERIFY2(run.exitedWith(0), run.describe());
    const QJsonArray before = json(plain.out).value(QStringLiteral("options")).toArray();
    const QJsonArray after = json(expected.out).value(QStringLiteral("options")).toArray();
    const QJsonArray drawn = json(run.out).value(QStringLiteral("options")).toArray();
    QCOMPARE(drawn.size(), after.size());
    int moved = 0, feasible = 0;
    for (qsizetype i = 0; i < drawn.size(); ++i) {
        const QJsonObject d = drawn[i].toObject(), e = after[i].toObject();
        QCOMPARE(d.value(QStringLiteral("id")), e.value(QStringLiteral("id")));
        if (!e.value(QStringLiteral("feasible")).toBool())
            continue;
        ++feasible;
        const double cost = e.value(QStringLiteral("monthlyCost")).toDouble();
        for (const char *q : {"p10", "p50", "p90"})
            QVERIFY2(close(d.value(QLatin1String(q)).toDouble(), cost),
                     qPrintable(d.value(QStringLiteral("id")).toString() + QLatin1Char(' ') + QLatin1String(q)));
        moved += cost > before[i].toObject().value(QStringLiteral("monthlyCost")).toDouble() + 0.01;
    }
    QVERIFY(feasible > 0);
    QVERIFY2(moved == feasible, "every option's bill carries the bytes, so every cost must rise");
}

void TestCliUncertainty::compare_sameFileTwice_noDifference()
{
    const auto run = runCli({QStringLiteral("compare"), Sample, Sample, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(run.exitedWith(0), run.describe());
    const QJsonObject c = json(run.out);
    QCOMPARE(c.value(QStringLiteral("format")).toString(), QStringLiteral("costscape-comparison"));
    const QJsonArray options = c.value(QStringLiteral("options")).toArray();
    QCOMPARE(options.size(), 9); // the sample's nine options
    for (const QJsonValue &v : options) {
        QCOMPARE(v.toObject().value(QStringLiteral("difference")).toDouble(), 0.0);
        for (const QJsonValue &l : v.toObject().value(QStringLiteral("lineItems")).toArray())
            QCOMPARE(l.toObject().value(QStringLiteral("difference")).toDouble(), 0.0);
    }
}

void TestCliUncertainty::compare_otherRegion_differencePerOptionAndLine()
{
    // Two EC2 options in us-east-1 and the same file in eu-west-1 (the embedded sheet prices EC2
    // in both): B - A per option is the difference of the two evaluations, and an option's line
    // differences add up to its difference.
    QTemporaryDir dir;
    const QByteArray text = R"({"format": "costscape-scenario", "version": 1, "name": "two fleets", "region": "us-east-1",
        "workload": {"requests": {"perSecond": 100}, "durationMs": 50, "memoryMb": 256},
        "options": [
            {"id": "graviton", "platform": "ec2", "instanceType": "m7g.large", "instances": 2},
            {"id": "spot", "platform": "ec2", "instanceType": "c7g.xlarge", "instances": 1, "purchase": "spot"}]})";
    const QString a = dir.filePath(QStringLiteral("us.costscape.json"));
    const QString b = dir.filePath(QStringLiteral("eu.costscape.json"));
    for (const QString &path : {a, b}) {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(path == b ? QByteArray(text).replace("us-east-1", "eu-west-1") : text);
    }
    const auto ea = runCli({QStringLiteral("evaluate"), a, QStringLiteral("--format"), QStringLiteral("json")});
    const auto eb = runCli({QStringLiteral("evaluate"), b, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(ea.exitedWith(0) && eb.exitedWith(0), eb.describe());
    const auto run = runCli({QStringLiteral("compare"), a, b, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(run.exitedWith(0), run.describe());
    const QJsonObject c = json(run.out);
    QCOMPARE(c.value(QStringLiteral("b")).toObject().value(QStringLiteral("region")).toString(), QStringLiteral("eu-west-1"));
    const QJsonArray options = c.value(QStringLiteral("options")).toArray();
    const QJsonArray evalA = json(ea.out).value(QStringLiteral("options")).toArray();
    const QJsonArray bb = json(eb.out).value(QStringLiteral("options")).toArray();
    bool anyDifferent = false;
    for (qsizetype i = 0; i < options.size(); ++i) {
        const QJsonObject o = options[i].toObject();
        const double expected = bb[i].toObject().value(QStringLiteral("monthlyCost")).toDouble()
            - evalA[i].toObject().value(QStringLiteral("monthlyCost")).toDouble();
        QVERIFY(close(o.value(QStringLiteral("difference")).toDouble(), expected));
        anyDifferent = anyDifferent || expected != 0;
        double sum = 0;
        for (const QJsonValue &l : o.value(QStringLiteral("lineItems")).toArray())
            sum += l.toObject().value(QStringLiteral("difference")).toDouble();
        QVERIFY(std::abs(sum - expected) < 1e-6);
    }
    QVERIFY(anyDifferent);
    const auto table = runCli({QStringLiteral("compare"), a, b});
    QVERIFY2(table.exitedWith(0), table.describe());
    QVERIFY(table.out.contains(QStringLiteral("B - A")));
    QVERIFY(table.out.contains(QStringLiteral("eu-west-1")));
}

QTEST_GUILESS_MAIN(TestCliUncertainty)
#include "tst_cliuncertainty.moc"
