// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editors/optioneditor.h"
#include "ui/uitext.h"

#include "ui/editors/numberfield.h"

#include "models/platforms/fargate/fargatemodel.h"
#include "models/platforms/lambda/lambdamodel.h"
#include "models/scaling/scaling.h"
#include "models/scenario/scenariorules.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <set>
#include <tuple>

namespace Costscape::Ui {

using Models::Capacity;
using Models::FleetSpec;
using Models::OptionSpec;
using Models::Platform;
using Models::Purchase;

namespace {

/** What a number field should show: nullopt when the spec holds nothing for it right now. */
using Shown = std::optional<std::optional<double>>;
using Applies = std::function<bool(const OptionSpec &)>;

Shown present(std::optional<double> value)
{
    return Shown(std::in_place, value);
}


Applies onPlatform(Platform platform)
{
    return [platform](const OptionSpec &o) { return o.platform == platform; };
}

// The error style of NumberField, so that every refused value in the form looks the same.
const QString ErrorColor = QStringLiteral("#d32f2f");

bool sameCapacity(const std::optional<Capacity> &a, const std::optional<Capacity> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a || (a->kind == b->kind && a->value == b->value);
}

bool sameFleet(const FleetSpec &a, const FleetSpec &b)
{
    return a.fixedCount == b.fixedCount && sameCapacity(a.capacity, b.capacity) && a.targetUtilization == b.targetUtilization
        && a.minCount == b.minCount && a.scaling == b.scaling;
}

bool sameRequests(const std::optional<Models::RequestModel> &a, const std::optional<Models::RequestModel> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a
        || (a->kind == b->kind && a->perMonth == b->perMonth && a->perSecond == b->perSecond
            && a->perSecondHourly == b->perSecondHourly);
}

bool sameProvisioned(const std::optional<Models::ProvisionedConcurrency> &a,
                     const std::optional<Models::ProvisionedConcurrency> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a || (a->count == b->count && a->hoursPerMonth == b->hoursPerMonth && a->shareOfRequests == b->shareOfRequests);
}

// Every field, whatever the platform: an edit that changes nothing (typing "1.0" after "1")
// must not become an undo step.
bool sameOption(const OptionSpec &a, const OptionSpec &b)
{
    if (a.id != b.id || a.platform != b.platform || a.enabled != b.enabled || a.hoursPerMonth != b.hoursPerMonth
        || a.durationMs != b.durationMs || a.memoryMb != b.memoryMb || !sameRequests(a.requests, b.requests)
        || a.scalingOverrides != b.scalingOverrides)
        return false;
    const auto &la = a.lambda;
    const auto &lb = b.lambda;
    if (la.architecture != lb.architecture || la.ephemeralStorageMb != lb.ephemeralStorageMb
        || la.billingGranularityMs != lb.billingGranularityMs || la.freeTier != lb.freeTier
        || !sameProvisioned(la.provisionedConcurrency, lb.provisionedConcurrency))
        return false;
    const auto &fa = a.fargate;
    const auto &fb = b.fargate;
    if (fa.os != fb.os || fa.architecture != fb.architecture || fa.taskVcpu != fb.taskVcpu || fa.taskMemoryGb != fb.taskMemoryGb
        || fa.spot != fb.spot || fa.ephemeralStorageGb != fb.ephemeralStorageGb || fa.spotDiscount != fb.spotDiscount
        || !sameFleet(fa.fleet, fb.fleet))
        return false;
    const auto &ea = a.ec2;
    const auto &eb = b.ec2;
    if (ea.instanceType != eb.instanceType || ea.os != eb.os || ea.purchase != eb.purchase || ea.spotHourly != eb.spotHourly
        || ea.spotDiscount != eb.spotDiscount || ea.onDemandBase != eb.onDemandBase
        || ea.onDemandPercentAboveBase != eb.onDemandPercentAboveBase || !sameFleet(ea.fleet, eb.fleet))
        return false;
    const auto &ca = a.ecs;
    const auto &cb = b.ecs;
    if (ca.autoInstanceTypes != cb.autoInstanceTypes || ca.instanceTypes != cb.instanceTypes || ca.os != cb.os
        || ca.purchase != cb.purchase || ca.spotHourly != cb.spotHourly || ca.spotDiscount != cb.spotDiscount
        || ca.reservedMemoryMb != cb.reservedMemoryMb || ca.placement != cb.placement
        || ca.taskGroups.size() != cb.taskGroups.size())
        return false;
    for (std::size_t i = 0; i < ca.taskGroups.size(); ++i) {
        const auto &ga = ca.taskGroups[i];
        const auto &gb = cb.taskGroups[i];
        if (ga.name != gb.name || ga.taskVcpu != gb.taskVcpu || ga.taskMemoryMb != gb.taskMemoryMb || !sameFleet(ga.fleet, gb.fleet))
            return false;
    }
    return true;
}

QString purchaseKey(Purchase p)
{
    return p == Purchase::Spot ? QStringLiteral("spot") : QStringLiteral("on-demand");
}

Purchase purchaseFromKey(const QString &key)
{
    return key == QLatin1String("spot") ? Purchase::Spot : Purchase::OnDemand;
}

QString placementKey(Models::EcsEc2Spec::Placement p)
{
    switch (p) {
    case Models::EcsEc2Spec::Placement::BinpackCpu: return QStringLiteral("binpack-cpu");
    case Models::EcsEc2Spec::Placement::Spread: return QStringLiteral("spread");
    case Models::EcsEc2Spec::Placement::BinpackMemory: break;
    }
    return QStringLiteral("binpack-memory");
}

Models::EcsEc2Spec::Placement placementFromKey(const QString &key)
{
    if (key == QLatin1String("binpack-cpu"))
        return Models::EcsEc2Spec::Placement::BinpackCpu;
    if (key == QLatin1String("spread"))
        return Models::EcsEc2Spec::Placement::Spread;
    return Models::EcsEc2Spec::Placement::BinpackMemory;
}

/** The instance type name in what the type box shows: "m5.large" of "m5.large — 2 vCPU, ...". */
QString typeNameOf(const QString &text)
{
    return text.trimmed().section(QLatin1Char(' '), 0, 0);
}

const QString FixedMode = QStringLiteral("fixed");
const QString DerivedMode = QStringLiteral("derived");
const QString ConcurrentKind = QStringLiteral("concurrentRequests");
const QString RateKind = QStringLiteral("requestsPerSecond");

} // namespace

struct OptionEditor::NumberBinding {
    QString key;
    /** Set when the spec's field is not optional: what an emptied box stands for. */
    std::optional<double> fallback;
    Applies applies;
    /** nullopt when the spec holds nothing for the field right now (the count of a derived fleet,
     *  provisioned concurrency that is off): the box then keeps what it shows for later. */
    std::function<Shown(const OptionSpec &)> get;
    std::function<void(OptionSpec &, std::optional<double>)> set;
    NumberField *field = nullptr;
};

struct OptionEditor::ChoiceBinding {
    QString key;
    Applies applies;
    std::function<QString(const OptionSpec &)> get;
    std::function<void(OptionSpec &, const QString &)> set;
    QComboBox *combo = nullptr;
};

struct OptionEditor::FlagBinding {
    QString key;
    Applies applies;
    std::function<bool(const OptionSpec &)> get;
    std::function<void(OptionSpec &, bool)> set;
    QCheckBox *check = nullptr;
};

OptionEditor::OptionEditor(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    // Built in the order they are shown, which is also the tab order.
    buildOptionGroup();
    buildLambdaGroup();
    buildFargateGroup();
    buildEc2Group();
    buildEcsTasksGroup();
    buildFleetGroup();
    buildEcsClusterGroup();
    buildSpikeResponseGroup();
    for (QGroupBox *box : {m_optionBox, m_lambdaBox, m_fargateBox, m_ec2Box, m_ecsTasksBox, m_fleetBox, m_ecsClusterBox, m_spikeBox})
        layout->addWidget(box);
    layout->addStretch(1);

    // In a scrolling dock the wheel must scroll the form, not change a combo the pointer passes over.
    for (QComboBox *combo : findChildren<QComboBox *>()) {
        combo->setFocusPolicy(Qt::StrongFocus);
        combo->installEventFilter(this);
    }

    QScopedValueRollback guard(m_updating, true);
    showOption(true);
}

OptionEditor::~OptionEditor() = default;

bool OptionEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Wheel) {
        if (auto *combo = qobject_cast<QComboBox *>(watched); combo && !combo->hasFocus()) {
            // Ignored and handled: QApplication passes it on to the parents, up to the scroll area.
            event->ignore();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

// ---------------------------------------------------------------------------------------------
// Building the form

namespace {

QFormLayout *newForm(QGroupBox *box, std::vector<QFormLayout *> &forms)
{
    auto *form = new QFormLayout(box);
    forms.push_back(form);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return form;
}

QLabel *newHint(QWidget *parent)
{
    auto *hint = new QLabel(parent);
    hint->setWordWrap(true);
    QFont font = hint->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    hint->setFont(font);
    hint->setForegroundRole(QPalette::PlaceholderText);
    return hint;
}

QLabel *newErrorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setVisible(false);
    label->setObjectName(QStringLiteral("fieldError"));
    label->setStyleSheet(QStringLiteral("color: %1;").arg(ErrorColor));
    return label;
}

/** A field with its error message below it, as NumberField lays itself out. */
QWidget *withMessage(QWidget *parent, QWidget *field, QLabel *message)
{
    auto *box = new QWidget(parent);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(1);
    field->setParent(box);
    message->setParent(box);
    v->addWidget(field);
    v->addWidget(message);
    box->setFocusProxy(field);
    return box;
}

QString stripMnemonic(QString label)
{
    label.remove(QLatin1Char('&'));
    if (label.endsWith(QLatin1Char(':')))
        label.chop(1);
    return label;
}

} // namespace

void OptionEditor::addField(const QString &key, QWidget *field, const QString &title)
{
    field->setObjectName(key);
    m_fields.insert(key, field);
    m_titles.insert(key, stripMnemonic(title));
}

void OptionEditor::setRowLabel(QFormLayout *form, QWidget *field, const QString &key, const QString &label)
{
    if (auto *l = qobject_cast<QLabel *>(form->labelForField(field)))
        l->setText(label);
    m_titles.insert(key, stripMnemonic(label));
}

NumberField *OptionEditor::addNumber(QFormLayout *form, NumberBinding binding, const QString &label, const NumberRule &rule,
                                     const QString &unit, const QString &toolTip)
{
    auto *field = new NumberField(rule, unit, form->parentWidget());
    field->setToolTip(toolTip);
    form->addRow(label, field);
    if (QWidget *l = form->labelForField(field))
        l->setToolTip(toolTip);
    addField(binding.key, field, label);
    binding.field = field;
    const std::size_t index = m_numbers.size();
    m_numbers.push_back(std::move(binding));
    connect(field, &NumberField::valueEdited, this, [this, index](std::optional<double> value) {
        const NumberBinding &b = m_numbers[index];
        if (m_updating || !b.applies(m_option))
            return;
        OptionSpec next = m_option;
        b.set(next, value ? value : b.fallback);
        commit(next, b.key);
    });
    return field;
}

QComboBox *OptionEditor::addChoice(QFormLayout *form, ChoiceBinding binding, const QString &label,
                                   const std::vector<std::pair<QString, QString>> &items, const QString &toolTip)
{
    auto *combo = new QComboBox(form->parentWidget());
    for (const auto &[data, text] : items)
        combo->addItem(text, data);
    combo->setToolTip(toolTip);
    form->addRow(label, combo);
    if (QWidget *l = form->labelForField(combo))
        l->setToolTip(toolTip);
    addField(binding.key, combo, label);
    binding.combo = combo;
    const std::size_t index = m_choices.size();
    m_choices.push_back(std::move(binding));
    connect(combo, &QComboBox::currentIndexChanged, this, [this, index](int) {
        const ChoiceBinding &b = m_choices[index];
        if (m_updating || !b.applies(m_option) || b.combo->currentIndex() < 0)
            return;
        OptionSpec next = m_option;
        b.set(next, b.combo->currentData().toString());
        commit(next, b.key);
    });
    return combo;
}

QCheckBox *OptionEditor::addFlag(QFormLayout *form, FlagBinding binding, const QString &text, const QString &toolTip)
{
    auto *check = new QCheckBox(text, form->parentWidget());
    check->setToolTip(toolTip);
    form->addRow(QString(), check);
    addField(binding.key, check, text);
    binding.check = check;
    const std::size_t index = m_flags.size();
    m_flags.push_back(std::move(binding));
    connect(check, &QCheckBox::toggled, this, [this, index](bool on) {
        const FlagBinding &b = m_flags[index];
        if (m_updating || !b.applies(m_option))
            return;
        OptionSpec next = m_option;
        b.set(next, on);
        commit(next, b.key);
    });
    return check;
}

void OptionEditor::buildOptionGroup()
{
    m_optionBox = new QGroupBox(tr("Option"), this);
    m_optionForm = newForm(m_optionBox, m_forms);
    QFormLayout *form = m_optionForm;
    const Applies always = [](const OptionSpec &) { return true; };

    m_id = new QLineEdit(m_optionBox);
    m_idMessage = newErrorLabel(m_optionBox);
    const QString idTip = tr("The option's name in tables, charts and files; unique within the scenario.");
    m_id->setToolTip(idTip);
    QWidget *idRow = withMessage(m_optionBox, m_id, m_idMessage);
    form->addRow(tr("&Id:"), idRow);
    form->labelForField(idRow)->setToolTip(idTip);
    addField(QStringLiteral("id"), m_id, tr("Id"));
    connect(m_id, &QLineEdit::textEdited, this, &OptionEditor::onIdEdited);

    m_platform = new QLabel(m_optionBox);
    m_platform->setToolTip(tr("Where the option runs. To compare another platform, add an option of it."));
    m_platform->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Platform:"), m_platform);

    auto *hours = addNumber(form,
                            {QStringLiteral("hoursPerMonth"), std::nullopt, always,
                             [](const OptionSpec &o) { return present(o.hoursPerMonth); },
                             [](OptionSpec &o, std::optional<double> v) { o.hoursPerMonth = v; }},
                            tr("&Hours per month:"), Models::Rules::Hours, tr("hours"),
                            tr("How many hours a month this option runs, when it differs from the scenario "
                               "(a month is 730 hours on average). Empty: the scenario's hours."));
    hours->setOptional(true);
    auto *duration = addNumber(form,
                               {QStringLiteral("durationMs"), std::nullopt, always,
                                [](const OptionSpec &o) { return present(o.durationMs); },
                                [](OptionSpec &o, std::optional<double> v) { o.durationMs = v; }},
                               tr("D&uration:"), Models::Rules::DurationMs, tr("ms"),
                               tr("How long one request runs on this option, when it differs from the workload "
                                  "(a faster CPU, a cold start). Empty: the workload's duration."));
    duration->setOptional(true);
    auto *memory = addNumber(form,
                             {QStringLiteral("memoryMb"), std::nullopt, always,
                              [](const OptionSpec &o) { return present(o.memoryMb); },
                              [](OptionSpec &o, std::optional<double> v) { o.memoryMb = v; }},
                             tr("&Memory per request:"), Models::Rules::MemoryMb, tr("MB"),
                             tr("The memory one running request needs on this option, when it differs from the "
                                "workload. Lambda bills the memory configured for the function. Empty: the "
                                "workload's memory."));
    memory->setOptional(true);
    m_memoryHint = newHint(m_optionBox);
    m_memoryHint->setText(tr("Lambda bills the configured memory, %1 to %2 MB, whatever a request uses.")
                              .arg(Models::LambdaModel::MinMemoryMb)
                              .arg(Models::LambdaModel::MaxMemoryMb));
    form->addRow(QString(), m_memoryHint);
}

void OptionEditor::buildLambdaGroup()
{
    m_lambdaBox = new QGroupBox(tr("AWS Lambda"), this);
    QFormLayout *form = newForm(m_lambdaBox, m_forms);
    const Applies lambda = onPlatform(Platform::Lambda);

    addChoice(form,
              {QStringLiteral("lambda.architecture"), lambda,
               [](const OptionSpec &o) { return qs(o.as<Models::LambdaSpec>().architecture); },
               [](OptionSpec &o, const QString &v) { o.as<Models::LambdaSpec>().architecture = v.toStdString(); }},
              tr("&Architecture:"), {{QStringLiteral("x86_64"), QStringLiteral("x86_64")}, {QStringLiteral("arm64"), tr("arm64 (Graviton)")}},
              tr("The processor the function runs on; arm64 (Graviton) costs about 20% less per GB-second. "
                 "Default: x86_64."));
    auto *ephemeral = addNumber(form,
                                {QStringLiteral("lambda.ephemeralStorageMb"), 512.0, lambda,
                                 [](const OptionSpec &o) { return present(o.as<Models::LambdaSpec>().ephemeralStorageMb); },
                                 [](OptionSpec &o, std::optional<double> v) { o.as<Models::LambdaSpec>().ephemeralStorageMb = v.value_or(512); }},
                                tr("&Ephemeral storage:"), Models::Rules::LambdaEphemeralMb, tr("MB"),
                                tr("The function's /tmp, 512 to 10240 MB; AWS bills the storage above the included "
                                   "512 MB per GB-second. Default: 512 MB."));
    ephemeral->setOptional(true);
    ephemeral->setPlaceholder(QStringLiteral("512"));
    addChoice(form,
              {QStringLiteral("lambda.billingGranularityMs"), lambda,
               [](const OptionSpec &o) { return QString::number(o.as<Models::LambdaSpec>().billingGranularityMs); },
               [](OptionSpec &o, const QString &v) { o.as<Models::LambdaSpec>().billingGranularityMs = v.toInt(); }},
              tr("&Billing:"), {{QStringLiteral("1"), tr("1 ms")}, {QStringLiteral("100"), tr("100 ms (before Dec 2020)")}},
              tr("How AWS rounds each request's duration up: to 1 ms since December 2020, to 100 ms before. "
                 "Default: 1 ms."));
    addFlag(form,
            {QStringLiteral("lambda.freeTier"), lambda, [](const OptionSpec &o) { return o.as<Models::LambdaSpec>().freeTier; },
             [](OptionSpec &o, bool v) { o.as<Models::LambdaSpec>().freeTier = v; }},
            tr("Deduct the &free tier"),
            tr("Subtract the monthly free requests and GB-seconds from the bill. Off by default, as in the AWS "
               "Pricing Calculator: the free tier is shared by every function of the account."));

    m_provisioned = new QCheckBox(tr("&Provisioned concurrency"), m_lambdaBox);
    m_provisioned->setToolTip(tr("Keep environments initialised (no cold starts). AWS bills them per GB-second "
                                 "while enabled, and the requests they serve at a lower duration rate."));
    form->addRow(QString(), m_provisioned);
    addField(QStringLiteral("lambda.provisioned"), m_provisioned, m_provisioned->text());
    connect(m_provisioned, &QCheckBox::toggled, this, &OptionEditor::onProvisionedToggled);

    const Applies provisioned = lambda;
    addNumber(form,
              {QStringLiteral("lambda.provisioned.count"), std::nullopt, provisioned,
               [](const OptionSpec &o) {
                   const auto &pc = o.as<Models::LambdaSpec>().provisionedConcurrency;
                   return pc ? present(pc->count) : Shown();
               },
               [](OptionSpec &o, std::optional<double> v) {
                   if (auto &pc = o.as<Models::LambdaSpec>().provisionedConcurrency; pc && v)
                       pc->count = *v;
               }},
              tr("E&nvironments:"), Models::Rules::Count, QString(),
              tr("How many execution environments are kept initialised (the provisioned concurrency)."));
    auto *pcHours = addNumber(form,
                              {QStringLiteral("lambda.provisioned.hoursPerMonth"), std::nullopt, provisioned,
                               [](const OptionSpec &o) {
                                   const auto &pc = o.as<Models::LambdaSpec>().provisionedConcurrency;
                                   return pc ? present(pc->hoursPerMonth) : Shown();
                               },
                               [](OptionSpec &o, std::optional<double> v) {
                                   if (auto &pc = o.as<Models::LambdaSpec>().provisionedConcurrency)
                                       pc->hoursPerMonth = v;
                               }},
                              tr("Enabled for:"), Models::Rules::Hours, tr("hours"),
                              tr("How many hours a month the environments are enabled, the busiest hours first. "
                                 "Empty: all month."));
    pcHours->setOptional(true);
    auto *share = addNumber(form,
                            {QStringLiteral("lambda.provisioned.shareOfRequests"), std::nullopt, provisioned,
                             [](const OptionSpec &o) {
                                 const auto &pc = o.as<Models::LambdaSpec>().provisionedConcurrency;
                                 return pc ? present(pc->shareOfRequests) : Shown();
                             },
                             [](OptionSpec &o, std::optional<double> v) {
                                 if (auto &pc = o.as<Models::LambdaSpec>().provisionedConcurrency)
                                     pc->shareOfRequests = v;
                             }},
                            tr("Share of requests:"), Models::Rules::ProvisionedShare, QString(),
                            tr("The fraction (0 to 1) of the requests that run on the provisioned environments, "
                               "billed at the provisioned duration rate. Empty: the traffic of the hours they "
                               "are enabled, at most what they can serve."));
    share->setOptional(true);
    share->setPlaceholder(tr("by traffic"));
}

void OptionEditor::buildFargateGroup()
{
    m_fargateBox = new QGroupBox(tr("AWS Fargate task"), this);
    QFormLayout *form = newForm(m_fargateBox, m_forms);
    const Applies fargate = onPlatform(Platform::Fargate);

    addChoice(form,
              {QStringLiteral("fargate.os"), fargate, [](const OptionSpec &o) { return qs(o.as<Models::FargateSpec>().os); },
               [](OptionSpec &o, const QString &v) { o.as<Models::FargateSpec>().os = v.toStdString(); }},
              tr("&Operating system:"), {{QStringLiteral("linux"), tr("Linux")}, {QStringLiteral("windows"), tr("Windows")}},
              tr("Windows tasks pay a licence fee per vCPU-hour and need at least 1 vCPU. Default: Linux."));
    addChoice(form,
              {QStringLiteral("fargate.architecture"), fargate,
               [](const OptionSpec &o) { return qs(o.as<Models::FargateSpec>().architecture); },
               [](OptionSpec &o, const QString &v) { o.as<Models::FargateSpec>().architecture = v.toStdString(); }},
              tr("&Architecture:"), {{QStringLiteral("x86_64"), QStringLiteral("x86_64")}, {QStringLiteral("arm64"), tr("arm64 (Graviton)")}},
              tr("The processor of the task; arm64 (Graviton) costs about 20% less. Default: x86_64."));
    addNumber(form,
              {QStringLiteral("fargate.taskVcpu"), std::nullopt, fargate, [](const OptionSpec &o) { return present(o.as<Models::FargateSpec>().taskVcpu); },
               [](OptionSpec &o, std::optional<double> v) { o.as<Models::FargateSpec>().taskVcpu = v.value_or(o.as<Models::FargateSpec>().taskVcpu); }},
              tr("Task &vCPU:"), Models::Rules::TaskVcpu, tr("vCPU"),
              tr("The vCPUs of one task: 0.25, 0.5, 1, 2, 4, 8 or 16. AWS bills them per vCPU-hour."));
    addNumber(form,
              {QStringLiteral("fargate.taskMemoryGb"), std::nullopt, fargate,
               [](const OptionSpec &o) { return present(o.as<Models::FargateSpec>().taskMemoryGb); },
               [](OptionSpec &o, std::optional<double> v) { o.as<Models::FargateSpec>().taskMemoryGb = v.value_or(o.as<Models::FargateSpec>().taskMemoryGb); }},
              tr("Task memor&y:"), Models::Rules::TaskMemoryGb, tr("GB"),
              tr("The memory of one task; only the sizes AWS offers for the vCPUs chosen. AWS bills it per GB-hour."));
    m_fargateHint = newHint(m_fargateBox);
    m_fargateHint->setStyleSheet(QStringLiteral("color: #b26a00;"));
    form->addRow(QString(), m_fargateHint);
    addFlag(form,
            {QStringLiteral("fargate.spot"), fargate, [](const OptionSpec &o) { return o.as<Models::FargateSpec>().spot; },
             [](OptionSpec &o, bool v) { o.as<Models::FargateSpec>().spot = v; }},
            tr("Fargate &Spot"),
            tr("Run on spare capacity at a discount; AWS may stop a task with two minutes' notice. Linux x86_64 only."));
    auto *spotDiscount = addNumber(form,
                                   {QStringLiteral("fargate.spotDiscount"), std::nullopt, fargate,
                                    [](const OptionSpec &o) { return present(o.as<Models::FargateSpec>().spotDiscount); },
                                    [](OptionSpec &o, std::optional<double> v) { o.as<Models::FargateSpec>().spotDiscount = v; }},
                                   tr("Spot &discount:"), Models::Rules::SpotDiscount, tr("off"),
                                   tr("The fraction off the on-demand rates (0.7 is 70% off), for price sheets without "
                                      "Fargate Spot rates. The sheet's Spot rates win when it has them."));
    spotDiscount->setOptional(true);
    auto *ephemeral = addNumber(form,
                                {QStringLiteral("fargate.ephemeralStorageGb"), 20.0, fargate,
                                 [](const OptionSpec &o) { return present(o.as<Models::FargateSpec>().ephemeralStorageGb); },
                                 [](OptionSpec &o, std::optional<double> v) { o.as<Models::FargateSpec>().ephemeralStorageGb = v.value_or(20); }},
                                tr("&Ephemeral storage:"), Models::Rules::FargateEphemeralGb, tr("GB"),
                                tr("The task's storage, 20 to 200 GB; AWS bills what is above the included 20 GB per "
                                   "GB-hour. Default: 20 GB."));
    ephemeral->setOptional(true);
    ephemeral->setPlaceholder(QStringLiteral("20"));
}

void OptionEditor::buildEc2Group()
{
    m_ec2Box = new QGroupBox(tr("Amazon EC2"), this);
    QFormLayout *form = newForm(m_ec2Box, m_forms);
    const Applies ec2 = onPlatform(Platform::Ec2);

    m_instanceType = new QComboBox(m_ec2Box);
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
    m_instanceTypeMessage = newErrorLabel(m_ec2Box);
    QWidget *typeRow = withMessage(m_ec2Box, m_instanceType, m_instanceTypeMessage);
    m_instanceTypeHint = newHint(typeRow);
    typeRow->layout()->addWidget(m_instanceTypeHint);
    form->addRow(tr("Instance &type:"), typeRow);
    form->labelForField(typeRow)->setToolTip(typeTip);
    addField(QStringLiteral("ec2.instanceType"), m_instanceType, tr("Instance type"));
    connect(m_instanceType->lineEdit(), &QLineEdit::textEdited, this, &OptionEditor::onInstanceTypeEdited);
    connect(m_instanceType->lineEdit(), &QLineEdit::editingFinished, this, &OptionEditor::onInstanceTypeFinished);
    connect(m_instanceType, &QComboBox::activated, this, &OptionEditor::onInstanceTypeChosen);
    connect(m_instanceType, &QComboBox::currentIndexChanged, this, &OptionEditor::onInstanceTypeChosen);

    addChoice(form,
              {QStringLiteral("ec2.os"), ec2, [](const OptionSpec &o) { return qs(o.as<Models::Ec2Spec>().os); },
               [](OptionSpec &o, const QString &v) { o.as<Models::Ec2Spec>().os = v.toStdString(); }},
              tr("&Operating system:"), {{QStringLiteral("linux"), tr("Linux")}, {QStringLiteral("windows"), tr("Windows")}},
              tr("The operating system; Windows instances include the licence in their hourly price. Default: Linux."));
    addChoice(form,
              {QStringLiteral("ec2.purchase"), ec2, [](const OptionSpec &o) { return purchaseKey(o.as<Models::Ec2Spec>().purchase); },
               [](OptionSpec &o, const QString &v) { o.as<Models::Ec2Spec>().purchase = purchaseFromKey(v); }},
              tr("&Purchase:"), {{QStringLiteral("on-demand"), tr("On-demand")}, {QStringLiteral("spot"), tr("Spot")}},
              tr("On-demand bills the list price per hour; Spot runs on spare capacity at a discount and may be "
                 "interrupted. Default: on-demand."));
    auto *spotHourly = addNumber(form,
                                 {QStringLiteral("ec2.spotHourly"), std::nullopt, ec2,
                                  [](const OptionSpec &o) { return present(o.as<Models::Ec2Spec>().spotHourly); },
                                  [](OptionSpec &o, std::optional<double> v) { o.as<Models::Ec2Spec>().spotHourly = v; }},
                                 tr("Spot price:"), Models::Rules::SpotHourly, tr("$/h"),
                                 tr("The spot price per instance-hour, for sheets without one for the type; the "
                                    "sheet's spot price wins when it has one."));
    spotHourly->setOptional(true);
    auto *spotDiscount = addNumber(form,
                                   {QStringLiteral("ec2.spotDiscount"), std::nullopt, ec2,
                                    [](const OptionSpec &o) { return present(o.as<Models::Ec2Spec>().spotDiscount); },
                                    [](OptionSpec &o, std::optional<double> v) { o.as<Models::Ec2Spec>().spotDiscount = v; }},
                                   tr("Spot &discount:"), Models::Rules::SpotDiscount, tr("off"),
                                   tr("The fraction off the on-demand price (0.7 is 70% off), used when neither the "
                                      "sheet nor the spot price field gives a spot price. Empty: the Spot Instance "
                                      "Advisor's average saving for the type."));
    spotDiscount->setOptional(true);
    auto *base = addNumber(form,
                           {QStringLiteral("ec2.onDemandBase"), std::nullopt, ec2,
                            [](const OptionSpec &o) { return present(o.as<Models::Ec2Spec>().onDemandBase); },
                            [](OptionSpec &o, std::optional<double> v) { o.as<Models::Ec2Spec>().onDemandBase = v; }},
                           tr("On-demand &base:"), Models::Rules::Count, tr("instances"),
                           tr("A mixed fleet, as an Auto Scaling group's instances distribution: the first N "
                              "instances run on-demand. Empty: 0."));
    base->setOptional(true);
    base->setPlaceholder(QStringLiteral("0"));
    auto *above = addNumber(form,
                            {QStringLiteral("ec2.onDemandPercentAboveBase"), std::nullopt, ec2,
                             [](const OptionSpec &o) { return present(o.as<Models::Ec2Spec>().onDemandPercentAboveBase); },
                             [](OptionSpec &o, std::optional<double> v) { o.as<Models::Ec2Spec>().onDemandPercentAboveBase = v; }},
                            tr("On-demand &above base:"), Models::Rules::OnDemandPercent, tr("%"),
                            tr("The on-demand share of the instances above the base, rounded up; the rest run on "
                               "Spot. Empty: 100% for on-demand purchase, 0% for Spot."));
    above->setOptional(true);
}

void OptionEditor::buildEcsTasksGroup()
{
    m_ecsTasksBox = new QGroupBox(tr("ECS tasks"), this);
    QFormLayout *form = newForm(m_ecsTasksBox, m_forms);

    auto *row = new QWidget(m_ecsTasksBox);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    m_groupChoice = new QComboBox(row);
    m_groupChoice->setToolTip(tr("The task group (an ECS service) the fields below and the fleet edit. All groups "
                                 "are packed onto the same instances."));
    m_addGroup = new QPushButton(tr("Add"), row);
    m_addGroup->setToolTip(tr("Add a task group: another service sharing the cluster."));
    m_removeGroup = new QPushButton(tr("Remove"), row);
    m_removeGroup->setToolTip(tr("Remove the task group shown; a cluster keeps at least one."));
    h->addWidget(m_groupChoice, 1);
    h->addWidget(m_addGroup);
    h->addWidget(m_removeGroup);
    row->setFocusProxy(m_groupChoice);
    form->addRow(tr("&Group:"), row);
    form->labelForField(row)->setToolTip(m_groupChoice->toolTip());
    addField(QStringLiteral("ecs.group"), m_groupChoice, tr("Group"));
    addField(QStringLiteral("ecs.addGroup"), m_addGroup, tr("Add task group"));
    addField(QStringLiteral("ecs.removeGroup"), m_removeGroup, tr("Remove task group"));
    m_titles.insert(QStringLiteral("ecs.taskGroups"), tr("Task groups"));
    connect(m_groupChoice, &QComboBox::currentIndexChanged, this, &OptionEditor::onGroupChosen);
    connect(m_addGroup, &QPushButton::clicked, this, &OptionEditor::addTaskGroup);
    connect(m_removeGroup, &QPushButton::clicked, this, &OptionEditor::removeTaskGroup);

    m_groupName = new QLineEdit(m_ecsTasksBox);
    m_groupNameMessage = newErrorLabel(m_ecsTasksBox);
    m_groupName->setToolTip(tr("The group's name in results; the file keeps it when the option has several groups."));
    QWidget *nameRow = withMessage(m_ecsTasksBox, m_groupName, m_groupNameMessage);
    form->addRow(tr("N&ame:"), nameRow);
    form->labelForField(nameRow)->setToolTip(m_groupName->toolTip());
    addField(QStringLiteral("ecs.groupName"), m_groupName, tr("Name"));
    connect(m_groupName, &QLineEdit::textEdited, this, &OptionEditor::onGroupNameEdited);

    const Applies group = [this](const OptionSpec &o) {
        return o.platform == Platform::EcsEc2 && m_group < static_cast<int>(o.as<Models::EcsEc2Spec>().taskGroups.size());
    };
    const auto at = [this](const OptionSpec &o) -> const Models::TaskGroup & { return o.as<Models::EcsEc2Spec>().taskGroups[static_cast<std::size_t>(m_group)]; };
    const auto atMut = [this](OptionSpec &o) -> Models::TaskGroup & { return o.as<Models::EcsEc2Spec>().taskGroups[static_cast<std::size_t>(m_group)]; };
    addNumber(form,
              {QStringLiteral("ecs.taskVcpu"), std::nullopt, group, [at](const OptionSpec &o) { return present(at(o).taskVcpu); },
               [atMut](OptionSpec &o, std::optional<double> v) { atMut(o).taskVcpu = v.value_or(atMut(o).taskVcpu); }},
              tr("Task &vCPU:"), Models::Rules::TaskVcpu, tr("vCPU"),
              tr("The vCPUs one task reserves on its instance (1024 CPU units are 1 vCPU)."));
    addNumber(form,
              {QStringLiteral("ecs.taskMemoryMb"), std::nullopt, group,
               [at](const OptionSpec &o) { return present(at(o).taskMemoryMb); },
               [atMut](OptionSpec &o, std::optional<double> v) { atMut(o).taskMemoryMb = v.value_or(atMut(o).taskMemoryMb); }},
              tr("Task memor&y:"), Models::Rules::TaskMemoryMib, tr("MiB"),
              tr("The memory one task reserves on its instance."));
}

void OptionEditor::buildFleetGroup()
{
    m_fleetBox = new QGroupBox(tr("Fleet"), this);
    m_fleetForm = newForm(m_fleetBox, m_forms);
    QFormLayout *form = m_fleetForm;
    const Applies fleet = [this](const OptionSpec &o) { return fleetOf(o) != nullptr; };

    m_fleetMode = new QComboBox(m_fleetBox);
    m_fleetMode->addItem(tr("Fixed count"), FixedMode);
    m_fleetMode->addItem(tr("Derived from the workload"), DerivedMode);
    m_fleetMode->setToolTip(tr("A fixed number of units all month, or as many as the workload needs hour by "
                               "hour (concurrency = rate x duration, over capacity x target utilization)."));
    form->addRow(tr("&Fleet:"), m_fleetMode);
    form->labelForField(m_fleetMode)->setToolTip(m_fleetMode->toolTip());
    addField(QStringLiteral("fleet.mode"), m_fleetMode, tr("Fleet sizing"));
    connect(m_fleetMode, &QComboBox::currentIndexChanged, this, &OptionEditor::onFleetModeChanged);

    addNumber(form,
              {QStringLiteral("fleet.count"), std::nullopt, fleet,
               [this](const OptionSpec &o) {
                   const FleetSpec *f = fleetOf(o);
                   return f && f->isFixed() ? present(f->fixedCount) : Shown();
               },
               [this](OptionSpec &o, std::optional<double> v) {
                   if (FleetSpec *f = fleetOf(o); f && f->isFixed() && v)
                       f->fixedCount = v;
               }},
              tr("&Tasks:"), Models::Rules::Count, QString(), tr("How many run all month, whatever the traffic."));

    m_capacityKind = new QComboBox(m_fleetBox);
    m_capacityKind->addItem(tr("Concurrent requests"), ConcurrentKind);
    m_capacityKind->addItem(tr("Requests per second"), RateKind);
    m_capacityKind->setToolTip(tr("How the capacity of one unit is measured: requests it runs at once, or "
                                  "requests it completes per second."));
    form->addRow(tr("&Capacity in:"), m_capacityKind);
    form->labelForField(m_capacityKind)->setToolTip(m_capacityKind->toolTip());
    addField(QStringLiteral("fleet.capacityKind"), m_capacityKind, tr("Capacity in"));
    connect(m_capacityKind, &QComboBox::currentIndexChanged, this, &OptionEditor::onCapacityKindChanged);

    const QString capacityTip = tr("What one unit serves at 100% utilisation. Empty: as many concurrent requests as "
                                   "fit in its memory (unit memory / request memory, rounded down).");
    m_capacityFields = new QWidget(m_fleetBox);
    auto *v = new QVBoxLayout(m_capacityFields);
    v->setContentsMargins(0, 0, 0, 0);
    m_concurrentCapacity = new NumberField(Models::Rules::ConcurrentRequests, tr("requests"), m_capacityFields);
    m_rateCapacity = new NumberField(Models::Rules::RequestsPerSecond, tr("requests/s"), m_capacityFields);
    for (NumberField *field : {m_concurrentCapacity, m_rateCapacity}) {
        field->setOptional(true);
        field->setPlaceholder(tr("from memory"));
        field->setToolTip(capacityTip);
        v->addWidget(field);
        connect(field, &NumberField::valueEdited, this, &OptionEditor::onCapacityEdited);
    }
    m_concurrentCapacity->setObjectName(QStringLiteral("fleet.capacity"));
    m_rateCapacity->setObjectName(QStringLiteral("fleet.capacity.rate"));
    m_rateCapacity->setVisible(false);
    m_capacityFields->setFocusProxy(m_concurrentCapacity);
    form->addRow(tr("Per &task:"), m_capacityFields);
    form->labelForField(m_capacityFields)->setToolTip(capacityTip);
    m_titles.insert(QStringLiteral("fleet.capacity"), tr("Capacity"));

    auto *target = addNumber(form,
                             {QStringLiteral("fleet.targetUtilization"), 0.7, fleet,
                              [this](const OptionSpec &o) { return present(fleetOf(o)->targetUtilization); },
                              [this](OptionSpec &o, std::optional<double> v) { fleetOf(o)->targetUtilization = v.value_or(0.7); }},
                             tr("Target utili&zation:"), Models::Rules::TargetUtilization, QString(),
                             tr("How full a unit may run before another is added, as a fraction (0.7 is 70%), "
                                "headroom for bursts within the hour. Default: 0.7."));
    target->setOptional(true);
    target->setPlaceholder(QStringLiteral("0.7"));
    auto *minCount = addNumber(form,
                               {QStringLiteral("fleet.minCount"), 1.0, fleet,
                                [this](const OptionSpec &o) { return present(fleetOf(o)->minCount); },
                                [this](OptionSpec &o, std::optional<double> v) { fleetOf(o)->minCount = v.value_or(1); }},
                               tr("Mi&nimum:"), Models::Rules::Count, QString(),
                               tr("The fewest units that run, even with no traffic (two for availability across "
                                  "zones, say). Default: 1."));
    minCount->setOptional(true);
    minCount->setPlaceholder(QStringLiteral("1"));
    addChoice(form,
              {QStringLiteral("fleet.scaling"), fleet,
               [this](const OptionSpec &o) {
                   return fleetOf(o)->scaling == FleetSpec::Scaling::Peak ? QStringLiteral("peak") : QStringLiteral("hourly");
               },
               [this](OptionSpec &o, const QString &v) {
                   fleetOf(o)->scaling = v == QLatin1String("peak") ? FleetSpec::Scaling::Peak : FleetSpec::Scaling::Hourly;
               }},
              tr("Sca&ling:"), {{QStringLiteral("hourly"), tr("Hourly (follows the traffic)")}, {QStringLiteral("peak"), tr("Peak (busiest hour, all month)")}},
              tr("Hourly follows the hourly profile, as auto scaling does; Peak sizes the fleet for the busiest "
                 "hour and keeps it all month. Default: hourly."));
}

void OptionEditor::buildEcsClusterGroup()
{
    m_ecsClusterBox = new QGroupBox(tr("ECS cluster instances"), this);
    QFormLayout *form = newForm(m_ecsClusterBox, m_forms);
    const Applies ecs = onPlatform(Platform::EcsEc2);

    m_autoTypes = new QCheckBox(tr("Every type (auto)"), m_ecsClusterBox);
    m_autoTypes->setToolTip(tr("Let Costscape pick the cheapest type for the packing among all the sheet's types "
                               "of the region (\"instanceTypes\": \"auto\")."));
    form->addRow(tr("In&stance types:"), m_autoTypes);
    auto *types = new QWidget(m_ecsClusterBox);
    auto *v = new QVBoxLayout(types);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(3);
    m_typeFilter = new QLineEdit(types);
    m_typeFilter->setPlaceholderText(tr("Filter types (m7g, xlarge, ...)"));
    m_typeFilter->setClearButtonEnabled(true);
    m_typeFilter->setToolTip(tr("Shows only the types whose name contains the text; the checked ones stay chosen."));
    m_typeList = new QListWidget(types);
    m_typeList->setToolTip(tr("The candidate types: the tasks are packed onto the cheapest of them that holds them."));
    m_typeList->setMinimumHeight(120);
    m_typeList->setMaximumHeight(180);
    m_typeList->setUniformItemSizes(true);
    m_typeListMessage = newErrorLabel(types);
    // The ticked types are mostly scrolled out of sight in a long list: name them below it.
    m_typeSummary = newHint(types);
    v->addWidget(m_typeFilter);
    v->addWidget(m_typeList);
    v->addWidget(m_typeListMessage);
    v->addWidget(m_typeSummary);
    // Full width: the descriptions do not fit beside the labels in a narrow dock.
    form->addRow(types);
    form->labelForField(m_autoTypes)->setToolTip(m_typeList->toolTip());
    addField(QStringLiteral("ecs.autoInstanceTypes"), m_autoTypes, tr("Every instance type"));
    addField(QStringLiteral("ecs.instanceTypes"), m_typeList, tr("Instance types"));
    connect(m_autoTypes, &QCheckBox::toggled, this, &OptionEditor::onAutoInstanceTypesToggled);
    connect(m_typeList, &QListWidget::itemChanged, this, &OptionEditor::onInstanceTypeItemChanged);
    connect(m_typeFilter, &QLineEdit::textChanged, this, &OptionEditor::filterInstanceTypeList);

    addChoice(form,
              {QStringLiteral("ecs.os"), ecs, [](const OptionSpec &o) { return qs(o.as<Models::EcsEc2Spec>().os); },
               [](OptionSpec &o, const QString &v) { o.as<Models::EcsEc2Spec>().os = v.toStdString(); }},
              tr("&Operating system:"), {{QStringLiteral("linux"), tr("Linux")}, {QStringLiteral("windows"), tr("Windows")}},
              tr("The operating system of the instances; Windows includes the licence in the hourly price. "
                 "Default: Linux."));
    addChoice(form,
              {QStringLiteral("ecs.purchase"), ecs, [](const OptionSpec &o) { return purchaseKey(o.as<Models::EcsEc2Spec>().purchase); },
               [](OptionSpec &o, const QString &v) { o.as<Models::EcsEc2Spec>().purchase = purchaseFromKey(v); }},
              tr("&Purchase:"), {{QStringLiteral("on-demand"), tr("On-demand")}, {QStringLiteral("spot"), tr("Spot")}},
              tr("How the instances are bought. ECS itself costs nothing on EC2: the bill is the instances. "
                 "Default: on-demand."));
    auto *spotHourly = addNumber(form,
                                 {QStringLiteral("ecs.spotHourly"), std::nullopt, ecs,
                                  [](const OptionSpec &o) { return present(o.as<Models::EcsEc2Spec>().spotHourly); },
                                  [](OptionSpec &o, std::optional<double> v) { o.as<Models::EcsEc2Spec>().spotHourly = v; }},
                                 tr("Spot price:"), Models::Rules::SpotHourly, tr("$/h"),
                                 tr("The spot price per instance-hour for types the sheet has no spot price for."));
    spotHourly->setOptional(true);
    spotHourly->setPlaceholder(tr("not set"));
    auto *spotDiscount = addNumber(form,
                                   {QStringLiteral("ecs.spotDiscount"), std::nullopt, ecs,
                                    [](const OptionSpec &o) { return present(o.as<Models::EcsEc2Spec>().spotDiscount); },
                                    [](OptionSpec &o, std::optional<double> v) { o.as<Models::EcsEc2Spec>().spotDiscount = v; }},
                                   tr("Spot &discount:"), Models::Rules::SpotDiscount, tr("off"),
                                   tr("The fraction off on-demand (0.7 is 70% off) when neither the sheet nor the spot "
                                      "price gives one. Empty: each type's Spot Instance Advisor saving."));
    spotDiscount->setOptional(true);
    spotDiscount->setPlaceholder(tr("advisor"));
    auto *reserved = addNumber(form,
                               {QStringLiteral("ecs.reservedMemoryMb"), 256.0, ecs,
                                [](const OptionSpec &o) { return present(o.as<Models::EcsEc2Spec>().reservedMemoryMb); },
                                [](OptionSpec &o, std::optional<double> v) { o.as<Models::EcsEc2Spec>().reservedMemoryMb = v.value_or(256); }},
                               tr("&Reserved memory:"), Models::Rules::ReservedMemoryMib, tr("MiB"),
                               tr("Memory of each instance kept for the operating system and the ECS agent, not "
                                  "available to tasks. Default: 256 MiB."));
    reserved->setOptional(true);
    reserved->setPlaceholder(QStringLiteral("256"));
    addChoice(form,
              {QStringLiteral("ecs.placement"), ecs, [](const OptionSpec &o) { return placementKey(o.as<Models::EcsEc2Spec>().placement); },
               [](OptionSpec &o, const QString &v) { o.as<Models::EcsEc2Spec>().placement = placementFromKey(v); }},
              tr("Plac&ement:"),
              {{QStringLiteral("binpack-memory"), tr("Binpack memory")},
               {QStringLiteral("binpack-cpu"), tr("Binpack CPU")},
               {QStringLiteral("spread"), tr("Spread")}},
              tr("How tasks are placed: packed by memory (the default) or by CPU onto as few instances as possible, "
                 "or spread evenly."));
}

void OptionEditor::buildSpikeResponseGroup()
{
    m_spikeBox = new QGroupBox(this);
    auto *v = new QVBoxLayout(m_spikeBox);
    m_spikeToggle = new QToolButton(m_spikeBox);
    m_spikeToggle->setCheckable(true);
    m_spikeToggle->setAutoRaise(true);
    m_spikeToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_spikeToggle->setArrowType(Qt::RightArrow);
    m_spikeToggle->setToolTip(tr("How fast this option adds capacity when traffic jumps: the figures the spike "
                                 "timeline uses, with their sources. Used when the workload has a traffic spike."));
    addField(QStringLiteral("spike.toggle"), m_spikeToggle, tr("Spike response"));
    v->addWidget(m_spikeToggle);
    m_spikeContent = new QWidget(m_spikeBox);
    auto *content = new QVBoxLayout(m_spikeContent);
    content->setContentsMargins(0, 0, 0, 0);
    QLabel *hint = newHint(m_spikeContent);
    hint->setText(tr("Empty fields use the default shown; hover a field for where the default comes from."));
    content->addWidget(hint);
    auto *rows = new QWidget(m_spikeContent);
    // Not in m_forms: these labels are long and would widen the label column of every group.
    m_spikeForm = new QFormLayout(rows);
    m_spikeForm->setContentsMargins(0, 0, 0, 0);
    m_spikeForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_spikeForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_spikeForm->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    content->addWidget(rows);
    v->addWidget(m_spikeContent);
    connect(m_spikeToggle, &QToolButton::toggled, this, &OptionEditor::setSpikeResponseExpanded);
    setSpikeResponseExpanded(false);
}

void OptionEditor::setSpikeResponseExpanded(bool expanded)
{
    m_spikeToggle->setChecked(expanded);
    m_spikeToggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_spikeContent->setVisible(expanded);
}

void OptionEditor::showSpikeResponse(bool force)
{
    if (m_spikePlatform != m_option.platform) {
        // Another platform has other assumptions: new rows, none of the old keys apply.
        for (const SpikeRow &row : m_spikeRows) {
            const QString key = QStringLiteral("spike.") + qs(row.key);
            m_fields.remove(key);
            m_titles.remove(key);
        }
        while (m_spikeForm->rowCount() > 0)
            m_spikeForm->removeRow(0);
        m_spikeRows.clear();
        m_spikePlatform = m_option.platform;
        // NumberRule keeps a pointer to its unit: the set keeps the texts alive and unique.
        static std::set<std::string> units;
        for (const Models::ScalingAssumption &a : Models::scalingAssumptionDefaults(m_option.platform)) {
            NumberRule rule = a.max > a.min ? NumberRule{a.min, a.max, false, a.integer, units.insert(a.unit).first->c_str()}
                                            : NumberRule::nonNegative(units.insert(a.unit).first->c_str());
            auto *field = new NumberField(rule, qs(a.unit), m_spikeForm->parentWidget());
            field->setOptional(true);
            field->setPlaceholder(tr("%1 (default)").arg(QLocale::c().toString(a.value, 'g', 10)));
            const QString label = qs(a.label);
            // Rich text, so that the long source (a URL and what it says) wraps in the tooltip.
            const QString tip = QStringLiteral("<p><b>%1</b></p>").arg(label.toHtmlEscaped())
                + (a.source.empty() ? QString() : QStringLiteral("<p>%1</p>").arg(tr("Default from: %1").arg(qs(a.source)).toHtmlEscaped()));
            field->setToolTip(tip);
            m_spikeForm->addRow(label + QLatin1Char(':'), field);
            if (QWidget *l = m_spikeForm->labelForField(field))
                l->setToolTip(tip);
            const QString key = QStringLiteral("spike.") + qs(a.key);
            addField(key, field, label);
            m_spikeRows.push_back({a.key, field});
            connect(field, &NumberField::valueEdited, this, [this, key = a.key, fieldKey = key](std::optional<double> value) {
                if (m_updating)
                    return;
                OptionSpec next = m_option;
                if (value)
                    next.scalingOverrides[key] = *value;
                else
                    next.scalingOverrides.erase(key);
                commit(next, fieldKey);
            });
        }
        force = true;
    }
    int changed = 0;
    for (const SpikeRow &row : m_spikeRows) {
        const auto it = m_option.scalingOverrides.find(row.key);
        const std::optional<double> value = it != m_option.scalingOverrides.end() ? std::optional<double>(it->second) : std::nullopt;
        changed += value ? 1 : 0;
        // A refused value is the user's unfinished typing: leave it for them to fix.
        if (!force && !row.field->isValid())
            continue;
        if (force || row.field->value() != value)
            row.field->setValue(value);
    }
    m_spikeToggle->setText(changed == 0 ? tr("Spike response") : tr("Spike response (%n changed)", nullptr, changed));
}

// ---------------------------------------------------------------------------------------------
// Public API

void OptionEditor::setOption(const OptionSpec &option, std::shared_ptr<const Pricing::PriceSheet> sheet, const QString &region)
{
    const bool same = m_shown && option.id == m_option.id && option.platform == m_option.platform;
    const bool sheetChanged = !m_shown || sheet != m_sheet || region != m_region;
    m_option = option;
    m_shown = true;
    m_sheet = std::move(sheet);
    m_region = region;
    if (!same) {
        m_group = 0;
        m_typeFilter->clear();
    }
    QScopedValueRollback guard(m_updating, true);
    if (sheetChanged)
        rebuildInstanceTypes();
    showOption(!same);
    // The type lists were rebuilt for another sheet or region: show the option's types in them again.
    if (sheetChanged && same) {
        if (m_option.platform == Platform::Ec2)
            showInstanceTypeCombo(true);
        if (m_option.platform == Platform::EcsEc2)
            showInstanceTypeList(true);
    }
}

void OptionEditor::setWorkloadDefaults(double hoursPerMonth, double durationMs, double memoryMb)
{
    m_workloadHours = hoursPerMonth;
    m_workloadDurationMs = durationMs;
    m_workloadMemoryMb = memoryMb;
    updateHints();
}

void OptionEditor::setTakenIds(const QStringList &ids)
{
    m_takenIds = ids;
}

NumberField *OptionEditor::numberField(const QString &field) const
{
    if (field == QLatin1String("fleet.capacity"))
        return capacityField(m_capacityKind->currentData().toString() == RateKind ? Capacity::Kind::RequestsPerSecond
                                                                                   : Capacity::Kind::ConcurrentRequests);
    return qobject_cast<NumberField *>(m_fields.value(field));
}

QComboBox *OptionEditor::comboBox(const QString &field) const
{
    return qobject_cast<QComboBox *>(m_fields.value(field));
}

QCheckBox *OptionEditor::checkBox(const QString &field) const
{
    return qobject_cast<QCheckBox *>(m_fields.value(field));
}

QLineEdit *OptionEditor::lineEdit(const QString &field) const
{
    return qobject_cast<QLineEdit *>(m_fields.value(field));
}

QListWidget *OptionEditor::listWidget(const QString &field) const
{
    return qobject_cast<QListWidget *>(m_fields.value(field));
}

QAbstractButton *OptionEditor::button(const QString &field) const
{
    return qobject_cast<QAbstractButton *>(m_fields.value(field));
}

QString OptionEditor::fieldError(const QString &field) const
{
    if (NumberField *n = numberField(field))
        return n->errorText();
    return m_marks.value(field);
}

QString OptionEditor::fieldTitle(const QString &field) const
{
    return m_titles.value(field, field);
}

// ---------------------------------------------------------------------------------------------
// Showing the spec

void OptionEditor::showOption(bool force)
{
    QScopedValueRollback guard(m_updating, true);
    if (force) {
        for (const auto &[key, editor, message] :
             {std::tuple{QStringLiteral("id"), static_cast<QWidget *>(m_id), m_idMessage},
              std::tuple{QStringLiteral("ec2.instanceType"), static_cast<QWidget *>(m_instanceType), m_instanceTypeMessage},
              std::tuple{QStringLiteral("ecs.groupName"), static_cast<QWidget *>(m_groupName), m_groupNameMessage},
              std::tuple{QStringLiteral("ecs.instanceTypes"), static_cast<QWidget *>(m_typeList), m_typeListMessage}})
            markField(editor, message, key, {});
    }
    m_platform->setText(QStringLiteral("%1 (%2)").arg(QString::fromUtf8(Models::platformTitle(m_option.platform)),
                                                     QString::fromUtf8(Models::platformName(m_option.platform))));
    const QString id = qs(m_option.id);
    if ((force || m_marks.value(QStringLiteral("id")).isEmpty()) && m_id->text() != id)
        m_id->setText(id);

    // The task group first: the fields below read the group it picks.
    showTaskGroups(force);
    for (const NumberBinding &b : m_numbers)
        showNumber(b, force);
    for (const ChoiceBinding &b : m_choices) {
        if (!b.applies(m_option))
            continue;
        const int index = b.combo->findData(b.get(m_option));
        if (index != b.combo->currentIndex())
            b.combo->setCurrentIndex(index);
    }
    for (const FlagBinding &b : m_flags) {
        if (b.applies(m_option) && b.check->isChecked() != b.get(m_option))
            b.check->setChecked(b.get(m_option));
    }
    if (m_option.platform == Platform::Lambda)
        m_provisioned->setChecked(m_option.as<Models::LambdaSpec>().provisionedConcurrency.has_value());
    showFleet(force);
    if (m_option.platform == Platform::Ec2)
        showInstanceTypeCombo(force);
    if (m_option.platform == Platform::EcsEc2)
        showInstanceTypeList(force);
    showSpikeResponse(force);
    updateRows();
    updateHints();
}

void OptionEditor::showNumber(const NumberBinding &b, bool force)
{
    if (!b.applies(m_option))
        return;
    const Shown value = b.get(m_option);
    NumberField *field = b.field;
    if (!value) {
        if (force)
            field->setValue(std::nullopt);
        return;
    }
    // A refused value is the user's unfinished typing: leave it for them to fix.
    if (!force && !field->isValid())
        return;
    std::optional<double> shown = field->value();
    if (!shown && b.fallback)
        shown = b.fallback;
    if (force || shown != *value)
        field->setValue(*value);
}

void OptionEditor::showTaskGroups(bool force)
{
    if (m_option.platform != Platform::EcsEc2)
        return;
    const auto &groups = m_option.as<Models::EcsEc2Spec>().taskGroups;
    const int n = static_cast<int>(groups.size());
    m_group = std::clamp(m_group, 0, std::max(0, n - 1));
    bool namesDiffer = m_groupChoice->count() != n;
    for (int i = 0; i < n && !namesDiffer; ++i)
        namesDiffer = m_groupChoice->itemText(i) != qs(groups[static_cast<std::size_t>(i)].name);
    if (namesDiffer) {
        m_groupChoice->clear();
        for (const auto &g : groups)
            m_groupChoice->addItem(qs(g.name));
    }
    if (m_groupChoice->currentIndex() != (n > 0 ? m_group : -1))
        m_groupChoice->setCurrentIndex(n > 0 ? m_group : -1);
    const QString name = n > 0 ? qs(groups[static_cast<std::size_t>(m_group)].name) : QString();
    if ((force || m_marks.value(QStringLiteral("ecs.groupName")).isEmpty()) && m_groupName->text() != name)
        m_groupName->setText(name);
    m_groupName->setEnabled(n > 0);
}

void OptionEditor::showFleet(bool force)
{
    const FleetSpec *f = fleetOf(m_option);
    if (!f)
        return;
    const int mode = m_fleetMode->findData(f->isFixed() ? FixedMode : DerivedMode);
    if (m_fleetMode->currentIndex() != mode)
        m_fleetMode->setCurrentIndex(mode);
    if (f->capacity) {
        const bool rate = f->capacity->kind == Capacity::Kind::RequestsPerSecond;
        const int kind = m_capacityKind->findData(rate ? RateKind : ConcurrentKind);
        if (m_capacityKind->currentIndex() != kind)
            m_capacityKind->setCurrentIndex(kind);
        NumberField *field = capacityField(f->capacity->kind);
        if ((force || field->isValid()) && (force || field->value() != f->capacity->value))
            field->setValue(f->capacity->value);
        if (force)
            capacityField(rate ? Capacity::Kind::ConcurrentRequests : Capacity::Kind::RequestsPerSecond)->setValue(f->capacity->value);
    } else if (force) {
        m_capacityKind->setCurrentIndex(0);
        m_concurrentCapacity->setValue(std::nullopt);
        m_rateCapacity->setValue(std::nullopt);
    } else if (!f->isFixed()) {
        // A fixed fleet keeps the capacity boxes as they are, for switching back to derived.
        NumberField *field = numberField(QStringLiteral("fleet.capacity"));
        if (field->isValid() && field->value())
            field->setValue(std::nullopt);
    }
}

void OptionEditor::showInstanceTypeCombo(bool force)
{
    const QString wanted = qs(m_option.as<Models::Ec2Spec>().instanceType);
    const QString typed = typeNameOf(m_instanceType->currentText());
    if (!force) {
        // Unfinished or refused typing stays until the user fixes it.
        if (!m_marks.value(QStringLiteral("ec2.instanceType")).isEmpty())
            return;
        const QString accepted = knownInstanceType(typed);
        if (accepted.isEmpty() && !typed.isEmpty())
            return;
        if (accepted == wanted)
            return;
    }
    QScopedValueRollback guard(m_updating, true);
    const int index = m_instanceType->findData(wanted);
    if (index >= 0) {
        m_instanceType->setCurrentIndex(index);
        m_instanceType->setEditText(wanted);
    } else {
        m_instanceType->setCurrentIndex(-1);
        m_instanceType->setEditText(wanted);
    }
    markField(m_instanceType, m_instanceTypeMessage, QStringLiteral("ec2.instanceType"), {});
}

void OptionEditor::showInstanceTypeList(bool force)
{
    const auto &ecs = m_option.ecs;
    if (m_autoTypes->isChecked() != ecs.autoInstanceTypes)
        m_autoTypes->setChecked(ecs.autoInstanceTypes);
    if (!force && !m_marks.value(QStringLiteral("ecs.instanceTypes")).isEmpty())
        return;
    QScopedValueRollback guard(m_updating, true);
    QStringList missing;
    for (const std::string &t : ecs.instanceTypes)
        missing << qs(t);
    for (int i = 0; i < m_typeList->count(); ++i) {
        QListWidgetItem *item = m_typeList->item(i);
        const QString name = item->data(Qt::UserRole).toString();
        const bool on = missing.removeAll(name) > 0;
        const Qt::CheckState state = on ? Qt::Checked : Qt::Unchecked;
        if (item->checkState() != state)
            item->setCheckState(state);
    }
    // Candidates the sheet lacks stay visible (and can be unticked); the evaluator reports them.
    for (const QString &name : missing) {
        auto *item = new QListWidgetItem(tr("%1 — not in the price sheet for %2").arg(name, m_region));
        item->setData(Qt::UserRole, name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        item->setForeground(QColor(ErrorColor));
        m_typeList->insertItem(0, item);
    }
    markField(m_typeList, m_typeListMessage, QStringLiteral("ecs.instanceTypes"), {});
}

void OptionEditor::rebuildInstanceTypes()
{
    QScopedValueRollback guard(m_updating, true);
    std::vector<const Pricing::Ec2InstanceType *> types;
    if (const Pricing::RegionPrices *r = regionPrices())
        for (const auto &[name, type] : r->ec2)
            types.push_back(&type);
    // By family, then size: "m5.large, m5.xlarge, m5.2xlarge", not the alphabet's "m5.12xlarge" first.
    std::sort(types.begin(), types.end(), [](const Pricing::Ec2InstanceType *a, const Pricing::Ec2InstanceType *b) {
        return std::tuple(a->family(), a->vcpu, a->memoryGib, a->name) < std::tuple(b->family(), b->vcpu, b->memoryGib, b->name);
    });

    const QString typed = m_instanceType->currentText();
    m_instanceType->clear();
    for (const auto *type : types)
        m_instanceType->addItem(instanceTypeText(*type), qs(type->name));
    m_instanceType->setCurrentIndex(-1);
    m_instanceType->setEditText(typed);

    m_typeList->clear();
    for (const auto *type : types) {
        auto *item = new QListWidgetItem(instanceTypeText(*type), m_typeList);
        item->setData(Qt::UserRole, qs(type->name));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    filterInstanceTypeList(m_typeFilter->text());
}

void OptionEditor::updateRows()
{
    const Platform p = m_option.platform;
    m_lambdaBox->setVisible(p == Platform::Lambda);
    m_fargateBox->setVisible(p == Platform::Fargate);
    m_ec2Box->setVisible(p == Platform::Ec2);
    m_ecsTasksBox->setVisible(p == Platform::EcsEc2);
    m_ecsClusterBox->setVisible(p == Platform::EcsEc2);
    m_fleetBox->setVisible(fleetOf(m_option) != nullptr);

    m_optionForm->setRowVisible(m_memoryHint, p == Platform::Lambda);
    const QString memoryKey = QStringLiteral("memoryMb");
    setRowLabel(m_optionForm, m_fields.value(memoryKey), memoryKey,
                p == Platform::Lambda ? tr("&Memory:") : tr("&Memory per request:"));

    const bool instances = p == Platform::Ec2;
    setRowLabel(m_fleetForm, m_fields.value(QStringLiteral("fleet.count")), QStringLiteral("fleet.count"),
                instances ? tr("I&nstances:") : tr("&Tasks:"));
    setRowLabel(m_fleetForm, m_capacityFields, QStringLiteral("fleet.capacity"), instances ? tr("Per in&stance:") : tr("Per &task:"));
    if (p == Platform::EcsEc2 && m_option.as<Models::EcsEc2Spec>().taskGroups.size() > 1)
        m_fleetBox->setTitle(tr("Fleet of %1").arg(m_groupChoice->currentText()));
    else
        m_fleetBox->setTitle(instances ? tr("Fleet of instances") : tr("Fleet of tasks"));

    const bool fixed = m_fleetMode->currentData().toString() == FixedMode;
    m_fleetForm->setRowVisible(m_fields.value(QStringLiteral("fleet.count")), fixed);
    m_fleetForm->setRowVisible(m_capacityKind, !fixed);
    m_fleetForm->setRowVisible(m_capacityFields, !fixed);
    m_fleetForm->setRowVisible(m_fields.value(QStringLiteral("fleet.targetUtilization")), !fixed);
    m_fleetForm->setRowVisible(m_fields.value(QStringLiteral("fleet.minCount")), !fixed);
    m_fleetForm->setRowVisible(m_fields.value(QStringLiteral("fleet.scaling")), !fixed);
    const bool rate = m_capacityKind->currentData().toString() == RateKind;
    m_concurrentCapacity->setVisible(!rate);
    m_rateCapacity->setVisible(rate);
    m_capacityFields->setFocusProxy(rate ? m_rateCapacity : m_concurrentCapacity);

    const bool provisioned = m_provisioned->isChecked();
    for (const char *key : {"lambda.provisioned.count", "lambda.provisioned.hoursPerMonth", "lambda.provisioned.shareOfRequests"})
        m_fields.value(QLatin1String(key))->setEnabled(provisioned);
    m_fields.value(QStringLiteral("fargate.spotDiscount"))->setEnabled(checkBox(QStringLiteral("fargate.spot"))->isChecked());
    const bool ecsSpot = comboBox(QStringLiteral("ecs.purchase"))->currentData().toString() == QLatin1String("spot");
    m_fields.value(QStringLiteral("ecs.spotHourly"))->setEnabled(ecsSpot);
    m_fields.value(QStringLiteral("ecs.spotDiscount"))->setEnabled(ecsSpot);
    m_typeList->setEnabled(!m_autoTypes->isChecked());
    m_typeFilter->setEnabled(!m_autoTypes->isChecked());
    m_removeGroup->setEnabled(m_option.as<Models::EcsEc2Spec>().taskGroups.size() > 1);
    alignLabels();
}

void OptionEditor::alignLabels()
{
    // One label column for all the groups shown, so that the fields line up down the form.
    std::vector<QWidget *> labels;
    int width = 0;
    for (QFormLayout *form : m_forms) {
        const bool shown = form->parentWidget()->isVisibleTo(this);
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole);
            QWidget *label = item ? item->widget() : nullptr;
            if (!label)
                continue;
            labels.push_back(label);
            if (shown && form->isRowVisible(row))
                width = std::max(width, label->sizeHint().width());
        }
    }
    for (QWidget *label : labels)
        label->setMinimumWidth(width);
}

void OptionEditor::updateHints()
{
    const QLocale c = QLocale::c();
    const auto number = [&c](double v) { return c.toString(v, 'g', 10); };
    numberField(QStringLiteral("hoursPerMonth"))->setPlaceholder(tr("%1 (scenario)").arg(number(m_workloadHours)));
    numberField(QStringLiteral("durationMs"))->setPlaceholder(tr("%1 (workload)").arg(number(m_workloadDurationMs)));
    numberField(QStringLiteral("memoryMb"))->setPlaceholder(tr("%1 (workload)").arg(number(m_workloadMemoryMb)));
    numberField(QStringLiteral("lambda.provisioned.hoursPerMonth"))
        ->setPlaceholder(tr("%1 (all month)").arg(number(m_option.hoursPerMonth.value_or(m_workloadHours))));

    const Pricing::PriceSheet *sheet = m_sheet.get();
    const std::string region = m_region.toStdString();
    // Fargate: say when AWS does not offer the size, since the evaluator can only call it infeasible.
    const auto &f = m_option.fargate;
    const std::string invalid = Models::FargateModel::invalidTaskSize(f.taskVcpu, f.taskMemoryGb, f.os);
    m_fargateHint->setText(invalid.empty() ? QString() : tr("AWS does not offer this task size: %1.").arg(qs(invalid)));
    m_fargateHint->setVisible(!invalid.empty() && m_option.platform == Platform::Fargate);
    const bool fargateSpotRates = sheet && sheet->fargate(region, "linux", "x86_64", true);
    numberField(QStringLiteral("fargate.spotDiscount"))->setPlaceholder(fargateSpotRates ? tr("sheet's Spot rates") : tr("not set"));

    // EC2: what applies when the spot fields are left empty.
    const auto &e = m_option.ec2;
    const auto sheetSpot = sheet ? sheet->ec2SpotHourly(region, e.instanceType, e.os) : std::nullopt;
    numberField(QStringLiteral("ec2.spotHourly"))->setPlaceholder(sheetSpot ? tr("%1 (sheet)").arg(number(*sheetSpot)) : tr("not set"));
    const Pricing::Ec2InstanceType *type = sheet ? sheet->ec2(region, e.instanceType) : nullptr;
    QString typeHint;
    if (type) {
        const int index = m_instanceType->findData(qs(type->name));
        typeHint = index >= 0 ? m_instanceType->itemText(index).section(QStringLiteral(" — "), 1) : QString();
        if (!type->interruption.empty())
            typeHint += tr("; Spot interruptions %1").arg(qs(type->interruption));
    }
    m_instanceTypeHint->setText(typeHint);
    // The hint describes the accepted type: under refused text it would describe something else.
    m_instanceTypeHint->setVisible(!typeHint.isEmpty() && m_marks.value(QStringLiteral("ec2.instanceType")).isEmpty());
    numberField(QStringLiteral("ec2.spotDiscount"))
        ->setPlaceholder(type && type->spotAdvisorSavingsPercent ? tr("%1 (advisor)").arg(number(*type->spotAdvisorSavingsPercent / 100))
                                                                 : tr("not set"));
    const auto &ecs = m_option.ecs;
    if (ecs.autoInstanceTypes) {
        const Pricing::RegionPrices *r = regionPrices();
        m_typeSummary->setText(tr("Candidates: all %n types of %1", nullptr, r ? static_cast<int>(r->as<Models::Ec2Spec>().size()) : 0).arg(m_region));
    } else {
        QStringList names;
        for (const std::string &t : ecs.instanceTypes)
            names << qs(t);
        m_typeSummary->setText(tr("Candidates: %1").arg(names.join(QStringLiteral(", "))));
    }

    numberField(QStringLiteral("ec2.onDemandPercentAboveBase"))
        ->setPlaceholder(e.purchase == Purchase::Spot ? QStringLiteral("0") : QStringLiteral("100"));
}

// ---------------------------------------------------------------------------------------------
// Edits

void OptionEditor::commit(const OptionSpec &next, const QString &field)
{
    if (sameOption(next, m_option)) {
        updateRows();
        return;
    }
    m_option = next;
    // A copy: the owner's slot usually calls setOption(), which reassigns m_option.
    const OptionSpec edited = m_option;
    Q_EMIT optionEdited(edited, field);
    // The owner usually answers with setOption(); if it does not, derived fields (the count a
    // switch to a fixed fleet filled in, the hints) must still follow.
    showOption(false);
}

void OptionEditor::markField(QWidget *editor, QLabel *message, const QString &key, const QString &error)
{
    if (m_marks.value(key) == error)
        return;
    if (error.isEmpty())
        m_marks.remove(key);
    else
        m_marks.insert(key, error);
    message->setText(error);
    message->setVisible(!error.isEmpty());
    editor->setToolTip(error.isEmpty() ? QString() : error);
    const QString type = QString::fromLatin1(editor->metaObject()->className());
    editor->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("%1 { border: 2px solid %2; }").arg(type, ErrorColor));
}

