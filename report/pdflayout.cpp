// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/pdflayout.h"

#include "ui/charts/chartbase.h"

#include <QFontMetricsF>
#include <QPen>
#include <QPointF>
#include <QRectF>

#include <qcustomplot.h>

#include <algorithm>

namespace Costscape::Ui {

PdfLayout::PdfLayout(QPaintDevice *device, double width, double height)
    : m_device(device)
    , m_width(width)
    , m_bottom(height - FooterHeight)
{
    m_pages.emplace_back();
}

QFont PdfLayout::font(double points, bool bold)
{
    // Unshaped: "traffic" drawn with an "ffi" ligature would come out of a PDF reader's copy and
    // search (and pdftotext) as one odd character. Latin text needs no shaping.
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(points);
    f.setBold(bold);
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

void PdfLayout::placeAll(const std::vector<ReportBlock> &blocks)
{
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const ReportBlock &b = blocks[i];
        // A heading starts a new page rather than end one without what it introduces.
        if (b.kind == ReportBlock::Kind::Heading || b.kind == ReportBlock::Kind::Subheading)
            ensure(std::min(keepHeight(blocks, i), m_bottom));
        place(b);
    }
}

void PdfLayout::place(const ReportBlock &b)
{
    switch (b.kind) {
    case ReportBlock::Kind::Title: text(b.text, font(18, true), 0, 12, QColor(0x20, 0x20, 0x20)); break;
    case ReportBlock::Kind::Heading:
        // A heading never ends a page: keep room for a few lines after it.
        ensure(80);
        if (m_y > 0)
            m_y += 10;
        text(b.text, font(14, true), 0, 6, Qt::black);
        break;
    case ReportBlock::Kind::Subheading:
        ensure(60);
        m_y += 6;
        text(b.text, font(10.5, true), 0, 4, Qt::black);
        break;
    case ReportBlock::Kind::Paragraph: text(b.text, font(9.5), 0, 6, Qt::black); break;
    case ReportBlock::Kind::Warning: text(b.text, font(9.5, true), 0, 6, QColor(0xa0, 0x10, 0x10)); break;
    case ReportBlock::Kind::Bullet: text(QStringLiteral("\u2022  ") + b.text, font(9.5), 10, 3, Qt::black); break;
    case ReportBlock::Kind::Table:
        if (m_y > 0)
            m_y += 4;
        table(b);
        break;
    case ReportBlock::Kind::Chart: chart(b); break;
    case ReportBlock::Kind::PageBreak: newPage(); break;
    }
}

void PdfLayout::newPage()
{
    if (m_pages.back().empty() && m_y == 0)
        return;
    m_pages.emplace_back();
    m_y = 0;
}

void PdfLayout::ensure(double height)
{
    if (m_y > 0 && m_y + height > m_bottom)
        newPage();
}

double PdfLayout::measure(const QString &s, const QFont &f, double width) const
{
    const QFontMetricsF metrics(f, m_device);
    return metrics.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, s).height();
}

void PdfLayout::text(const QString &s, const QFont &f, double indent, double after, const QColor &color)
{
    const double w = m_width - indent;
    const double h = measure(s, f, w);
    ensure(h);
    const QRectF rect(indent, m_y, w, h);
    m_pages.back().push_back([=](QCPPainter &p) {
        p.setFont(f);
        p.setPen(color);
        p.drawText(rect, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, s);
    });
    m_y += h + after;
}

void PdfLayout::chart(const ReportBlock &b)
{
    const double scale = std::min(1.0, m_width / b.width);
    const double h = b.height * scale;
    ensure(h);
    const double x = (m_width - b.width * scale) / 2;
    const double y = m_y;
    ChartBase *c = b.chart;
    const int w = b.width, height = b.height;
    m_pages.back().push_back([=](QCPPainter &p) {
        p.save();
        p.translate(x, y);
        p.scale(scale, scale);
        p.setClipRect(QRect(0, 0, w, height));
        c->renderTo(&p, w, height);
        p.restore();
    });
    m_y += h + 8;
}

