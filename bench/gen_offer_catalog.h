// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

/**
 * What the synthetic EC2 offer file (gen_offer.h) sells, as AWS's own file has it: the instance
 * sizes and about a hundred real families, the operating-system and software variants, tenancy and
 * capacity placements, the twelve reserved offers and the products of other families. Data only;
 * gen_offer.cpp turns it into text. The tables are constexpr, so they need no definition
 * elsewhere and each file that includes this header has its own copy.
 */
namespace Costscape::Bench::OfferCatalog {

struct Size {
    const char *name;
    int vcpu;
    double normalization;
};

// Index ranges into this table give each family its sizes; t-types use their own memory column.
constexpr std::array<Size, 15> sizes{{{"nano", 2, 0.25},
                                      {"micro", 2, 0.5},
                                      {"small", 2, 1},
                                      {"medium", 1, 2},
                                      {"large", 2, 4},
                                      {"xlarge", 4, 8},
                                      {"2xlarge", 8, 16},
                                      {"4xlarge", 16, 32},
                                      {"8xlarge", 32, 64},
                                      {"12xlarge", 48, 96},
                                      {"16xlarge", 64, 128},
                                      {"24xlarge", 96, 192},
                                      {"32xlarge", 128, 256},
                                      {"48xlarge", 192, 384},
                                      {"metal", 96, 192}}};
constexpr std::array<double, 7> burstableMemory{0.5, 1, 2, 4, 8, 16, 32};

struct Family {
    const char *name;
    const char *instanceFamily;
    double gibPerVcpu;
    int perVcpu1e4; // Linux on-demand price per vCPU-hour, 1e-4 USD
    int firstSize;
    int lastSize;
    bool metal;
    const char *processor;
    const char *clock;
    const char *storage;
    int gpusPerVcpu8; // GPUs per 8 vCPUs (0: none)
};

constexpr const char *gp = "General purpose";
constexpr const char *co = "Compute optimized";
constexpr const char *mo = "Memory optimized";
constexpr const char *so = "Storage optimized";
constexpr const char *ac = "GPU instance";
constexpr const char *ml = "Machine Learning ASIC Instances";
constexpr const char *intel = "Intel Xeon Platinum 8175 (Skylake)";
constexpr const char *icelake = "Intel Xeon 8375C (Ice Lake)";
constexpr const char *spr = "Intel Xeon Sapphire Rapids";
constexpr const char *amd = "AMD EPYC 7R13 Processor";
constexpr const char *genoa = "AMD EPYC 9R14 Processor";
constexpr const char *g2 = "AWS Graviton2 Processor";
constexpr const char *g3 = "AWS Graviton3 Processor";
constexpr const char *g4 = "AWS Graviton4 Processor";
constexpr const char *ebs = "EBS only";

// About a hundred real families with their real sizes, so a 380 MB file has the type count of the
// real one (~800) and the same mix of x86 and Graviton (no Windows or SQL Server on Graviton).
constexpr Family families[] = {
    {"m4", gp, 4, 500, 4, 10, false, "Intel Xeon E5-2676 v3 (Haswell)", "2.4 GHz", ebs, 0},
    {"m5", gp, 4, 480, 4, 11, true, intel, "3.1 GHz", ebs, 0},
    {"m5a", gp, 4, 430, 4, 11, false, "AMD EPYC 7571", "2.5 GHz", ebs, 0},
    {"m5ad", gp, 4, 515, 4, 11, false, "AMD EPYC 7571", "2.2 GHz", "1 x 75 NVMe SSD", 0},
    {"m5d", gp, 4, 565, 4, 11, true, intel, "3.1 GHz", "1 x 75 NVMe SSD", 0},
    {"m5dn", gp, 4, 680, 4, 11, true, "Intel Xeon Platinum 8259 (Cascade Lake)", "3.1 GHz", "1 x 75 NVMe SSD", 0},
    {"m5n", gp, 4, 595, 4, 11, true, "Intel Xeon Platinum 8259 (Cascade Lake)", "3.1 GHz", ebs, 0},
    {"m5zn", gp, 4, 826, 4, 9, true, "Intel Xeon Platinum 8252", "4.5 GHz", ebs, 0},
    {"m6a", gp, 4, 432, 4, 13, true, amd, "3.6 GHz", ebs, 0},
    {"m6g", gp, 4, 385, 3, 10, true, g2, "2.5 GHz", ebs, 0},
    {"m6gd", gp, 4, 452, 3, 10, true, g2, "2.5 GHz", "1 x 59 NVMe SSD", 0},
    {"m6i", gp, 4, 480, 4, 12, true, icelake, "3.5 GHz", ebs, 0},
    {"m6id", gp, 4, 593, 4, 12, true, icelake, "3.5 GHz", "1 x 118 NVMe SSD", 0},
    {"m6idn", gp, 4, 796, 4, 12, true, icelake, "3.5 GHz", "1 x 118 NVMe SSD", 0},
    {"m6in", gp, 4, 700, 4, 12, true, icelake, "3.5 GHz", ebs, 0},
    {"m7a", gp, 4, 580, 3, 13, true, genoa, "3.7 GHz", ebs, 0},
    {"m7g", gp, 4, 408, 3, 10, true, g3, "2.6 GHz", ebs, 0},
    {"m7gd", gp, 4, 534, 3, 10, true, g3, "2.6 GHz", "1 x 59 NVMe SSD", 0},
    {"m7i", gp, 4, 504, 4, 13, true, spr, "3.2 GHz", ebs, 0},
    {"m8g", gp, 4, 449, 3, 13, true, g4, "2.8 GHz", ebs, 0},
    {"m8gd", gp, 4, 529, 4, 13, true, g4, "2.8 GHz", "1 x 118 NVMe SSD", 0},
    {"m7i-flex", gp, 4, 479, 4, 8, false, spr, "3.2 GHz", ebs, 0},
    {"t2", gp, 0, 464, 0, 6, false, "Intel Xeon Family", "Up to 3.3 GHz", ebs, 0},
    {"t3", gp, 0, 416, 0, 6, false, "Intel Skylake E5 2686 v5", "3.1 GHz", ebs, 0},
    {"t3a", gp, 0, 376, 0, 6, false, "AMD EPYC 7571", "2.5 GHz", ebs, 0},
    {"t4g", gp, 0, 336, 0, 6, false, g2, "2.5 GHz", ebs, 0},
    {"c4", co, 1.875, 498, 4, 8, false, "Intel Xeon E5-2666 v3 (Haswell)", "2.9 GHz", ebs, 0},
    {"c5", co, 2, 425, 4, 11, true, "Intel Xeon Platinum 8124M", "3.4 GHz", ebs, 0},
    {"c5a", co, 2, 385, 4, 11, false, "AMD EPYC 7R32", "3.3 GHz", ebs, 0},
    {"c5ad", co, 2, 430, 4, 11, false, "AMD EPYC 7R32", "3.3 GHz", "1 x 75 NVMe SSD", 0},
    {"c5d", co, 2, 480, 4, 11, true, "Intel Xeon Platinum 8124M", "3.4 GHz", "1 x 50 NVMe SSD", 0},
    {"c5n", co, 2.625, 540, 4, 10, true, "Intel Xeon Platinum 8124M", "3.4 GHz", ebs, 0},
    {"c6a", co, 2, 383, 4, 13, true, amd, "3.6 GHz", ebs, 0},
    {"c6g", co, 2, 340, 3, 10, true, g2, "2.5 GHz", ebs, 0},
    {"c6gd", co, 2, 384, 3, 10, true, g2, "2.5 GHz", "1 x 59 NVMe SSD", 0},
    {"c6gn", co, 2, 432, 3, 10, false, g2, "2.5 GHz", ebs, 0},
    {"c6i", co, 2, 425, 4, 12, true, icelake, "3.5 GHz", ebs, 0},
    {"c6id", co, 2, 504, 4, 12, true, icelake, "3.5 GHz", "1 x 118 NVMe SSD", 0},
    {"c6in", co, 2, 567, 4, 12, true, icelake, "3.5 GHz", ebs, 0},
    {"c7a", co, 2, 513, 3, 13, true, genoa, "3.7 GHz", ebs, 0},
    {"c7g", co, 2, 363, 3, 10, true, g3, "2.6 GHz", ebs, 0},
    {"c7gd", co, 2, 454, 3, 10, true, g3, "2.6 GHz", "1 x 59 NVMe SSD", 0},
    {"c7gn", co, 2, 624, 3, 10, true, g3, "2.6 GHz", ebs, 0},
    {"c7i", co, 2, 446, 4, 13, true, spr, "3.2 GHz", ebs, 0},
    {"c8g", co, 2, 399, 3, 13, true, g4, "2.8 GHz", ebs, 0},
    {"c8gd", co, 2, 469, 4, 13, true, g4, "2.8 GHz", "1 x 118 NVMe SSD", 0},
    {"c7i-flex", co, 2, 424, 4, 8, false, spr, "3.2 GHz", ebs, 0},
    {"r4", mo, 7.625, 665, 4, 10, false, "Intel Xeon E5-2686 v4 (Broadwell)", "2.3 GHz", ebs, 0},
    {"r5", mo, 8, 630, 4, 11, true, intel, "3.1 GHz", ebs, 0},
    {"r5a", mo, 8, 565, 4, 11, false, "AMD EPYC 7571", "2.5 GHz", ebs, 0},
    {"r5ad", mo, 8, 655, 4, 11, false, "AMD EPYC 7571", "2.5 GHz", "1 x 75 NVMe SSD", 0},
    {"r5b", mo, 8, 745, 4, 11, true, "Intel Xeon Platinum 8259 (Cascade Lake)", "3.1 GHz", ebs, 0},
    {"r5d", mo, 8, 720, 4, 11, true, intel, "3.1 GHz", "1 x 75 NVMe SSD", 0},
    {"r5dn", mo, 8, 835, 4, 11, true, "Intel Xeon Platinum 8259 (Cascade Lake)", "3.1 GHz", "1 x 75 NVMe SSD", 0},
    {"r5n", mo, 8, 745, 4, 11, true, "Intel Xeon Platinum 8259 (Cascade Lake)", "3.1 GHz", ebs, 0},
    {"r6a", mo, 8, 567, 4, 13, true, amd, "3.6 GHz", ebs, 0},
    {"r6g", mo, 8, 504, 3, 10, true, g2, "2.5 GHz", ebs, 0},
    {"r6gd", mo, 8, 576, 3, 10, true, g2, "2.5 GHz", "1 x 59 NVMe SSD", 0},
    {"r6i", mo, 8, 630, 4, 12, true, icelake, "3.5 GHz", ebs, 0},
    {"r6id", mo, 8, 756, 4, 12, true, icelake, "3.5 GHz", "1 x 118 NVMe SSD", 0},
    {"r6idn", mo, 8, 978, 4, 12, true, icelake, "3.5 GHz", "1 x 118 NVMe SSD", 0},
    {"r6in", mo, 8, 872, 4, 12, true, icelake, "3.5 GHz", ebs, 0},
    {"r7a", mo, 8, 761, 3, 13, true, genoa, "3.7 GHz", ebs, 0},
    {"r7g", mo, 8, 536, 3, 10, true, g3, "2.6 GHz", ebs, 0},
    {"r7gd", mo, 8, 680, 3, 10, true, g3, "2.6 GHz", "1 x 59 NVMe SSD", 0},
    {"r7i", mo, 8, 662, 4, 13, true, spr, "3.2 GHz", ebs, 0},
    {"r7iz", mo, 8, 930, 4, 12, true, "Intel Xeon Gold 6455B", "3.9 GHz", ebs, 0},
    {"r8g", mo, 8, 589, 3, 13, true, g4, "2.8 GHz", ebs, 0},
    {"r8gd", mo, 8, 700, 4, 13, true, g4, "2.8 GHz", "1 x 118 NVMe SSD", 0},
    {"x8g", mo, 16, 977, 3, 13, true, g4, "2.8 GHz", ebs, 0},
    {"u7i-12tb", mo, 50, 10640, 12, 12, false, spr, "2.9 GHz", ebs, 0},
    {"x1", mo, 15.25, 1042, 10, 12, false, "High Frequency Intel Xeon E7-8880 v3 (Haswell)", "2.3 GHz", "1 x 1920 SSD", 0},
    {"x1e", mo, 30.5, 2085, 5, 12, false, "High Frequency Intel Xeon E7-8880 v3 (Haswell)", "2.3 GHz", "1 x 120 SSD", 0},
    {"x2gd", mo, 16, 835, 3, 10, true, g2, "2.5 GHz", "1 x 59 NVMe SSD", 0},
    {"x2idn", mo, 16, 1042, 10, 12, true, icelake, "3.5 GHz", "1 x 1900 NVMe SSD", 0},
    {"x2iedn", mo, 32, 2084, 5, 12, true, icelake, "3.5 GHz", "1 x 240 NVMe SSD", 0},
    {"x2iezn", mo, 32, 2085, 6, 9, true, "Intel Xeon Platinum 8252", "4.5 GHz", ebs, 0},
    {"z1d", mo, 8, 930, 4, 9, true, "Intel Xeon Platinum 8151", "4 GHz", "1 x 75 NVMe SSD", 0},
    {"i3", so, 7.625, 780, 4, 10, true, "Intel Xeon E5-2686 v4 (Broadwell)", "2.3 GHz", "1 x 475 NVMe SSD", 0},
    {"i3en", so, 8, 1130, 4, 11, true, intel, "3.1 GHz", "1 x 1250 NVMe SSD", 0},
    {"i4g", so, 8, 772, 4, 10, false, g2, "2.5 GHz", "1 x 468 NVMe SSD", 0},
    {"i4i", so, 8, 858, 4, 12, true, icelake, "3.5 GHz", "1 x 468 NVMe SSD", 0},
    {"im4gn", so, 4, 909, 4, 10, false, g2, "2.5 GHz", "1 x 937 NVMe SSD", 0},
    {"is4gen", so, 6, 1440, 3, 8, false, g2, "2.5 GHz", "1 x 937 NVMe SSD", 0},
    {"d2", so, 7.625, 1725, 5, 8, false, "Intel Xeon E5-2676 v3 (Haswell)", "2.4 GHz", "3 x 2000 HDD", 0},
    {"d3", so, 8, 1248, 5, 8, false, "Intel Xeon Platinum 8259 (Cascade Lake)", "3.1 GHz", "3 x 2000 HDD", 0},
    {"d3en", so, 4, 1315, 5, 10, false, "Intel Xeon Platinum 8259 (Cascade Lake)", "3.1 GHz", "2 x 14000 HDD", 0},
    {"i7ie", so, 8, 1300, 4, 13, true, "Intel Xeon Emerald Rapids", "3.2 GHz", "1 x 1250 NVMe SSD", 0},
    {"i8g", so, 8, 860, 4, 12, true, g4, "2.8 GHz", "1 x 468 NVMe SSD", 0},
    {"h1", so, 4, 1170, 6, 10, false, "Intel Xeon E5-2686 v4 (Broadwell)", "2.3 GHz", "1 x 2000 HDD", 0},
    {"p3", ac, 7.625, 3825, 6, 10, false, "Intel Xeon E5-2686 v4 (Broadwell)", "2.3 GHz", ebs, 1},
    {"p4d", ac, 12, 3414, 11, 11, false, "Intel Xeon Platinum 8275L", "3 GHz", "8 x 1000 SSD", 1},
    {"p4de", ac, 12, 4269, 11, 11, false, "Intel Xeon Platinum 8275L", "3 GHz", "8 x 1000 SSD", 1},
    {"p5e", ac, 10.7, 11000, 13, 13, false, "AMD EPYC 7R13 Processor", "3.6 GHz", "8 x 3840 SSD", 1},
    {"p5", ac, 10.7, 10240, 13, 13, false, "AMD EPYC 7R13 Processor", "3.6 GHz", "8 x 3840 SSD", 1},
    {"g4dn", ac, 4, 1315, 5, 10, true, intel, "2.5 GHz", "1 x 125 NVMe SSD", 1},
    {"g4ad", ac, 4, 948, 5, 10, false, "AMD EPYC 7R32", "3.3 GHz", "1 x 150 NVMe SSD", 1},
    {"g5", ac, 4, 2515, 5, 13, false, "AMD EPYC 7R32", "3.3 GHz", "1 x 250 NVMe SSD", 1},
    {"g5g", ac, 2, 1050, 5, 10, true, g2, "2.5 GHz", ebs, 1},
    {"g6e", ac, 8, 4650, 5, 13, false, "AMD EPYC 7R13 Processor", "3.6 GHz", "1 x 250 NVMe SSD", 1},
    {"g6", ac, 4, 2012, 5, 13, false, "AMD EPYC 7R13 Processor", "3.6 GHz", "1 x 250 NVMe SSD", 1},
    {"gr6", ac, 8, 1677, 7, 8, false, "AMD EPYC 7R13 Processor", "3.6 GHz", "1 x 600 NVMe SSD", 1},
    {"inf1", ml, 2, 570, 5, 11, false, "Intel Xeon Platinum 8275CL (Cascade Lake)", "2.5 GHz", ebs, 1},
    {"inf2", ml, 4, 1895, 5, 13, false, "AMD EPYC 7R13 Processor", "3.6 GHz", ebs, 1},
    {"trn1", ml, 4, 4180, 6, 12, false, "Intel Xeon Ice Lake 8375C", "3.5 GHz", "1 x 474 NVMe SSD", 1},
    {"trn1n", ml, 4, 3770, 12, 12, false, "Intel Xeon Ice Lake 8375C", "3.5 GHz", "4 x 1900 NVMe SSD", 1},
    {"dl1", ac, 8, 1365, 11, 11, false, "Intel Xeon Platinum 8275CL (Cascade Lake)", "3 GHz", "4 x 1000 NVMe SSD", 1},
    {"f1", "FPGA Instances", 7.625, 2063, 6, 10, false, "Intel Xeon E5-2686 v4 (Broadwell)", "2.3 GHz", "1 x 470 NVMe SSD", 1},
    {"vt1", "Media Accelerator Instances", 2, 813, 5, 11, false, "Intel Xeon Platinum 8259CL", "3.1 GHz", ebs, 1},
    {"hpc6a", co, 4, 300, 13, 13, false, amd, "3.6 GHz", ebs, 0},
    {"hpc7a", co, 4, 375, 13, 13, false, genoa, "3.7 GHz", ebs, 0},
    {"hpc7g", co, 2, 264, 10, 10, false, g3, "2.6 GHz", ebs, 0},
    {"u-6tb1", mo, 21.3, 7667, 14, 14, false, "Intel Xeon Platinum 8176M (Skylake)", "2.1 GHz", ebs, 0},
};

inline bool isGraviton(std::string_view family)
{
    // Graviton names carry a 'g' after the generation digit (m6g, c7gn, x2gd, t4g, is4gen, im4gn);
    // g5g is the one GPU family among them.
    if (family == "g5g")
        return true;
    if (family.front() == 'g')
        return false;
    for (std::size_t i = 0; i + 1 < family.size(); ++i)
        if (family[i] >= '0' && family[i] <= '9' && family[i + 1] == 'g')
            return true;
    return false;
}

/** One operating-system and software variant: what AWS spells in operatingSystem, preInstalledSw,
 *  licenseModel and the operation code (RunInstances:0002 is Windows, :0800 Windows BYOL...). */
struct Variant {
    const char *os;
    const char *software;
    const char *license;
    const char *operation;
    const char *descriptionOs; // as the term descriptions spell it
    const char *reservedOs;    // "Linux/UNIX", "Windows", ... in reserved descriptions
    bool onGraviton;
    bool dedicatedOnly; // Windows BYOL needs dedicated hardware
};

constexpr const char *noLicense = "No License required";
constexpr Variant variants[] = {
    {"Linux", "NA", noLicense, "RunInstances", "Linux", "Linux/UNIX", true, false},
    {"Windows", "NA", noLicense, "RunInstances:0002", "Windows", "Windows", false, false},
    {"Windows", "NA", "Bring your own license", "RunInstances:0800", "Windows BYOL", "Windows BYOL", false, true},
    {"RHEL", "NA", noLicense, "RunInstances:0010", "RHEL", "Red Hat Enterprise Linux", true, false},
    {"SUSE", "NA", noLicense, "RunInstances:000g", "SUSE Linux", "SUSE Linux", true, false},
    {"Red Hat Enterprise Linux with HA", "NA", noLicense, "RunInstances:1010", "Red Hat Enterprise Linux with HA",
     "Red Hat Enterprise Linux with HA", true, false},
    {"Ubuntu Pro", "NA", noLicense, "RunInstances:0g00", "Ubuntu Pro", "Ubuntu Pro Linux", true, false},
    {"Windows", "SQL Std", noLicense, "RunInstances:0006", "Windows with SQL Std", "Windows with SQL Server Standard", false, false},
    {"Windows", "SQL Web", noLicense, "RunInstances:0202", "Windows with SQL Web", "Windows with SQL Server Web", false, false},
    {"Windows", "SQL Ent", noLicense, "RunInstances:0102", "Windows with SQL Ent", "Windows with SQL Server Enterprise", false, false},
    {"Linux", "SQL Std", noLicense, "RunInstances:0004", "Linux with SQL Std", "Linux with SQL Server Standard", false, false},
    {"Linux", "SQL Web", noLicense, "RunInstances:0200", "Linux with SQL Web", "Linux with SQL Server Web", false, false},
    {"Linux", "SQL Ent", noLicense, "RunInstances:0100", "Linux with SQL Ent", "Linux with SQL Server Enterprise", false, false},
    {"RHEL", "SQL Std", noLicense, "RunInstances:0014", "RHEL with SQL Std", "Red Hat Enterprise Linux with SQL Server Standard", false, false},
    {"RHEL", "SQL Web", noLicense, "RunInstances:0210", "RHEL with SQL Web", "Red Hat Enterprise Linux with SQL Server Web", false, false},
    {"RHEL", "SQL Ent", noLicense, "RunInstances:0110", "RHEL with SQL Ent", "Red Hat Enterprise Linux with SQL Server Enterprise", false, false},
    {"Red Hat Enterprise Linux with HA", "SQL Std", noLicense, "RunInstances:1014", "RHEL with HA and SQL Std",
     "Red Hat Enterprise Linux with HA and SQL Server Standard", false, false},
    {"Red Hat Enterprise Linux with HA", "SQL Ent", noLicense, "RunInstances:1110", "RHEL with HA and SQL Ent",
     "Red Hat Enterprise Linux with HA and SQL Server Enterprise", false, false},
};
constexpr int variantCount = int(std::size(variants));

// Tenancy and capacity status as the real file combines them; the last slot is a Capacity Block.
struct Placement {
    const char *tenancy;
    const char *capacity;
    const char *usagePrefix;
};
constexpr Placement placements[] = {
    {"Shared", "Used", "BoxUsage"},
    {"Shared", "UnusedCapacityReservation", "UnusedBox"},
    {"Shared", "AllocatedCapacityReservation", "Reservation"},
    {"Dedicated", "Used", "DedicatedUsage"},
    {"Dedicated", "UnusedCapacityReservation", "UnusedDed"},
    {"Dedicated", "AllocatedCapacityReservation", "DedicatedRes"},
    {"Host", "Used", "HostBoxUsage"},
    {"Shared", "Used", "BoxUsage"}, // Capacity Block
};
constexpr int capacityBlock = 7;

/** The twelve reserved offers of the GetProducts file, with their prices for m5.large ($0.096). */
struct ReservedOffer {
    const char *code;
    const char *effective;
    const char *length;
    const char *offeringClass;
    const char *purchase;
    int hourly1e4;  // for $0.096 on demand
    int upfrontUsd; // 0: no Quantity dimension
};
constexpr ReservedOffer reservedOffers[] = {
    {"4NA7Y494T4", "2020-04-01T00:00:00Z", "1yr", "standard", "No Upfront", 600, 0},
    {"HU7G6KETJZ", "2020-04-01T00:00:00Z", "1yr", "standard", "Partial Upfront", 290, 252},
    {"6QCMYABX3D", "2020-04-01T00:00:00Z", "1yr", "standard", "All Upfront", 0, 494},
    {"7NE97W5U4E", "2017-10-31T23:59:59Z", "1yr", "convertible", "No Upfront", 710, 0},
    {"CUZHX8X6JH", "2017-10-31T23:59:59Z", "1yr", "convertible", "Partial Upfront", 340, 294},
    {"VJWZNREJX2", "2017-10-31T23:59:59Z", "1yr", "convertible", "All Upfront", 0, 577},
    {"BPH4J8HBKS", "2020-04-01T00:00:00Z", "3yr", "standard", "No Upfront", 410, 0},
    {"38NPMPTW36", "2020-04-01T00:00:00Z", "3yr", "standard", "Partial Upfront", 190, 505},
    {"NQ3QZPMQV9", "2020-04-01T00:00:00Z", "3yr", "standard", "All Upfront", 0, 949},
    {"Z2E3P23VKM", "2017-10-31T23:59:59Z", "3yr", "convertible", "No Upfront", 490, 0},
    {"R5XV2EPZQZ", "2017-10-31T23:59:59Z", "3yr", "convertible", "Partial Upfront", 230, 592},
    {"MZU6U2429S", "2017-10-31T23:59:59Z", "3yr", "convertible", "All Upfront", 0, 1161},
};

/** A product of another family in the same file: data transfer, EBS storage, an IP address. */
struct Other {
    std::string family;
    std::string description;
    std::string unit;
    std::int64_t price1e4;
    std::vector<std::pair<std::string, std::string>> attributes;
};

/** How many other products the file holds: otherProduct() takes 0 to otherCount() - 1. */
inline int otherCount() { return 30 * 4 + 7 * 4 + 6; }

/**
 * The other product at index: 0-119 data transfer from us-east-1 to 30 regions (four kinds each),
 * 120-147 EBS volume and snapshot rows (seven volume types, four parts each), then six IP address
 * rows.
 */
Other otherProduct(int index);

} // namespace Costscape::Bench::OfferCatalog