void OptionEditor::onIdEdited(const QString &text)
{
    QString error;
    if (text.trimmed().isEmpty())
        error = tr("an id is required");
    else if (m_takenIds.contains(text))
        error = tr("another option is called \"%1\"").arg(text);
    markField(m_id, m_idMessage, QStringLiteral("id"), error);
    if (!error.isEmpty())
        return;
    OptionSpec next = m_option;
    next.id = text.toStdString();
    commit(next, QStringLiteral("id"));
}

void OptionEditor::onInstanceTypeEdited(const QString &text)
{
    const QString typed = typeNameOf(text);
    const QString key = QStringLiteral("ec2.instanceType");
    QComboBox *edit = m_instanceType;
    if (typed.isEmpty()) {
        markField(edit, m_instanceTypeMessage, key, tr("an instance type is required"));
        return;
    }
    const QString known = knownInstanceType(typed);
    if (known.isEmpty()) {
        // Part of a name ("m5.l") is not an error yet; a name no type starts with is.
        bool prefix = false;
        for (int i = 0; i < m_instanceType->count() && !prefix; ++i)
            prefix = m_instanceType->itemData(i).toString().startsWith(typed, Qt::CaseInsensitive);
        markField(edit, m_instanceTypeMessage, key,
                  prefix ? QString() : tr("%1 is not in the price sheet for %2").arg(typed, m_region));
        return;
    }
    markField(edit, m_instanceTypeMessage, key, {});
    OptionSpec next = m_option;
    next.as<Models::Ec2Spec>().instanceType = known.toStdString();
    commit(next, key);
}

