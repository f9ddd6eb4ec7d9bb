// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editors/spikeresponseform.h"

#include "ui/editors/numberfield.h"
#include "ui/uitext.h"

#include "models/platforms/platformmodel.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

#include <set>

namespace Costscape::Ui {

SpikeResponseForm::SpikeResponseForm(Models::Platform platform, QWidget *parent)
    : FieldForm(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *box = new QGroupBox(this);
    outer->addWidget(box);
    auto *v = new QVBoxLayout(box);
    m_toggle = new QToolButton(box);
    m_toggle->setCheckable(true);
    m_toggle->setAutoRaise(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setToolTip(tr("How fast this option adds capacity when traffic jumps: the figures the spike "
                            "timeline uses, with their sources. Used when the workload has a traffic spike."));
    addField(QStringLiteral("spike.toggle"), m_toggle, tr("Spike response"));
    v->addWidget(m_toggle);
    m_content = new QWidget(box);
    auto *content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 0, 0, 0);
    QLabel *hint = newHint(m_content);
    hint->setText(tr("Empty fields use the default shown; hover a field for where the default comes from."));
    content->addWidget(hint);
    auto *rows = new QWidget(m_content);
    // Not a newForm(): these labels are long and would widen the label column of every group.
    auto *form = new QFormLayout(rows);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    content->addWidget(rows);
    v->addWidget(m_content);

    // NumberRule keeps a pointer to its unit: the set keeps the texts alive, for every form.
    static std::set<std::string> units;
    for (const Models::ScalingAssumption &a : Models::platformModel(platform).scalingDefaults()) {
        const char *unit = units.insert(a.unit).first->c_str();
        const NumberRule rule = a.max > a.min ? NumberRule{a.min, a.max, false, a.integer, unit} : NumberRule::nonNegative(unit);
        auto *field = new NumberField(rule, qs(a.unit), rows);
        field->setOptional(true);
        field->setPlaceholder(tr("%1 (default)").arg(formatEditorNumber(a.value)));
        const QString label = qs(a.label);
        // Rich text, so that the long source (a URL and what it says) wraps in the tooltip.
        const QString tip = QStringLiteral("<p><b>%1</b></p>").arg(label.toHtmlEscaped())
            + (a.source.empty() ? QString() : QStringLiteral("<p>%1</p>").arg(tr("Default from: %1").arg(qs(a.source)).toHtmlEscaped()));
        field->setToolTip(tip);
        form->addRow(label + QLatin1Char(':'), field);
        if (QWidget *l = form->labelForField(field))
            l->setToolTip(tip);
        const QString key = QStringLiteral("spike.") + qs(a.key);
        addField(key, field, label);
        m_rows.push_back({a.key, field});
        connect(field, &NumberField::valueEdited, this, [this, key = a.key, fieldKey = key](std::optional<double> value) {
            if (isUpdating())
                return;
            std::map<std::string, double> next = m_overrides;
            if (value)
                next[key] = *value;
            else
                next.erase(key);
            if (next == m_overrides)
                return;
            m_overrides = next;
            updateToggleText();
            const std::map<std::string, double> edited = m_overrides;
            Q_EMIT overridesEdited(edited, fieldKey);
        });
    }
    connect(m_toggle, &QToolButton::toggled, this, [this](bool expanded) {
        setExpanded(expanded);
        Q_EMIT expandedChanged(expanded);
    });
    setExpanded(false);
    updateToggleText();
}

SpikeResponseForm::~SpikeResponseForm() = default;

void SpikeResponseForm::showOverrides(const std::map<std::string, double> &overrides, bool force)
{
    m_overrides = overrides;
    Updating guard(*this);
    for (const Row &row : m_rows) {
        const auto it = overrides.find(row.key);
        const std::optional<double> value = it != overrides.end() ? std::optional<double>(it->second) : std::nullopt;
        // A refused value is the user's unfinished typing: leave it for them to fix.
        if (!force && !row.field->isValid())
            continue;
        if (force || row.field->value() != value)
            row.field->setValue(value);
    }
    updateToggleText();
}

bool SpikeResponseForm::isExpanded() const
{
    return m_toggle->isChecked();
}

void SpikeResponseForm::setExpanded(bool expanded)
{
    // Not the user's doing: expandedChanged() is for clicks on the toggle.
    const QSignalBlocker blocker(m_toggle);
    m_toggle->setChecked(expanded);
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_content->setVisible(expanded);
}

void SpikeResponseForm::updateToggleText()
{
    int changed = 0;
    for (const Row &row : m_rows)
        changed += m_overrides.count(row.key) > 0 ? 1 : 0;
    m_toggle->setText(changed == 0 ? tr("Spike response") : tr("Spike response (%n changed)", nullptr, changed));
}

} // namespace Costscape::Ui
