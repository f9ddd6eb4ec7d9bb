// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Bulk JSON and GetProducts JSON: a pull scanner over the offer's structure that reads only the
// keys the mapping needs and skips everything else without building it.

#include "pricing/aws/offerscanner.h"

#include "base/jsonescape.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace Costscape::Pricing::AwsOffer {

namespace {

class JsonScanner final
{
public:
    explicit JsonScanner(ImportState &s) : m_s(s), m_in(s.in) {}
    JsonScanner(ImportState &s, Reader &in) : m_s(s), m_in(in) {}

    void run()
    {
        const char c = next();
        if (c == '[') {
            // A list of GetProducts items (the PriceList array, each item parsed).
            ++m_in.m_pos;
            bool first = true;
            for (;;) {
                char d = next();
                if (d == ']') {
                    ++m_in.m_pos;
                    break;
                }
                if (!first) {
                    if (d != ',')
                        fail("expected ',' or ']'");
                    ++m_in.m_pos;
                }
                first = false;
                topObject();
            }
        } else {
            topObject();
        }
        ws();
        if (m_in.peek() >= 0)
            fail("unexpected data after the end of the JSON value");
        m_s.flushPending();
    }

private:
    [[noreturn]] void fail(const std::string &message) { failAt(m_in.offset(), ErrorCode::SyntaxError, message); }

