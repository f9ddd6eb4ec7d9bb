// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editors/lambdamanagedform.h"

#include "ui/editors/instancetypes.h"
#include "ui/editors/numberfield.h"

#include "models/platforms/lambdamanaged/lambdamanagedmodel.h"
#include "models/scenario/scenariorules.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QVBoxLayout>

namespace Costscape::Ui {

using Models::LambdaManagedSpec;

namespace {

const QString TypeKey = QStringLiteral("lambdaManaged.instanceType");
const QString Auto = QStringLiteral("auto");

} // namespace

LambdaManagedForm::LambdaManagedForm(QWidget *parent)
    : PlatformForm(Models::Platform::LambdaManaged, parent)
    , m_bound(
          *this, [this] { return &specAs<LambdaManagedSpec>(); },
          [this](const LambdaManagedSpec &next, const QString &key) { commit(next, key); })
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *box = new QGroupBox(tr("Lambda Managed Instances"), this);
    outer->addWidget(box);
    QFormLayout *form = newForm(box);

    m_instanceType = new QComboBox(box);
    const QString typeTip = tr("The EC2 instance type Lambda runs the function on, or Auto: the cheapest type of the "
                               "price sheet that serves the workload (C, M and R families, .large and larger).");
    m_instanceType->setToolTip(typeTip);
    QWidget *typeRow = withMessage(TypeKey, m_instanceType);
    form->addRow(tr("Instance &type:"), typeRow);
    form->labelForField(typeRow)->setToolTip(typeTip);
    addField(TypeKey, m_instanceType, tr("Instance type"));
    connect(m_instanceType, &QComboBox::activated, this, [this](int index) {
        if (isUpdating() || index < 0)
            return;
        LambdaManagedSpec next = specAs<LambdaManagedSpec>();
        next.instanceType = m_instanceType->itemData(index).toString().toStdString();
        commit(next, TypeKey);
    });

    m_bound.addChoice(form,
                      {.key = QStringLiteral("lambdaManaged.runtime"),
                       .label = tr("&Runtime:"),
                       .items = {{QStringLiteral("nodejs"), tr("Node.js (64 per vCPU)")},
                                 {QStringLiteral("python"), tr("Python (16 per vCPU)")},
                                 {QStringLiteral("java"), tr("Java (32 per vCPU)")},
                                 {QStringLiteral("dotnet"), tr(".NET (32 per vCPU)")}},
                       .toolTip = tr("Sets how many requests one vCPU serves at once, as AWS's runtime defaults. "
                                     "Default: Node.js.")},
                      &LambdaManagedSpec::runtime);
    m_bound.addNumber(form,
                      {.key = QStringLiteral("lambdaManaged.memoryPerVcpuGb"),
                       .label = tr("Memory per &vCPU:"),
                       .rule = NumberRule::range(2, 8, "GB"),
                       .unit = tr("GB"),
                       .toolTip = tr("The execution environment's memory per vCPU, 2 (C families) to 8 (R families); "
                                     "with the memory it sets the vCPUs. Default: 2."),
                       .fallback = 2.0,
                       .placeholder = QStringLiteral("2")},
                      &LambdaManagedSpec::memoryPerVcpuGb);
    m_bound.addNumber(form,
                      {.key = QStringLiteral("lambdaManaged.concurrencyPerVcpu"),
                       .label = tr("&Concurrency per vCPU:"),
                       .rule = NumberRule::range(1, 1600, "requests"),
                       .unit = tr("requests"),
                       .toolTip = tr("Requests one vCPU serves at once; empty: the runtime's default."),
                       .optional = true},
                      &LambdaManagedSpec::concurrencyPerVcpu);
    m_bound.addNumber(form,
                      {.key = QStringLiteral("lambdaManaged.minInstances"),
                       .label = tr("M&inimum instances:"),
                       .rule = NumberRule::count(0, 15000),
                       .unit = tr("instances"),
                       .toolTip = tr("Instances kept running at all times; AWS starts three, one per Availability "
                                     "Zone. Default: 3."),
                       .fallback = 3.0,
                       .placeholder = QStringLiteral("3")},
                      &LambdaManagedSpec::minInstances);
    m_bound.addNumber(form,
                      {.key = QStringLiteral("lambdaManaged.maxInstances"),
                       .label = tr("Ma&ximum instances:"),
                       .rule = NumberRule::count(1, 15000),
                       .unit = tr("instances"),
                       .toolTip = tr("The most instances the capacity provider may run; empty: its default of "
                                     "400 vCPUs."),
                       .optional = true},
                      &LambdaManagedSpec::maxInstances);
    m_bound.addNumber(form,
                      {.key = QStringLiteral("lambdaManaged.targetUtilization"),
                       .label = tr("Target &utilisation:"),
                       .rule = Models::Rules::TargetUtilization,
                       .unit = QString(),
                       .toolTip = tr("The share of the environments' concurrency the fleet is sized to use; the rest "
                                     "absorbs growth while instances are added. Default: 0.5."),
                       .fallback = 0.5,
                       .placeholder = QStringLiteral("0.5")},
                      &LambdaManagedSpec::targetUtilization);
}

LambdaManagedForm::~LambdaManagedForm() = default;

QString LambdaManagedForm::memoryLabel() const
{
    return tr("&Memory per environment:");
}

QString LambdaManagedForm::memoryHint() const
{
    return tr("One execution environment, shared by concurrent requests: at least %1 MB and 1 vCPU. Empty: %1 MB.")
        .arg(Models::LambdaManagedModel::MinEnvironmentMemoryMb);
}

void LambdaManagedForm::sheetChanged()
{
    m_instanceType->clear();
    m_instanceType->addItem(tr("Auto (cheapest that serves)"), Auto);
    const FormContext &c = context();
    for (const Pricing::Ec2InstanceType *type : sortedInstanceTypes(c.regionPrices()))
        if (Models::LambdaManagedModel::runsOn(*type))
            m_instanceType->addItem(instanceTypeText(*type, c.currency()), qs(type->name));
}

void LambdaManagedForm::showInstanceType()
{
    const QString type = qs(specAs<LambdaManagedSpec>().instanceType);
    int index = m_instanceType->findData(type);
    if (index < 0) {
        // A type the sheet lacks (or one LMI is not known to run on) is still shown, as written.
        m_instanceType->addItem(type, type);
        index = m_instanceType->count() - 1;
    }
    m_instanceType->setCurrentIndex(index);
}

void LambdaManagedForm::showFields(bool force)
{
    m_bound.show(specAs<LambdaManagedSpec>(), force);
    showInstanceType();
}

void LambdaManagedForm::updateState()
{
    const LambdaManagedSpec &s = specAs<LambdaManagedSpec>();
    const double perVcpu = Models::LambdaManagedModel::defaultConcurrencyPerVcpu(s.runtime);
    numberField(QStringLiteral("lambdaManaged.concurrencyPerVcpu"))
        ->setPlaceholder(tr("%1 (%2)").arg(perVcpu).arg(qs(s.runtime)));
}

} // namespace Costscape::Ui
