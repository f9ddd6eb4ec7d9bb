// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/editors/fieldbindings.h"
#include "ui/editors/platformform.h"

#include "models/platforms/ecsec2/ecsec2spec.h"

#include <memory>

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace Costscape::Ui {

class FleetForm;
template<class Group>
class GroupRows;

/**
 * The keys of an ECS on EC2 option (Models::EcsEc2Spec). Its task groups (ECS services sharing
 * the cluster) are edited one at a time: "ecs.group" chooses the group the form shows (choosing
 * emits nothing), "ecs.addGroup" and "ecs.removeGroup" emit "ecs.taskGroups" (a cluster keeps one
 * group at least); "ecs.groupName", "ecs.taskVcpu", "ecs.taskMemoryMb" and the FleetForm's
 * "fleet." keys edit the group shown, and the key does not name the group.
 *
 * The cluster: "ecs.autoInstanceTypes" (every type of the sheet), "ecs.instanceTypes" (the
 * sheet's types for the region, checked when they are candidates; a candidate the sheet lacks is
 * listed too, so it can be unticked; unticking the last one is refused), "ecs.os", "ecs.purchase",
 * "ecs.spotHourly", "ecs.spotDiscount" (both enabled with Spot), "ecs.reservedMemoryMb" (emptied:
 * 256), "ecs.maxTasksPerInstance" (emptied: no cap) and "ecs.placement".
 */
class EcsEc2Form final : public PlatformForm
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EcsEc2Form)

public:
    explicit EcsEc2Form(QWidget *parent = nullptr);
    ~EcsEc2Form() override;

protected:
    void showFields(bool force) override;
    void sheetChanged() override;
    void updateState() override;

private:
    void buildTasksGroup(QGroupBox *box);
    void buildClusterGroup(QGroupBox *box);
    void showInstanceTypes(bool force);
    void onAutoInstanceTypesToggled(bool on);
    void onInstanceTypeItemChanged();
    void filterInstanceTypes(const QString &text);
    QStringList checkedInstanceTypes() const;

    FieldBindings<Models::TaskGroup> m_groupBound;
    FieldBindings<Models::EcsEc2Spec> m_clusterBound;
    std::unique_ptr<GroupRows<Models::TaskGroup>> m_groups; ///< the task group shown, and the rows choosing it
    FleetForm *m_fleet = nullptr;
    QCheckBox *m_autoTypes = nullptr;
    QLineEdit *m_typeFilter = nullptr;
    QListWidget *m_typeList = nullptr;
    QLabel *m_typeSummary = nullptr;
};

} // namespace Costscape::Ui
