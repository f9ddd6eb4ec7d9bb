// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/editors/fieldform.h"

#include "models/bill/billspec.h"
#include "models/platforms/platforms.h"

class QCheckBox;
class QComboBox;
class QFormLayout;

namespace Costscape::Ui {

class NumberField;

/**
 * The "Around the compute" group of an option, shared by every platform's form (issue 15,
 * docs/bill.md): the front door (only the fronts that fit the platform, or "Not described"), the
 * ALB's connection inputs, NAT gateways and the share of traffic crossing them, public IPv4
 * addresses, log retention, and the root volume of platforms with instances of their own.
 * Keys "bill.frontDoor", "bill.alb.requestsPerConnection", "bill.alb.connectionSeconds",
 * "bill.alb.rulesPerRequest", "bill.natGateways", "bill.natTrafficShare", "bill.publicIpv4",
 * "bill.publicIpv4PerInstance", "bill.logRetentionDays", "bill.rootVolume.sizeGb",
 * "bill.rootVolume.type".
 *
 * An empty box means the part is not described (the result lists it as left out), as a missing
 * key in the file does. Value in, value out: showBill() and billEdited(). A refused value stays in
 * its box, marked, and is not committed.
 */
class BillForm final : public FieldForm
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BillForm)

public:
    explicit BillForm(QWidget *parent = nullptr);
    ~BillForm() override;

    /** Shows the option's keys for platform; force replaces every field, else only those that differ. */
    void showBill(const Models::OptionBill &bill, Models::Platform platform, bool force);

Q_SIGNALS:
    /** The user made a valid change: the whole new set of keys, and the key of the field. */
    void billEdited(const Models::OptionBill &bill, const QString &field);

private:
    void emitEdited(const QString &field);
    void updateRows();
    void fillFrontDoors(Models::Platform platform);
    Models::OptionBill fromFields() const;

    Models::OptionBill m_bill;
    Models::Platform m_platform = Models::Platform::Lambda;
    QFormLayout *m_form = nullptr;
    QComboBox *m_frontDoor = nullptr;
    NumberField *m_requestsPerConnection = nullptr;
    NumberField *m_connectionSeconds = nullptr;
    NumberField *m_rules = nullptr;
    NumberField *m_nat = nullptr;
    NumberField *m_natShare = nullptr;
    NumberField *m_ipv4 = nullptr;
    QCheckBox *m_ipv4PerInstance = nullptr;
    NumberField *m_retention = nullptr;
    NumberField *m_rootSize = nullptr;
    QComboBox *m_rootType = nullptr;
};

} // namespace Costscape::Ui
