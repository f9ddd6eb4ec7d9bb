// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editors/billform.h"

#include "models/bill/billreader.h"
#include "models/platforms/platformmodel.h"
#include "ui/editors/numberfield.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QVBoxLayout>

namespace Costscape::Ui {

namespace {

const QString FrontDoorKey = QStringLiteral("bill.frontDoor");
const QString RequestsPerConnectionKey = QStringLiteral("bill.alb.requestsPerConnection");
const QString ConnectionSecondsKey = QStringLiteral("bill.alb.connectionSeconds");
const QString RulesKey = QStringLiteral("bill.alb.rulesPerRequest");
const QString NatKey = QStringLiteral("bill.natGateways");
const QString NatShareKey = QStringLiteral("bill.natTrafficShare");
const QString Ipv4Key = QStringLiteral("bill.publicIpv4");
const QString Ipv4PerInstanceKey = QStringLiteral("bill.publicIpv4PerInstance");
const QString RetentionKey = QStringLiteral("bill.logRetentionDays");
const QString RootSizeKey = QStringLiteral("bill.rootVolume.sizeGb");
const QString RootTypeKey = QStringLiteral("bill.rootVolume.type");

/** "Not described": the key is absent and the result lists the part as left out. */
const int NotDescribed = -1;

/** The reader's ranges (models/bill/billreader.cpp), so the window refuses what the file would. */
const NumberRule RequestsPerConnectionRule = NumberRule::range(1, 1e6);
const NumberRule ConnectionSecondsRule = NumberRule::range(0, 86400 * 31.0, "s");
const NumberRule RulesRule = NumberRule::range(0, 1000);
const NumberRule NatRule = NumberRule::count(0, 100);
const NumberRule ShareRule = NumberRule::range(0, 1);
const NumberRule Ipv4Rule = NumberRule::count(0, 10000);
const NumberRule RetentionRule = NumberRule::range(1, 3653, "days");
const NumberRule RootSizeRule = NumberRule::range(1, 65536, "GiB");

void setData(QComboBox *box, const QVariant &data)
{
    const int i = box->findData(data);
    if (i >= 0 && box->currentIndex() != i)
        box->setCurrentIndex(i);
}

void showNumber(NumberField *field, std::optional<double> value, bool force)
{
    // A refused value the user is still typing stays, unless the whole option is replaced.
    if ((force || field->isValid()) && field->value() != value)
        field->setValue(value);
}

} // namespace

BillForm::BillForm(QWidget *parent)
    : FieldForm(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *box = new QGroupBox(tr("Around the compute"), this);
    box->setToolTip(tr("The parts of the bill besides the compute: what receives the requests, the "
                       "network, the logs and the volumes (docs/bill.md). An empty field leaves its "
                       "part out, and the result says so."));
    outer->addWidget(box);
    m_form = newForm(box);

    m_frontDoor = new QComboBox(box);
    m_frontDoor->setToolTip(tr("What receives the requests: API Gateway (billed per million requests, in "
                               "tiers), an Application Load Balancer (hourly plus capacity units), or a "
                               "Lambda function URL (no charge; Lambda only)."));
    m_form->addRow(tr("&Front door:"), m_frontDoor);
    addField(FrontDoorKey, m_frontDoor, tr("Front door"));

    auto number = [this, box](NumberField *&field, const NumberRule &rule, const QString &unit, const QString &key,
                              const QString &label, const QString &title, const QString &tip, bool optional) {
        field = new NumberField(rule, unit, box);
        field->setOptional(optional);
        field->setToolTip(tip);
        m_form->addRow(label, field);
        addField(key, field, title);
        connect(field, &NumberField::valueEdited, this, [this, key] { emitEdited(key); });
    };
    number(m_requestsPerConnection, RequestsPerConnectionRule, tr("requests"), RequestsPerConnectionKey,
           tr("Requests per connection:"), tr("Requests per connection"),
           tr("How many requests one client connection carries (1: no keep-alive). New connections "
              "per second are one of the ALB's capacity-unit dimensions."),
           false);
    number(m_connectionSeconds, ConnectionSecondsRule, tr("s"), ConnectionSecondsKey, tr("Connection open for:"),
           tr("Connection open for"),
           tr("How long a connection stays open; empty: the requests it carries times their duration."), true);
    m_connectionSeconds->setPlaceholder(tr("requests × duration"));
    number(m_rules, RulesRule, tr("rules"), RulesKey, tr("Rules per request:"), tr("Rules per request"),
           tr("Listener rules evaluated per request; the first 10 are free."), false);
    number(m_nat, NatRule, tr("gateways"), NatKey, tr("&NAT gateways:"), tr("NAT gateways"),
           tr("NAT gateways, each billed every hour of the month (usually one per Availability Zone). "
              "Empty: not described, left out of the figures."),
           true);
    m_nat->setPlaceholder(tr("left out"));
    number(m_natShare, ShareRule, tr("share"), NatShareKey, tr("Traffic through NAT:"), tr("Traffic through NAT"),
           tr("The share (0 to 1) of the request and response bytes that crosses the NAT gateways: calls "
              "out to the internet do; a service behind an ALB answers through the ALB, not the NAT."),
           false);
    number(m_ipv4, Ipv4Rule, tr("addresses"), Ipv4Key, tr("Public IPv4:"), tr("Public IPv4"),
           tr("Public IPv4 addresses held all month ($ per hour since February 2024): an internet-facing ALB "
              "has one per zone, a NAT gateway one. Empty: not described."),
           true);
    m_ipv4->setPlaceholder(tr("left out"));
    m_ipv4PerInstance = new QCheckBox(tr("One per instance"), box);
    m_ipv4PerInstance->setToolTip(tr("Every instance of the fleet has a public address, for the hours it runs."));
    m_form->addRow(QString(), m_ipv4PerInstance);
    addField(Ipv4PerInstanceKey, m_ipv4PerInstance, tr("One per instance"));
    connect(m_ipv4PerInstance, &QCheckBox::toggled, this, [this] { emitEdited(Ipv4PerInstanceKey); });
    number(m_retention, RetentionRule, tr("days"), RetentionKey, tr("&Log retention:"), tr("Log retention"),
           tr("How long CloudWatch Logs keeps the log events; empty: storage left out."), true);
    m_retention->setPlaceholder(tr("left out"));
    number(m_rootSize, RootSizeRule, tr("GiB"), RootSizeKey, tr("Root &volume:"), tr("Root volume"),
           tr("Each instance's root volume, billed per GB-month for the hours the instance runs. "
              "Empty: left out."),
           true);
    m_rootSize->setPlaceholder(tr("left out"));
    m_rootType = new QComboBox(box);
    m_rootType->addItem(QStringLiteral("gp3"), QStringLiteral("gp3"));
    m_rootType->addItem(QStringLiteral("gp2"), QStringLiteral("gp2"));
    m_form->addRow(tr("Volume type:"), m_rootType);
    addField(RootTypeKey, m_rootType, tr("Volume type"));

    connect(m_frontDoor, &QComboBox::currentIndexChanged, this, [this] { emitEdited(FrontDoorKey); });
    connect(m_rootType, &QComboBox::currentIndexChanged, this, [this] { emitEdited(RootTypeKey); });
    fillFrontDoors(m_platform);
    updateRows();
}

BillForm::~BillForm() = default;

void BillForm::fillFrontDoors(Models::Platform platform)
{
    Updating guard(*this);
    m_frontDoor->clear();
    m_frontDoor->addItem(tr("Not described (left out)"), NotDescribed);
    for (Models::FrontDoor door : {Models::FrontDoor::None, Models::FrontDoor::ApiGatewayHttp,
                                   Models::FrontDoor::ApiGatewayRest, Models::FrontDoor::Alb, Models::FrontDoor::FunctionUrl})
        if (Models::frontDoorFits(door, platform))
            m_frontDoor->addItem(door == Models::FrontDoor::None ? tr("None (reached another way)")
                                                                 : QString::fromUtf8(Models::frontDoorTitle(door)),
                                 static_cast<int>(door));
}

Models::OptionBill BillForm::fromFields() const
{
    Models::OptionBill b = m_bill;
    const int door = m_frontDoor->currentData().toInt();
    b.frontDoor = door == NotDescribed ? std::nullopt : std::optional(static_cast<Models::FrontDoor>(door));
    if (m_requestsPerConnection->isValid() && m_requestsPerConnection->value())
        b.alb.requestsPerConnection = *m_requestsPerConnection->value();
    if (m_connectionSeconds->isValid())
        b.alb.connectionSeconds = m_connectionSeconds->value();
    if (m_rules->isValid() && m_rules->value())
        b.alb.rulesPerRequest = *m_rules->value();
    if (m_nat->isValid())
        b.natGateways = m_nat->value();
    if (m_natShare->isValid() && m_natShare->value())
        b.natTrafficShare = *m_natShare->value();
    b.publicIpv4PerInstance = m_ipv4PerInstance->isChecked() && Models::hasRootVolumes(m_platform);
    if (b.publicIpv4PerInstance)
        b.publicIpv4.reset();
    else if (m_ipv4->isValid())
        b.publicIpv4 = m_ipv4->value();
    if (m_retention->isValid())
        b.logRetentionDays = m_retention->value();
    if (!Models::hasRootVolumes(m_platform)) {
        b.rootVolume.reset();
    } else if (m_rootSize->isValid()) {
        if (const auto size = m_rootSize->value())
            b.rootVolume = Models::RootVolume{*size, m_rootType->currentData().toString().toStdString()};
        else
            b.rootVolume.reset();
    }
    return b;
}

void BillForm::emitEdited(const QString &field)
{
    updateRows();
    if (isUpdating())
        return;
    if (auto *number = qobject_cast<NumberField *>(this->field(field)); number && !number->isValid())
        return;
    const Models::OptionBill next = fromFields();
    if (next == m_bill)
        return;
    m_bill = next;
    const Models::OptionBill edited = m_bill;
    Q_EMIT billEdited(edited, field);
}

void BillForm::updateRows()
{
    const bool alb = m_frontDoor->currentData().toInt() == static_cast<int>(Models::FrontDoor::Alb);
    const bool instances = Models::hasRootVolumes(m_platform);
    m_form->setRowVisible(m_requestsPerConnection, alb);
    m_form->setRowVisible(m_connectionSeconds, alb);
    m_form->setRowVisible(m_rules, alb);
    m_form->setRowVisible(m_natShare, m_nat->value().value_or(0) > 0);
    m_form->setRowVisible(m_ipv4PerInstance, instances);
    m_ipv4->setEnabled(!m_ipv4PerInstance->isChecked());
    m_form->setRowVisible(m_rootSize, instances);
    m_form->setRowVisible(m_rootType, instances && m_rootSize->value().has_value());
    Q_EMIT rowsChanged();
}

void BillForm::showBill(const Models::OptionBill &bill, Models::Platform platform, bool force)
{
    m_bill = bill;
    Updating guard(*this);
    if (force)
        clearMarks();
    if (platform != m_platform || m_frontDoor->count() == 0) {
        m_platform = platform;
        fillFrontDoors(platform);
    }
    setData(m_frontDoor, bill.frontDoor ? static_cast<int>(*bill.frontDoor) : NotDescribed);
    showNumber(m_requestsPerConnection, bill.alb.requestsPerConnection, force);
    showNumber(m_connectionSeconds, bill.alb.connectionSeconds, force);
    showNumber(m_rules, bill.alb.rulesPerRequest, force);
    showNumber(m_nat, bill.natGateways, force);
    showNumber(m_natShare, bill.natTrafficShare, force);
    if (m_ipv4PerInstance->isChecked() != bill.publicIpv4PerInstance)
        m_ipv4PerInstance->setChecked(bill.publicIpv4PerInstance);
    showNumber(m_ipv4, bill.publicIpv4, force);
    showNumber(m_retention, bill.logRetentionDays, force);
    showNumber(m_rootSize, bill.rootVolume ? std::optional(bill.rootVolume->sizeGb) : std::nullopt, force);
    setData(m_rootType, QString::fromStdString(bill.rootVolume ? bill.rootVolume->type : std::string("gp3")));
    updateRows();
}

} // namespace Costscape::Ui
