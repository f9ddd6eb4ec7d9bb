// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include "models/scenario/profile.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace Costscape::Ui {

class NumberField;
class ProfileChart;
class RangeButton;
class RangeOdds;
class ProfileModel;
class ScenarioDocument;

/**
 * Edits the scenario's workload: the request model (per month, constant, hourly profile), the
 * profile as a chart with draggable points and as a table, presets scaled to a peak or a monthly
 * total, a CSV import, the duration and memory of one request and the spike. Every change goes
 * through the document as an undoable edit; the panel redraws from the document.
 *
 * Beside traffic, duration, memory, response size, log volume and the spike's peak sits a RangeButton that gives the
 * input a range (the scenario's `"ranges"`, issue 17), and under the fields a RangeOdds line shows
 * each option's odds of being the cheapest under them, worked out on a worker as the user types.
 */
class WorkloadPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkloadPanel)

public:
    enum class PresetScale {
        Peak,    ///< the value is the busiest hour's requests per second
        Monthly, ///< the value is the month's requests
    };

    explicit WorkloadPanel(ScenarioDocument *document, QWidget *parent = nullptr);

    /** Replaces the request model by the preset's shape scaled as asked (one undo step). */
    void applyPreset(Models::ProfilePreset preset, PresetScale scale, double value);
    /**
     * Imports an hourly profile from a CSV file (one column, or label and value). unit: what the
     * values count; nullopt uses the header's unit and else asks the user. Returns the error
     * (`file:line:column: message`) when the file cannot be used, and then the scenario is unchanged.
     */
    Result<void> importProfileCsv(const QString &fileName, std::optional<Models::ProfileCsv::Unit> unit);

    NumberField *durationField() const { return m_duration; }
    NumberField *memoryField() const { return m_memory; }
    NumberField *hoursField() const { return m_hours; }
    NumberField *perMonthField() const { return m_perMonth; }
    NumberField *perSecondField() const { return m_perSecond; }
    QComboBox *requestKindBox() const { return m_kind; }
    QComboBox *presetBox() const { return m_preset; }
    ProfileChart *profileChart() const { return m_chart; }
    ProfileModel *profileModel() const { return m_profileModel; }
    QTableView *profileTable() const { return m_table; }
    QLineEdit *nameEdit() const { return m_name; }
    /** The preset's value (peak requests/s or requests/month) and the button that applies it. */
    NumberField *presetValueField() const { return m_presetValue; }
    QPushButton *applyPresetButton() const { return m_applyPreset; }
    /** The spike's peak rate (requests/s). */
    NumberField *spikeToField() const { return m_spikeTo; }
    /** The spike's latency objective (ms): the longest a request may wait for capacity. */
    NumberField *spikeObjectiveField() const { return m_spikeObjective; }
    /** What happens to requests beyond capacity: item data "queue" or "reject". */
    QComboBox *spikeExcessBox() const { return m_spikeExcess; }
    /** The whole bill's response size and log volume per request (bytes; empty: left out of the bill). */
    NumberField *bytesOutField() const { return m_bytesOut; }
    NumberField *logBytesField() const { return m_logBytes; }
    /** The range beside traffic, duration, memory, response size and log volume. */
    RangeButton *trafficRange() const { return m_trafficRange; }
    RangeButton *durationRange() const { return m_durationRange; }
    RangeButton *memoryRange() const { return m_memoryRange; }
    RangeButton *bytesOutRange() const { return m_bytesOutRange; }
    RangeButton *logBytesRange() const { return m_logBytesRange; }
    RangeButton *spikeHeightRange() const { return m_spikeHeightRange; }
    /** The odds of each option being the cheapest under the ranges. */
    RangeOdds *rangeOdds() const { return m_odds; }

private:
    void refresh();
    void setRequestKind(int kind);
    void setProfileValue(int index, double value, bool closeAfter);
    void applyPresetFromControls();
    void importCsvInteractive();
    void setSpikeEnabled(bool on);

    ScenarioDocument *m_document;
    QLineEdit *m_name;
    NumberField *m_hours;
    QComboBox *m_kind;
    QStackedWidget *m_kindStack;
    NumberField *m_perMonth;
    NumberField *m_perSecond;
    ProfileChart *m_chart;
    ProfileModel *m_profileModel;
    QTableView *m_table;
    QComboBox *m_preset;
    QComboBox *m_presetScale;
    NumberField *m_presetValue;
    QPushButton *m_applyPreset;
    QPushButton *m_importCsv;
    QLabel *m_summary;
    NumberField *m_duration;
    NumberField *m_memory;
    QCheckBox *m_spikeOn;
    QWidget *m_spikeBox;
    NumberField *m_spikeFrom;
    NumberField *m_spikeTo;
    NumberField *m_spikeRamp;
    NumberField *m_spikeHold;
    NumberField *m_spikeObjective;
    QComboBox *m_spikeExcess;
    NumberField *m_bytesOut = nullptr;
    NumberField *m_logBytes = nullptr;
    RangeButton *m_trafficRange = nullptr;
    RangeButton *m_durationRange = nullptr;
    RangeButton *m_memoryRange = nullptr;
    RangeButton *m_bytesOutRange = nullptr;
    RangeButton *m_logBytesRange = nullptr;
    RangeButton *m_spikeHeightRange = nullptr;
    RangeOdds *m_odds = nullptr;
    bool m_refreshing = false;
};

} // namespace Costscape::Ui
