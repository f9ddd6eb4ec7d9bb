// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/editors/fieldform.h"
#include "ui/editors/numberfield.h"
#include "ui/uitext.h"

#include "base/jsonreader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace Costscape::Ui {

/** A number row: key, label ("&Ephemeral storage:"), the format's rule, unit and help. */
struct NumberRow {
    QString key{};
    QString label{};
    NumberRule rule{};
    QString unit{};
    QString toolTip{};
    bool optional = false;            ///< may be left empty (the spec's value is optional, or has a fallback)
    std::optional<double> fallback{}; ///< what an emptied box stands for when the spec's value is not optional
    QString placeholder{};            ///< shown greyed in the empty box
};

/** A choice row: key, label, the items as (value, text), and help. */
struct ChoiceRow {
    QString key{};
    QString label{};
    std::vector<std::pair<QString, QString>> items{};
    QString toolTip{};
};

/** A check box row: key, text, help. */
struct FlagRow {
    QString key{};
    QString text{};
    QString toolTip{};
};

/**
 * The simple fields of a FieldForm bound to parts of a Value (a spec, a fleet, a task group):
 * each row is built once with how it reads and writes its part, then show() puts a value in every
 * field and a valid edit calls commit with a copy of the current value that has the change.
 *
 * current() gives the value being edited, or nullptr when there is none (an ECS group index out
 * of range): edits are then ignored. Edits made while the form isUpdating() are ignored too.
 * show() with force = false leaves a field alone when it shows the value already (the user's
 * cursor stays) or holds a refused value (the user's unfinished typing stays).
 */
template<class Value>
class FieldBindings final
{
public:
    /** What a number field shows: nullopt when the value holds nothing for it right now (the
     *  count of a derived fleet): the box then keeps what it shows, for later. */
    using Shown = std::optional<std::optional<double>>;
    using Current = std::function<const Value *()>;
    using Commit = std::function<void(const Value &next, const QString &key)>;

    FieldBindings(FieldForm &form, Current current, Commit commit)
        : m_form(form)
        , m_current(std::move(current))
        , m_commit(std::move(commit))
    {
    }
    FieldBindings(const FieldBindings &) = delete;
    FieldBindings &operator=(const FieldBindings &) = delete;

    static Shown present(std::optional<double> value) { return Shown(std::in_place, value); }

    NumberField *addNumber(QFormLayout *layout, const NumberRow &row, std::function<Shown(const Value &)> get,
                           std::function<void(Value &, std::optional<double>)> set)
    {
        auto *field = new NumberField(row.rule, row.unit, layout->parentWidget());
        field->setOptional(row.optional || row.fallback);
        if (!row.placeholder.isEmpty())
            field->setPlaceholder(row.placeholder);
        field->setToolTip(row.toolTip);
        layout->addRow(row.label, field);
        if (QWidget *label = layout->labelForField(field))
            label->setToolTip(row.toolTip);
        m_form.addField(row.key, field, row.label);
        m_numbers.push_back(std::make_unique<Number>(Number{row.key, row.fallback, std::move(get), std::move(set), field}));
        const Number *b = m_numbers.back().get();
        QObject::connect(field, &NumberField::valueEdited, &m_form, [this, b](std::optional<double> value) {
            edit(b->key, [&](Value &next) { b->set(next, value ? value : b->fallback); });
        });
        return field;
    }

    /** A required number (or one with a fallback): emptied, it takes the row's fallback. */
    NumberField *addNumber(QFormLayout *layout, const NumberRow &row, double Value::*member)
    {
        return addNumber(
            layout, row, [member](const Value &v) { return present(v.*member); },
            [member](Value &v, std::optional<double> x) {
                if (x)
                    v.*member = *x;
            });
    }

    /** An optional number: emptied, the spec's value is unset. */
    NumberField *addNumber(QFormLayout *layout, const NumberRow &row, std::optional<double> Value::*member)
    {
        return addNumber(
            layout, row, [member](const Value &v) { return present(v.*member); },
            [member](Value &v, std::optional<double> x) { v.*member = x; });
    }

