// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editors/lambdaform.h"

#include "models/platforms/lambda/lambdamodel.h"
#include "models/scenario/scenariorules.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QVBoxLayout>

namespace Costscape::Ui {

using Models::LambdaSpec;
using Models::ProvisionedConcurrency;

namespace {

using Bindings = FieldBindings<LambdaSpec>;

/** A field of provisioned concurrency: shown only while it is on, so that the box keeps its value when off. */
Bindings::Shown provisioned(const LambdaSpec &s, std::optional<double> ProvisionedConcurrency::*member)
{
    return s.provisionedConcurrency ? Bindings::present((*s.provisionedConcurrency).*member) : std::nullopt;
}

const QString ProvisionedPrefix = QStringLiteral("lambda.provisioned.");

} // namespace

LambdaForm::LambdaForm(QWidget *parent)
    : PlatformForm(Models::Platform::Lambda, parent)
    , m_bound(
          *this, [this] { return &specAs<LambdaSpec>(); },
          [this](const LambdaSpec &next, const QString &key) { commit(next, key); })
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *box = new QGroupBox(tr("AWS Lambda"), this);
    outer->addWidget(box);
    QFormLayout *form = newForm(box);

    m_bound.addChoice(form,
                      {.key = QStringLiteral("lambda.architecture"),
                       .label = tr("&Architecture:"),
                       .items = {{QStringLiteral("x86_64"), QStringLiteral("x86_64")}, {QStringLiteral("arm64"), tr("arm64 (Graviton)")}},
                       .toolTip = tr("The processor the function runs on; arm64 (Graviton) costs about 20% less per "
                                     "GB-second. Default: x86_64.")},
                      &LambdaSpec::architecture);
    m_bound.addNumber(form,
                      {.key = QStringLiteral("lambda.ephemeralStorageMb"),
                       .label = tr("&Ephemeral storage:"),
                       .rule = Models::Rules::LambdaEphemeralMb,
                       .unit = tr("MB"),
                       .toolTip = tr("The function's /tmp, 512 to 10240 MB; AWS bills the storage above the included "
                                     "512 MB per GB-second. Default: 512 MB."),
                       .fallback = 512.0,
                       .placeholder = QStringLiteral("512")},
                      &LambdaSpec::ephemeralStorageMb);
    m_bound.addChoice(
        form,
        {.key = QStringLiteral("lambda.billingGranularityMs"),
         .label = tr("&Billing:"),
         .items = {{QStringLiteral("1"), tr("1 ms")}, {QStringLiteral("100"), tr("100 ms (before Dec 2020)")}},
         .toolTip = tr("How AWS rounds each request's duration up: to 1 ms since December 2020, to 100 ms before. "
                       "Default: 1 ms.")},
        [](const LambdaSpec &s) { return QString::number(s.billingGranularityMs); },
        [](LambdaSpec &s, const QString &v) { s.billingGranularityMs = v.toInt(); });
    m_bound.addFlag(form,
                    {.key = QStringLiteral("lambda.freeTier"),
                     .text = tr("Deduct the &free tier"),
                     .toolTip = tr("Subtract the monthly free requests and GB-seconds from the bill. Off by default, as "
                                   "in the AWS Pricing Calculator: the free tier is shared by every function of the account.")},
                    &LambdaSpec::freeTier);

    m_provisioned = new QCheckBox(tr("&Provisioned concurrency"), box);
    m_provisioned->setToolTip(tr("Keep environments initialised (no cold starts). AWS bills them per GB-second "
                                 "while enabled, and the requests they serve at a lower duration rate."));
    form->addRow(QString(), m_provisioned);
    addField(QStringLiteral("lambda.provisioned"), m_provisioned, m_provisioned->text());
    connect(m_provisioned, &QCheckBox::toggled, this, &LambdaForm::onProvisionedToggled);

