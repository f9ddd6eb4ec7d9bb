// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/editors/fieldbindings.h"
#include "ui/editors/platformform.h"

#include "models/platforms/eksfargate/eksfargatespec.h"

class QLabel;

namespace Costscape::Ui {

class FleetForm;

/**
 * The keys of an EKS on Fargate option (Models::EksFargateSpec): "eksFargate.podVcpu",
 * "eksFargate.podMemoryMb" and the FleetForm's "fleet." keys edit the first pod group (the form
 * shows the Fargate size it runs on), "eksFargate.architecture" and "eksFargate.controlPlane".
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
    FieldBindings<Models::EksFargateSpec> m_bound;
    FleetForm *m_fleet = nullptr;
    QLabel *m_size = nullptr;
};

} // namespace Costscape::Ui
