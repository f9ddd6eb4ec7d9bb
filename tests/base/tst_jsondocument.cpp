// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/jsondocument.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <optional>

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
    void invalidUtf8_isLocatedSyntaxError_data();
    void invalidUtf8_isLocatedSyntaxError();
    void validUtf8_isKeptByteForByte();
    void manyKeys_duplicateFoundAtItsPlace();
    void positions_keysWithSlashAndTilde();
    void limits_areEnforcedWhileReading_data();
    void limits_areEnforcedWhileReading();
    void load_refusesDevZeroAndOversizedFiles();
    void positions_arrayElementsInEveryLayout();
    void positions_compactForLongArrays();
    void duplicateKey_foundInObjectsOfEverySize_data();
    void duplicateKey_foundInObjectsOfEverySize();
    void load_largeFile_readsAndFailsExactlyAsParse_data();
    void load_largeFile_readsAndFailsExactlyAsParse();
    void positionIndex_keepsEveryPlaceExactly_data();
    void positionIndex_keepsEveryPlaceExactly();
    void positions_membersInEveryLayout();
    void dismantle_freesEveryShapeAndKeepsCopies();
    void take_handsOverRootAndPositions();
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

void TestJsonDocument::invalidUtf8_isLocatedSyntaxError_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    // Issue 13: the reader took any bytes in a string and the writer then threw (exit 134).
    // Each row names the first byte of the bad sequence, columns in characters.
    const QString utf8 = QStringLiteral("invalid UTF-8 byte sequence");
    QTest::newRow("0xff-in-string") << QByteArray("{\"format\": \"a\xff\"}") << 1 << 14 << utf8;
    QTest::newRow("after-two-byte-char") << QByteArray("[\"\xc3\xa9\xff\"]") << 1 << 4 << utf8;
    QTest::newRow("stray-continuation") << QByteArray("[\n \"\x80\"]") << 2 << 3 << utf8;
    QTest::newRow("overlong-slash") << QByteArray("[\"\xc0\xaf\"]") << 1 << 3 << utf8;
    QTest::newRow("encoded-surrogate") << QByteArray("[\"\xed\xa0\x80\"]") << 1 << 3 << utf8;
    QTest::newRow("past-u10ffff") << QByteArray("[\"\xf4\x90\x80\x80\"]") << 1 << 3 << utf8;
    QTest::newRow("cut-by-quote") << QByteArray("[\"2024-01-0\xe2\x82\"]") << 1 << 12 << utf8;
    QTest::newRow("cut-by-end-of-file") << QByteArray("[\"ab\xe2\x82") << 1 << 5 << utf8;
    QTest::newRow("in-a-key") << QByteArray("{\"k\xfe\": 1}") << 1 << 4 << utf8;
    QTest::newRow("outside-a-string") << QByteArray("[1, \xff]") << 1 << 5 << utf8;
    QTest::newRow("lone-high-surrogate") << QByteArray("[\"a\\ud800\"]") << 1 << 4 << QStringLiteral("unpaired surrogate");
    QTest::newRow("high-then-letter") << QByteArray("[\"a\\ud800\\u0041\"]") << 1 << 4 << QStringLiteral("unpaired surrogate");
    QTest::newRow("lone-low-surrogate") << QByteArray("[\"\\udc00\"]") << 1 << 3 << QStringLiteral("unpaired surrogate");
    QTest::newRow("nul-byte") << QByteArray("[1,\0]", 5) << 1 << 4 << QStringLiteral("NUL byte");
}

void TestJsonDocument::invalidUtf8_isLocatedSyntaxError()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const auto doc = JsonDocument::parse(std::string_view(text.constData(), std::size_t(text.size())), "bad.json");
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, ErrorCode::SyntaxError);
    QVERIFY2(QString::fromStdString(doc.error().message).contains(message), doc.error().message.c_str());
    QCOMPARE(doc.error().line, line);
    QCOMPARE(doc.error().column, column);
    // The message itself is text a terminal or a writer gets: it must be valid UTF-8.
    QVERIFY(nlohmann::json(doc.error().message).dump().size() > 0);
}

