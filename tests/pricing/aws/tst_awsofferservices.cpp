// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// import-aws for the services around the compute (issue 15): API Gateway, the Application Load
// Balancer, CloudWatch Logs, data transfer out, and the NAT gateway, public IPv4 and EBS rows of
// the EC2 offer. The EBS rows are read from a real excerpt (ligoj's AmazonEC2 eu-west-1 CSV, see
// tests/data/pricelist/SOURCES.md). No public excerpt of the AmazonApiGateway, AWSELB,
// AmazonCloudWatch or AWSDataTransfer offer files was found, so those tests build files in the
// layout AWS documents for bulk offer files (AWS Billing User Guide, "Reading the service price
// list file for an AWS service": products{sku: {productFamily, attributes}} and
// terms.OnDemand{sku}{offerTerm}.priceDimensions{rateCode: {beginRange, endRange, unit,
// pricePerUnit}}), with the attribute names and usage types AWS's Price List API returns for
// those services and the prices of AWS's pricing pages (pricing/data/SOURCES.md), next to the
// decoys a reader must not take (Classic and Network Load Balancers, Outposts and trust-store
// hours, WebSocket messages, the Infrequent Access log class, inter-region transfer).

#include "pricing/aws/awsoffer.h"
#include "pricing/serviceprices.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <limits>

using namespace Costscape;
using namespace Costscape::Pricing;

namespace {

std::string dataPath(const char *name) { return std::string(COSTSCAPE_TEST_DATA_DIR) + "/pricelist/" + name; }

QString errorText(const Error &e) { return QString::fromStdString(e.toString()); }

constexpr double Inf = std::numeric_limits<double>::infinity();

struct Dim {
    std::string begin;
    std::string end;
    std::string unit;
    std::string usd;
};

struct Product {
    std::string family;
    nlohmann::json attributes;
    std::vector<Dim> dims;
};

// A bulk offer file in AWS's layout, one OnDemand term per product.
std::string offerFile(const std::string &offerCode, const std::vector<Product> &products)
{
    nlohmann::json file;
    file["formatVersion"] = "v1.0";
    file["disclaimer"] = "test file in the documented layout";
    file["offerCode"] = offerCode;
    file["version"] = "20260911124408";
    file["publicationDate"] = "2026-09-11T12:44:08Z";
    file["products"] = nlohmann::json::object();
    file["terms"]["OnDemand"] = nlohmann::json::object();
    int index = 0;
    for (const Product &p : products) {
        const std::string sku = "SKU" + std::to_string(index++) + "TESTAAAAAA";
        nlohmann::json attributes = p.attributes;
        attributes["servicecode"] = offerCode;
        file["products"][sku] = {{"sku", sku}, {"productFamily", p.family}, {"attributes", attributes}};
        nlohmann::json dims = nlohmann::json::object();
        int tier = 0;
        for (const Dim &d : p.dims) {
            const std::string rate = sku + ".JRTCKXETXF.RATE" + std::to_string(tier++);
            dims[rate] = {{"rateCode", rate},         {"description", "test"}, {"beginRange", d.begin},
                          {"endRange", d.end},        {"unit", d.unit},        {"pricePerUnit", {{"USD", d.usd}}},
                          {"appliesTo", nlohmann::json::array()}};
        }
        const std::string term = sku + ".JRTCKXETXF";
        file["terms"]["OnDemand"][sku][term] = {{"offerTermCode", "JRTCKXETXF"},
                                               {"sku", sku},
                                               {"effectiveDate", "2026-09-01T00:00:00Z"},
                                               {"priceDimensions", dims},
                                               {"termAttributes", nlohmann::json::object()}};
    }
    return file.dump(2);
}

nlohmann::json at(const char *region, const char *location, const std::string &usage, const std::string &operation = "")
{
    return {{"regionCode", region}, {"location", location}, {"locationType", "AWS Region"}, {"usagetype", usage},
            {"operation", operation}};
}

const ServicePrices &servicesOf(const PriceSheet &sheet, const char *region)
{
    static const ServicePrices none;
    const RegionPrices *r = sheet.region(region);
    return r ? r->services : none;
}

bool hasWarning(const std::vector<Error> &warnings, const char *text)
{
    for (const Error &w : warnings)
        if (w.message.find(text) != std::string::npos)
            return true;
    return false;
}

} // namespace

