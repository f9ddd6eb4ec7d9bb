// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/bill/bill.h"

#include "base/textformat.h"
#include "models/bill/billreader.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace Costscape::Models {

namespace {

using Pricing::ServicePrices;
using Pricing::UsageTier;

/** How a line's monthly cost spreads over the hours: with the requests, or evenly over the month. */
enum class Spread {
    Requests,
    Hours,
};

class BillBuilder
{
public:
    BillBuilder(const OptionContext &c, OptionResult &r, std::vector<std::string> &leftOut)
        : m_c(c)
        , m_r(r)
        , m_leftOut(leftOut)
        , m_prices(c.sheet.region(c.region()) ? c.sheet.region(c.region())->services : m_none)
        , m_traffic(c.scenario.workload.traffic)
        , m_bill(c.option.bill)
        , m_platform(c.option.platform())
    {
    }

    void run()
    {
        frontDoor();
        nat();
        publicIpv4();
        dataTransferOut();
        logs();
        rootVolumes();
    }

private:
    void add(LineItem item, Spread spread)
    {
        if (!m_r.hourlyCost.empty() && m_r.hourlyCost.size() == m_c.plan.size()) {
            const double monthRequests = spread == Spread::Requests ? requests() : 0;
            for (std::size_t i = 0; i < m_c.plan.size(); ++i) {
                double share = 0;
                if (spread == Spread::Requests)
                    share = monthRequests > 0 ? m_c.plan.ratePerSecond[i] * 3600.0 / monthRequests : 0;
                else
                    share = m_c.plan.hoursPerMonth > 0 ? 1.0 / m_c.plan.hoursPerMonth : 0;
                m_r.hourlyCost[i] += item.cost * share;
            }
        }
        m_r.addLine(std::move(item));
    }

    /** A part the sheet has no price for: a warning that names the offer to import, and left out. */
    void unpriced(const std::string &part, const char *offer)
    {
        m_r.warnings.push_back(part + " not priced: " + m_c.sheetName() + " has no " + part + " prices for region "
                               + m_c.region() + "; import AWS's " + offer + " offer file (costscape-cli import-aws)");
        m_leftOut.push_back(part + " (no prices for " + m_c.region() + ")");
    }

    /** Usage beyond the sheet's last tier: a warning and left out, never a guessed price. */
    void beyondTiers(const std::string &part, double unpricedQuantity, const std::string &unit, const char *offer)
    {
        m_r.warnings.push_back(part + ": " + Text::grouped(unpricedQuantity, 0) + " " + unit + " beyond the last tier of "
                               + m_c.sheetName() + " are not priced; import AWS's " + offer + " offer file");
        m_leftOut.push_back(part + " beyond the sheet's last tier");
    }

    double gbIn() const { return m_traffic.bytesInPerRequest.value_or(0) * requests() / BytesPerGb; }
    double gbOut() const { return m_traffic.bytesOutPerRequest.value_or(0) * requests() / BytesPerGb; }

    void frontDoor()
    {
        if (!m_bill.frontDoor) {
            m_leftOut.push_back("front door (add \"frontDoor\")");
            return;
        }
        switch (*m_bill.frontDoor) {
        case FrontDoor::None:
            return;
        case FrontDoor::FunctionUrl:
            add({"front door: function URL", requests(), "requests", 0, 0,
                 "Lambda function URLs have no charge of their own; the function's requests and duration are billed"},
                Spread::Requests);
            return;
        case FrontDoor::ApiGatewayHttp:
        case FrontDoor::ApiGatewayRest:
            apiGateway(*m_bill.frontDoor == FrontDoor::ApiGatewayHttp);
            return;
        case FrontDoor::Alb:
            alb();
            return;
        }
    }

