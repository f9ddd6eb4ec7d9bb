// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/editors/fieldform.h"

#include "models/platforms/platforms.h"
#include "pricing/pricesheet.h"

#include <QString>

#include <memory>
#include <string>

namespace Costscape::Ui {

class RangeButtonMaker;

/** What a platform's form reads besides the spec: the price sheet and region, and the option's hours. */
struct FormContext {
    /** May be null: then any instance type name is accepted and no hint comes from prices. */
    std::shared_ptr<const Pricing::PriceSheet> sheet;
    QString region;
    /** The option's hours per month: its override, else the scenario's. */
    double hoursPerMonth = 730;

    /** The sheet's prices for the region, or nullptr. */
    const Pricing::RegionPrices *regionPrices() const { return sheet ? sheet->region(region.toStdString()) : nullptr; }
    /** The sheet's currency ("USD" without a sheet). */
    std::string currency() const { return sheet ? sheet->provenance.currency : std::string("USD"); }
};

/**
 * The fields of one platform's keys (Models::LambdaSpec, ...), value in and value out: showSpec()
 * shows a spec of the form's platform, and every valid change the user makes is emitted as
 * specEdited() with the whole new spec and the key of the field. A value the format would refuse
 * stays in its field, marked with the reason, and is not emitted; spec() keeps the last valid one.
 * Its fields are found by key (see FieldForm): keys start with the platform's prefix
 * ("fargate.taskVcpu"), or "fleet." for the fleet it edits.
 *
 * A form per platform, made by createPlatformForm() (formregistry.h). It knows nothing of the
 * option's id, its overrides or its spike response: the OptionEditor around it shows those.
 */
class PlatformForm : public FieldForm
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlatformForm)

public:
    explicit PlatformForm(Models::Platform platform, QWidget *parent = nullptr);
    ~PlatformForm() override;

    Models::Platform platform() const { return m_platform; }

    /**
     * Sets the sheet, region and hours the fields are judged and hinted by. A new sheet or region
     * refills the lists drawn from it (instance types) and shows the spec in them again.
     */
    void setContext(const FormContext &context);
    const FormContext &context() const { return m_context; }

    /**
     * Shows spec, which must be of the form's platform (std::bad_variant_access otherwise); emits
     * nothing. With force = false only the fields whose value differs change, so the field being
     * typed in keeps its focus and cursor and a refused value stays marked; force = true (another
     * option) replaces every field and clears every mark.
     */
    void showSpec(const Models::PlatformSpec &spec, bool force);
    /** The last valid spec: the one shown, with every edit emitted since. */
    const Models::PlatformSpec &spec() const { return m_spec; }

    /** The label of the option's memory override on this platform ("&Memory per request:"). */
    virtual QString memoryLabel() const;
    /** A line of help under the memory override; empty for none. */
    virtual QString memoryHint() const;

    /**
     * Puts the range buttons maker makes beside the fields of this platform that have a
     * scenario-wide range (issue 17), in the Tab order right after their fields. Called once,
     * by OptionEditor::setRangeButtons(); the default has no such field and does nothing.
     */
    virtual void addRangeButtons(RangeButtonMaker &maker);

Q_SIGNALS:
    /** The user made a valid change: spec is the whole new spec, field the key of what changed. */
    void specEdited(const Models::PlatformSpec &spec, const QString &field);

protected:
    template<class Spec>
    const Spec &specAs() const
    {
        return std::get<Spec>(m_spec);
    }
    /** Emits next unless it equals spec(), then shows what follows from it. */
    void commit(const Models::PlatformSpec &next, const QString &field);

    /** Shows spec() in the fields (isUpdating() is set); see showSpec() for force. */
    virtual void showFields(bool force) = 0;
    /** The sheet or region changed: refill what is drawn from it, with isUpdating() set. */
    virtual void sheetChanged() {}
    /** Hints, placeholders, enabled and visible rows, from spec() and context(). */
    virtual void updateState() {}

private:
    Models::Platform m_platform;
    Models::PlatformSpec m_spec;
    FormContext m_context;
    bool m_hasContext = false;
    bool m_shown = false;
};

} // namespace Costscape::Ui
