// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/uitext.h"

#include "base/jsonreader.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;

namespace Costscape::Ui {

/**
 * A number typed with its unit beside it, judged by the scenario format's rule for the field
 * (Models::Rules). A value that breaks the rule stays in the box, marked, with the reason below
 * it, and is not committed: the scenario and its last result stay as they were, and nothing the
 * user typed is lost. A valid value is committed as it is typed.
 */
class NumberField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NumberField)

public:
    /** unit is shown after the box ("MB", "ms", "$/h"); optional fields may be left empty. */
    NumberField(const NumberRule &rule, const QString &unit, QWidget *parent = nullptr);

    /** Shows value (nullopt: empty) without emitting anything; clears any mark. */
    void setValue(std::optional<double> value);
    /** The value in the box when it is valid; nullopt when it is empty or invalid. */
    std::optional<double> value() const;
    void setOptional(bool optional) { m_optional = optional; }
    /** Shown greyed in the empty box of an optional field: the default that applies. */
    void setPlaceholder(const QString &text);

    bool isValid() const { return m_error.isEmpty(); }
    /** Why the text is refused ("must be between 128 and 10240 MB, got 20"), or empty. */
    QString errorText() const { return m_error; }
    QLineEdit *lineEdit() const { return m_edit; }

Q_SIGNALS:
    /** A valid value was typed (nullopt: an optional field was emptied). */
    void valueEdited(std::optional<double> value);
    /** Editing of the box finished (focus left or Enter), valid or not. */
    void editingFinished();

private:
    void onTextEdited(const QString &text);
    void showError(const QString &error);

    NumberRule m_rule;
    QLineEdit *m_edit;
    QLabel *m_unit;
    QLabel *m_message;
    QString m_error;
    QString m_committedText; ///< the text of the value the owner has: shown by setValue() or last emitted
    bool m_optional = false;
};



} // namespace Costscape::Ui