    void apiGateway(bool http)
    {
        const std::vector<UsageTier> &tiers = http ? m_prices.apiGatewayHttpPerMillion : m_prices.apiGatewayRestPerMillion;
        const std::string part = http ? "API Gateway HTTP API" : "API Gateway REST API";
        if (tiers.empty())
            return unpriced(part, "AmazonApiGateway");
        double metered = requests();
        std::string note = "tiers by requests per month";
        if (http) {
            // "HTTP APIs are metered in 512 KB increments" (AWS API Gateway pricing; AWS whitepaper
            // "Best Practices for Designing Amazon API Gateway Private APIs", table 4): a request
            // whose request and response together exceed 512 KB counts as several.
            const double bytes = m_traffic.bytesInPerRequest.value_or(0) + m_traffic.bytesOutPerRequest.value_or(0);
            const double increments = std::max(1.0, std::ceil(bytes / (512.0 * 1024.0) - 1e-12));
            metered *= increments;
            if (increments > 1)
                note = "each request counts " + Text::grouped(increments, 0) + " times (metered in 512 KB increments)";
        }
        // The tiers' upTo are in requests and their prices per million requests.
        const Pricing::TieredCost tc = Pricing::tieredCost(tiers, metered);
        const double cost = tc.cost / 1e6; // prices per million
        const double priced = metered - tc.unpriced;
        add({"front door: " + part, priced / 1e6, "million requests", priced > 0 ? cost / (priced / 1e6) : tiers.front().price,
             cost, note},
            Spread::Requests);
        if (tc.unpriced > 0)
            beyondTiers(part, tc.unpriced, "requests", "AmazonApiGateway");
    }

    void alb()
    {
        const std::string part = "Application Load Balancer";
        if (!m_prices.albHourly || !m_prices.albLcuHourly)
            return unpriced(part, "AWSELB");
        const double hours = m_c.hoursPerMonth;
        add({"front door: load balancer hours", hours, "hours", *m_prices.albHourly, hours * *m_prices.albHourly,
             "one Application Load Balancer, every hour of the month"},
            Spread::Hours);

        const double bytesPerRequest = m_traffic.bytesInPerRequest.value_or(0) + m_traffic.bytesOutPerRequest.value_or(0);
        const double perConnection = m_bill.alb.requestsPerConnection;
        const double connectionSeconds
            = m_bill.alb.connectionSeconds.value_or(perConnection * m_c.durationMs / 1000.0);
        const double paidRules = std::max(0.0, m_bill.alb.rulesPerRequest - 10.0);
        double lcuHours = 0;
        std::vector<double> lcuCostPerHour(m_c.plan.size(), 0.0);
        for (std::size_t i = 0; i < m_c.plan.size(); ++i) {
            const double rate = m_c.plan.ratePerSecond[i];
            LcuDimensions d;
            d.newConnectionsPerSecond = rate / perConnection;
            d.activeConnections = d.newConnectionsPerSecond * connectionSeconds; // Little's law
            d.processedGbPerHour = rate * 3600.0 * bytesPerRequest / BytesPerGb;
            d.ruleEvaluationsPerSecond = rate * paidRules;
            d.lambdaTargets = isLambdaFamily(m_platform);
            const double lcu = lcuForHour(d);
            lcuHours += lcu * m_c.plan.weight[i];
            lcuCostPerHour[i] = lcu * *m_prices.albLcuHourly;
        }
        std::string note = "largest of new connections/25 per s, active connections/3,000, GB/"
            + std::string(isLambdaFamily(m_platform) ? "0.4" : "1") + " per hour, paid rule evaluations/1,000 per s";
        if (m_traffic.bytesInPerRequest || m_traffic.bytesOutPerRequest) {
        } else {
            note += "; no bytes per request given, so processed bytes count 0";
            m_leftOut.push_back("load balancer processed bytes (add workload bytesInPerRequest/bytesOutPerRequest)");
        }
        LineItem item{"front door: load balancer capacity units", lcuHours, "LCU-hours", *m_prices.albLcuHourly,
                      lcuHours * *m_prices.albLcuHourly, note};
        if (m_r.hourlyCost.size() == lcuCostPerHour.size())
            for (std::size_t i = 0; i < lcuCostPerHour.size(); ++i)
                m_r.hourlyCost[i] += lcuCostPerHour[i];
        m_r.addLine(std::move(item));
    }

