// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/scenario/scenario.h"
#include "pricing/pricesheet.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QAbstractButton;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QToolButton;

namespace Costscape {
struct NumberRule;
}

namespace Costscape::Ui {

class NumberField;

/**
 * The form that edits one deployment option (FORMATS.md section 1) of any platform: the option's
 * id and per-option overrides, the platform's own fields and, for Fargate, EC2 and ECS on EC2, its
 * fleet (fixed, or derived from the workload).
 *
 * It is value in, value out: setOption() shows a spec, and every valid change the user makes is
 * emitted as optionEdited() with the whole new spec. It knows nothing of documents or undo. A
 * value the format would refuse (a number out of its Models::Rules range, an empty or taken id,
 * an instance type the price sheet lacks for the region) stays in its box, marked, with the
 * reason below it, and is not emitted; option() keeps the last valid spec.
 *
 * Every field has a short stable key, used by optionEdited() and the accessors: "id",
 * "hoursPerMonth", "durationMs", "memoryMb"; "lambda.architecture", "lambda.ephemeralStorageMb",
 * "lambda.billingGranularityMs", "lambda.freeTier", "lambda.provisioned",
 * "lambda.provisioned.count", "lambda.provisioned.hoursPerMonth",
 * "lambda.provisioned.shareOfRequests"; "fargate.os", "fargate.architecture", "fargate.taskVcpu",
 * "fargate.taskMemoryGb", "fargate.spot", "fargate.ephemeralStorageGb", "fargate.spotDiscount";
 * "ec2.instanceType", "ec2.os", "ec2.purchase", "ec2.spotHourly", "ec2.spotDiscount",
 * "ec2.onDemandBase", "ec2.onDemandPercentAboveBase"; "ecs.group" (which task group the form
 * shows; choosing one emits nothing), "ecs.taskGroups" (a group added or removed), "ecs.groupName",
 * "ecs.taskVcpu", "ecs.taskMemoryMb", "ecs.autoInstanceTypes", "ecs.instanceTypes", "ecs.os",
 * "ecs.purchase", "ecs.spotHourly", "ecs.spotDiscount", "ecs.reservedMemoryMb", "ecs.placement";
 * "fleet.mode", "fleet.count", "fleet.capacityKind", "fleet.capacity", "fleet.targetUtilization",
 * "fleet.minCount", "fleet.scaling". For ECS the fleet and task fields edit the group chosen in
 * "ecs.group", and the key does not name the group.
 *
 * A collapsible "Spike response" group lists the platform's scaling assumptions
 * (Models::scalingAssumptionDefaults()), one number field each under the key "spike." followed by
 * the assumption's key ("spike.instanceLaunchSeconds"): empty shows the default as placeholder,
 * a value sets OptionSpec::scalingOverrides for the key, emptying the field removes it. Its
 * toggle is button("spike.toggle"); it starts collapsed and stays as the user left it.
 *
 * Fields whose spec value is not optional but has a default (ephemeral storage, target
 * utilization, minimum count, reserved memory) may be emptied: that emits the default. Switching
 * a fleet to a fixed count starts from its minimum and drops its capacity from the spec (a file
 * with both is read with a warning); the capacity stays in its box, so switching back restores it.
 */
class OptionEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OptionEditor)