void OptionEditor::onInstanceTypeFinished()
{
    if (m_updating || m_option.platform != Platform::Ec2)
        return;
    const QString typed = typeNameOf(m_instanceType->currentText());
    const QString known = knownInstanceType(typed);
    if (typed.isEmpty())
        return; // marked as it was emptied
    if (known.isEmpty()) {
        markField(m_instanceType, m_instanceTypeMessage, QStringLiteral("ec2.instanceType"),
                  tr("%1 is not in the price sheet for %2").arg(typed, m_region));
        return;
    }
    // Finished typing a known name: spell it as the sheet does ("M5.LARGE" becomes "m5.large").
    if (m_instanceType->currentText() != known) {
        QScopedValueRollback guard(m_updating, true);
        m_instanceType->setEditText(known);
    }
}

void OptionEditor::onInstanceTypeChosen(int index)
{
    if (m_updating || index < 0 || m_option.platform != Platform::Ec2)
        return;
    markField(m_instanceType, m_instanceTypeMessage, QStringLiteral("ec2.instanceType"), {});
    const QString name = m_instanceType->itemData(index).toString();
    {
        // The list shows descriptions; the box shows the name, the description is the hint below.
        QScopedValueRollback guard(m_updating, true);
        m_instanceType->setEditText(name);
    }
    OptionSpec next = m_option;
    next.as<Models::Ec2Spec>().instanceType = name.toStdString();
    commit(next, QStringLiteral("ec2.instanceType"));
}

