// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/editors/fieldbindings.h"
#include "ui/editors/platformform.h"

#include "models/platforms/eksec2/eksec2spec.h"

class QComboBox;
class QLabel;

namespace Costscape::Ui {

class FleetForm;

/**
 * The keys of an EKS on EC2 option (Models::EksEc2Spec). The pods: "eks.podVcpu",
 * "eks.podMemoryMb" and the FleetForm's "fleet." keys edit the first pod group (a file with several
 * keeps the others, and the form says so). The cluster: "eks.nodeTypes" (Auto, one type of the
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

    FieldBindings<Models::EksEc2Spec> m_bound;
    FleetForm *m_fleet = nullptr;
    QComboBox *m_nodeTypes = nullptr;
    QLabel *m_groupsNote = nullptr;
    QLabel *m_daemonSets = nullptr;
};

} // namespace Costscape::Ui