void TestJsonDocument::validUtf8_isKeptByteForByte()
{
    // Two-, three- and four-byte characters at their edges (U+0080, U+07FF, U+FFFD, U+10FFFF).
    const std::string text = "[\"\xc2\x80\xdf\xbf\xef\xbf\xbd\xf4\x8f\xbf\xbf\xe2\x82\xac\"]";
    const auto doc = JsonDocument::parse(text, "ok.json");
    QVERIFY2(doc.ok(), doc.error().message.c_str());
    QCOMPARE(doc->root()[0].get<std::string>(), text.substr(2, text.size() - 4));
    QCOMPARE(doc->root().dump(), text);
}

void TestJsonDocument::manyKeys_duplicateFoundAtItsPlace()
{
    // Issue 13: 50,000 keys in one object took 13-32 s (a scan of the object per key). The speed is
    // measured in bench/bench_jsonreader; here: every key is kept in order, and a duplicate far
    // past the small-object scan is still found, at its own line.
    std::string text = "{\n";
    for (int i = 0; i < 50000; ++i)
        text += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",\n";
    std::string ok = text + "\"last\": 0\n}";
    const auto doc = JsonDocument::parse(ok, "keys.json");
    QVERIFY2(doc.ok(), doc.error().message.c_str());
    QCOMPARE(doc->root().size(), std::size_t(50001));
    QCOMPARE(doc->root().begin().key(), std::string("k0"));
    QCOMPARE(doc->root()["k49999"].get<int>(), 49999);
    QCOMPARE(doc->position(JsonDocument::Pointer("/k49999")).line, 50001);
    const auto dup = JsonDocument::parse(text + "\"k17\": 1\n}", "keys.json");
    QVERIFY(!dup.ok());
    QCOMPARE(dup.error().line, 50002);
    QCOMPARE(dup.error().column, 1);
    QVERIFY(QString::fromStdString(dup.error().message).contains(QStringLiteral("duplicate key \"k17\"")));
}

void TestJsonDocument::positions_keysWithSlashAndTilde()
{
    const auto doc = JsonDocument::parse("{\"a/b\": {\"c~d\": [0,\n 1]}, \"a\": {\"b\": 2}}", "p.json");
    QVERIFY(doc.ok());
    // "a/b" is one key (~1 in a pointer); "/a/b" is key "b" inside "a": different places.
    QCOMPARE(doc->position(JsonDocument::Pointer("/a~1b/c~0d/1")).line, 2);
    QCOMPARE(doc->position(JsonDocument::Pointer("/a~1b/c~0d/1")).column, 2);
    QCOMPARE(doc->position(JsonDocument::Pointer("/a/b")).line, 2);
    QCOMPARE(doc->position(JsonDocument::Pointer("/a/b")).column, 18);
    QCOMPARE(doc->position(JsonDocument::Pointer("/a~1b/c~0d")).column, 17);
    // An absent element points at its array.
    QCOMPARE(doc->position(JsonDocument::Pointer("/a~1b/c~0d/7")).column, 17);
}

void TestJsonDocument::limits_areEnforcedWhileReading_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::newRow("array") << QByteArray("[1,2,3,\n4]") << 2 << 1 << QStringLiteral("at most 3 elements");
    QTest::newRow("object") << QByteArray("{\"a\":1,\"b\":2,\"c\":3, \"d\":4}") << 1 << 21 << QStringLiteral("at most 3 members");
    QTest::newRow("string") << QByteArray("[\"0123456789abcdefg\"]") << 1 << 20 << QStringLiteral("at most 16 bytes");
    QTest::newRow("file") << QByteArray(70, ' ') << 0 << 0 << QStringLiteral("larger than");
}