void OptionEditor::onFleetModeChanged(int)
{
    if (m_updating)
        return;
    OptionSpec next = m_option;
    FleetSpec *f = fleetOf(next);
    if (!f)
        return;
    if (m_fleetMode->currentData().toString() == FixedMode) {
        // Start from what the count box shows, else from the fleet's minimum.
        f->fixedCount = numberField(QStringLiteral("fleet.count"))->value().value_or(std::max(1.0, f->minCount));
        // A fixed fleet with a capacity is read with a warning ("not used"): keep it in the boxes only.
        f->capacity.reset();
    } else {
        f->fixedCount.reset();
        f->capacity = capacityFromFields();
    }
    updateRows();
    commit(next, QStringLiteral("fleet.mode"));
}

void OptionEditor::onCapacityKindChanged(int)
{
    if (m_updating)
        return;
    // The number carries over: what was typed is kept, only its unit changes.
    const bool rate = m_capacityKind->currentData().toString() == RateKind;
    NumberField *from = rate ? m_concurrentCapacity : m_rateCapacity;
    NumberField *to = rate ? m_rateCapacity : m_concurrentCapacity;
    if (from->isValid())
        to->setValue(from->value());
    updateRows();
    OptionSpec next = m_option;
    if (FleetSpec *f = fleetOf(next); f && !f->isFixed()) {
        f->capacity = capacityFromFields();
        commit(next, QStringLiteral("fleet.capacityKind"));
    }
}

