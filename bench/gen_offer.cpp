// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/gen_offer.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

namespace Costscape::Bench {

namespace {

// Knuth's MMIX LCG: fixed constants, so the file is the same on every machine and compiler
// (std::mt19937 would be too, but the distributions on top of it are not).
class Lcg
{
public:
    explicit Lcg(std::uint64_t seed) : m_state(seed) {}
    std::uint32_t next()
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(m_state >> 33); // the low bits of an LCG cycle too fast
    }
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>((std::uint64_t(next()) * n) >> 31); }

private:
    std::uint64_t m_state;
};

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

bool isGraviton(std::string_view family)
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

struct InstanceType {
    std::string name;
    const Family *family;
    int vcpu;
    double memoryGib;
    double normalization;
    bool graviton;
    int linux1e4; // Linux shared on-demand hourly, 1e-4 USD
};

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

/** A product planned for the file: an instance row, or (type < 0) another product family. */
struct Planned {
    std::int32_t type;
    std::uint8_t variant;
    std::uint8_t placement;
    std::array<char, 16> sku;
};

// Fixed-width decimal text from an integer count of 1e-4 USD: the generator never prints a
// double, so what it sums is exactly what the file says.
void appendPrice10(std::string &out, std::int64_t p1e4)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%lld.%04lld000000", static_cast<long long>(p1e4 / 10000),
                  static_cast<long long>(p1e4 % 10000));
    out += buf;
}

/** "$0.096": the short form the descriptions use ("$0.00" for free rows). */
void appendDollars(std::string &out, std::int64_t p1e4)
{
    if (p1e4 == 0) {
        out += "0.00";
        return;
    }
    char buf[40];
    std::snprintf(buf, sizeof buf, "%lld.%04lld", static_cast<long long>(p1e4 / 10000),
                  static_cast<long long>(p1e4 % 10000));
    std::string_view text(buf);
    while (text.back() == '0')
        text.remove_suffix(1);
    if (text.back() == '.')
        text.remove_suffix(1);
    out += text;
}

void indent(std::string &out, int n) { out.append(std::size_t(n), ' '); }

void kv(std::string &out, int in, std::string_view key, std::string_view value, bool last = false)
{
    indent(out, in);
    out += '"';
    out += key;
    out += "\" : \"";
    out += value;
    out += last ? "\"\n" : "\",\n";
}

std::string formatNumber(double value)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", value);
    return buf;
}

class Generator
{
public:
    /**
     * rounds > 1 adds later generations of every family (m5 -> m15 -> m25...): the real families
     * fill about 385 MB, and a bigger file needs more types rather than repeated skus. Adding 10
     * per round keeps every name unique (+4 would turn i4g into the real i8g).
     */
    Generator(std::uint64_t seed, int rounds) : m_rng(seed)
    {
        for (int round = 0; round < rounds; ++round) {
            for (const Family &family : families) {
                const std::string name = laterGeneration(family.name, round);
                for (int s = family.firstSize; s <= family.lastSize; ++s)
                    addType(family, name, s);
                if (family.metal)
                    addType(family, name, 14);
            }
        }
        // The plain-product count stands for the (type, OS) prices only if no name repeats.
        std::set<std::string> names;
        for (const InstanceType &type : m_types) {
            if (!names.insert(type.name).second) {
                std::fprintf(stderr, "gen_offer: instance type %s twice\n", type.name.c_str());
                std::abort();
            }
        }
    }

