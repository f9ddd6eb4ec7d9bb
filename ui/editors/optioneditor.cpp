// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editors/optioneditor.h"

#include "ui/editors/billform.h"
#include "ui/editors/commitmentform.h"
#include "ui/editors/fieldbindings.h"
#include "ui/editors/formregistry.h"
#include "ui/editors/numberfield.h"
#include "ui/editors/platformform.h"
#include "ui/editors/spikeresponseform.h"
#include "ui/uitext.h"

#include "models/scenario/scenariorules.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Costscape::Ui {

using Models::OptionSpec;

namespace {

const QString IdKey = QStringLiteral("id");
const QString MemoryKey = QStringLiteral("memoryMb");

} // namespace

OptionEditor::OptionEditor(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    // Built in the order they are shown, which is also the tab order: a widget built later would
    // come last in the window's focus chain, after the panels beside the editor.
    buildOptionGroup();
    layout->addWidget(m_optionGroup);
    addPages(layout);
    layout->addStretch(1);

    // In a scrolling dock the wheel must scroll the form, not change a combo the pointer passes over.
    for (QComboBox *combo : findChildren<QComboBox *>()) {
        combo->setFocusPolicy(Qt::StrongFocus);
        combo->installEventFilter(this);
    }
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

void OptionEditor::buildOptionGroup()
{
    m_optionGroup = new FieldForm(this);
    m_optionBound = std::make_unique<FieldBindings<OptionSpec>>(
        *m_optionGroup, [this] { return &m_option; }, [this](const OptionSpec &next, const QString &key) { commit(next, key); });
    auto *outer = new QVBoxLayout(m_optionGroup);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *box = new QGroupBox(tr("Option"), m_optionGroup);
    outer->addWidget(box);
    m_optionForm = m_optionGroup->newForm(box);
    QFormLayout *form = m_optionForm;

    m_id = new QLineEdit(box);
    const QString idTip = tr("The option's name in tables, charts and files; unique within the scenario.");
    m_id->setToolTip(idTip);
    QWidget *idRow = m_optionGroup->withMessage(IdKey, m_id);
    form->addRow(tr("&Id:"), idRow);
    form->labelForField(idRow)->setToolTip(idTip);
    m_optionGroup->addField(IdKey, m_id, tr("Id"));
    connect(m_id, &QLineEdit::textEdited, this, &OptionEditor::onIdEdited);

    m_platform = new QLabel(box);
    m_platform->setToolTip(tr("Where the option runs. To compare another platform, add an option of it."));
    m_platform->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Platform:"), m_platform);

    m_optionBound->addNumber(form,
                             {.key = QStringLiteral("hoursPerMonth"),
                              .label = tr("&Hours per month:"),
                              .rule = Models::Rules::Hours,
                              .unit = tr("hours"),
                              .toolTip = tr("How many hours a month this option runs, when it differs from the scenario "
                                            "(a month is 730 hours on average). Empty: the scenario's hours."),
                              .optional = true},
                             &OptionSpec::hoursPerMonth);
    m_optionBound->addNumber(form,
                             {.key = QStringLiteral("durationMs"),
                              .label = tr("D&uration:"),
                              .rule = Models::Rules::DurationMs,
                              .unit = tr("ms"),
                              .toolTip = tr("How long one request runs on this option, when it differs from the workload "
                                            "(a faster CPU, a cold start). Empty: the workload's duration."),
                              .optional = true},
                             &OptionSpec::durationMs);
    m_optionBound->addNumber(form,
                             {.key = MemoryKey,
                              .label = tr("&Memory per request:"),
                              .rule = Models::Rules::MemoryMb,
                              .unit = tr("MB"),
                              .toolTip = tr("The memory one running request needs on this option, when it differs from "
                                            "the workload. Lambda bills the memory configured for the function. Empty: "
                                            "the workload's memory."),
                              .optional = true},
                             &OptionSpec::memoryMb);
    m_memoryHint = FieldForm::newHint(box);
    form->addRow(QString(), m_memoryHint);
}

void OptionEditor::addPages(QVBoxLayout *layout)
{
    for (Models::Platform platform : Models::allPlatforms()) {
        PlatformForm *form = createPlatformForm(platform, this);
        form->hide();
        layout->addWidget(form);
        connect(form, &PlatformForm::specEdited, this, [this](const Models::PlatformSpec &spec, const QString &field) {
            OptionSpec next = m_option;
            next.spec = spec;
            commit(next, field);
        });
        connect(form, &FieldForm::rowsChanged, this, &OptionEditor::alignLabels);
        m_pages.push_back({form, nullptr});
    }
    // The parts around the compute (issue 15), the same group whatever the platform; it offers
    // only what fits the option's platform.
    m_bill = new BillForm(this);
    layout->addWidget(m_bill);
    connect(m_bill, &BillForm::billEdited, this, [this](const Models::OptionBill &bill, const QString &field) {
        OptionSpec next = m_option;
        next.bill = bill;
        commit(next, field);
    });
    connect(m_bill, &FieldForm::rowsChanged, this, &OptionEditor::alignLabels);
    // Savings Plans and reservations, the same group whatever the platform.
    m_commitment = new CommitmentForm(this);
    layout->addWidget(m_commitment);
    connect(m_commitment, &CommitmentForm::commitmentsEdited, this,
            [this](const std::vector<Models::CommitmentSpec> &commitments, const QString &field) {
                OptionSpec next = m_option;
                next.commitments = commitments;
                commit(next, field);
            });
    connect(m_commitment, &FieldForm::rowsChanged, this, &OptionEditor::alignLabels);
    // After every platform form: the spike response ends the form, whatever the platform.
    for (Page &page : m_pages) {
        page.spike = new SpikeResponseForm(page.form->platform(), this);
        page.spike->hide();
        layout->addWidget(page.spike);
        connect(page.spike, &SpikeResponseForm::overridesEdited, this,
                [this](const std::map<std::string, double> &overrides, const QString &field) {
                    OptionSpec next = m_option;
                    next.scalingOverrides = overrides;
                    commit(next, field);
                });
        connect(page.spike, &SpikeResponseForm::expandedChanged, this, [this](bool expanded) { m_spikeExpanded = expanded; });
    }
}

// ---------------------------------------------------------------------------------------------
// Public API

void OptionEditor::setOption(const OptionSpec &option, std::shared_ptr<const Pricing::PriceSheet> sheet, const QString &region)
{
    const bool same = m_shown && option.id == m_option.id && option.platform() == m_option.platform();
    m_option = option;
    m_shown = true;
    m_sheet = std::move(sheet);
    m_region = region;
    showOption(!same);
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

void OptionEditor::setRangeButtons(RangeButtonMaker *maker)
{
    if (!maker || m_rangeButtons)
        return;
    m_rangeButtons = true;
    for (const Page &p : m_pages)
        p.form->addRangeButtons(*maker);
    alignLabels();
}

NumberField *OptionEditor::numberField(const QString &field) const
{
    for (const FieldForm *form : shownForms())
        if (NumberField *n = form->numberField(field))
            return n;
    return nullptr;
}

QComboBox *OptionEditor::comboBox(const QString &field) const
{
    return qobject_cast<QComboBox *>(this->field(field));
}

QCheckBox *OptionEditor::checkBox(const QString &field) const
{
    return qobject_cast<QCheckBox *>(this->field(field));
}

QLineEdit *OptionEditor::lineEdit(const QString &field) const
{
    return qobject_cast<QLineEdit *>(this->field(field));
}

QListWidget *OptionEditor::listWidget(const QString &field) const
{
    return qobject_cast<QListWidget *>(this->field(field));
}

QAbstractButton *OptionEditor::button(const QString &field) const
{
    return qobject_cast<QAbstractButton *>(this->field(field));
}

QString OptionEditor::fieldError(const QString &field) const
{
    for (const FieldForm *form : shownForms())
        if (form->hasKey(field))
            return form->fieldError(field);
    return {};
}

QString OptionEditor::fieldTitle(const QString &field) const
{
    for (const FieldForm *form : shownForms())
        if (const QString title = form->fieldTitle(field); !title.isEmpty())
            return title;
    return field;
}

// ---------------------------------------------------------------------------------------------
// Showing the spec

const OptionEditor::Page &OptionEditor::page() const
{
    const auto it = std::find_if(m_pages.begin(), m_pages.end(),
                                 [this](const Page &p) { return p.form->platform() == m_option.platform(); });
    Q_ASSERT(it != m_pages.end()); // the registry has a form for every platform
    return *it;
}

std::vector<const FieldForm *> OptionEditor::shownForms() const
{
    const Page &p = page();
    return {m_optionGroup, p.form, m_bill, m_commitment, p.spike};
}

QWidget *OptionEditor::field(const QString &key) const
{
    for (const FieldForm *form : shownForms())
        if (QWidget *w = form->field(key))
            return w;
    return nullptr;
}

FormContext OptionEditor::formContext() const
{
    return FormContext{m_sheet, m_region, m_option.hoursPerMonth.value_or(m_workloadHours)};
}

void OptionEditor::showOption(bool force)
{
    const Page &shown = page();
    for (const Page &p : m_pages) {
        if (&p == &shown)
            continue;
        p.form->hide();
        p.spike->hide();
    }
    shown.form->setContext(formContext());
    shown.form->showSpec(m_option.spec, force);
    shown.form->show();
    if (shown.spike->isExpanded() != m_spikeExpanded)
        shown.spike->setExpanded(m_spikeExpanded);
    shown.spike->showOverrides(m_option.scalingOverrides, force);
    m_bill->showBill(m_option.bill, m_option.platform(), force);
    m_commitment->showCommitments(m_option.commitments, force);
    shown.spike->show();
    showOptionGroup(force);
    updateHints();
    alignLabels();
}

void OptionEditor::showOptionGroup(bool force)
{
    FieldForm::Updating guard(*m_optionGroup);
    if (force)
        m_optionGroup->clearMarks();
    const Models::Platform platform = m_option.platform();
    m_platform->setText(QStringLiteral("%1 (%2)").arg(QString::fromUtf8(Models::platformTitle(platform)),
                                                     QString::fromUtf8(Models::platformName(platform))));
    const QString id = qs(m_option.id);
    if ((force || m_optionGroup->fieldError(IdKey).isEmpty()) && m_id->text() != id)
        m_id->setText(id);
    m_optionBound->show(m_option, force);

    const PlatformForm *form = page().form;
    m_optionGroup->setRowLabel(m_optionForm, m_optionGroup->field(MemoryKey), MemoryKey, form->memoryLabel());
    m_memoryHint->setText(form->memoryHint());
    m_optionForm->setRowVisible(m_memoryHint, !form->memoryHint().isEmpty());
}

void OptionEditor::updateHints()
{
    m_optionGroup->numberField(QStringLiteral("hoursPerMonth"))
        ->setPlaceholder(tr("%1 (scenario)").arg(formatEditorNumber(m_workloadHours)));
    m_optionGroup->numberField(QStringLiteral("durationMs"))
        ->setPlaceholder(tr("%1 (workload)").arg(formatEditorNumber(m_workloadDurationMs)));
    m_optionGroup->numberField(MemoryKey)->setPlaceholder(tr("%1 (workload)").arg(formatEditorNumber(m_workloadMemoryMb)));
    // The platform's hints may follow the option's hours (Lambda's provisioned hours).
    page().form->setContext(formContext());
}

void OptionEditor::alignLabels()
{
    // One label column for the groups shown, so that the fields line up down the form.
    std::vector<QFormLayout *> forms = m_optionGroup->formLayouts();
    const std::vector<QFormLayout *> platformForms = page().form->formLayouts();
    forms.insert(forms.end(), platformForms.begin(), platformForms.end());
    for (const FieldForm *shared : std::initializer_list<const FieldForm *>{m_bill, m_commitment})
        if (shared) {
            const std::vector<QFormLayout *> sharedForms = shared->formLayouts();
            forms.insert(forms.end(), sharedForms.begin(), sharedForms.end());
        }
    std::vector<QWidget *> labels;
    int width = 0;
    for (QFormLayout *form : forms) {
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

// ---------------------------------------------------------------------------------------------
// Edits

void OptionEditor::commit(const OptionSpec &next, const QString &field)
{
    // An edit that changes nothing (typing "1.0" after "1") must not become an undo step.
    if (next == m_option)
        return;
    m_option = next;
    // A copy: the owner's slot usually calls setOption(), which reassigns m_option.
    const OptionSpec edited = m_option;
    Q_EMIT optionEdited(edited, field);
    // The owner usually answers with setOption(); if it does not, what follows from the edit
    // (the hints, the placeholders) must still show.
    showOption(false);
}

void OptionEditor::onIdEdited(const QString &text)
{
    QString error;
    if (text.trimmed().isEmpty())
        error = tr("an id is required");
    else if (m_takenIds.contains(text))
        error = tr("another option is called \"%1\"").arg(text);
    m_optionGroup->markField(IdKey, error);
    if (!error.isEmpty())
        return;
    OptionSpec next = m_option;
    next.id = text.toStdString();
    commit(next, IdKey);
}

} // namespace Costscape::Ui