void TestJsonDocument::limits_areEnforcedWhileReading()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    JsonLimits limits;
    limits.maxArrayLength = 3;
    limits.maxObjectMembers = 3;
    limits.maxStringBytes = 16;
    limits.maxBytes = 64;
    const auto doc = JsonDocument::parse(std::string_view(text.constData(), std::size_t(text.size())), "big.json", limits);
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, ErrorCode::OutOfRange);
    QVERIFY2(QString::fromStdString(doc.error().message).contains(message), doc.error().message.c_str());
    QCOMPARE(doc.error().line, line);
    QCOMPARE(doc.error().column, column);
    // At the limit itself is fine.
    QVERIFY(JsonDocument::parse("[1,2,3]", "ok.json", limits).ok());
}

void TestJsonDocument::load_refusesDevZeroAndOversizedFiles()
{
    // Issue 13: `validate /dev/zero` read without end and aborted on std::bad_alloc.
    if (QFileInfo::exists(QStringLiteral("/dev/zero"))) {
        const auto zero = JsonDocument::load("/dev/zero");
        QVERIFY(!zero.ok());
        QCOMPARE(zero.error().code, ErrorCode::SyntaxError);
        QCOMPARE(zero.error().line, 1);
        QCOMPARE(zero.error().column, 1);
        QVERIFY(QString::fromStdString(zero.error().message).contains(QStringLiteral("NUL byte")));
    }
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("big.json")).toStdString();
    {
        std::ofstream out(path, std::ios::binary);
        out << '[' << std::string(200000, ' ') << ']';
    }
    JsonLimits limits;
    limits.maxBytes = 100000;
    const auto big = JsonDocument::load(path, limits);
    QVERIFY(!big.ok());
    QCOMPARE(big.error().code, ErrorCode::OutOfRange);
    QVERIFY(QString::fromStdString(big.error().message).contains(QStringLiteral("larger than")));
    QVERIFY(JsonDocument::load(path).ok());
}

namespace {
/** Writes JSON text and remembers, by counting what it writes, where each value it is told of starts. */
struct Writer {
    std::string text;
    int line = 1;
    int column = 1;
    std::vector<std::pair<std::string, SourcePosition>> expected;
    void put(const std::string &s)
    {
        for (const char c : s) {
            if (c == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
                ++column; // a column is a character
            }
        }
        text += s;
    }
    void value(const std::string &pointer, const std::string &s)
    {
        expected.emplace_back(pointer, SourcePosition{line, column});
        put(s);
    }
};
} // namespace