class TestAwsOfferServices final : public QObject
{
    Q_OBJECT

private slots:
    void ebs_fromRealEc2CsvExcerpt();
    void apiGateway_takesBothApisTiersPerMillion_data();
    void apiGateway_takesBothApisTiersPerMillion();
    void alb_takesApplicationHourAndLcuOnly();
    void natAndPublicIpv4_fromEc2AndVpcOffers();
    void cloudWatch_takesStandardIngestionStorageAndVendedTiers();
    void dataTransferOut_takesInternetTiersAndAllowance_data();
    void dataTransferOut_takesInternetTiersAndAllowance();
    void tiersWithAGap_areNotTakenWithWarning();
    void dimensionInAnotherUnit_isSkippedWithWarning();
    void importReplacesOnlyWhatTheFilePrices();
    void regionFilter_appliesToServices();
    void writtenSheet_readsBackEqual();
};

void TestAwsOfferServices::ebs_fromRealEc2CsvExcerpt()
{
    PriceSheet sheet;
    const auto r = importAwsOffer(dataPath("ligoj_AmazonEC2_eu-west-1_index.csv"), sheet);
    QVERIFY2(r.ok(), qPrintable(errorText(r.error())));
    // The EBS rows of the excerpt (effective 2021-02-01): gp3 $0.088 and gp2 $0.11 per GB-month in
    // EU (Ireland), as AWS's EBS pricing page lists them for the region.
    const ServicePrices &s = servicesOf(sheet, "eu-west-1");
    QCOMPARE(s.ebsGbMonth.size(), std::size_t(2));
    QCOMPARE(s.ebsGbMonth.at("gp3"), 0.088);
    QCOMPARE(s.ebsGbMonth.at("gp2"), 0.11);
    // sc1, st1, snapshots, gp3 IOPS and throughput are other usage types: not volumes the sheet prices.
    QCOMPARE(r->servicePrices, std::size_t(2));
    // A second gp2 row at the same price is no conflict.
    QVERIFY(!hasWarning(r.warnings(), "two prices"));
    // The fixture's instance rows are shorter than its header (78 of 83 fields, an edit of the
    // fixture): each is skipped with its line, never priced, and the EBS rows after them still are.
    QCOMPARE(r->ec2Types, std::size_t(0));
    QVERIFY(!sheet.ec2OnDemandHourly("eu-west-1", "c4.large", "linux"));
    bool located = false;
    for (const Error &w : r.warnings())
        located = located || (w.line == 8 && w.message.find("expected 83 fields, found 78") != std::string::npos);
    QVERIFY(located);
    QVERIFY(!s.natGatewayHourly);
    QVERIFY(!s.albHourly);
}

void TestAwsOfferServices::apiGateway_takesBothApisTiersPerMillion_data()
{
    QTest::addColumn<double>("requests");
    QTest::addColumn<double>("httpCost");
    QTest::addColumn<double>("restCost");
    // Hand-worked from https://aws.amazon.com/api-gateway/pricing/ (us-east-1): HTTP APIs $1.00 per
    // million for the first 300 million, $0.90 after; REST APIs $3.50 per million for the first 333
    // million, $2.80 for the next 667 million, $2.38 for the next 19 billion, $1.51 after.
    QTest::newRow("100 million, first band of both") << 100e6 << 100.0 << 350.0;
    QTest::newRow("400 million, across the HTTP boundary") << 400e6 << (300.0 + 100 * 0.9) << (333 * 3.5 + 67 * 2.8);
    QTest::newRow("2 billion, third REST band")
        << 2e9 << (300.0 + 1700 * 0.9) << (333 * 3.5 + 667 * 2.8 + 1000 * 2.38);
}

