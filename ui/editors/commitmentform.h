// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/editors/fieldform.h"

#include "models/commitments/commitment.h"

#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;

namespace Costscape::Ui {

class NumberField;

/**
 * The "Commitment" group of an option, shared by every platform's form: the kind ("None", a
 * Compute or EC2 Instance Savings Plan, Reserved Instances), the term, the payment, the offering
 * (reservations only) and the amount: "optimal", or an hourly commitment in USD (plans) or a count
 * (reservations). Keys "commitment.kind", "commitment.termYears", "commitment.payment",
 * "commitment.offering", "commitment.optimal", "commitment.hourly", "commitment.count".
 *
 * It edits the option's first commitment; further ones (a file may list a reservation and a
 * plan) are kept as they are and said in a hint. Value in, value out: showCommitments() and
 * commitmentsEdited(). Whether the sheet has a rate is the evaluation's to say (a located error).
 */
class CommitmentForm final : public FieldForm
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommitmentForm)

public:
    explicit CommitmentForm(QWidget *parent = nullptr);
    ~CommitmentForm() override;

    /** Shows the commitments; force replaces every field, else only those that differ. */
    void showCommitments(const std::vector<Models::CommitmentSpec> &commitments, bool force);

Q_SIGNALS:
    /** The user made a valid change: the whole new list, and the key of the field. */
    void commitmentsEdited(const std::vector<Models::CommitmentSpec> &commitments, const QString &field);

private:
    void emitEdited(const QString &field);
    void updateRows();
    Models::CommitmentSpec fromFields() const;

    std::vector<Models::CommitmentSpec> m_commitments;
    QFormLayout *m_form = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_term = nullptr;
    QComboBox *m_payment = nullptr;
    QComboBox *m_offering = nullptr;
    QCheckBox *m_optimal = nullptr;
    NumberField *m_hourly = nullptr;
    NumberField *m_count = nullptr;
    QWidget *m_hint = nullptr;
};

} // namespace Costscape::Ui
