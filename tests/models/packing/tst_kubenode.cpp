// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// What a Kubernetes node offers as the EKS-optimised AMI configures its kubelet: max pods from the
// ENIs (checked against the values AWS lists), kube-reserved CPU and memory as the AMI's bootstrap
// computes them, allocatable; and the default kube-scheduler's LeastAllocated placement.

#include "models/packing/ecspacking.h"
#include "models/packing/kubenode.h"
#include "models/packing/kubescheduler.h"
#include "pricing/pricesheet.h"

#include <QTest>

using namespace Costscape;
using namespace Costscape::Models;

class TestKubeNode : public QObject
{
    Q_OBJECT

private slots:
    void maxPods_asAwsListsThem_data();
    void maxPods_asAwsListsThem();
    void maxPods_prefixDelegation_data();
    void maxPods_prefixDelegation();
    void kubeReservedCpu_data();
    void kubeReservedCpu();
    void kubeReservedMemory_data();
    void kubeReservedMemory();
    void allocatable_m5large();
    void unknownType_getsTheKubeletDefault();
    void architecture();
    void scheduler_spreadsAndCostsANode();
    void scheduler_podThatFitsNoNode();
};

void TestKubeNode::maxPods_asAwsListsThem_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<long long>("maxPods");
    // awslabs/amazon-eks-ami@2377b69aaeb8d751af1a265c2bfbeb94e6f6da90:templates/shared/runtime/eni-max-pods.txt
    // (the same rows in aws/amazon-vpc-cni-k8s misc/eni-max-pods.txt, e.g. "m5.large 29", "t3.micro 4").
    QTest::newRow("t3.micro") << QStringLiteral("t3.micro") << 4LL;
    QTest::newRow("t3.small") << QStringLiteral("t3.small") << 11LL;
    QTest::newRow("t3a.small") << QStringLiteral("t3a.small") << 8LL;
    QTest::newRow("m5.large") << QStringLiteral("m5.large") << 29LL;
    QTest::newRow("m5.xlarge") << QStringLiteral("m5.xlarge") << 58LL;
    QTest::newRow("c5.4xlarge") << QStringLiteral("c5.4xlarge") << 234LL;
    QTest::newRow("m7g.medium") << QStringLiteral("m7g.medium") << 8LL;
    QTest::newRow("r7g.2xlarge") << QStringLiteral("r7g.2xlarge") << 58LL;
}

void TestKubeNode::maxPods_asAwsListsThem()
{
    QFETCH(QString, type);
    QFETCH(long long, maxPods);
    const auto limits = Kube::eniLimits(type.toStdString());
    QVERIFY(limits);
    QCOMPARE(Kube::maxPodsFromEnis(*limits), maxPods);
}

void TestKubeNode::maxPods_prefixDelegation_data()
{
    QTest::addColumn<int>("enis");
    QTest::addColumn<int>("ips");
    QTest::addColumn<double>("vcpu");
    QTest::addColumn<long long>("maxPods");
    // max-pods-calculator.sh: enis x ((ips - 1) x 16) + 2, at most 110 (250 above 30 vCPUs).
    // t3.micro: 2 x (1 x 16) + 2 = 34, under the cap.
    QTest::newRow("t3.micro-34") << 2 << 2 << 2.0 << 34LL;
    // m5.large: 3 x (9 x 16) + 2 = 434, capped at 110.
    QTest::newRow("m5.large-110") << 3 << 10 << 2.0 << 110LL;
    // A 48-vCPU type with 15 ENIs of 50 addresses: 11,762, capped at 250.
    QTest::newRow("48-vcpu-250") << 15 << 50 << 48.0 << 250LL;
    // Exactly 30 vCPUs is not "more than 30": 110.
    QTest::newRow("30-vcpu-110") << 8 << 30 << 30.0 << 110LL;
}

void TestKubeNode::maxPods_prefixDelegation()
{
    QFETCH(int, enis);
    QFETCH(int, ips);
    QFETCH(double, vcpu);
    QFETCH(long long, maxPods);
    QCOMPARE(Kube::maxPodsWithPrefixDelegation({enis, ips}, vcpu), maxPods);
}

void TestKubeNode::kubeReservedCpu_data()
{
    QTest::addColumn<double>("vcpu");
    QTest::addColumn<long long>("millicores");
    // bootstrap.sh: 6% of the first core (60m), 1% of the second (10m), 0.5% of cores 3-4 (10m),
    // 0.25% above 4 (2.5m a core). Karpenter's generated instance-types table shows the same
    // allocatable: 1 vCPU 940m, 2 vCPU 1930m, 4 vCPU 3920m, 8 vCPU 7910m, 16 vCPU 15890m.
    QTest::newRow("1-vcpu") << 1.0 << 60LL;
    QTest::newRow("2-vcpu") << 2.0 << 70LL;
    QTest::newRow("4-vcpu") << 4.0 << 80LL;
    QTest::newRow("8-vcpu") << 8.0 << 90LL;
    QTest::newRow("16-vcpu") << 16.0 << 110LL;
    // 48 cores: 60 + 10 + 10 + 44,000 x 25 / 10,000 = 110 -> 190.
    QTest::newRow("48-vcpu") << 48.0 << 190LL;
}

