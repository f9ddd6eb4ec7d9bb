// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/uncertainty/ranges.h"

#include <functional>

class QWidget;

namespace Costscape::Ui {

/**
 * Makes the range buttons (issue 17) that an option form puts beside its fields. The forms are
 * value in, value out and know nothing of the document the ranges live in; the owner of the
 * document (the options panel) implements this and hands it to OptionEditor::setRangeButtons().
 * A range edited through such a button is a scenario-wide range (the scenario's `"ranges"`), not
 * a figure of the option: the spot discount's range applies to every EC2 option bought as spot.
 */
class RangeButtonMaker
{
public:
    virtual ~RangeButtonMaker() = default;

    /**
     * A new button for input's range, a child of parent, that takes the Tab focus; nullptr when
     * the maker offers none for input (the form then shows its field alone).
     *
     * ownValue, when set, gives the value a new range is offered around while the scenario has
     * none of its own (Models::scenarioValue() is NaN: the spot discount, which the option's form
     * knows). It is called each time the button shows its range, never after the form is gone
     * (the button is the form's child).
     */
    virtual QWidget *makeRangeButton(Models::UncertainInput input, std::function<double()> ownValue, QWidget *parent) = 0;

protected:
    RangeButtonMaker() = default;
    RangeButtonMaker(const RangeButtonMaker &) = default;
    RangeButtonMaker &operator=(const RangeButtonMaker &) = default;
};

} // namespace Costscape::Ui