void OptionEditor::onCapacityEdited(std::optional<double>)
{
    if (m_updating)
        return;
    OptionSpec next = m_option;
    if (FleetSpec *f = fleetOf(next); f && !f->isFixed()) {
        f->capacity = capacityFromFields();
        commit(next, QStringLiteral("fleet.capacity"));
    }
}

void OptionEditor::onProvisionedToggled(bool on)
{
    if (m_updating)
        return;
    OptionSpec next = m_option;
    if (on) {
        Models::ProvisionedConcurrency pc;
        // The boxes keep what was there when it was last switched off.
        pc.count = numberField(QStringLiteral("lambda.provisioned.count"))->value().value_or(1);
        pc.hoursPerMonth = numberField(QStringLiteral("lambda.provisioned.hoursPerMonth"))->value();
        pc.shareOfRequests = numberField(QStringLiteral("lambda.provisioned.shareOfRequests"))->value();
        next.as<Models::LambdaSpec>().provisionedConcurrency = pc;
    } else {
        next.as<Models::LambdaSpec>().provisionedConcurrency.reset();
    }
    updateRows();
    commit(next, QStringLiteral("lambda.provisioned"));
    if (on) {
        // Refused text in the boxes was not used: show what was.
        QScopedValueRollback guard(m_updating, true);
        for (const NumberBinding &b : m_numbers)
            if (b.key.startsWith(QLatin1String("lambda.provisioned.")))
                showNumber(b, true);
    }
}

