// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/workloadpanel.h"
#include "ui/uitext.h"

#include "models/scenario/scenariorules.h"
#include "models/scenario/workload.h"
#include "ui/editors/numberfield.h"
#include "ui/editors/rangebutton.h"
#include "ui/panels/rangeodds.h"
#include "ui/undorouter.h"
#include "ui/charts/profilechart.h"
#include "ui/itemmodels/profilemodel.h"
#include "ui/document/scenariodocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace Costscape::Ui {

namespace {

enum RequestKindIndex {
    KindPerMonth = 0,
    KindConstant = 1,
    KindHourly = 2,
};

int kindIndex(Models::RequestModel::Kind kind)
{
    switch (kind) {
    case Models::RequestModel::Kind::PerMonth: return KindPerMonth;
    case Models::RequestModel::Kind::PerSecond: return KindConstant;
    case Models::RequestModel::Kind::Hourly: return KindHourly;
    }
    return KindPerMonth;
}

// Shows v unless the box already shows it, or holds text the user is still fixing.
void sync(NumberField *field, std::optional<double> v)
{
    if (field->isValid() && field->value() == v)
        return;
    if (!field->isValid() && field->lineEdit()->hasFocus())
        return;
    field->setValue(v);
}

// Figures in English grouping whatever the system locale, as everywhere the user reads a number.
QString formatCount(double v)
{
    const QLocale &locale = english();
    if (v >= 1e9)
        return QObject::tr("%1 billion").arg(locale.toString(v / 1e9, 'g', 3));
    if (v >= 1e6)
        return QObject::tr("%1 million").arg(locale.toString(v / 1e6, 'g', 3));
    return locale.toString(v, 'f', 0);
}

QString formatRate(double v)
{
    return english().toString(v, 'g', v >= 100 ? 6 : 3);
}

/**
 * A field and the range button beside it, as one form row: a layout, not a wrapper widget, so
 * that the field keeps its parent and its place in the Tab order.
 */
QHBoxLayout *withRange(QWidget *field, QWidget *range)
{
    auto *layout = new QHBoxLayout;
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    layout->addWidget(range, 0, Qt::AlignTop);
    return layout;
}

/** A form label whose shortcut focuses field (addRow with a layout makes no buddy itself). */
QLabel *buddy(const QString &text, QWidget *field)
{
    auto *label = new QLabel(text);
    label->setBuddy(field);
    return label;
}

/** The whole bill's byte sizes (models/bill/billreader.cpp reads them with the same rule). */
const NumberRule BytesPerRequest = NumberRule::range(0, 10e9, "bytes");

} // namespace

