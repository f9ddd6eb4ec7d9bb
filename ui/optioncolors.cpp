// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/optioncolors.h"

#include <QImage>
#include <QPainter>
#include <QPen>

#include <algorithm>
#include <array>
#include <set>

namespace Costscape::Ui {

namespace {

/** The Okabe-Ito colours without black; slots past them are lighter and darker variants. */
constexpr int BaseColors = 7;
/** The muted tones of an option's parts; past them the tones come hatched. */
constexpr int PartColors = 6;

/**
 * Picks free slots for new ids among `current`: the lowest slot none of them holds, preferring one
 * no remembered id holds. Each pick joins both sets, so the lowest slot missing from either only
 * ever goes up: picking n slots in a row costs one pass, not n rebuilds of the sets.
 */
class SlotPicker
{
public:
    SlotPicker(const std::map<std::string, int> &known, const std::vector<std::string> &current)
    {
        for (const std::string &id : current)
            if (const auto it = known.find(id); it != known.end())
                m_held.insert(it->second);
        for (const auto &[id, s] : known)
            m_remembered.insert(s);
    }

    int next()
    {
        while (m_held.contains(m_unused) || m_remembered.contains(m_unused))
            ++m_unused;
        while (m_held.contains(m_free))
            ++m_free;
        // A colour no option ever had, unless that means leaving the seven base colours while a
        // removed option's colour is free: then that one is taken again.
        const int s = m_unused < BaseColors || m_free >= BaseColors ? m_unused : m_free;
        m_held.insert(s);
        m_remembered.insert(s);
        return s;
    }

private:
    std::set<int> m_held;
    std::set<int> m_remembered;
    int m_unused = 0;
    int m_free = 0;
};

bool contains(const std::vector<std::string> &ids, const std::string &id)
{
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

} // namespace

OptionColors OptionColors::inOrder(const std::vector<std::string> &ids)
{
    OptionColors colors;
    for (const std::string &id : ids)
        if (!colors.m_slots.contains(id))
            colors.m_slots.emplace(id, static_cast<int>(colors.m_slots.size()));
    colors.m_current = ids;
    return colors;
}

int OptionColors::freeSlot(const std::vector<std::string> &current) const
{
    return SlotPicker(m_slots, current).next();
}

void OptionColors::update(const std::vector<std::string> &ids)
{
    // A rename: one id gone and one new one in its place, the others where they were.
    if (ids.size() == m_current.size()) {
        int changed = -1;
        int count = 0;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (ids[i] != m_current[i]) {
                changed = static_cast<int>(i);
                ++count;
            }
        }
        if (count == 1) {
            const std::string &was = m_current[static_cast<std::size_t>(changed)];
            const std::string &now = ids[static_cast<std::size_t>(changed)];
            if (!contains(ids, was) && !contains(m_current, now) && !m_slots.contains(now) && m_slots.contains(was))
                m_slots[now] = m_slots[was];
        }
    }
    // Known ids keep their slots, unless an earlier current option holds the same one (an id
    // that came back after its slot went to another): that one moves.
    // The slots of the ids placed so far, in a set: scanning the placed ids for each id was
    // quadratic in the options, and an edit of a file of a few hundred options spent most of its
    // time there. With a repeated id (a file the reader refuses, but the document may hold while
    // it is edited) a reassigned slot also moves the earlier copy's: keep the scan for that case.
    const bool unique = std::set<std::string>(ids.begin(), ids.end()).size() == ids.size();
    std::vector<std::string> placed;
    std::set<int> placedSlots;
    for (const std::string &id : ids) {
        const auto it = m_slots.find(id);
        const bool clash = it != m_slots.end()
            && (unique ? placedSlots.contains(it->second)
                       : std::any_of(placed.begin(), placed.end(), [&](const std::string &p) { return m_slots.at(p) == it->second; }));
        if (it == m_slots.end() || clash)
            m_slots[id] = freeSlot(ids);
        if (unique)
            placedSlots.insert(m_slots[id]);
        else
            placed.push_back(id);
    }
    m_current = ids;
}

void OptionColors::include(const std::vector<std::string> &ids)
{
    // What freeSlot(ids) gives for each unknown id in turn, from one picker: asking freeSlot each
    // time rebuilt both sets for every id, and a chart of 1,000 new options (each chart of a report
    // starts with no colours) spent most of the report's time there (issue 13).
    SlotPicker picker(m_slots, ids);
    for (const std::string &id : ids) {
        if (!m_slots.contains(id))
            m_slots[id] = picker.next();
    }
}

int OptionColors::slot(const std::string &id) const
{
    const auto it = m_slots.find(id);
    return it == m_slots.end() ? -1 : it->second;
}

QColor OptionColors::color(const std::string &id) const
{
    const int s = slot(id);
    return s < 0 ? QColor(0x80, 0x80, 0x80) : slotColor(s);
}

QColor OptionColors::slotColor(int slot)
{
    // Okabe & Ito (2008), "Color Universal Design"; black is left out so that every colour reads
    // on a dark background as well as on a white one.
    static const std::array<QColor, BaseColors> colors{
        QColor(0x00, 0x72, 0xB2), // blue
        QColor(0xE6, 0x9F, 0x00), // orange
        QColor(0x00, 0x9E, 0x73), // bluish green
        QColor(0xD5, 0x5E, 0x00), // vermillion
        QColor(0x56, 0xB4, 0xE9), // sky blue
        QColor(0xCC, 0x79, 0xA7), // reddish purple
        QColor(0xF0, 0xE4, 0x42), // yellow
    };
    const int i = std::max(0, slot);
    const QColor base = colors[static_cast<std::size_t>(i) % colors.size()];
    switch ((i / static_cast<int>(colors.size())) % 3) {
    case 1:
        return base.lighter(135);
    case 2:
        return base.darker(135);
    default:
        return base;
    }
}

QColor OptionColors::partColor(int index)
{
    // Chosen against the Okabe-Ito colours and the greys of infeasible bars by their CIELAB
    // distance, also under simulated protanopia, deuteranopia and tritanopia (Machado et al.
    // 2009): low to medium chroma where the options' colours are saturated, dark and light in turn.
    static const std::array<QColor, PartColors> colors{
        QColor(0x3C, 0x54, 0x72), // slate
        QColor(0xD3, 0xBE, 0x8A), // sand
        QColor(0x77, 0x46, 0x22), // umber
        QColor(0xC4, 0xBD, 0xE3), // lavender
        QColor(0x8F, 0x7A, 0x3E), // khaki
        QColor(0xA8, 0xD2, 0x97), // pale green
    };
    return colors[static_cast<std::size_t>(std::max(0, index)) % colors.size()];
}

QBrush OptionColors::partBrush(int index)
{
    const QColor color = partColor(index);
    const int cycle = std::max(0, index) / PartColors;
    if (cycle == 0)
        return QBrush(color);
    // The tone with stripes of a lighter or darker shade of itself: its colour stays, and the
    // texture tells it from the solid part of the same tone. Tiles of 8 px repeat seamlessly.
    constexpr int tile = 8;
    QImage image(tile, tile, QImage::Format_ARGB32_Premultiplied);
    image.fill(color);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color.lightnessF() > 0.6 ? color.darker(140) : color.lighter(165), 2));
    for (int x = -tile; x <= tile; x += tile) {
        painter.drawLine(QPointF(x, tile), QPointF(x + tile, 0)); // "/"
        if (cycle % 2 == 0)
            painter.drawLine(QPointF(x, 0), QPointF(x + tile, tile)); // and "\" from the third round
    }
    painter.end();
    return QBrush(image);
}

} // namespace Costscape::Ui
