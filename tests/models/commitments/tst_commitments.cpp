// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Savings Plans and Reserved Instances applied hour by hour (models/commitments/). Figures come
// from AWS's published examples (named beside each) or are worked by hand in the comments.
#include "models/commitments/commitmentmath.h"
#include "output/resultformat.h"
#include "tests/common/evaluatetext.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace Costscape;
using namespace Costscape::Tests;
using namespace Costscape::Models::Commitments;

class TestCommitments : public QObject
{
    Q_OBJECT

private slots:
    void savingsPlan_awsExample_data();
    void savingsPlan_awsExample();
    void savingsPlan_unusedHourDoesNotCarryOver();
    void reservation_recurringFee_awsCurExample();
    void reservation_partialUpfront_ownMonth();
    void order_reservationBeforePlan();
    void eksNodes_reservedAsEc2Instances();
    void lambdaManaged_instancesCoveredFeeNot();
    void reservation_paidInHoursTheOptionDoesNotRun();
    void optimal_isNoWorseThanAnyLevelOnAFineGrid();
    void optimal_flatUsageCommitsToAll();
    void reader_rejectsWhatAwsDoesNotSell_data();
    void reader_rejectsWhatAwsDoesNotSell();
    void missingRate_namesTheSheetToImport_data();
    void missingRate_namesTheSheetToImport();
    void scenarioRoundTrip_keepsTheCommitment();
    void noCommitment_pricesAsBefore();
};

void TestCommitments::savingsPlan_awsExample_data()
{
    QTest::addColumn<double>("units");
    QTest::addColumn<double>("onDemand");
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("commitment");
    QTest::addColumn<double>("expectedSpill");
    // AWS Savings Plans User Guide, "Understanding how Savings Plans apply to your AWS usage",
    // Scenario 2 (r5.4xlarge rows: 4 units, On-Demand $1.00, Compute SP $0.70): a $2.00/hour
    // commitment covers about 2.9 units; the remaining 1.1 units are $1.14 of On-Demand charges.
    QTest::newRow("sp-applying scenario 2 (usage above the commitment)") << 4.0 << 1.00 << 0.70 << 2.00 << 4 - 2.0 / 0.7;
    // AWS re:Post answer on the same scenario: 4 units at On-Demand $5, SP rate $4, a $13
    // commitment covers 3.25 units and 0.75 unit is charged at On-Demand ($3.75).
    QTest::newRow("re:Post, $13 over 4 units") << 4.0 << 5.0 << 4.0 << 13.0 << 0.75 * 5.0;
    // sp-applying.html (older version), Scenario 1: $25.00/hour covers all the usage. One usage
    // type here: 10 units at On-Demand $4 and SP rate $2 is $20 at the plan's rate, below $25.
    QTest::newRow("usage below the commitment") << 10.0 << 4.0 << 2.0 << 25.0 << 0.0;
}

void TestCommitments::savingsPlan_awsExample()
{
    QFETCH(double, units);
    QFETCH(double, onDemand);
    QFETCH(double, rate);
    QFETCH(double, commitment);
    QFETCH(double, expectedSpill);
    const Usage usage{{units}, {1.0}, onDemand};
    const Outcome o = apply(usage, {}, {{commitment, rate}});
    QVERIFY(std::abs(o.spillCost - expectedSpill) < 1e-9);
    // The commitment is paid in full, whether or not it was all used.
    QVERIFY(std::abs(o.totalCost - (commitment + expectedSpill)) < 1e-9);
    QVERIFY(std::abs(o.layers[0].usedCost - std::min(commitment, units * rate)) < 1e-9);
}

void TestCommitments::savingsPlan_unusedHourDoesNotCarryOver()
{
    // AWS re:Post Knowledge Center "savings-plans-billing": a remaining commitment in one hour
    // cannot be applied to On-Demand charges in another. Hour 1: 1 unit, hour 2: 3 units, rate
    // 0.5, On-Demand 1, commitment 1/h (covers 2 units). Hour 1 wastes 0.5; hour 2 spills 1 unit.
    const Outcome o = apply({{1, 3}, {1, 1}, 1.0}, {}, {{1.0, 0.5}});
    QVERIFY(std::abs(o.spillCost - 1.0) < 1e-12);
    QVERIFY(std::abs(o.totalCost - 3.0) < 1e-12);
    QVERIFY(std::abs(o.layers[0].usedCost - 1.5) < 1e-12);
}

