// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// EKS on EC2 and EKS on Fargate: pods on nodes after the kubelet's reservations and the
// DaemonSets, Fargate pods rounded up as AWS documents, and the control plane once per cluster.
// Figures by hand below, from the embedded sheet (us-east-1: m5.large $0.096/h, t3.micro
// $0.0104/h, Fargate linux/x86_64 $0.04048 per vCPU-hour and $0.004445 per GB-hour, EKS $0.10
// per cluster-hour, $0.60 in extended support).

#include "tests/common/evaluatetext.h"
#include "models/platforms/eksec2/eksec2model.h"
#include "models/platforms/eksfargate/eksfargatemodel.h"

#include <QTest>

#include <cmath>

using namespace Costscape;
using namespace Costscape::Models;
using namespace Costscape::Tests;

class TestEksCost : public QObject
{
    Q_OBJECT

private slots:
    void fargateSize_data();
    void fargateSize();
    void fargate_billAndControlPlane();
    void controlPlane_monthly_data();
    void controlPlane_monthly();
    void ec2_reservationsCostANode();
    void ec2_podCapAndPrefixDelegation();
    void ec2_userDaemonSetTakesRoom();
    void ec2_schedulerBesideOptimiser();
    void ec2_wrongArchitectureIsAnError();
    void noEksPrice_isAnError();
    void podGroupsAndPodVcpu_isAnError();
};

namespace {
const char *const Constant = R"({"requests": {"perSecond": 10}, "durationMs": 100, "memoryMb": 128})";

bool near(double a, double b, double eps = 1e-6)
{
    return std::abs(a - b) < eps;
}
} // namespace

void TestEksCost::fargateSize_data()
{
    QTest::addColumn<double>("vcpu");
    QTest::addColumn<double>("memoryMb");
    QTest::addColumn<double>("sizeVcpu");
    QTest::addColumn<double>("sizeGb");
    // AWS's own example (EKS user guide, "Fargate Pod configuration"): "a request for 1 vCPU and
    // 8 GB memory will have 256 MB added to its memory request, and will provision a Fargate task
    // with 2 vCPUs and 9 GB memory, since no task with 1 vCPU and 9 GB memory is available."
    QTest::newRow("aws-example-1vcpu-8gb") << 1.0 << 8192.0 << 2.0 << 9.0;
    // 0.25 vCPU / 512 MB + 256 MB = 768 MB: the 1 GB step of 0.25 vCPU.
    QTest::newRow("quarter-512") << 0.25 << 512.0 << 0.25 << 1.0;
    // 0.5 vCPU / 1024 MB + 256 = 1280 MB: 2 GB.
    QTest::newRow("half-1024") << 0.5 << 1024.0 << 0.5 << 2.0;
    // A small pod: 100m / 100 MB + 256 = 356 MB: the smallest size, 0.25 vCPU / 0.5 GB.
    QTest::newRow("smallest") << 0.1 << 100.0 << 0.25 << 0.5;
    // 2 vCPU / 1 GB: 2 vCPU starts at 4 GB.
    QTest::newRow("vcpu-floor-memory") << 2.0 << 1024.0 << 2.0 << 4.0;
    // 4 vCPU / 30 GB + 256 MB = 30.25 GB > 30: 8 vCPU, 16 GB + 4 GB steps -> 32 GB.
    QTest::newRow("4vcpu-30gb") << 4.0 << 30720.0 << 8.0 << 32.0;
}

void TestEksCost::fargateSize()
{
    QFETCH(double, vcpu);
    QFETCH(double, memoryMb);
    QFETCH(double, sizeVcpu);
    QFETCH(double, sizeGb);
    const auto size = EksFargateModel::fargateSize(vcpu, memoryMb);
    QVERIFY(size);
    QCOMPARE(size->first, sizeVcpu);
    QCOMPARE(size->second, sizeGb);
    // 16 vCPU / 120 GB + 256 MB fits no size.
    QVERIFY(!EksFargateModel::fargateSize(16, 120 * 1024));
}

void TestEksCost::fargate_billAndControlPlane()
{
    // 10 pods of 0.5 vCPU / 1024 MB all month, each on 0.5 vCPU / 2 GB: 7,300 pod-hours.
    //   vCPU 7,300 x 0.5 x 0.04048 = 147.752; memory 7,300 x 2 x 0.004445 = 64.897;
    //   control plane 730 x 0.10 = 73. Total 285.649.
    const auto e = evaluateText(scenarioWith(Constant, R"({"id": "f", "platform": "eks-fargate", "podVcpu": 0.5, "podMemoryMb": 1024, "pods": 10})"));
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const OptionResult &o = e->options[0];
    QVERIFY(o.feasible);
    QVERIFY(near(lineCost(o, "vCPU"), 147.752));
    QVERIFY(near(lineCost(o, "memory"), 64.897));
    QVERIFY(near(lineCost(o, "EKS control plane"), 73.0));
    QVERIFY(near(o.monthlyCost, 285.649));
    // arm64 is not offered for EKS pods on Fargate.
    const auto arm = evaluateText(
        scenarioWith(Constant, R"({"id": "f", "platform": "eks-fargate", "podVcpu": 0.5, "podMemoryMb": 1024, "pods": 10, "architecture": "arm64"})"));
    QVERIFY2(arm.ok(), arm.error().toString().c_str());
    QVERIFY(!arm->options[0].feasible);
}