WorkloadPanel::WorkloadPanel(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_name(new QLineEdit(this))
    , m_hours(new NumberField(Models::Rules::Hours, tr("hours"), this))
    , m_kind(new QComboBox(this))
    , m_kindStack(new QStackedWidget(this))
    , m_perMonth(new NumberField(Models::Rules::RequestsPerMonth, tr("requests"), this))
    , m_perSecond(new NumberField(Models::Rules::RequestRate, tr("requests/s"), this))
    , m_chart(new ProfileChart(this))
    , m_profileModel(new ProfileModel(this))
    , m_table(new QTableView(this))
    , m_preset(new QComboBox(this))
    , m_presetScale(new QComboBox(this))
    , m_presetValue(new NumberField(Models::Rules::RequestsPerMonth, QString(), this))
    , m_applyPreset(new QPushButton(tr("Apply"), this))
    , m_importCsv(new QPushButton(tr("Import CSV…"), this))
    , m_summary(new QLabel(this))
    , m_duration(new NumberField(Models::Rules::DurationMs, tr("ms"), this))
    , m_memory(new NumberField(Models::Rules::MemoryMb, tr("MB"), this))
    , m_spikeOn(new QCheckBox(tr("Model a traffic spike"), this))
    , m_spikeBox(new QWidget(this))
    , m_spikeFrom(new NumberField(Models::Rules::RequestRate, tr("requests/s"), this))
    , m_spikeTo(new NumberField(Models::Rules::RequestRate, tr("requests/s"), this))
    , m_spikeRamp(new NumberField(Models::Rules::SpikeSeconds, tr("s"), this))
    , m_spikeHold(new NumberField(Models::Rules::SpikeSeconds, tr("s"), this))
    , m_spikeObjective(new NumberField(Models::Rules::SpikeObjectiveMs, tr("ms"), this))
    , m_spikeExcess(new QComboBox(this))
    , m_bytesOut(new NumberField(BytesPerRequest, tr("bytes"), this))
    , m_logBytes(new NumberField(BytesPerRequest, tr("bytes"), this))
    , m_trafficRange(new RangeButton(document, Models::UncertainInput::Traffic, this))
    , m_durationRange(new RangeButton(document, Models::UncertainInput::DurationMs, this))
    , m_memoryRange(new RangeButton(document, Models::UncertainInput::MemoryMb, this))
    , m_bytesOutRange(new RangeButton(document, Models::UncertainInput::BytesOutPerRequest, this))
    , m_logBytesRange(new RangeButton(document, Models::UncertainInput::LogBytesPerRequest, this))
    , m_spikeHeightRange(new RangeButton(document, Models::UncertainInput::SpikeHeight, this))
    , m_odds(new RangeOdds(document, this))
{
    auto *layout = new QVBoxLayout(this);

    auto *scenarioBox = new QGroupBox(tr("Scenario"), this);
    auto *scenarioForm = new QFormLayout(scenarioBox);
    scenarioForm->addRow(tr("&Name:"), m_name);
    scenarioForm->addRow(tr("&Hours per month:"), m_hours);
    m_hours->setToolTip(tr("Hours the service runs each month; AWS bills a month as 730 hours."));
    layout->addWidget(scenarioBox);

    auto *requestBox = new QGroupBox(tr("Requests"), this);
    auto *requestLayout = new QVBoxLayout(requestBox);
    auto *kindForm = new QFormLayout;
    m_kind->addItems({tr("Per month"), tr("Constant rate"), tr("Hourly profile")});
    m_kind->setToolTip(tr("How the traffic is given: a monthly total spread evenly, a constant rate, or a "
                          "rate for each hour of a day or a week."));
    kindForm->addRow(buddy(tr("&Traffic given as:"), m_kind), withRange(m_kind, m_trafficRange));
    requestLayout->addLayout(kindForm);

    auto *perMonthPage = new QWidget(m_kindStack);
    auto *perMonthForm = new QFormLayout(perMonthPage);
    perMonthForm->setContentsMargins(0, 0, 0, 0);
    perMonthForm->addRow(tr("Requests per &month:"), m_perMonth);
    auto *constantPage = new QWidget(m_kindStack);
    auto *constantForm = new QFormLayout(constantPage);
    constantForm->setContentsMargins(0, 0, 0, 0);
    constantForm->addRow(tr("&Rate:"), m_perSecond);

    auto *hourlyPage = new QWidget(m_kindStack);
    auto *hourlyLayout = new QVBoxLayout(hourlyPage);
    hourlyLayout->setContentsMargins(0, 0, 0, 0);
    m_chart->setMinimumHeight(190);
    m_chart->setToolTip(tr("Drag a point up or down to change that hour's rate."));
    hourlyLayout->addWidget(m_chart);
    auto *presetRow = new QHBoxLayout;
    for (const auto preset : Models::allProfilePresets())
        m_preset->addItem(QString::fromUtf8(Models::profilePresetTitle(preset)), static_cast<int>(preset));
    m_preset->setToolTip(tr("A typical shape of traffic over a day or a week"));
    m_presetScale->addItems({tr("peak requests/s"), tr("requests/month")});
    m_presetScale->setToolTip(tr("Scale the shape so that its busiest hour, or its monthly total, has this value"));
    presetRow->addWidget(new QLabel(tr("Preset:"), hourlyPage));
    presetRow->addWidget(m_preset, 1);
    presetRow->addWidget(m_presetScale);
    hourlyLayout->addLayout(presetRow);
    auto *presetRow2 = new QHBoxLayout;
    presetRow2->addWidget(m_presetValue, 1);
    presetRow2->addWidget(m_applyPreset);
    presetRow2->addWidget(m_importCsv);
    hourlyLayout->addLayout(presetRow2);
    m_importCsv->setToolTip(tr("Read an hourly profile from a CSV file: one column of requests per hour or per "
                               "second, with or without a header; 24, 168, 730, 744 or 8760 rows."));
    m_table->setModel(m_profileModel);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setMinimumHeight(140);
    m_table->setMaximumHeight(220);
    hourlyLayout->addWidget(m_table);

    m_kindStack->addWidget(perMonthPage);
    m_kindStack->addWidget(constantPage);
    m_kindStack->addWidget(hourlyPage);
    requestLayout->addWidget(m_kindStack);
    m_summary->setWordWrap(true);
    requestLayout->addWidget(m_summary);
    layout->addWidget(requestBox);

    auto *requestShape = new QGroupBox(tr("Each request"), this);
    auto *shapeForm = new QFormLayout(requestShape);
    shapeForm->addRow(buddy(tr("&Duration:"), m_duration->lineEdit()), withRange(m_duration, m_durationRange));
    shapeForm->addRow(buddy(tr("M&emory:"), m_memory->lineEdit()), withRange(m_memory, m_memoryRange));
    shapeForm->addRow(buddy(tr("Res&ponse size:"), m_bytesOut->lineEdit()), withRange(m_bytesOut, m_bytesOutRange));
    shapeForm->addRow(buddy(tr("&Log volume:"), m_logBytes->lineEdit()), withRange(m_logBytes, m_logBytesRange));
    for (NumberField *bytes : {m_bytesOut, m_logBytes}) {
        bytes->setOptional(true);
        bytes->setPlaceholder(tr("left out of the bill"));
    }
    m_bytesOut->setToolTip(tr("What one response sends to the internet: data transfer out, and the bytes a load "
                              "balancer or NAT gateway processes. Empty: those parts are left out."));
    m_logBytes->setToolTip(tr("What one request writes to CloudWatch Logs. Empty: the logs are left out."));
    m_odds->setContentsMargins(0, 4, 0, 0);
    shapeForm->addRow(m_odds);
    m_duration->setToolTip(tr("The mean time one request runs; Lambda bills it, fleets are sized by it."));
    m_memory->setToolTip(tr("The memory one running request needs; Lambda bills its configured memory."));
    layout->addWidget(requestShape);

    auto *spikeGroup = new QGroupBox(tr("Traffic spike"), this);
    auto *spikeLayout = new QVBoxLayout(spikeGroup);
    spikeLayout->addWidget(m_spikeOn);
    auto *spikeForm = new QFormLayout(m_spikeBox);
    spikeForm->setContentsMargins(0, 0, 0, 0);
    spikeForm->addRow(tr("From:"), m_spikeFrom);
    spikeForm->addRow(tr("To:"), withRange(m_spikeTo, m_spikeHeightRange));
    spikeForm->addRow(tr("Ramp:"), m_spikeRamp);
    spikeForm->addRow(tr("Hold:"), m_spikeHold);
    spikeForm->addRow(tr("O&bjective:"), m_spikeObjective);
    m_spikeObjective->setToolTip(tr("The longest a request may wait for capacity (not its own duration). Requests "
                                    "that wait longer count as delayed; the warm minimum keeps every request within it."));
    m_spikeExcess->addItem(tr("wait in a queue"), QStringLiteral("queue"));
    m_spikeExcess->addItem(tr("are turned away"), QStringLiteral("reject"));
    m_spikeExcess->setToolTip(tr("What happens to requests the ready capacity cannot serve: they queue until it can, "
                                 "or those that could not be served within the objective are rejected."));
    spikeForm->addRow(tr("&Excess requests:"), m_spikeExcess);
    spikeLayout->addWidget(m_spikeBox);
    layout->addWidget(spikeGroup);
    layout->addStretch(1);

    // Edits. Each field has its own merge key, so typing "1500" is one undo step, not four.
    auto number = [this](NumberField *field, const QString &text, const QString &key,
                         std::function<void(Models::Scenario &, double)> apply) {
        connect(field, &NumberField::valueEdited, this, [this, text, key, apply](std::optional<double> v) {
            if (m_refreshing || !v)
                return;
            m_document->edit(text, [&](Models::Scenario &s) { apply(s, *v); }, key);
        });
        connect(field, &NumberField::editingFinished, m_document, &ScenarioDocument::closeMerge);
    };
    number(m_hours, tr("Change hours per month"), QStringLiteral("hoursPerMonth"),
           [](Models::Scenario &s, double v) { s.hoursPerMonth = v; });
    number(m_perMonth, tr("Change requests per month"), QStringLiteral("requests.perMonth"),
           [](Models::Scenario &s, double v) { s.workload.requests = Models::RequestModel::monthly(v); });
    number(m_perSecond, tr("Change request rate"), QStringLiteral("requests.perSecond"),
           [](Models::Scenario &s, double v) { s.workload.requests = Models::RequestModel::constant(v); });
    number(m_duration, tr("Change duration"), QStringLiteral("durationMs"),
           [](Models::Scenario &s, double v) { s.workload.durationMs = v; });
    number(m_memory, tr("Change memory"), QStringLiteral("memoryMb"),
           [](Models::Scenario &s, double v) { s.workload.memoryMb = v; });
    // The whole bill's sizes are optional: emptying the box leaves the part out again.
    auto bytesField = [this](NumberField *field, const QString &text, const QString &key,
                             std::optional<double> Models::WorkloadTraffic::*member) {
        connect(field, &NumberField::valueEdited, this, [this, text, key, member](std::optional<double> v) {
            if (m_refreshing || m_document->scenario().workload.traffic.*member == v)
                return;
            m_document->edit(text, [&](Models::Scenario &s) { s.workload.traffic.*member = v; }, key);
        });
        connect(field, &NumberField::editingFinished, m_document, &ScenarioDocument::closeMerge);
    };
    bytesField(m_bytesOut, tr("Change response size"), QStringLiteral("bytesOutPerRequest"),
               &Models::WorkloadTraffic::bytesOutPerRequest);
    bytesField(m_logBytes, tr("Change log volume"), QStringLiteral("logBytesPerRequest"),
               &Models::WorkloadTraffic::logBytesPerRequest);
    auto spikeField = [&](NumberField *field, const QString &key, double Models::Spike::*member) {
        number(field, tr("Change spike"), key, [member](Models::Scenario &s, double v) {
            if (s.workload.spike)
                (*s.workload.spike).*member = v;
        });
    };
    spikeField(m_spikeFrom, QStringLiteral("spike.from"), &Models::Spike::fromPerSecond);
    spikeField(m_spikeTo, QStringLiteral("spike.to"), &Models::Spike::toPerSecond);
    spikeField(m_spikeRamp, QStringLiteral("spike.ramp"), &Models::Spike::rampSeconds);
    spikeField(m_spikeHold, QStringLiteral("spike.hold"), &Models::Spike::holdSeconds);
    spikeField(m_spikeObjective, QStringLiteral("spike.objective"), &Models::Spike::objectiveMs);
    connect(m_spikeExcess, &QComboBox::activated, this, [this](int index) {
        const auto excess = m_spikeExcess->itemData(index).toString() == QLatin1String("reject") ? Models::Spike::Excess::Reject
                                                                                                : Models::Spike::Excess::Queue;
        const auto &spike = m_document->scenario().workload.spike;
        if (m_refreshing || !spike || spike->excess == excess)
            return;
        m_document->edit(tr("Change spike excess"), [excess](Models::Scenario &s) {
            if (s.workload.spike)
                s.workload.spike->excess = excess;
        });
    });

    // The name is the document's as it is typed; the preset's value only feeds the Apply button.
    UndoRouter::markDocumentField(m_name);
    UndoRouter::markOwnField(m_presetValue->lineEdit());
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_document->edit(tr("Rename scenario"), [&](Models::Scenario &s) { s.name = text.toStdString(); },
                         QStringLiteral("name"));
    });
    connect(m_name, &QLineEdit::editingFinished, m_document, &ScenarioDocument::closeMerge);
    connect(m_kind, &QComboBox::activated, this, &WorkloadPanel::setRequestKind);
    connect(m_chart, &ProfileChart::pointDragged, this, [this](int i, double v) { setProfileValue(i, v, false); });
    connect(m_chart, &ProfileChart::dragFinished, this, [this](int i, double v) { setProfileValue(i, v, true); });
    connect(m_profileModel, &ProfileModel::valueEdited, this, [this](int i, double v) { setProfileValue(i, v, true); });
    connect(m_applyPreset, &QPushButton::clicked, this, &WorkloadPanel::applyPresetFromControls);
    connect(m_importCsv, &QPushButton::clicked, this, &WorkloadPanel::importCsvInteractive);
    connect(m_presetScale, &QComboBox::currentIndexChanged, this, [this](int index) {
        const auto plan = Models::HourlyPlan::build(m_document->scenario().workload.requests, m_document->scenario().hoursPerMonth);
        m_presetValue->setValue(index == 0 ? plan.peakRate() : plan.requestsPerMonth());
    });
    connect(m_spikeOn, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_refreshing)
            setSpikeEnabled(on);
    });
    connect(m_document, &ScenarioDocument::scenarioChanged, this, &WorkloadPanel::refresh);
    refresh();

    // Tab through the fields in the order they are read, top to bottom.
    QWidget *order[] = {m_name, m_hours, m_kind, m_perMonth, m_perSecond, m_chart, m_preset, m_presetScale,
                        m_presetValue, m_applyPreset, m_importCsv, m_table, m_duration, m_memory, m_bytesOut,
                        m_logBytes, m_spikeOn,
                        m_spikeFrom, m_spikeTo, m_spikeRamp, m_spikeHold, m_spikeObjective, m_spikeExcess};
    for (std::size_t i = 1; i < std::size(order); ++i)
        QWidget::setTabOrder(order[i - 1], order[i]);
}