void TestJsonDocument::positions_arrayElementsInEveryLayout()
{
    // Each element's place, counted independently as the text is written: one long line (columns
    // past 2,047), one element per line, many long lines (elements that do not fit the compact
    // slot), arrays of arrays and of objects, and a non-ASCII name before elements on their line.
    Writer w;
    w.put("{\"oneLine\": [");
    for (int i = 0; i < 3000; ++i) {
        w.put(i ? "," : "");
        w.value("/oneLine/" + std::to_string(i), std::to_string(i * 7));
    }
    w.put("],\n\"perLine\": [\n");
    for (int i = 0; i < 3000; ++i) {
        w.put(i ? ",\n" : "");
        w.put("   ");
        w.value("/perLine/" + std::to_string(i), "1.5");
    }
    w.put("\n],\n\"longLines\": [");
    for (int i = 0; i < 4000; ++i) {
        w.put(i == 0 ? "" : i % 1000 == 0 ? ",\n" : ", ");
        w.value("/longLines/" + std::to_string(i), std::to_string(i));
    }
    w.put("],\n\"h\u00e9\u00e9\": [");
    w.value("/h\u00e9\u00e9/0", "[1, [2, 3]]");
    w.expected.emplace_back("/h\u00e9\u00e9/0/1", w.expected.back().second);
    w.expected.back().second.column += 4;
    w.expected.emplace_back("/h\u00e9\u00e9/0/1/1", w.expected.back().second);
    w.expected.back().second.column += 4;
    w.put(", ");
    w.value("/h\u00e9\u00e9/1", "{\"x\": [true]}");
    w.expected.emplace_back("/h\u00e9\u00e9/1/x/0", w.expected.back().second);
    w.expected.back().second.column += 7;
    w.put(", \"\u00e9\u00e9\u00e9\", ");
    w.value("/h\u00e9\u00e9/3", "null");
    w.put("]}\n");

    const auto doc = JsonDocument::parse(w.text, "layouts.json");
    QVERIFY(doc.ok());
    for (const auto &[pointer, pos] : w.expected) {
        const SourcePosition got = doc->position(JsonDocument::Pointer(pointer));
        if (got.line != pos.line || got.column != pos.column)
            QFAIL(qPrintable(QStringLiteral("%1: %2:%3, expected %4:%5")
                                 .arg(QString::fromStdString(pointer))
                                 .arg(got.line).arg(got.column).arg(pos.line).arg(pos.column)));
        QVERIFY(doc->positions().find(pointer).has_value());
    }
    // The root, 4 members, 10,000 elements, and 4 + 4 + 2 in the last array.
    QCOMPARE(doc->positions().size(), std::size_t(1 + 4 + 3000 + 3000 + 4000 + 4 + 4 + 2));
    // Past the end, or a token that is not an index: the array itself.
    const SourcePosition perLine = doc->position(JsonDocument::Pointer("/perLine"));
    QCOMPARE(perLine.line, 2);
    QCOMPARE(perLine.column, 12);
    for (const char *beyond : {"/perLine/3000", "/perLine/01", "/perLine/-", "/perLine/99999999999"}) {
        const SourcePosition got = doc->positions().nearest(beyond);
        QCOMPARE(got.line, perLine.line);
        QCOMPARE(got.column, perLine.column);
        QVERIFY(!doc->positions().find(beyond).has_value());
    }
}

void TestJsonDocument::positions_compactForLongArrays()
{
    // Issue 13's memory goal: a long array of short numbers costs its elements' values, not 16
    // bytes of position each. 4 bytes an element here, one line or one element per line.
    for (const bool perLine : {false, true}) {
        std::string text = "{\"prices\": [";
        for (int i = 0; i < 100000; ++i)
            text += (i ? (perLine ? ",\n" : ",") : "") + std::to_string(0.001 + (i % 9973) / 1000.0).substr(0, 8);
        text += "]}";
        const auto doc = JsonDocument::parse(text, "prices.json");
        QVERIFY(doc.ok());
        QCOMPARE(doc->root()["prices"].size(), std::size_t(100000));
        QVERIFY2(doc->positions().bytes() < 100000 * 5, std::to_string(doc->positions().bytes()).c_str());
        QCOMPARE(doc->position(JsonDocument::Pointer("/prices/99999")).line, perLine ? 100000 : 1);
        // Elements reserved at their count, not grown by doubling.
        QCOMPARE(doc->root()["prices"].get_ref<const JsonDocument::Json::array_t &>().capacity(), std::size_t(100000));
    }
}

void TestJsonDocument::duplicateKey_foundInObjectsOfEverySize_data()
{
    // Below 16 members an object is scanned; from 16 on, its keys go in a hash table sized from a
    // first count of the members. Around that edge, and for each key repeated (the first, one in
    // the middle, the last before it), the duplicate is the error, at the repeated key.
    QTest::addColumn<int>("members");
    QTest::addColumn<int>("repeated");
    for (const int n : {2, 15, 16, 17, 31, 32, 33, 1000})
        for (const int r : {0, n / 2, n - 1})
            QTest::addRow("%d members, key %d again", n, r) << n << r;
}

