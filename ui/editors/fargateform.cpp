// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editors/fargateform.h"

#include "ui/editors/fleetform.h"

#include "models/platforms/fargate/fargatemodel.h"
#include "models/scenario/scenariorules.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace Costscape::Ui {

using Models::FargateSpec;

FargateForm::FargateForm(QWidget *parent)
    : PlatformForm(Models::Platform::Fargate, parent)
    , m_bound(
          *this, [this] { return &specAs<FargateSpec>(); },
          [this](const FargateSpec &next, const QString &key) { commit(next, key); })
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *box = new QGroupBox(tr("AWS Fargate task"), this);
    outer->addWidget(box);
    QFormLayout *form = newForm(box);

    m_bound.addChoice(form,
                      {.key = QStringLiteral("fargate.os"),
                       .label = tr("&Operating system:"),
                       .items = {{QStringLiteral("linux"), tr("Linux")}, {QStringLiteral("windows"), tr("Windows")}},
                       .toolTip = tr("Windows tasks pay a licence fee per vCPU-hour and need at least 1 vCPU. Default: Linux.")},
                      &FargateSpec::os);
    m_bound.addChoice(form,
                      {.key = QStringLiteral("fargate.architecture"),
                       .label = tr("&Architecture:"),
                       .items = {{QStringLiteral("x86_64"), QStringLiteral("x86_64")}, {QStringLiteral("arm64"), tr("arm64 (Graviton)")}},
                       .toolTip = tr("The processor of the task; arm64 (Graviton) costs about 20% less. Default: x86_64.")},
                      &FargateSpec::architecture);
    m_bound.addNumber(form,
                      {.key = QStringLiteral("fargate.taskVcpu"),
                       .label = tr("Task &vCPU:"),
                       .rule = Models::Rules::TaskVcpu,
                       .unit = tr("vCPU"),
                       .toolTip = tr("The vCPUs of one task: 0.25, 0.5, 1, 2, 4, 8 or 16. AWS bills them per vCPU-hour.")},
                      &FargateSpec::taskVcpu);
    m_bound.addNumber(form,
                      {.key = QStringLiteral("fargate.taskMemoryGb"),
                       .label = tr("Task memor&y:"),
                       .rule = Models::Rules::TaskMemoryGb,
                       .unit = tr("GB"),
                       .toolTip = tr("The memory of one task; only the sizes AWS offers for the vCPUs chosen. AWS bills "
                                     "it per GB-hour.")},
                      &FargateSpec::taskMemoryGb);
    m_sizeHint = newHint(box);
    // Amber, not the error red: the value is kept and priced as infeasible, not refused.
    m_sizeHint->setStyleSheet(QStringLiteral("color: #b26a00;"));
    form->addRow(QString(), m_sizeHint);
    m_bound.addFlag(form,
                    {.key = QStringLiteral("fargate.spot"),
                     .text = tr("Fargate &Spot"),
                     .toolTip = tr("Run on spare capacity at a discount; AWS may stop a task with two minutes' "
                                   "notice. Linux only (x86_64 and arm64).")},
                    &FargateSpec::spot);
    m_bound.addNumber(form,
                      {.key = QStringLiteral("fargate.spotDiscount"),
                       .label = tr("Spot &discount:"),
                       .rule = Models::Rules::SpotDiscount,
                       .unit = tr("off"),
                       .toolTip = tr("The fraction off the on-demand rates (0.7 is 70% off), for price sheets without "
                                     "Fargate Spot rates. The sheet's Spot rates win when it has them."),
                       .optional = true},
                      &FargateSpec::spotDiscount);
    m_bound.addNumber(form,
                      {.key = QStringLiteral("fargate.ephemeralStorageGb"),
                       .label = tr("&Ephemeral storage:"),
                       .rule = Models::Rules::FargateEphemeralGb,
                       .unit = tr("GB"),
                       .toolTip = tr("The task's storage, 20 to 200 GB; AWS bills what is above the included 20 GB per "
                                     "GB-hour. Default: 20 GB."),
                       .fallback = 20.0,
                       .placeholder = QStringLiteral("20")},
                      &FargateSpec::ephemeralStorageGb);

    m_fleet = new FleetForm(FleetForm::Unit::Tasks, this);
    outer->addWidget(m_fleet);
    addSubForm(m_fleet);
    connect(m_fleet, &FleetForm::fleetEdited, this, [this](const Models::FleetSpec &fleet, const QString &key) {
        FargateSpec next = specAs<FargateSpec>();
        next.fleet = fleet;
        commit(next, key);
    });
}

FargateForm::~FargateForm() = default;

void FargateForm::showFields(bool force)
{
    const FargateSpec &s = specAs<FargateSpec>();
    m_bound.show(s, force);
    m_fleet->showFleet(s.fleet, force);
}

void FargateForm::updateState()
{
    const FargateSpec &s = specAs<FargateSpec>();
    // Said here, since the evaluator can only call the option infeasible.
    const std::string invalid = Models::FargateModel::invalidTaskSize(s.taskVcpu, s.taskMemoryGb, s.os);
    m_sizeHint->setText(invalid.empty() ? QString() : tr("AWS does not offer this task size: %1.").arg(qs(invalid)));
    m_sizeHint->setVisible(!invalid.empty());
    const FormContext &c = context();
    const bool sheetSpotRates = c.sheet && c.sheet->fargate(c.region.toStdString(), "linux", "x86_64", true);
    NumberField *discount = numberField(QStringLiteral("fargate.spotDiscount"));
    discount->setPlaceholder(sheetSpotRates ? tr("sheet's Spot rates") : tr("not set"));
    discount->setEnabled(s.spot);
}

} // namespace Costscape::Ui