void OptionEditor::onGroupChosen(int index)
{
    if (m_updating || index < 0)
        return;
    m_group = index;
    // Another group's values: replace everything the group fields show.
    QScopedValueRollback guard(m_updating, true);
    markField(m_groupName, m_groupNameMessage, QStringLiteral("ecs.groupName"), {});
    showTaskGroups(true);
    for (const NumberBinding &b : m_numbers)
        if (b.key.startsWith(QLatin1String("ecs.task")) || b.key.startsWith(QLatin1String("fleet.")))
            showNumber(b, true);
    for (const ChoiceBinding &b : m_choices)
        if (b.key.startsWith(QLatin1String("fleet.")) && b.applies(m_option))
            b.combo->setCurrentIndex(b.combo->findData(b.get(m_option)));
    showFleet(true);
    updateRows();
}

void OptionEditor::onGroupNameEdited(const QString &text)
{
    const QString key = QStringLiteral("ecs.groupName");
    if (text.trimmed().isEmpty()) {
        markField(m_groupName, m_groupNameMessage, key, tr("a name is required"));
        return;
    }
    markField(m_groupName, m_groupNameMessage, key, {});
    OptionSpec next = m_option;
    auto &groups = next.as<Models::EcsEc2Spec>().taskGroups;
    if (m_group >= static_cast<int>(groups.size()))
        return;
    groups[static_cast<std::size_t>(m_group)].name = text.toStdString();
    commit(next, key);
}