    void ws()
    {
        for (;;) {
            if (m_in.m_pos == m_in.m_end && !m_in.fill())
                return;
            const char c = m_in.m_buf[m_in.m_pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                return;
            ++m_in.m_pos;
        }
    }

    char next()
    {
        ws();
        const int c = m_in.peek();
        if (c < 0)
            fail("unexpected end of file");
        return char(c);
    }

    void beginObject()
    {
        if (next() != '{')
            fail("expected an object");
        ++m_in.m_pos;
    }

    /** The next member's key of the current object; false after its '}'. */
    bool member(bool &first, std::string &key)
    {
        char c = next();
        if (c == '}') {
            ++m_in.m_pos;
            return false;
        }
        if (!first) {
            if (c != ',')
                fail("expected ',' or '}'");
            ++m_in.m_pos;
            c = next();
        }
        first = false;
        if (c != '"')
            fail("expected a string key");
        readString(key);
        if (next() != ':')
            fail("expected ':'");
        ++m_in.m_pos;
        return true;
    }

    void readString(std::string &out)
    {
        out.clear();
        ++m_in.m_pos; // the opening quote
        for (;;) {
            if (m_in.m_pos == m_in.m_end && !m_in.fill())
                fail("unexpected end of file in a string");
            const char *b = m_in.m_buf.data() + m_in.m_pos;
            const char *e = m_in.m_buf.data() + m_in.m_end;
            const char *p = b;
            while (p < e && *p != '"' && *p != '\\' && static_cast<unsigned char>(*p) >= 0x20)
                ++p;
            out.append(b, p);
            m_in.m_pos += std::size_t(p - b);
            if (p == e)
                continue;
            if (*p == '"') {
                ++m_in.m_pos;
                return;
            }
            if (*p != '\\')
                fail("control character in a string");
            ++m_in.m_pos;
            const std::string problem = JsonEscape::decode(m_in.get(), [this] { return m_in.get(); }, out);
            if (!problem.empty())
                fail(problem);
        }
    }

    /** A string's text, or a number's / literal's token as written. */
    void readScalar(std::string &out)
    {
        const char c = next();
        if (c == '"') {
            readString(out);
            return;
        }
        if (c == '{' || c == '[') {
            out.clear();
            skipContainer();
            return;
        }
        out.clear();
        scalarToken(&out);
    }

    void scalarToken(std::string *out)
    {
        const int first = m_in.peek();
        if (!(first == '-' || (first >= '0' && first <= '9') || first == 't' || first == 'f' || first == 'n'))
            fail("unexpected character");
        for (;;) {
            const int c = m_in.peek();
            if (c < 0 || c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t')
                return;
            if (out)
                *out += char(c);
            ++m_in.m_pos;
        }
    }

    void skipValue()
    {
        const char c = next();
        if (c == '"') {
            skipString();
        } else if (c == '{' || c == '[') {
            skipContainer();
        } else {
            scalarToken(nullptr);
        }
    }

    void skipString()
    {
        ++m_in.m_pos;
        bool escaped = false;
        for (;;) {
            if (m_in.m_pos == m_in.m_end && !m_in.fill())
                fail("unexpected end of file in a string");
            const char *p = m_in.m_buf.data() + m_in.m_pos;
            const char *e = m_in.m_buf.data() + m_in.m_end;
            while (p < e) {
                const char c = *p++;
                if (escaped)
                    escaped = false;
                else if (c == '\\')
                    escaped = true;
                else if (c == '"') {
                    m_in.m_pos = std::size_t(p - m_in.m_buf.data());
                    return;
                }
            }
            m_in.m_pos = m_in.m_end;
        }
    }

    // The hot loop: most of an EC2 file is Reserved terms and unread attributes. Only brackets
    // and strings are tracked (a malformed value inside a skipped part goes unnoticed, an
    // unbalanced or truncated one does not).
    void skipContainer()
    {
        static const std::array<unsigned char, 256> cls = [] {
            std::array<unsigned char, 256> t{};
            t['"'] = 1;
            t['{'] = 2;
            t['['] = 2;
            t['}'] = 3;
            t[']'] = 3;
            return t;
        }();
        int depth = 0;
        bool inString = false;
        bool escaped = false;
        for (;;) {
            if (m_in.m_pos == m_in.m_end && !m_in.fill())
                fail("unexpected end of file");
            const char *base = m_in.m_buf.data();
            const char *p = base + m_in.m_pos;
            const char *e = base + m_in.m_end;
            while (p < e) {
                if (inString) {
                    if (escaped) {
                        escaped = false;
                        ++p;
                        continue;
                    }
                    const char *q = static_cast<const char *>(std::memchr(p, '"', std::size_t(e - p)));
                    const char *bs = static_cast<const char *>(std::memchr(p, '\\', std::size_t((q ? q : e) - p)));
                    if (bs) {
                        p = bs + 1;
                        escaped = true;
                        continue;
                    }
                    if (!q) {
                        p = e;
                        break;
                    }
                    p = q + 1;
                    inString = false;
                    continue;
                }
                const unsigned char t = cls[static_cast<unsigned char>(*p++)];
                if (t == 0)
                    continue;
                if (t == 1) {
                    inString = true;
                } else if (t == 2) {
                    ++depth;
                } else if (--depth == 0) {
                    m_in.m_pos = std::size_t(p - base);
                    return;
                }
            }
            m_in.m_pos = m_in.m_end;
        }
    }

    void topObject()
    {
        beginObject();
        bool first = true;
        std::string key;
        std::string value;
        while (member(first, key)) {
            if (key == "offerCode" || key == "serviceCode") {
                readScalar(value);
                m_s.collector.setOfferCode(value);
                m_s.summary.offerCode = m_s.collector.offerCode();
            } else if (key == "version") {
                readScalar(m_s.summary.version);
            } else if (key == "publicationDate") {
                readScalar(m_s.summary.publicationDate);
            } else if (key == "regionCode") {
                // A Savings Plans offer is one file per region; its rates are for usage there.
                readScalar(value);
                m_s.collector.commitments().setFileRegion(value);
            } else if (key == "products") {
                m_s.summary.format = "json";
                if (next() == '[') {
                    // A Savings Plans offer lists its products in an array, each with its sku.
                    productArray();
                    continue;
                }
                beginObject();
                bool f = true;
                std::string sku;
                while (member(f, sku)) {
                    ++m_s.summary.products;
                    product(sku);
                }
            } else if (key == "product") {
                m_s.summary.format = "getproducts";
                ++m_s.summary.products;
                product({});
            } else if (key == "terms") {
                m_s.flushPending();
                terms();
            } else if (key == "PriceList") {
                priceList();
            } else {
                skipValue();
            }
        }
    }

    // The Pricing API's GetProducts response as the AWS CLI prints it: {"FormatVersion",
    // "PriceList": ["<one item as a JSON string>", ...]}. Each item is small; it is scanned from
    // memory with the same code.
    void priceList()
    {
        if (next() != '[')
            fail("expected an array");
        ++m_in.m_pos;
        static const AwsImportOptions noProgress;
        bool first = true;
        std::string item;
        for (;;) {
            char c = next();
            if (c == ']') {
                ++m_in.m_pos;
                return;
            }
            if (!first) {
                if (c != ',')
                    fail("expected ',' or ']'");
                ++m_in.m_pos;
                c = next();
            }
            first = false;
            if (c != '"') {
                skipValue();
                continue;
            }
            const std::uint64_t at = m_in.offset();
            readString(item);
            Reader sub(nullptr, item, item.size(), noProgress);
            try {
                JsonScanner inner(m_s, sub);
                inner.topObject();
            } catch (ImportFailure &f) {
                // Place the error at the item's string in the file; its inner offset means nothing there.
                f.error.message = "in a PriceList item: " + f.error.message;
                f.offset = at;
                throw;
            }
        }
    }

    void productArray()
    {
        ++m_in.m_pos; // '['
        bool first = true;
        for (;;) {
            const char c = next();
            if (c == ']') {
                ++m_in.m_pos;
                return;
            }
            if (!first) {
                if (c != ',')
                    fail("expected ',' or ']'");
                ++m_in.m_pos;
            }
            first = false;
            ++m_s.summary.products;
            product({});
        }
    }

    void product(const std::string &sku)
    {
        ProductInfo &p = m_s.product;
        p.clear();
        p.sku = sku;
        beginObject();
        bool first = true;
        std::string key;
        while (member(first, key)) {
            if (key == "sku") {
                readScalar(p.sku);
            } else if (key == "productFamily") {
                readScalar(p.family);
            } else if (key == "usageType" || key == "serviceCode") {
                // A Savings Plans product carries these beside its attributes, not in them.
                readScalar(p[key == "usageType" ? Attr::UsageType : Attr::ServiceCode]);
            } else if (key == "attributes") {
                beginObject();
                bool f = true;
                while (member(f, key)) {
                    const Attr a = attrFromName(key);
                    if (a == Attr::Count)
                        skipValue();
                    else
                        readScalar(p[a]);
                }
            } else {
                skipValue();
            }
        }
        m_s.keepProduct(p);
    }

    void terms()
    {
        beginObject();
        bool first = true;
        std::string termType;
        while (member(first, termType)) {
            if (termType == "savingsPlan") {
                savingsPlans();
                continue;
            }
            // Reserved terms are read for the kept products only (issue 16); any other term type is
            // skipped unread.
            const bool reserved = termType == "Reserved";
            if (termType != "OnDemand" && !reserved) {
                skipValue();
                continue;
            }
            beginObject();
            bool f = true;
            std::string key;
            while (member(f, key)) {
                const auto dot = key.find('.');
                if (dot != std::string::npos) {
                    // GetProducts: terms.OnDemand is keyed "SKU.OFFERTERM" directly.
                    const auto it = m_s.kept.find(key.substr(0, dot));
                    if (it == m_s.kept.end())
                        skipValue();
                    else if (reserved)
                        reservedTerm(it->second);
                    else
                        term(it->second);
                    continue;
                }
                // Bulk: terms.OnDemand.SKU.{"SKU.OFFERTERM": term}. A price for a SKU that is
                // not kept (or not in products at all) is skipped.
                const auto it = m_s.kept.find(key);
                if (it == m_s.kept.end()) {
                    skipValue();
                    continue;
                }
                beginObject();
                bool ft = true;
                std::string termKey;
                while (member(ft, termKey)) {
                    if (reserved)
                        reservedTerm(it->second);
                    else
                        term(it->second);
                }
            }
        }
    }

    /** One price dimension's unit, range and first currency's price, into m_dim. */
    void dimension()
    {
        m_dim = PriceDimension();
        beginObject();
        bool fd = true;
        std::string key;
        while (member(fd, key)) {
            if (key == "unit") {
                readScalar(m_dim.unit);
            } else if (key == "beginRange") {
                readScalar(m_dim.beginRange);
            } else if (key == "endRange") {
                readScalar(m_dim.endRange);
            } else if (key == "pricePerUnit") {
                beginObject();
                bool fp = true;
                std::string currency;
                while (member(fp, currency)) {
                    // One currency per file; the first listed is taken.
                    if (m_dim.currency.empty()) {
                        m_dim.currency = currency;
                        readScalar(m_dim.price);
                    } else {
                        skipValue();
                    }
                }
            } else {
                skipValue();
            }
        }
    }

    // A Reserved term of a kept EC2 product: its termAttributes may come after its price
    // dimensions (GetProducts), so the dimensions wait for the end of the term.
    void reservedTerm(const KeptProduct &k)
    {
        if (k.kind != KeptProduct::Kind::Ec2 || k.os != "linux") {
            skipValue();
            return;
        }
        ReservedTerm attributes;
        std::vector<PriceDimension> dims;
        beginObject();
        bool first = true;
        std::string key;
        while (member(first, key)) {
            if (key == "priceDimensions") {
                beginObject();
                bool f = true;
                std::string rate;
                while (member(f, rate)) {
                    dimension();
                    dims.push_back(m_dim);
                }
            } else if (key == "termAttributes") {
                beginObject();
                bool f = true;
                std::string value;
                while (member(f, key)) {
                    if (key == "LeaseContractLength")
                        readScalar(attributes.leaseContractLength);
                    else if (key == "OfferingClass")
                        readScalar(attributes.offeringClass);
                    else if (key == "PurchaseOption")
                        readScalar(attributes.purchaseOption);
                    else
                        skipValue();
                }
            } else {
                skipValue();
            }
        }
        for (const PriceDimension &d : dims)
            m_s.collector.commitments().addReserved(k, attributes, d, 0);
    }

    // terms.savingsPlan: [{sku, description, effectiveDate, leaseContractLength, rates: [...]}]. The
    // plan's sku may come after its rates, so they wait for the end of the plan.
    void savingsPlans()
    {
        m_s.flushPending();
        if (next() != '[')
            fail("expected an array of Savings Plans terms");
        ++m_in.m_pos;
        bool first = true;
        std::string key;
        std::string sku;
        std::vector<PlanRate> rates;
        for (;;) {
            char c = next();
            if (c == ']') {
                ++m_in.m_pos;
                return;
            }
            if (!first) {
                if (c != ',')
                    fail("expected ',' or ']'");
                ++m_in.m_pos;
            }
            first = false;
            sku.clear();
            rates.clear();
            beginObject();
            bool fm = true;
            while (member(fm, key)) {
                if (key == "sku") {
                    readScalar(sku);
                } else if (key == "rates") {
                    planRates(rates);
                } else {
                    skipValue();
                }
            }
            const auto it = m_s.kept.find(sku);
            if (it == m_s.kept.end() || it->second.kind != KeptProduct::Kind::SavingsPlan)
                continue;
            for (const PlanRate &r : rates)
                m_s.collector.commitments().addPlanRate(it->second, r, 0);
        }
    }

    void planRates(std::vector<PlanRate> &rates)
    {
        if (next() != '[')
            fail("expected an array of rates");
        ++m_in.m_pos;
        bool first = true;
        std::string key;
        for (;;) {
            char c = next();
            if (c == ']') {
                ++m_in.m_pos;
                return;
            }
            if (!first) {
                if (c != ',')
                    fail("expected ',' or ']'");
                ++m_in.m_pos;
            }
            first = false;
            PlanRate r;
            beginObject();
            bool fm = true;
            while (member(fm, key)) {
                if (key == "discountedUsageType") {
                    readScalar(r.usageType);
                } else if (key == "discountedOperation") {
                    readScalar(r.operation);
                } else if (key == "discountedServiceCode") {
                    readScalar(r.serviceCode);
                } else if (key == "unit") {
                    readScalar(r.unit);
                } else if (key == "discountedRate") {
                    beginObject();
                    bool fr = true;
                    while (member(fr, key)) {
                        if (key == "price")
                            readScalar(r.price);
                        else if (key == "currency")
                            readScalar(r.currency);
                        else
                            skipValue();
                    }
                } else {
                    skipValue();
                }
            }
            rates.push_back(std::move(r));
        }
    }

    void term(const KeptProduct &k)
    {
        beginObject();
        bool first = true;
        std::string key;
        while (member(first, key)) {
            if (key != "priceDimensions") {
                skipValue();
                continue;
            }
            beginObject();
            bool f = true;
            std::string rate;
            while (member(f, rate)) {
                dimension();
                m_s.collector.addPrice(k, m_dim, 0);
            }
        }
    }

    ImportState &m_s;
    Reader &m_in;
    PriceDimension m_dim;
};

} // namespace

void scanJsonOffer(ImportState &state)
{
    JsonScanner(state).run();
}

} // namespace Costscape::Pricing::AwsOffer
