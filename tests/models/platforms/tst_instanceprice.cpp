// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The spot price of an instance type (models/platforms/instanceprice.h), in the order FORMATS.md
// gives: the sheet's spot price, else the option's spotHourly, else on-demand x (1 - spotDiscount),
// else the Spot Instance Advisor's saving for Linux; nothing when none applies. Every expected
// price is worked out by hand in the comment beside its row.

#include "models/platforms/instanceprice.h"
#include "pricing/pricesheet.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <optional>
#include <string>

using namespace Costscape;
using namespace Costscape::Models;

namespace {

/** A row's "not given": the price, option value or advisor figure is absent. */
const double none = std::numeric_limits<double>::quiet_NaN();

std::optional<double> given(double v)
{
    return std::isnan(v) ? std::nullopt : std::optional<double>(v);
}

/** t3.large as a sheet holds it; spot prices and the advisor's saving only where the row gives them. */
Pricing::Ec2InstanceType t3Large(double sheetSpotLinux, double sheetSpotWindows, double advisorSavingsPercent)
{
    Pricing::Ec2InstanceType type;
    type.name = "t3.large";
    type.vcpu = 2;
    type.memoryGib = 8;
    type.onDemandHourly = {{"linux", 0.0832}, {"windows", 0.1108}};
    if (given(sheetSpotLinux))
        type.spotHourly["linux"] = sheetSpotLinux;
    if (given(sheetSpotWindows))
        type.spotHourly["windows"] = sheetSpotWindows;
    type.spotAdvisorSavingsPercent = given(advisorSavingsPercent);
    return type;
}

} // namespace

class TestInstancePrice : public QObject
{
    Q_OBJECT

private slots:
    void spotPrice_takesTheFirstSourceThatApplies_data();
    void spotPrice_takesTheFirstSourceThatApplies();
    void spotPrice_withoutIgnoredPointer_stillPrices();
};

void TestInstancePrice::spotPrice_takesTheFirstSourceThatApplies_data()
{
    QTest::addColumn<QString>("os");
    QTest::addColumn<double>("onDemand");      // the on-demand hourly price the caller passes
    QTest::addColumn<double>("sheetSpotLinux");
    QTest::addColumn<double>("sheetSpotWindows");
    QTest::addColumn<double>("optionSpotHourly");
    QTest::addColumn<double>("optionDiscount");
    QTest::addColumn<double>("advisorPercent");
    QTest::addColumn<double>("expected");      // none: no spot price applies
    QTest::addColumn<QString>("basis");        // empty when none applies
    QTest::addColumn<QString>("ignored");      // the option value the sheet price overrode

    // 1. The sheet's price wins over everything; the option's own value is named as ignored.
    // 0.0312 is the sheet's figure as it stands.
    QTest::newRow("sheet-spot-beats-option-spot-hourly")
        << "linux" << 0.0832 << 0.0312 << none << 0.05 << none << none << 0.0312
        << "spot price from the price sheet" << "spotHourly";
    // With both option values given, spotHourly is the one named (it would have come first).
    QTest::newRow("sheet-spot-beats-both-option-values")
        << "linux" << 0.0832 << 0.0312 << none << 0.05 << 0.6 << 70.0 << 0.0312
        << "spot price from the price sheet" << "spotHourly";
    QTest::newRow("sheet-spot-beats-option-discount")
        << "linux" << 0.0832 << 0.0312 << none << none << 0.6 << none << 0.0312
        << "spot price from the price sheet" << "spotDiscount";
    // The advisor's saving is the sheet's own fallback, not an option value: nothing is ignored.
    QTest::newRow("sheet-spot-alone-ignores-nothing")
        << "linux" << 0.0832 << 0.0312 << none << none << none << 62.0 << 0.0312
        << "spot price from the price sheet" << "";
    // The Windows spot price for a Windows option: 0.0590 as the sheet gives it.
    QTest::newRow("sheet-spot-for-windows")
        << "windows" << 0.1108 << 0.0312 << 0.0590 << none << none << none << 0.0590
        << "spot price from the price sheet" << "";

    // 2. No sheet price: the option's spotHourly, whatever discount or saving there is.
    QTest::newRow("option-spot-hourly-beats-discount-and-advisor")
        << "linux" << 0.0832 << none << none << 0.05 << 0.6 << 70.0 << 0.05
        << "spot price given in the scenario" << "";
    // A Linux-only sheet price does not apply to Windows: the option's 0.07 does.
    QTest::newRow("linux-sheet-spot-not-used-for-windows")
        << "windows" << 0.1108 << 0.0312 << none << 0.07 << none << none << 0.07
        << "spot price given in the scenario" << "";

    // 3. The option's discount off on-demand.
    // 0.0832 x (1 - 0.6) = 0.0832 x 0.4 = 0.03328
    QTest::newRow("discount-off-on-demand")
        << "linux" << 0.0832 << none << none << none << 0.6 << none << 0.03328
        << "on-demand x (1 - 0.6)" << "";
    // 0.10 x (1 - 0.5) = 0.05: the option's discount comes before the advisor's 70%.
    QTest::newRow("discount-beats-advisor")
        << "linux" << 0.10 << none << none << none << 0.5 << 70.0 << 0.05
        << "on-demand x (1 - 0.5)" << "";
    // Windows has no advisor guess, but an explicit discount applies: 0.1108 x (1 - 0.25) = 0.0831
    QTest::newRow("discount-applies-to-windows")
        << "windows" << 0.1108 << none << none << none << 0.25 << 62.0 << 0.0831
        << "on-demand x (1 - 0.25)" << "";
    // A discount of 0 is on-demand itself: 0.0832 x 1 = 0.0832
    QTest::newRow("zero-discount-is-on-demand")
        << "linux" << 0.0832 << none << none << none << 0.0 << none << 0.0832
        << "on-demand x (1 - 0)" << "";

    // 4. The Spot Instance Advisor's average saving, for Linux only.
    // 0.0832 x (1 - 62 / 100) = 0.0832 x 0.38 = 0.031616
    QTest::newRow("advisor-saving-for-linux")
        << "linux" << 0.0832 << none << none << none << none << 62.0 << 0.031616
        << "on-demand x (1 - 62%), the Spot Instance Advisor's average saving" << "";
    // Windows spot prices include the licence and are discounted differently: not guessed.
    QTest::newRow("advisor-not-used-for-windows")
        << "windows" << 0.1108 << none << none << none << none << 62.0 << none << "" << "";

    // 5. Nothing applies.
    QTest::newRow("nothing-given") << "linux" << 0.0832 << none << none << none << none << none << none << "" << "";
}

