// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/utf8.h"

#include <QTest>

#include <random>

using namespace Costscape;

class TestUtf8 : public QObject
{
    Q_OBJECT

private slots:
    void validPrefix_data();
    void validPrefix();
    void truncate_neverCutsACharacter();
    void repaired_replacesEachBadSequence();
    void check_locatesTheFirstBadByte();
    void streamChecker_agreesWithWholeTextAtEveryChunkSize();
};

void TestUtf8::validPrefix_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("prefix");
    // RFC 3629 and Table 3-7 of the Unicode standard: what is well-formed.
    QTest::newRow("ascii") << QByteArray("plain text") << 10;
    QTest::newRow("two-byte") << QByteArray("caf\xc3\xa9") << 5;
    QTest::newRow("euro-three-byte") << QByteArray("\xe2\x82\xac") << 3;
    QTest::newRow("emoji-four-byte") << QByteArray("\xf0\x9f\x98\x80") << 4;
    QTest::newRow("max-scalar") << QByteArray("\xf4\x8f\xbf\xbf") << 4;
    QTest::newRow("0xff") << QByteArray("ab\xff") << 2;
    QTest::newRow("stray-continuation") << QByteArray("a\x80") << 1;
    QTest::newRow("overlong-two-byte") << QByteArray("\xc1\xbf") << 0;
    QTest::newRow("overlong-three-byte") << QByteArray("\xe0\x9f\xbf") << 0;
    QTest::newRow("overlong-four-byte") << QByteArray("\xf0\x8f\xbf\xbf") << 0;
    QTest::newRow("surrogate-d800") << QByteArray("x\xed\xa0\x80") << 1;
    QTest::newRow("surrogate-dfff") << QByteArray("x\xed\xbf\xbf") << 1;
    QTest::newRow("last-before-surrogates") << QByteArray("\xed\x9f\xbf") << 3;
    QTest::newRow("past-10ffff") << QByteArray("\xf4\x90\x80\x80") << 0;
    QTest::newRow("lead-f5") << QByteArray("\xf5\x80\x80\x80") << 0;
    QTest::newRow("cut-at-end") << QByteArray("12345678\xe2\x82") << 8;
    QTest::newRow("cut-by-ascii") << QByteArray("\xe2\x82x") << 0;
    QTest::newRow("nine-ascii-then-bad") << QByteArray("123456789\xc3") << 9;
}

void TestUtf8::validPrefix()
{
    QFETCH(QByteArray, text);
    QFETCH(int, prefix);
    const std::string_view s(text.constData(), std::size_t(text.size()));
    QCOMPARE(Utf8::validPrefix(s), std::size_t(prefix));
    QCOMPARE(Utf8::isValid(s), prefix == text.size());
    // Qt's own decoder agrees on what is valid (it replaces the bad bytes with U+FFFD).
    const bool qtValid = QString::fromUtf8(text).toUtf8() == text;
    QCOMPARE(Utf8::isValid(s), qtValid);
}

void TestUtf8::truncate_neverCutsACharacter()
{
    // Issue 13: an offer file's publicationDate was cut at 10 bytes, in the middle of a character.
    const std::string date = "2024-01-0\xc3\xa9T00:00:00Z";
    QCOMPARE(std::string(Utf8::truncate(date, 10)), std::string("2024-01-0"));
    QCOMPARE(std::string(Utf8::truncate(date, 11)), std::string("2024-01-0\xc3\xa9"));
    QCOMPARE(std::string(Utf8::truncate("\xf0\x9f\x98\x80", 3)), std::string());
    QCOMPARE(std::string(Utf8::truncate("abc", 10)), std::string("abc"));
    for (std::size_t n = 0; n <= date.size(); ++n)
        QVERIFY(Utf8::isValid(Utf8::truncate(date, n)));
}

void TestUtf8::repaired_replacesEachBadSequence()
{
    QCOMPARE(Utf8::repaired("a\xff" "b"), std::string("a\xef\xbf\xbd" "b"));
    QCOMPARE(Utf8::repaired("ok \xc3\xa9"), std::string("ok \xc3\xa9"));
    QVERIFY(Utf8::isValid(Utf8::repaired("\xed\xa0\x80\xc0\xaf\xe2\x82")));
}

void TestUtf8::check_locatesTheFirstBadByte()
{
    QVERIFY(!Utf8::check("fine\n\xc3\xa9", "f.csv"));
    const auto e = Utf8::check("hour,rate\n\xc3\xa9t\xc3\xa9,\xff\n", "f.csv");
    QVERIFY(e);
    QCOMPARE(e->file, std::string("f.csv"));
    QCOMPARE(e->line, 2);
    QCOMPARE(e->column, 5); // é t é , then the bad byte: columns count characters
    QCOMPARE(e->code, ErrorCode::SyntaxError);
}

void TestUtf8::streamChecker_agreesWithWholeTextAtEveryChunkSize()
{
    // A reader of a multi-gigabyte offer file checks it chunk by chunk: a character split across
    // two chunks must be neither an error nor a hole that hides one. Random texts of valid and
    // invalid sequences, every chunk size from 1 to 9: the first bad byte is the same as for the
    // whole text.
    const char *pieces[] = {"a", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xff", "\xed\xa0\x80", "\xc0\xaf",
                            "\xe2\x82", "\x80", "\n"};
    std::mt19937 random(13);
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        const int n = int(random() % 12);
        for (int i = 0; i < n; ++i) {
            const std::size_t k = random() % 10;
            // Mostly valid pieces, so that texts are often valid to the end.
            text += pieces[k < 4 || random() % 3 ? k % 4 : k];
        }
        const std::size_t expected = Utf8::validPrefix(text);
        for (std::size_t chunk = 1; chunk <= 9; ++chunk) {
            Utf8::StreamChecker checker;
            std::size_t found = std::string::npos;
            for (std::size_t at = 0; at < text.size() && found == std::string::npos; at += chunk) {
                const std::ptrdiff_t bad = checker.feed(std::string_view(text).substr(at, chunk));
                if (bad != Utf8::StreamChecker::Fine)
                    found = std::size_t(std::ptrdiff_t(at) + bad);
            }
            if (found == std::string::npos && checker.pending() > 0)
                found = text.size() - checker.pending(); // ends inside a character
            if (found == std::string::npos)
                found = text.size();
            const QByteArray why = QByteArray::fromStdString(text).toHex() + " chunk " + QByteArray::number(int(chunk)) + ": "
                + QByteArray::number(qulonglong(found)) + " instead of " + QByteArray::number(qulonglong(expected));
            QVERIFY2(found == expected, why.constData());
        }
    }
}

QTEST_GUILESS_MAIN(TestUtf8)
#include "tst_utf8.moc"
