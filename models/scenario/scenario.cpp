// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scenario/scenario.h"

namespace Costscape::Models {

const char *platformName(Platform platform)
{
    switch (platform) {
    case Platform::Lambda: return "lambda";
    case Platform::Fargate: return "fargate";
    case Platform::Ec2: return "ec2";
    case Platform::EcsEc2: return "ecs-ec2";
    }
    return "";
}

const char *platformTitle(Platform platform)
{
    switch (platform) {
    case Platform::Lambda: return "AWS Lambda";
    case Platform::Fargate: return "AWS Fargate";
    case Platform::Ec2: return "Amazon EC2";
    case Platform::EcsEc2: return "ECS on EC2";
    }
    return "";
}

Error Scenario::errorAt(const std::string &pointer, ErrorCode code, std::string message) const
{
    const SourcePosition pos = JsonDocument::nearestPosition(positions, pointer);
    return Error{code, std::move(message), fileName, pos.line, pos.column};
}

} // namespace Costscape::Models
