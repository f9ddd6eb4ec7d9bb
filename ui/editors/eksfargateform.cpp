// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editors/eksfargateform.h"

#include "ui/editors/fleetform.h"

#include "models/platforms/eksfargate/eksfargatemodel.h"
#include "models/scenario/scenariorules.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace Costscape::Ui {

using Models::EksFargateSpec;

EksFargateForm::EksFargateForm(QWidget *parent)
    : PlatformForm(Models::Platform::EksFargate, parent)
    , m_bound(
          *this, [this] { return &specAs<EksFargateSpec>(); },
          [this](const EksFargateSpec &next, const QString &key) { commit(next, key); })
{
    using Bound = FieldBindings<EksFargateSpec>;
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *box = new QGroupBox(tr("EKS on Fargate pods"), this);
    outer->addWidget(box);
    QFormLayout *form = newForm(box);
    m_bound.addNumber(form,
                      {.key = QStringLiteral("eksFargate.podVcpu"),
                       .label = tr("Pod CPU &request:"),
                       .rule = NumberRule::range(0.001, 192, "vCPU"),
                       .unit = tr("vCPU"),
                       .toolTip = tr("The CPU one pod requests; Fargate rounds it up to 0.25, 0.5, 1, 2, 4, 8 or 16 vCPU.")},
                      [](const EksFargateSpec &s) { return Bound::present(s.podGroups.empty() ? 0.0 : s.podGroups[0].podVcpu); },
                      [](EksFargateSpec &s, std::optional<double> v) {
                          if (v && !s.podGroups.empty())
                              s.podGroups[0].podVcpu = *v;
                      });
    m_bound.addNumber(form,
                      {.key = QStringLiteral("eksFargate.podMemoryMb"),
                       .label = tr("Pod &memory request:"),
                       .rule = Models::Rules::TaskMemoryMib,
                       .unit = tr("MB"),
                       .toolTip = tr("The memory one pod requests; Fargate adds 256 MB for the kubelet, kube-proxy and "
                                     "containerd, then rounds up to the next size it offers.")},
                      [](const EksFargateSpec &s) { return Bound::present(s.podGroups.empty() ? 0.0 : s.podGroups[0].podMemoryMb); },
                      [](EksFargateSpec &s, std::optional<double> v) {
                          if (v && !s.podGroups.empty())
                              s.podGroups[0].podMemoryMb = *v;
                      });
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
    connect(m_fleet, &FleetForm::fleetEdited, this, [this](const Models::FleetSpec &fleet, const QString &key) {
        EksFargateSpec next = specAs<EksFargateSpec>();
        if (next.podGroups.empty())
            return;
        next.podGroups[0].fleet = fleet;
        commit(next, key);
    });
}

EksFargateForm::~EksFargateForm() = default;

void EksFargateForm::showFields(bool force)
{
    const EksFargateSpec &s = specAs<EksFargateSpec>();
    m_bound.show(s, force);
    if (!s.podGroups.empty())
        m_fleet->showFleet(s.podGroups[0].fleet, force);
}

void EksFargateForm::updateState()
{
    const EksFargateSpec &s = specAs<EksFargateSpec>();
    if (s.podGroups.empty())
        return;
    const auto size = Models::EksFargateModel::fargateSize(s.podGroups[0].podVcpu, s.podGroups[0].podMemoryMb);
    m_size->setText(size ? tr("Runs on %1 vCPU / %2 GB (memory + 256 MB, rounded up).").arg(size->first).arg(size->second)
                         : tr("No Fargate size holds this pod (at most 16 vCPU and 120 GB)."));
}

} // namespace Costscape::Ui