    /** Every product the region could hold, in the hash-like order of the real file. */
    std::vector<Planned> plan()
    {
        std::vector<Planned> all;
        for (std::size_t t = 0; t < m_types.size(); ++t) {
            const InstanceType &type = m_types[t];
            for (int v = 0; v < variantCount; ++v) {
                if (type.graviton && !variants[v].onGraviton)
                    continue;
                for (int p = 0; p < capacityBlock; ++p) {
                    if (variants[v].dedicatedOnly && p < 3)
                        continue;
                    all.push_back(Planned{std::int32_t(t), std::uint8_t(v), std::uint8_t(p), {}});
                }
            }
            // Capacity Blocks: $0 rows next to the real price of the same type (the opencost file).
            if (type.family->gpusPerVcpu8 > 0 && type.vcpu >= 32)
                all.push_back(Planned{std::int32_t(t), 0, std::uint8_t(capacityBlock), {}});
        }
        // Other product families of the same file: data transfer, EBS, IP addresses.
        for (int o = 0; o < otherCount(); ++o)
            all.push_back(Planned{-1 - o, 0, 0, {}});
        for (std::size_t i = all.size() - 1; i > 0; --i)
            std::swap(all[i], all[m_rng.below(std::uint32_t(i + 1))]);
        std::set<std::string> seen;
        for (Planned &planned : all) {
            do
                makeSku(planned.sku.data());
            while (!seen.emplace(planned.sku.data(), 16).second);
        }
        return all;
    }

    static bool isPlain(const Planned &planned)
    {
        return planned.type >= 0 && planned.placement == 0 && (planned.variant == 0 || planned.variant == 1);
    }

    std::int64_t hourly1e4(const Planned &planned) const
    {
        const InstanceType &type = m_types[std::size_t(planned.type)];
        const Placement &placement = placements[planned.placement];
        if (planned.placement == capacityBlock)
            return 0;
        if (std::string_view(placement.capacity) == "AllocatedCapacityReservation")
            return 0; // paid through the reservation: $0 rows, as in the real file
        if (std::string_view(placement.tenancy) == "Host")
            return 0; // the host is billed, not its instances
        const std::int64_t linux1e4 = type.linux1e4;
        const std::int64_t v = type.vcpu;
        std::int64_t price = linux1e4;
        switch (planned.variant) {
        case 1: price += 460 * v; break;
        case 2: break; // BYOL: the Linux price on dedicated hardware
        case 3: price += std::max<std::int64_t>(600, 130 * v); break;
        case 4: price += v <= 4 ? 250 : 560; break;
        case 5: price += std::max<std::int64_t>(600, 130 * v) + 100 * v; break;
        case 6: price += 35 * v; break;
        case 7: price += 460 * v + 1200 * v; break;
        case 8: price += 460 * v + 85 * v; break;
        case 9: price += 460 * v + 3750 * v; break;
        case 10: price += 1200 * v; break;
        case 11: price += 85 * v; break;
        case 12: price += 3750 * v; break;
        case 13: price += std::max<std::int64_t>(600, 130 * v) + 1200 * v; break;
        case 14: price += std::max<std::int64_t>(600, 130 * v) + 85 * v; break;
        case 15: price += std::max<std::int64_t>(600, 130 * v) + 3750 * v; break;
        case 16: price += std::max<std::int64_t>(600, 130 * v) + 100 * v + 1200 * v; break;
        case 17: price += std::max<std::int64_t>(600, 130 * v) + 100 * v + 3750 * v; break;
        default: break;
        }
        if (std::string_view(placement.tenancy) == "Dedicated")
            price += price / 10;
        return price;
    }

    bool hasReserved(const Planned &planned) const
    {
        // Shared and dedicated Used rows carry reserved offers, as in the real file.
        return planned.type >= 0 && (planned.placement == 0 || planned.placement == 3);
    }

