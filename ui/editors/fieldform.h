// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QScopedValueRollback>
#include <QString>
#include <QWidget>

#include <vector>

class QFormLayout;
class QGroupBox;
class QLabel;

namespace Costscape::Ui {

class NumberField;

/**
 * One part of the option editor: fields in form layouts, each registered under a short stable
 * key ("fargate.taskVcpu") by which the editor, its owner and the tests find the widget, its
 * label (for undo texts) and its error. Sub-forms (the fleet inside a Fargate form) are searched
 * after the form's own fields.
 *
 * A NumberField marks a refused value itself; the other fields (a line edit, an editable combo,
 * a list) are marked here with markField(): a red frame and the reason below, the same look.
 * While isUpdating() the form is showing a value, so the fields' signals are not user edits.
 */
class FieldForm : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldForm)

public:
    explicit FieldForm(QWidget *parent = nullptr);
    ~FieldForm() override;

    /** Sets isUpdating() on a form for its own lifetime. */
    class Updating
    {
    public:
        explicit Updating(FieldForm &form) : m_guard(form.m_updating, true) {}

    private:
        QScopedValueRollback<bool> m_guard;
    };

    /** The widget registered under key here or in a sub-form, or nullptr. */
    QWidget *field(const QString &key) const;
    /** The number field of the key, or nullptr. A form may map a key to the box it shows ("fleet.capacity"). */
    virtual NumberField *numberField(const QString &key) const;
    /** Whether the key belongs to this form or a sub-form (a field, or a key that has only a title). */
    bool hasKey(const QString &key) const;
    /** Why the value shown in the key's field is refused; empty when it is accepted or the key unknown. */
    QString fieldError(const QString &key) const;
    /** The key's label as shown now, without mnemonic or colon; empty when the key is unknown. */
    QString fieldTitle(const QString &key) const;
    /** The form layouts whose label column lines up with the rest of the editor, sub-forms' included. */
    std::vector<QFormLayout *> formLayouts() const;
    bool isUpdating() const { return m_updating; }

    /** Registers field under key (also its objectName), with the title shown for it. */
    void addField(const QString &key, QWidget *field, const QString &title);
    /** The title of a key that names no widget ("ecs.taskGroups"), or a new title for one that does. */
    void setTitle(const QString &key, const QString &title);
    /** Relabels the row of field in form, and the key's title with it. */
    void setRowLabel(QFormLayout *form, QWidget *field, const QString &key, const QString &label);
    /**
     * Wraps field with an error line below it, as NumberField lays itself out, and makes the key
     * markable with markField(). Returns the widget to put in the form row.
     */
    QWidget *withMessage(const QString &key, QWidget *field);
    /** Marks the key's field with error (non-empty: refused) or clears the mark; see withMessage(). */
    void markField(const QString &key, const QString &error);
    /** Clears every mark of this form and its sub-forms: a new value replaces what they showed. */
    void clearMarks();

    /** A form layout in box, lined up with the others of the editor (see formLayouts()). */
    QFormLayout *newForm(QGroupBox *box);
    /** A small grey line of help text. */
    static QLabel *newHint(QWidget *parent);
    /** The colour of a refused value, NumberField's: red reads in light and dark palettes alike. */
    static QString errorColor() { return QStringLiteral("#d32f2f"); }

Q_SIGNALS:
    /** Rows were shown or hidden, or relabelled: the editor lines up its label column again. */
    void rowsChanged();

protected:
    /** Searched after this form's own fields; its rowsChanged() becomes this form's. */
    void addSubForm(FieldForm *form);

private:
    struct Mark {
        QWidget *editor = nullptr;
        QLabel *message = nullptr;
        QString error;
        QString toolTip; ///< the editor's own, while the error stands in for it
    };

    QHash<QString, QWidget *> m_fields;
    QHash<QString, QString> m_titles;
    QHash<QString, Mark> m_marks;
    std::vector<QFormLayout *> m_forms;
    std::vector<FieldForm *> m_subForms;
    bool m_updating = false;
};

} // namespace Costscape::Ui
