// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The one place figures become text: every row is what a reader expects to see printed.

#include "base/textformat.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace Costscape;

class TestTextFormat : public QObject
{
    Q_OBJECT

private slots:
    void grouped_roundsToTheDecimalsWithSeparators_data();
    void grouped_roundsToTheDecimalsWithSeparators();
    void money_symbolGroupingAndSign_data();
    void money_symbolGroupingAndSign();
    void unitPrice_keepsEveryDigitOfASheetRate_data();
    void unitPrice_keepsEveryDigitOfASheetRate();
    void quantity_fourDecimalsOrFourSignificant_data();
    void quantity_fourDecimalsOrFourSignificant();
    void trimmed_dropsTrailingZeros_data();
    void trimmed_dropsTrailingZeros();
    void general_isTheStreamsShortestForm();
    void nonFinite_neverPrintsAsAFigure();
};

void TestTextFormat::grouped_roundsToTheDecimalsWithSeparators_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QString>("text");
    QTest::newRow("cents") << 2.7333 << 2 << "2.73";
    QTest::newRow("half-cent-rounds-up") << 0.125 << 2 << "0.13";
    QTest::newRow("thousands") << 150040.2 << 2 << "150,040.20";
    QTest::newRow("millions") << 1234567.891 << 2 << "1,234,567.89";
    QTest::newRow("zero") << 0.0 << 2 << "0.00";
    QTest::newRow("whole-requests") << 301034.4 << 0 << "301,034";
    QTest::newRow("negative") << -1234.5 << 1 << "-1,234.5";
    QTest::newRow("no-negative-zero") << -0.001 << 2 << "0.00";
}

void TestTextFormat::grouped_roundsToTheDecimalsWithSeparators()
{
    QFETCH(double, value);
    QFETCH(int, decimals);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(Text::grouped(value, decimals)), text);
}

void TestTextFormat::money_symbolGroupingAndSign_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QString>("expected");
    QTest::newRow("usd-grouping") << 1234.56 << QStringLiteral("USD") << 2 << QStringLiteral("$1,234.56");
    QTest::newRow("usd-rounds-to-cents") << 1234.564 << QStringLiteral("USD") << 2 << QStringLiteral("$1,234.56");
    QTest::newRow("usd-whole") << 1200.0 << QStringLiteral("USD") << 0 << QStringLiteral("$1,200");
    QTest::newRow("exact-keeps-mills") << 30.368 << QStringLiteral("USD") << -1 << QStringLiteral("$30.368");
    QTest::newRow("exact-pads-cents") << 12.5 << QStringLiteral("USD") << -1 << QStringLiteral("$12.50");
    QTest::newRow("exact-below-a-cent") << 0.0000166667 << QStringLiteral("USD") << -1 << QStringLiteral("$0.0000166667");
    QTest::newRow("eur-symbol") << 5.0 << QStringLiteral("EUR") << 2 << QString(QChar(0x20AC) + QStringLiteral("5.00"));
    QTest::newRow("gbp-symbol") << 5.0 << QStringLiteral("GBP") << 2 << QString(QChar(0x00A3) + QStringLiteral("5.00"));
    QTest::newRow("other-code") << 5.0 << QStringLiteral("CHF") << 2 << QStringLiteral("CHF 5.00");
    QTest::newRow("no-currency") << 5.0 << QString() << 2 << QStringLiteral("5.00");
    QTest::newRow("negative") << -3.5 << QStringLiteral("USD") << 2 << QStringLiteral("-$3.50");
    QTest::newRow("no-negative-zero") << -0.001 << QStringLiteral("USD") << 2 << QStringLiteral("$0.00");
}

void TestTextFormat::money_symbolGroupingAndSign()
{
    QFETCH(double, value);
    QFETCH(QString, currency);
    QFETCH(int, decimals);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(Text::money(value, currency.toStdString(), decimals)), expected);
}

void TestTextFormat::unitPrice_keepsEveryDigitOfASheetRate_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("gb-second") << 0.0000166667 << QStringLiteral("$0.0000166667");
    QTest::newRow("request") << 2e-7 << QStringLiteral("$0.0000002");
    QTest::newRow("derived-noise") << 0.1 + 0.2 << QStringLiteral("$0.3");
    QTest::newRow("instance-hour") << 0.096 << QStringLiteral("$0.096");
    QTest::newRow("zero") << 0.0 << QStringLiteral("$0");
}

void TestTextFormat::unitPrice_keepsEveryDigitOfASheetRate()
{
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(Text::unitPrice(value, "USD")), expected);
}

void TestTextFormat::quantity_fourDecimalsOrFourSignificant_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("integer") << 26280000.0 << QStringLiteral("26,280,000");
    QTest::newRow("4-decimals") << 12345.678912 << QStringLiteral("12,345.6789");
    QTest::newRow("small-4-significant") << 0.000123456 << QStringLiteral("0.0001235");
    QTest::newRow("zero") << 0.0 << QStringLiteral("0");
}

void TestTextFormat::quantity_fourDecimalsOrFourSignificant()
{
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(Text::quantity(value)), expected);
}

void TestTextFormat::trimmed_dropsTrailingZeros_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QString>("expected");
    QTest::newRow("half") << 0.5 << 2 << QStringLiteral("0.5");
    QTest::newRow("whole") << 16.0 << 3 << QStringLiteral("16");
    QTest::newRow("rounded") << 70.0 / 3 << 1 << QStringLiteral("23.3");
    QTest::newRow("no-negative-zero") << -0.0001 << 2 << QStringLiteral("0");
    QTest::newRow("no-grouping") << 12345.5 << 1 << QStringLiteral("12345.5");
}

void TestTextFormat::trimmed_dropsTrailingZeros()
{
    QFETCH(double, value);
    QFETCH(int, decimals);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(Text::trimmed(value, decimals)), expected);
}

void TestTextFormat::general_isTheStreamsShortestForm()
{
    QCOMPARE(Text::general(0.5), std::string("0.5"));
    QCOMPARE(Text::general(120), std::string("120"));
    QCOMPARE(Text::general(1e6), std::string("1e+06"));
    QCOMPARE(Text::general(1234567.0, 10), std::string("1234567"));
}

void TestTextFormat::nonFinite_neverPrintsAsAFigure()
{
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QCOMPARE(Text::money(inf, "USD"), std::string("-"));
    QCOMPARE(Text::money(nan, "USD"), std::string("-"));
    QCOMPARE(Text::unitPrice(nan, "USD"), std::string("-"));
}

QTEST_GUILESS_MAIN(TestTextFormat)
#include "tst_textformat.moc"
