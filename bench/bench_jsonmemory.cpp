// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The located JSON reader's own memory (issue 13, goal under 4x the file): loads each FILE with
// JsonDocument::load and prints its peak RSS, what the load added to it, and that over the file's
// size. A plain program with no Qt and no embedded sheet, so the program's own memory is ~2 MB and
// the figure is the reader's; bench/jsonreader-bench measures the same files through the CLI.
// The last figure leaves out what any load costs, whatever the file (the reader's code and the C++
// library's file streams paged in, about 1 MB): a file of a few bytes is loaded first, and the
// figure is what FILE added above that peak (as jsonreader-bench subtracts tiny.json's).
// One file per process run (a peak RSS cannot go down): bench_jsonmemory FILE [POINTER]
#include "base/jsondocument.h"

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace {
double peakMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

/** Loads a document of a few bytes, so that what every load pages in is in the peak already. */
void loadTinyFile()
{
    char path[] = "/tmp/bench_jsonmemory-XXXXXX";
    const int fd = mkstemp(path);
    if (fd < 0)
        return;
    const char text[] = "{\"format\": \"benchmark\", \"a\": [1, 2.5, \"x\", {\"b\": null}]}";
    const bool written = write(fd, text, sizeof text - 1) == static_cast<ssize_t>(sizeof text - 1);
    close(fd);
    if (written)
        (void)Costscape::JsonDocument::load(path);
    unlink(path);
}
} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_jsonmemory FILE [JSON-POINTER]\n");
        return 2;
    }
    const double start = peakMb();
    loadTinyFile();
    const double warm = peakMb();
    const auto doc = Costscape::JsonDocument::load(argv[1]);
    const double peak = peakMb();
    std::error_code error;
    const double mb = static_cast<double>(std::filesystem::file_size(argv[1], error)) / 1048576.0;
    const double added = peak - start;
    std::printf("%s: %s, %.2f MB, peak RSS %.1f MB, the load added %.1f MB = %.2fx the file"
                " (%.1f MB = %.2fx above a tiny file's load)\n",
                argv[1], doc ? "read" : doc.error().toString().c_str(), mb, peak, added, mb > 0 ? added / mb : 0.0,
                peak - warm, mb > 0 ? (peak - warm) / mb : 0.0);
    if (doc && argc > 2) {
        const auto pos = doc.value().position(Costscape::JsonDocument::Pointer(argv[2]));
        std::printf("%s is at %d:%d\n", argv[2], pos.line, pos.column);
    }
    return doc ? 0 : 1;
}
