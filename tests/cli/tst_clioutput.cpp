// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Safe output (issue 13), through the real costscape-cli: `-o` onto a pipe, a link or a folder
// writes through or refuses, never replaces; a failed write to standard output is exit 1 with a
// message; the CSV runs no formula (OWASP's list, the price sheet's currency included); names,
// ids and messages reach the terminal without control characters. Every file lives in a
// QTemporaryDir: never the real /dev/null.

#include "tests/common/clirunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using Costscape::Tests::CliRun;
using Costscape::Tests::runCli;

namespace {

const QString Sample = QStringLiteral(COSTSCAPE_SOURCE_DIR "/examples/web-api.costscape.json");

/** Runs costscape-cli with its standard output sent to stdoutFile (a device such as /dev/full). */
CliRun runCliToFile(const QStringList &args, const QString &stdoutFile)
{
    CliRun run;
    QProcess process;
    process.setStandardOutputFile(stdoutFile);
    process.start(QStringLiteral(COSTSCAPE_CLI_PATH), args);
    if (!process.waitForStarted(60'000) || !process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished(5'000);
        return run;
    }
    run.finished = true;
    run.exitStatus = process.exitStatus();
    run.exitCode = process.exitCode();
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

/** A scenario of one m5.large (fixed) with the given name and id, priced with sheetFile ("embedded" for none). */
QByteArray scenarioText(const QString &name, const QString &id, const QString &instanceType = QStringLiteral("m5.large"),
                        const QString &sheetFile = QStringLiteral("embedded"))
{
    const QJsonObject option{{QStringLiteral("id"), id},
                             {QStringLiteral("platform"), QStringLiteral("ec2")},
                             {QStringLiteral("instanceType"), instanceType},
                             {QStringLiteral("instances"), 1}};
    const QJsonObject root{{QStringLiteral("format"), QStringLiteral("costscape-scenario")},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("name"), name},
                           {QStringLiteral("region"), QStringLiteral("us-east-1")},
                           {QStringLiteral("hoursPerMonth"), 730},
                           {QStringLiteral("prices"), sheetFile},
                           {QStringLiteral("workload"),
                            QJsonObject{{QStringLiteral("requests"), QJsonObject{{QStringLiteral("perMonth"), 0}}},
                                        {QStringLiteral("durationMs"), 100},
                                        {QStringLiteral("memoryMb"), 128}}},
                           {QStringLiteral("options"), QJsonArray{option}}};
    return QJsonDocument(root).toJson();
}

/** A price sheet of one m5.large at $0.10 an hour, in the given currency. */
QByteArray sheetText(const QString &currency)
{
    const QJsonObject type{{QStringLiteral("vcpu"), 2},
                           {QStringLiteral("memoryGib"), 8},
                           {QStringLiteral("onDemandHourly"), QJsonObject{{QStringLiteral("linux"), 0.1}}}};
    const QJsonObject root{{QStringLiteral("format"), QStringLiteral("costscape-prices")},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("name"), QStringLiteral("test sheet")},
                           {QStringLiteral("currency"), currency},
                           {QStringLiteral("source"), QStringLiteral("hand-made")},
                           {QStringLiteral("retrieved"), QStringLiteral("2026-01-01")},
                           {QStringLiteral("regions"),
                            QJsonObject{{QStringLiteral("us-east-1"),
                                         QJsonObject{{QStringLiteral("ec2"), QJsonObject{{QStringLiteral("m5.large"), type}}}}}}}};
    return QJsonDocument(root).toJson();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

/** Fields of each CRLF-terminated CSV record (RFC 4180 quotes, which may hold CR and LF). */
QList<QStringList> csvRecords(const QString &text)
{
    QList<QStringList> records;
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"'))
                field += text[++i];
            else if (c == QLatin1Char('"'))
                quoted = false;
            else
                field += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n')) {
            fields << field;
            records << fields;
            fields.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return records;
}

bool hasControlCharacter(const QString &text)
{
    for (const QChar c : text)
        if ((c.unicode() < 0x20 && c != QLatin1Char('\n')) || c.unicode() == 0x7F || (c.unicode() >= 0x80 && c.unicode() <= 0x9F))
            return true;
    return false;
}

} // namespace

class TestCliOutput : public QObject
{
    Q_OBJECT

private slots:
    void output_ontoAFifo_isWrittenThrough();
    void output_ontoASymlink_replacesItsTargetAndKeepsTheLink();
    void output_ontoADirectory_isRefusedWithAMessage_data();
    void output_ontoADirectory_isRefusedWithAMessage();
    void stdoutFull_isExitOneWithAMessage_data();
    void stdoutFull_isExitOneWithAMessage();
    void csv_runsNoFormula_data();
    void csv_runsNoFormula();
    void terminal_getsNoControlCharacters_data();
    void terminal_getsNoControlCharacters();
};

