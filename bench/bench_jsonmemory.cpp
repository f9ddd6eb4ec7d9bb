// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The located JSON reader's own memory (issue 13, goal under 4x the file): loads each FILE with
// JsonDocument::load and prints its peak RSS, what the load added to it, and that over the file's
// size. A plain program with no Qt and no embedded sheet, so the program's own memory is ~2 MB and
// the figure is the reader's; bench/jsonreader-bench measures the same files through the CLI.
// One file per process run (a peak RSS cannot go down): bench_jsonmemory FILE [POINTER]
#include "base/jsondocument.h"

#include <sys/resource.h>

#include <cstdio>
#include <filesystem>

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_jsonmemory FILE [JSON-POINTER]\n");
        return 2;
    }
    rusage before{};
    getrusage(RUSAGE_SELF, &before);
    const auto doc = Costscape::JsonDocument::load(argv[1]);
    rusage after{};
    getrusage(RUSAGE_SELF, &after);
    std::error_code error;
    const double mb = static_cast<double>(std::filesystem::file_size(argv[1], error)) / 1048576.0;
    const double added = static_cast<double>(after.ru_maxrss - before.ru_maxrss) / 1024.0;
    std::printf("%s: %s, %.2f MB, peak RSS %.1f MB, the load added %.1f MB = %.2fx the file\n", argv[1],
                doc ? "read" : doc.error().toString().c_str(), mb, static_cast<double>(after.ru_maxrss) / 1024.0, added,
                mb > 0 ? added / mb : 0.0);
    if (doc && argc > 2) {
        const auto pos = doc.value().position(Costscape::JsonDocument::Pointer(argv[2]));
        std::printf("%s is at %d:%d\n", argv[2], pos.line, pos.column);
    }
    return doc ? 0 : 1;
}
