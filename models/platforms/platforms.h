// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/**
 * The platforms Costscape prices, listed once. Adding a platform is its folder under
 * models/platforms/ (its spec and details, and a PlatformModel), one line in each list below, one
 * in models/platforms/registry.cpp and one in ui/editors/formregistry.cpp; nothing else switches
 * over platforms.
 */

#include "models/platforms/ec2/ec2spec.h"
#include "models/platforms/ecsec2/ecsec2spec.h"
#include "models/platforms/eksec2/eksec2spec.h"
#include "models/platforms/eksfargate/eksfargatespec.h"
#include "models/platforms/fargate/fargatespec.h"
#include "models/platforms/lambda/lambdaspec.h"
#include "models/platforms/lambdamanaged/lambdamanagedspec.h"

#include <optional>
#include <string_view>
#include <variant>
#include <vector>

namespace Costscape::Models {

/** The platforms, in the order of PlatformSpec and PlatformDetails. */
enum class Platform {
    Lambda,
    Fargate,
    Ec2,
    EcsEc2,
    LambdaManaged,
    EksEc2,
    EksFargate,
};

/** The keys of one option that belong to its platform: the alternative is the platform. */
using PlatformSpec
    = std::variant<LambdaSpec, FargateSpec, Ec2Spec, EcsEc2Spec, LambdaManagedSpec, EksEc2Spec, EksFargateSpec>;

/** A priced option's platform-specific figures (monostate before it is priced). */
using PlatformDetails
    = std::variant<std::monostate, LambdaDetails, FargateDetails, Ec2Details, EcsEc2Details, LambdaManagedDetails,
                   EksEc2Details, EksFargateDetails>;

static_assert(std::variant_size_v<PlatformSpec> == static_cast<std::size_t>(Platform::EksFargate) + 1,
              "every Platform has a spec, in the same order");
static_assert(std::variant_size_v<PlatformDetails> == std::variant_size_v<PlatformSpec> + 1,
              "every Platform has its details, in the same order, after std::monostate");

/** Every platform, in the registry's order (the order the window offers them). */
const std::vector<Platform> &allPlatforms();
/** "lambda", "fargate", "ec2", "ecs-ec2": the names the scenario format uses. */
const char *platformName(Platform platform);
/** Human names for tables and charts: "AWS Lambda", "ECS on EC2". */
const char *platformTitle(Platform platform);
/** The platform a scenario name stands for, or nullopt. */
std::optional<Platform> platformFromName(std::string_view name);

} // namespace Costscape::Models
