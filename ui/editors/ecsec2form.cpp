// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editors/ecsec2form.h"

#include "ui/editors/fleetform.h"
#include "ui/editors/grouprows.h"
#include "ui/editors/instancetypes.h"

#include "models/scenario/scenariorules.h"

#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Costscape::Ui {

using Models::EcsEc2Spec;
using Models::PlacementStrategy;
using Models::Purchase;
using Models::TaskGroup;

namespace {

const QString TypesKey = QStringLiteral("ecs.instanceTypes");
const QString TaskGroupsKey = QStringLiteral("ecs.taskGroups");

} // namespace

EcsEc2Form::EcsEc2Form(QWidget *parent)
    : PlatformForm(Models::Platform::EcsEc2, parent)
    , m_groupBound(
          *this, [this] { return m_groups->current(); },
          [this](const TaskGroup &next, const QString &key) { m_groups->commitGroup(next, key); })
    , m_clusterBound(
          *this, [this] { return &specAs<EcsEc2Spec>(); },
          [this](const EcsEc2Spec &next, const QString &key) { commit(next, key); })
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    // Built in the order they are shown, which is also the tab order.
    auto *tasks = new QGroupBox(tr("ECS tasks"), this);
    outer->addWidget(tasks);
    buildTasksGroup(tasks);

    m_fleet = new FleetForm(FleetForm::Unit::Tasks, this);
    outer->addWidget(m_fleet);
    addSubForm(m_fleet);
    m_groups->setFleet(m_fleet);

    auto *cluster = new QGroupBox(tr("ECS cluster instances"), this);
    outer->addWidget(cluster);
    buildClusterGroup(cluster);
}

EcsEc2Form::~EcsEc2Form() = default;

void EcsEc2Form::buildTasksGroup(QGroupBox *box)
{
    QFormLayout *form = newForm(box);
    m_groups = std::make_unique<GroupRows<TaskGroup>>(
        *this, form,
        GroupRowsText{.prefix = QStringLiteral("ecs"),
                      .listKey = TaskGroupsKey,
                      .listTitle = tr("Task groups"),
                      .choiceTip = tr("The task group (an ECS service) the fields below and the fleet edit. All groups "
                                      "are packed onto the same instances."),
                      .addTitle = tr("Add task group"),
                      .addTip = tr("Add a task group: another service sharing the cluster."),
                      .removeTitle = tr("Remove task group"),
                      .removeTip = tr("Remove the task group shown; a cluster keeps at least one."),
                      .nameTip = tr("The group's name in results; the file keeps it when the option has several groups."),
                      .newName = tr("service %1"),
                      .fleetTitle = tr("Fleet of tasks")},
        [this]() -> const std::vector<TaskGroup> & { return specAs<EcsEc2Spec>().taskGroups; },
        [this](std::vector<TaskGroup> groups, const QString &key) {
            EcsEc2Spec next = specAs<EcsEc2Spec>();
            next.taskGroups = std::move(groups);
            commit(next, key);
        },
        [this](const TaskGroup &g, bool force) { m_groupBound.show(g, force); });
    m_groupBound.addNumber(form,
                           {.key = QStringLiteral("ecs.taskVcpu"),
                            .label = tr("Task &vCPU:"),
                            .rule = Models::Rules::TaskVcpu,
                            .unit = tr("vCPU"),
                            .toolTip = tr("The vCPUs one task reserves on its instance (1024 CPU units are 1 vCPU).")},
                           &TaskGroup::taskVcpu);
    m_groupBound.addNumber(form,
                           {.key = QStringLiteral("ecs.taskMemoryMb"),
                            .label = tr("Task memor&y:"),
                            .rule = Models::Rules::TaskMemoryMib,
                            .unit = tr("MiB"),
                            .toolTip = tr("The memory one task reserves on its instance.")},
                           &TaskGroup::taskMemoryMb);
}

