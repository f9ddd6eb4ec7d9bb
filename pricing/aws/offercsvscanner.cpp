// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Bulk CSV: one record at a time (RFC 4180 quoting), the metadata rows before the header read for
// the summary, each OnDemand row handed to the collector.

#include "pricing/aws/offerscanner.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Costscape::Pricing::AwsOffer {

namespace {

class CsvScanner final
{
public:
    explicit CsvScanner(ImportState &s) : m_s(s), m_in(s.in) {}

    void run()
    {
        m_s.summary.format = "csv";
        std::vector<std::string> fields;
        int line = 0;
        // Metadata rows ("FormatVersion", "Disclaimer", "Publication Date", "Version",
        // "OfferCode", in any number) until the header, which starts with SKU.
        int records = 0;
        for (;;) {
            if (!record(fields, line))
                failAt(NoOffset, ErrorCode::WrongFormat, "not an AWS offer file: no CSV header starting with \"SKU\"");
            if (++records > 100)
                failAt(NoOffset, ErrorCode::WrongFormat, "not an AWS offer file: no CSV header starting with \"SKU\"");
            if (fields.empty() || (fields.size() == 1 && fields[0].empty()))
                continue;
            const std::string &name = fields[0];
            if (name == "SKU")
                break;
            if (name.rfind("sep=", 0) == 0 || fields.size() < 2)
                continue;
            if (name == "Publication Date")
                m_s.summary.publicationDate = fields[1];
            else if (name == "Version")
                m_s.summary.version = fields[1];
            else if (name == "OfferCode" || name == "Offer Code") {
                m_s.collector.setOfferCode(fields[1]);
                m_s.summary.offerCode = m_s.collector.offerCode();
            }
        }
        const std::vector<std::string> header = fields;
        auto column = [&](std::string_view name) -> int {
            for (std::size_t i = 0; i < header.size(); ++i)
                if (header[i] == name)
                    return int(i);
            return -1;
        };
        const int cTerm = column("TermType");
        const int cStart = column("StartingRange");
        const int cEnd = column("EndingRange");
        const int cUnit = column("Unit");
        const int cPrice = column("PricePerUnit");
        const int cCurrency = column("Currency");
        const int cFamily = column("Product Family");
        // Reserved rows (issue 16): one row per dimension, the term's attributes in these columns.
        const int cLease = column("LeaseContractLength");
        const int cOffering = column("OfferingClass");
        const int cPurchase = column("PurchaseOption");
        const bool reservedColumns = cLease >= 0 && cOffering >= 0 && cPurchase >= 0;
        if (cTerm < 0 || cUnit < 0 || cPrice < 0 || cCurrency < 0)
            failAt(NoOffset, ErrorCode::WrongFormat,
                   "the CSV header lacks TermType, Unit, PricePerUnit or Currency; not an AWS offer file");
        std::vector<std::pair<int, Attr>> attrColumns;
        for (std::size_t i = 0; i < header.size(); ++i) {
            const Attr a = attrFromName(header[i]);
            if (a != Attr::Count)
                attrColumns.emplace_back(int(i), a);
        }

        std::string lastSku;
        PriceDimension dim;
        while (record(fields, line)) {
            if (fields.size() == 1 && fields[0].empty())
                continue; // a blank line
            if (fields.size() != header.size()) {
                m_s.collector.warn("expected " + std::to_string(header.size()) + " fields, found "
                                       + std::to_string(fields.size()) + "; row skipped",
                                   line);
                continue;
            }
            if (fields[0] != lastSku) {
                lastSku = fields[0];
                ++m_s.summary.products;
            }
            const bool reserved = reservedColumns && fields[std::size_t(cTerm)] == "Reserved";
            if (fields[std::size_t(cTerm)] != "OnDemand" && !reserved)
                continue;
            ProductInfo &p = m_s.product;
            p.clear();
            p.sku = fields[0];
            if (cFamily >= 0)
                p.family = fields[std::size_t(cFamily)];
            for (const auto &[i, a] : attrColumns)
                p[a] = fields[std::size_t(i)];
            const auto k = m_s.collector.classify(p);
            if (!k)
                continue;
            dim.unit = fields[std::size_t(cUnit)];
            dim.beginRange = cStart >= 0 ? fields[std::size_t(cStart)] : std::string();
            dim.endRange = cEnd >= 0 ? fields[std::size_t(cEnd)] : std::string();
            dim.currency = fields[std::size_t(cCurrency)];
            dim.price = fields[std::size_t(cPrice)];
            if (reserved) {
                const ReservedTerm term{fields[std::size_t(cLease)], fields[std::size_t(cOffering)],
                                        fields[std::size_t(cPurchase)]};
                m_s.collector.commitments().addReserved(*k, term, dim, line);
                continue;
            }
            m_s.collector.addPrice(*k, dim, line);
        }
    }

private:
    /** One CSV record (RFC 4180 quoting, "" inside quotes); line gets its first line. */
    bool record(std::vector<std::string> &fields, int &line)
    {
        fields.clear();
        if (m_in.peek() < 0)
            return false;
        line = m_line;
        std::string field;
        bool inQuotes = false;
        bool quoted = false;
        for (;;) {
            const int c = m_in.get();
            if (c < 0) {
                if (inQuotes)
                    m_s.collector.warn("unterminated quoted field at the end of the file", line);
                fields.push_back(std::move(field));
                return true;
            }
            if (inQuotes) {
                // Fast path: the rest of a quoted field up to its quote, within this chunk.
                if (c != '"') {
                    field += char(c);
                    if (c == '\n')
                        ++m_line;
                    const char *b = m_in.m_buf.data() + m_in.m_pos;
                    const char *e = m_in.m_buf.data() + m_in.m_end;
                    const char *q = static_cast<const char *>(std::memchr(b, '"', std::size_t(e - b)));
                    const char *stop = q ? q : e;
                    m_line += int(std::count(b, stop, '\n'));
                    field.append(b, stop);
                    m_in.m_pos += std::size_t(stop - b);
                    continue;
                }
                if (m_in.peek() == '"') {
                    m_in.get();
                    field += '"';
                } else {
                    inQuotes = false;
                }
                continue;
            }
            switch (c) {
            case '"':
                if (field.empty() && !quoted) {
                    inQuotes = quoted = true;
                } else {
                    field += '"';
                }
                break;
            case ',':
                fields.push_back(std::move(field));
                field.clear();
                quoted = false;
                break;
            case '\r':
                if (m_in.peek() == '\n')
                    break;
                [[fallthrough]];
            case '\n':
                ++m_line;
                fields.push_back(std::move(field));
                return true;
            default:
                field += char(c);
            }
        }
    }

    ImportState &m_s;
    Reader &m_in;
    int m_line = 1;
};

} // namespace

void scanCsvOffer(ImportState &state, const std::string & /*fileName: importAwsOffer names the file in a failure*/)
{
    CsvScanner(state).run();
}

} // namespace Costscape::Pricing::AwsOffer
