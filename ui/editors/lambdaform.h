// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/editors/fieldbindings.h"
#include "ui/editors/platformform.h"

#include "models/platforms/lambda/lambdaspec.h"

class QCheckBox;

namespace Costscape::Ui {

/**
 * The keys of an AWS Lambda option (Models::LambdaSpec): "lambda.architecture",
 * "lambda.ephemeralStorageMb" (emptied: 512), "lambda.billingGranularityMs", "lambda.freeTier",
 * and provisioned concurrency: "lambda.provisioned" (on or off), "lambda.provisioned.count",
 * "lambda.provisioned.hoursPerMonth", "lambda.provisioned.shareOfRequests". Switched off, the
 * provisioned fields keep their values, and switching on again starts from them.
 */
class LambdaForm final : public PlatformForm
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LambdaForm)

public:
    explicit LambdaForm(QWidget *parent = nullptr);
    ~LambdaForm() override;

    QString memoryLabel() const override;
    QString memoryHint() const override;

protected:
    void showFields(bool force) override;
    void updateState() override;

private:
    void onProvisionedToggled(bool on);

    FieldBindings<Models::LambdaSpec> m_bound;
    QCheckBox *m_provisioned = nullptr;
};

} // namespace Costscape::Ui
