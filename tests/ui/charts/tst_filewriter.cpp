// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// writeWholeFile (ui/charts/filewriter.h), which every export, report and `-o` goes through: a
// regular file is replaced as a whole, anything else is written through or refused, never
// replaced. Everything happens in a QTemporaryDir: never the real /dev/null.

#include "ui/charts/filewriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Costscape::Ui;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(unreadable)");
}

bool writeText(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestFileWriter : public QObject
{
    Q_OBJECT

private slots:
    void regularTarget_isReplacedAsAWhole_data();
    void regularTarget_isReplacedAsAWhole();
    void symlinkToAFile_staysALink();
    void fifo_isWrittenThroughNotReplaced();
    void directory_isRefusedAndLeftAlone();
    void missingFolder_failsWithTheReason();
};

void TestFileWriter::regularTarget_isReplacedAsAWhole_data()
{
    QTest::addColumn<QByteArray>("before"); // empty: the path does not exist yet
    QTest::newRow("new-path") << QByteArray();
    QTest::newRow("existing-longer-file") << QByteArray("an old report that is longer than the new one\n").repeated(20);
}

void TestFileWriter::regularTarget_isReplacedAsAWhole()
{
    QFETCH(QByteArray, before);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("report.csv"));
    if (!before.isEmpty())
        QVERIFY(writeText(path, before));
    QCOMPARE(writeWholeFile(path, "a,b\r\n1,2\r\n"), QString());
    QCOMPARE(readAll(path), QByteArray("a,b\r\n1,2\r\n"));
    // Nothing else is left beside it (QSaveFile's temporary file is gone).
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList{QStringLiteral("report.csv")});
}

void TestFileWriter::symlinkToAFile_staysALink()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath(QStringLiteral("target.json"));
    const QString link = dir.filePath(QStringLiteral("link.json"));
    QVERIFY(writeText(target, "old"));
    QVERIFY(QFile::link(target, link));
    QCOMPARE(writeWholeFile(link, "new"), QString());
    QVERIFY2(QFileInfo(link).isSymLink(), "the link was replaced by a regular file");
    QCOMPARE(readAll(target), QByteArray("new"));
}

void TestFileWriter::fifo_isWrittenThroughNotReplaced()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fifo = dir.filePath(QStringLiteral("pipe"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    // A reader first (non-blocking, so the test does not wait for a writer), as `cat pipe` would be.
    const int reader = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK);
    QVERIFY(reader >= 0);
    const QByteArray bytes("option,platform\r\nweb,lambda\r\n");
    QCOMPARE(writeWholeFile(fifo, bytes), QString());
    QByteArray got(256, '\0');
    const auto n = ::read(reader, got.data(), static_cast<std::size_t>(got.size()));
    ::close(reader);
    QCOMPARE(got.left(static_cast<qsizetype>(n)), bytes);
    struct stat st {};
    QVERIFY(::lstat(QFile::encodeName(fifo).constData(), &st) == 0);
    QVERIFY2(S_ISFIFO(st.st_mode), "the pipe was replaced by a regular file");
}

void TestFileWriter::directory_isRefusedAndLeftAlone()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(writeText(folder + QStringLiteral("/kept.txt"), "kept"));
    QCOMPARE(writeWholeFile(folder, "x"), QStringLiteral("it is a directory"));
    QVERIFY(QFileInfo(folder).isDir());
    QCOMPARE(readAll(folder + QStringLiteral("/kept.txt")), QByteArray("kept"));
}

void TestFileWriter::missingFolder_failsWithTheReason()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString reason = writeWholeFile(dir.filePath(QStringLiteral("no/such/folder/report.html")), "x");
    QVERIFY2(!reason.isEmpty(), "writing into a folder that does not exist succeeded");
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("no"))));
}

QTEST_GUILESS_MAIN(TestFileWriter)
#include "tst_filewriter.moc"
