// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// How fast, and in how little memory, an AWS EC2 regional offer file (about 380 MB) becomes a
// price sheet, next to the two references that bound it: nlohmann::json's DOM (what reading the
// file "the easy way" costs) and a plain sequential read with a byte scan (the floor: nothing can
// parse faster than the file can be read). Each measurement runs in its own forked child so that
// wait4 reports that child's own peak RSS; the parent only generates the file and prints.
// Not a Google Benchmark program: repetitions in one process would hide the peak memory.
//   cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-release -j2 --target bench_import && build-release/bench/bench_import
// Options: --size-mb N (default 380), --keep FILE (keep the generated file there),
// --file FILE (measure an existing offer file; no count check), --skip-dom (skip nlohmann),
// --services (the offer of the services around the compute instead of EC2's: gen_offer_services.h).

#include "bench/gen_offer.h"
#include "bench/gen_offer_services.h"

#include "pricing/aws/awsoffer.h"
#include "pricing/pricesheet.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <new>
#include <string>
#include <type_traits>
#include <vector>

#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace Costscape::Bench {

namespace {

constexpr double targetMBps = 500;
constexpr double targetRssMiB = 64;

/** What a measuring child sends back through its pipe: plain data, no pointers. */
struct Measured {
    bool ok = false;
    bool outOfMemory = false;
    double seconds = 0;
    std::uint64_t bytes = 0;
    std::uint64_t count = 0; // import: ec2Types; DOM: products; scan: '{' bytes
    std::uint64_t linuxPrices = 0;
    std::uint64_t windowsPrices = 0;
    double priceSum = 0;
    std::uint64_t products = 0;
    std::uint64_t servicePrices = 0; // --services: parts of the bill taken
    double serviceHourlySum = 0;     // --services: ALB hour + NAT hour + public IPv4 over regions
    char message[512] = {};
};

constexpr int exitOutOfMemory = 4;

struct ChildRun {
    bool exited = false;      // the child ended normally and sent its result
    bool outOfMemory = false; // std::bad_alloc where it cannot be caught
    int signal = 0;           // the child was killed (the OOM killer sends SIGKILL)
    double peakRssMiB = 0;
};

void setMessage(Measured &m, const std::string &text) { std::snprintf(m.message, sizeof m.message, "%s", text.c_str()); }

/**
 * Runs work in a forked child and returns its result and peak RSS. The child starts from the
 * parent's pages, so the parent keeps nothing big: the generator too runs in a child.
 */
template<typename Result, typename Work>
ChildRun runInChild(Work work, Result &result)
{
    static_assert(std::is_trivially_copyable_v<Result>);
    ChildRun run;
    int fds[2];
    if (pipe(fds) != 0) {
        std::perror("bench_import: pipe");
        std::exit(2);
    }
    std::fflush(stdout);
    const pid_t pid = fork();
    if (pid < 0) {
        std::perror("bench_import: fork");
        std::exit(2);
    }
    if (pid == 0) {
        close(fds[0]);
        // nlohmann's DOM frees itself with a vector as its stack: out of memory, the unwinding of
        // a half-built document throws again from a noexcept destructor and ends in terminate.
        std::set_terminate([] {
            try {
                if (auto current = std::current_exception())
                    std::rethrow_exception(current);
            } catch (const std::bad_alloc &) {
                _exit(exitOutOfMemory);
            } catch (...) {
            }
            std::abort();
        });
        Result out = work();
        const char *p = reinterpret_cast<const char *>(&out);
        std::size_t left = sizeof out;
        while (left > 0) {
            const ssize_t n = write(fds[1], p, left);
            if (n <= 0)
                _exit(3);
            p += n;
            left -= std::size_t(n);
        }
        _exit(0); // no destructors or atexit handlers: the parent owns the temp file
    }
    close(fds[1]);
    char *p = reinterpret_cast<char *>(&result);
    std::size_t got = 0;
    while (got < sizeof result) {
        const ssize_t n = read(fds[0], p + got, sizeof result - got);
        if (n <= 0)
            break;
        got += std::size_t(n);
    }
    close(fds[0]);
    int status = 0;
    rusage resources{};
    while (wait4(pid, &status, 0, &resources) < 0) {
        if (errno != EINTR) {
            std::perror("bench_import: wait4");
            std::exit(2);
        }
    }
    run.peakRssMiB = double(resources.ru_maxrss) / 1024.0; // Linux reports KiB
    run.exited = WIFEXITED(status) && WEXITSTATUS(status) == 0 && got == sizeof result;
    run.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    run.outOfMemory = WIFEXITED(status) && WEXITSTATUS(status) == exitOutOfMemory;
    return run;
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::uint64_t fileSize(const std::string &path)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? 0 : size;
}

Measured measureImport(const std::string &path)
{
    Measured m;
    try {
        Pricing::PriceSheet sheet; // empty: it takes the file's currency and nothing else is counted
        const auto start = std::chrono::steady_clock::now();
        auto summary = Pricing::importAwsOffer(path, sheet);
        m.seconds = secondsSince(start);
        if (!summary) {
            setMessage(m, summary.error().toString());
            return m;
        }
        m.ok = true;
        m.bytes = fileSize(path); // the file's bytes for every row, whatever the summary counts
        m.count = summary->ec2Types;
        m.products = summary->products;
        m.servicePrices = summary->servicePrices;
        for (const auto &[code, region] : sheet.regions)
            m.serviceHourlySum += region.services.albHourly.value_or(0) + region.services.natGatewayHourly.value_or(0)
                                  + region.services.publicIpv4Hourly.value_or(0);
        // What reached the sheet, not only what the summary says.
        for (const auto &[code, region] : sheet.regions) {
            for (const auto &[name, type] : region.ec2) {
                if (auto it = type.onDemandHourly.find("linux"); it != type.onDemandHourly.end()) {
                    ++m.linuxPrices;
                    m.priceSum += it->second;
                }
                if (auto it = type.onDemandHourly.find("windows"); it != type.onDemandHourly.end()) {
                    ++m.windowsPrices;
                    m.priceSum += it->second;
                }
            }
        }
    } catch (const std::bad_alloc &) {
        m.ok = false;
        m.outOfMemory = true;
        setMessage(m, "std::bad_alloc");
    } catch (const std::exception &e) {
        setMessage(m, std::string("exception: ") + e.what());
    }
    return m;
}

// nlohmann::json::parse(std::ifstream): the DOM from a stream, so the DOM alone is the memory
// (reading into a string first would add the file's size on top).
Measured measureDom(const std::string &path)
{
    Measured m;
    try {
        const auto start = std::chrono::steady_clock::now();
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            setMessage(m, path + ": cannot open");
            return m;
        }
        const nlohmann::json document = nlohmann::json::parse(in);
        m.seconds = secondsSince(start);
        m.ok = true;
        m.bytes = fileSize(path);
        if (auto it = document.find("products"); it != document.end())
            m.products = it->size();
        m.count = m.products;
    } catch (const std::bad_alloc &) {
        m.outOfMemory = true;
        setMessage(m, "std::bad_alloc");
    } catch (const std::exception &e) {
        setMessage(m, std::string("exception: ") + e.what());
    }
    return m;
}