void WorkloadPanel::refresh()
{
    m_refreshing = true;
    const Models::Scenario &s = m_document->scenario();
    if (m_name->text() != QString::fromStdString(s.name))
        m_name->setText(QString::fromStdString(s.name));
    sync(m_hours, s.hoursPerMonth);
    const auto &r = s.workload.requests;
    const int kind = kindIndex(r.kind);
    m_kind->setCurrentIndex(kind);
    m_kindStack->setCurrentIndex(kind);
    if (r.kind == Models::RequestModel::Kind::PerMonth)
        sync(m_perMonth, r.perMonth);
    if (r.kind == Models::RequestModel::Kind::PerSecond)
        sync(m_perSecond, r.perSecond);
    if (r.kind == Models::RequestModel::Kind::Hourly) {
        if (m_chart->profile() != r.perSecondHourly)
            m_chart->setProfile(r.perSecondHourly);
        // Same length: one dataChanged when a value changed, none when the edit was elsewhere (a
        // signal per hour cost 1.4 ms of every edit of a year's profile).
        m_profileModel->setProfile(r.perSecondHourly);
    }
    const auto plan = Models::HourlyPlan::build(r, s.hoursPerMonth);
    // The preset's target follows the workload until the user types one of their own.
    if (!m_presetValue->lineEdit()->hasFocus())
        m_presetValue->setValue(m_presetScale->currentIndex() == 0 ? plan.peakRate() : plan.requestsPerMonth());
    const double average = s.hoursPerMonth > 0 ? plan.requestsPerMonth() / (s.hoursPerMonth * 3600) : 0;
    m_summary->setText(tr("%1 requests a month; average %2 requests/s, busiest hour %3 requests/s.")
                           .arg(formatCount(plan.requestsPerMonth()), formatRate(average), formatRate(plan.peakRate())));
    sync(m_duration, s.workload.durationMs);
    sync(m_memory, s.workload.memoryMb);
    sync(m_bytesOut, s.workload.traffic.bytesOutPerRequest);
    sync(m_logBytes, s.workload.traffic.logBytesPerRequest);
    // A range on a size needs the size itself (readRanges); no size, no range to give.
    m_bytesOutRange->setEnabled(s.workload.traffic.bytesOutPerRequest.has_value());
    m_logBytesRange->setEnabled(s.workload.traffic.logBytesPerRequest.has_value());
    m_spikeOn->setChecked(s.workload.spike.has_value());
    m_spikeBox->setEnabled(s.workload.spike.has_value());
    if (s.workload.spike) {
        sync(m_spikeFrom, s.workload.spike->fromPerSecond);
        sync(m_spikeTo, s.workload.spike->toPerSecond);
        sync(m_spikeRamp, s.workload.spike->rampSeconds);
        sync(m_spikeHold, s.workload.spike->holdSeconds);
        sync(m_spikeObjective, s.workload.spike->objectiveMs);
        m_spikeExcess->setCurrentIndex(s.workload.spike->excess == Models::Spike::Excess::Reject ? 1 : 0);
    }
    m_refreshing = false;
}