    void appendProduct(std::string &out, const Planned &planned) const
    {
        const std::string_view sku(planned.sku.data(), 16);
        indent(out, 4);
        out += '"';
        out += sku;
        out += "\" : {\n";
        kv(out, 6, "sku", sku);
        if (planned.type < 0) {
            appendOtherProduct(out, -1 - planned.type);
            indent(out, 4);
            out += '}';
            return;
        }
        const InstanceType &type = m_types[std::size_t(planned.type)];
        const Variant &variant = variants[planned.variant];
        const Placement &placement = placements[planned.placement];
        const bool block = planned.placement == capacityBlock;
        kv(out, 6, "productFamily", "Compute Instance");
        indent(out, 6);
        out += "\"attributes\" : {\n";
        const int a = 8;
        kv(out, a, "servicecode", "AmazonEC2");
        kv(out, a, "location", "US East (N. Virginia)");
        kv(out, a, "locationType", "AWS Region");
        kv(out, a, "instanceType", type.name);
        kv(out, a, "currentGeneration", type.family->name[1] <= '4' && type.family->name[0] != 'p' ? "No" : "Yes");
        kv(out, a, "instanceFamily", type.family->instanceFamily);
        kv(out, a, "vcpu", std::to_string(type.vcpu));
        kv(out, a, "physicalProcessor", type.family->processor);
        kv(out, a, "clockSpeed", type.family->clock);
        kv(out, a, "memory", formatNumber(type.memoryGib) + " GiB");
        kv(out, a, "storage", type.family->storage);
        kv(out, a, "networkPerformance",
           type.vcpu <= 8 ? "Up to 10 Gigabit" : (type.vcpu <= 32 ? "12 Gigabit" : (type.vcpu <= 64 ? "25 Gigabit" : "50 Gigabit")));
        kv(out, a, "processorArchitecture", "64-bit");
        kv(out, a, "tenancy", placement.tenancy);
        kv(out, a, "operatingSystem", variant.os);
        kv(out, a, "licenseModel", variant.license);
        std::string usage = placement.usagePrefix;
        usage += ':';
        usage += type.name;
        kv(out, a, "usagetype", usage);
        kv(out, a, "operation", block ? std::string(variant.operation) + ":CB" : std::string(variant.operation));
        kv(out, a, "availabilityzone", "NA");
        kv(out, a, "capacitystatus", placement.capacity);
        kv(out, a, "classicnetworkingsupport", type.family->name[1] <= '4' ? "true" : "false");
        kv(out, a, "dedicatedEbsThroughput", type.vcpu <= 8 ? "Up to 4750 Mbps" : std::to_string(type.vcpu * 150) + " Mbps");
        kv(out, a, "ecu", type.graviton ? "NA" : std::to_string(type.vcpu * 5 / 2 + 5));
        kv(out, a, "enhancedNetworkingSupported", type.family->name[1] <= '4' ? "No" : "Yes");
        const int gpus = type.family->gpusPerVcpu8 > 0 ? std::max(1, type.vcpu / 8) : 0;
        if (gpus > 0)
            kv(out, a, "gpu", std::to_string(gpus));
        kv(out, a, "gpuMemory", gpus > 0 ? std::to_string(gpus * 24) + " GB" : "NA");
        if (planned.placement == 1 || planned.placement == 2 || planned.placement == 4 || planned.placement == 5)
            kv(out, a, "instancesku", std::string_view(m_reservationSku.data(), 16)); // only its presence matters
        kv(out, a, "intelAvxAvailable", type.graviton ? "No" : "Yes");
        kv(out, a, "intelAvx2Available", type.graviton ? "No" : "Yes");
        kv(out, a, "intelTurboAvailable", type.graviton ? "No" : "Yes");
        kv(out, a, "marketoption", block ? "CapacityBlock" : "OnDemand");
        kv(out, a, "normalizationSizeFactor", formatNumber(type.normalization));
        kv(out, a, "preInstalledSw", variant.software);
        kv(out, a, "processorFeatures",
           type.graviton ? "AWS Graviton" : "Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo");
        kv(out, a, "regionCode", "us-east-1");
        kv(out, a, "servicename", "Amazon Elastic Compute Cloud");
        kv(out, a, "vpcnetworkingsupport", "true", true);
        indent(out, 6);
        out += "}\n";
        indent(out, 4);
        out += '}';
    }