void TestAwsOfferServices::apiGateway_takesBothApisTiersPerMillion()
{
    QFETCH(double, requests);
    QFETCH(double, httpCost);
    QFETCH(double, restCost);
    const char *use1 = "us-east-1";
    const char *virginia = "US East (N. Virginia)";
    const std::string file = offerFile(
        "AmazonApiGateway",
        {{"API Calls", at(use1, virginia, "USE1-ApiGatewayHttpRequest", "ApiGatewayHttpApi"),
          {{"0", "300000000", "Requests", "0.0000010000"}, {"300000000", "Inf", "Requests", "0.0000009000"}}},
         {"API Calls", at(use1, virginia, "USE1-ApiGatewayRequest", "ApiGatewayRequest"),
          {{"0", "333000000", "Requests", "0.0000035000"},
           {"333000000", "1000000000", "Requests", "0.0000028000"},
           {"1000000000", "20000000000", "Requests", "0.0000023800"},
           {"20000000000", "Inf", "Requests", "0.0000015100"}}},
         // Decoys: WebSocket messages and a cache, both other usage types.
         {"WebSocket", at(use1, virginia, "USE1-ApiGatewayMessage", "ApiGatewayWebSocket"),
          {{"0", "1000000000", "Messages", "0.0000010000"}}},
         {"Amazon API Gateway Cache", at(use1, virginia, "USE1-ApiGatewayCacheUsage:0.5GB", "RunInstances"),
          {{"0", "Inf", "Hrs", "0.0200000000"}}},
         // eu-west-1's HTTP API, $1.11 per million (the same page, EU (Ireland)).
         {"API Calls", at("eu-west-1", "EU (Ireland)", "EU-ApiGatewayHttpRequest", "ApiGatewayHttpApi"),
          {{"0", "300000000", "Requests", "0.0000011100"}, {"300000000", "Inf", "Requests", "0.0000010000"}}}});
    PriceSheet sheet;
    const auto r = importAwsOfferText(file, "AmazonApiGateway.json", sheet);
    QVERIFY2(r.ok(), qPrintable(errorText(r.error())));
    QCOMPARE(r->offerCode, std::string("AmazonApiGateway"));
    const ServicePrices &s = servicesOf(sheet, "us-east-1");
    QCOMPARE(s.apiGatewayHttpPerMillion.size(), std::size_t(2));
    QCOMPARE(s.apiGatewayHttpPerMillion[0].upTo, 300e6);
    QCOMPARE(s.apiGatewayHttpPerMillion[0].price, 1.0);
    QCOMPARE(s.apiGatewayHttpPerMillion[1].upTo, Inf);
    QCOMPARE(s.apiGatewayRestPerMillion.size(), std::size_t(4));
    QVERIFY(qAbs(tieredCost(s.apiGatewayHttpPerMillion, requests).cost / 1e6 - httpCost) < 1e-6);
    QVERIFY(qAbs(tieredCost(s.apiGatewayRestPerMillion, requests).cost / 1e6 - restCost) < 1e-6);
    QCOMPARE(servicesOf(sheet, "eu-west-1").apiGatewayHttpPerMillion.at(0).price, 1.11);
    QCOMPARE(r->regions, (std::vector<std::string>{"eu-west-1", "us-east-1"}));
}

