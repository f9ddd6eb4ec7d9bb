// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/scenario/scenario.h"
#include "pricing/pricesheet.h"

#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

class QAbstractButton;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QVBoxLayout;

namespace Costscape::Ui {

class FieldForm;
template<class Value>
class FieldBindings;
struct FormContext;
class NumberField;
class PlatformForm;
class RangeButtonMaker;
class SpikeResponseForm;
class BillForm;
class CommitmentForm;

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
 * It is a shell around three parts: the option group (id, platform, overrides), the platform's
 * own form (a PlatformForm made by createPlatformForm(), formregistry.h) and the platform's
 * SpikeResponseForm. Each platform's form is built once, up front, so that the tab order follows
 * the form; the option's platform's is shown.
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
 * "ecs.purchase", "ecs.spotHourly", "ecs.spotDiscount", "ecs.reservedMemoryMb", "ecs.maxTasksPerInstance",
 * "ecs.placement";
 * "fleet.mode", "fleet.count", "fleet.capacityKind", "fleet.capacity", "fleet.targetUtilization",
 * "fleet.minCount", "fleet.scaling". For ECS the fleet and task fields edit the group chosen in
 * "ecs.group", and the key does not name the group.
 *
 * An "Around the compute" group (BillForm, keys "bill.*") edits OptionSpec::bill for every
 * platform, offering only the front doors that fit it (docs/bill.md).
 * A "Commitment" group (CommitmentForm, keys "commitment.*") edits OptionSpec::commitments for
 * every platform.
 *
 * A collapsible "Spike response" group lists the platform's scaling assumptions
 * (Models::platformModel(platform).scalingDefaults()), one number field each under the key "spike." followed by
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
    /**
     * Has each platform's form put the range buttons maker makes beside its fields that have a
     * scenario-wide range (the EC2 form's spot discount and interrupted hours, issue 17), in the
     * Tab order after their fields. Without it the forms show no range buttons. Only the first
     * call counts; maker must outlive the buttons' creation (it is not kept).
     */
    void setRangeButtons(RangeButtonMaker *maker);

    /**
     * The number field with the key, or nullptr. "fleet.capacity" is the one of the capacity kind
     * shown. These accessors find the fields of the option's platform: a key of another platform
     * gives nullptr.
     */
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
    /** A platform's form and its spike response, built once; the option's platform's are shown. */
    struct Page {
        PlatformForm *form = nullptr;
        SpikeResponseForm *spike = nullptr;
    };

    void buildOptionGroup();
    void addPages(QVBoxLayout *layout);
    const Page &page() const;
    /** The option group, the platform form and the spike response shown, in the order of the form. */
    std::vector<const FieldForm *> shownForms() const;
    QWidget *field(const QString &key) const;
    FormContext formContext() const;

    /** Refreshes the fields from m_option; force replaces what they show even when refused. */
    void showOption(bool force);
    void showOptionGroup(bool force);
    void updateHints();
    void alignLabels();

    /** Emits next unless it equals the current spec. */
    void commit(const Models::OptionSpec &next, const QString &field);
    void onIdEdited(const QString &text);

    Models::OptionSpec m_option;
    std::shared_ptr<const Pricing::PriceSheet> m_sheet;
    QString m_region;
    QStringList m_takenIds;
    double m_workloadHours = 730;
    double m_workloadDurationMs = 100;
    double m_workloadMemoryMb = 128;
    bool m_shown = false;         ///< setOption() was called at least once
    bool m_spikeExpanded = false; ///< as the user left the spike response, whatever the platform
    bool m_rangeButtons = false;  ///< setRangeButtons() was called

    FieldForm *m_optionGroup = nullptr;
    std::unique_ptr<FieldBindings<Models::OptionSpec>> m_optionBound;
    QFormLayout *m_optionForm = nullptr;
    QLineEdit *m_id = nullptr;
    QLabel *m_platform = nullptr;
    QLabel *m_memoryHint = nullptr;
    std::vector<Page> m_pages;
    BillForm *m_bill = nullptr;             ///< one for every platform (issue 15)
    CommitmentForm *m_commitment = nullptr; ///< one for every platform (issue 16)
};

} // namespace Costscape::Ui