    void appendOnDemand(std::string &out, const Planned &planned) const
    {
        const std::string_view sku(planned.sku.data(), 16);
        std::string description;
        std::string unit = "Hrs";
        std::int64_t price = 0;
        if (planned.type < 0) {
            const Other other = otherProduct(-1 - planned.type);
            price = other.price1e4;
            unit = other.unit;
            description = "$";
            appendDollars(description, price);
            description += " per ";
            description += other.description;
        } else {
            const InstanceType &type = m_types[std::size_t(planned.type)];
            const Variant &variant = variants[planned.variant];
            const Placement &placement = placements[planned.placement];
            price = hourly1e4(planned);
            description = "$";
            appendDollars(description, price);
            const std::string_view tenancy = placement.tenancy;
            const std::string_view capacity = placement.capacity;
            if (planned.placement == capacityBlock)
                description += " per Capacity Block ";
            else if (capacity == "UnusedCapacityReservation")
                description += " per Unused Reservation ";
            else if (capacity == "AllocatedCapacityReservation")
                description += " per Reservation ";
            else if (tenancy == "Dedicated")
                description += " per Dedicated ";
            else if (tenancy == "Host")
                description += " per ";
            else
                description += " per On Demand ";
            description += variant.descriptionOs;
            description += ' ';
            description += type.name;
            description += tenancy == "Host" ? " Dedicated Host Instance hour" : " Instance Hour";
        }
        indent(out, 6);
        out += '"';
        out += sku;
        out += "\" : {\n";
        indent(out, 8);
        out += '"';
        out += sku;
        out += ".JRTCKXETXF\" : {\n";
        kv(out, 10, "offerTermCode", "JRTCKXETXF");
        kv(out, 10, "sku", sku);
        kv(out, 10, "effectiveDate", "2024-05-01T00:00:00Z");
        indent(out, 10);
        out += "\"priceDimensions\" : {\n";
        appendDimension(out, sku, "JRTCKXETXF", "6YS6EN2CT7", description, unit, price, true, true);
        indent(out, 10);
        out += "},\n";
        indent(out, 10);
        out += "\"termAttributes\" : { }\n";
        indent(out, 8);
        out += "}\n";
        indent(out, 6);
        out += '}';
    }

    void appendReserved(std::string &out, const Planned &planned, std::uint64_t &terms) const
    {
        const std::string_view sku(planned.sku.data(), 16);
        const InstanceType &type = m_types[std::size_t(planned.type)];
        const Variant &variant = variants[planned.variant];
        const std::int64_t onDemand = hourly1e4(planned);
        std::string applied = variant.reservedOs;
        applied += " (Amazon VPC), ";
        if (planned.placement == 3)
            applied += "Dedicated ";
        applied += type.name;
        applied += " reserved instance applied";
        indent(out, 6);
        out += '"';
        out += sku;
        out += "\" : {\n";
        bool first = true;
        for (const ReservedOffer &offer : reservedOffers) {
            // Convertible offers are not sold for every OS; the real file has 6 to 12 per sku.
            const bool convertible = std::string_view(offer.offeringClass) == "convertible";
            if (convertible && planned.variant > 1)
                continue;
            if (!first)
                out += ",\n";
            first = false;
            ++terms;
            const std::int64_t hourly = (std::int64_t(offer.hourly1e4) * onDemand / 960 + 5) / 10 * 10;
            const std::int64_t upfront = std::int64_t(offer.upfrontUsd) * onDemand / 960;
            indent(out, 8);
            out += '"';
            out += sku;
            out += '.';
            out += offer.code;
            out += "\" : {\n";
            kv(out, 10, "offerTermCode", offer.code);
            kv(out, 10, "sku", sku);
            kv(out, 10, "effectiveDate", offer.effective);
            indent(out, 10);
            out += "\"priceDimensions\" : {\n";
            if (offer.upfrontUsd > 0) {
                appendDimension(out, sku, offer.code, "2TG2D8R56U", "Upfront Fee", "Quantity", upfront * 10000, false,
                                false, true);
            }
            appendDimension(out, sku, offer.code, "6YS6EN2CT7", hourly == 0 ? "USD 0.0 per " + applied : applied, "Hrs",
                            hourly, true, true);
            indent(out, 10);
            out += "},\n";
            indent(out, 10);
            out += "\"termAttributes\" : {\n";
            kv(out, 12, "LeaseContractLength", offer.length);
            kv(out, 12, "OfferingClass", offer.offeringClass);
            kv(out, 12, "PurchaseOption", offer.purchase, true);
            indent(out, 10);
            out += "}\n";
            indent(out, 8);
            out += '}';
        }
        out += '\n';
        indent(out, 6);
        out += '}';
    }

private:
    struct Other {
        std::string family;
        std::string description;
        std::string unit;
        std::int64_t price1e4;
        std::vector<std::pair<std::string, std::string>> attributes;
    };

    static int otherCount() { return 30 * 4 + 7 * 4 + 6; }

    static Other otherProduct(int index)
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

