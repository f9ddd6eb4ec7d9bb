// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/gen_offer_catalog.h"

#include <string>

namespace Costscape::Bench::OfferCatalog {

Other otherProduct(int index)
{
    static const char *regions[][2] = {
        {"us-east-2", "US East (Ohio)"},           {"us-west-1", "US West (N. California)"},
        {"us-west-2", "US West (Oregon)"},         {"ca-central-1", "Canada (Central)"},
        {"eu-west-1", "EU (Ireland)"},             {"eu-west-2", "EU (London)"},
        {"eu-west-3", "EU (Paris)"},               {"eu-central-1", "EU (Frankfurt)"},
        {"eu-north-1", "EU (Stockholm)"},          {"eu-south-1", "EU (Milan)"},
        {"ap-south-1", "Asia Pacific (Mumbai)"},   {"ap-northeast-1", "Asia Pacific (Tokyo)"},
        {"ap-northeast-2", "Asia Pacific (Seoul)"}, {"ap-northeast-3", "Asia Pacific (Osaka)"},
        {"ap-southeast-1", "Asia Pacific (Singapore)"}, {"ap-southeast-2", "Asia Pacific (Sydney)"},
        {"ap-east-1", "Asia Pacific (Hong Kong)"}, {"sa-east-1", "South America (Sao Paulo)"},
        {"me-south-1", "Middle East (Bahrain)"},   {"af-south-1", "Africa (Cape Town)"},
        {"us-gov-west-1", "AWS GovCloud (US-West)"}, {"us-gov-east-1", "AWS GovCloud (US-East)"},
        {"ap-south-2", "Asia Pacific (Hyderabad)"}, {"ap-southeast-3", "Asia Pacific (Jakarta)"},
        {"ap-southeast-4", "Asia Pacific (Melbourne)"}, {"eu-central-2", "EU (Zurich)"},
        {"eu-south-2", "EU (Spain)"},              {"me-central-1", "Middle East (UAE)"},
        {"il-central-1", "Israel (Tel Aviv)"},     {"ca-west-1", "Canada West (Calgary)"},
    };
    Other other;
    if (index < 120) {
        // Data transfer: no "location", only from/to, which an importer keyed on location must skip.
        const auto &region = regions[index / 4];
        static const char *kinds[] = {"InterRegion Outbound", "InterRegion Inbound", "IntraRegion", "AWS Outbound"};
        const std::string kind = kinds[index % 4];
        other.family = "Data Transfer";
        other.unit = "GB";
        other.price1e4 = kind == "InterRegion Inbound" ? 0 : 200;
        other.description = "GB - US East (N. Virginia) data transfer to " + std::string(region[1]);
        other.attributes = {{"servicecode", "AWSDataTransfer"},
                            {"transferType", kind},
                            {"fromLocation", "US East (N. Virginia)"},
                            {"fromLocationType", "AWS Region"},
                            {"toLocation", region[1]},
                            {"toLocationType", "AWS Region"},
                            {"usagetype", "USE1-" + std::string(region[0]) + "-AWS-Out-Bytes"},
                            {"operation", ""},
                            {"fromRegionCode", "us-east-1"},
                            {"toRegionCode", region[0]},
                            {"servicename", "AWS Data Transfer"}};
        return other;
    }
    if (index < 148) {
        static const char *volumes[][3] = {{"gp2", "General Purpose", "1000"}, {"gp3", "General Purpose", "800"},
                                           {"io1", "Provisioned IOPS", "1250"}, {"io2", "Provisioned IOPS", "1250"},
                                           {"st1", "Throughput Optimized HDD", "450"},
                                           {"sc1", "Cold HDD", "150"},          {"standard", "Magnetic", "500"}};
        const auto &volume = volumes[(index - 120) / 4];
        static const char *parts[] = {"VolumeUsage", "VolumeP-IOPS", "VolumeP-Throughput", "SnapshotUsage"};
        const std::string part = parts[(index - 120) % 4];
        other.family = part == "SnapshotUsage" ? "Storage Snapshot" : "Storage";
        other.unit = part == "VolumeUsage" || part == "SnapshotUsage" ? "GB-Mo" : "IOPS-Mo";
        other.price1e4 = std::stoi(volume[2]);
        other.description = std::string(volume[1]) + " " + part + " provisioned storage - US East (Northern Virginia)";
        other.attributes = {{"servicecode", "AmazonEC2"},
                            {"location", "US East (N. Virginia)"},
                            {"locationType", "AWS Region"},
                            {"storageMedia", part == "SnapshotUsage" ? "Amazon S3" : "SSD-backed"},
                            {"volumeType", volume[1]},
                            {"maxVolumeSize", "16 TiB"},
                            {"maxIopsvolume", "16000"},
                            {"maxThroughputvolume", "1000 MiB/s"},
                            {"usagetype", "EBS:" + part + "." + volume[0]},
                            {"operation", ""},
                            {"volumeApiName", volume[0]},
                            {"regionCode", "us-east-1"},
                            {"servicename", "Amazon Elastic Compute Cloud"}};
        return other;
    }
    static const char *ips[] = {"ElasticIP:IdleAddress", "ElasticIP:AdditionalAddress", "ElasticIP:Remap",
                                "PublicIPv4:InUseAddress", "PublicIPv4:IdleAddress", "ElasticIP:BYOIPAddress"};
    const std::string ip = ips[index - 148];
    other.family = "IP Address";
    other.unit = "Hrs";
    other.price1e4 = 50;
    other.description = "hour for " + ip + " in US East (N. Virginia)";
    other.attributes = {{"servicecode", "AmazonVPC"},
                        {"location", "US East (N. Virginia)"},
                        {"locationType", "AWS Region"},
                        {"group", "ElasticIP:Address"},
                        {"groupDescription", "Elastic IP address"},
                        {"usagetype", ip},
                        {"operation", "AssociateAddress"},
                        {"regionCode", "us-east-1"},
                        {"servicename", "Amazon Virtual Private Cloud"}};
    return other;
}

} // namespace Costscape::Bench::OfferCatalog