    QComboBox *addChoice(QFormLayout *layout, const ChoiceRow &row, std::function<QString(const Value &)> get,
                         std::function<void(Value &, const QString &)> set)
    {
        auto *combo = new QComboBox(layout->parentWidget());
        for (const auto &[data, text] : row.items)
            combo->addItem(text, data);
        combo->setToolTip(row.toolTip);
        layout->addRow(row.label, combo);
        if (QWidget *label = layout->labelForField(combo))
            label->setToolTip(row.toolTip);
        m_form.addField(row.key, combo, row.label);
        m_choices.push_back(std::make_unique<Choice>(Choice{row.key, std::move(get), std::move(set), combo}));
        const Choice *b = m_choices.back().get();
        QObject::connect(combo, &QComboBox::currentIndexChanged, &m_form, [this, b](int index) {
            if (index >= 0)
                edit(b->key, [&](Value &next) { b->set(next, b->combo->currentData().toString()); });
        });
        return combo;
    }

    /** A choice whose values are the spec's own strings ("linux", "arm64"). */
    QComboBox *addChoice(QFormLayout *layout, const ChoiceRow &row, std::string Value::*member)
    {
        return addChoice(
            layout, row, [member](const Value &v) { return qs(v.*member); },
            [member](Value &v, const QString &x) { v.*member = x.toStdString(); });
    }

    QCheckBox *addFlag(QFormLayout *layout, const FlagRow &row, bool Value::*member)
    {
        auto *check = new QCheckBox(row.text, layout->parentWidget());
        check->setToolTip(row.toolTip);
        layout->addRow(QString(), check);
        m_form.addField(row.key, check, row.text);
        m_flags.push_back(std::make_unique<Flag>(Flag{row.key, member, check}));
        const Flag *b = m_flags.back().get();
        QObject::connect(check, &QCheckBox::toggled, &m_form, [this, b](bool on) {
            edit(b->key, [&](Value &next) { next.*(b->member) = on; });
        });
        return check;
    }

    /** Shows value in every bound field (see the class comment for force). */
    void show(const Value &value, bool force) const
    {
        for (const auto &b : m_numbers)
            showNumber(*b, value, force);
        for (const auto &b : m_choices) {
            const int index = b->combo->findData(b->get(value));
            if (index != b->combo->currentIndex())
                b->combo->setCurrentIndex(index);
        }
        for (const auto &b : m_flags)
            if (b->check->isChecked() != value.*(b->member))
                b->check->setChecked(value.*(b->member));
    }

    /** Shows value in the number fields whose key starts with prefix. */
    void showNumbers(const Value &value, bool force, const QString &prefix) const
    {
        for (const auto &b : m_numbers)
            if (b->key.startsWith(prefix))
                showNumber(*b, value, force);
    }

private:
    struct Number {
        QString key;
        std::optional<double> fallback;
        std::function<Shown(const Value &)> get;
        std::function<void(Value &, std::optional<double>)> set;
        NumberField *field = nullptr;
    };
    struct Choice {
        QString key;
        std::function<QString(const Value &)> get;
        std::function<void(Value &, const QString &)> set;
        QComboBox *combo = nullptr;
    };
    struct Flag {
        QString key;
        bool Value::*member = nullptr;
        QCheckBox *check = nullptr;
    };

    void edit(const QString &key, const std::function<void(Value &)> &change) const
    {
        const Value *current = m_form.isUpdating() ? nullptr : m_current();
        if (!current)
            return;
        Value next = *current;
        change(next);
        m_commit(next, key);
    }

    static void showNumber(const Number &b, const Value &value, bool force)
    {
        const Shown shown = b.get(value);
        NumberField *field = b.field;
        if (!shown) {
            if (force)
                field->setValue(std::nullopt);
            return;
        }
        // A refused value is the user's unfinished typing: leave it for them to fix.
        if (!force && !field->isValid())
            return;
        std::optional<double> inBox = field->value();
        if (!inBox && b.fallback)
            inBox = b.fallback;
        if (force || inBox != *shown)
            field->setValue(*shown);
    }

    FieldForm &m_form;
    Current m_current;
    Commit m_commit;
    // Pointers stay put as rows are added: the connections hold them.
    std::vector<std::unique_ptr<Number>> m_numbers;
    std::vector<std::unique_ptr<Choice>> m_choices;
    std::vector<std::unique_ptr<Flag>> m_flags;
};

} // namespace Costscape::Ui
