// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editors/ec2form.h"
#include "ui/undorouter.h"

#include "ui/editors/fleetform.h"
#include "ui/editors/instancetypes.h"
#include "ui/editors/numberfield.h"
#include "ui/editors/rangebuttonmaker.h"

#include "models/platforms/instanceprice.h"
#include "models/scenario/scenariorules.h"

#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Costscape::Ui {

using Models::Ec2Spec;
using Models::Purchase;

namespace {

const QString TypeKey = QStringLiteral("ec2.instanceType");

/** The instance type name in what the type box shows: "m5.large" of "m5.large — 2 vCPU, ...". */
QString typeNameOf(const QString &text)
{
    return text.trimmed().section(QLatin1Char(' '), 0, 0);
}

} // namespace

Ec2Form::Ec2Form(QWidget *parent)
    : PlatformForm(Models::Platform::Ec2, parent)
    , m_bound(
          *this, [this] { return &specAs<Ec2Spec>(); }, [this](const Ec2Spec &next, const QString &key) { commit(next, key); })
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *box = new QGroupBox(tr("Amazon EC2"), this);
    outer->addWidget(box);
    QFormLayout *form = newForm(box);
    m_form = form;

    m_instanceType = new QComboBox(box);
    m_instanceType->setEditable(true);
    m_instanceType->setInsertPolicy(QComboBox::NoInsert);
    m_instanceType->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_instanceType->setMinimumContentsLength(12);
    auto *completer = new QCompleter(m_instanceType->model(), m_instanceType);
    // Matched and inserted by the bare type name; the popup shows the full description.
    completer->setCompletionRole(Qt::UserRole);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    m_instanceType->setCompleter(completer);
    const QString typeTip = tr("The instance type, from the price sheet's types for the region (Linux on-demand "
                               "price shown). Type to search.");
    m_instanceType->setToolTip(typeTip);
    QWidget *typeRow = withMessage(TypeKey, m_instanceType);
    m_instanceTypeHint = newHint(typeRow);
    typeRow->layout()->addWidget(m_instanceTypeHint);
    form->addRow(tr("Instance &type:"), typeRow);
    form->labelForField(typeRow)->setToolTip(typeTip);
    addField(TypeKey, m_instanceType, tr("Instance type"));
    connect(m_instanceType->lineEdit(), &QLineEdit::textEdited, this, &Ec2Form::onInstanceTypeEdited);
    connect(m_instanceType->lineEdit(), &QLineEdit::editingFinished, this, &Ec2Form::onInstanceTypeFinished);
    connect(m_instanceType, &QComboBox::activated, this, &Ec2Form::onInstanceTypeChosen);
    connect(m_instanceType, &QComboBox::currentIndexChanged, this, &Ec2Form::onInstanceTypeChosen);

    m_bound.addChoice(form,
                      {.key = QStringLiteral("ec2.os"),
                       .label = tr("&Operating system:"),
                       .items = {{QStringLiteral("linux"), tr("Linux")}, {QStringLiteral("windows"), tr("Windows")}},
                       .toolTip = tr("The operating system; Windows instances include the licence in their hourly "
                                     "price. Default: Linux.")},
                      &Ec2Spec::os);
    m_bound.addChoice(
        form,
        {.key = QStringLiteral("ec2.purchase"),
         .label = tr("&Purchase:"),
         .items = {{qs(Models::purchaseName(Purchase::OnDemand)), tr("On-demand")}, {qs(Models::purchaseName(Purchase::Spot)), tr("Spot")}},
         .toolTip = tr("On-demand bills the list price per hour; Spot runs on spare capacity at a discount and may be "
                       "interrupted. Default: on-demand.")},
        [](const Ec2Spec &s) { return qs(Models::purchaseName(s.purchase)); },
        [](Ec2Spec &s, const QString &v) { s.purchase = v == qs(Models::purchaseName(Purchase::Spot)) ? Purchase::Spot : Purchase::OnDemand; });
    m_bound.addNumber(form,
                      {.key = QStringLiteral("ec2.spotHourly"),
                       .label = tr("Spot price:"),
                       .rule = Models::Rules::SpotHourly,
                       .unit = tr("$/h"),
                       .toolTip = tr("The spot price per instance-hour, for sheets without one for the type; the "
                                     "sheet's spot price wins when it has one."),
                       .optional = true},
                      &Ec2Spec::spotHourly);
    m_bound.addNumber(form,
                      {.key = QStringLiteral("ec2.spotDiscount"),
                       .label = tr("Spot &discount:"),
                       .rule = Models::Rules::SpotDiscount,
                       .unit = tr("off"),
                       .toolTip = tr("The fraction off the on-demand price (0.7 is 70% off), used when neither the "
                                     "sheet nor the spot price field gives a spot price. Empty: the Spot Instance "
                                     "Advisor's average saving for the type."),
                       .optional = true},
                      &Ec2Spec::spotDiscount);
    m_bound.addNumber(form,
                      {.key = QStringLiteral("ec2.onDemandBase"),
                       .label = tr("On-demand &base:"),
                       .rule = Models::Rules::Count,
                       .unit = tr("instances"),
                       .toolTip = tr("A mixed fleet, as an Auto Scaling group's instances distribution: the first N "
                                     "instances run on-demand. Empty: 0."),
                       .optional = true,
                       .placeholder = QStringLiteral("0")},
                      &Ec2Spec::onDemandBase);
    m_bound.addNumber(form,
                      {.key = QStringLiteral("ec2.onDemandPercentAboveBase"),
                       .label = tr("On-demand &above base:"),
                       .rule = Models::Rules::OnDemandPercent,
                       .unit = tr("%"),
                       .toolTip = tr("The on-demand share of the instances above the base, rounded up; the rest run "
                                     "on Spot. Empty: 100% for on-demand purchase, 0% for Spot."),
                       .optional = true},
                      &Ec2Spec::onDemandPercentAboveBase);

    m_fleet = new FleetForm(FleetForm::Unit::Instances, this);
    outer->addWidget(m_fleet);
    addSubForm(m_fleet);
    connect(m_fleet, &FleetForm::fleetEdited, this, [this](const Models::FleetSpec &fleet, const QString &key) {
        Ec2Spec next = specAs<Ec2Spec>();
        next.fleet = fleet;
        commit(next, key);
    });
}