void TestAwsOfferServices::alb_takesApplicationHourAndLcuOnly()
{
    const char *use1 = "us-east-1";
    const char *virginia = "US East (N. Virginia)";
    // https://aws.amazon.com/elasticloadbalancing/pricing/ (us-east-1): an Application Load
    // Balancer is $0.0225 per hour and $0.008 per LCU-hour; a Classic one $0.025, a Network one $0.0225
    // per hour and $0.006 per NLCU-hour.
    const std::string file = offerFile(
        "AWSELB",
        {{"Load Balancer-Network", at(use1, virginia, "LoadBalancerUsage", "LoadBalancing:Network"),
          {{"0", "Inf", "Hrs", "0.0225000000"}}},
         {"Load Balancer-Network", at(use1, virginia, "LCUUsage", "LoadBalancing:Network"),
          {{"0", "Inf", "LCU-Hrs", "0.0060000000"}}},
         {"Load Balancer", at(use1, virginia, "LoadBalancerUsage", "LoadBalancing"), {{"0", "Inf", "Hrs", "0.0250000000"}}},
         {"Load Balancer-Application", at(use1, virginia, "Outposts-LoadBalancerUsage", "LoadBalancing:Application"),
          {{"0", "Inf", "Hrs", "0.0000000000"}}},
         {"Load Balancer-Application", at(use1, virginia, "TS-LoadBalancerUsage", "LoadBalancing:Application"),
          {{"0", "Inf", "Hrs", "0.0050000000"}}},
         {"Load Balancer-Application", at(use1, virginia, "LoadBalancerUsage", "LoadBalancing:Application"),
          {{"0", "Inf", "Hrs", "0.0225000000"}}},
         {"Load Balancer-Application", at(use1, virginia, "LCUUsage", "LoadBalancing:Application"),
          {{"0", "Inf", "LCU-Hrs", "0.0080000000"}}},
         {"Load Balancer-Application", at("eu-west-1", "EU (Ireland)", "EU-LoadBalancerUsage", "LoadBalancing:Application"),
          {{"0", "Inf", "Hrs", "0.0252000000"}}}});
    PriceSheet sheet;
    const auto r = importAwsOfferText(file, "AWSELB.json", sheet);
    QVERIFY2(r.ok(), qPrintable(errorText(r.error())));
    const ServicePrices &s = servicesOf(sheet, "us-east-1");
    QCOMPARE(s.albHourly, std::optional<double>(0.0225));
    QCOMPARE(s.albLcuHourly, std::optional<double>(0.008));
    QVERIFY(!hasWarning(r.warnings(), "two prices"));
    QCOMPARE(servicesOf(sheet, "eu-west-1").albHourly, std::optional<double>(0.0252));
    QCOMPARE(r->servicePrices, std::size_t(3));
}

void TestAwsOfferServices::natAndPublicIpv4_fromEc2AndVpcOffers()
{
    const char *use1 = "us-east-1";
    const char *virginia = "US East (N. Virginia)";
    // https://aws.amazon.com/vpc/pricing/ (us-east-1): a NAT gateway is $0.045 per hour and $0.045
    // per GB processed; a public IPv4 address $0.005 per hour, in use or idle.
    const std::string ec2 = offerFile(
        "AmazonEC2", {{"NAT Gateway", at(use1, virginia, "NatGateway-Hours", "NatGateway"), {{"0", "Inf", "Hrs", "0.0450000000"}}},
                      {"NAT Gateway", at(use1, virginia, "NatGateway-Bytes", "NatGateway"), {{"0", "Inf", "GB", "0.0450000000"}}},
                      {"NAT Gateway", at(use1, virginia, "NatGateway-Hours-Additional", "NatGateway"),
                       {{"0", "Inf", "Hrs", "0.0000000000"}}}});
    const std::string vpc = offerFile(
        "AmazonVPC", {{"IP Address", at(use1, virginia, "PublicIPv4:InUseAddress", "AssociateAddressVPC"),
                       {{"0", "Inf", "Hrs", "0.0050000000"}}},
                      {"IP Address", at(use1, virginia, "PublicIPv4:IdleAddress", "AssociateAddressVPC"),
                       {{"0", "Inf", "Hrs", "0.0050000000"}}}});
    PriceSheet sheet;
    const auto a = importAwsOfferText(ec2, "AmazonEC2.json", sheet);
    QVERIFY2(a.ok(), qPrintable(errorText(a.error())));
    const auto b = importAwsOfferText(vpc, "AmazonVPC.json", sheet);
    QVERIFY2(b.ok(), qPrintable(errorText(b.error())));
    const ServicePrices &s = servicesOf(sheet, "us-east-1");
    QCOMPARE(s.natGatewayHourly, std::optional<double>(0.045));
    QCOMPARE(s.natGatewayPerGb, std::optional<double>(0.045));
    QCOMPARE(s.publicIpv4Hourly, std::optional<double>(0.005));
    // "NatGateway-Hours-Additional" is another usage type, not a second NAT hour price.
    QVERIFY(!hasWarning(a.warnings(), "two prices"));
}

