// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editors/eksec2form.h"

#include "ui/editors/fleetform.h"
#include "ui/editors/grouprows.h"
#include "ui/editors/instancetypes.h"

#include "base/textformat.h"
#include "models/packing/kubenode.h"
#include "models/platforms/eksec2/eksec2model.h"
#include "models/scenario/scenariorules.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace Costscape::Ui {

using Models::EksEc2Spec;
using Models::PodGroup;
using Models::Purchase;

namespace {

const QString TypesKey = QStringLiteral("eks.nodeTypes");
const QString PodGroupsKey = QStringLiteral("eks.podGroups");
const QString Auto = QStringLiteral("auto");

QString joined(const std::vector<std::string> &types)
{
    QStringList out;
    for (const std::string &t : types)
        out << qs(t);
    return out.join(QStringLiteral(", "));
}

} // namespace

EksEc2Form::EksEc2Form(QWidget *parent)
    : PlatformForm(Models::Platform::EksEc2, parent)
    , m_groupBound(
          *this, [this] { return m_groups->current(); },
          [this](const PodGroup &next, const QString &key) { m_groups->commitGroup(next, key); })
    , m_bound(
          *this, [this] { return &specAs<EksEc2Spec>(); },
          [this](const EksEc2Spec &next, const QString &key) { commit(next, key); })
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *pods = new QGroupBox(tr("Pods"), this);
    outer->addWidget(pods);
    QFormLayout *podForm = newForm(pods);
    m_groups = std::make_unique<GroupRows<PodGroup>>(
        *this, podForm,
        GroupRowsText{.prefix = QStringLiteral("eks"),
                      .listKey = PodGroupsKey,
                      .listTitle = tr("Pod groups"),
                      .choiceTip = tr("The pod group (a Deployment) the fields below and the fleet edit. All groups "
                                      "are packed onto the same nodes."),
                      .addTitle = tr("Add pod group"),
                      .addTip = tr("Add a pod group: another Deployment sharing the cluster's nodes."),
                      .removeTitle = tr("Remove pod group"),
                      .removeTip = tr("Remove the pod group shown; a cluster keeps at least one."),
                      .nameTip = tr("The group's name in results; the file keeps it when the option has several groups."),
                      .newName = tr("deployment %1"),
                      .fleetTitle = tr("Fleet of pods")},
        [this]() -> const std::vector<PodGroup> & { return specAs<EksEc2Spec>().podGroups; },
        [this](std::vector<PodGroup> groups, const QString &key) {
            EksEc2Spec next = specAs<EksEc2Spec>();
            next.podGroups = std::move(groups);
            commit(next, key);
        },
        [this](const PodGroup &g, bool force) { m_groupBound.show(g, force); });
    m_groupBound.addNumber(podForm,
                           {.key = QStringLiteral("eks.podVcpu"),
                            .label = tr("Pod CPU &request:"),
                            .rule = NumberRule::range(0.001, 192, "vCPU"),
                            .unit = tr("vCPU"),
                            .toolTip = tr("The CPU one pod requests (0.25 is 250m); the scheduler packs pods by requests.")},
                           &PodGroup::podVcpu);
    m_groupBound.addNumber(podForm,
                           {.key = QStringLiteral("eks.podMemoryMb"),
                            .label = tr("Pod &memory request:"),
                            .rule = Models::Rules::TaskMemoryMib,
                            .unit = tr("MiB"),
                            .toolTip = tr("The memory one pod requests.")},
                           &PodGroup::podMemoryMb);

    m_fleet = new FleetForm(FleetForm::Unit::Pods, this);
    outer->addWidget(m_fleet);
    addSubForm(m_fleet);
    m_groups->setFleet(m_fleet);

    auto *cluster = new QGroupBox(tr("Cluster"), this);
    outer->addWidget(cluster);
    QFormLayout *form = newForm(cluster);
    m_bound.addChoice(form,
                      {.key = QStringLiteral("eks.architecture"),
                       .label = tr("&Architecture:"),
                       .items = {{QStringLiteral("x86_64"), QStringLiteral("x86_64")}, {QStringLiteral("arm64"), tr("arm64 (Graviton)")}},
                       .toolTip = tr("The nodes' processor; the candidate types are of this architecture. Default: x86_64.")},
                      &EksEc2Spec::architecture);
    m_nodeTypes = new QComboBox(cluster);
    const QString typesTip = tr("The nodes' instance type, or Auto: the cheapest mix of every type of the architecture "
                                "in the price sheet. A node offers its pods what the kubelet allocates, less the DaemonSets.");
    m_nodeTypes->setToolTip(typesTip);
    QWidget *typesRow = withMessage(TypesKey, m_nodeTypes);
    form->addRow(tr("&Node types:"), typesRow);
    form->labelForField(typesRow)->setToolTip(typesTip);
    addField(TypesKey, m_nodeTypes, tr("Node types"));
    connect(m_nodeTypes, &QComboBox::activated, this, [this](int index) {
        if (isUpdating() || index < 0)
            return;
        EksEc2Spec next = specAs<EksEc2Spec>();
        const QString data = m_nodeTypes->itemData(index).toString();
        next.autoNodeTypes = data == Auto;
        if (!next.autoNodeTypes) {
            next.nodeTypes.clear();
            for (const QString &t : data.split(QStringLiteral(", ")))
                next.nodeTypes.push_back(t.toStdString());
        }
        commit(next, TypesKey);
    });
    m_bound.addChoice(
        form,
        {.key = QStringLiteral("eks.purchase"),
         .label = tr("&Purchase:"),
         .items = {{qs(Models::purchaseName(Purchase::OnDemand)), tr("On-demand")}, {qs(Models::purchaseName(Purchase::Spot)), tr("Spot")}},
         .toolTip = tr("How the nodes are bought. Default: on-demand.")},
        [](const EksEc2Spec &s) { return qs(Models::purchaseName(s.purchase)); },
        [](EksEc2Spec &s, const QString &v) { s.purchase = v == qs(Models::purchaseName(Purchase::Spot)) ? Purchase::Spot : Purchase::OnDemand; });
    m_bound.addNumber(form,
                      {.key = QStringLiteral("eks.spotDiscount"),
                       .label = tr("Spot &discount:"),
                       .rule = Models::Rules::SpotDiscount,
                       .unit = tr("off"),
                       .toolTip = tr("The fraction off on-demand for types the sheet has no spot price for; empty: the "
                                     "Spot Instance Advisor's average saving."),
                       .optional = true,
                       .placeholder = tr("not set")},
                      &EksEc2Spec::spotDiscount);
    m_bound.addChoice(
        form,
        {.key = QStringLiteral("eks.controlPlane"),
         .label = tr("&Control plane:"),
         .items = {{QStringLiteral("standard"), tr("Standard support ($0.10/h)")},
                   {QStringLiteral("extended"), tr("Extended support ($0.60/h)")}},
         .toolTip = tr("The cluster's Kubernetes version: in its 14 months of standard support, or in the 12 months of "
                       "extended support after them. The price comes from the sheet.")},
        [](const EksEc2Spec &s) { return qs(Models::controlPlaneName(s.controlPlane)); },
        [](EksEc2Spec &s, const QString &v) {
            s.controlPlane = v == QStringLiteral("extended") ? Models::ControlPlaneTier::Extended : Models::ControlPlaneTier::Standard;
        });
    m_bound.addFlag(form,
                    {.key = QStringLiteral("eks.prefixDelegation"),
                     .text = tr("VPC CNI prefix &delegation"),
                     .toolTip = tr("Give each network interface /28 prefixes: more pods per node (at most 110, or 250 "
                                   "above 30 vCPUs) than one address per pod allows.")},
                    &EksEc2Spec::prefixDelegation);
    m_bound.addChoice(
        form,
        {.key = QStringLiteral("eks.autoscaler"),
         .label = tr("Node a&utoscaler:"),
         .items = {{QStringLiteral("cluster-autoscaler"), tr("Cluster Autoscaler")}, {QStringLiteral("karpenter"), tr("Karpenter")}},
         .toolTip = tr("What adds nodes in a spike: Cluster Autoscaler asks within 30 s, Karpenter batches pending pods "
                       "for up to 10 s.")},
        [](const EksEc2Spec &s) { return s.autoscaler == Models::NodeAutoscaler::Karpenter ? QStringLiteral("karpenter") : QStringLiteral("cluster-autoscaler"); },
        [](EksEc2Spec &s, const QString &v) {
            s.autoscaler = v == QStringLiteral("karpenter") ? Models::NodeAutoscaler::Karpenter : Models::NodeAutoscaler::ClusterAutoscaler;
        });
    m_daemonSets = newHint(cluster);
    m_daemonSets->setWordWrap(true);
    form->addRow(tr("DaemonSets:"), m_daemonSets);
}

