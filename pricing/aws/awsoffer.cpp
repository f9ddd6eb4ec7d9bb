// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/aws/awsoffer.h"

#include "pricing/aws/awsoffercollector.h"
#include "pricing/aws/offerscanner.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

// Offer file layout (bulk JSON: formatVersion, offerCode, version, publicationDate, products keyed
// by SKU, then terms.OnDemand / terms.Reserved keyed by SKU and offer term; CSV: metadata rows, a
// header, one row per price dimension): "Reading the service price list file for an AWS
// service", AWS Billing User Guide,
// https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/reading-service-price-list-file-for-services.html
//
// The files are large (AmazonEC2 for one region is hundreds of MB, most of it Reserved terms
// and attributes Costscape never reads), so they are read in fixed chunks by a pull scanner that
// keeps only the products it may price (SKU -> KeptProduct) and skips everything else without
// building it.
//
// The scanners (offerscanner.h) read; this file tells the formats apart, places a failure at its
// line and column, and writes what was collected into the sheet.

namespace Costscape::Pricing {

using namespace AwsOffer;

namespace {
/** Whether text starts with YYYY-MM-DD (ASCII digits and dashes). */
bool isIsoDate(const std::string &text)
{
    if (text.size() < 10)
        return false;
    for (std::size_t i = 0; i < 10; ++i) {
        const bool dash = i == 4 || i == 7;
        if (dash ? text[i] != '-' : (text[i] < '0' || text[i] > '9'))
            return false;
    }
    return true;
}


std::string baseName(const std::string &path)
{
    const auto slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

/** Line and column (1-based) of a byte offset, counting '\n' in chunks from the start. */
template<typename ReadFn>
void lineColumn(std::uint64_t offset, ReadFn read, int &line, int &column)
{
    std::vector<char> buf(1u << 20);
    std::uint64_t pos = 0;
    std::uint64_t lineStart = 0;
    long long lines = 1;
    std::uint64_t continuations = 0; // UTF-8 continuation bytes on the line: columns count characters
    while (pos < offset) {
        const std::size_t want = std::size_t(std::min<std::uint64_t>(buf.size(), offset - pos));
        const std::size_t n = read(pos, buf.data(), want);
        if (n == 0)
            break;
        for (std::size_t i = 0; i < n; ++i) {
            if (buf[i] == '\n') {
                ++lines;
                lineStart = pos + i + 1;
                continuations = 0;
            } else if ((static_cast<unsigned char>(buf[i]) & 0xC0) == 0x80) {
                ++continuations;
            }
        }
        pos += n;
    }
    line = int(lines);
    column = int(offset - lineStart - continuations + 1);
}

Result<AwsImportSummary> importFrom(Reader &in, const std::string &fileName, PriceSheet &sheet,
                                    const AwsImportOptions &options, std::uint64_t &failOffset)
{
    failOffset = NoOffset;
    Collector collector(sheet, options, fileName);
    AwsImportSummary summary;
    ImportState state{collector, summary, in, {}, {}, {}};
    try {
        // A UTF-8 byte order mark, then whitespace: '{' or '[' is JSON, anything else CSV.
        if (in.peek() == 0xEF) {
            in.get();
            if (in.get() != 0xBB || in.get() != 0xBF)
                failAt(0, ErrorCode::WrongFormat, "not an AWS offer file");
        }
        while (in.peek() == ' ' || in.peek() == '\n' || in.peek() == '\r' || in.peek() == '\t')
            in.get();
        const int first = in.peek();
        if (first < 0)
            failAt(NoOffset, ErrorCode::WrongFormat, "the file is empty");
        if (first == '{' || first == '[') {
            scanJsonOffer(state);
            if (summary.format.empty())
                failAt(NoOffset, ErrorCode::WrongFormat, "not an AWS offer file: no \"products\" or \"product\"");
        } else {
            scanCsvOffer(state, fileName);
        }
        summary.offerCode = collector.offerCode();
        summary.bytes = in.offset();
        PriceSheet out = collector.finish(summary);
        if (summary.prices == 0) {
            collector.warn("no prices taken from this file (no " + std::string("EC2, Lambda, Fargate, commitment or around-the-compute")
                           + " prices for the selected regions)");
        } else {
            std::string source = "AWS Price List " + summary.offerCode + " offer file " + baseName(fileName);
            if (!summary.version.empty())
                source += ", version " + summary.version;
            if (out.provenance.name.empty() || sheet.regions.empty())
                out.provenance.name = "AWS Price List";
            out.provenance.source = out.provenance.source.empty() || sheet.regions.empty()
                                        ? source
                                        : out.provenance.source + "; " + source;
            // A sheet from several files is as old as its oldest file: that is the date a reader
            // must weigh the prices by.
            // Only a date as AWS writes it (2026-05-20T18:30:12Z) is taken: cutting anything else
            // at ten bytes could split a character and make the sheet unwritable.
            if (isIsoDate(summary.publicationDate)) {
                const std::string date = summary.publicationDate.substr(0, 10);
                if (out.provenance.retrieved.empty() || sheet.regions.empty() || date < out.provenance.retrieved)
                    out.provenance.retrieved = date;
            }
            sheet = std::move(out);
        }
        Result<AwsImportSummary> result(std::move(summary));
        result.setWarnings(std::move(collector.warnings()));
        return result;
    } catch (ImportFailure &f) {
        f.error.file = fileName;
        failOffset = f.offset;
        return f.error;
    } catch (const std::bad_alloc &) {
        Error e;
        e.code = ErrorCode::OutOfRange;
        e.file = fileName;
        e.message = "out of memory while reading the offer file";
        return e;
    }
}

} // namespace

Result<AwsImportSummary> importAwsOfferText(std::string_view text, const std::string &fileName, PriceSheet &sheet,
                                            const AwsImportOptions &options)
{
    Reader in(nullptr, text, text.size(), options);
    std::uint64_t failOffset = NoOffset;
    auto r = importFrom(in, fileName, sheet, options, failOffset);
    if (!r.ok() && failOffset != NoOffset) {
        Error e = r.error();
        lineColumn(
            failOffset,
            [&](std::uint64_t pos, char *buf, std::size_t n) {
                const std::size_t k = std::min<std::size_t>(n, text.size() - std::size_t(pos));
                std::memcpy(buf, text.data() + pos, k);
                return k;
            },
            e.line, e.column);
        return e;
    }
    return r;
}

Result<AwsImportSummary> importAwsOffer(const std::string &path, PriceSheet &sheet, const AwsImportOptions &options)
{
    std::unique_ptr<std::FILE, int (*)(std::FILE *)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) {
        Error e;
        e.code = ErrorCode::FileNotFound;
        e.file = path;
        e.message = "cannot open the file: " + std::string(std::strerror(errno));
        return e;
    }
    std::uint64_t total = 0;
    if (std::fseek(file.get(), 0, SEEK_END) == 0) {
        const long size = std::ftell(file.get());
        total = size > 0 ? std::uint64_t(size) : 0;
        std::fseek(file.get(), 0, SEEK_SET);
    }
    Reader in(file.get(), {}, total, options);
    std::uint64_t failOffset = NoOffset;
    auto r = importFrom(in, path, sheet, options, failOffset);
    if (!r.ok() && failOffset != NoOffset) {
        // Line and column are counted only on failure, so the scan itself never tracks them.
        Error e = r.error();
        std::rewind(file.get());
        lineColumn(
            failOffset, [&](std::uint64_t, char *buf, std::size_t n) { return std::fread(buf, 1, n, file.get()); },
            e.line, e.column);
        return e;
    }
    return r;
}

} // namespace Costscape::Pricing
