// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/editors/fieldbindings.h"
#include "ui/editors/platformform.h"

#include "models/platforms/eksec2/eksec2spec.h"

#include <memory>

class QComboBox;
class QLabel;

namespace Costscape::Ui {

class FleetForm;
template<class Group>
class GroupRows;

/**
 * The keys of an EKS on EC2 option (Models::EksEc2Spec). Its pod groups (Deployments sharing the
 * nodes) are edited one at a time, as the ECS on EC2 form edits task groups (GroupRows): "eks.group"
 * chooses the group the form shows (choosing emits nothing), "eks.addGroup" and "eks.removeGroup"
 * emit "eks.podGroups" (a cluster keeps one group at least); "eks.groupName", "eks.podVcpu",
 * "eks.podMemoryMb" and the FleetForm's "fleet." keys edit the group shown. The cluster: "eks.nodeTypes" (Auto, one type of the
 * sheet of the option's architecture, or the file's own list of candidates), "eks.architecture",
 * "eks.purchase", "eks.spotDiscount" (enabled with Spot), "eks.controlPlane",
 * "eks.prefixDelegation" and "eks.autoscaler". The DaemonSets every node runs are listed, not
 * edited (the file's "daemonSets" adds to them).
 */
class EksEc2Form final : public PlatformForm
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EksEc2Form)

public:
    explicit EksEc2Form(QWidget *parent = nullptr);
    ~EksEc2Form() override;

protected:
    void showFields(bool force) override;
    void sheetChanged() override;
    void updateState() override;

private:
    void fillNodeTypes();

    FieldBindings<Models::PodGroup> m_groupBound;
    FieldBindings<Models::EksEc2Spec> m_bound;
    std::unique_ptr<GroupRows<Models::PodGroup>> m_groups; ///< the pod group shown, and the rows choosing it
    FleetForm *m_fleet = nullptr;
    QComboBox *m_nodeTypes = nullptr;
    QLabel *m_daemonSets = nullptr;
};

} // namespace Costscape::Ui