void WorkloadPanel::setRequestKind(int kind)
{
    const Models::Scenario &s = m_document->scenario();
    if (kind == kindIndex(s.workload.requests.kind))
        return;
    // Switching forms keeps the month's total, so the comparison does not jump.
    const auto plan = Models::HourlyPlan::build(s.workload.requests, s.hoursPerMonth);
    const double perMonth = plan.requestsPerMonth();
    const double average = s.hoursPerMonth > 0 ? perMonth / (s.hoursPerMonth * 3600) : 0;
    Models::RequestModel next;
    if (kind == KindPerMonth)
        next = Models::RequestModel::monthly(perMonth);
    else if (kind == KindConstant)
        next = Models::RequestModel::constant(average);
    else
        next = Models::RequestModel::hourly(std::vector<double>(24, average));
    m_document->edit(tr("Change how traffic is given"), [&](Models::Scenario &sc) { sc.workload.requests = next; });
}

void WorkloadPanel::setProfileValue(int index, double value, bool closeAfter)
{
    const auto &r = m_document->scenario().workload.requests;
    if (r.kind != Models::RequestModel::Kind::Hourly || index < 0 || index >= static_cast<int>(r.perSecondHourly.size()))
        return;
    if (r.perSecondHourly[static_cast<std::size_t>(index)] != value) {
        m_document->edit(tr("Change hour %1").arg(index),
                         [&](Models::Scenario &s) { s.workload.requests.perSecondHourly[static_cast<std::size_t>(index)] = value; },
                         QStringLiteral("profile[%1]").arg(index));
    }
    if (closeAfter)
        m_document->closeMerge();
}