void OptionEditor::addTaskGroup()
{
    OptionSpec next = m_option;
    auto &groups = next.as<Models::EcsEc2Spec>().taskGroups;
    Models::TaskGroup group;
    for (std::size_t n = groups.size() + 1;; ++n) {
        group.name = tr("service %1").arg(n).toStdString();
        if (std::none_of(groups.begin(), groups.end(), [&](const Models::TaskGroup &g) { return g.name == group.name; }))
            break;
    }
    groups.push_back(group);
    commit(next, QStringLiteral("ecs.taskGroups"));
    onGroupChosen(static_cast<int>(m_option.as<Models::EcsEc2Spec>().taskGroups.size()) - 1);
}

void OptionEditor::removeTaskGroup()
{
    OptionSpec next = m_option;
    auto &groups = next.as<Models::EcsEc2Spec>().taskGroups;
    // The format needs one group at least.
    if (groups.size() <= 1 || m_group >= static_cast<int>(groups.size()))
        return;
    groups.erase(groups.begin() + m_group);
    const int shown = std::min(m_group, static_cast<int>(groups.size()) - 1);
    commit(next, QStringLiteral("ecs.taskGroups"));
    onGroupChosen(std::min(shown, static_cast<int>(m_option.as<Models::EcsEc2Spec>().taskGroups.size()) - 1));
}