    void nat()
    {
        if (!m_bill.natGateways) {
            m_leftOut.push_back("NAT gateways (add \"natGateways\", 0 for none)");
            return;
        }
        const double count = *m_bill.natGateways;
        if (count <= 0)
            return;
        if (!m_prices.natGatewayHourly || !m_prices.natGatewayPerGb)
            return unpriced("NAT gateway", "AmazonEC2 (NatGateway rows)");
        const double hours = count * m_c.hoursPerMonth;
        add({"NAT gateway: hours", hours, "gateway-hours", *m_prices.natGatewayHourly, hours * *m_prices.natGatewayHourly,
             Text::grouped(count, 0) + " gateway(s), every hour of the month"},
            Spread::Hours);
        const double gb = m_bill.natTrafficShare * (gbIn() + gbOut());
        if (gb > 0 || m_bill.natTrafficShare > 0)
            add({"NAT gateway: data processed", gb, "GB", *m_prices.natGatewayPerGb, gb * *m_prices.natGatewayPerGb,
                 Text::general(m_bill.natTrafficShare * 100) + "% of the request and response bytes cross the gateways"},
                Spread::Requests);
    }

    void publicIpv4()
    {
        if (!m_bill.publicIpv4 && !m_bill.publicIpv4PerInstance) {
            m_leftOut.push_back("public IPv4 addresses (add \"publicIpv4\", 0 for none)");
            return;
        }
        double hours = 0;
        std::string note;
        if (m_bill.publicIpv4PerInstance) {
            if (m_r.fleet.unit != "instances") {
                m_r.warnings.push_back("publicIpv4 \"per-instance\": this option runs no instances of its own; no addresses priced");
                return;
            }
            hours = m_r.fleet.unitHours;
            note = "one address per instance-hour";
        } else {
            if (*m_bill.publicIpv4 <= 0)
                return;
            hours = *m_bill.publicIpv4 * m_c.hoursPerMonth;
            note = Text::grouped(*m_bill.publicIpv4, 0) + " address(es), every hour of the month";
        }
        if (!m_prices.publicIpv4Hourly)
            return unpriced("public IPv4", "AmazonVPC (PublicIPv4 rows)");
        add({"public IPv4", hours, "address-hours", *m_prices.publicIpv4Hourly, hours * *m_prices.publicIpv4Hourly,
             note + " (charged since February 2024)"},
            Spread::Hours);
    }

    void dataTransferOut()
    {
        if (!m_traffic.bytesOutPerRequest) {
            m_leftOut.push_back("data transfer out (add workload \"bytesOutPerRequest\")");
            return;
        }
        if (m_prices.dataTransferOutPerGb.empty())
            return unpriced("data transfer out", "AWSDataTransfer");
        const double gb = gbOut();
        const double free = std::min(gb, m_prices.dataTransferOutFreeGb.value_or(0));
        const double billed = gb - free;
        const Pricing::TieredCost tc = Pricing::tieredCost(m_prices.dataTransferOutPerGb, billed);
        const double priced = billed - tc.unpriced;
        std::string note = "to the internet";
        if (free > 0)
            note += "; the first " + Text::grouped(free, 0) + " GB are the monthly free allowance (account-wide: once per account, not per option)";
        add({"data transfer out", priced, "GB", priced > 0 ? tc.cost / priced : m_prices.dataTransferOutPerGb.front().price,
             tc.cost, note},
            Spread::Requests);
        if (tc.unpriced > 0)
            beyondTiers("data transfer out", tc.unpriced, "GB", "AWSDataTransfer");
    }