void TestEksCost::controlPlane_monthly_data()
{
    QTest::addColumn<QString>("tier");
    QTest::addColumn<double>("monthly");
    // AWS: "$0.10 per cluster per hour" (standard), "a total of $0.60 per cluster per hour"
    // (extended support); a 730-hour month: $73.00 and $438.00.
    QTest::newRow("standard") << QStringLiteral("standard") << 73.0;
    QTest::newRow("extended") << QStringLiteral("extended") << 438.0;
}

void TestEksCost::controlPlane_monthly()
{
    QFETCH(QString, tier);
    QFETCH(double, monthly);
    for (const char *platform : {"eks-fargate", "eks-ec2"}) {
        const auto e = evaluateText(scenarioWith(
            Constant, std::string(R"({"id": "c", "platform": ")") + platform
                + R"(", "podVcpu": 0.5, "podMemoryMb": 1024, "pods": 1, "nodeTypes": ["m5.large"], "controlPlane": ")"
                + tier.toStdString() + R"("})"));
        QVERIFY2(e.ok(), e.error().toString().c_str());
        const LineItem *cp = line(e->options[0], "EKS control plane");
        QVERIFY(cp);
        QVERIFY(near(cp->cost, monthly));
        QCOMPARE(cp->quantity, 730.0);
    }
}

