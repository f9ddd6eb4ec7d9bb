// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/aws/awsoffer.h"

#include "base/jsonescape.h"

#include "pricing/aws/awsoffercollector.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unordered_map>

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

namespace Costscape::Pricing {

using namespace AwsOffer;

namespace {

constexpr std::uint64_t ProgressEvery = 4u << 20;
constexpr std::uint64_t NoOffset = UINT64_MAX;

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
};

[[noreturn]] void failAt(std::uint64_t offset, ErrorCode code, std::string message)
{
    ImportFailure f;
    f.error.code = code;
    f.error.message = std::move(message);
    f.offset = offset;
    throw f;
}

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

// ---------------------------------------------------------------------------------------------
// Bulk JSON and GetProducts JSON

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
            } else if (key == "products") {
                m_s.summary.format = "json";
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
            // Reserved (and any other term type) is never priced: skipped unread.
            if (termType != "OnDemand") {
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
                while (member(ft, termKey))
                    term(it->second);
            }
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
                m_dim = PriceDimension();
                beginObject();
                bool fd = true;
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
                m_s.collector.addPrice(k, m_dim, 0);
            }
        }
    }

    ImportState &m_s;
    Reader &m_in;
    PriceDimension m_dim;
};

// ---------------------------------------------------------------------------------------------
// Bulk CSV

class CsvScanner final
{
public:
    CsvScanner(ImportState &s, const std::string &fileName) : m_s(s), m_in(s.in), m_fileName(fileName) {}

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
            if (fields[std::size_t(cTerm)] != "OnDemand")
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
    const std::string &m_fileName;
    int m_line = 1;
};

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
    while (pos < offset) {
        const std::size_t want = std::size_t(std::min<std::uint64_t>(buf.size(), offset - pos));
        const std::size_t n = read(pos, buf.data(), want);
        if (n == 0)
            break;
        for (std::size_t i = 0; i < n; ++i) {
            if (buf[i] == '\n') {
                ++lines;
                lineStart = pos + i + 1;
            }
        }
        pos += n;
    }
    line = int(lines);
    column = int(offset - lineStart + 1);
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
            JsonScanner(state).run();
            if (summary.format.empty())
                failAt(NoOffset, ErrorCode::WrongFormat, "not an AWS offer file: no \"products\" or \"product\"");
        } else {
            CsvScanner(state, fileName).run();
        }
        summary.offerCode = collector.offerCode();
        summary.bytes = in.offset();
        PriceSheet out = collector.finish(summary);
        if (summary.prices == 0) {
            collector.warn("no prices taken from this file (no " + std::string("EC2, Lambda or Fargate")
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
            if (summary.publicationDate.size() >= 10) {
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
