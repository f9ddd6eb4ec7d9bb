// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/scaling/scaling.h"

/**
 * The sources of the scaling figures that several platforms share (target tracking, instance
 * launch, health checks), once, so that the defaults and docs/assumptions.md say the same. Each
 * platform's own figures and sources live in its folder.
 */
namespace Costscape::Models::ScalingSources {

inline constexpr const char *MetricPeriod
    = "https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_TargetTrackingMetricStat.html: \"The default "
      "value is 60. Accepted values are 10, 30, and 60. For high resolution metric, set the value to less than 60\" "
      "(target tracking with high-resolution metrics, seconds-level data points)";
inline constexpr const char *AlarmDatapoints
    = "https://github.com/hashicorp/terraform-provider-aws/issues/42553: the alarms that target tracking creates have "
      "a 60-second period and alarm on 3 of 3 datapoints (the AWS-managed high alarm, 3 datapoints within 3 minutes)";
inline constexpr const char *InstanceLaunch
    = "http://www.daemonology.net/blog/2021-08-12-EC2-boot-time-benchmarking.html: ec2-boot-bench on c5.xlarge, "
      "RunInstances 1.5 s + pending to running 4.9 s + boot to SSH open 22.8 s, about 29 s for a Linux AMI";
inline constexpr const char *HealthCheck
    = "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html: a newly "
      "registered target must pass one health check; checks run every HealthCheckIntervalSeconds, default 30";
inline constexpr const char *TargetTrackingStep
    = "Costscape assumption: target tracking sets the capacity the metric calls for in one step "
      "(https://docs.aws.amazon.com/autoscaling/application/userguide/target-tracking-scaling-policy-overview.html); "
      "0 = no limit; a step scaling policy adds a fixed number";

/** One assumption with its default, source and the range the reader and the editors accept. */
inline ScalingAssumption assumption(const char *key, const char *label, const char *unit, double value, const char *source,
                                    double min, double max, bool integer = false)
{
    return ScalingAssumption{key, label, unit, value, source, false, min, max, integer};
}

} // namespace Costscape::Models::ScalingSources