void TestEksCost::ec2_reservationsCostANode()
{
    // 10 pods of 0.5 vCPU / 1024 MiB on m5.large. The node allocates 1930m CPU; aws-node takes
    // 50m: 1880m = 1925.12 units, 3 pods of 512 (memory 7311 MiB holds 7; the cap 27). 10 pods:
    // 4 nodes. 4 x 730 x 0.096 = 280.32, + 73 control plane = 353.32.
    // ECS on EC2 fits 4 tasks on the same type (2048 units, 7729 MiB): 3 instances.
    const auto e = evaluateText(scenarioWith(
        Constant, R"({"id": "k", "platform": "eks-ec2", "podVcpu": 0.5, "podMemoryMb": 1024, "pods": 10, "nodeTypes": ["m5.large"]},
                     {"id": "e", "platform": "ecs-ec2", "taskVcpu": 0.5, "taskMemoryMb": 1024, "tasks": 10, "instanceTypes": ["m5.large"]})"));
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const OptionResult &k = e->options[0];
    QVERIFY(k.feasible);
    QCOMPARE(k.fleet.peak, 4.0);
    QVERIFY(near(lineCost(k, "on-demand nodes"), 280.32));
    QVERIFY(near(k.monthlyCost, 353.32));
    QCOMPARE(e->options[1].fleet.peak, 3.0);
    const auto *d = k.detailsAs<EksEc2Details>();
    QVERIFY(d);
    QCOMPARE(d->nodes.size(), std::size_t(1));
    QCOMPARE(d->nodes[0].allocatableCpuMillicores, 1930.0);
    QCOMPARE(d->nodes[0].daemonSetCpuMillicores, 50.0);
    QCOMPARE(d->nodes[0].podsBesideDaemonSets, 27LL);
    // Without the reservations 3 nodes would do: they add one m5.large an hour.
    QVERIFY(near(d->reservationsHourly, 0.096));
}

void TestEksCost::ec2_podCapAndPrefixDelegation()
{
    // t3.micro: 4 pods, 2 of them the DaemonSets: 2 pods of 0.1 vCPU / 64 MiB a node, 10 pods on
    // 5 nodes. With prefix delegation 34 pods (32 beside the DaemonSets); kube-reserved memory
    // stays 299 MiB, so memory binds: 1024 x 7985/8192 = 998 - 299 - 100 = 599 MiB, 9 pods of 64:
    // 2 nodes.
    const std::string pods = R"("podVcpu": 0.1, "podMemoryMb": 64, "pods": 10, "nodeTypes": ["t3.micro"])";
    const auto plain = evaluateText(scenarioWith(Constant, R"({"id": "k", "platform": "eks-ec2", )" + pods + "}"));
    QVERIFY2(plain.ok(), plain.error().toString().c_str());
    QCOMPARE(plain->options[0].fleet.peak, 5.0);
    const auto pd = evaluateText(scenarioWith(Constant, R"({"id": "k", "platform": "eks-ec2", "prefixDelegation": true, )" + pods + "}"));
    QVERIFY2(pd.ok(), pd.error().toString().c_str());
    QCOMPARE(pd->options[0].fleet.peak, 2.0);
}

void TestEksCost::ec2_userDaemonSetTakesRoom()
{
    // 14 pods of 0.25 vCPU / 256 MiB on m5.large: 1880m = 1925.12 units hold 7 (256 each): 2
    // nodes. A logging DaemonSet of 200m leaves 1680m = 1720.32 units: 6 a node, 3 nodes.
    const std::string pods = R"("podVcpu": 0.25, "podMemoryMb": 256, "pods": 14, "nodeTypes": ["m5.large"])";
    const auto plain = evaluateText(scenarioWith(Constant, R"({"id": "k", "platform": "eks-ec2", )" + pods + "}"));
    QVERIFY2(plain.ok(), plain.error().toString().c_str());
    QCOMPARE(plain->options[0].fleet.peak, 2.0);
    const auto logged = evaluateText(scenarioWith(
        Constant, R"({"id": "k", "platform": "eks-ec2", "daemonSets": [{"name": "fluent-bit", "podVcpu": 0.2, "podMemoryMb": 200}], )" + pods + "}"));
    QVERIFY2(logged.ok(), logged.error().toString().c_str());
    QCOMPARE(logged->options[0].fleet.peak, 3.0);
    const auto *d = logged->options[0].detailsAs<EksEc2Details>();
    QVERIFY(d);
    QCOMPARE(d->daemonSets, (std::vector<std::string>{"aws-node", "kube-proxy", "fluent-bit"}));
    // The packing view's groups: the pods, then one pod of each DaemonSet on every node.
    QCOMPARE(d->packing.groups.size(), std::size_t(4));
    QCOMPARE(d->packing.optimised.runs.front().tasks.back(), 1.0);
}

void TestEksCost::ec2_schedulerBesideOptimiser()
{
    // Two deployments on three candidate types: the optimised fleet is never dearer than the
    // kube-scheduler's, nor cheaper than the lower bound.
    const auto e = evaluateText(scenarioWith(Constant, R"({"id": "k", "platform": "eks-ec2", "nodeTypes": ["m5.large", "c5.xlarge", "r5.large"],
        "podGroups": [{"name": "api", "podVcpu": 0.5, "podMemoryMb": 1024, "pods": 23},
                      {"name": "worker", "podVcpu": 1, "podMemoryMb": 3072, "pods": 7}]})"));
    QVERIFY2(e.ok(), e.error().toString().c_str());
    const auto *d = e->options[0].detailsAs<EksEc2Details>();
    QVERIFY(d);
    QVERIFY(d->packing.scheduler);
    QVERIFY(d->packing.scheduler->hourlyCost >= d->packing.optimised.hourlyCost - 1e-9);
    QVERIFY(near(d->packing.savingsHourly, d->packing.scheduler->hourlyCost - d->packing.optimised.hourlyCost));
    QVERIFY(d->packing.lowerBoundHourly);
    QVERIFY(*d->packing.lowerBoundHourly <= d->packing.optimised.hourlyCost + 1e-9);
    double pods = 0;
    for (const auto &run : d->packing.optimised.runs)
        pods += static_cast<double>(run.instances) * (run.tasks[0] + run.tasks[1]);
    QCOMPARE(pods, 30.0);
}

void TestEksCost::ec2_wrongArchitectureIsAnError()
{
    const auto e = evaluateText(scenarioWith(
        Constant, R"({"id": "k", "platform": "eks-ec2", "podVcpu": 0.5, "podMemoryMb": 1024, "pods": 2, "nodeTypes": ["m7g.large"]})"));
    QVERIFY(!e.ok());
    QVERIFY2(e.error().toString().find("nodeTypes[0]") != std::string::npos, e.error().toString().c_str());
    const auto arm = evaluateText(scenarioWith(
        Constant, R"({"id": "k", "platform": "eks-ec2", "architecture": "arm64", "podVcpu": 0.5, "podMemoryMb": 1024, "pods": 2, "nodeTypes": "auto"})"));
    QVERIFY2(arm.ok(), arm.error().toString().c_str());
    QVERIFY(Kube::isArm64(arm->options[0].detailsAs<EksEc2Details>()->nodeType));
}

void TestEksCost::noEksPrice_isAnError()
{
    const std::string sheet = R"({"format": "costscape-prices", "version": 1, "name": "no eks", "currency": "USD",
        "regions": {"us-east-1": {"ec2": {"m5.large": {"vcpu": 2, "memoryGib": 8, "onDemandHourly": {"linux": 0.096}}}}}})";
    const auto e = evaluateText(scenarioWith(
        Constant, R"({"id": "k", "platform": "eks-ec2", "podVcpu": 0.5, "podMemoryMb": 1024, "pods": 2, "nodeTypes": ["m5.large"]})"), sheet);
    QVERIFY(!e.ok());
    QVERIFY2(e.error().toString().find("no Amazon EKS control-plane price for us-east-1") != std::string::npos,
             e.error().toString().c_str());
}

void TestEksCost::podGroupsAndPodVcpu_isAnError()
{
    const auto e = evaluateText(scenarioWith(Constant, R"({"id": "k", "platform": "eks-fargate", "podVcpu": 0.5,
        "podGroups": [{"name": "api", "podVcpu": 0.5, "podMemoryMb": 1024, "pods": 2}]})"));
    QVERIFY(!e.ok());
    QVERIFY2(e.error().toString().find("not both") != std::string::npos, e.error().toString().c_str());
}

QTEST_APPLESS_MAIN(TestEksCost)
#include "tst_ekscost.moc"