void WorkloadPanel::applyPreset(Models::ProfilePreset preset, PresetScale scale, double value)
{
    const auto shape = Models::profilePresetShape(preset);
    const double hours = m_document->scenario().hoursPerMonth;
    auto values = scale == PresetScale::Peak ? Models::scaleProfileToPeak(shape, value)
                                             : Models::scaleProfileToMonthly(shape, value, hours);
    m_document->edit(tr("Apply preset %1").arg(QString::fromUtf8(Models::profilePresetTitle(preset))),
                     [&](Models::Scenario &s) { s.workload.requests = Models::RequestModel::hourly(std::move(values)); });
}

void WorkloadPanel::applyPresetFromControls()
{
    const auto value = m_presetValue->value();
    if (!value)
        return;
    applyPreset(static_cast<Models::ProfilePreset>(m_preset->currentData().toInt()),
                m_presetScale->currentIndex() == 0 ? PresetScale::Peak : PresetScale::Monthly, *value);
}

Result<void> WorkloadPanel::importProfileCsv(const QString &fileName, std::optional<Models::ProfileCsv::Unit> unit)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::FileNotFound, "cannot read: " + file.errorString().toStdString(), fileName.toStdString()};
    const QByteArray bytes = file.readAll();
    const auto parsed = Models::parseProfileCsv(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                                                fileName.toStdString());
    if (!parsed)
        return parsed.error();
    auto chosen = unit.value_or(parsed.value().unitFromHeader);
    if (chosen == Models::ProfileCsv::Unit::Unknown) {
        const QStringList items = {tr("requests per second"), tr("requests per hour")};
        bool ok = false;
        const QString item = QInputDialog::getItem(this, tr("Import hourly profile"),
                                                   tr("%1 has %2 values. What do they count?")
                                                       .arg(QFileInfo(fileName).fileName())
                                                       .arg(parsed.value().values.size()),
                                                   items, 0, false, &ok);
        if (!ok)
            return {}; // the user cancelled: nothing changed, nothing to report
        chosen = item == items[1] ? Models::ProfileCsv::Unit::PerHour : Models::ProfileCsv::Unit::PerSecond;
    }
    auto values = Models::profileToPerSecond(parsed.value().values, chosen);
    m_document->edit(tr("Import hourly profile"),
                     [&](Models::Scenario &s) { s.workload.requests = Models::RequestModel::hourly(std::move(values)); });
    return {};
}

