// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/pdfwriter.h"
#include "report/pdflayout.h"

#include <QBuffer>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>

#include <qcustomplot.h>

namespace Costscape::Ui {

QByteArray PdfWriter::write(const std::vector<ReportBlock> &blocks, const QString &scenarioName)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly))
        return {};
    {
        QPdfWriter writer(&buffer);
        writer.setCreator(QStringLiteral("Costscape"));
        writer.setTitle(tr("Cost report: %1").arg(scenarioName));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(18, 16, 18, 14),
                                         QPageLayout::Millimeter));
        // Points as the logical unit: font sizes and line widths read as they print.
        writer.setResolution(72);
        const double width = writer.width();
        const double height = writer.height();

        // Laid out in full before drawing, so that the footer knows the page count.
        PdfLayout layout(&writer, width, height);
        layout.placeAll(blocks);
        const auto pages = layout.take();

        QCPPainter painter(&writer);
        if (!painter.isActive())
            return {};
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        painter.setRenderHint(QPainter::Antialiasing);
        const int count = static_cast<int>(pages.size());
        const QFont footer = PdfLayout::font(7.5);
        for (int i = 0; i < count; ++i) {
            if (i > 0 && !writer.newPage())
                return {};
            for (const auto &step : pages[static_cast<std::size_t>(i)])
                step(painter);
            painter.setFont(footer);
            painter.setPen(QColor(0x60, 0x60, 0x60));
            const QRectF foot(0, height - PdfLayout::FooterHeight + 8, width, PdfLayout::FooterHeight - 8);
            painter.drawText(foot, Qt::AlignLeft | Qt::AlignBottom, tr("Costscape: %1").arg(scenarioName));
            painter.drawText(foot, Qt::AlignRight | Qt::AlignBottom, tr("Page %1 of %2").arg(i + 1).arg(count));
        }
        if (!painter.end())
            return {};
    }
    return bytes;
}

} // namespace Costscape::Ui
