// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The registry of the editors: every platform's form, listed once, in the order of the Platform enum.
#include "ui/editors/formregistry.h"

#include "ui/editors/ec2form.h"
#include "ui/editors/ecsec2form.h"
#include "ui/editors/eksec2form.h"
#include "ui/editors/eksfargateform.h"
#include "ui/editors/fargateform.h"
#include "ui/editors/lambdaform.h"
#include "ui/editors/lambdamanagedform.h"

#include <array>
#include <variant>

namespace Costscape::Ui {

namespace {

using Factory = PlatformForm *(*)(QWidget *parent);

template<class Form>
PlatformForm *make(QWidget *parent)
{
    return new Form(parent);
}

struct Entry {
    Models::Platform platform;
    Factory create;
};

constexpr std::array Forms{
    Entry{Models::Platform::Lambda, &make<LambdaForm>},
    Entry{Models::Platform::Fargate, &make<FargateForm>},
    Entry{Models::Platform::Ec2, &make<Ec2Form>},
    Entry{Models::Platform::EcsEc2, &make<EcsEc2Form>},
    Entry{Models::Platform::LambdaManaged, &make<LambdaManagedForm>},
    Entry{Models::Platform::EksEc2, &make<EksEc2Form>},
    Entry{Models::Platform::EksFargate, &make<EksFargateForm>},
};
static_assert(Forms.size() == std::variant_size_v<Models::PlatformSpec>, "every Platform has a form");

constexpr bool inEnumOrder()
{
    for (std::size_t i = 0; i < Forms.size(); ++i)
        if (static_cast<std::size_t>(Forms[i].platform) != i)
            return false;
    return true;
}
static_assert(inEnumOrder(), "the forms are listed in the order of the Platform enum");

} // namespace

PlatformForm *createPlatformForm(Models::Platform platform, QWidget *parent)
{
    PlatformForm *form = Forms.at(static_cast<std::size_t>(platform)).create(parent);
    Q_ASSERT(form->platform() == platform);
    return form;
}

} // namespace Costscape::Ui
