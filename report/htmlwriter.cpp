// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/htmlwriter.h"

#include "ui/charts/chartbase.h"

#include <QBuffer>
#include <QPixmap>

#include <qcustomplot.h>

namespace Costscape::Ui {

namespace {

/**
 * Element content: escaped, with each isolate that ChartBase::isolated made (U+2068 ... U+2069)
 * as <bdi>...</bdi>, which every browser honours. A stray U+2069 closes nothing that is not open,
 * and an isolate left open is closed at the end, so the markup stays balanced.
 */
QString esc(const QString &s)
{
    const QString escaped = s.toHtmlEscaped();
    if (!escaped.contains(QChar(0x2068)) && !escaped.contains(QChar(0x2069)))
        return escaped;
    QString out;
    int open = 0;
    for (const QChar c : escaped) {
        if (c == QChar(0x2068)) {
            out += QStringLiteral("<bdi>");
            ++open;
        } else if (c == QChar(0x2069)) {
            if (open > 0) {
                out += QStringLiteral("</bdi>");
                --open;
            }
        } else {
            out += c;
        }
    }
    while (open-- > 0)
        out += QStringLiteral("</bdi>");
    return out;
}

/** Attribute values and <title>, where no markup may stand: escaped, isolates kept as characters. */
QString escAttribute(const QString &s)
{
    return s.toHtmlEscaped();
}

QString pngDataUri(ChartBase *chart, int width, int height)
{
    // Twice the size, so the chart stays sharp on high-density screens and in print.
    const QPixmap pixmap = chart->plot()->toPixmap(width, height, 2.0);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (pixmap.isNull() || !buffer.open(QIODevice::WriteOnly) || !pixmap.save(&buffer, "PNG"))
        return {};
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(bytes.toBase64());
}

const char *const HtmlStyle = R"(
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; font-size: 14px; color: #111;
       max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.4; }
h1 { font-size: 1.8em; margin-bottom: 0.6em; }
h2 { font-size: 1.35em; margin-top: 1.8em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.05em; margin-top: 1.4em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1.2em; font-size: 0.86em; }
th, td { text-align: left; vertical-align: top; padding: 0.3em 0.5em; border-bottom: 1px solid #ddd; }
th { background: #e8eaee; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; border-top: 1.5px solid #444; }
p.warning { color: #a01010; font-weight: bold; }
figure { margin: 1em 0; }
figure img { max-width: 100%; height: auto; }
figcaption { font-size: 0.86em; color: #555; }
.pagebreak { break-after: page; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; }
  h2, h3 { break-after: avoid; }
  figure, tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
)";

} // namespace

QByteArray HtmlWriter::write(const std::vector<ReportBlock> &blocks, const QString &scenarioName)
{
    QString out;
    out += QStringLiteral("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
                          "<meta charset=\"utf-8\"/>\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                          "<meta name=\"generator\" content=\"Costscape\"/>\n");
    out += QStringLiteral("<title>%1</title>\n").arg(escAttribute(tr("Cost report: %1").arg(scenarioName)));
    out += QStringLiteral("<style>") + QString::fromLatin1(HtmlStyle) + QStringLiteral("</style>\n</head>\n<body>\n");
    bool inList = false;
    for (const ReportBlock &b : blocks) {
        if (inList && b.kind != ReportBlock::Kind::Bullet) {
            out += QStringLiteral("</ul>\n");
            inList = false;
        }
        switch (b.kind) {
        case ReportBlock::Kind::Title: out += QStringLiteral("<h1>%1</h1>\n").arg(esc(b.text)); break;
        case ReportBlock::Kind::Heading: out += QStringLiteral("<h2>%1</h2>\n").arg(esc(b.text)); break;
        case ReportBlock::Kind::Subheading: out += QStringLiteral("<h3>%1</h3>\n").arg(esc(b.text)); break;
        case ReportBlock::Kind::Paragraph: out += QStringLiteral("<p>%1</p>\n").arg(esc(b.text)); break;
        case ReportBlock::Kind::Warning: out += QStringLiteral("<p class=\"warning\">%1</p>\n").arg(esc(b.text)); break;
        case ReportBlock::Kind::Bullet:
            if (!inList)
                out += QStringLiteral("<ul>\n");
            inList = true;
            out += QStringLiteral("<li>%1</li>\n").arg(esc(b.text));
            break;
        case ReportBlock::Kind::PageBreak: out += QStringLiteral("<div class=\"pagebreak\"></div>\n"); break;
        case ReportBlock::Kind::Chart: {
            const QString uri = pngDataUri(b.chart, b.width, b.height);
            out += QStringLiteral("<figure>\n");
            if (!uri.isEmpty())
                out += QStringLiteral("<img src=\"%1\" width=\"%2\" height=\"%3\" alt=\"%4\"/>\n")
                           .arg(uri)
                           .arg(b.width)
                           .arg(b.height)
                           .arg(escAttribute(b.text));
            out += QStringLiteral("<figcaption>%1</figcaption>\n</figure>\n").arg(esc(b.text));
            break;
        }
        case ReportBlock::Kind::Table: {
            auto cellClass = [&](int c) {
                return c < static_cast<int>(b.numeric.size()) && b.numeric[static_cast<std::size_t>(c)]
                    ? QStringLiteral(" class=\"num\"")
                    : QString();
            };
            out += QStringLiteral("<table>\n<thead><tr>");
            for (int c = 0; c < b.header.size(); ++c)
                out += QStringLiteral("<th%1>%2</th>").arg(cellClass(c), esc(b.header[c]));
            out += QStringLiteral("</tr></thead>\n<tbody>\n");
            for (std::size_t r = 0; r < b.rows.size(); ++r) {
                out += b.strong[r] ? QStringLiteral("<tr class=\"total\">") : QStringLiteral("<tr>");
                for (int c = 0; c < b.header.size(); ++c)
                    out += QStringLiteral("<td%1>%2</td>").arg(cellClass(c), esc(b.rows[r].value(c)));
                out += QStringLiteral("</tr>\n");
            }
            out += QStringLiteral("</tbody>\n</table>\n");
            break;
        }
        }
    }
    if (inList)
        out += QStringLiteral("</ul>\n");
    out += QStringLiteral("</body>\n</html>\n");
    return out.toUtf8();
}

} // namespace Costscape::Ui