void EcsEc2Form::buildClusterGroup(QGroupBox *box)
{
    QFormLayout *form = newForm(box);
    m_autoTypes = new QCheckBox(tr("Every type (auto)"), box);
    m_autoTypes->setToolTip(tr("Let Costscape pick the cheapest type for the packing among all the sheet's types "
                               "of the region (\"instanceTypes\": \"auto\")."));
    form->addRow(tr("In&stance types:"), m_autoTypes);
    auto *types = new QWidget(box);
    auto *v = new QVBoxLayout(types);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(3);
    m_typeFilter = new QLineEdit(types);
    m_typeFilter->setPlaceholderText(tr("Filter types (m7g, xlarge, ...)"));
    m_typeFilter->setClearButtonEnabled(true);
    m_typeFilter->setToolTip(tr("Shows only the types whose name contains the text; the checked ones stay chosen."));
    m_typeList = new QListWidget(types);
    m_typeList->setToolTip(tr("The candidate types: the tasks are packed onto the cheapest of them that holds them."));
    m_typeList->setMinimumHeight(120);
    m_typeList->setMaximumHeight(180);
    m_typeList->setUniformItemSizes(true);
    v->addWidget(m_typeFilter);
    v->addWidget(withMessage(TypesKey, m_typeList));
    // The ticked types are mostly scrolled out of sight in a long list: name them below it.
    m_typeSummary = newHint(types);
    v->addWidget(m_typeSummary);
    // Full width: the descriptions do not fit beside the labels in a narrow dock.
    form->addRow(types);
    form->labelForField(m_autoTypes)->setToolTip(m_typeList->toolTip());
    addField(QStringLiteral("ecs.autoInstanceTypes"), m_autoTypes, tr("Every instance type"));
    addField(TypesKey, m_typeList, tr("Instance types"));
    connect(m_autoTypes, &QCheckBox::toggled, this, &EcsEc2Form::onAutoInstanceTypesToggled);
    connect(m_typeList, &QListWidget::itemChanged, this, &EcsEc2Form::onInstanceTypeItemChanged);
    connect(m_typeFilter, &QLineEdit::textChanged, this, &EcsEc2Form::filterInstanceTypes);

    m_clusterBound.addChoice(form,
                             {.key = QStringLiteral("ecs.os"),
                              .label = tr("&Operating system:"),
                              .items = {{QStringLiteral("linux"), tr("Linux")}, {QStringLiteral("windows"), tr("Windows")}},
                              .toolTip = tr("The operating system of the instances; Windows includes the licence in the "
                                            "hourly price. Default: Linux.")},
                             &EcsEc2Spec::os);
    m_clusterBound.addChoice(
        form,
        {.key = QStringLiteral("ecs.purchase"),
         .label = tr("&Purchase:"),
         .items = {{qs(Models::purchaseName(Purchase::OnDemand)), tr("On-demand")}, {qs(Models::purchaseName(Purchase::Spot)), tr("Spot")}},
         .toolTip = tr("How the instances are bought. ECS itself costs nothing on EC2: the bill is the instances. "
                       "Default: on-demand.")},
        [](const EcsEc2Spec &s) { return qs(Models::purchaseName(s.purchase)); },
        [](EcsEc2Spec &s, const QString &v) { s.purchase = v == qs(Models::purchaseName(Purchase::Spot)) ? Purchase::Spot : Purchase::OnDemand; });
    m_clusterBound.addNumber(form,
                             {.key = QStringLiteral("ecs.spotHourly"),
                              .label = tr("Spot price:"),
                              .rule = Models::Rules::SpotHourly,
                              .unit = tr("$/h"),
                              .toolTip = tr("The spot price per instance-hour for types the sheet has no spot price for."),
                              .optional = true,
                              .placeholder = tr("not set")},
                             &EcsEc2Spec::spotHourly);
    m_clusterBound.addNumber(form,
                             {.key = QStringLiteral("ecs.spotDiscount"),
                              .label = tr("Spot &discount:"),
                              .rule = Models::Rules::SpotDiscount,
                              .unit = tr("off"),
                              .toolTip = tr("The fraction off on-demand (0.7 is 70% off) when neither the sheet nor the "
                                            "spot price gives one. Empty: each type's Spot Instance Advisor saving."),
                              .optional = true,
                              .placeholder = tr("advisor")},
                             &EcsEc2Spec::spotDiscount);
    m_clusterBound.addNumber(form,
                             {.key = QStringLiteral("ecs.reservedMemoryMb"),
                              .label = tr("&Reserved memory:"),
                              .rule = Models::Rules::ReservedMemoryMib,
                              .unit = tr("MiB"),
                              .toolTip = tr("Memory of each instance kept for the operating system and the ECS agent, "
                                            "not available to tasks. Default: 256 MiB."),
                              .fallback = 256.0,
                              .placeholder = QStringLiteral("256")},
                             &EcsEc2Spec::reservedMemoryMb);
    m_clusterBound.addNumber(
        form,
        {.key = QStringLiteral("ecs.maxTasksPerInstance"),
         .label = tr("Tas&ks per instance:"),
         .rule = Models::Rules::TasksPerInstance,
         .unit = tr("at most"),
         .toolTip = tr("The most tasks one instance may hold: with awsvpc networking each task takes a network "
                       "interface of its own, and an instance has only a few. Empty: no cap."),
         .optional = true,
         .placeholder = tr("no cap")},
        [](const EcsEc2Spec &s) {
            return FieldBindings<EcsEc2Spec>::present(s.maxTasksPerInstance > 0 ? std::optional(static_cast<double>(s.maxTasksPerInstance))
                                                                                : std::nullopt);
        },
        // The rule accepts whole counts only; 0 is how the spec says "no cap".
        [](EcsEc2Spec &s, std::optional<double> v) { s.maxTasksPerInstance = v ? static_cast<long long>(*v) : 0; });
    m_clusterBound.addChoice(
        form,
        {.key = QStringLiteral("ecs.placement"),
         .label = tr("Plac&ement:"),
         .items = {{qs(Models::placementName(PlacementStrategy::BinpackMemory)), tr("Binpack memory")},
                   {qs(Models::placementName(PlacementStrategy::BinpackCpu)), tr("Binpack CPU")},
                   {qs(Models::placementName(PlacementStrategy::Spread)), tr("Spread")}},
         .toolTip = tr("How tasks are placed: packed by memory (the default) or by CPU onto as few instances as "
                       "possible, or spread evenly.")},
        [](const EcsEc2Spec &s) { return qs(Models::placementName(s.placement)); },
        [](EcsEc2Spec &s, const QString &v) {
            s.placement = Models::placementFromName(v.toStdString()).value_or(PlacementStrategy::BinpackMemory);
        });
}