void TestCliOutput::output_ontoAFifo_isWrittenThrough()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fifo = dir.filePath(QStringLiteral("result.csv"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const int reader = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK);
    QVERIFY(reader >= 0);
    const CliRun run = runCli({QStringLiteral("evaluate"), Sample, QStringLiteral("--format"), QStringLiteral("csv"),
                               QStringLiteral("-o"), fifo});
    QByteArray got(65536, '\0');
    const auto n = ::read(reader, got.data(), static_cast<std::size_t>(got.size()));
    ::close(reader);
    QVERIFY2(run.exitedWith(0), run.describe());
    QVERIFY2(n > 0 && got.startsWith("option,platform,lineItem"), got.left(200).constData());
    struct stat st {};
    QVERIFY(::lstat(QFile::encodeName(fifo).constData(), &st) == 0);
    QVERIFY2(S_ISFIFO(st.st_mode), "the pipe was replaced by a regular file");
}

void TestCliOutput::output_ontoASymlink_replacesItsTargetAndKeepsTheLink()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath(QStringLiteral("kept/result.json"));
    const QString link = dir.filePath(QStringLiteral("result.json"));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("kept"))));
    QVERIFY(writeFile(target, "old"));
    QVERIFY(QFile::link(target, link));
    const CliRun run = runCli({QStringLiteral("evaluate"), Sample, QStringLiteral("--format"), QStringLiteral("json"),
                               QStringLiteral("-o"), link});
    QVERIFY2(run.exitedWith(0), run.describe());
    QVERIFY2(QFileInfo(link).isSymLink(), "the link was replaced by a regular file");
    QFile f(target);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("format")) == QStringLiteral("costscape-result"));
}

void TestCliOutput::output_ontoADirectory_isRefusedWithAMessage_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("json") << QStringLiteral("json");
    QTest::newRow("pdf-report") << QStringLiteral("pdf");
}

void TestCliOutput::output_ontoADirectory_isRefusedWithAMessage()
{
    QFETCH(QString, format);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(folder));
    const CliRun run = runCli({QStringLiteral("evaluate"), Sample, QStringLiteral("--format"), format, QStringLiteral("-o"), folder});
    QVERIFY2(run.exitedWith(1), run.describe());
    QVERIFY2(run.err.contains(folder) && run.err.contains(QStringLiteral("it is a directory")), qPrintable(run.err));
    QVERIFY(QFileInfo(folder).isDir());
    QVERIFY(QDir(folder).isEmpty());
}

void TestCliOutput::stdoutFull_isExitOneWithAMessage_data()
{
    QTest::addColumn<QStringList>("args");
    // JSON is larger than stdio's buffer: it was written (and lost) by fwrite, and exit was 0.
    for (const QString &format : {QStringLiteral("json"), QStringLiteral("table"), QStringLiteral("csv"), QStringLiteral("html")})
        QTest::newRow(qPrintable(QStringLiteral("evaluate-") + format))
            << QStringList{QStringLiteral("evaluate"), Sample, QStringLiteral("--format"), format};
    QTest::newRow("validate") << QStringList{QStringLiteral("validate"), Sample};
    QTest::newRow("help") << QStringList{QStringLiteral("--help")};
}

void TestCliOutput::stdoutFull_isExitOneWithAMessage()
{
    QFETCH(QStringList, args);
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full on this system");
    // The harness opens /dev/full for the child's standard output; costscape-cli never names it.
    const CliRun run = runCliToFile(args, QStringLiteral("/dev/full"));
    QVERIFY2(run.exitedWith(1), run.describe());
    QVERIFY2(run.err.contains(QStringLiteral("costscape-cli: cannot write to standard output: No space left on device")),
             qPrintable(run.err));
}