void TestAwsOfferServices::cloudWatch_takesStandardIngestionStorageAndVendedTiers()
{
    const char *use1 = "us-east-1";
    const char *virginia = "US East (N. Virginia)";
    // https://aws.amazon.com/cloudwatch/pricing/ (us-east-1): Standard log ingestion $0.50 per GB,
    // Infrequent Access $0.25, storage $0.03 per GB-month; vended logs delivered to CloudWatch Logs
    // (Lambda's since 2025-05-01) $0.50 per GB for the first 10 TB, $0.25 for the next 20 TB, $0.10
    // for the next 20 TB, $0.05 beyond 50 TB.
    const std::string file = offerFile(
        "AmazonCloudWatch",
        {{"Data Payload", at(use1, virginia, "DataProcessing-Bytes", "PutLogEvents"), {{"0", "Inf", "GB", "0.5000000000"}}},
         {"Data Payload", at(use1, virginia, "VendedLog-Bytes", "PutLogEvents"),
          {{"0", "10240", "GB", "0.5000000000"}, {"10240", "30720", "GB", "0.2500000000"},
           {"30720", "51200", "GB", "0.1000000000"}, {"51200", "Inf", "GB", "0.0500000000"}}},
         {"Data Payload", at(use1, virginia, "VendedLog-Bytes-WAFLogs", "PutLogEvents"), {{"0", "Inf", "GB", "0.4000000000"}}},
         {"Data Payload", at(use1, virginia, "DataProcessingIA-Bytes", "PutLogEvents"), {{"0", "Inf", "GB", "0.2500000000"}}},
         {"Storage Snapshot", at(use1, virginia, "TimedStorage-ByteHrs", "HourlyStorageMetering"),
          {{"0", "Inf", "GB-Mo", "0.0300000000"}}}});
    PriceSheet sheet;
    const auto r = importAwsOfferText(file, "AmazonCloudWatch.json", sheet);
    QVERIFY2(r.ok(), qPrintable(errorText(r.error())));
    const ServicePrices &s = servicesOf(sheet, "us-east-1");
    QCOMPARE(s.logsIngestionPerGb, std::optional<double>(0.5));
    QCOMPARE(s.logsStoragePerGbMonth, std::optional<double>(0.03));
    QCOMPARE(s.logsLambdaIngestionPerGb.size(), std::size_t(4));
    QCOMPARE(s.logsLambdaIngestionPerGb[1].upTo, 30720.0);
    QCOMPARE(s.logsLambdaIngestionPerGb[1].price, 0.25);
    // 40 TB of Lambda logs: 10,240 x 0.50 + 20,480 x 0.25 + 10,240 x 0.10 = $11,264.
    QCOMPARE(tieredCost(s.logsLambdaIngestionPerGb, 40960).cost, 11264.0);
    QCOMPARE(r->servicePrices, std::size_t(3));
}

void TestAwsOfferServices::dataTransferOut_takesInternetTiersAndAllowance_data()
{
    QTest::addColumn<bool>("freeBand");
    QTest::addColumn<double>("allowance");
    QTest::addColumn<double>("firstUpTo");
    QTest::newRow("bands from 0, no free band") << false << -1.0 << 10240.0;
    QTest::newRow("a free first 100 GB is the allowance") << true << 100.0 << 10240.0;
}