    m_bound.addNumber(
        form,
        {.key = QStringLiteral("lambda.provisioned.count"),
         .label = tr("E&nvironments:"),
         .rule = Models::Rules::Count,
         .toolTip = tr("How many execution environments are kept initialised (the provisioned concurrency).")},
        [](const LambdaSpec &s) { return s.provisionedConcurrency ? Bindings::present(s.provisionedConcurrency->count) : std::nullopt; },
        [](LambdaSpec &s, std::optional<double> v) {
            if (s.provisionedConcurrency && v)
                s.provisionedConcurrency->count = *v;
        });
    m_bound.addNumber(
        form,
        {.key = QStringLiteral("lambda.provisioned.hoursPerMonth"),
         .label = tr("Enabled for:"),
         .rule = Models::Rules::Hours,
         .unit = tr("hours"),
         .toolTip = tr("How many hours a month the environments are enabled, the busiest hours first. Empty: all month."),
         .optional = true},
        [](const LambdaSpec &s) { return provisioned(s, &ProvisionedConcurrency::hoursPerMonth); },
        [](LambdaSpec &s, std::optional<double> v) {
            if (s.provisionedConcurrency)
                s.provisionedConcurrency->hoursPerMonth = v;
        });
    m_bound.addNumber(
        form,
        {.key = QStringLiteral("lambda.provisioned.shareOfRequests"),
         .label = tr("Share of requests:"),
         .rule = Models::Rules::ProvisionedShare,
         .toolTip = tr("The fraction (0 to 1) of the requests that run on the provisioned environments, billed at the "
                       "provisioned duration rate. Empty: the traffic of the hours they are enabled, at most what "
                       "they can serve."),
         .optional = true,
         .placeholder = tr("by traffic")},
        [](const LambdaSpec &s) { return provisioned(s, &ProvisionedConcurrency::shareOfRequests); },
        [](LambdaSpec &s, std::optional<double> v) {
            if (s.provisionedConcurrency)
                s.provisionedConcurrency->shareOfRequests = v;
        });
}

LambdaForm::~LambdaForm() = default;

QString LambdaForm::memoryLabel() const
{
    // Lambda bills the memory configured for the function, not a per-request figure.
    return tr("&Memory:");
}

QString LambdaForm::memoryHint() const
{
    return tr("Lambda bills the configured memory, %1 to %2 MB, whatever a request uses.")
        .arg(Models::LambdaModel::MinMemoryMb)
        .arg(Models::LambdaModel::MaxMemoryMb);
}

void LambdaForm::showFields(bool force)
{
    const LambdaSpec &s = specAs<LambdaSpec>();
    m_bound.show(s, force);
    if (m_provisioned->isChecked() != s.provisionedConcurrency.has_value())
        m_provisioned->setChecked(s.provisionedConcurrency.has_value());
}

void LambdaForm::updateState()
{
    const bool on = m_provisioned->isChecked();
    for (const char *key : {"lambda.provisioned.count", "lambda.provisioned.hoursPerMonth", "lambda.provisioned.shareOfRequests"})
        field(QLatin1String(key))->setEnabled(on);
    numberField(QStringLiteral("lambda.provisioned.hoursPerMonth"))
        ->setPlaceholder(tr("%1 (all month)").arg(formatEditorNumber(context().hoursPerMonth)));
}

void LambdaForm::onProvisionedToggled(bool on)
{
    if (isUpdating())
        return;
    LambdaSpec next = specAs<LambdaSpec>();
    if (on) {
        // The boxes keep what was there when it was last switched off.
        ProvisionedConcurrency pc;
        pc.count = numberField(QStringLiteral("lambda.provisioned.count"))->value().value_or(1);
        pc.hoursPerMonth = numberField(QStringLiteral("lambda.provisioned.hoursPerMonth"))->value();
        pc.shareOfRequests = numberField(QStringLiteral("lambda.provisioned.shareOfRequests"))->value();
        next.provisionedConcurrency = pc;
    } else {
        next.provisionedConcurrency.reset();
    }
    updateState();
    commit(next, QStringLiteral("lambda.provisioned"));
    if (on) {
        // Refused text in the boxes was not used: show what was.
        Updating guard(*this);
        m_bound.showNumbers(specAs<LambdaSpec>(), true, ProvisionedPrefix);
    }
}

} // namespace Costscape::Ui