// The floor: fread in 4 MB chunks and count '{' with memchr. Every byte is looked at once.
Measured measureScan(const std::string &path)
{
    Measured m;
    std::vector<char> buffer(4 << 20);
    const auto start = std::chrono::steady_clock::now();
    std::FILE *file = std::fopen(path.c_str(), "rb");
    if (!file) {
        setMessage(m, path + ": cannot open");
        return m;
    }
    std::setvbuf(file, nullptr, _IONBF, 0); // our buffer is the only one
    std::uint64_t braces = 0;
    std::uint64_t bytes = 0;
    for (;;) {
        const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), file);
        if (n == 0)
            break;
        bytes += n;
        const char *p = buffer.data();
        const char *end = p + n;
        while ((p = static_cast<const char *>(std::memchr(p, '{', std::size_t(end - p)))) != nullptr) {
            ++braces;
            ++p;
        }
    }
    std::fclose(file);
    m.seconds = secondsSince(start);
    m.ok = true;
    m.bytes = bytes;
    m.count = braces;
    return m;
}

struct Options {
    double sizeMb = 380;
    std::string keep;
    std::string file;
    bool skipDom = false;
    bool services = false; // generate the services-around-the-compute offer instead of EC2's
};

[[noreturn]] void usage()
{
    std::fprintf(stderr, "usage: bench_import [--size-mb N] [--keep FILE | --file FILE] [--skip-dom] [--services]\n");
    std::exit(2);
}

Options parseArguments(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                usage();
            return argv[++i];
        };
        if (arg == "--size-mb") {
            options.sizeMb = std::atof(value().c_str());
            if (!(options.sizeMb > 0))
                usage();
        } else if (arg == "--services") {
            options.services = true;
        } else if (arg == "--keep") {
            options.keep = value();
        } else if (arg == "--file") {
            options.file = value();
        } else if (arg == "--skip-dom") {
            options.skipDom = true;
        } else {
            usage();
        }
    }
    if (!options.keep.empty() && !options.file.empty())
        usage();
    return options;
}

struct Row {
    const char *method;
    Measured measured;
    ChildRun run;
};

