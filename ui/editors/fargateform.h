// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/editors/fieldbindings.h"
#include "ui/editors/platformform.h"

#include "models/platforms/fargate/fargatespec.h"

class QLabel;

namespace Costscape::Ui {

class FleetForm;

/**
 * The keys of an AWS Fargate option (Models::FargateSpec): "fargate.os", "fargate.architecture",
 * "fargate.taskVcpu", "fargate.taskMemoryGb", "fargate.spot", "fargate.ephemeralStorageGb"
 * (emptied: 20), "fargate.spotDiscount" (enabled with Spot), and its fleet of tasks (FleetForm).
 * A task size AWS does not offer is accepted (the evaluator calls the option infeasible) and
 * said under the memory field (Models::FargateModel::invalidTaskSize()).
 */
class FargateForm final : public PlatformForm
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FargateForm)

public:
    explicit FargateForm(QWidget *parent = nullptr);
    ~FargateForm() override;

protected:
    void showFields(bool force) override;
    void updateState() override;

private:
    FieldBindings<Models::FargateSpec> m_bound;
    QLabel *m_sizeHint = nullptr;
    FleetForm *m_fleet = nullptr;
};

} // namespace Costscape::Ui