    void logs()
    {
        if (!m_traffic.logBytesPerRequest) {
            m_leftOut.push_back("CloudWatch Logs (add workload \"logBytesPerRequest\")");
            return;
        }
        const double gb = m_traffic.logBytesPerRequest.value_or(0) * requests() / BytesPerGb;
        const bool lambda = isLambdaFamily(m_platform);
        if (lambda) {
            // Lambda's logs are vended logs, tiered since 1 May 2025.
            if (m_prices.logsLambdaIngestionPerGb.empty())
                return unpriced("CloudWatch Logs (Lambda)", "AmazonCloudWatch");
            const Pricing::TieredCost tc = Pricing::tieredCost(m_prices.logsLambdaIngestionPerGb, gb);
            const double priced = gb - tc.unpriced;
            add({"logs: ingestion", priced, "GB", priced > 0 ? tc.cost / priced : m_prices.logsLambdaIngestionPerGb.front().price,
                 tc.cost, "Lambda logs (vended-log tiers since May 2025)"},
                Spread::Requests);
            if (tc.unpriced > 0)
                beyondTiers("CloudWatch Logs (Lambda)", tc.unpriced, "GB", "AmazonCloudWatch");
        } else {
            if (!m_prices.logsIngestionPerGb)
                return unpriced("CloudWatch Logs", "AmazonCloudWatch");
            add({"logs: ingestion", gb, "GB", *m_prices.logsIngestionPerGb, gb * *m_prices.logsIngestionPerGb,
                 "standard log class"},
                Spread::Requests);
        }
        if (!m_bill.logRetentionDays) {
            m_leftOut.push_back("log storage (add \"logRetentionDays\")");
            return;
        }
        if (!m_prices.logsStoragePerGbMonth)
            return unpriced("CloudWatch Logs storage", "AmazonCloudWatch");
        // Steady state: a month's ingestion held for the retention period. AWS stores logs
        // compressed, so this is an upper bound.
        const double daysPerMonth = m_c.hoursPerMonth / 24.0;
        const double stored = daysPerMonth > 0 ? gb * *m_bill.logRetentionDays / daysPerMonth : 0;
        add({"logs: storage", stored, "GB-months", *m_prices.logsStoragePerGbMonth, stored * *m_prices.logsStoragePerGbMonth,
             Text::grouped(*m_bill.logRetentionDays, 0) + " days' retention, uncompressed size (an upper bound)"},
            Spread::Hours);
    }

    void rootVolumes()
    {
        if (!hasRootVolumes(m_platform))
            return;
        if (!m_bill.rootVolume) {
            m_leftOut.push_back("root volumes (add \"rootVolume\")");
            return;
        }
        const RootVolume &v = *m_bill.rootVolume;
        const auto it = m_prices.ebsGbMonth.find(v.type);
        if (it == m_prices.ebsGbMonth.end())
            return unpriced("EBS " + v.type, "AmazonEC2 (EBS rows)");
        // EBS is billed per GB-month, prorated by the hours each instance (and its volume) exists.
        const double gbMonths = m_c.hoursPerMonth > 0 ? v.sizeGb * m_r.fleet.unitHours / m_c.hoursPerMonth : 0;
        add({"root volumes", gbMonths, "GB-months", it->second, gbMonths * it->second,
             Text::grouped(v.sizeGb, 0) + " GiB " + v.type + " per instance, for its instance-hours"},
            Spread::Hours);
    }

    static inline const ServicePrices m_none{};
    const OptionContext &m_c;
    OptionResult &m_r;
    std::vector<std::string> &m_leftOut;
    const ServicePrices &m_prices;
    const WorkloadTraffic &m_traffic;
    const OptionBill &m_bill;
    Platform m_platform;
    /// The plan's requests a month, summed over its hours on first use: most options of most
    /// scenarios have no part billed by the request (the sweep and the draws price thousands).
    mutable std::optional<double> m_requests;
    double requests() const
    {
        if (!m_requests)
            m_requests = m_c.plan.requestsPerMonth();
        return *m_requests;
    }
};

} // namespace

double lcuForHour(const LcuDimensions &d)
{
    return std::max({d.newConnectionsPerSecond / 25.0, d.activeConnections / 3000.0,
                     d.processedGbPerHour / (d.lambdaTargets ? 0.4 : 1.0), d.ruleEvaluationsPerSecond / 1000.0});
}

void addBillParts(const OptionContext &context, OptionResult &result, std::vector<std::string> &leftOut)
{
    if (!result.priced)
        return;
    BillBuilder(context, result, leftOut).run();
}

} // namespace Costscape::Models