void TestJsonDocument::duplicateKey_foundInObjectsOfEverySize()
{
    QFETCH(int, members);
    QFETCH(int, repeated);
    std::string text = "{\"outer\": {\n";
    for (int i = 0; i < members; ++i)
        text += "  \"key " + std::to_string(i) + "\": [" + std::to_string(i) + "],\n";
    const std::string ok = text + "  \"end\": 0\n}}";
    const auto doc = JsonDocument::parse(ok, "dup.json");
    QVERIFY2(doc.ok(), doc.error().message.c_str());
    QCOMPARE(doc->root()["outer"].size(), std::size_t(members + 1));
    // Line 1 holds the opening; key i is on line i + 2; the repeated key on line members + 2,
    // after two spaces.
    const auto dup = JsonDocument::parse(text + "  \"key " + std::to_string(repeated) + "\": 1\n}}", "dup.json");
    QVERIFY(!dup.ok());
    QCOMPARE(dup.error().code, ErrorCode::SyntaxError);
    QCOMPARE(dup.error().message, "duplicate key \"key " + std::to_string(repeated) + "\"");
    QCOMPARE(dup.error().line, members + 2);
    QCOMPARE(dup.error().column, 3);
}

namespace {
/**
 * A file of about 3 MB: objects with keys, strings with non-ASCII characters and escapes, numbers,
 * spread over lines. load() gives back the memory of the text it has read while it reads on; what
 * it returns must be what parse() of the same text returns.
 */
std::string largeText(int records)
{
    std::string text = "{\"format\": \"large\",\n \"records\": [\n";
    for (int i = 0; i < records; ++i) {
        text += "  {\"id\": \"r" + std::to_string(i) + "\", \"name\": \"Zürich \\u00e9 \\\"" + std::to_string(i)
            + "\\\"\", \"price\": " + std::to_string(i) + ".25, \"tags\": [\"a\", \"b\"]},\n";
    }
    return text;
}
} // namespace

void TestJsonDocument::load_largeFile_readsAndFailsExactlyAsParse_data()
{
    QTest::addColumn<std::string>("ending");
    QTest::newRow("valid") << std::string("  {\"id\": \"last\"}\n],\n \"end\": true}\n");
    QTest::newRow("duplicate key at the end") << std::string("  {\"id\": \"last\", \"id\": 1}\n]}\n");
    QTest::newRow("invalid UTF-8 at the end") << std::string("  {\"id\": \"\xC3(\"}\n]}\n");
    QTest::newRow("trailing comma") << std::string("  {\"id\": \"last\"},\n]}\n");
    QTest::newRow("cut short") << std::string("  {\"id\": \"la");
    QTest::newRow("a NUL byte") << std::string("  {\"id\": 1}\0\n]}\n");
}

void TestJsonDocument::load_largeFile_readsAndFailsExactlyAsParse()
{
    QFETCH(std::string, ending);
    const std::string text = largeText(30000) + ending;
    QVERIFY(text.size() > 2'500'000); // many times the step in which load() gives the text back
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("large.json")).toStdString();
    {
        std::ofstream out(path, std::ios::binary);
        out << text;
    }
    const auto parsed = JsonDocument::parse(text, path);
    const auto loaded = JsonDocument::load(path);
    QCOMPARE(loaded.ok(), parsed.ok());
    if (!parsed.ok()) {
        QCOMPARE(loaded.error().code, parsed.error().code);
        QCOMPARE(loaded.error().message, parsed.error().message);
        QCOMPARE(loaded.error().line, parsed.error().line);
        QCOMPARE(loaded.error().column, parsed.error().column);
        return;
    }
    QVERIFY(loaded->root() == parsed->root());
    QCOMPARE(loaded->root()["records"][29999]["name"].get<std::string>(), std::string("Zürich é \"29999\""));
    for (const char *pointer : {"/records/0/name", "/records/15000/tags/1", "/records/29999/price", "/end"}) {
        const auto a = loaded->position(JsonDocument::Pointer(pointer));
        const auto b = parsed->position(JsonDocument::Pointer(pointer));
        QCOMPARE(a.line, b.line);
        QCOMPARE(a.column, b.column);
    }
    QCOMPARE(loaded->position(JsonDocument::Pointer("/records/29999/price")).line, 30002);
}