public:
    explicit OptionEditor(QWidget *parent = nullptr);
    ~OptionEditor() override;

    /**
     * Shows option, with the EC2 instance types of region in sheet (when sheet is null or has no
     * EC2 types for region, any type name is accepted). Emits nothing. Called again for the same option (same id and
     * platform) it changes only the fields whose value differs from what they show, so the field
     * being typed in keeps its focus and cursor, and a field showing a refused value keeps it.
     * A different option replaces every field.
     */
    void setOption(const Models::OptionSpec &option, std::shared_ptr<const Pricing::PriceSheet> sheet,
                   const QString &region);
    /** The last valid spec: the one setOption() showed, with every edit emitted since. */
    Models::OptionSpec option() const { return m_option; }

    /** The scenario's values that apply when an override is left empty; shown as placeholders. */
    void setWorkloadDefaults(double hoursPerMonth, double durationMs, double memoryMb);
    /** The ids of the other options: typing one of them into the id field is refused. */
    void setTakenIds(const QStringList &ids);

    /** The number field with the key, or nullptr. "fleet.capacity" is the one of the capacity kind shown. */
    NumberField *numberField(const QString &field) const;
    /** The combo box with the key ("lambda.architecture", "ec2.instanceType", "ecs.group", ...), or nullptr. */
    QComboBox *comboBox(const QString &field) const;
    /** The check box with the key ("lambda.freeTier", "fargate.spot", ...), or nullptr. */
    QCheckBox *checkBox(const QString &field) const;
    /** The text fields "id" and "ecs.groupName", or nullptr. */
    QLineEdit *lineEdit(const QString &field) const;
    /** "ecs.instanceTypes": the sheet's types, checked when they are candidates; else nullptr. */
    QListWidget *listWidget(const QString &field) const;
    /** "ecs.addGroup", "ecs.removeGroup" or "spike.toggle", or nullptr. */
    QAbstractButton *button(const QString &field) const;
    /** Why the value shown in the field is refused, or empty when it is accepted. */
    QString fieldError(const QString &field) const;
    /**
     * The field's label as the form shows it for the current platform, without mnemonic or colon
     * ("Memory per request", "Instances"): for undo texts. The key itself when unknown.
     */
    QString fieldTitle(const QString &field) const;