void TestCommitments::reservation_recurringFee_awsCurExample()
{
    // AWS Data Exports User Guide, "Understanding your reservation line items": the RI Fee is the
    // discounted hourly rate x the hours in the month: "USD 0.0309 hourly fee" shown as $23
    // (0.0309 x 744 = 22.99). The fee is due whether the instance runs or not: idle here.
    const Outcome o = apply({{0.0}, {744.0}, 0.1}, {{1, 0.0309}}, {});
    QVERIFY(std::abs(o.totalCost - 22.9896) < 1e-9);
    QCOMPARE(std::lround(o.totalCost), 23L);
    QCOMPARE(o.layers[0].usedCost, 0.0);
}

void TestCommitments::reservation_partialUpfront_ownMonth()
{
    // Two m5.large all month (730 h) with two 1-year standard partial-upfront reservations. AWS
    // Price List (us-east-1, 2020-07-09, unchanged in 2026): upfront $252, then $0.029/h.
    // Recurring 2 x 0.029 x 730 = 42.34; upfront amortised 2 x 252 x 730 / 8760 = 42.00;
    // on-demand would be 2 x 0.096 x 730 = 140.16. Break-even: 504 / (140.16 - 42.34) = 5.15,
    // so month 6.
    const auto e = evaluateText(scenarioWith(R"({"requests": {"perSecond": 1}, "durationMs": 100, "memoryMb": 128})",
                                             R"({"id": "vm", "platform": "ec2", "instanceType": "m5.large", "instances": 2,
                                                 "commitment": {"kind": "reserved-instance", "termYears": 1,
                                                   "payment": "partial-upfront", "offering": "standard", "count": 2}})"));
    QVERIFY2(e.ok(), e.ok() ? "" : e.error().toString().c_str());
    const auto &o = e->options[0];
    QVERIFY(o.commitment);
    QVERIFY(std::abs(lineCost(o, "commitment: reservations") - 42.34) < 1e-9);
    QVERIFY(std::abs(lineCost(o, "commitment: amortised upfront") - 42.0) < 1e-9);
    QVERIFY(std::abs(lineCost(o, "on-demand spill")) < 1e-12);
    QVERIFY(std::abs(o.commitment->onDemandMonthly - 140.16) < 1e-9);
    QVERIFY(std::abs(o.commitment->effectiveMonthly - 84.34) < 1e-9);
    QVERIFY(std::abs(o.monthlyCost - 84.34) < 1e-9);
    QCOMPARE(o.commitment->breakEvenMonth.value_or(-1), 6);
    QVERIFY(std::abs(o.commitment->coverage - 1.0) < 1e-12);
    QVERIFY(std::abs(o.commitment->utilisation - 1.0) < 1e-12);
    // The hours still add up to the month.
    double sum = 0;
    for (std::size_t h = 0; h < o.hourlyCost.size(); ++h)
        sum += o.hourlyCost[h] * e->slotWeight[h];
    QVERIFY(std::abs(sum - o.monthlyCost) < 1e-6);
    // The result JSON carries the summary.
    const auto json = Output::evaluationToJson(e.value());
    QCOMPARE(json["options"][0]["commitment"]["breakEvenMonth"].get<int>(), 6);
}

