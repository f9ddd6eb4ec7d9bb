// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenario.h"

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
    // Walk up to the nearest value that was in the file: an absent key points at its object.
    std::string p = pointer;
    while (true) {
        const auto it = positions.find(p);
        if (it != positions.end())
            return Error{code, std::move(message), fileName, it->second.line, it->second.column};
        if (p.empty())
            break;
        p = p.substr(0, p.rfind('/'));
    }
    return Error{code, std::move(message), fileName, 0, 0};
}

std::string Scenario::optionPointer(const OptionSpec &option) const
{
    for (std::size_t i = 0; i < options.size(); ++i)
        if (options[i].id == option.id)
            return "/options/" + std::to_string(i);
    return "/options";
}

} // namespace Costscape::Models