void TestCliOutput::csv_runsNoFormula_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("idField");       // as the CSV must hold it, unquoted
    QTest::addColumn<QString>("currencyField"); // likewise

    // OWASP "CSV Injection": =, +, -, @, TAB and CR start a formula; each gets an apostrophe.
    QTest::newRow("equals") << QStringLiteral("=HYPERLINK(\"x\")") << QStringLiteral("USD") << QStringLiteral("'=HYPERLINK(\"x\")")
                            << QStringLiteral("USD");
    QTest::newRow("plus") << QStringLiteral("+1+2") << QStringLiteral("USD") << QStringLiteral("'+1+2") << QStringLiteral("USD");
    QTest::newRow("minus") << QStringLiteral("-1+2") << QStringLiteral("USD") << QStringLiteral("'-1+2") << QStringLiteral("USD");
    QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("USD") << QStringLiteral("'@SUM(A1)") << QStringLiteral("USD");
    QTest::newRow("tab") << QStringLiteral("\t=1+2") << QStringLiteral("USD") << QStringLiteral("'\t=1+2") << QStringLiteral("USD");
    QTest::newRow("carriage-return") << QStringLiteral("\r=1+2") << QStringLiteral("USD") << QStringLiteral("'\r=1+2")
                                     << QStringLiteral("USD");
    QTest::newRow("blanks-then-equals") << QStringLiteral("  =1+2") << QStringLiteral("USD") << QStringLiteral("'  =1+2")
                                        << QStringLiteral("USD");
    // The currencies: "\n=1" started a row with a formula, "a,b" shifted the columns.
    QTest::newRow("currency-newline-formula") << QStringLiteral("vm") << QStringLiteral("\n=1") << QStringLiteral("vm")
                                              << QStringLiteral("'\n=1");
    QTest::newRow("currency-with-comma") << QStringLiteral("vm") << QStringLiteral("a,b") << QStringLiteral("vm")
                                         << QStringLiteral("a,b");
    QTest::newRow("plain-text-untouched") << QStringLiteral("web-api") << QStringLiteral("USD") << QStringLiteral("web-api")
                                          << QStringLiteral("USD");
}

void TestCliOutput::csv_runsNoFormula()
{
    QFETCH(QString, id);
    QFETCH(QString, currency);
    QFETCH(QString, idField);
    QFETCH(QString, currencyField);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("t.prices.json")), sheetText(currency)));
    const QString scenario = dir.filePath(QStringLiteral("t.costscape.json"));
    QVERIFY(writeFile(scenario, scenarioText(QStringLiteral("csv"), id, QStringLiteral("m5.large"), QStringLiteral("t.prices.json"))));
    const CliRun run = runCli({QStringLiteral("evaluate"), scenario, QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY2(run.exitedWith(0), run.describe());

    // Header, one line item, one total: every record has the header's 11 columns.
    const QList<QStringList> records = csvRecords(run.out);
    QCOMPARE(records.size(), 3);
    for (const QStringList &r : records)
        QCOMPARE(r.size(), 11);
    for (qsizetype row = 1; row < records.size(); ++row) {
        QCOMPARE(records[row][0], idField);
        QCOMPARE(records[row][7], currencyField);
    }
    // 730 h x $0.10 = $73.00, in the cost column of both rows.
    QCOMPARE(records[1][6], QStringLiteral("73"));
    QCOMPARE(records[2][6], QStringLiteral("73"));
}

void TestCliOutput::terminal_getsNoControlCharacters_data()
{
    QTest::addColumn<QStringList>("extraArgs"); // after the scenario
    QTest::addColumn<QString>("instanceType");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("visible"); // what must still be read, without the escapes

    // ESC ] 0 ; ... BEL retitles a terminal, ESC [ 2 J clears it, U+009B is the 8-bit CSI.
    QTest::newRow("evaluate-table") << QStringList{} << QStringLiteral("m5.large") << 0 << QStringLiteral("]0;pwned[2J Evil");
    QTest::newRow("validate") << QStringList{} << QStringLiteral("m5.large") << 0 << QStringLiteral("valid scenario \"]0;pwned[2J Evil");
    QTest::newRow("error-message") << QStringList{} << QStringLiteral("m5.\u001b[31mred") << 1 << QStringLiteral("unknown instance type \"m5.[31mred\"");
}

void TestCliOutput::terminal_getsNoControlCharacters()
{
    QFETCH(QStringList, extraArgs);
    QFETCH(QString, instanceType);
    QFETCH(int, exitCode);
    QFETCH(QString, visible);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString scenario = dir.filePath(QStringLiteral("t.costscape.json"));
    QVERIFY(writeFile(scenario, scenarioText(QStringLiteral("\u001b]0;pwned\u0007\u001b[2J Evil\u009b1m"),
                                             QStringLiteral("vm\u001b[8m\thidden"), instanceType)));
    const bool validate = QString::fromUtf8(QTest::currentDataTag()) == QLatin1String("validate");
    const CliRun run = runCli(QStringList{validate ? QStringLiteral("validate") : QStringLiteral("evaluate"), scenario} + extraArgs);
    QVERIFY2(run.exitedWith(exitCode), run.describe());
    QVERIFY2(!hasControlCharacter(run.out), qPrintable(run.out));
    QVERIFY2(!hasControlCharacter(run.err), qPrintable(run.err));
    QVERIFY2((run.out + run.err).contains(visible), qPrintable(run.out + run.err));
    if (!validate && exitCode == 0)
        QVERIFY2(run.out.contains(QStringLiteral("vm[8mhidden")), qPrintable(run.out));
}

QTEST_GUILESS_MAIN(TestCliOutput)
#include "tst_clioutput.moc"
