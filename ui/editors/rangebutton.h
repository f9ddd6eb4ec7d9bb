// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/uncertainty/ranges.h"

#include <QFrame>
#include <QToolButton>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;

namespace Costscape::Ui {

class ScenarioDocument;

/** The spin boxes' limits for a range of this input: the reader's rules (models/uncertainty/ranges.cpp)
 *  and a ceiling no scenario needs. Shared by the range button and File > Uncertainty…. */
void rangeInputLimits(Models::UncertainInput input, double &min, double &max, int &decimals);

/**
 * The popup a RangeButton opens: "Give a range" and low / typical / high with the distribution.
 * Every change is emitted at once (rangeEdited); the owner commits it.
 */
class RangePopup final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RangePopup)

public:
    RangePopup(Models::UncertainInput input, QWidget *parent = nullptr);

    /** Shows range (nullopt: unticked, offering a spread around own) without emitting anything. */
    void setRange(const std::optional<Models::InputRange> &range, double own);
    /** The range the controls show, or nullopt when "Give a range" is not ticked. */
    std::optional<Models::InputRange> range() const;

    QCheckBox *enabledBox() const { return m_on; }
    QDoubleSpinBox *lowBox() const { return m_low; }
    QDoubleSpinBox *typicalBox() const { return m_typical; }
    QDoubleSpinBox *highBox() const { return m_high; }
    QComboBox *distributionBox() const { return m_distribution; }
    /** Shows why the range shown is not committed (empty: hides the reason). */
    void showProblem(const QString &problem);

Q_SIGNALS:
    void rangeEdited(const std::optional<Models::InputRange> &range);
    /** The popup closed: the owner ends the run of edits (one undo step). */
    void closed();

protected:
    void hideEvent(QHideEvent *event) override;

private:
    void controlsChanged();

    Models::UncertainInput m_input;
    QCheckBox *m_on;
    QDoubleSpinBox *m_low;
    QDoubleSpinBox *m_typical;
    QDoubleSpinBox *m_high;
    QComboBox *m_distribution;
    QLabel *m_problem;
    bool m_loading = false;
};

/**
 * The small button beside a workload field that holds the field's range (issue 17): "±" when the
 * input has none, "80–250" when it has one. Clicking opens a RangePopup under it. Each change is an
 * undoable edit of the document's `"ranges"` key (a run of changes in one popup is one undo step);
 * the button follows the document, undo included. A range the document holds that readRanges
 * refuses is shown as "±!" with the reason in the tip, and is left as it is until edited.
 */
class RangeButton final : public QToolButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RangeButton)

public:
    RangeButton(ScenarioDocument *document, Models::UncertainInput input, QWidget *parent = nullptr);
    /** Deletes the popup (a window of its own, outside the form's focus chain). */
    ~RangeButton() override;

    Models::UncertainInput input() const { return m_input; }
    RangePopup *popup() const { return m_popup; }
    /** Opens the popup under the button (what a click does). */
    void openPopup();
    /**
     * Where the value a new range is offered around comes from while the scenario has none of
     * its own (Models::scenarioValue() is NaN: the spot discount, which only an option's form
     * knows). Asked each time the button refreshes; a NaN it gives is offered as 0.
     */
    void setOwnValue(std::function<double()> ownValue);

    /**
     * Sets (or with nullopt removes) input's range in scenario's `"ranges"`, keeping every other
     * key as the file has it. The scenario's other figures are untouched.
     */
    static void setScenarioRange(Models::Scenario &scenario, Models::UncertainInput input,
                                 const std::optional<Models::InputRange> &range);

private:
    void refresh();
    void commit(const std::optional<Models::InputRange> &range);

    ScenarioDocument *m_document;
    Models::UncertainInput m_input;
    RangePopup *m_popup;
    std::function<double()> m_ownValue;
    bool m_committing = false;
};

} // namespace Costscape::Ui
