// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/labelfit.h"

#include <QFontMetricsF>
#include <QStringList>

#include <vector>

namespace Costscape::Ui {

namespace {

/** A piece of text between two places it may break: after a '-' (kept), or at a space (dropped). */
struct Piece {
    QString text;
    bool spaceBefore = false;
};

std::vector<Piece> pieces(const QString &text)
{
    std::vector<Piece> out;
    Piece current;
    for (const QChar c : text) {
        if (c == QLatin1Char(' ')) {
            if (!current.text.isEmpty())
                out.push_back(current);
            current = Piece{{}, !out.empty()};
            continue;
        }
        current.text += c;
        if (c == QLatin1Char('-')) {
            out.push_back(current);
            current = Piece{};
        }
    }
    if (!current.text.isEmpty())
        out.push_back(current);
    return out;
}

QString joined(const std::vector<Piece> &parts, std::size_t from, std::size_t to)
{
    QString out;
    for (std::size_t i = from; i < to; ++i)
        out += (i > from && parts[i].spaceBefore ? QStringLiteral(" ") : QString()) + parts[i].text;
    return out;
}

} // namespace

QString fitLabel(const QString &text, const QFontMetricsF &metrics, double width, int maxLines)
{
    if (!(width > 0) || maxLines < 1 || metrics.horizontalAdvance(text) <= width)
        return text;
    const std::vector<Piece> parts = pieces(text);
    if (parts.empty())
        return text;
    // Greedy filling gives the fewest lines; each line starts at a piece.
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 1; i < parts.size(); ++i)
        if (metrics.horizontalAdvance(joined(parts, starts.back(), i + 1)) > width)
            starts.push_back(i);
    if (starts.size() > static_cast<std::size_t>(maxLines))
        starts.resize(static_cast<std::size_t>(maxLines)); // the rest on the last line, elided below
    QStringList lines;
    for (std::size_t l = 0; l < starts.size(); ++l) {
        const std::size_t end = l + 1 < starts.size() ? starts[l + 1] : parts.size();
        lines << metrics.elidedText(joined(parts, starts[l], end), Qt::ElideRight, width);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace Costscape::Ui