void PdfLayout::table(const ReportBlock &b)
{
    const int columns = static_cast<int>(b.header.size());
    double total = 0;
    for (int c = 0; c < columns; ++c)
        total += c < static_cast<int>(b.widths.size()) ? b.widths[static_cast<std::size_t>(c)] : 1;
    std::vector<double> x(static_cast<std::size_t>(columns) + 1, 0);
    for (int c = 0; c < columns; ++c)
        x[static_cast<std::size_t>(c) + 1] = x[static_cast<std::size_t>(c)]
            + m_width * (c < static_cast<int>(b.widths.size()) ? b.widths[static_cast<std::size_t>(c)] : 1) / total;
    const QFont body = font(8);
    const QFont bold = font(8, true);
    constexpr double Pad = 3;

    auto rowHeight = [&](const QStringList &cells, const QFont &f) {
        double h = 0;
        for (int c = 0; c < columns; ++c)
            h = std::max(h, measure(cells.value(c), f, x[static_cast<std::size_t>(c) + 1] - x[static_cast<std::size_t>(c)] - 2 * Pad));
        return h + 2 * Pad;
    };
    auto drawRow = [&](const QStringList &cells, const QFont &f, bool header, bool strong) {
        const double h = rowHeight(cells, f);
        const double y = m_y;
        const std::vector<double> xs = x;
        const std::vector<bool> numeric = b.numeric;
        const double width = m_width;
        m_pages.back().push_back([=](QCPPainter &p) {
            if (header)
                p.fillRect(QRectF(0, y, width, h), QColor(0xe8, 0xea, 0xee));
            p.setFont(f);
            p.setPen(Qt::black);
            for (int c = 0; c < columns; ++c) {
                const bool right = c < static_cast<int>(numeric.size()) && numeric[static_cast<std::size_t>(c)];
                const QRectF cell(xs[static_cast<std::size_t>(c)] + Pad, y + Pad,
                                  xs[static_cast<std::size_t>(c) + 1] - xs[static_cast<std::size_t>(c)] - 2 * Pad, h - 2 * Pad);
                p.drawText(cell, Qt::TextWordWrap | Qt::AlignTop | (right ? Qt::AlignRight : Qt::AlignLeft), cells.value(c));
            }
            p.setPen(QPen(strong ? QColor(0x40, 0x40, 0x40) : QColor(0xc8, 0xc8, 0xc8), strong ? 0.8 : 0.4));
            if (strong)
                p.drawLine(QPointF(0, y), QPointF(width, y));
            p.drawLine(QPointF(0, y + h), QPointF(width, y + h));
        });
        m_y += h;
    };

    // The header and the first row stay together; a page break repeats the header.
    const double headerHeight = rowHeight(b.header, bold);
    ensure(headerHeight + (b.rows.empty() ? 0 : rowHeight(b.rows.front(), body)));
    drawRow(b.header, bold, true, false);
    for (std::size_t r = 0; r < b.rows.size(); ++r) {
        const bool strong = r < b.strong.size() && b.strong[r];
        const QFont &f = strong ? bold : body;
        if (m_y + rowHeight(b.rows[r], f) > m_bottom) {
            newPage();
            drawRow(b.header, bold, true, false);
        }
        drawRow(b.rows[r], f, false, strong);
    }
    m_y += 10;
}

// Height of the heading at first and what follows it up to its first chart or table rows.
double PdfLayout::keepHeight(const std::vector<ReportBlock> &blocks, std::size_t first) const
{
    double h = 0;
    for (std::size_t i = first; i < blocks.size() && i < first + 6; ++i) {
        const ReportBlock &b = blocks[i];
        if (i > first && (b.kind == ReportBlock::Kind::Heading || b.kind == ReportBlock::Kind::Subheading || b.kind == ReportBlock::Kind::PageBreak))
            break;
        if (b.kind == ReportBlock::Kind::Chart)
            return h + b.height * std::min(1.0, m_width / b.width);
        if (b.kind == ReportBlock::Kind::Table)
            return h + 60; // the header and the first rows
        h += measure(b.text, font(b.kind == ReportBlock::Kind::Heading ? 14 : 10), m_width) + 12;
    }
    return h;
}
} // namespace Costscape::Ui