void WorkloadPanel::importCsvInteractive()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Import hourly profile"), QString(),
                                                      tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
    if (file.isEmpty())
        return;
    if (const Result<void> imported = importProfileCsv(file, std::nullopt); !imported)
        QMessageBox::warning(this, tr("Cannot import hourly profile"), qs(imported.error().toString()));
}

void WorkloadPanel::setSpikeEnabled(bool on)
{
    if (on == m_document->scenario().workload.spike.has_value())
        return;
    m_document->edit(on ? tr("Add spike") : tr("Remove spike"), [on](Models::Scenario &s) {
        if (!on) {
            s.workload.spike.reset();
            // A range on its height goes with it (the reader refuses one without a spike).
            RangeButton::setScenarioRange(s, Models::UncertainInput::SpikeHeight, std::nullopt);
            return;
        }
        // Start from the busiest hour and ten times it: a launch-day or a marketing-email burst.
        const double peak = Models::HourlyPlan::build(s.workload.requests, s.hoursPerMonth).peakRate();
        Models::Spike spike;
        spike.fromPerSecond = peak;
        spike.toPerSecond = peak * 10;
        spike.rampSeconds = 0;
        spike.holdSeconds = 600;
        s.workload.spike = spike;
    });
}

} // namespace Costscape::Ui
