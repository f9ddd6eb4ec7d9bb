// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editors/commitmentform.h"

#include "ui/editors/numberfield.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace Costscape::Ui {

namespace {

const QString KindKey = QStringLiteral("commitment.kind");
const QString TermKey = QStringLiteral("commitment.termYears");
const QString PaymentKey = QStringLiteral("commitment.payment");
const QString OfferingKey = QStringLiteral("commitment.offering");
const QString OptimalKey = QStringLiteral("commitment.optimal");
const QString HourlyKey = QStringLiteral("commitment.hourly");
const QString CountKey = QStringLiteral("commitment.count");

/** The reader's ranges (models/commitments/commitment.cpp): a million an hour, a million reservations. */
const NumberRule HourlyRule = NumberRule::range(0, 1e6, "USD/hour");
const NumberRule CountRule = NumberRule::count(0, 1e6);

void setData(QComboBox *box, const QVariant &data)
{
    const int i = box->findData(data);
    if (i >= 0 && box->currentIndex() != i)
        box->setCurrentIndex(i);
}

} // namespace

CommitmentForm::CommitmentForm(QWidget *parent)
    : FieldForm(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *box = new QGroupBox(tr("Commitment"), this);
    outer->addWidget(box);
    m_form = newForm(box);

    m_kind = new QComboBox(box);
    m_kind->addItem(tr("None (on-demand)"), QString());
    m_kind->addItem(tr("Compute Savings Plan"), QStringLiteral("compute-savings-plan"));
    m_kind->addItem(tr("EC2 Instance Savings Plan"), QStringLiteral("ec2-instance-savings-plan"));
    m_kind->addItem(tr("Reserved Instances"), QStringLiteral("reserved-instance"));
    m_kind->setToolTip(tr("A Savings Plan commits to an hourly spend, Reserved Instances to a number of "
                          "instances, for 1 or 3 years. Applied hour by hour to this option's own usage: "
                          "reservations first, then EC2 Instance, then Compute Savings Plans; usage above "
                          "them is billed on demand, and a commitment is paid whether used or not."));
    m_form->addRow(tr("Co&mmitment:"), m_kind);
    addField(KindKey, m_kind, tr("Commitment"));

    m_term = new QComboBox(box);
    m_term->addItem(tr("1 year"), 1);
    m_term->addItem(tr("3 years"), 3);
    m_form->addRow(tr("Term:"), m_term);
    addField(TermKey, m_term, tr("Term"));

    m_payment = new QComboBox(box);
    m_payment->addItem(tr("No upfront"), QStringLiteral("no-upfront"));
    m_payment->addItem(tr("Partial upfront"), QStringLiteral("partial-upfront"));
    m_payment->addItem(tr("All upfront"), QStringLiteral("all-upfront"));
    m_form->addRow(tr("Payment:"), m_payment);
    addField(PaymentKey, m_payment, tr("Payment"));

    m_offering = new QComboBox(box);
    m_offering->addItem(tr("Standard"), QStringLiteral("standard"));
    m_offering->addItem(tr("Convertible"), QStringLiteral("convertible"));
    m_form->addRow(tr("Offering:"), m_offering);
    addField(OfferingKey, m_offering, tr("Offering"));

    m_optimal = new QCheckBox(tr("Optimal for this option's hours"), box);
    m_optimal->setToolTip(tr("The level that makes the month cheapest for this option's hourly usage "
                             "(exact: see docs/commitments.md)."));
    m_optimal->setChecked(true);
    m_form->addRow(QString(), m_optimal);
    addField(OptimalKey, m_optimal, tr("Optimal"));

    m_hourly = new NumberField(HourlyRule, tr("USD/hour"), box);
    m_hourly->setToolTip(tr("The hourly commitment: spent each hour on this option's usage at the plan's rates."));
    m_form->addRow(tr("Hourly commitment:"), m_hourly);
    addField(HourlyKey, m_hourly, tr("Hourly commitment"));
    m_count = new NumberField(CountRule, tr("instances"), box);
    m_count->setToolTip(tr("How many instances of the option's type are reserved."));
    m_form->addRow(tr("Reserved instances:"), m_count);
    addField(CountKey, m_count, tr("Reserved instances"));

    auto *hint = newHint(box);
    hint->setText(tr("Further commitments of this option in the file are kept as they are."));
    m_form->addRow(QString(), hint);
    m_hint = hint;

    for (QComboBox *combo : {m_kind, m_term, m_payment, m_offering}) {
        const QString key = combo == m_kind ? KindKey : combo == m_term ? TermKey : combo == m_payment ? PaymentKey : OfferingKey;
        connect(combo, &QComboBox::currentIndexChanged, this, [this, key] { emitEdited(key); });
    }
    connect(m_optimal, &QCheckBox::toggled, this, [this] { emitEdited(OptimalKey); });
    connect(m_hourly, &NumberField::valueEdited, this, [this] { emitEdited(HourlyKey); });
    connect(m_count, &NumberField::valueEdited, this, [this] { emitEdited(CountKey); });
    updateRows();
}