Ec2Form::~Ec2Form() = default;

void Ec2Form::addRangeButtons(RangeButtonMaker &maker)
{
    if (m_discountRange || m_interruptedRange)
        return; // once: a second set would stand beside the first
    NumberField *discount = numberField(QStringLiteral("ec2.spotDiscount"));
    int row = -1;
    QFormLayout::ItemRole role{};
    m_form->getWidgetPosition(discount, &row, &role);
    QWidget *parent = discount->parentWidget();
    m_discountRange = maker.makeRangeButton(Models::UncertainInput::SpotDiscount, [this] { return pricedSpotDiscount(); }, parent);
    m_interruptedRange = maker.makeRangeButton(Models::UncertainInput::SpotInterruptedShare, {}, parent);
    QWidget *last = discount->lineEdit();
    if (m_discountRange) {
        // The field and its button as one row, the label (and its buddy) as they were.
        const QFormLayout::TakeRowResult taken = m_form->takeRow(row);
        QWidget *label = taken.labelItem ? taken.labelItem->widget() : nullptr;
        delete taken.labelItem; // the layout items, not the widgets
        delete taken.fieldItem;
        auto *beside = new QHBoxLayout;
        beside->setContentsMargins(0, 0, 0, 0);
        beside->addWidget(discount, 1);
        beside->addWidget(m_discountRange, 0, Qt::AlignTop);
        m_form->insertRow(row, label, beside);
        // Built after the whole editor, the button would come last in the window's Tab chain.
        QWidget::setTabOrder(last, m_discountRange);
        last = m_discountRange;
    }
    if (m_interruptedRange) {
        const QString tip = tr("The share of spot instance-hours interrupted and run on-demand instead. It has no "
                               "field of its own: it is 0 unless given a range, which applies to every EC2 option "
                               "bought as spot.");
        auto *hint = newHint(parent);
        hint->setText(tr("0 unless ranged; both spot ranges apply to every EC2 spot option"));
        // The button at the row's end, under the discount's: the two range buttons in one column.
        auto *h = new QHBoxLayout;
        h->setContentsMargins(0, 0, 0, 0);
        h->addWidget(hint, 1);
        h->addWidget(m_interruptedRange, 0, Qt::AlignTop);
        m_interruptedRow = h;
        m_form->insertRow(row + 1, tr("Spot hours interrupted:"), h);
        if (QWidget *label = m_form->labelForField(h))
            label->setToolTip(tip);
        QWidget::setTabOrder(last, m_interruptedRange);
    }
    updateState();
}

