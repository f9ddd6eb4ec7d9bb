// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/** The sources of the EKS rules, once, for the billing rules, the spike defaults and the docs. */
namespace Costscape::Models::EksSources {

inline constexpr const char *Allocatable
    = "awslabs/amazon-eks-ami templates/al2/runtime/bootstrap.sh (get_cpu_millicores_to_reserve, "
      "get_memory_mebibytes_to_reserve: \"memory_to_reserve=$((11 * $max_num_pods + 255))\", evictionHard "
      "memory.available 100Mi; \"Allocatable = Capacity - Reserved - Eviction Threshold\") and nodeadm "
      "internal/kubelet/config.go (AL2023, the same figures)";
inline constexpr const char *MaxPods
    = "awslabs/amazon-eks-ami eni-max-pods.txt: \"# of ENI * (# of IPv4 per ENI - 1) + 2\"; "
      "max-pods-calculator.sh for prefix delegation (16 addresses per prefix, at most 110, or 250 above 30 vCPUs)";
inline constexpr const char *DaemonSets
    = "aws/amazon-vpc-cni-k8s config/master/aws-k8s-cni.yaml: aws-node and aws-eks-nodeagent request cpu 25m each, no "
      "memory; kube-proxy: no memory request (aws/containers-roadmap#1509), no CPU request in an AWS source";
inline constexpr const char *ControlPlane
    = "https://aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing/: \"$0.10 "
      "per cluster per hour\" in standard support, \"a total of $0.60 per cluster per hour\" in extended support";
inline constexpr const char *FargatePod
    = "https://docs.aws.amazon.com/eks/latest/userguide/fargate-pod-configuration.html: \"Fargate adds 256 MB to each "
      "Pod's memory reservation for the required Kubernetes components\" and rounds up to the next vCPU and memory "
      "combination of its table";
inline constexpr const char *HpaSyncPeriod
    = "https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/: \"The interval is set by the "
      "--horizontal-pod-autoscaler-sync-period parameter to the kube-controller-manager (and the default interval is "
      "15 seconds)\"; the HorizontalPodAutoscaler acts on one reading";
inline constexpr const char *ClusterAutoscalerLatency
    = "kubernetes/autoscaler cluster-autoscaler/FAQ.md, Service Level Objectives: \"No more than 30 sec latency on "
      "small clusters (less than 100 nodes with up to 30 pods each)\" from a pod unschedulable to the scale-up "
      "request; \"The time of new node provisioning doesn't depend on CA\"";
inline constexpr const char *KarpenterBatch
    = "aws/karpenter-provider-aws website/content/en/docs/reference/settings.md: BATCH_MAX_DURATION \"The maximum "
      "length of a batch window\" (default = 10s), BATCH_IDLE_DURATION default 1s";

} // namespace Costscape::Models::EksSources
