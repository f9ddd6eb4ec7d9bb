// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editors/instancetypes.h"

#include "ui/uitext.h"

#include "base/textformat.h"
#include "pricing/instancetypeorder.h"

#include <QCoreApplication>

#include <algorithm>

namespace Costscape::Ui {

std::vector<const Pricing::Ec2InstanceType *> sortedInstanceTypes(const Pricing::RegionPrices *prices)
{
    std::vector<const Pricing::Ec2InstanceType *> types;
    if (!prices)
        return types;
    for (const auto &[name, type] : prices->ec2)
        types.push_back(&type);
    std::sort(types.begin(), types.end(), [](const Pricing::Ec2InstanceType *a, const Pricing::Ec2InstanceType *b) {
        return Pricing::instanceTypeLess(a->name, b->name);
    });
    return types;
}

QString instanceTypeText(const Pricing::Ec2InstanceType &type, const std::string &currency)
{
    QString text = QCoreApplication::translate("Costscape::Ui::InstanceTypes", "%1 — %2 vCPU, %3 GiB")
                       .arg(qs(type.name), qs(Text::general(type.vcpu)), qs(Text::general(type.memoryGib)));
    if (const auto it = type.onDemandHourly.find("linux"); it != type.onDemandHourly.end())
        text += QCoreApplication::translate("Costscape::Ui::InstanceTypes", ", %1/h").arg(qs(Text::unitPrice(it->second, currency)));
    return text;
}

} // namespace Costscape::Ui