EksEc2Form::~EksEc2Form() = default;

void EksEc2Form::fillNodeTypes()
{
    const EksEc2Spec &s = specAs<EksEc2Spec>();
    Updating guard(*this);
    m_nodeTypes->clear();
    m_nodeTypes->addItem(tr("Auto (cheapest mix of every %1 type)").arg(qs(s.architecture)), Auto);
    const bool arm = s.architecture == "arm64";
    const FormContext &c = context();
    for (const Pricing::Ec2InstanceType *type : sortedInstanceTypes(c.regionPrices()))
        if (Models::Kube::isArm64(type->name) == arm)
            m_nodeTypes->addItem(instanceTypeText(*type, c.currency()), qs(type->name));
    if (s.autoNodeTypes) {
        m_nodeTypes->setCurrentIndex(0);
        return;
    }
    const QString list = joined(s.nodeTypes);
    int index = m_nodeTypes->findData(list);
    if (index < 0) {
        m_nodeTypes->addItem(s.nodeTypes.size() > 1 ? tr("%1 (the file's candidates)").arg(list) : list, list);
        index = m_nodeTypes->count() - 1;
    }
    m_nodeTypes->setCurrentIndex(index);
}

void EksEc2Form::sheetChanged()
{
    fillNodeTypes();
}

void EksEc2Form::showFields(bool force)
{
    const EksEc2Spec &s = specAs<EksEc2Spec>();
    // The pod group first (another option: its first): the fields below read the group it picks.
    m_groups->show(force);
    m_bound.show(s, force);
    fillNodeTypes();
}

void EksEc2Form::updateState()
{
    const EksEc2Spec &s = specAs<EksEc2Spec>();
    numberField(QStringLiteral("eks.spotDiscount"))->setEnabled(s.purchase == Purchase::Spot);
    m_groups->showState();
    QStringList ds;
    for (const Models::DaemonSetSpec &d : Models::EksEc2Model::daemonSetsOf(s))
        ds << tr("%1 (%2m, %3 MiB)").arg(qs(d.name)).arg(d.podVcpu * 1000).arg(d.podMemoryMb);
    m_daemonSets->setText(ds.join(QStringLiteral(", ")) + tr(" on every node; the file's \"daemonSets\" adds more."));
}

} // namespace Costscape::Ui
