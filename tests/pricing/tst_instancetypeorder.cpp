// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/instancetypeorder.h"
#include "pricing/pricesheet.h"

#include <QStringList>
#include <QTest>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using namespace Costscape::Pricing;

/** Instance types in the order people read them: family, then size (issue 18). */
class TestInstanceTypeOrder : public QObject
{
    Q_OBJECT

private slots:
    void pairs_comeInReadingOrder_data();
    void pairs_comeInReadingOrder();
    void sameType_comparesEqual();
    void shuffledList_sortsByFamilyThenSize();
    void embeddedSheet_sizesOfAFamilyRiseWithVcpu();
};

void TestInstanceTypeOrder::pairs_comeInReadingOrder_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    // The text sort put c5.2xlarge, c5.4xlarge before c5.large and c5.xlarge.
    QTest::newRow("large-before-2xlarge") << "c5.large" << "c5.2xlarge";
    QTest::newRow("xlarge-before-2xlarge") << "c5.xlarge" << "c5.2xlarge";
    QTest::newRow("large-before-xlarge") << "c5.large" << "c5.xlarge";
    QTest::newRow("2xlarge-before-12xlarge") << "m5.2xlarge" << "m5.12xlarge";
    QTest::newRow("9xlarge-before-18xlarge") << "c5.9xlarge" << "c5.18xlarge";
    QTest::newRow("nano-before-micro") << "t3.nano" << "t3.micro";
    QTest::newRow("micro-before-small") << "t3.micro" << "t3.small";
    QTest::newRow("small-before-medium") << "t3.small" << "t3.medium";
    QTest::newRow("medium-before-large") << "t3.medium" << "t3.large";
    QTest::newRow("48xlarge-before-metal") << "m7i.48xlarge" << "m7i.metal";
    QTest::newRow("metal-before-metal-24xl") << "c7i.metal" << "c7i.metal-24xl";
    QTest::newRow("metal-24xl-before-metal-48xl") << "c7i.metal-24xl" << "c7i.metal-48xl";
    QTest::newRow("family-before-size") << "c5.24xlarge" << "c5a.large";
    QTest::newRow("c5-before-c5n") << "c5.large" << "c5n.large";
    QTest::newRow("c5n-before-c6g") << "c5n.18xlarge" << "c6g.medium";
    QTest::newRow("m5-before-m10-by-number") << "m5.large" << "m10.large";
    QTest::newRow("p3-before-p3dn") << "p3.16xlarge" << "p3dn.24xlarge";
    QTest::newRow("case-aside") << "M5.large" << "m5.XLARGE";
    QTest::newRow("known-size-before-unknown") << "m5.metal" << "m5.huge";
    QTest::newRow("family-alone-after-its-sizes") << "m5.metal" << "m5";
}

void TestInstanceTypeOrder::pairs_comeInReadingOrder()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    const std::string a = first.toStdString();
    const std::string b = second.toStdString();
    QVERIFY2(compareInstanceTypes(a, b) < 0, qPrintable(first + QStringLiteral(" should come before ") + second));
    QVERIFY2(compareInstanceTypes(b, a) > 0, qPrintable(second + QStringLiteral(" should come after ") + first));
    QVERIFY(instanceTypeLess(a, b));
    QVERIFY(!instanceTypeLess(b, a));
}

void TestInstanceTypeOrder::sameType_comparesEqual()
{
    QCOMPARE(compareInstanceTypes("m5.large", "m5.large"), 0);
    QCOMPARE(compareInstanceTypes("", ""), 0);
    QVERIFY(compareInstanceTypes("m5.large", "m5.LARGE") != 0); // distinct names never tie
}

void TestInstanceTypeOrder::shuffledList_sortsByFamilyThenSize()
{
    const std::vector<std::string> expected{"c5.large",    "c5.xlarge",    "c5.2xlarge",    "c5.4xlarge",  "c5.9xlarge",
                                            "c5.12xlarge", "c5.18xlarge",  "c5.24xlarge",   "c5.metal",    "c5n.large",
                                            "c6g.medium",  "c6g.large",    "c7i.metal-24xl", "c7i.metal-48xl", "m5.large",
                                            "t3.nano",     "t3.micro",     "t3.small",      "t3.medium",   "t3.large"};
    std::vector<std::string> shuffled = expected;
    std::mt19937 random(18);
    for (int round = 0; round < 5; ++round) {
        std::shuffle(shuffled.begin(), shuffled.end(), random);
        std::sort(shuffled.begin(), shuffled.end(), [](const std::string &a, const std::string &b) { return instanceTypeLess(a, b); });
        QCOMPARE(shuffled, expected);
    }
}

void TestInstanceTypeOrder::embeddedSheet_sizesOfAFamilyRiseWithVcpu()
{
    // On every type of the embedded sheet: within a family the order never puts more vCPUs
    // before fewer (metal aside, which has as many as the largest size).
    const PriceSheet &sheet = embeddedPriceSheet();
    int checked = 0;
    for (const auto &[code, region] : sheet.regions) {
        std::vector<const Ec2InstanceType *> types;
        for (const auto &[name, type] : region.ec2)
            types.push_back(&type);
        std::sort(types.begin(), types.end(), [](const auto *a, const auto *b) { return instanceTypeLess(a->name, b->name); });
        for (std::size_t i = 1; i < types.size(); ++i) {
            if (types[i]->family() != types[i - 1]->family())
                continue;
            QVERIFY2(types[i - 1]->vcpu <= types[i]->vcpu,
                     qPrintable(QString::fromStdString(types[i - 1]->name + " before " + types[i]->name)));
            ++checked;
        }
    }
    QVERIFY(checked > 10);
}

QTEST_GUILESS_MAIN(TestInstanceTypeOrder)
#include "tst_instancetypeorder.moc"