void TestInstancePrice::spotPrice_takesTheFirstSourceThatApplies()
{
    QFETCH(QString, os);
    QFETCH(double, onDemand);
    QFETCH(double, sheetSpotLinux);
    QFETCH(double, sheetSpotWindows);
    QFETCH(double, optionSpotHourly);
    QFETCH(double, optionDiscount);
    QFETCH(double, advisorPercent);
    QFETCH(double, expected);
    QFETCH(QString, basis);
    QFETCH(QString, ignored);

    const Pricing::Ec2InstanceType type = t3Large(sheetSpotLinux, sheetSpotWindows, advisorPercent);
    std::string ignoredOut;
    const auto price = spotPrice(type, os.toStdString(), onDemand, given(optionSpotHourly), given(optionDiscount), &ignoredOut);

    QCOMPARE(QString::fromStdString(ignoredOut), ignored);
    if (std::isnan(expected)) {
        QVERIFY2(!price, price ? qPrintable(QString::fromStdString(price->basis)) : "");
        return;
    }
    QVERIFY(price);
    QVERIFY2(std::abs(price->hourly - expected) <= 1e-12,
             qPrintable(QStringLiteral("actual %1, expected %2").arg(price->hourly, 0, 'g', 17).arg(expected, 0, 'g', 17)));
    QCOMPARE(QString::fromStdString(price->basis), basis);
}

void TestInstancePrice::spotPrice_withoutIgnoredPointer_stillPrices()
{
    // The out-parameter is optional: a sheet price with option values beside it, and no pointer.
    const Pricing::Ec2InstanceType type = t3Large(0.0312, none, 62.0);
    const auto price = spotPrice(type, "linux", 0.0832, 0.05, 0.6);
    QVERIFY(price);
    QCOMPARE(price->hourly, 0.0312); // the sheet's own figure
}

QTEST_GUILESS_MAIN(TestInstancePrice)
#include "tst_instanceprice.moc"
