// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The error corpus (tests/data/errors, after Tiled's tests/errors): every file is a deliberately
// broken scenario or price sheet, and its sidecar "<file>.expected" holds the text the error must
// contain, starting with "<file name>:<line>:<column>:". A scenario is evaluated with -o, a price
// sheet validated; each must fail with exit status 1, name the file and write nothing.

#include "tests/common/clirunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using Costscape::Tests::CliRun;
using Costscape::Tests::runCli;

namespace {

// Fewer cases than this means the corpus went missing or the name filter broke: fail loudly
// instead of passing on zero rows.
constexpr int MinimumCases = 30;

const QString ScenarioSuffix = QStringLiteral(".costscape.json");
const QString SheetSuffix = QStringLiteral(".prices.json");
const QString ExpectedSuffix = QStringLiteral(".expected");

QDir errorsDir()
{
    return QDir(QStringLiteral(COSTSCAPE_TEST_DATA_DIR "/errors"));
}

QStringList caseFiles()
{
    return errorsDir().entryList({QLatin1Char('*') + ScenarioSuffix, QLatin1Char('*') + SheetSuffix}, QDir::Files,
                                 QDir::Name);
}

/**
 * True when haystack contains needle where needle starts a line or follows a path separator: the
 * expectation "x.costscape.json:3:4: ..." matches ".../errors/x.costscape.json:3:4: ..." but not
 * "my-x.costscape.json:3:4: ...".
 */
bool containsAtPathBoundary(const QString &haystack, const QString &needle)
{
    for (qsizetype at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
        const QChar before = at > 0 ? haystack.at(at - 1) : QLatin1Char('\n');
        if (before == QLatin1Char('\n') || before == QLatin1Char('/') || before == QLatin1Char('\\'))
            return true;
    }
    return false;
}

} // namespace

class TestErrors final : public QObject
{
    Q_OBJECT

private slots:
    void corpus_hasAtLeastThirtyCases();
    void corpus_everyExpectationHasItsInput();
    void brokenInput_failsWithLocatedMessage_data();
    void brokenInput_failsWithLocatedMessage();
};

void TestErrors::corpus_hasAtLeastThirtyCases()
{
    QVERIFY2(errorsDir().exists(), qPrintable(errorsDir().absolutePath() + QStringLiteral(" does not exist")));
    const QStringList files = caseFiles();
    QVERIFY2(files.size() >= MinimumCases,
             qPrintable(QStringLiteral("only %1 cases in %2").arg(files.size()).arg(errorsDir().absolutePath())));
}

void TestErrors::corpus_everyExpectationHasItsInput()
{
    // An orphaned .expected (its input renamed or deleted) would silently stop being tested.
    const QStringList expectations = errorsDir().entryList({QLatin1Char('*') + ExpectedSuffix}, QDir::Files);
    for (const QString &e : expectations) {
        const QString input = e.chopped(ExpectedSuffix.size());
        QVERIFY2(input.endsWith(ScenarioSuffix) || input.endsWith(SheetSuffix),
                 qPrintable(e + QStringLiteral(": expectation for a file that is neither a scenario nor a price sheet")));
        QVERIFY2(errorsDir().exists(input), qPrintable(e + QStringLiteral(": its input file ") + input + QStringLiteral(" is missing")));
    }
}

void TestErrors::brokenInput_failsWithLocatedMessage_data()
{
    QTest::addColumn<QString>("fileName");
    for (const QString &name : caseFiles())
        QTest::newRow(name.toUtf8().constData()) << name;
}

void TestErrors::brokenInput_failsWithLocatedMessage()
{
    QFETCH(QString, fileName);
    const QString input = errorsDir().absoluteFilePath(fileName);

    QFile expectedFile(input + ExpectedSuffix);
    QVERIFY2(expectedFile.open(QIODevice::ReadOnly | QIODevice::Text),
             qPrintable(fileName + ExpectedSuffix + QStringLiteral(" is missing: every case states its message")));
    const QString expected = QString::fromUtf8(expectedFile.readAll()).trimmed();
    // The expectation itself must pin the place: "<file name>:<line>:<column>: <text>".
    const QRegularExpression located(QLatin1Char('^') + QRegularExpression::escape(fileName)
                                     + QStringLiteral(R"(:[1-9]\d*:[1-9]\d*: \S)"));
    QVERIFY2(located.match(expected).hasMatch(),
             qPrintable(fileName + ExpectedSuffix + QStringLiteral(" must start with \"") + fileName
                        + QStringLiteral(":LINE:COLUMN: \", has: ") + expected));

    QTemporaryDir work;
    QVERIFY(work.isValid());
    const QString out = work.filePath(QStringLiteral("result.json"));
    const bool scenario = fileName.endsWith(ScenarioSuffix);
    const QStringList args = scenario
        ? QStringList{QStringLiteral("evaluate"), input, QStringLiteral("--format"), QStringLiteral("json"),
                      QStringLiteral("-o"), out}
        : QStringList{QStringLiteral("validate"), input};
    // Run from the scratch folder so nothing can depend on (or land in) the test's directory.
    const CliRun run = runCli(args, work.path());

    QVERIFY2(run.exitedWith(1), run.describe());
    QVERIFY2(containsAtPathBoundary(run.err, expected),
             qPrintable(QStringLiteral("stderr lacks the expected message\n  expected: ") + expected
                        + QStringLiteral("\n  stderr:   ") + run.err));
    QVERIFY2(run.err.contains(input), qPrintable(QStringLiteral("stderr does not name ") + input + QStringLiteral(": ") + run.err));
    QVERIFY2(run.out.isEmpty(), qPrintable(QStringLiteral("a failed command printed on stdout: ") + run.out));
    if (scenario) {
        QVERIFY2(!QFileInfo::exists(out), "the output file was written although the command failed");
        // Nor a temporary file left beside it (QSaveFile's, for one).
        const QStringList left = QDir(work.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        QVERIFY2(left.isEmpty(), qPrintable(QStringLiteral("left behind: ") + left.join(QStringLiteral(", "))));
    }
}

QTEST_GUILESS_MAIN(TestErrors)
#include "tst_errors.moc"
