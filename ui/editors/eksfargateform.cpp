// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editors/eksfargateform.h"

#include "ui/editors/fleetform.h"
#include "ui/editors/grouprows.h"

#include "models/platforms/eksfargate/eksfargatemodel.h"
#include "models/scenario/scenariorules.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace Costscape::Ui {

using Models::EksFargateSpec;
using Models::PodGroup;

EksFargateForm::EksFargateForm(QWidget *parent)
    : PlatformForm(Models::Platform::EksFargate, parent)
    , m_groupBound(
          *this, [this] { return m_groups->current(); },
          [this](const PodGroup &next, const QString &key) { m_groups->commitGroup(next, key); })
    , m_bound(
          *this, [this] { return &specAs<EksFargateSpec>(); },
          [this](const EksFargateSpec &next, const QString &key) { commit(next, key); })
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *box = new QGroupBox(tr("EKS on Fargate pods"), this);
    outer->addWidget(box);
    QFormLayout *form = newForm(box);
    m_groups = std::make_unique<GroupRows<PodGroup>>(
        *this, form,
        GroupRowsText{.prefix = QStringLiteral("eksFargate"),
                      .listKey = QStringLiteral("eksFargate.podGroups"),
                      .listTitle = tr("Pod groups"),
                      .choiceTip = tr("The pod group (a Deployment) the fields below and the fleet edit; each pod runs "
                                      "on its own Fargate capacity."),
                      .addTitle = tr("Add pod group"),
                      .addTip = tr("Add a pod group: another Deployment in the cluster."),
                      .removeTitle = tr("Remove pod group"),
                      .removeTip = tr("Remove the pod group shown; a cluster keeps at least one."),
                      .nameTip = tr("The group's name in results; the file keeps it when the option has several groups."),
                      .newName = tr("deployment %1"),
                      .fleetTitle = tr("Fleet of pods")},
        [this]() -> const std::vector<PodGroup> & { return specAs<EksFargateSpec>().podGroups; },
        [this](std::vector<PodGroup> groups, const QString &key) {
            EksFargateSpec next = specAs<EksFargateSpec>();
            next.podGroups = std::move(groups);
            commit(next, key);
        },
        [this](const PodGroup &g, bool force) {
            m_groupBound.show(g, force);
            showSize(g); // another group chosen: its size
        });
    m_groupBound.addNumber(form,
                           {.key = QStringLiteral("eksFargate.podVcpu"),
                            .label = tr("Pod CPU &request:"),
                            .rule = NumberRule::range(0.001, 192, "vCPU"),
                            .unit = tr("vCPU"),
                            .toolTip = tr("The CPU one pod requests; Fargate rounds it up to 0.25, 0.5, 1, 2, 4, 8 or 16 vCPU.")},
                           &PodGroup::podVcpu);
    m_groupBound.addNumber(form,
                           {.key = QStringLiteral("eksFargate.podMemoryMb"),
                            .label = tr("Pod &memory request:"),
                            .rule = Models::Rules::TaskMemoryMib,
                            .unit = tr("MB"),
                            .toolTip = tr("The memory one pod requests; Fargate adds 256 MB for the kubelet, kube-proxy and "
                                          "containerd, then rounds up to the next size it offers.")},
                           &PodGroup::podMemoryMb);
    m_size = newHint(box);
    form->addRow(QString(), m_size);
    m_bound.addChoice(form,
                      {.key = QStringLiteral("eksFargate.architecture"),
                       .label = tr("&Architecture:"),
                       .items = {{QStringLiteral("x86_64"), QStringLiteral("x86_64")}, {QStringLiteral("arm64"), tr("arm64 (not on EKS)")}},
                       .toolTip = tr("Fargate runs EKS pods on x86_64 only; arm64 is priced as infeasible. Default: x86_64.")},
                      &EksFargateSpec::architecture);
    m_bound.addChoice(
        form,
        {.key = QStringLiteral("eksFargate.controlPlane"),
         .label = tr("&Control plane:"),
         .items = {{QStringLiteral("standard"), tr("Standard support ($0.10/h)")},
                   {QStringLiteral("extended"), tr("Extended support ($0.60/h)")}},
         .toolTip = tr("The cluster's Kubernetes version: in standard support, or in extended support after it.")},
        [](const EksFargateSpec &s) { return qs(Models::controlPlaneName(s.controlPlane)); },
        [](EksFargateSpec &s, const QString &v) {
            s.controlPlane = v == QStringLiteral("extended") ? Models::ControlPlaneTier::Extended : Models::ControlPlaneTier::Standard;
        });

    m_fleet = new FleetForm(FleetForm::Unit::Pods, this);
    outer->addWidget(m_fleet);
    addSubForm(m_fleet);
    m_groups->setFleet(m_fleet);
}

EksFargateForm::~EksFargateForm() = default;

void EksFargateForm::showFields(bool force)
{
    // The pod group first (another option: its first): the fields below read the group it picks.
    m_groups->show(force);
    m_bound.show(specAs<EksFargateSpec>(), force);
}

void EksFargateForm::updateState()
{
    m_groups->showState();
    if (const PodGroup *g = m_groups->current())
        showSize(*g);
}

void EksFargateForm::showSize(const PodGroup &group)
{
    const auto size = Models::EksFargateModel::fargateSize(group.podVcpu, group.podMemoryMb);
    m_size->setText(size ? tr("Runs on %1 vCPU / %2 GB (memory + 256 MB, rounded up).").arg(size->first).arg(size->second)
                         : tr("No Fargate size holds this pod (at most 16 vCPU and 120 GB)."));
}

} // namespace Costscape::Ui