CommitmentForm::~CommitmentForm() = default;

Models::CommitmentSpec CommitmentForm::fromFields() const
{
    Models::CommitmentSpec c;
    c.kind = m_kind->currentData().toString().toStdString();
    c.termYears = m_term->currentData().toInt();
    c.payment = m_payment->currentData().toString().toStdString();
    c.offering = m_offering->currentData().toString().toStdString();
    if (!m_optimal->isChecked())
        c.amount = (c.isReservation() ? m_count : m_hourly)->value().value_or(0);
    return c;
}

void CommitmentForm::emitEdited(const QString &field)
{
    updateRows();
    if (isUpdating())
        return;
    if ((field == HourlyKey && !m_hourly->isValid()) || (field == CountKey && !m_count->isValid()))
        return;
    std::vector<Models::CommitmentSpec> next = m_commitments;
    if (m_kind->currentData().toString().isEmpty()) {
        if (!next.empty())
            next.erase(next.begin());
    } else {
        const Models::CommitmentSpec c = fromFields();
        if (next.empty())
            next.push_back(c);
        else
            next.front() = c;
    }
    if (next == m_commitments)
        return;
    m_commitments = next;
    const std::vector<Models::CommitmentSpec> edited = m_commitments;
    Q_EMIT commitmentsEdited(edited, field);
}

void CommitmentForm::updateRows()
{
    const QString kind = m_kind->currentData().toString();
    const bool on = !kind.isEmpty();
    const bool reservation = kind == QLatin1String("reserved-instance");
    m_form->setRowVisible(m_term, on);
    m_form->setRowVisible(m_payment, on);
    m_form->setRowVisible(m_offering, reservation);
    m_form->setRowVisible(m_optimal, on);
    m_form->setRowVisible(m_hourly, on && !reservation && !m_optimal->isChecked());
    m_form->setRowVisible(m_count, reservation && !m_optimal->isChecked());
    m_form->setRowVisible(m_hint, m_commitments.size() > 1);
    Q_EMIT rowsChanged();
}

void CommitmentForm::showCommitments(const std::vector<Models::CommitmentSpec> &commitments, bool force)
{
    m_commitments = commitments;
    Updating guard(*this);
    if (force)
        clearMarks();
    if (commitments.empty()) {
        setData(m_kind, QString());
        // A commitment chosen from here starts at the optimum, not at zero.
        m_optimal->setChecked(true);
    } else {
        const Models::CommitmentSpec &c = commitments.front();
        setData(m_kind, QString::fromStdString(c.kind));
        setData(m_term, c.termYears);
        setData(m_payment, QString::fromStdString(c.payment));
        setData(m_offering, QString::fromStdString(c.offering));
        if (m_optimal->isChecked() != !c.amount)
            m_optimal->setChecked(!c.amount);
        NumberField *amount = c.isReservation() ? m_count : m_hourly;
        if (c.amount && (force || amount->isValid()) && amount->value() != c.amount)
            amount->setValue(c.amount);
    }
    updateRows();
}

} // namespace Costscape::Ui
