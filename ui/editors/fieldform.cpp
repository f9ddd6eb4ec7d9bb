// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editors/fieldform.h"

#include "ui/editors/numberfield.h"
#include "ui/undorouter.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace Costscape::Ui {

namespace {

QString stripMnemonic(QString label)
{
    label.remove(QLatin1Char('&'));
    if (label.endsWith(QLatin1Char(':')))
        label.chop(1);
    return label;
}

} // namespace

FieldForm::FieldForm(QWidget *parent)
    : QWidget(parent)
{
}

FieldForm::~FieldForm() = default;

QWidget *FieldForm::field(const QString &key) const
{
    if (QWidget *w = m_fields.value(key))
        return w;
    for (const FieldForm *sub : m_subForms)
        if (QWidget *w = sub->field(key))
            return w;
    return nullptr;
}

NumberField *FieldForm::numberField(const QString &key) const
{
    if (auto *n = qobject_cast<NumberField *>(m_fields.value(key)))
        return n;
    for (const FieldForm *sub : m_subForms)
        if (NumberField *n = sub->numberField(key))
            return n;
    return nullptr;
}

bool FieldForm::hasKey(const QString &key) const
{
    if (m_fields.contains(key) || m_titles.contains(key))
        return true;
    for (const FieldForm *sub : m_subForms)
        if (sub->hasKey(key))
            return true;
    return false;
}

QString FieldForm::fieldError(const QString &key) const
{
    if (const NumberField *n = numberField(key))
        return n->errorText();
    if (const auto it = m_marks.find(key); it != m_marks.end())
        return it->error;
    for (const FieldForm *sub : m_subForms)
        if (sub->hasKey(key))
            return sub->fieldError(key);
    return {};
}

QString FieldForm::fieldTitle(const QString &key) const
{
    if (const auto it = m_titles.find(key); it != m_titles.end())
        return *it;
    for (const FieldForm *sub : m_subForms)
        if (const QString title = sub->fieldTitle(key); !title.isEmpty())
            return title;
    return {};
}

std::vector<QFormLayout *> FieldForm::formLayouts() const
{
    std::vector<QFormLayout *> out = m_forms;
    for (const FieldForm *sub : m_subForms) {
        const std::vector<QFormLayout *> more = sub->formLayouts();
        out.insert(out.end(), more.begin(), more.end());
    }
    return out;
}

void FieldForm::addField(const QString &key, QWidget *field, const QString &title)
{
    field->setObjectName(key);
    // Every field of a form edits the option as it is typed; a refused value stays the field's own.
    UndoRouter::markDocumentField(field);
    m_fields.insert(key, field);
    m_titles.insert(key, stripMnemonic(title));
}

void FieldForm::setTitle(const QString &key, const QString &title)
{
    m_titles.insert(key, stripMnemonic(title));
}

void FieldForm::setRowLabel(QFormLayout *form, QWidget *field, const QString &key, const QString &label)
{
    if (auto *l = qobject_cast<QLabel *>(form->labelForField(field)))
        l->setText(label);
    setTitle(key, label);
}

QWidget *FieldForm::withMessage(const QString &key, QWidget *field)
{
    auto *box = new QWidget(field->parentWidget());
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(1);
    auto *message = new QLabel(box);
    message->setWordWrap(true);
    message->setVisible(false);
    message->setObjectName(QStringLiteral("fieldError"));
    message->setStyleSheet(QStringLiteral("color: %1;").arg(errorColor()));
    field->setParent(box);
    v->addWidget(field);
    v->addWidget(message);
    box->setFocusProxy(field);
    m_marks.insert(key, Mark{field, message, {}, {}});
    return box;
}

void FieldForm::markField(const QString &key, const QString &error)
{
    const auto it = m_marks.find(key);
    if (it == m_marks.end() || it->error == error)
        return;
    // The reason replaces the field's help while it is marked; the help comes back with the value.
    if (it->error.isEmpty())
        it->toolTip = it->editor->toolTip();
    it->error = error;
    UndoRouter::setUncommitted(it->editor, !error.isEmpty());
    it->message->setText(error);
    it->message->setVisible(!error.isEmpty());
    it->editor->setToolTip(error.isEmpty() ? it->toolTip : error);
    const QString type = QString::fromLatin1(it->editor->metaObject()->className());
    it->editor->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("%1 { border: 2px solid %2; }").arg(type, errorColor()));
}

void FieldForm::clearMarks()
{
    for (auto it = m_marks.begin(); it != m_marks.end(); ++it)
        markField(it.key(), {});
    for (FieldForm *sub : m_subForms)
        sub->clearMarks();
}

QFormLayout *FieldForm::newForm(QGroupBox *box)
{
    auto *form = new QFormLayout(box);
    m_forms.push_back(form);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return form;
}

QLabel *FieldForm::newHint(QWidget *parent)
{
    auto *hint = new QLabel(parent);
    hint->setWordWrap(true);
    QFont font = hint->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    hint->setFont(font);
    hint->setForegroundRole(QPalette::PlaceholderText);
    return hint;
}

void FieldForm::addSubForm(FieldForm *form)
{
    m_subForms.push_back(form);
    connect(form, &FieldForm::rowsChanged, this, &FieldForm::rowsChanged);
}

} // namespace Costscape::Ui