void OptionEditor::onAutoInstanceTypesToggled(bool on)
{
    if (m_updating)
        return;
    updateRows();
    OptionSpec next = m_option;
    next.as<Models::EcsEc2Spec>().autoInstanceTypes = on;
    if (!on) {
        const QStringList checked = checkedInstanceTypes();
        if (checked.isEmpty()) {
            markField(m_typeList, m_typeListMessage, QStringLiteral("ecs.instanceTypes"),
                      tr("tick at least one instance type, or every type (auto)"));
            return;
        }
        onInstanceTypeItemChanged();
        return;
    }
    markField(m_typeList, m_typeListMessage, QStringLiteral("ecs.instanceTypes"), {});
    commit(next, QStringLiteral("ecs.autoInstanceTypes"));
}

void OptionEditor::onInstanceTypeItemChanged()
{
    if (m_updating)
        return;
    const QString key = QStringLiteral("ecs.instanceTypes");
    const QStringList checked = checkedInstanceTypes();
    if (checked.isEmpty()) {
        markField(m_typeList, m_typeListMessage, key, tr("tick at least one instance type, or every type (auto)"));
        return;
    }
    markField(m_typeList, m_typeListMessage, key, {});
    OptionSpec next = m_option;
    next.as<Models::EcsEc2Spec>().autoInstanceTypes = m_autoTypes->isChecked();
    // Keep the file's order for the types still chosen; new ones go last.
    std::vector<std::string> types;
    for (const std::string &t : m_option.as<Models::EcsEc2Spec>().instanceTypes)
        if (checked.contains(qs(t)))
            types.push_back(t);
    for (const QString &t : checked)
        if (std::find(types.begin(), types.end(), t.toStdString()) == types.end())
            types.push_back(t.toStdString());
    next.as<Models::EcsEc2Spec>().instanceTypes = std::move(types);
    commit(next, next.as<Models::EcsEc2Spec>().autoInstanceTypes == m_option.as<Models::EcsEc2Spec>().autoInstanceTypes ? key : QStringLiteral("ecs.autoInstanceTypes"));
}

void OptionEditor::filterInstanceTypeList(const QString &text)
{
    const QString needle = text.trimmed();
    for (int i = 0; i < m_typeList->count(); ++i) {
        QListWidgetItem *item = m_typeList->item(i);
        item->setHidden(!needle.isEmpty() && !item->data(Qt::UserRole).toString().contains(needle, Qt::CaseInsensitive));
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers

FleetSpec *OptionEditor::fleetOf(OptionSpec &option) const
{
    return const_cast<FleetSpec *>(fleetOf(static_cast<const OptionSpec &>(option)));
}

const FleetSpec *OptionEditor::fleetOf(const OptionSpec &option) const
{
    switch (option.platform) {
    case Platform::Lambda: return nullptr;
    case Platform::Fargate: return &option.as<Models::FargateSpec>().fleet;
    case Platform::Ec2: return &option.as<Models::Ec2Spec>().fleet;
    case Platform::EcsEc2:
        if (m_group < static_cast<int>(option.as<Models::EcsEc2Spec>().taskGroups.size()))
            return &option.as<Models::EcsEc2Spec>().taskGroups[static_cast<std::size_t>(m_group)].fleet;
        return nullptr;
    }
    return nullptr;
}

std::optional<Capacity> OptionEditor::capacityFromFields() const
{
    const bool rate = m_capacityKind->currentData().toString() == RateKind;
    const auto kind = rate ? Capacity::Kind::RequestsPerSecond : Capacity::Kind::ConcurrentRequests;
    const std::optional<double> value = capacityField(kind)->value();
    if (!value)
        return std::nullopt;
    return Capacity{kind, *value};
}

NumberField *OptionEditor::capacityField(Capacity::Kind kind) const
{
    return kind == Capacity::Kind::RequestsPerSecond ? m_rateCapacity : m_concurrentCapacity;
}

QStringList OptionEditor::checkedInstanceTypes() const
{
    QStringList out;
    for (int i = 0; i < m_typeList->count(); ++i)
        if (m_typeList->item(i)->checkState() == Qt::Checked)
            out << m_typeList->item(i)->data(Qt::UserRole).toString();
    return out;
}

const Pricing::RegionPrices *OptionEditor::regionPrices() const
{
    return m_sheet ? m_sheet->region(m_region.toStdString()) : nullptr;
}

QString OptionEditor::knownInstanceType(const QString &typed) const
{
    if (typed.isEmpty())
        return {};
    const Pricing::RegionPrices *r = regionPrices();
    // Without the region's types there is nothing to judge by: the evaluator reports a missing price.
    if (!r || r->as<Models::Ec2Spec>().empty())
        return typed;
    for (const auto &[name, type] : r->ec2)
        if (QString::compare(qs(name), typed, Qt::CaseInsensitive) == 0)
            return qs(name);
    return {};
}

QString OptionEditor::instanceTypeText(const Pricing::Ec2InstanceType &type) const
{
    const QLocale c = QLocale::c();
    QString text = tr("%1 — %2 vCPU, %3 GiB").arg(qs(type.name), c.toString(type.vcpu, 'g', 6), c.toString(type.memoryGib, 'g', 6));
    if (const auto it = type.onDemandHourly.find("linux"); it != type.onDemandHourly.end()) {
        const std::string currency = m_sheet ? m_sheet->provenance.currency : "USD";
        const QString price = c.toString(it->second, 'g', 4);
        text += currency == "USD" ? tr(", $%1/h").arg(price) : tr(", %1 %2/h").arg(price, qs(currency));
    }
    return text;
}

} // namespace Costscape::Ui
