// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The registry: every platform's model, listed once, in the order of the Platform enum.
#include "models/platforms/platformmodel.h"

#include "models/platforms/ec2/ec2model.h"
#include "models/platforms/ecsec2/ecsec2model.h"
#include "models/platforms/eksec2/eksec2model.h"
#include "models/platforms/eksfargate/eksfargatemodel.h"
#include "models/platforms/fargate/fargatemodel.h"
#include "models/platforms/lambda/lambdamodel.h"
#include "models/platforms/lambdamanaged/lambdamanagedmodel.h"

#include <array>

namespace Costscape::Models {

namespace {

const std::vector<const PlatformModel *> &registered()
{
    static const LambdaModel lambda;
    static const FargateModel fargate;
    static const Ec2Model ec2;
    static const EcsEc2Model ecsEc2;
    static const LambdaManagedModel lambdaManaged;
    static const EksEc2Model eksEc2;
    static const EksFargateModel eksFargate;
    static const std::vector<const PlatformModel *> models{&lambda, &fargate, &ec2, &ecsEc2, &lambdaManaged, &eksEc2, &eksFargate};
    return models;
}

} // namespace

const PlatformModel &platformModel(Platform platform)
{
    return *registered().at(static_cast<std::size_t>(platform));
}

const std::vector<Platform> &allPlatforms()
{
    static const std::vector<Platform> list = [] {
        std::vector<Platform> out;
        for (const PlatformModel *m : registered())
            out.push_back(m->platform());
        return out;
    }();
    return list;
}

const char *platformName(Platform platform)
{
    return platformModel(platform).name();
}

const char *platformTitle(Platform platform)
{
    return platformModel(platform).title();
}

std::optional<Platform> platformFromName(std::string_view name)
{
    for (const PlatformModel *m : registered())
        if (name == m->name())
            return m->platform();
    return std::nullopt;
}

std::vector<ScalingAssumption> scalingAssumptionDefaults(Platform platform)
{
    return platformModel(platform).scalingDefaults();
}

SpikeInput PlatformModel::emptySpikeInput(const std::map<std::string, double> &overrides) const
{
    SpikeInput in;
    in.kind = scalingKind();
    in.warmUnit = warmUnit();
    in.assumptions = resolveScalingAssumptions(scalingDefaults(), overrides);
    return in;
}

SpikeInput PlatformModel::spikeInputBase(const OptionContext &ctx, const Spike &spike) const
{
    SpikeInput in = emptySpikeInput(ctx.option.scalingOverrides);
    in.spike = spike;
    in.durationMs = ctx.durationMs;
    in.slotWeight = ctx.plan.weight;
    return in;
}

} // namespace Costscape::Models