Q_SIGNALS:
    /** The user made a valid change: option is the whole new spec, field the key of what changed. */
    void optionEdited(const Models::OptionSpec &option, const QString &field);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // How each simple field reads and writes its part of the spec (defined in the .cpp).
    struct NumberBinding;
    struct ChoiceBinding;
    struct FlagBinding;

    void buildOptionGroup();
    void buildLambdaGroup();
    void buildFargateGroup();
    void buildEc2Group();
    void buildEcsTasksGroup();
    void buildFleetGroup();
    void buildEcsClusterGroup();
    void buildSpikeResponseGroup();

    NumberField *addNumber(QFormLayout *form, NumberBinding binding, const QString &label, const NumberRule &rule,
                           const QString &unit, const QString &toolTip);
    QComboBox *addChoice(QFormLayout *form, ChoiceBinding binding, const QString &label,
                         const std::vector<std::pair<QString, QString>> &items, const QString &toolTip);
    QCheckBox *addFlag(QFormLayout *form, FlagBinding binding, const QString &text, const QString &toolTip);
    void addField(const QString &key, QWidget *field, const QString &title);
    void setRowLabel(QFormLayout *form, QWidget *field, const QString &key, const QString &label);

    /** Refreshes the fields from m_option; force replaces what they show even when refused. */
    void showOption(bool force);
    void showNumber(const NumberBinding &binding, bool force);
    void showTaskGroups(bool force);
    void showFleet(bool force);
    void showInstanceTypeCombo(bool force);
    void showInstanceTypeList(bool force);
    /** Rebuilds the spike response rows when the platform changed, then shows the overrides. */
    void showSpikeResponse(bool force);
    void setSpikeResponseExpanded(bool expanded);
    void rebuildInstanceTypes();
    void updateRows();
    void updateHints();
    void alignLabels();

    /** Emits next unless it equals the current spec. */
    void commit(const Models::OptionSpec &next, const QString &field);

    void onIdEdited(const QString &text);
    void onInstanceTypeEdited(const QString &text);
    void onInstanceTypeFinished();
    void onInstanceTypeChosen(int index);
    void onFleetModeChanged(int index);
    void onCapacityKindChanged(int index);
    void onCapacityEdited(std::optional<double> value);
    void onProvisionedToggled(bool on);
    void onGroupChosen(int index);
    void onGroupNameEdited(const QString &text);
    void addTaskGroup();
    void removeTaskGroup();
    void onAutoInstanceTypesToggled(bool on);
    void onInstanceTypeItemChanged();
    void filterInstanceTypeList(const QString &text);

    Models::FleetSpec *fleetOf(Models::OptionSpec &option) const;
    const Models::FleetSpec *fleetOf(const Models::OptionSpec &option) const;
    const Pricing::RegionPrices *regionPrices() const;
    /** The sheet's name for a typed instance type (case-insensitive), or empty. */
    QString knownInstanceType(const QString &typed) const;
    QString instanceTypeText(const Pricing::Ec2InstanceType &type) const;
    void markField(QWidget *editor, QLabel *message, const QString &key, const QString &error);
    std::optional<Models::Capacity> capacityFromFields() const;
    NumberField *capacityField(Models::Capacity::Kind kind) const;
    QStringList checkedInstanceTypes() const;

    Models::OptionSpec m_option;
    std::shared_ptr<const Pricing::PriceSheet> m_sheet;
    QString m_region;
    QStringList m_takenIds;
    double m_workloadHours = 730;
    double m_workloadDurationMs = 100;
    double m_workloadMemoryMb = 128;
    bool m_shown = false;    ///< setOption() was called at least once
    bool m_updating = false; ///< fields are being set from m_option: their signals are not edits
    int m_group = 0;         ///< the ECS task group the form shows

    std::vector<NumberBinding> m_numbers;
    std::vector<ChoiceBinding> m_choices;
    std::vector<FlagBinding> m_flags;
    QHash<QString, QWidget *> m_fields;
    QHash<QString, QString> m_titles;
    QHash<QString, QString> m_marks; ///< errors of the fields that are not NumberFields

    QGroupBox *m_optionBox = nullptr;
    QGroupBox *m_lambdaBox = nullptr;
    QGroupBox *m_fargateBox = nullptr;
    QGroupBox *m_ec2Box = nullptr;
    QGroupBox *m_ecsTasksBox = nullptr;
    QGroupBox *m_fleetBox = nullptr;
    QGroupBox *m_ecsClusterBox = nullptr;
    QFormLayout *m_optionForm = nullptr;
    QFormLayout *m_fleetForm = nullptr;
    std::vector<QFormLayout *> m_forms;

    QLineEdit *m_id = nullptr;
    QLabel *m_idMessage = nullptr;
    QLabel *m_platform = nullptr;
    QLabel *m_memoryHint = nullptr;
    QCheckBox *m_provisioned = nullptr;
    QLabel *m_fargateHint = nullptr;
    QComboBox *m_instanceType = nullptr;
    QLabel *m_instanceTypeMessage = nullptr;
    QLabel *m_instanceTypeHint = nullptr;
    QComboBox *m_groupChoice = nullptr;
    QPushButton *m_addGroup = nullptr;
    QPushButton *m_removeGroup = nullptr;
    QLineEdit *m_groupName = nullptr;
    QLabel *m_groupNameMessage = nullptr;
    QComboBox *m_fleetMode = nullptr;
    QComboBox *m_capacityKind = nullptr;
    NumberField *m_concurrentCapacity = nullptr;
    NumberField *m_rateCapacity = nullptr;
    QWidget *m_capacityFields = nullptr;
    QCheckBox *m_autoTypes = nullptr;
    QLineEdit *m_typeFilter = nullptr;
    QListWidget *m_typeList = nullptr;
    QLabel *m_typeListMessage = nullptr;
    QLabel *m_typeSummary = nullptr;

    /** One scaling assumption of the platform shown: its key in the spec and its field. */
    struct SpikeRow {
        std::string key;
        NumberField *field = nullptr;
    };
    QGroupBox *m_spikeBox = nullptr;
    QToolButton *m_spikeToggle = nullptr;
    QWidget *m_spikeContent = nullptr;
    QFormLayout *m_spikeForm = nullptr;
    std::vector<SpikeRow> m_spikeRows;
    std::optional<Models::Platform> m_spikePlatform; ///< the platform the rows were built for
};

} // namespace Costscape::Ui