void TestAwsOfferServices::dataTransferOut_takesInternetTiersAndAllowance()
{
    QFETCH(bool, freeBand);
    QFETCH(double, allowance);
    QFETCH(double, firstUpTo);
    // https://aws.amazon.com/ec2/pricing/on-demand/ "Data Transfer OUT From Amazon EC2 To Internet"
    // (us-east-1): $0.09 per GB for the first 10 TB, $0.085 for the next 40 TB, $0.07 for the next
    // 100 TB, $0.05 beyond 150 TB.
    const double shift = freeBand ? 100 : 0;
    const auto num = [](double v) { return QString::number(v, 'f', 0).toStdString(); };
    std::vector<Dim> dims;
    if (freeBand)
        dims.push_back({"0", "100", "GB", "0.0000000000"});
    dims.push_back({num(shift), num(shift + 10240), "GB", "0.0900000000"});
    dims.push_back({num(shift + 10240), num(shift + 51200), "GB", "0.0850000000"});
    dims.push_back({num(shift + 51200), num(shift + 153600), "GB", "0.0700000000"});
    dims.push_back({num(shift + 153600), "Inf", "GB", "0.0500000000"});
    nlohmann::json out = {{"transferType", "AWS Outbound"}, {"fromLocation", "US East (N. Virginia)"},
                          {"fromLocationType", "AWS Region"}, {"toLocation", "External"},
                          {"toLocationType", "Other"},        {"usagetype", "USE1-DataTransfer-Out-Bytes"},
                          {"operation", ""},                  {"fromRegionCode", "us-east-1"}};
    nlohmann::json inter = out;
    inter["transferType"] = "InterRegion Outbound";
    inter["toLocation"] = "EU (Ireland)";
    inter["usagetype"] = "USE1-EU-AWS-Out-Bytes";
    nlohmann::json interSameName = inter;
    interSameName["usagetype"] = "USE1-DataTransfer-Out-Bytes"; // only the destination tells it apart
    const std::string file = offerFile("AWSDataTransfer", {{"Data Transfer", out, dims},
                                                           {"Data Transfer", inter, {{"0", "Inf", "GB", "0.0200000000"}}},
                                                           {"Data Transfer", interSameName, {{"0", "Inf", "GB", "0.0200000000"}}}});
    PriceSheet sheet;
    const auto r = importAwsOfferText(file, "AWSDataTransfer.json", sheet);
    QVERIFY2(r.ok(), qPrintable(errorText(r.error())));
    const ServicePrices &s = servicesOf(sheet, "us-east-1");
    QCOMPARE(s.dataTransferOutPerGb.size(), std::size_t(4));
    QCOMPARE(s.dataTransferOutPerGb[0].upTo, firstUpTo);
    QCOMPARE(s.dataTransferOutPerGb[0].price, 0.09);
    QCOMPARE(s.dataTransferOutPerGb[3].upTo, Inf);
    QCOMPARE(s.dataTransferOutPerGb[3].price, 0.05);
    if (allowance < 0)
        QVERIFY(!s.dataTransferOutFreeGb);
    else
        QCOMPARE(s.dataTransferOutFreeGb, std::optional<double>(allowance));
    // 20 TB beyond the allowance: 10,240 GB at $0.09 and 10,240 at $0.085 = $1,792.00.
    QVERIFY(qAbs(tieredCost(s.dataTransferOutPerGb, 20480).cost - 1792.0) < 1e-9);
}

void TestAwsOfferServices::tiersWithAGap_areNotTakenWithWarning()
{
    const std::string file =
        offerFile("AmazonApiGateway", {{"API Calls", at("us-east-1", "US East (N. Virginia)", "ApiGatewayHttpRequest"),
                                        {{"0", "300000000", "Requests", "0.0000010000"},
                                         {"400000000", "Inf", "Requests", "0.0000009000"}}}});
    PriceSheet sheet;
    const auto r = importAwsOfferText(file, "gap.json", sheet);
    QVERIFY2(r.ok(), qPrintable(errorText(r.error())));
    QVERIFY(servicesOf(sheet, "us-east-1").apiGatewayHttpPerMillion.empty());
    QVERIFY(hasWarning(r.warnings(), "do not follow each other"));
    // Nothing priced: the import says so rather than writing an empty sheet silently.
    QCOMPARE(r->prices, std::size_t(0));
}

void TestAwsOfferServices::dimensionInAnotherUnit_isSkippedWithWarning()
{
    const std::string file = offerFile(
        "AWSELB", {{"Load Balancer-Application", at("us-east-1", "US East (N. Virginia)", "LoadBalancerUsage"),
                    {{"0", "Inf", "LCU-Hrs", "0.0225000000"}}}});
    PriceSheet sheet;
    const auto r = importAwsOfferText(file, "unit.json", sheet);
    QVERIFY2(r.ok(), qPrintable(errorText(r.error())));
    QVERIFY(!servicesOf(sheet, "us-east-1").albHourly);
    QVERIFY(hasWarning(r.warnings(), "not per Hrs"));
}