void TestCommitments::order_reservationBeforePlan()
{
    // AWS: "Savings Plans apply to your usage after the Amazon EC2 Reserved Instances (RI) are
    // applied." Three m5.large; a Compute Savings Plan of 0.142/h (two instances at its 1-year
    // no-upfront rate 0.071) listed first, and two reservations. The reservations take two
    // instances; the plan covers the third and wastes half: 0.071 x 730 = 51.83 unused.
    const auto e = evaluateText(scenarioWith(R"({"requests": {"perSecond": 1}, "durationMs": 100, "memoryMb": 128})",
                                             R"({"id": "vm", "platform": "ec2", "instanceType": "m5.large", "instances": 3,
                                                 "commitment": [
                                                   {"kind": "compute-savings-plan", "termYears": 1, "payment": "no-upfront", "hourly": 0.142},
                                                   {"kind": "reserved-instance", "termYears": 1, "payment": "no-upfront", "count": 2}]})"));
    QVERIFY2(e.ok(), e.ok() ? "" : e.error().toString().c_str());
    const auto &s = *e->options[0].commitment;
    QCOMPARE(s.commitments.size(), std::size_t(2));
    QCOMPARE(s.commitments[0].spec.kind, std::string("reserved-instance"));
    QVERIFY(std::abs(s.commitments[0].coveredUnitHours - 2 * 730.0) < 1e-9);
    QVERIFY(std::abs(s.commitments[1].coveredUnitHours - 730.0) < 1e-9);
    QVERIFY(std::abs(s.unusedMonthly - 0.071 * 730) < 1e-9);
    // 2 x 0.06 x 730 + 0.142 x 730 = 87.6 + 103.66
    QVERIFY(std::abs(e->options[0].monthlyCost - (87.6 + 103.66)) < 1e-9);
}

void TestCommitments::eksNodes_reservedAsEc2Instances()
{
    // EKS on EC2: the nodes are EC2 instances, so reservations cover them as they cover EC2.
    // 10 pods of 0.5 vCPU / 1024 MiB on m5.large take 4 nodes all month (tst_ekscost works the
    // packing by hand). The optimum for a flat fleet is all 4: 4 x 0.06 x 730 = 175.20 recurring
    // (1-year standard no-upfront, $0.06/h), no spill, and the control plane (0.10 x 730 = 73.00)
    // stays on demand: 248.20 against 4 x 0.096 x 730 + 73 = 353.32.
    const auto e = evaluateText(scenarioWith(R"({"requests": {"perSecond": 1}, "durationMs": 100, "memoryMb": 128})",
                                             R"({"id": "k", "platform": "eks-ec2", "podVcpu": 0.5, "podMemoryMb": 1024, "pods": 10,
                                                 "nodeTypes": ["m5.large"],
                                                 "commitment": {"kind": "reserved-instance", "termYears": 1,
                                                   "payment": "no-upfront", "count": "optimal"}})"));
    QVERIFY2(e.ok(), e.ok() ? "" : e.error().toString().c_str());
    const auto &o = e->options[0];
    QVERIFY(o.commitment);
    QCOMPARE(o.commitment->commitments.at(0).amount, 4.0);
    QVERIFY(std::abs(lineCost(o, "commitment: reservations") - 175.2) < 1e-9);
    QVERIFY(std::abs(lineCost(o, "on-demand spill")) < 1e-12);
    QVERIFY(std::abs(lineCost(o, "EKS control plane") - 73.0) < 1e-9);
    QVERIFY(std::abs(o.monthlyCost - 248.2) < 1e-9);
    QVERIFY(std::abs(o.commitment->onDemandMonthly - 280.32) < 1e-9);
}

void TestCommitments::lambdaManaged_instancesCoveredFeeNot()
{
    // Lambda Managed Instances: "you benefit from EC2 pricing advantages, including EC2 Savings
    // Plans and Reserved Instances" (AWS Lambda Developer Guide). The instance-hours take the
    // reservations; the management fee and the requests are billed as without them.
    const std::string workload = R"({"requests": {"perSecond": 2000}, "durationMs": 50, "memoryMb": 512})";
    const std::string option = R"({"id": "lmi", "platform": "lambda-managed", "instanceType": "m7g.large")";
    const auto plain = evaluateText(scenarioWith(workload, option + "}"));
    const auto committed = evaluateText(scenarioWith(
        workload, option + R"(, "commitment": {"kind": "reserved-instance", "termYears": 3, "payment": "no-upfront", "count": "optimal"}})"));
    QVERIFY2(plain.ok(), plain.ok() ? "" : plain.error().toString().c_str());
    QVERIFY2(committed.ok(), committed.ok() ? "" : committed.error().toString().c_str());
    const auto &p = plain->options[0];
    const auto &c = committed->options[0];
    QVERIFY(c.commitment);
    QCOMPARE(lineCost(c, "management fee"), lineCost(p, "management fee"));
    QCOMPARE(lineCost(c, "requests"), lineCost(p, "requests"));
    QVERIFY(std::abs(c.commitment->onDemandMonthly - lineCost(p, "instances")) < 1e-6);
    QVERIFY(c.commitment->commitments.at(0).amount >= 1);
    QVERIFY(std::abs(c.monthlyCost - (p.monthlyCost - lineCost(p, "instances") + c.commitment->effectiveMonthly)) < 1e-6);
    QVERIFY(c.monthlyCost < p.monthlyCost);
}

