// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Lambda Managed Instances: environments sized from the concurrency per vCPU, packed onto
// instances, billed as EC2 instance-hours + the management fee + requests. Figures by hand below;
// prices from the embedded sheet (m7g.large $0.0816/h, 15% fee, $0.20 per million requests).

#include "tests/common/evaluatetext.h"
#include "models/platforms/lambdamanaged/lambdamanagedmodel.h"

#include <QTest>

#include <cmath>

using namespace Costscape;
using namespace Costscape::Models;
using namespace Costscape::Tests;

class TestLambdaManagedCost : public QObject
{
    Q_OBJECT

private slots:
    void sizing_data();
    void sizing();
    void bill_instancesFeeAndRequests();
    void auto_choosesTheCheapestTypeItRunsOn();
    void infeasible_data();
    void infeasible();
    void regionWithoutPrices_isAnError();
};

namespace {
std::string workload(double rate, double durationMs)
{
    return R"({"requests": {"perSecond": )" + std::to_string(rate) + R"(}, "durationMs": )" + std::to_string(durationMs)
        + R"(, "memoryMb": 512})";
}
} // namespace

void TestLambdaManagedCost::sizing_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("durationMs");
    QTest::addColumn<QString>("fields");
    QTest::addColumn<double>("instances");
    QTest::addColumn<double>("environmentConcurrency");
    // 2,000 req/s of 50 ms: 100 in flight. Node.js, 2048 MB at 2 GB per vCPU: 1 vCPU, 64 at once;
    // at 50% target, 32: ceil(100 / 32) = 4 environments; m7g.large (2 vCPU, 8 GiB) holds 2:
    // 2 instances, raised to the minimum of 3.
    QTest::newRow("nodejs-2000rps-min-3") << 2000.0 << 50.0 << QString() << 3.0 << 64.0;
    // Python, 16 per vCPU, 8 at 50%: ceil(100 / 8) = 13 environments, 2 per instance: 7 instances.
    QTest::newRow("python-2000rps-7") << 2000.0 << 50.0 << QStringLiteral(R"(, "runtime": "python")") << 7.0 << 16.0;
    // 4096 MB at 2 GB per vCPU: 2 vCPU, 128 at once (64 x 2); m7g.large holds one (2 vCPU):
    // ceil(100 / 64) = 2 environments, 2 instances, raised to 3.
    QTest::newRow("nodejs-4gb-env") << 2000.0 << 50.0 << QStringLiteral(R"(, "memoryMb": 4096)") << 3.0 << 128.0;
    // A concurrency of 4 per vCPU at 100%: ceil(100 / 4) = 25 environments, 13 instances.
    QTest::newRow("override-concurrency")
        << 2000.0 << 50.0 << QStringLiteral(R"(, "concurrencyPerVcpu": 4, "targetUtilization": 1)") << 13.0 << 4.0;
}

void TestLambdaManagedCost::sizing()
{
    QFETCH(double, rate);
    QFETCH(double, durationMs);
    QFETCH(QString, fields);
    QFETCH(double, instances);
    QFETCH(double, environmentConcurrency);
    const auto e = evaluateText(scenarioWith(
        workload(rate, durationMs), R"({"id": "lmi", "platform": "lambda-managed", "instanceType": "m7g.large")" + fields.toStdString() + "}"));
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const OptionResult &o = e->options[0];
    QVERIFY2(o.feasible, o.warnings.empty() ? "" : o.warnings.front().c_str());
    QCOMPARE(o.fleet.peak, instances);
    const auto *d = o.detailsAs<LambdaManagedDetails>();
    QVERIFY(d);
    QCOMPARE(d->environmentConcurrency, environmentConcurrency);
}

void TestLambdaManagedCost::bill_instancesFeeAndRequests()
{
    // The first sizing row: 3 m7g.large all month = 2,190 instance-hours.
    //   instances 2190 x 0.0816 = 178.704; fee 15% = 26.8056;
    //   requests 2,000 x 3,600 x 730 = 5,256,000,000 x $0.0000002 = 1,051.20. Total 1,256.7096.
    const auto e = evaluateText(scenarioWith(workload(2000, 50), R"({"id": "lmi", "platform": "lambda-managed", "instanceType": "m7g.large"})"));
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const OptionResult &o = e->options[0];
    QCOMPARE(o.lineItems.size(), std::size_t(3));
    QCOMPARE(o.lineItems[0].name, std::string("instances"));
    QVERIFY(std::abs(o.lineItems[0].cost - 178.704) < 1e-9);
    QCOMPARE(o.lineItems[1].name, std::string("management fee"));
    QVERIFY(std::abs(o.lineItems[1].cost - 26.8056) < 1e-9);
    QCOMPARE(o.lineItems[2].name, std::string("requests"));
    QVERIFY(std::abs(o.lineItems[2].cost - 1051.2) < 1e-6);
    QVERIFY(std::abs(o.monthlyCost - 1256.7096) < 1e-6);
    // No duration charge: nothing billed per GB-second.
    for (const auto &line : o.lineItems)
        QVERIFY(line.unit != "GB-seconds");
}