void TestKubeNode::kubeReservedCpu()
{
    QFETCH(double, vcpu);
    QFETCH(long long, millicores);
    QCOMPARE(Kube::kubeReservedCpuMillicores(vcpu), millicores);
}

void TestKubeNode::kubeReservedMemory_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<long long>("mib");
    // 11 x max pods + 255: t3.micro 4 -> 299, m5.large 29 -> 574, m5.xlarge 58 -> 893,
    // m5.4xlarge 234 -> 2829 (the kube-reserved column of the research table, and what Karpenter
    // subtracts: m5.large floor(8192 x 0.925) - 574 - 100 = 6903 Mi allocatable, as it lists).
    QTest::newRow("t3.micro") << QStringLiteral("t3.micro") << 299LL;
    QTest::newRow("m5.large") << QStringLiteral("m5.large") << 574LL;
    QTest::newRow("m5.xlarge") << QStringLiteral("m5.xlarge") << 893LL;
    QTest::newRow("m5.4xlarge") << QStringLiteral("m5.4xlarge") << 2829LL;
}

void TestKubeNode::kubeReservedMemory()
{
    QFETCH(QString, type);
    QFETCH(long long, mib);
    QCOMPARE(Kube::kubeReservedMemoryMib(Kube::maxPodsFromEnis(*Kube::eniLimits(type.toStdString()))), mib);
}

void TestKubeNode::allocatable_m5large()
{
    const Pricing::Ec2InstanceType *m5 = Pricing::embeddedPriceSheet().ec2("us-east-1", "m5.large");
    QVERIFY(m5);
    const Kube::NodeAllocatable n = Kube::nodeAllocatable(*m5, false);
    // Capacity: 2 cores, 8192 MiB x 7985/8192 = 7985 MiB reported.
    QCOMPARE(n.capacityCpuMillicores, 2000.0);
    QCOMPARE(n.capacityMemoryMib, 7985.0);
    QCOMPARE(n.maxPods, 29LL);
    // Allocatable = capacity - kube-reserved - eviction: 2000 - 70 = 1930m; 7985 - 574 - 100 = 7311 MiB.
    QCOMPARE(n.allocatableCpuMillicores, 1930.0);
    QCOMPARE(n.allocatableMemoryMib, 7311.0);
    // Prefix delegation raises the pod cap to 110, but kube-reserved memory stays on the ENI figure.
    const Kube::NodeAllocatable pd = Kube::nodeAllocatable(*m5, true);
    QCOMPARE(pd.maxPods, 110LL);
    QCOMPARE(pd.kubeReservedMemoryMib, 574.0);
}

void TestKubeNode::unknownType_getsTheKubeletDefault()
{
    QVERIFY(!Kube::eniLimits("x9.huge"));
    Pricing::Ec2InstanceType t;
    t.name = "x9.huge";
    t.vcpu = 4;
    t.memoryGib = 16;
    const Kube::NodeAllocatable n = Kube::nodeAllocatable(t, false);
    QVERIFY(!n.maxPodsKnown);
    QCOMPARE(n.maxPods, 110LL);
    QCOMPARE(n.kubeReservedMemoryMib, 11.0 * 110 + 255);
}

void TestKubeNode::architecture()
{
    QVERIFY(Kube::isArm64("m7g.large"));
    QVERIFY(Kube::isArm64("t4g.micro"));
    QVERIFY(Kube::isArm64("c6gd.xlarge"));
    QVERIFY(!Kube::isArm64("m5.large"));
    QVERIFY(!Kube::isArm64("g4dn.xlarge"));
    QVERIFY(!Kube::isArm64("m7i.large"));
}

void TestKubeNode::scheduler_spreadsAndCostsANode()
{
    // Nodes offering 2048 CPU units and 2048 MiB. Group a: 2 pods of 1024 units / 256 MiB;
    // group b: 2 pods of 512 units / 1792 MiB. The autoscaler's first fit puts both a pods on one
    // node (CPU full), then each b pod on a node of its own: 3 nodes. LeastAllocated then puts a1
    // on node 1, a2 on the emptier node 2, b1 on the empty node 3, b2 on node 1: still 3 nodes.
    // Two nodes hold everything (each: one a and one b, 1536 units / 2048 MiB).
    const std::vector<TaskDemand> groups{{1024, 256, 2}, {512, 1792, 2}};
    InstanceOffer offer{"n", {2048, 2048}, 1.0, 0, false};
    const Packing kube = simulateKubeScheduler(groups, offer, 0, 0);
    QVERIFY(kube.feasible);
    QCOMPARE(kube.instances, 3LL);
    const Packing best = packOptimised(groups, {offer});
    QCOMPARE(best.instances, 2LL);
    // The pod cap binds like room: at most 1 pod a node, 4 nodes.
    offer.maxTasks = 1;
    QCOMPARE(simulateKubeScheduler(groups, offer, 0, 0).instances, 4LL);
}

void TestKubeNode::scheduler_podThatFitsNoNode()
{
    const Packing p = simulateKubeScheduler({{4096, 256, 1}}, InstanceOffer{"small", {2048, 2048}, 1.0, 0, false}, 0, 0);
    QVERIFY(!p.feasible);
    QVERIFY(p.reason.find("fits no small node") != std::string::npos);
}

QTEST_APPLESS_MAIN(TestKubeNode)
#include "tst_kubenode.moc"
