// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/editors/fieldbindings.h"
#include "ui/editors/platformform.h"

#include "models/platforms/eksfargate/eksfargatespec.h"

#include <memory>

class QLabel;

namespace Costscape::Ui {

class FleetForm;
template<class Group>
class GroupRows;

/**
 * The keys of an EKS on Fargate option (Models::EksFargateSpec). Its pod groups are edited one at a
 * time, as in the EKS on EC2 form (GroupRows): "eksFargate.group" chooses the group shown (emitting
 * nothing), "eksFargate.addGroup" and "eksFargate.removeGroup" emit "eksFargate.podGroups";
 * "eksFargate.groupName", "eksFargate.podVcpu", "eksFargate.podMemoryMb" (the form shows the
 * Fargate size the group's pods run on) and the FleetForm's "fleet." keys edit the group shown.
 * The cluster: "eksFargate.architecture" and "eksFargate.controlPlane".
 */
class EksFargateForm final : public PlatformForm
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EksFargateForm)

public:
    explicit EksFargateForm(QWidget *parent = nullptr);
    ~EksFargateForm() override;

protected:
    void showFields(bool force) override;
    void updateState() override;

private:
    /** The Fargate size the group's pods run on, under their requests. */
    void showSize(const Models::PodGroup &group);

    FieldBindings<Models::PodGroup> m_groupBound;
    FieldBindings<Models::EksFargateSpec> m_bound;
    std::unique_ptr<GroupRows<Models::PodGroup>> m_groups; ///< the pod group shown, and the rows choosing it
    FleetForm *m_fleet = nullptr;
    QLabel *m_size = nullptr;
};

} // namespace Costscape::Ui