    static void appendOtherProduct(std::string &out, int index)
    {
        const Other other = otherProduct(index);
        kv(out, 6, "productFamily", other.family);
        indent(out, 6);
        out += "\"attributes\" : {\n";
        for (std::size_t i = 0; i < other.attributes.size(); ++i)
            kv(out, 8, other.attributes[i].first, other.attributes[i].second, i + 1 == other.attributes.size());
        indent(out, 6);
        out += "}\n";
    }

    static void appendDimension(std::string &out, std::string_view sku, std::string_view term, std::string_view rate,
                                const std::string &description, std::string_view unit, std::int64_t price1e4,
                                bool ranges, bool last, bool integerPrice = false)
    {
        std::string rateCode(sku);
        rateCode += '.';
        rateCode += term;
        rateCode += '.';
        rateCode += rate;
        indent(out, 12);
        out += '"';
        out += rateCode;
        out += "\" : {\n";
        kv(out, 14, "rateCode", rateCode);
        kv(out, 14, "description", description);
        if (ranges) {
            kv(out, 14, "beginRange", "0");
            kv(out, 14, "endRange", "Inf");
        }
        kv(out, 14, "unit", unit);
        indent(out, 14);
        out += "\"pricePerUnit\" : {\n";
        indent(out, 16);
        out += "\"USD\" : \"";
        if (integerPrice)
            out += std::to_string(price1e4 / 10000); // upfront fees are whole dollars: "294"
        else
            appendPrice10(out, price1e4);
        out += "\"\n";
        indent(out, 14);
        out += "},\n";
        indent(out, 14);
        out += "\"appliesTo\" : [ ]\n";
        indent(out, 12);
        out += last ? "}\n" : "},\n";
    }

    static std::string laterGeneration(std::string_view family, int round)
    {
        std::string name(family);
        if (round == 0)
            return name;
        const std::size_t digit = name.find_first_of("0123456789");
        if (digit == std::string::npos)
            return name + std::to_string(round);
        std::size_t end = digit;
        while (end < name.size() && name[end] >= '0' && name[end] <= '9')
            ++end;
        return name.substr(0, digit) + std::to_string(std::stoi(name.substr(digit, end - digit)) + 10 * round) +
               name.substr(end);
    }

    void addType(const Family &family, const std::string &familyName, int sizeIndex)
    {
        const Size &size = sizes[std::size_t(sizeIndex)];
        InstanceType type;
        type.name = familyName + "." + size.name;
        type.family = &family;
        type.graviton = isGraviton(family.name);
        type.vcpu = size.vcpu;
        if (sizeIndex == 3 && type.graviton)
            type.vcpu = 1; // m6g.medium: one vCPU
        else if (sizeIndex == 3)
            type.vcpu = 2;
        if (sizeIndex == 14) // metal: the largest size's vCPUs
            type.vcpu = sizes[std::size_t(family.lastSize)].vcpu;
        type.normalization = sizeIndex == 14 ? sizes[std::size_t(family.lastSize)].normalization : size.normalization;
        type.memoryGib = family.gibPerVcpu > 0 ? family.gibPerVcpu * type.vcpu : burstableMemory[std::size_t(sizeIndex)];
        type.linux1e4 = family.perVcpu1e4 * type.vcpu;
        if (family.gibPerVcpu == 0) // burstable: priced by memory, not vCPUs
            type.linux1e4 = int(family.perVcpu1e4 * type.memoryGib / 4);
        type.linux1e4 = std::max(type.linux1e4, 42);
        m_types.push_back(std::move(type));
    }

    void makeSku(char *out)
    {
        static constexpr char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        for (int i = 0; i < 16; ++i)
            out[i] = alphabet[m_rng.below(32)];
    }

    Lcg m_rng;
    std::vector<InstanceType> m_types;
    std::array<char, 17> m_reservationSku{"6C86BEPQVG73ZGGR"};
};

constexpr std::string_view header = R"({
  "formatVersion" : "v1.0",
  "disclaimer" : "This pricing list is for informational purposes only. All prices are subject to the additional terms included in the pricing pages on http://aws.amazon.com. All Free Tier prices are also subject to the terms included at https://aws.amazon.com/free/",
  "offerCode" : "AmazonEC2",
  "version" : "20260520183012",
  "publicationDate" : "2026-05-20T18:30:12Z",
  "products" : {
)";

