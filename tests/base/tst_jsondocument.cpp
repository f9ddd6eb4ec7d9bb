// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/jsondocument.h"

#include <QTest>

using namespace Costscape;

class TestJsonDocument : public QObject
{
    Q_OBJECT

private slots:
    void parse_recordsPositionOfEveryValue();
    void parse_keepsIntegersAndKeyOrder();
    void malformed_reportsLineAndColumn_data();
    void malformed_reportsLineAndColumn();
    void deepNesting_isRefusedNotACrash();
    void unicodeEscapes_areDecoded();
    void missingFile_reportsFileWithoutLine();
    void numbers_roundTripShortest();
};

void TestJsonDocument::parse_recordsPositionOfEveryValue()
{
    const std::string text = "{\n  \"a\": 1,\n  \"list\": [10, {\"x\": true}],\n  \"s\": \"h\u00e9\"\n}";
    auto doc = JsonDocument::parse(text, "t.json");
    QVERIFY(doc.ok());
    auto pos = doc->position(JsonDocument::Pointer("/a"));
    QCOMPARE(pos.line, 2);
    QCOMPARE(pos.column, 8);
    pos = doc->position(JsonDocument::Pointer("/list/1/x"));
    QCOMPARE(pos.line, 3);
    QCOMPARE(pos.column, 22);
    // A key that is absent points at its nearest enclosing value.
    pos = doc->position(JsonDocument::Pointer("/list/1/missing"));
    QCOMPARE(pos.line, 3);
    QCOMPARE(pos.column, 16);
    const Error e = doc->errorAt(JsonDocument::Pointer("/a"), ErrorCode::OutOfRange, "a: too big");
    QCOMPARE(QString::fromStdString(e.toString()), QStringLiteral("t.json:2:8: a: too big"));
}

void TestJsonDocument::parse_keepsIntegersAndKeyOrder()
{
    auto doc = JsonDocument::parse(R"({"z": 9000000000, "a": 0.5, "m": -3})", "t.json");
    QVERIFY(doc.ok());
    QVERIFY(doc->root()["z"].is_number_integer());
    QCOMPARE(doc->root()["z"].get<long long>(), 9000000000LL);
    QVERIFY(doc->root()["a"].is_number_float());
    QCOMPARE(QString::fromStdString(doc->root().dump()), QStringLiteral(R"({"z":9000000000,"a":0.5,"m":-3})"));
}

void TestJsonDocument::malformed_reportsLineAndColumn_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::newRow("truncated-object") << "{\n  \"a\": 1," << 2 << 10 << "expected a quoted key";
    QTest::newRow("trailing-comma-in-object") << "{\"a\": 1,}" << 1 << 9 << "trailing comma before '}'";
    QTest::newRow("trailing-comma-in-array") << "[1, 2, ]" << 1 << 8 << "trailing comma";
    QTest::newRow("missing-colon") << "{\"a\" 1}" << 1 << 6 << "expected ':' after key \"a\"";
    QTest::newRow("unterminated-string") << "{\"a\": \"abc" << 1 << 11 << "unterminated string";
    QTest::newRow("nan-literal") << "{\"a\": NaN}" << 1 << 7 << "NaN and Infinity";
    QTest::newRow("duplicate-key") << "{\"a\": 1,\n \"a\": 2}" << 2 << 2 << "duplicate key \"a\"";
    QTest::newRow("leading-zero") << "[012]" << 1 << 2 << "leading zeros";
    QTest::newRow("comment") << "{\n// no\n}" << 2 << 1 << "expected a quoted key";
    QTest::newRow("garbage-after-value") << "{} x" << 1 << 4 << "after the end";
    QTest::newRow("empty-file") << "" << 1 << 1 << "expected a JSON value, found end of file";
    QTest::newRow("huge-exponent") << "[1e999]" << 1 << 2 << "out of range";
}

void TestJsonDocument::malformed_reportsLineAndColumn()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const auto doc = JsonDocument::parse(text.toStdString(), "bad.json");
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, ErrorCode::SyntaxError);
    QCOMPARE(doc.error().file, std::string("bad.json"));
    QCOMPARE(doc.error().line, line);
    QCOMPARE(doc.error().column, column);
    QVERIFY2(QString::fromStdString(doc.error().message).contains(message), doc.error().message.c_str());
}

void TestJsonDocument::deepNesting_isRefusedNotACrash()
{
    const std::string text = std::string(100000, '[') + std::string(100000, ']');
    const auto doc = JsonDocument::parse(text, "deep.json");
    QVERIFY(!doc.ok());
    QVERIFY(QString::fromStdString(doc.error().message).contains(QStringLiteral("nested too deeply")));
}

void TestJsonDocument::unicodeEscapes_areDecoded()
{
    const auto doc = JsonDocument::parse(R"(["\u00e9\ud83d\ude00\n"])", "u.json");
    QVERIFY(doc.ok());
    QCOMPARE(doc->root()[0].get<std::string>(), std::string("\xC3\xA9\xF0\x9F\x98\x80\n"));
    QVERIFY(!JsonDocument::parse(R"(["\ud83d"])", "u.json").ok());
}

void TestJsonDocument::missingFile_reportsFileWithoutLine()
{
    const auto doc = JsonDocument::load("/nonexistent/dir/x.json");
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, ErrorCode::FileNotFound);
    QCOMPARE(doc.error().line, 0);
    QVERIFY(QString::fromStdString(doc.error().toString()).startsWith(QStringLiteral("/nonexistent/dir/x.json: ")));
}

void TestJsonDocument::numbers_roundTripShortest()
{
    QCOMPARE(formatJsonNumber(0.0000166667), std::string("1.66667e-05"));
    QCOMPARE(formatJsonNumber(0.096), std::string("0.096"));
    QCOMPARE(std::stod(formatJsonNumber(0.1 + 0.2)), 0.1 + 0.2);
}

QTEST_GUILESS_MAIN(TestJsonDocument)
#include "tst_jsondocument.moc"
