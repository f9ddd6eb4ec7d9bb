// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/editors/fieldbindings.h"
#include "ui/editors/fieldform.h"

#include "models/scenario/fleetspec.h"

class QComboBox;
class QFormLayout;
class QGroupBox;

namespace Costscape::Ui {

class NumberField;

/**
 * The fleet of a Fargate, EC2 or ECS task group option (Models::FleetSpec): a fixed count, or
 * derived from the workload hour by hour from what one unit serves (its capacity, or from memory
 * when empty), a target utilization, a minimum count and the scaling. Value in, value out:
 * showFleet() shows one, fleetEdited() gives the whole new fleet with the key of the field.
 *
 * Keys: "fleet.mode" ("fixed" or "derived"), "fleet.count", "fleet.capacityKind"
 * ("concurrentRequests" or "requestsPerSecond"), "fleet.capacity" (the box of the kind shown),
 * "fleet.targetUtilization", "fleet.minCount", "fleet.scaling" ("hourly" or "peak"). Emptying the
 * target utilization or the minimum emits its default (0.7, 1). Switching to a fixed count starts
 * from the count box, else the minimum, and drops the capacity from the spec (a file with both is
 * read with a warning); the capacity stays in its box, so switching back restores it.
 */
class FleetForm final : public FieldForm
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetForm)

public:
    /** What the fleet counts, for its labels: "Tasks" and "Per task", or "Instances" and "Per instance". */
    enum class Unit {
        Tasks,
        Instances,
        Pods,
    };

    explicit FleetForm(Unit unit, QWidget *parent = nullptr);
    ~FleetForm() override;

    /** Shows fleet; force replaces every field, else only those that differ (see PlatformForm::showSpec()). */
    void showFleet(const Models::FleetSpec &fleet, bool force);
    /** The last valid fleet: the one shown, with every edit emitted since. */
    const Models::FleetSpec &fleet() const { return m_fleet; }
    /** The group's title: "Fleet of tasks" unless set. */
    void setGroupTitle(const QString &title);

    /** "fleet.capacity" is the box of the capacity kind shown. */
    NumberField *numberField(const QString &key) const override;

Q_SIGNALS:
    void fleetEdited(const Models::FleetSpec &fleet, const QString &field);

private:
    void commit(const Models::FleetSpec &next, const QString &field);
    void showCapacity(bool force);
    void updateRows();
    void onModeChanged();
    void onCapacityKindChanged();
    void onCapacityEdited();
    bool rateShown() const;
    std::optional<Models::Capacity> capacityFromFields() const;

    Unit m_unit;
    Models::FleetSpec m_fleet;
    FieldBindings<Models::FleetSpec> m_bound;
    QGroupBox *m_box = nullptr;
    QFormLayout *m_form = nullptr;
    QComboBox *m_mode = nullptr;
    QComboBox *m_capacityKind = nullptr;
    QWidget *m_capacityFields = nullptr;
    NumberField *m_concurrentCapacity = nullptr;
    NumberField *m_rateCapacity = nullptr;
};

} // namespace Costscape::Ui