void TestAwsOfferServices::importReplacesOnlyWhatTheFilePrices()
{
    PriceSheet sheet;
    sheet.provenance.currency = "USD";
    RegionPrices &r = sheet.regions["us-east-1"];
    r.code = "us-east-1";
    r.services.natGatewayHourly = 0.045;
    r.services.albHourly = 0.03; // to be replaced
    r.services.ebsGbMonth["gp2"] = 0.1;
    const std::string file = offerFile(
        "AWSELB", {{"Load Balancer-Application", at("us-east-1", "US East (N. Virginia)", "LoadBalancerUsage"),
                    {{"0", "Inf", "Hrs", "0.0225000000"}}}});
    const auto result = importAwsOfferText(file, "AWSELB.json", sheet);
    QVERIFY2(result.ok(), qPrintable(errorText(result.error())));
    const ServicePrices &s = servicesOf(sheet, "us-east-1");
    QCOMPARE(s.albHourly, std::optional<double>(0.0225));
    QCOMPARE(s.natGatewayHourly, std::optional<double>(0.045));
    QCOMPARE(s.ebsGbMonth.at("gp2"), 0.1);
    QVERIFY(!s.albLcuHourly);
}

void TestAwsOfferServices::regionFilter_appliesToServices()
{
    const std::string file = offerFile(
        "AWSELB", {{"Load Balancer-Application", at("us-east-1", "US East (N. Virginia)", "LoadBalancerUsage"),
                    {{"0", "Inf", "Hrs", "0.0225000000"}}},
                   {"Load Balancer-Application", at("eu-west-1", "EU (Ireland)", "EU-LoadBalancerUsage"),
                    {{"0", "Inf", "Hrs", "0.0252000000"}}}});
    PriceSheet sheet;
    AwsImportOptions options;
    options.regions = {"eu-west-1"};
    const auto r = importAwsOfferText(file, "AWSELB.json", sheet, options);
    QVERIFY2(r.ok(), qPrintable(errorText(r.error())));
    QVERIFY(!sheet.region("us-east-1"));
    QCOMPARE(servicesOf(sheet, "eu-west-1").albHourly, std::optional<double>(0.0252));
}

void TestAwsOfferServices::writtenSheet_readsBackEqual()
{
    PriceSheet sheet;
    const auto ebs = importAwsOffer(dataPath("ligoj_AmazonEC2_eu-west-1_index.csv"), sheet);
    QVERIFY2(ebs.ok(), qPrintable(errorText(ebs.error())));
    const std::string file = offerFile(
        "AmazonApiGateway", {{"API Calls", at("eu-west-1", "EU (Ireland)", "EU-ApiGatewayHttpRequest"),
                              {{"0", "300000000", "Requests", "0.0000011100"}, {"300000000", "Inf", "Requests", "0.0000010000"}}}});
    const auto api = importAwsOfferText(file, "AmazonApiGateway.json", sheet);
    QVERIFY2(api.ok(), qPrintable(errorText(api.error())));
    const auto back = parsePriceSheet(serializePriceSheet(sheet), "written.json");
    QVERIFY2(back.ok(), qPrintable(errorText(back.error())));
    const ServicePrices &a = servicesOf(sheet, "eu-west-1");
    const ServicePrices &b = servicesOf(*back, "eu-west-1");
    QCOMPARE(b.ebsGbMonth, a.ebsGbMonth);
    QCOMPARE(b.apiGatewayHttpPerMillion.size(), a.apiGatewayHttpPerMillion.size());
    QCOMPARE(b.apiGatewayHttpPerMillion[0].price, 1.11);
    QCOMPARE(b.apiGatewayHttpPerMillion[0].upTo, 300e6);
}

QTEST_GUILESS_MAIN(TestAwsOfferServices)
#include "tst_awsofferservices.moc"
