// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/editors/fieldbindings.h"
#include "ui/editors/platformform.h"

#include "models/platforms/lambdamanaged/lambdamanagedspec.h"

class QComboBox;

namespace Costscape::Ui {

/**
 * The keys of a Lambda Managed Instances option (Models::LambdaManagedSpec):
 * "lambdaManaged.instanceType" ("auto", or a type of the sheet Lambda Managed Instances run on),
 * "lambdaManaged.runtime", "lambdaManaged.memoryPerVcpuGb", "lambdaManaged.concurrencyPerVcpu"
 * (empty: the runtime's default, shown as placeholder), "lambdaManaged.minInstances" (emptied: 3),
 * "lambdaManaged.maxInstances" (empty: the capacity provider's 400 vCPUs) and
 * "lambdaManaged.targetUtilization" (emptied: 0.5). The option's memory override is the memory of
 * one execution environment.
 */
class LambdaManagedForm final : public PlatformForm
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LambdaManagedForm)

public:
    explicit LambdaManagedForm(QWidget *parent = nullptr);
    ~LambdaManagedForm() override;

    QString memoryLabel() const override;
    QString memoryHint() const override;

protected:
    void showFields(bool force) override;
    void sheetChanged() override;
    void updateState() override;

private:
    void showInstanceType();

    FieldBindings<Models::LambdaManagedSpec> m_bound;
    QComboBox *m_instanceType = nullptr;
};

} // namespace Costscape::Ui
