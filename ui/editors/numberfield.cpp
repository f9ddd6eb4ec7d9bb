// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/editors/numberfield.h"
#include "ui/undorouter.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStyle>

namespace Costscape::Ui {

NumberField::NumberField(const NumberRule &rule, const QString &unit, QWidget *parent)
    : QWidget(parent)
    , m_rule(rule)
    , m_edit(new QLineEdit(this))
    , m_unit(new QLabel(unit, this))
    , m_message(new QLabel(this))
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(6);
    layout->setVerticalSpacing(1);
    layout->addWidget(m_edit, 0, 0);
    layout->addWidget(m_unit, 0, 1);
    layout->addWidget(m_message, 1, 0, 1, 2);
    layout->setColumnStretch(0, 1);
    m_unit->setMinimumWidth(m_unit->fontMetrics().horizontalAdvance(QStringLiteral("requests/s")) / 2);
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    m_message->setObjectName(QStringLiteral("fieldError"));
    m_edit->setAlignment(Qt::AlignRight);
    setFocusProxy(m_edit);
    // A valid value is committed as it is typed; a refused one is the field's own (see showError).
    UndoRouter::markDocumentField(m_edit);
    connect(m_edit, &QLineEdit::textEdited, this, &NumberField::onTextEdited);
    connect(m_edit, &QLineEdit::editingFinished, this, &NumberField::editingFinished);
}

void NumberField::setValue(std::optional<double> value)
{
    const QString text = value ? formatEditorNumber(*value) : QString();
    if (m_edit->text() != text)
        m_edit->setText(text);
    m_committedText = text;
    showError({});
}

std::optional<double> NumberField::value() const
{
    if (!isValid() || m_edit->text().trimmed().isEmpty())
        return std::nullopt;
    bool ok = false;
    double v = QLocale::c().toDouble(m_edit->text().trimmed(), &ok);
    if (!ok)
        v = QLocale().toDouble(m_edit->text().trimmed(), &ok);
    return ok ? std::optional(v) : std::nullopt;
}

void NumberField::setPlaceholder(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

void NumberField::onTextEdited(const QString &raw)
{
    const QString text = raw.trimmed();
    if (text == m_committedText) {
        // Back to what the document has (the field's own undo of a refused value): nothing to commit.
        showError({});
        return;
    }
    if (text.isEmpty()) {
        if (m_optional) {
            showError({});
            m_committedText = text;
            Q_EMIT valueEdited(std::nullopt);
        } else {
            showError(tr("a value is required"));
        }
        return;
    }
    // Both "1.5" and the user's locale ("1,5") are read; the C locale first, as files use it.
    bool ok = false;
    double v = QLocale::c().toDouble(text, &ok);
    if (!ok)
        v = QLocale().toDouble(text, &ok);
    if (!ok) {
        showError(tr("not a number"));
        return;
    }
    const std::string problem = m_rule.problem(v);
    if (!problem.empty()) {
        showError(QString::fromStdString(problem));
        return;
    }
    showError({});
    m_committedText = text;
    Q_EMIT valueEdited(v);
}

void NumberField::showError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    UndoRouter::setUncommitted(m_edit, !error.isEmpty());
    m_message->setText(error);
    m_message->setVisible(!error.isEmpty());
    m_edit->setToolTip(error);
    // A red frame that follows the palette's own highlight would vanish in dark mode; red reads in both.
    m_edit->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 2px solid #d32f2f; }"));
    m_message->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("color: #d32f2f;"));
}

} // namespace Costscape::Ui