void printRow(const Row &row, bool withTargets)
{
    char speed[32] = "-";
    char rss[32];
    std::snprintf(rss, sizeof rss, "%.1f", row.run.peakRssMiB);
    std::string note;
    if (row.run.signal != 0) {
        note = "killed by signal " + std::to_string(row.run.signal) + (row.run.signal == 9 ? " (OOM killer?)" : "");
    } else if (row.run.outOfMemory) {
        note = "out of memory (std::bad_alloc)";
    } else if (!row.run.exited) {
        note = "child failed";
    } else if (!row.measured.ok) {
        note = row.measured.message;
    } else {
        std::snprintf(speed, sizeof speed, "%.1f", double(row.measured.bytes) / 1e6 / row.measured.seconds);
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.2f s", row.measured.seconds);
        note = seconds;
    }
    std::string targets;
    if (withTargets && row.run.exited && row.measured.ok) {
        const double mbps = double(row.measured.bytes) / 1e6 / row.measured.seconds;
        targets = std::string(mbps >= targetMBps ? "met" : "MISSED") + " / " +
                  (row.run.peakRssMiB <= targetRssMiB ? "met" : "MISSED");
    }
    std::printf("%-34s %10s %14s   %-22s %s\n", row.method, speed, rss, withTargets ? targets.c_str() : "", note.c_str());
}

} // namespace

