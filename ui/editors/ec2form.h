// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/editors/fieldbindings.h"
#include "ui/editors/platformform.h"

#include "models/platforms/ec2/ec2spec.h"

class QComboBox;
class QFormLayout;
class QLabel;
class QLayout;
class QWidget;

namespace Costscape::Ui {

class FleetForm;

/**
 * The keys of an Amazon EC2 option (Models::Ec2Spec): "ec2.instanceType", "ec2.os",
 * "ec2.purchase", "ec2.spotHourly", "ec2.spotDiscount", "ec2.onDemandBase",
 * "ec2.onDemandPercentAboveBase", and its fleet of instances (FleetForm).
 *
 * The instance type is typed or picked from the sheet's types for the region (any case, stored
 * as the sheet spells it). A name the sheet lacks is refused, marked with the reason; a part of a
 * name is refused only when the user leaves it unfinished. Without a sheet, or with no EC2 types
 * for the region, any name is accepted. The empty spot fields show what applies instead: the
 * sheet's spot price, the Spot Instance Advisor's saving.
 *
 * Given a RangeButtonMaker (addRangeButtons()), an option bought as spot shows a range button
 * beside "Spot discount" and a row "Spot hours interrupted" with another: the scenario's ranges
 * `spotDiscount` and `spotInterruptedShare` (docs/uncertainty.md), which apply to every EC2 option
 * bought as spot. A new discount range is offered around the discount this option is priced at
 * (pricedSpotDiscount()). On-demand options hide both: the reader refuses spot ranges without a
 * spot option.
 */
class Ec2Form final : public PlatformForm
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Ec2Form)

public:
    explicit Ec2Form(QWidget *parent = nullptr);
    ~Ec2Form() override;

    void addRangeButtons(RangeButtonMaker &maker) override;
    /**
     * The discount off on-demand this option's spot instances are priced at: the sheet's spot
     * price, else the spot price field, as a share of the on-demand price; else the discount
     * field; else the Spot Instance Advisor's saving (Linux). NaN when nothing gives one.
     */
    double pricedSpotDiscount() const;

protected:
    void showFields(bool force) override;
    void sheetChanged() override;
    void updateState() override;

private:
    void showInstanceType(bool force);
    void onInstanceTypeEdited(const QString &text);
    void onInstanceTypeFinished();
    void onInstanceTypeChosen(int index);
    /** The sheet's name for a typed instance type (case-insensitive), or empty. */
    QString knownInstanceType(const QString &typed) const;
    QString notInSheet(const QString &typed) const;
    void markType(const QString &error);

    FieldBindings<Models::Ec2Spec> m_bound;
    QComboBox *m_instanceType = nullptr;
    QLabel *m_instanceTypeHint = nullptr;
    FleetForm *m_fleet = nullptr;
    QFormLayout *m_form = nullptr;
    QWidget *m_discountRange = nullptr;    ///< beside "Spot discount", from the maker
    QWidget *m_interruptedRange = nullptr; ///< the "Spot hours interrupted" row's button
    QLayout *m_interruptedRow = nullptr;
    int m_spotRangesShown = -1; ///< the spot ranges' rows as last shown (1, 0), -1 before
};

} // namespace Costscape::Ui