void TestCommitments::reservation_paidInHoursTheOptionDoesNotRun()
{
    // The option runs 365 of the month's 730 hours; its two reservations are billed all 730:
    // 2 x 0.06 x 730 = 87.60, more than on demand (2 x 0.096 x 365 = 70.08): never breaks even,
    // and the optimum is not to reserve at all.
    const std::string workload = R"({"requests": {"perSecond": 1}, "durationMs": 100, "memoryMb": 128})";
    auto option = [](const char *count) {
        return std::string(R"({"id": "vm", "platform": "ec2", "instanceType": "m5.large", "instances": 2, "hoursPerMonth": 365,
                                "commitment": {"kind": "reserved-instance", "termYears": 1, "payment": "no-upfront", "count": )")
            + count + "}}";
    };
    const auto fixed = evaluateText(scenarioWith(workload, option("2")));
    QVERIFY2(fixed.ok(), fixed.ok() ? "" : fixed.error().toString().c_str());
    const auto &s = *fixed->options[0].commitment;
    QVERIFY(std::abs(fixed->options[0].monthlyCost - 87.6) < 1e-9);
    QVERIFY(std::abs(s.onDemandMonthly - 70.08) < 1e-9);
    QVERIFY(std::abs(s.utilisation - 0.5) < 1e-12);
    QVERIFY(!s.breakEvenMonth);
    const auto optimal = evaluateText(scenarioWith(workload, option("\"optimal\"")));
    QVERIFY(optimal.ok());
    QCOMPARE(optimal->options[0].commitment->commitments[0].amount, 0.0);
    QVERIFY(std::abs(optimal->options[0].monthlyCost - 70.08) < 1e-9);
}

void TestCommitments::optimal_isNoWorseThanAnyLevelOnAFineGrid()
{
    std::mt19937 random(20261207);
    std::lognormal_distribution<double> load(1.0, 0.8);
    std::uniform_real_distribution<double> discount(0.05, 0.75);
    for (int round = 0; round < 200; ++round) {
        Usage usage;
        usage.onDemand = 0.096;
        const int hours = round % 2 ? 24 : 730;
        for (int h = 0; h < hours; ++h) {
            usage.units.push_back(std::floor(load(random)));
            usage.weight.push_back(round % 3 ? 1.0 : 0.5 + (h % 5));
        }
        const double rate = usage.onDemand * (1 - discount(random));
        const double onDemandCost = apply(usage, {}, {}).totalCost;
        const double peak = *std::max_element(usage.units.begin(), usage.units.end());

        const double best = optimalPlanHourly(usage, rate);
        const double bestCost = apply(usage, {}, {{best, rate}}).totalCost;
        QVERIFY(bestCost <= onDemandCost + 1e-9);
        for (int k = 0; k <= 2000; ++k) {
            const double level = peak * rate * 1.2 * k / 2000;
            QVERIFY2(bestCost <= apply(usage, {}, {{level, rate}}).totalCost + 1e-9, "a plan level on the grid is cheaper");
        }

        const double count = optimalReservationCount(usage, rate);
        QCOMPARE(count, std::round(count));
        const double countCost = apply(usage, {{count, rate}}, {}).totalCost;
        QVERIFY(countCost <= onDemandCost + 1e-9);
        for (int n = 0; n <= int(peak) + 2; ++n)
            QVERIFY2(countCost <= apply(usage, {{double(n), rate}}, {}).totalCost + 1e-9, "a reservation count is cheaper");
    }
}

void TestCommitments::optimal_flatUsageCommitsToAll()
{
    // Usage that never changes: every instance-hour is worth covering, so the optimum is all of it.
    const Usage usage{std::vector<double>(730, 4.0), std::vector<double>(730, 1.0), 0.096};
    QVERIFY(std::abs(optimalPlanHourly(usage, 0.071) - 4 * 0.071) < 1e-12);
    QCOMPARE(optimalReservationCount(usage, 0.06), 4.0);
    // A "plan" no cheaper than on-demand is not worth any commitment.
    QCOMPARE(optimalPlanHourly(usage, 0.096), 0.0);
    // Busy one hour in four: a reservation at 0.06 of 0.096 is worth it only above 62.5% of hours.
    std::vector<double> peaky(730, 1.0);
    for (std::size_t h = 0; h < peaky.size(); h += 4)
        peaky[h] = 5;
    QCOMPARE(optimalReservationCount({peaky, std::vector<double>(730, 1.0), 0.096}, 0.06), 1.0);
}

void TestCommitments::reader_rejectsWhatAwsDoesNotSell_data()
{
    QTest::addColumn<QString>("commitment");
    QTest::addColumn<QString>("message");
    QTest::newRow("two-year term") << R"({"kind": "compute-savings-plan", "termYears": 2, "payment": "no-upfront", "hourly": 1})"
                                   << "options[0].commitment.termYears: AWS sells 1- and 3-year terms only";
    QTest::newRow("unknown kind") << R"({"kind": "spot-plan", "termYears": 1, "payment": "no-upfront", "hourly": 1})"
                                  << "options[0].commitment.kind";
    QTest::newRow("count on a plan") << R"({"kind": "compute-savings-plan", "termYears": 1, "payment": "no-upfront", "count": 1})"
                                     << "takes \"hourly\", not \"count\"";
    QTest::newRow("negative hourly") << R"({"kind": "compute-savings-plan", "termYears": 1, "payment": "no-upfront", "hourly": -1})"
                                     << "options[0].commitment.hourly";
    QTest::newRow("misspelt optimal") << R"({"kind": "reserved-instance", "termYears": 1, "payment": "no-upfront", "count": "optimum"})"
                                      << "must be a number or \"optimal\"";
    QTest::newRow("fractional reservations") << R"({"kind": "reserved-instance", "termYears": 1, "payment": "no-upfront", "count": 1.5})"
                                             << "options[0].commitment.count";
}

void TestCommitments::reader_rejectsWhatAwsDoesNotSell()
{
    QFETCH(QString, commitment);
    QFETCH(QString, message);
    const auto e = evaluateText(scenarioWith(R"({"requests": {"perSecond": 1}, "durationMs": 100, "memoryMb": 128})",
                                             R"({"id": "vm", "platform": "ec2", "instanceType": "m5.large", "instances": 2,
                                                 "commitment": )" + commitment.toStdString() + "}"));
    QVERIFY(!e.ok());
    QVERIFY2(QString::fromStdString(e.error().message).contains(message), e.error().toString().c_str());
    QVERIFY(e.error().line > 0);
}

void TestCommitments::missingRate_namesTheSheetToImport_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("message");
    // The research found Compute Savings Plans rates for us-east-1 only.
    QTest::newRow("compute SP in eu-west-1")
        << "eu-west-1" << R"({"id": "vm", "platform": "ec2", "instanceType": "m5.large", "instances": 2,
              "commitment": {"kind": "compute-savings-plan", "termYears": 1, "payment": "no-upfront", "hourly": 0.1}})"
        << "has no 1-year Compute Savings Plan, no upfront rate for m5.large in eu-west-1";
    QTest::newRow("no source for Fargate rates")
        << "us-east-1" << R"({"id": "t", "platform": "fargate", "taskVcpu": 1, "taskMemoryGb": 2, "tasks": 2,
              "commitment": {"kind": "compute-savings-plan", "termYears": 1, "payment": "no-upfront", "hourly": "optimal"}})"
        << "has no 1-year Compute Savings Plan, no upfront rates for Fargate linux/x86_64 in us-east-1 (key "
           "\"compute-savings-plan/1yr/no-upfront\" of fargate/linux/x86_64/commitments); import AWS's AWSComputeSavingsPlan "
           "offer file";
    QTest::newRow("no source for EKS on Fargate rates")
        << "us-east-1" << R"({"id": "p", "platform": "eks-fargate", "podVcpu": 0.5, "podMemoryMb": 1024, "pods": 2,
              "commitment": {"kind": "compute-savings-plan", "termYears": 1, "payment": "no-upfront", "hourly": "optimal"}})"
        << "has no 1-year Compute Savings Plan, no upfront rates for Fargate linux/x86_64 in us-east-1";
    QTest::newRow("no source for Lambda rates")
        << "us-east-1" << R"({"id": "fn", "platform": "lambda",
              "commitment": {"kind": "compute-savings-plan", "termYears": 1, "payment": "no-upfront", "hourly": 0.1}})"
        << "has no 1-year Compute Savings Plan, no upfront rates for Lambda x86_64 in us-east-1";
    QTest::newRow("EC2 Instance SP on Fargate")
        << "us-east-1" << R"({"id": "t", "platform": "fargate", "taskVcpu": 1, "taskMemoryGb": 2, "tasks": 2,
              "commitment": {"kind": "ec2-instance-savings-plan", "termYears": 1, "payment": "no-upfront", "hourly": 0.1}})"
        << "ec2-instance-savings-plan covers EC2 instances only, and this option runs on fargate";
    QTest::newRow("reservations on Lambda")
        << "us-east-1" << R"({"id": "fn", "platform": "lambda",
              "commitment": {"kind": "reserved-instance", "termYears": 1, "payment": "no-upfront", "count": 1}})"
        << "reserved-instance covers EC2 instances only";
}