// ---------------------------------------------------------------------------------------------
// Showing the spec

void EcsEc2Form::showFields(bool force)
{
    if (force)
        m_typeFilter->clear(); // another option: every type in view
    // The task group first (another option: its first): the fields below read the group it picks.
    m_groups->show(force);
    m_clusterBound.show(specAs<EcsEc2Spec>(), force);
    showInstanceTypes(force);
}

void EcsEc2Form::showInstanceTypes(bool force)
{
    const EcsEc2Spec &ecs = specAs<EcsEc2Spec>();
    if (m_autoTypes->isChecked() != ecs.autoInstanceTypes)
        m_autoTypes->setChecked(ecs.autoInstanceTypes);
    if (!force && !fieldError(TypesKey).isEmpty())
        return;
    Updating guard(*this);
    QStringList missing;
    for (const std::string &t : ecs.instanceTypes)
        missing << qs(t);
    for (int i = 0; i < m_typeList->count(); ++i) {
        QListWidgetItem *item = m_typeList->item(i);
        const bool on = missing.removeAll(item->data(Qt::UserRole).toString()) > 0;
        const Qt::CheckState state = on ? Qt::Checked : Qt::Unchecked;
        if (item->checkState() != state)
            item->setCheckState(state);
    }
    // Candidates the sheet lacks stay visible (and can be unticked); the evaluator reports them.
    for (const QString &name : missing) {
        auto *item = new QListWidgetItem(tr("%1 — not in the price sheet for %2").arg(name, context().region));
        item->setData(Qt::UserRole, name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        item->setForeground(QColor(errorColor()));
        m_typeList->insertItem(0, item);
    }
    markField(TypesKey, {});
}

void EcsEc2Form::sheetChanged()
{
    m_typeList->clear();
    const std::string currency = context().currency();
    for (const Pricing::Ec2InstanceType *type : sortedInstanceTypes(context().regionPrices())) {
        auto *item = new QListWidgetItem(instanceTypeText(*type, currency), m_typeList);
        item->setData(Qt::UserRole, qs(type->name));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    filterInstanceTypes(m_typeFilter->text());
    // The list is another sheet's or region's: tick the spec's types in it again.
    showInstanceTypes(true);
}

void EcsEc2Form::updateState()
{
    const EcsEc2Spec &ecs = specAs<EcsEc2Spec>();
    const bool spot = ecs.purchase == Purchase::Spot;
    field(QStringLiteral("ecs.spotHourly"))->setEnabled(spot);
    field(QStringLiteral("ecs.spotDiscount"))->setEnabled(spot);
    // The box, not the spec: unticking "auto" with no type ticked is refused, and the list must
    // then be open for ticking one.
    m_typeList->setEnabled(!m_autoTypes->isChecked());
    m_typeFilter->setEnabled(!m_autoTypes->isChecked());
    m_groups->showState();
    if (ecs.autoInstanceTypes) {
        const Pricing::RegionPrices *prices = context().regionPrices();
        m_typeSummary->setText(tr("Candidates: all %n types of %1", nullptr, prices ? static_cast<int>(prices->ec2.size()) : 0)
                                   .arg(context().region));
    } else {
        QStringList names;
        for (const std::string &t : ecs.instanceTypes)
            names << qs(t);
        m_typeSummary->setText(tr("Candidates: %1").arg(names.join(QStringLiteral(", "))));
    }
}

// ---------------------------------------------------------------------------------------------
// Candidate instance types

void EcsEc2Form::onAutoInstanceTypesToggled(bool on)
{
    if (isUpdating())
        return;
    updateState();
    if (!on) {
        // Back to the list: it must name a candidate.
        if (checkedInstanceTypes().isEmpty())
            markField(TypesKey, tr("tick at least one instance type, or every type (auto)"));
        else
            onInstanceTypeItemChanged();
        return;
    }
    markField(TypesKey, {});
    EcsEc2Spec next = specAs<EcsEc2Spec>();
    next.autoInstanceTypes = true;
    commit(next, QStringLiteral("ecs.autoInstanceTypes"));
}

void EcsEc2Form::onInstanceTypeItemChanged()
{
    if (isUpdating())
        return;
    const QStringList checked = checkedInstanceTypes();
    if (checked.isEmpty()) {
        markField(TypesKey, tr("tick at least one instance type, or every type (auto)"));
        return;
    }
    markField(TypesKey, {});
    const EcsEc2Spec &current = specAs<EcsEc2Spec>();
    EcsEc2Spec next = current;
    next.autoInstanceTypes = m_autoTypes->isChecked();
    // Keep the file's order for the types still chosen; new ones go last.
    std::vector<std::string> types;
    for (const std::string &t : current.instanceTypes)
        if (checked.contains(qs(t)))
            types.push_back(t);
    for (const QString &t : checked)
        if (std::find(types.begin(), types.end(), t.toStdString()) == types.end())
            types.push_back(t.toStdString());
    next.instanceTypes = std::move(types);
    commit(next, next.autoInstanceTypes == current.autoInstanceTypes ? TypesKey : QStringLiteral("ecs.autoInstanceTypes"));
}

void EcsEc2Form::filterInstanceTypes(const QString &text)
{
    const QString needle = text.trimmed();
    for (int i = 0; i < m_typeList->count(); ++i) {
        QListWidgetItem *item = m_typeList->item(i);
        item->setHidden(!needle.isEmpty() && !item->data(Qt::UserRole).toString().contains(needle, Qt::CaseInsensitive));
    }
}

QStringList EcsEc2Form::checkedInstanceTypes() const
{
    QStringList out;
    for (int i = 0; i < m_typeList->count(); ++i)
        if (m_typeList->item(i)->checkState() == Qt::Checked)
            out << m_typeList->item(i)->data(Qt::UserRole).toString();
    return out;
}

} // namespace Costscape::Ui
