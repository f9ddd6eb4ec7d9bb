// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the AWS offer importer (awsoffer.cpp and its two scanners, offerjsonscanner.cpp
// and offercsvscanner.cpp): not installed, not for other modules. Both scanners pull the file
// through one Reader and fill one ImportState; what goes wrong is thrown as ImportFailure and
// turned into a Result by the importer.

#include "base/utf8.h"
#include "pricing/aws/awsoffercollector.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace Costscape::Pricing::AwsOffer {

constexpr std::uint64_t ProgressEvery = 4u << 20;
constexpr std::uint64_t NoOffset = UINT64_MAX;

[[noreturn]] inline void failAt(std::uint64_t offset, ErrorCode code, std::string message)
{
    ImportFailure f;
    f.error.code = code;
    f.error.message = std::move(message);
    f.offset = offset;
    throw f;
}

/** Fixed-size chunks of a FILE or of text in memory; reports progress and cancels at refills. */
class Reader final
{
public:
    Reader(std::FILE *file, std::string_view text, std::uint64_t total, const AwsImportOptions &options)
        : m_buf(chunkSize()), m_file(file), m_text(text), m_total(total), m_options(options)
    {
    }

    /** Reads the next chunk; false at the end of the input. Throws Cancelled. */
    bool fill()
    {
        m_base += m_end;
        m_pos = m_end = 0;
        if (m_file) {
            m_end = std::fread(m_buf.data(), 1, m_buf.size(), m_file);
        } else {
            const std::size_t n = std::min<std::size_t>(m_buf.size(), m_text.size() - std::min<std::size_t>(m_base, m_text.size()));
            std::memcpy(m_buf.data(), m_text.data() + m_base, n);
            m_end = n;
        }
        // Every byte is checked as UTF-8 as it arrives, so no text taken from the file can make
        // a writer throw later; a multi-gigabyte offer file is never held whole to check it.
        const std::ptrdiff_t bad = m_utf8.feed(std::string_view(m_buf.data(), m_end));
        if (bad != Utf8::StreamChecker::Fine)
            failAt(std::uint64_t(std::int64_t(m_base) + bad), ErrorCode::SyntaxError, Utf8::InvalidMessage);
        if (m_end == 0 && m_utf8.pending() > 0)
            failAt(m_base - m_utf8.pending(), ErrorCode::SyntaxError,
                   std::string(Utf8::InvalidMessage) + ": the file ends inside a character");
        const std::uint64_t done = m_base + m_end;
        if (m_options.progress && (done - m_lastProgress >= ProgressEvery || m_end == 0 || m_lastProgress == 0)) {
            m_lastProgress = std::max<std::uint64_t>(done, 1);
            if (!m_options.progress(done, m_total)) {
                ImportFailure f;
                f.error.code = ErrorCode::Cancelled;
                f.error.message = "import cancelled";
                f.offset = NoOffset;
                throw f;
            }
        }
        return m_end > 0;
    }

    int peek()
    {
        if (m_pos == m_end && !fill())
            return -1;
        return static_cast<unsigned char>(m_buf[m_pos]);
    }
    int get()
    {
        const int c = peek();
        if (c >= 0)
            ++m_pos;
        return c;
    }
    std::uint64_t offset() const { return m_base + m_pos; }

    std::vector<char> m_buf;
    std::size_t m_pos = 0;
    std::size_t m_end = 0;

private:
    std::FILE *m_file;
    std::string_view m_text;
    std::uint64_t m_total;
    const AwsImportOptions &m_options;
    std::uint64_t m_base = 0;
    std::uint64_t m_lastProgress = 0;
    Utf8::StreamChecker m_utf8;
};

struct ImportState {
    Collector &collector;
    AwsImportSummary &summary;
    Reader &in;
    ProductInfo product;
    std::unordered_map<std::string, KeptProduct> kept;
    std::vector<ProductInfo> pending; ///< read before the offer code was known (GetProducts)

    void keepProduct(const ProductInfo &p)
    {
        if (p[Attr::ServiceCode].empty() && collector.offerCode().empty()) {
            pending.push_back(p);
            return;
        }
        if (auto k = collector.classify(p))
            kept.insert_or_assign(p.sku, std::move(*k));
    }
    void flushPending()
    {
        auto list = std::move(pending);
        pending.clear();
        for (const auto &p : list)
            if (auto k = collector.classify(p))
                kept.insert_or_assign(p.sku, std::move(*k));
    }
};

/**
 * Scans bulk JSON (products, then terms) or GetProducts JSON (one item, a list of items, or the
 * AWS CLI's {"PriceList": [...]}) from state.in into state; sets summary.format to "json" or
 * "getproducts", and leaves it empty when the file has neither products nor a product. Throws
 * ImportFailure on malformed JSON (with its byte offset), a currency clash or a cancelled import.
 */
void scanJsonOffer(ImportState &state);

/**
 * Scans a bulk CSV offer file (metadata rows, the header starting with SKU, one row per price
 * dimension) from state.in into state; a row of the wrong width is a warning with its line and is
 * skipped. Throws ImportFailure when no header is found or it lacks a column the prices need, on
 * a currency clash and on a cancelled import.
 */
void scanCsvOffer(ImportState &state, const std::string &fileName);

} // namespace Costscape::Pricing::AwsOffer