void TestCommitments::missingRate_namesTheSheetToImport()
{
    QFETCH(QString, region);
    QFETCH(QString, option);
    QFETCH(QString, message);
    const auto e = evaluateText(scenarioWith(R"({"requests": {"perSecond": 1}, "durationMs": 100, "memoryMb": 128})",
                                             option.toStdString(), "\"region\": \"" + region.toStdString() + "\", "));
    QVERIFY(!e.ok());
    const QString text = QString::fromStdString(e.error().message);
    QVERIFY2(text.contains(message), e.error().toString().c_str());
    // A missing rate names the sheet; a platform a reservation cannot cover is not the sheet's fault.
    if (e.error().code == ErrorCode::MissingPrice)
        QVERIFY2(text.contains(QStringLiteral("price sheet \"AWS public list prices")), e.error().toString().c_str());
    else
        QVERIFY(!message.contains(QStringLiteral("has no")));
    QVERIFY(e.error().line > 0);
}

void TestCommitments::scenarioRoundTrip_keepsTheCommitment()
{
    const auto s = Models::parseScenario(
        scenarioWith(R"({"requests": {"perSecond": 1}, "durationMs": 100, "memoryMb": 128})",
                     R"({"id": "vm", "platform": "ec2", "instanceType": "m5.large", "instances": 2,
                         "commitment": {"kind": "reserved-instance", "termYears": 3, "payment": "all-upfront",
                                        "offering": "convertible", "count": "optimal"}})"),
        "t.costscape.json");
    QVERIFY(s.ok());
    const auto again = Models::parseScenario(Models::serializeScenario(s.value()), "again.costscape.json");
    QVERIFY(again.ok());
    QCOMPARE(again->options[0].commitments, s->options[0].commitments);
    QCOMPARE(again->options[0].commitments[0].offering, std::string("convertible"));
    QVERIFY(!again->options[0].commitments[0].amount);
}

void TestCommitments::noCommitment_pricesAsBefore()
{
    // Without the key the option is on demand: 2 x 0.096 x 730.
    const auto e = evaluateText(scenarioWith(R"({"requests": {"perSecond": 1}, "durationMs": 100, "memoryMb": 128})",
                                             R"({"id": "vm", "platform": "ec2", "instanceType": "m5.large", "instances": 2})"));
    QVERIFY(e.ok());
    QVERIFY(!e->options[0].commitment);
    QVERIFY(std::abs(e->options[0].monthlyCost - 140.16) < 1e-9);
    QVERIFY(!Output::evaluationToJson(e.value())["options"][0].contains("commitment"));
}

QTEST_GUILESS_MAIN(TestCommitments)
#include "tst_commitments.moc"
