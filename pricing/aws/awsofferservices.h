// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the AWS offer importer (issue 15): the prices of the services around the compute
// (pricing/serviceprices.h) that offer files carry. AmazonApiGateway (HTTP and REST API requests),
// AWSELB (the Application Load Balancer's hour and LCU-hour), AmazonCloudWatch (standard log
// ingestion and storage, and the vended-log tiers Lambda's logs are billed at), AWSDataTransfer (data transfer out to the internet) and the NAT gateway,
// public IPv4 and EBS volume rows of AmazonEC2 (public IPv4 also of AmazonVPC). Gathered while the
// scanners stream the file and written into the sheet's regions at its end.

#include "pricing/pricesheet.h"

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Costscape::Pricing::AwsOffer {

struct KeptProduct;
struct ProductInfo;
struct PriceDimension;
class Collector;

/**
 * The usage type without its region prefix ("USE1-", "EU-", "EUW1-", "APS3-"), or the usage type
 * itself when it has none (us-east-1 rows have none). Only the prefixes AWS uses for regions are
 * stripped: "TS-LoadBalancerUsage" and "EUW2-Outposts-LoadBalancerUsage" keep "TS-" and
 * "Outposts-", so an exact match on the rest never takes them.
 */
std::string_view usageName(std::string_view usageType);

/** Which part of the bill a kept service product prices (KeptProduct::key). */
namespace ServiceItem {
inline constexpr std::string_view ApiGatewayHttp = "api-gateway-http";
inline constexpr std::string_view ApiGatewayRest = "api-gateway-rest";
inline constexpr std::string_view AlbHour = "alb-hour";
inline constexpr std::string_view AlbLcu = "alb-lcu";
inline constexpr std::string_view NatHour = "nat-hour";
inline constexpr std::string_view NatGb = "nat-gb";
inline constexpr std::string_view PublicIpv4 = "public-ipv4";
inline constexpr std::string_view DataTransferOut = "data-transfer-out";
inline constexpr std::string_view LogsIngestion = "logs-ingestion";
inline constexpr std::string_view LogsStorage = "logs-storage";
inline constexpr std::string_view LogsLambda = "logs-lambda"; ///< vended-log tiers, Lambda's since 2025-05-01
inline constexpr std::string_view EbsPrefix = "ebs:"; ///< followed by the volume type, "gp3" or "gp2"
} // namespace ServiceItem

/**
 * Service prices of one file. classify() keeps a product when it is one of the parts above
 * (matched on the service, product family and the usage type's name after the region prefix,
 * never on a price); add() takes each price dimension; finish() writes them into the sheet.
 * Tiered parts (API Gateway requests, data transfer out) keep every band of the dimension;
 * the other parts take one price, and a second, different price for the same region and part is
 * a warning naming both SKUs (the first is kept).
 */
class ServiceRates final
{
public:
    explicit ServiceRates(Collector &collector) : m_collector(collector) {}

    /**
     * True, with out.kind = Service, out.key = the part (ServiceItem) and out.region set, when
     * product is a part of the bill in a region the import keeps; false, out untouched, otherwise.
     * service is the product's service code (the file's offer code when the row has none).
     */
    bool classify(const ProductInfo &product, const std::string &service, const std::vector<std::string> &keepRegions,
                  KeptProduct &out) const;

    /** One OnDemand price dimension (price already parsed, non-negative and within the sheet's limit). */
    void add(const KeptProduct &product, const PriceDimension &dimension, double price, int line);

    /**
     * Writes the gathered prices into out's regions (only the parts this file priced are
     * replaced), adds the regions that received one, and returns how many prices were written.
     * A tiered part whose bands do not follow each other from 0 is not taken, with a warning.
     */
    std::size_t finish(PriceSheet &out, std::set<std::string> &regions);

private:
    struct Band {
        double begin = 0;
        double end = 0; ///< infinity for "Inf"
        double price = 0;
        std::string sku;
    };
    struct Single {
        double price = 0;
        std::string sku;
    };
    using Key = std::pair<std::string, std::string>; // (region, part)

    bool tiersOf(const std::string &region, std::string_view part, double unitScale, std::vector<UsageTier> &tiers,
                 double *freeAllowance);

    Collector &m_collector;
    std::map<Key, std::vector<Band>> m_bands;
    std::map<Key, Single> m_singles;
    std::size_t m_conflicts = 0;
};

} // namespace Costscape::Pricing::AwsOffer