int run(int argc, char **argv)
{
    const Options options = parseArguments(argc, argv);

    // A child that does nothing: the RSS every child starts from (program, libraries, parent pages).
    Measured idle;
    const ChildRun baseline = runInChild([] { return Measured{}; }, idle);

    std::string path = options.file;
    bool generated = false;
    bool haveStats = false;
    bool haveServices = false;
    OfferGenStats stats;
    ServicesGenStats services;
    if (path.empty()) {
        path = options.keep.empty()
                   ? (std::filesystem::temp_directory_path() / ("costscape-bench-offer-" + std::to_string(getpid()) + ".json"))
                         .string()
                   : options.keep;
        struct Generated {
            bool ok;
            double seconds;
            OfferGenStats stats;
            ServicesGenStats services;
            char error[512];
        } result{};
        const ChildRun genRun = runInChild(
            [&] {
                Generated out{};
                std::string error;
                OfferGenOptions genOptions;
                genOptions.targetBytes = std::uint64_t(options.sizeMb * 1e6);
                const auto start = std::chrono::steady_clock::now();
                out.ok = options.services ? writeSyntheticServicesOffer(path, genOptions, out.services, error)
                                          : writeSyntheticEc2Offer(path, genOptions, out.stats, error);
                out.seconds = secondsSince(start);
                std::snprintf(out.error, sizeof out.error, "%s", error.c_str());
                return out;
            },
            result);
        if (!genRun.exited || !result.ok) {
            std::fprintf(stderr, "bench_import: generating %s failed: %s\n", path.c_str(),
                         genRun.exited ? result.error : "generator child died");
            std::filesystem::remove(path);
            return 2;
        }
        generated = true;
        haveStats = !options.services;
        haveServices = options.services;
        stats = result.stats;
        services = result.services;
        if (options.services) {
            std::printf("generated %s in %.1f s: %llu bytes (%.1f MB), %llu products, %llu regions x 13 parts\n",
                        path.c_str(), result.seconds, static_cast<unsigned long long>(services.bytes),
                        double(services.bytes) / 1e6, static_cast<unsigned long long>(services.products),
                        static_cast<unsigned long long>(services.regions));
        } else {
            std::printf("generated %s in %.1f s (peak RSS %.0f MiB)\n", path.c_str(), result.seconds, genRun.peakRssMiB);
            std::printf("  %llu bytes (%.1f MB), %llu products (%llu Compute Instance), %llu OnDemand terms, %llu Reserved "
                        "terms\n",
                        static_cast<unsigned long long>(stats.bytes), double(stats.bytes) / 1e6,
                        static_cast<unsigned long long>(stats.products), static_cast<unsigned long long>(stats.computeProducts),
                        static_cast<unsigned long long>(stats.onDemandTerms),
                        static_cast<unsigned long long>(stats.reservedTerms));
            std::printf("  plain on-demand Linux/Windows Shared Used products: %llu (%llu Linux, %llu Windows)\n",
                        static_cast<unsigned long long>(stats.plainProducts), static_cast<unsigned long long>(stats.plainLinux),
                        static_cast<unsigned long long>(stats.plainWindows));
        }
    }
    const std::uint64_t bytes = fileSize(path);
    std::printf("file: %s, %.1f MB; measured with a warm page cache; %ld online CPUs\n\n", path.c_str(), double(bytes) / 1e6,
                sysconf(_SC_NPROCESSORS_ONLN));

    std::vector<Row> rows;
    rows.push_back({"Costscape importAwsOffer", {}, {}});
    rows.back().run = runInChild([&] { return measureImport(path); }, rows.back().measured);
    if (!options.skipDom) {
        rows.push_back({"nlohmann::json::parse(ifstream) DOM", {}, {}});
        rows.back().run = runInChild([&] { return measureDom(path); }, rows.back().measured);
    }
    rows.push_back({"fread 4 MB + memchr '{' (floor)", {}, {}});
    rows.back().run = runInChild([&] { return measureScan(path); }, rows.back().measured);

    std::printf("%-34s %10s %14s   %-22s %s\n", "method", "MB/s", "peak RSS MiB", "targets MB/s / RSS", "note");
    for (std::size_t i = 0; i < rows.size(); ++i)
        printRow(rows[i], i == 0);
    std::printf("(MB = 1e6 bytes of file; a child that does nothing peaks at %.1f MiB; targets for the import: >= %.0f "
                "MB/s, <= %.0f MiB)\n\n",
                baseline.peakRssMiB, targetMBps, targetRssMiB);

    int exitCode = 0;
    const Row &import = rows.front();
    if (!import.run.exited || !import.measured.ok) {
        std::printf("import: FAILED\n");
        exitCode = 1;
    } else if (haveStats) {
        // The figure that can fail: exactly the plain on-demand rows, one price per type and OS,
        // with the prices the file states (a $0 Capacity Block or reservation row would change the sum).
        const double expectedSum = double(stats.plainPriceSum1e4) / 1e4;
        const bool countOk = import.measured.count == stats.plainProducts;
        const bool splitOk = import.measured.linuxPrices == stats.plainLinux && import.measured.windowsPrices == stats.plainWindows;
        const bool sumOk = std::fabs(import.measured.priceSum - expectedSum) <= 1e-6 * std::max(1.0, expectedSum);
        const bool productsOk = import.measured.products == stats.products;
        std::printf("import check: ec2Types %llu, expected %llu: %s\n",
                    static_cast<unsigned long long>(import.measured.count),
                    static_cast<unsigned long long>(stats.plainProducts), countOk ? "OK" : "MISMATCH");
        std::printf("import check: sheet has %llu Linux + %llu Windows prices, expected %llu + %llu: %s\n",
                    static_cast<unsigned long long>(import.measured.linuxPrices),
                    static_cast<unsigned long long>(import.measured.windowsPrices),
                    static_cast<unsigned long long>(stats.plainLinux), static_cast<unsigned long long>(stats.plainWindows),
                    splitOk ? "OK" : "MISMATCH");
        std::printf("import check: sum of those hourly prices %.4f, expected %.4f: %s\n", import.measured.priceSum,
                    expectedSum, sumOk ? "OK" : "MISMATCH");
        std::printf("import check: summary.products %llu, file has %llu: %s\n",
                    static_cast<unsigned long long>(import.measured.products),
                    static_cast<unsigned long long>(stats.products), productsOk ? "OK" : "MISMATCH");
        if (!countOk || !splitOk || !sumOk || !productsOk)
            exitCode = 1;
    } else if (haveServices) {
        // Exactly the thirteen parts of every region, none of the decoys beside them.
        const double expectedHourly = double(services.hourlySum1e4) / 1e4;
        const bool partsOk = import.measured.servicePrices == services.parts;
        const bool hourlyOk = std::fabs(import.measured.serviceHourlySum - expectedHourly) <= 1e-9 * std::max(1.0, expectedHourly);
        const bool productsOk = import.measured.products == services.products;
        std::printf("import check: service prices %llu, expected %llu: %s\n",
                    static_cast<unsigned long long>(import.measured.servicePrices),
                    static_cast<unsigned long long>(services.parts), partsOk ? "OK" : "MISMATCH");
        std::printf("import check: ALB + NAT + IPv4 hourly over regions %.4f, expected %.4f: %s\n",
                    import.measured.serviceHourlySum, expectedHourly, hourlyOk ? "OK" : "MISMATCH");
        std::printf("import check: summary.products %llu, file has %llu: %s\n",
                    static_cast<unsigned long long>(import.measured.products),
                    static_cast<unsigned long long>(services.products), productsOk ? "OK" : "MISMATCH");
        if (!partsOk || !hourlyOk || !productsOk)
            exitCode = 1;
    } else {
        std::printf("import: %llu instance-type prices taken (existing file: no expected count)\n",
                    static_cast<unsigned long long>(import.measured.count));
    }

    if (generated && options.keep.empty())
        std::filesystem::remove(path);
    else if (generated)
        std::printf("kept %s\n", path.c_str());
    return exitCode;
}

} // namespace Costscape::Bench

int main(int argc, char **argv) { return Costscape::Bench::run(argc, argv); }