/** Buffered writer: one fwrite per 8 MB, so the generator costs little next to what it feeds. */
class Output
{
public:
    explicit Output(std::FILE *file) : m_file(file) { m_buffer.reserve(capacity + (1 << 20)); }
    std::string &text() { return m_buffer; }
    bool maybeFlush() { return m_buffer.size() < capacity || flush(); }
    bool flush()
    {
        if (!m_buffer.empty() && std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size())
            return false;
        m_written += m_buffer.size();
        m_buffer.clear();
        return true;
    }
    std::uint64_t written() const { return m_written; }

private:
    static constexpr std::size_t capacity = 8 << 20;
    std::FILE *m_file;
    std::string m_buffer;
    std::uint64_t m_written = 0;
};

} // namespace

bool writeSyntheticEc2Offer(const std::string &path, const OfferGenOptions &options, OfferGenStats &stats,
                            std::string &error)
{
    stats = {};
    // The real families give about 385 MB; each further round of generations as much again.
    constexpr std::uint64_t bytesPerRound = 385'000'000;
    const int rounds = int((options.targetBytes + bytesPerRound - 1) / bytesPerRound);
    Generator generator(options.seed, std::max(1, rounds));
    std::vector<Planned> planned = generator.plan();

    // Sizing pass: format every product once to learn its bytes, and keep just enough products
    // for the requested size. Formatting twice costs about a second; guessing would miss the size.
    std::string scratch;
    std::uint64_t total = header.size() + 64;
    std::size_t keep = 0;
    std::uint64_t ignored = 0;
    for (; keep < planned.size() && total < options.targetBytes; ++keep) {
        scratch.clear();
        generator.appendProduct(scratch, planned[keep]);
        generator.appendOnDemand(scratch, planned[keep]);
        if (generator.hasReserved(planned[keep]))
            generator.appendReserved(scratch, planned[keep], ignored);
        total += scratch.size() + 6;
    }
    planned.resize(keep);

    std::FILE *file = std::fopen(path.c_str(), "wb");
    if (!file) {
        error = path + ": " + std::strerror(errno);
        return false;
    }
    Output out(file);
    out.text() += header;
    bool ok = true;
    for (std::size_t i = 0; i < planned.size() && ok; ++i) {
        generator.appendProduct(out.text(), planned[i]);
        out.text() += i + 1 < planned.size() ? ",\n" : "\n";
        ++stats.products;
        if (planned[i].type >= 0)
            ++stats.computeProducts;
        if (Generator::isPlain(planned[i])) {
            ++stats.plainProducts;
            ++(planned[i].variant == 0 ? stats.plainLinux : stats.plainWindows);
            stats.plainPriceSum1e4 += std::uint64_t(generator.hourly1e4(planned[i]));
        }
        ok = out.maybeFlush();
    }
    out.text() += "  },\n  \"terms\" : {\n    \"OnDemand\" : {\n";
    for (std::size_t i = 0; i < planned.size() && ok; ++i) {
        generator.appendOnDemand(out.text(), planned[i]);
        out.text() += i + 1 < planned.size() ? ",\n" : "\n";
        ++stats.onDemandTerms;
        ok = out.maybeFlush();
    }
    out.text() += "    },\n    \"Reserved\" : {\n";
    bool first = true;
    for (std::size_t i = 0; i < planned.size() && ok; ++i) {
        if (!generator.hasReserved(planned[i]))
            continue;
        if (!first)
            out.text() += ",\n";
        first = false;
        generator.appendReserved(out.text(), planned[i], stats.reservedTerms);
        ok = out.maybeFlush();
    }
    out.text() += "\n    }\n  },\n  \"attributesList\" : { }\n}";
    ok = ok && out.flush();
    ok = (std::fclose(file) == 0) && ok;
    if (!ok) {
        error = path + ": write failed: " + std::strerror(errno);
        std::remove(path.c_str());
        return false;
    }
    stats.bytes = out.written();
    return true;
}

} // namespace Costscape::Bench