void TestJsonDocument::positionIndex_keepsEveryPlaceExactly_data()
{
    // A member's place is packed in 32 bits when it fits one of two forms (the first 64 lines and
    // a column below 2^25, or a line below 2^20 and a column below 2^11): each side of each bound,
    // and places that fit neither, which take a wide entry.
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("1:1") << 1 << 1;
    QTest::newRow("first lines, last column") << 64 << (1 << 25) - 1;
    QTest::newRow("first lines, column past them") << 64 << (1 << 25);
    QTest::newRow("line 65, column 2047") << 65 << 2047;
    QTest::newRow("line 65, column 2048") << 65 << 2048;
    QTest::newRow("last long line") << (1 << 20) << 2047;
    QTest::newRow("line past 2^20") << (1 << 20) + 1 << 1;
    QTest::newRow("column of a 2 GB line") << 1 << 2147483647;
    QTest::newRow("both at their most") << 2147483647 << 2147483647;
}

void TestJsonDocument::positionIndex_keepsEveryPlaceExactly()
{
    QFETCH(int, line);
    QFETCH(int, column);
    // The place under test among neighbours of both kinds, so that both tables are searched.
    PositionIndex index;
    index.add(PositionIndex::RootKey, {1, 1});
    std::vector<std::pair<std::string, SourcePosition>> expected;
    for (int i = 0; i < 50; ++i)
        expected.emplace_back("/before" + std::to_string(i), SourcePosition{1 + i, 3 + i * 1000});
    expected.emplace_back("/it", SourcePosition{line, column});
    for (int i = 0; i < 50; ++i)
        expected.emplace_back("/after" + std::to_string(i), SourcePosition{(1 << 20) + i, 5 + i});
    for (const auto &[pointer, pos] : expected)
        index.add(PositionIndex::childKey(PositionIndex::RootKey, pointer.substr(1)), pos);
    index.finish();
    QCOMPARE(index.size(), expected.size() + 1);
    for (const auto &[pointer, pos] : expected) {
        const auto got = index.find(pointer);
        QVERIFY2(got.has_value(), pointer.c_str());
        QCOMPARE(got->line, pos.line);
        QCOMPARE(got->column, pos.column);
        const SourcePosition under = index.nearest(pointer + "/missing");
        QCOMPARE(under.line, pos.line);
        QCOMPARE(under.column, pos.column);
    }
    QVERIFY(!index.find("/absent").has_value());
}

void TestJsonDocument::positions_membersInEveryLayout()
{
    // Members counted independently as the text is written: many on one long line (columns past
    // 2,047), one per line past line 64, and long lines past line 64 (wide entries); with non-ASCII
    // keys. Issue 13's memory goal: a member whose place fits takes 12 bytes of position.
    Writer w;
    w.put("{\"oneLine\": {");
    for (int i = 0; i < 3000; ++i) {
        w.put(i ? ", " : "");
        w.put("\"k\u00e9" + std::to_string(i) + "\": ");
        w.value("/oneLine/k\u00e9" + std::to_string(i), std::to_string(i));
    }
    w.put("},\n\"perLine\": {\n");
    for (int i = 0; i < 3000; ++i) {
        w.put(i ? ",\n   " : "   ");
        w.put("\"" + std::to_string(i) + "\": ");
        w.value("/perLine/" + std::to_string(i), "{\"x\": true}");
        w.expected.emplace_back("/perLine/" + std::to_string(i) + "/x", w.expected.back().second);
        w.expected.back().second.column += 6;
    }
    w.put("\n},\n\"longLines\": {");
    for (int i = 0; i < 4000; ++i) {
        w.put(i == 0 ? "" : i % 1000 == 0 ? ",\n" : ", ");
        w.put("\"n" + std::to_string(i) + "\": ");
        w.value("/longLines/n" + std::to_string(i), "null");
    }
    w.put("}}\n");

    const auto doc = JsonDocument::parse(w.text, "members.json");
    QVERIFY(doc.ok());
    for (const auto &[pointer, pos] : w.expected) {
        const SourcePosition got = doc->position(JsonDocument::Pointer(pointer));
        if (got.line != pos.line || got.column != pos.column)
            QFAIL(qPrintable(QStringLiteral("%1: %2:%3, expected %4:%5")
                                 .arg(QString::fromStdString(pointer))
                                 .arg(got.line).arg(got.column).arg(pos.line).arg(pos.column)));
    }
    // The root, 3 objects, and every member.
    QCOMPARE(doc->positions().size(), std::size_t(1 + 3 + 3000 + 2 * 3000 + 4000));

    std::string flat = "{";
    for (int i = 0; i < 10000; ++i)
        flat += (i ? ",\"" : "\"") + std::to_string(i) + "\":" + std::to_string(i);
    flat += "}";
    const auto small = JsonDocument::parse(flat, "flat.json");
    QVERIFY(small.ok());
    QVERIFY2(small->positions().bytes() <= 10001 * 12, std::to_string(small->positions().bytes()).c_str());
}

