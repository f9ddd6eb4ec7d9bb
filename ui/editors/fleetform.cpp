// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editors/fleetform.h"

#include "ui/editors/numberfield.h"

#include "models/scenario/scenariorules.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QVBoxLayout>

#include <algorithm>

namespace Costscape::Ui {

using Models::Capacity;
using Models::FleetSpec;

namespace {

const QString FixedMode = QStringLiteral("fixed");
const QString DerivedMode = QStringLiteral("derived");
const QString ConcurrentKind = QStringLiteral("concurrentRequests");
const QString RateKind = QStringLiteral("requestsPerSecond");

} // namespace

FleetForm::FleetForm(Unit unit, QWidget *parent)
    : FieldForm(parent)
    , m_unit(unit)
    , m_bound(
          *this, [this] { return &m_fleet; }, [this](const FleetSpec &next, const QString &key) { commit(next, key); })
{
    const bool instances = unit == Unit::Instances;
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    const bool pods = unit == Unit::Pods;
    m_box = new QGroupBox(instances ? tr("Fleet of instances") : pods ? tr("Fleet of pods") : tr("Fleet of tasks"), this);
    outer->addWidget(m_box);
    m_form = newForm(m_box);

    m_mode = new QComboBox(m_box);
    m_mode->addItem(tr("Fixed count"), FixedMode);
    m_mode->addItem(tr("Derived from the workload"), DerivedMode);
    m_mode->setToolTip(tr("A fixed number of units all month, or as many as the workload needs hour by "
                          "hour (concurrency = rate x duration, over capacity x target utilization)."));
    m_form->addRow(tr("&Fleet:"), m_mode);
    m_form->labelForField(m_mode)->setToolTip(m_mode->toolTip());
    addField(QStringLiteral("fleet.mode"), m_mode, tr("Fleet sizing"));
    connect(m_mode, &QComboBox::currentIndexChanged, this, &FleetForm::onModeChanged);

    m_bound.addNumber(
        m_form,
        {.key = QStringLiteral("fleet.count"),
         .label = instances ? tr("I&nstances:") : pods ? tr("&Pods:") : tr("&Tasks:"),
         .rule = Models::Rules::Count,
         .toolTip = tr("How many run all month, whatever the traffic.")},
        [](const FleetSpec &f) { return f.isFixed() ? FieldBindings<FleetSpec>::present(f.fixedCount) : std::nullopt; },
        [](FleetSpec &f, std::optional<double> v) {
            if (f.isFixed() && v)
                f.fixedCount = v;
        });

    m_capacityKind = new QComboBox(m_box);
    m_capacityKind->addItem(tr("Concurrent requests"), ConcurrentKind);
    m_capacityKind->addItem(tr("Requests per second"), RateKind);
    m_capacityKind->setToolTip(tr("How the capacity of one unit is measured: requests it runs at once, or "
                                  "requests it completes per second."));
    m_form->addRow(tr("&Capacity in:"), m_capacityKind);
    m_form->labelForField(m_capacityKind)->setToolTip(m_capacityKind->toolTip());
    addField(QStringLiteral("fleet.capacityKind"), m_capacityKind, tr("Capacity in"));
    connect(m_capacityKind, &QComboBox::currentIndexChanged, this, &FleetForm::onCapacityKindChanged);

    const QString capacityTip = tr("What one unit serves at 100% utilisation. Empty: as many concurrent requests as "
                                   "fit in its memory (unit memory / request memory, rounded down).");
    m_capacityFields = new QWidget(m_box);
    auto *v = new QVBoxLayout(m_capacityFields);
    v->setContentsMargins(0, 0, 0, 0);
    m_concurrentCapacity = new NumberField(Models::Rules::ConcurrentRequests, tr("requests"), m_capacityFields);
    m_rateCapacity = new NumberField(Models::Rules::RequestsPerSecond, tr("requests/s"), m_capacityFields);
    for (NumberField *field : {m_concurrentCapacity, m_rateCapacity}) {
        field->setOptional(true);
        field->setPlaceholder(tr("from memory"));
        field->setToolTip(capacityTip);
        v->addWidget(field);
        connect(field, &NumberField::valueEdited, this, &FleetForm::onCapacityEdited);
    }
    // Two boxes, one per kind, so that switching the kind keeps what each held.
    m_concurrentCapacity->setObjectName(QStringLiteral("fleet.capacity"));
    m_rateCapacity->setObjectName(QStringLiteral("fleet.capacity.rate"));
    m_rateCapacity->setVisible(false);
    m_capacityFields->setFocusProxy(m_concurrentCapacity);
    const QString capacityLabel = instances ? tr("Per in&stance:") : pods ? tr("Per p&od:") : tr("Per &task:");
    m_form->addRow(capacityLabel, m_capacityFields);
    m_form->labelForField(m_capacityFields)->setToolTip(capacityTip);
    setTitle(QStringLiteral("fleet.capacity"), capacityLabel);

    m_bound.addNumber(m_form,
                      {.key = QStringLiteral("fleet.targetUtilization"),
                       .label = tr("Target utili&zation:"),
                       .rule = Models::Rules::TargetUtilization,
                       .toolTip = tr("How full a unit may run before another is added, as a fraction (0.7 is 70%), "
                                     "headroom for bursts within the hour. Default: 0.7."),
                       .fallback = 0.7,
                       .placeholder = QStringLiteral("0.7")},
                      &FleetSpec::targetUtilization);
    m_bound.addNumber(m_form,
                      {.key = QStringLiteral("fleet.minCount"),
                       .label = tr("Mi&nimum:"),
                       .rule = Models::Rules::Count,
                       .toolTip = tr("The fewest units that run, even with no traffic (two for availability across "
                                     "zones, say). Default: 1."),
                       .fallback = 1.0,
                       .placeholder = QStringLiteral("1")},
                      &FleetSpec::minCount);
    m_bound.addChoice(
        m_form,
        {.key = QStringLiteral("fleet.scaling"),
         .label = tr("Sca&ling:"),
         .items = {{QStringLiteral("hourly"), tr("Hourly (follows the traffic)")}, {QStringLiteral("peak"), tr("Peak (busiest hour, all month)")}},
         .toolTip = tr("Hourly follows the hourly profile, as auto scaling does; Peak sizes the fleet for the busiest "
                       "hour and keeps it all month. Default: hourly.")},
        [](const FleetSpec &f) { return f.scaling == FleetSpec::Scaling::Peak ? QStringLiteral("peak") : QStringLiteral("hourly"); },
        [](FleetSpec &f, const QString &v) { f.scaling = v == QLatin1String("peak") ? FleetSpec::Scaling::Peak : FleetSpec::Scaling::Hourly; });

    Updating guard(*this);
    showFleet(m_fleet, true);
}

FleetForm::~FleetForm() = default;

void FleetForm::setGroupTitle(const QString &title)
{
    m_box->setTitle(title);
}

NumberField *FleetForm::numberField(const QString &key) const
{
    if (key == QLatin1String("fleet.capacity"))
        return rateShown() ? m_rateCapacity : m_concurrentCapacity;
    return FieldForm::numberField(key);
}

void FleetForm::showFleet(const FleetSpec &fleet, bool force)
{
    m_fleet = fleet;
    {
        Updating guard(*this);
        const int mode = m_mode->findData(fleet.isFixed() ? FixedMode : DerivedMode);
        if (m_mode->currentIndex() != mode)
            m_mode->setCurrentIndex(mode);
        m_bound.show(fleet, force);
        showCapacity(force);
    }
    updateRows();
}

void FleetForm::showCapacity(bool force)
{
    if (m_fleet.capacity) {
        const bool rate = m_fleet.capacity->kind == Capacity::Kind::RequestsPerSecond;
        const int kind = m_capacityKind->findData(rate ? RateKind : ConcurrentKind);
        if (m_capacityKind->currentIndex() != kind)
            m_capacityKind->setCurrentIndex(kind);
        NumberField *field = rate ? m_rateCapacity : m_concurrentCapacity;
        if (force || (field->isValid() && field->value() != m_fleet.capacity->value))
            field->setValue(m_fleet.capacity->value);
        if (force)
            (rate ? m_concurrentCapacity : m_rateCapacity)->setValue(m_fleet.capacity->value);
    } else if (force) {
        m_capacityKind->setCurrentIndex(0);
        m_concurrentCapacity->setValue(std::nullopt);
        m_rateCapacity->setValue(std::nullopt);
    } else if (!m_fleet.isFixed()) {
        // A fixed fleet keeps the capacity boxes as they are, for switching back to derived.
        NumberField *field = numberField(QStringLiteral("fleet.capacity"));
        if (field->isValid() && field->value())
            field->setValue(std::nullopt);
    }
}

void FleetForm::updateRows()
{
    const bool fixed = m_mode->currentData().toString() == FixedMode;
    m_form->setRowVisible(field(QStringLiteral("fleet.count")), fixed);
    for (QWidget *row : {static_cast<QWidget *>(m_capacityKind), m_capacityFields, field(QStringLiteral("fleet.targetUtilization")),
                         field(QStringLiteral("fleet.minCount")), field(QStringLiteral("fleet.scaling"))})
        m_form->setRowVisible(row, !fixed);
    const bool rate = rateShown();
    m_concurrentCapacity->setVisible(!rate);
    m_rateCapacity->setVisible(rate);
    m_capacityFields->setFocusProxy(rate ? m_rateCapacity : m_concurrentCapacity);
    Q_EMIT rowsChanged();
}

void FleetForm::commit(const FleetSpec &next, const QString &field)
{
    if (next == m_fleet) {
        updateRows();
        return;
    }
    m_fleet = next;
    const FleetSpec edited = m_fleet;
    Q_EMIT fleetEdited(edited, field);
    // The owner usually shows the fleet again; if not, derived fields (the count a switch to a
    // fixed fleet filled in) must still follow.
    showFleet(m_fleet, false);
}

void FleetForm::onModeChanged()
{
    if (isUpdating())
        return;
    FleetSpec next = m_fleet;
    if (m_mode->currentData().toString() == FixedMode) {
        // Start from what the count box shows, else from the fleet's minimum.
        next.fixedCount = numberField(QStringLiteral("fleet.count"))->value().value_or(std::max(1.0, next.minCount));
        // A fixed fleet with a capacity is read with a warning ("not used"): keep it in the boxes only.
        next.capacity.reset();
    } else {
        next.fixedCount.reset();
        next.capacity = capacityFromFields();
    }
    updateRows();
    commit(next, QStringLiteral("fleet.mode"));
}

void FleetForm::onCapacityKindChanged()
{
    if (isUpdating())
        return;
    // The number carries over: what was typed is kept, only its unit changes.
    const bool rate = rateShown();
    NumberField *from = rate ? m_concurrentCapacity : m_rateCapacity;
    NumberField *to = rate ? m_rateCapacity : m_concurrentCapacity;
    if (from->isValid())
        to->setValue(from->value());
    updateRows();
    if (!m_fleet.isFixed()) {
        FleetSpec next = m_fleet;
        next.capacity = capacityFromFields();
        commit(next, QStringLiteral("fleet.capacityKind"));
    }
}

void FleetForm::onCapacityEdited()
{
    if (isUpdating() || m_fleet.isFixed())
        return;
    FleetSpec next = m_fleet;
    next.capacity = capacityFromFields();
    commit(next, QStringLiteral("fleet.capacity"));
}

bool FleetForm::rateShown() const
{
    return m_capacityKind->currentData().toString() == RateKind;
}

std::optional<Capacity> FleetForm::capacityFromFields() const
{
    const bool rate = rateShown();
    const std::optional<double> value = (rate ? m_rateCapacity : m_concurrentCapacity)->value();
    if (!value)
        return std::nullopt;
    return Capacity{rate ? Capacity::Kind::RequestsPerSecond : Capacity::Kind::ConcurrentRequests, *value};
}

} // namespace Costscape::Ui
