// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/editors/fieldbindings.h"
#include "ui/editors/platformform.h"

#include "models/platforms/ecsec2/ecsec2spec.h"

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Costscape::Ui {

class FleetForm;

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
    /** The task group shown, or nullptr when the index is out of the spec's range. */
    const Models::TaskGroup *group() const;
    void commitGroup(const Models::TaskGroup &next, const QString &field);
    void showTaskGroups(bool force);
    void showInstanceTypes(bool force);
    void onGroupChosen(int index);
    void onGroupNameEdited(const QString &text);
    void addTaskGroup();
    void removeTaskGroup();
    void onAutoInstanceTypesToggled(bool on);
    void onInstanceTypeItemChanged();
    void filterInstanceTypes(const QString &text);
    QStringList checkedInstanceTypes() const;

    FieldBindings<Models::TaskGroup> m_groupBound;
    FieldBindings<Models::EcsEc2Spec> m_clusterBound;
    int m_group = 0; ///< the task group the form shows
    QComboBox *m_groupChoice = nullptr;
    QPushButton *m_addGroup = nullptr;
    QPushButton *m_removeGroup = nullptr;
    QLineEdit *m_groupName = nullptr;
    FleetForm *m_fleet = nullptr;
    QCheckBox *m_autoTypes = nullptr;
    QLineEdit *m_typeFilter = nullptr;
    QListWidget *m_typeList = nullptr;
    QLabel *m_typeSummary = nullptr;
};

} // namespace Costscape::Ui