double Ec2Form::pricedSpotDiscount() const
{
    const Ec2Spec &s = specAs<Ec2Spec>();
    const FormContext &c = context();
    const Pricing::PriceSheet *sheet = c.sheet.get();
    const std::string region = c.region.toStdString();
    const Pricing::Ec2InstanceType *type = sheet ? sheet->ec2(region, s.instanceType) : nullptr;
    const auto onDemand = sheet ? sheet->ec2OnDemandHourly(region, s.instanceType, s.os) : std::nullopt;
    if (type && onDemand && *onDemand > 0) {
        // The evaluator's own order of sources (models/platforms/instanceprice.cpp).
        if (const auto spot = Models::spotPrice(*type, s.os, *onDemand, s.spotHourly, s.spotDiscount))
            return std::clamp(1 - spot->hourly / *onDemand, 0.0, 0.99);
    }
    return s.spotDiscount.value_or(std::numeric_limits<double>::quiet_NaN());
}

void Ec2Form::showFields(bool force)
{
    const Ec2Spec &s = specAs<Ec2Spec>();
    m_bound.show(s, force);
    showInstanceType(force);
    m_fleet->showFleet(s.fleet, force);
}

void Ec2Form::sheetChanged()
{
    const QString typed = m_instanceType->currentText();
    m_instanceType->clear();
    const std::string currency = context().currency();
    for (const Pricing::Ec2InstanceType *type : sortedInstanceTypes(context().regionPrices()))
        m_instanceType->addItem(instanceTypeText(*type, currency), qs(type->name));
    m_instanceType->setCurrentIndex(-1);
    m_instanceType->setEditText(typed);
    // The list is another sheet's or region's: show the spec's type in it again.
    showInstanceType(true);
}

void Ec2Form::showInstanceType(bool force)
{
    const QString wanted = qs(specAs<Ec2Spec>().instanceType);
    if (!force) {
        // Unfinished or refused typing stays until the user fixes it.
        if (!fieldError(TypeKey).isEmpty())
            return;
        const QString typed = typeNameOf(m_instanceType->currentText());
        const QString accepted = knownInstanceType(typed);
        if ((accepted.isEmpty() && !typed.isEmpty()) || accepted == wanted)
            return;
    }
    Updating guard(*this);
    m_instanceType->setCurrentIndex(m_instanceType->findData(wanted));
    m_instanceType->setEditText(wanted);
    markField(TypeKey, {});
}

