// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reports against the number of options (issue 13: 1,000 options took 4 s as HTML, 2,000 23 s,
// 4,000 189 s, because HourlyChart re-laid out its legend for every series it removed). For each
// count of options it builds one scenario (a day profile; options cycling through Lambda,
// Fargate, EC2 fixed and EC2 derived from the workload, 24 instance types) and times, as
// `costscape-cli evaluate --format html|pdf` runs them: the evaluation, the traffic sweep, the
// HTML report and the PDF report, then the hourly chart alone (setSeries of every option).
// Goal: 1,000 options as HTML (evaluation + sweep + report) in under 2 s, and time that grows
// about linearly with the options.
// A plain program, not Google Benchmark: the figure of merit is a table against the count.
// Run from a Release (or the default RelWithDebInfo) build, offscreen:
//   cmake --build build -j2 --target bench_report
//   QT_QPA_PLATFORM=offscreen ./build/bench/bench_report [--pdf] [COUNT...]   (default 250 500 1000 2000)
// and through the command line, with the scenario written to a file:
//   ./build/bench/bench_report --write 1000 /tmp/o1000.costscape.json
//   time ./build/app/costscape-cli evaluate /tmp/o1000.costscape.json --format html > /tmp/o1000.html

#include "models/evaluator.h"
#include "models/scenario/scenarioreader.h"
#include "models/trafficsweep.h"
#include "pricing/pricesheet.h"
#include "report/report.h"
#include "ui/charts/hourlychart.h"

#include <QApplication>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using namespace Costscape;
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/** A scenario of `options` options over a day profile, priced with the embedded sheet (us-east-1). */
std::string scenarioText(int options)
{
    static const char *const types[] = {"m5.large",  "m5.xlarge", "m5.2xlarge", "c5.large",  "c5.xlarge", "c5.2xlarge",
                                        "r5.large",  "r5.xlarge", "t3.medium",  "t3.large",  "m6g.large", "c6g.large",
                                        "r6g.large", "t4g.large", "m5.4xlarge", "c5.4xlarge", "r5.2xlarge", "t3.xlarge",
                                        "m6g.xlarge", "c6g.xlarge", "r6g.xlarge", "t4g.xlarge", "m6i.large", "c6i.large"};
    std::string profile;
    for (int h = 0; h < 24; ++h)
        profile += (h ? ", " : "") + std::to_string(20 + 80 * (h >= 8 && h < 20) + h);
    std::string text = R"({"format": "costscape-scenario", "version": 1, "name": "bench )" + std::to_string(options)
        + R"( options", "region": "us-east-1", "hoursPerMonth": 730, "prices": "embedded",
        "workload": {"requests": {"perSecondHourly": [)" + profile + R"(]}, "durationMs": 120, "memoryMb": 256},
        "options": [)";
    for (int i = 0; i < options; ++i) {
        const std::string id = "\"id\": \"option-" + std::to_string(i) + "\", ";
        const std::string type = types[i % 24];
        std::string option;
        switch (i % 4) {
        case 0:
            option = "{" + id + R"("platform": "lambda", "memoryMb": )" + std::to_string(128 * (1 + i % 16)) + "}";
            break;
        case 1:
            option = "{" + id + R"("platform": "fargate", "taskVcpu": 1, "taskMemoryGb": )" + std::to_string(2 + i % 7)
                + R"(, "capacity": {"concurrentRequests": 8}})";
            break;
        case 2: option = "{" + id + R"("platform": "ec2", "instanceType": ")" + type + R"(", "instances": 2})"; break;
        default:
            option = "{" + id + R"("platform": "ec2", "instanceType": ")" + type
                + R"(", "capacity": {"requestsPerSecond": 40}, "targetUtilization": 0.6})";
            break;
        }
        text += (i ? ",\n" : "\n") + option;
    }
    return text + "]}";
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 4 && std::string(argv[1]) == "--write") {
        std::FILE *out = std::fopen(argv[3], "wb");
        const std::string text = scenarioText(std::atoi(argv[2]));
        const bool written = out && std::fwrite(text.data(), 1, text.size(), out) == text.size();
        const bool closed = out && std::fclose(out) == 0;
        if (!written || !closed) {
            std::fprintf(stderr, "bench_report: cannot write %s\n", argv[3]);
            return 1;
        }
        return 0;
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    bool pdf = false;
    std::vector<int> counts;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--pdf")
            pdf = true;
        else
            counts.push_back(std::atoi(argv[i]));
    }
    if (counts.empty())
        counts = {250, 500, 1000, 2000};

    std::printf("%8s %11s %9s %9s %13s %9s %11s %10s\n", "options", "evaluate_ms", "sweep_ms", "html_ms", "html_total_ms",
                "pdf_ms", "hourly_ms", "html_MB");
    int status = 0;
    for (int n : counts) {
        const auto scenario = Models::parseScenario(scenarioText(n), "bench.costscape.json");
        if (!scenario) {
            std::fprintf(stderr, "%s\n", scenario.error().toString().c_str());
            return 1;
        }
        const Pricing::PriceSheet &sheet = Pricing::embeddedPriceSheet();

        auto start = Clock::now();
        auto evaluation = Models::Evaluator::evaluate(scenario.value(), sheet);
        const double evaluateMs = msSince(start);
        if (!evaluation) {
            std::fprintf(stderr, "%s\n", evaluation.error().toString().c_str());
            return 1;
        }
        start = Clock::now();
        auto sweep = Models::sweepTraffic(scenario.value(), sheet);
        const double sweepMs = msSince(start);

        const Ui::Report report(scenario.value(), evaluation.value(), sweep ? sweep.value() : Models::TrafficSweep{});
        start = Clock::now();
        const QByteArray html = report.html();
        const double htmlMs = msSince(start);
        if (html.isEmpty())
            status = 1;

        double pdfMs = 0;
        if (pdf) {
            start = Clock::now();
            if (report.pdf().isEmpty())
                status = 1;
            pdfMs = msSince(start);
        }

        Ui::HourlyChart chart;
        chart.resize(660, 520);
        start = Clock::now();
        chart.setSeries(Models::hourlySeries(evaluation.value()));
        chart.setSeries(Models::hourlySeries(evaluation.value())); // and again: the old series are removed
        const double hourlyMs = msSince(start) / 2;

        std::printf("%8d %11.1f %9.1f %9.1f %13.1f %9.1f %11.1f %10.2f\n", n, evaluateMs, sweepMs, htmlMs,
                    evaluateMs + sweepMs + htmlMs, pdfMs, hourlyMs, static_cast<double>(html.size()) / 1e6);
        std::fflush(stdout);
    }
    return status;
}