void TestJsonDocument::dismantle_freesEveryShapeAndKeepsCopies()
{
    // The deepest document the reader accepts, a long array, a large object, and values in both.
    std::string text = "{\"deep\": ";
    for (int i = 0; i < 255; ++i) // with the root, 256 levels
        text += i % 2 ? "{\"k\": " : "[";
    text += "\"bottom\"";
    for (int i = 254; i >= 0; --i)
        text += i % 2 ? "}" : "]";
    text += ", \"list\": [";
    for (int i = 0; i < 20000; ++i)
        text += (i ? ",[" : "[") + std::to_string(i) + ", {\"a\": \"x\"}]";
    text += "], \"map\": {";
    for (int i = 0; i < 20000; ++i)
        text += (i ? ",\"" : "\"") + std::to_string(i) + "\": [" + std::to_string(i) + "]";
    text += "}}";
    const auto reference = JsonDocument::parse(text, "shapes.json");
    QVERIFY2(reference.ok(), reference.ok() ? "" : reference.error().toString().c_str());

    std::optional<JsonDocument> copy;
    {
        auto doc = JsonDocument::parse(text, "shapes.json");
        QVERIFY(doc.ok());
        copy.emplace(doc.value()); // a copy is deep: it must outlive the original's teardown
        JsonDocument moved(std::move(doc).value());
        QVERIFY(moved.root() == reference->root());
    } // the original (moved from) and the moved-to document are torn down here
    QVERIFY(copy->root() == reference->root());
    QCOMPARE(copy->position(JsonDocument::Pointer("/map/19999")).column,
             reference->position(JsonDocument::Pointer("/map/19999")).column);

    JsonDocument::Json value = reference->root();
    JsonDocument::dismantle(value);
    QVERIFY(value.is_null());
    JsonDocument::Json scalar = 42;
    JsonDocument::dismantle(scalar);
    QVERIFY(scalar.is_null());
}

void TestJsonDocument::take_handsOverRootAndPositions()
{
    auto doc = JsonDocument::parse("{\n  \"a\": [1, {\"b\": 2}]\n}", "take.json");
    QVERIFY(doc.ok());
    const JsonDocument::Json expected = doc->root();
    JsonDocument::Json root = doc.value().takeRoot();
    QVERIFY(root == expected);
    QVERIFY(doc->root().is_null());
    // The positions stay until taken, and move whole.
    QCOMPARE(doc->position(JsonDocument::Pointer("/a/1/b")).line, 2);
    const PositionIndex positions = doc.value().takePositions();
    QVERIFY(doc->positions().empty());
    const auto b = positions.find("/a/1/b");
    QVERIFY(b.has_value());
    QCOMPARE(b->line, 2);
    QCOMPARE(b->column, 18);
}

QTEST_GUILESS_MAIN(TestJsonDocument)
#include "tst_jsondocument.moc"