void Ec2Form::updateState()
{
    const Ec2Spec &s = specAs<Ec2Spec>();
    const FormContext &c = context();
    const Pricing::PriceSheet *sheet = c.sheet.get();
    const std::string region = c.region.toStdString();
    // What applies when the spot fields are left empty.
    const auto sheetSpot = sheet ? sheet->ec2SpotHourly(region, s.instanceType, s.os) : std::nullopt;
    numberField(QStringLiteral("ec2.spotHourly"))->setPlaceholder(sheetSpot ? tr("%1 (sheet)").arg(formatEditorNumber(*sheetSpot)) : tr("not set"));
    const Pricing::Ec2InstanceType *type = sheet ? sheet->ec2(region, s.instanceType) : nullptr;
    QString typeHint;
    if (type) {
        typeHint = instanceTypeText(*type, c.currency()).section(QStringLiteral(" — "), 1);
        if (!type->interruption.empty())
            typeHint += tr("; Spot interruptions %1").arg(qs(type->interruption));
    }
    m_instanceTypeHint->setText(typeHint);
    // The hint describes the accepted type: under refused text it would describe something else.
    m_instanceTypeHint->setVisible(!typeHint.isEmpty() && fieldError(TypeKey).isEmpty());
    numberField(QStringLiteral("ec2.spotDiscount"))
        ->setPlaceholder(type && type->spotAdvisorSavingsPercent ? tr("%1 (advisor)").arg(formatEditorNumber(*type->spotAdvisorSavingsPercent / 100))
                                                                 : tr("not set"));
    numberField(QStringLiteral("ec2.onDemandPercentAboveBase"))
        ->setPlaceholder(s.purchase == Purchase::Spot ? QStringLiteral("0") : QStringLiteral("100"));

    // The spot ranges only for an option bought as spot: the reader refuses them without one.
    // Shown or hidden explicitly each time: a button made while the form was hidden would
    // otherwise appear with it, whatever the purchase.
    const bool spot = s.purchase == Purchase::Spot;
    if (m_discountRange || m_interruptedRow) {
        const bool changed = m_spotRangesShown != static_cast<int>(spot);
        m_spotRangesShown = spot;
        if (m_discountRange)
            m_discountRange->setVisible(spot);
        if (m_interruptedRow)
            m_form->setRowVisible(m_interruptedRow, spot);
        if (changed)
            Q_EMIT rowsChanged();
    }
}

void Ec2Form::markType(const QString &error)
{
    markField(TypeKey, error);
    // The hint below describes the accepted type: hidden under refused text, back with a type.
    updateState();
}

QString Ec2Form::notInSheet(const QString &typed) const
{
    return tr("%1 is not in the price sheet for %2").arg(typed, context().region);
}

void Ec2Form::onInstanceTypeEdited(const QString &text)
{
    if (isUpdating())
        return;
    const QString typed = typeNameOf(text);
    if (typed.isEmpty()) {
        markType(tr("an instance type is required"));
        return;
    }
    const QString known = knownInstanceType(typed);
    if (known.isEmpty()) {
        // Part of a name ("m5.l") is not an error yet; a name no type starts with is.
        bool prefix = false;
        for (int i = 0; i < m_instanceType->count() && !prefix; ++i)
            prefix = m_instanceType->itemData(i).toString().startsWith(typed, Qt::CaseInsensitive);
        markType(prefix ? QString() : notInSheet(typed));
        UndoRouter::setUncommitted(m_instanceType, true); // the document has the last known type
        return;
    }
    markType({});
    Ec2Spec next = specAs<Ec2Spec>();
    next.instanceType = known.toStdString();
    commit(next, TypeKey);
}

void Ec2Form::onInstanceTypeFinished()
{
    if (isUpdating())
        return;
    const QString typed = typeNameOf(m_instanceType->currentText());
    if (typed.isEmpty())
        return; // marked as it was emptied
    const QString known = knownInstanceType(typed);
    if (known.isEmpty()) {
        markType(notInSheet(typed));
        return;
    }
    // Finished typing a known name: spell it as the sheet does ("M5.LARGE" becomes "m5.large").
    if (m_instanceType->currentText() != known) {
        Updating guard(*this);
        m_instanceType->setEditText(known);
    }
}

void Ec2Form::onInstanceTypeChosen(int index)
{
    if (isUpdating() || index < 0)
        return;
    markType({});
    const QString name = m_instanceType->itemData(index).toString();
    {
        // The list shows descriptions; the box shows the name, the description is the hint below.
        Updating guard(*this);
        m_instanceType->setEditText(name);
    }
    Ec2Spec next = specAs<Ec2Spec>();
    next.instanceType = name.toStdString();
    commit(next, TypeKey);
}

QString Ec2Form::knownInstanceType(const QString &typed) const
{
    if (typed.isEmpty())
        return {};
    const Pricing::RegionPrices *prices = context().regionPrices();
    // Without the region's types there is nothing to judge by: the evaluator reports a missing price.
    if (!prices || prices->ec2.empty())
        return typed;
    for (const auto &[name, type] : prices->ec2)
        if (QString::compare(qs(name), typed, Qt::CaseInsensitive) == 0)
            return qs(name);
    return {};
}

} // namespace Costscape::Ui
