// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QBrush>
#include <QColor>

#include <map>
#include <string>
#include <vector>

namespace Costscape::Ui {

/**
 * The one colour of each option, wherever an option is drawn: the options list, the lines and
 * legends of the charts, the tables of the results, the report. Everything that colours an option
 * asks this class, and nothing else picks an option's colour.
 *
 * Why a colour is assigned to an option's id and remembered, rather than derived:
 *  - by position (option i takes colour i, as the charts did) every option after a removed or
 *    moved one changes colour, and a chart that leaves an option out shifts the rest;
 *  - by platform (as the options list did) two EC2 options share a colour, and the list and the
 *    charts told different stories;
 *  - by a hash of the id, two of six options share one of seven colours more often than not
 *    (the birthday bound), and a rename changes the colour.
 * So each id takes a slot the first time it is seen and keeps it. A new option takes the lowest
 * slot no current option holds, preferring one no removed option held, so that undoing a removal
 * brings its colour back; a renamed option keeps its slot; options moved up or down keep theirs.
 * The window's ScenarioDocument holds the assignment for the document's lifetime and starts it
 * in file order when a file is opened, so a report the command line makes from the same file
 * (inOrder()) shows the colours the window showed on opening it.
 *
 * The slots' colours are Okabe & Ito's qualitative palette without black (distinct for the
 * common colour-vision deficiencies, readable on light and dark backgrounds), then lighter and
 * darker variants. What is part of one option (the line items stacked in its bar, the task
 * groups of a packing) takes partColor(), a muted palette kept apart from the options' colours.
 */
class OptionColors final
{
public:
    /** Slots in the order given: the i-th id takes slot i (a scenario as it is read). */
    static OptionColors inOrder(const std::vector<std::string> &ids);

    /**
     * Brings the assignment up to date with the options now in the scenario, in their order.
     * Known ids keep their slots (two current ids never share one); new ids take free slots; when
     * exactly one id was replaced by exactly one new id at the same place, the new id is the old
     * one renamed and keeps its slot. Ids no longer present are remembered.
     */
    void update(const std::vector<std::string> &ids);
    /**
     * Gives the unknown ids among @p ids free slots, without the rename rule and without
     * touching known ids: for a view given ids the assignment has not seen.
     */
    void include(const std::vector<std::string> &ids);

    /** The slot of @p id, or -1 when it was never seen. */
    int slot(const std::string &id) const;
    /** The colour of @p id; an id never seen is grey (mid-grey reads on either background). */
    QColor color(const std::string &id) const;
    bool operator==(const OptionColors &other) const = default;

    /** The colour of slot @p slot (see the class comment); negative slots give the first. */
    static QColor slotColor(int slot);
    /**
     * The colour of the @p index-th part of an option (stacked line items, task groups): six muted
     * tones, dark and light in turn so that neighbouring segments of a stack stand apart, none
     * close to an option's colour or to the grey of an option that cannot serve the workload.
     * After six the tones repeat, told apart by partBrush()'s stripes rather than by lighter or
     * darker variants, which would come close to the options' colours.
     */
    static QColor partColor(int index);
    /**
     * How to fill the @p index-th part: partColor(), solid for the first six, then striped with a
     * lighter or darker shade of itself (crossed from the thirteenth).
     */
    static QBrush partBrush(int index);

private:
    /** The lowest slot none of @p current holds, preferring one no remembered id holds. */
    int freeSlot(const std::vector<std::string> &current) const;

    std::map<std::string, int> m_slots; ///< every id seen, current or removed
    std::vector<std::string> m_current; ///< the ids of the last update(), in order
};

} // namespace Costscape::Ui
