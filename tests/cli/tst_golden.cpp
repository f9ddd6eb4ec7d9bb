// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Every figure of the result JSON stays what it was when these files were saved: the sample, every
// published example of tests/data/acceptance and the scenarios of tests/data/golden, each run
// through costscape-cli as a user would, compared field by field with tests/data/golden/expected.
// The expected files were written by costscape-cli before the code was reshaped (issue 12); a
// change to them is a change of figures, to be made on purpose and said in the commit.

#include "tests/common/clirunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using Costscape::Tests::runCli;

class TestGolden : public QObject
{
    Q_OBJECT

private slots:
    void resultUnchanged_data();
    void resultUnchanged();
};

namespace {

const QString DataDir = QStringLiteral(COSTSCAPE_TEST_DATA_DIR);

/** The first place where actual differs from expected, as a JSON path and both values; "" when equal. */
QString firstDifference(const QJsonValue &expected, const QJsonValue &actual, const QString &path)
{
    auto show = [](const QJsonValue &v) {
        if (v.isObject() || v.isArray())
            return QStringLiteral("(%1)").arg(v.isObject() ? QStringLiteral("object") : QStringLiteral("array"));
        return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    };
    if (expected.type() != actual.type())
        return path + QStringLiteral(": expected ") + show(expected) + QStringLiteral(", got ") + show(actual);
    if (expected.isDouble()) {
        const double e = expected.toDouble();
        const double a = actual.toDouble();
        // Unrounded sums may differ in their last bits when the order of additions moves.
        if (std::fabs(e - a) > 1e-9 * std::max({1.0, std::fabs(e), std::fabs(a)}))
            return path + QStringLiteral(": expected %1, got %2").arg(e, 0, 'g', 17).arg(a, 0, 'g', 17);
        return {};
    }
    if (expected.isObject()) {
        const QJsonObject eo = expected.toObject();
        const QJsonObject ao = actual.toObject();
        for (auto it = eo.begin(); it != eo.end(); ++it) {
            if (!ao.contains(it.key()))
                return path + QLatin1Char('.') + it.key() + QStringLiteral(": missing");
            const QString d = firstDifference(it.value(), ao.value(it.key()), path + QLatin1Char('.') + it.key());
            if (!d.isEmpty())
                return d;
        }
        for (auto it = ao.begin(); it != ao.end(); ++it)
            if (!eo.contains(it.key()))
                return path + QLatin1Char('.') + it.key() + QStringLiteral(": not expected");
        return {};
    }
    if (expected.isArray()) {
        const QJsonArray ea = expected.toArray();
        const QJsonArray aa = actual.toArray();
        if (ea.size() != aa.size())
            return path + QStringLiteral(": expected %1 elements, got %2").arg(ea.size()).arg(aa.size());
        for (qsizetype i = 0; i < ea.size(); ++i) {
            const QString d = firstDifference(ea[i], aa[i], path + QStringLiteral("[%1]").arg(i));
            if (!d.isEmpty())
                return d;
        }
        return {};
    }
    return expected == actual ? QString() : path + QStringLiteral(": expected ") + show(expected) + QStringLiteral(", got ") + show(actual);
}

} // namespace

void TestGolden::resultUnchanged_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expectedFile");
    const QString expected = DataDir + QStringLiteral("/golden/expected/");
    QTest::newRow("sample-web-api") << QStringList{QStringLiteral(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json")}
                                    << expected + QStringLiteral("sample-web-api.result.json");
    const QDir acceptance(DataDir + QStringLiteral("/acceptance"));
    for (const QString &c : acceptance.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        QTest::newRow(qPrintable(QStringLiteral("acceptance-") + c))
            << QStringList{acceptance.filePath(c + QStringLiteral("/case.costscape.json")), QStringLiteral("--prices"),
                           acceptance.filePath(c + QStringLiteral("/case.prices.json"))}
            << expected + QStringLiteral("acceptance-") + c + QStringLiteral(".result.json");
    const QDir golden(DataDir + QStringLiteral("/golden"));
    for (const QString &f : golden.entryList({QStringLiteral("*.costscape.json")}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(f.section(QLatin1Char('.'), 0, 0)))
            << QStringList{golden.filePath(f)} << expected + f.section(QLatin1Char('.'), 0, 0) + QStringLiteral(".result.json");
}

void TestGolden::resultUnchanged()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expectedFile);
    const auto run = runCli(QStringList{QStringLiteral("evaluate")} + args + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(run.exitedWith(0), run.describe().constData());
    const QJsonDocument actual = QJsonDocument::fromJson(run.out.toUtf8());
    QVERIFY2(actual.isObject(), "the result is not a JSON object");

    // COSTSCAPE_WRITE_GOLDEN=1 writes the expected files (once, before a change that must keep them).
    if (qEnvironmentVariableIsSet("COSTSCAPE_WRITE_GOLDEN")) {
        QFile out(expectedFile);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(run.out.toUtf8());
        return;
    }
    QFile in(expectedFile);
    QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(expectedFile + QStringLiteral(" is missing")));
    const QJsonDocument expected = QJsonDocument::fromJson(in.readAll());
    QVERIFY2(expected.isObject(), qPrintable(expectedFile + QStringLiteral(" is not a JSON object")));
    const QString difference = firstDifference(expected.object(), actual.object(), QStringLiteral("result"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

QTEST_GUILESS_MAIN(TestGolden)
#include "tst_golden.moc"