void TestLambdaManagedCost::auto_choosesTheCheapestTypeItRunsOn()
{
    const auto chosen = evaluateText(scenarioWith(workload(2000, 50), R"({"id": "lmi", "platform": "lambda-managed"})"));
    QVERIFY2(chosen.ok(), chosen.error().toString().c_str());
    const auto *d = chosen->options[0].detailsAs<LambdaManagedDetails>();
    QVERIFY(d);
    const Pricing::Ec2InstanceType *type = Pricing::embeddedPriceSheet().ec2("us-east-1", d->instanceType);
    QVERIFY(type);
    QVERIFY2(LambdaManagedModel::runsOn(*type), d->instanceType.c_str());
    // No type Lambda Managed Instances run on is cheaper for this workload.
    for (const auto &[name, t] : Pricing::embeddedPriceSheet().region("us-east-1")->ec2) {
        if (!LambdaManagedModel::runsOn(t))
            continue;
        const auto other = evaluateText(
            scenarioWith(workload(2000, 50), R"({"id": "lmi", "platform": "lambda-managed", "instanceType": ")" + name + R"("})"));
        QVERIFY2(other.ok(), other.error().toString().c_str());
        if (other->options[0].feasible)
            QVERIFY2(chosen->options[0].monthlyCost <= other->options[0].monthlyCost + 1e-9, name.c_str());
    }
    // t3, t4g and .medium types are not candidates.
    QVERIFY(!LambdaManagedModel::runsOn(*Pricing::embeddedPriceSheet().ec2("us-east-1", "t3.large")));
    QVERIFY(!LambdaManagedModel::runsOn(*Pricing::embeddedPriceSheet().ec2("us-east-1", "m7g.medium")));
}

void TestLambdaManagedCost::infeasible_data()
{
    QTest::addColumn<QString>("fields");
    QTest::addColumn<QString>("reason");
    QTest::newRow("memory-below-2gb") << QStringLiteral(R"(, "memoryMb": 1024)")
                                      << QStringLiteral("at least 2048 MB and 1 vCPU; the option gives 1024 MB");
    // 2048 MB at 4 GB per vCPU is half a vCPU.
    QTest::newRow("half-a-vcpu") << QStringLiteral(R"(, "memoryPerVcpuGb": 4)")
                                 << QStringLiteral("2048 MB at 4 GB per vCPU is 0.5 vCPU");
    // Python, 13 environments need 7 instances; at most 5.
    QTest::newRow("above-max-instances") << QStringLiteral(R"(, "runtime": "python", "maxInstances": 5)")
                                         << QStringLiteral("the busiest hour needs 7 m7g.large instances, above the maximum of 5");
}

void TestLambdaManagedCost::infeasible()
{
    QFETCH(QString, fields);
    QFETCH(QString, reason);
    const auto e = evaluateText(scenarioWith(
        workload(2000, 50), R"({"id": "lmi", "platform": "lambda-managed", "instanceType": "m7g.large")" + fields.toStdString() + "}"));
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const OptionResult &o = e->options[0];
    QVERIFY(!o.feasible);
    QVERIFY2(QString::fromStdString(o.warnings.at(0)).contains(reason), o.warnings.at(0).c_str());
}

void TestLambdaManagedCost::regionWithoutPrices_isAnError()
{
    // The embedded sheet has Lambda prices for us-east-1 only.
    const auto e = evaluateText(scenarioWith(workload(10, 50), R"({"id": "lmi", "platform": "lambda-managed"})",
                                             R"("region": "eu-west-1", )"));
    QVERIFY(!e.ok());
    QCOMPARE(e.error().code, ErrorCode::MissingPrice);
    QVERIFY2(QString::fromStdString(e.error().message).contains(QStringLiteral("no Lambda Managed Instances prices for region eu-west-1")),
             e.error().message.c_str());
    QVERIFY(e.error().line > 0);
}

QTEST_GUILESS_MAIN(TestLambdaManagedCost)
#include "tst_lambdamanagedcost.moc"
