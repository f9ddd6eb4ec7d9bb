// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/undorouter.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace Costscape::Ui {

namespace {

const char *const DocumentFieldProperty = "costscapeDocumentField";
const char *const UncommittedProperty = "costscapeUncommitted";

/** The widget that holds the text: an editable combo box's line edit, else the widget itself. */
QWidget *textWidget(QWidget *field)
{
    if (auto *combo = qobject_cast<QComboBox *>(field); combo && combo->lineEdit())
        return combo->lineEdit();
    return field;
}

bool matches(const QAction *action, const QKeyEvent *event)
{
    if (!action || !action->isEnabled())
        return false;
    const QKeySequence pressed(event->keyCombination());
    const QList<QKeySequence> shortcuts = action->shortcuts();
    for (const QKeySequence &shortcut : shortcuts)
        if (shortcut.matches(pressed) == QKeySequence::ExactMatch)
            return true;
    return false;
}

} // namespace

UndoRouter::UndoRouter(QWidget *window, QAction *undo, QAction *redo)
    : QObject(window)
    , m_window(window)
    , m_undo(undo)
    , m_redo(redo)
{
    qApp->installEventFilter(this);
}

UndoRouter::~UndoRouter()
{
    qApp->removeEventFilter(this);
}

void UndoRouter::markDocumentField(QWidget *field)
{
    textWidget(field)->setProperty(DocumentFieldProperty, true);
}

void UndoRouter::markOwnField(QWidget *field)
{
    textWidget(field)->setProperty(DocumentFieldProperty, false);
}

void UndoRouter::setUncommitted(QWidget *field, bool uncommitted)
{
    textWidget(field)->setProperty(UncommittedProperty, uncommitted);
}

bool UndoRouter::fieldTakesUndo(const QWidget *widget, bool redo)
{
    if (!widget)
        return false;
    bool available = false;
    if (const auto *edit = qobject_cast<const QLineEdit *>(widget))
        available = !edit->isReadOnly() && (redo ? edit->isRedoAvailable() : edit->isUndoAvailable());
    else if (const auto *text = qobject_cast<const QTextEdit *>(widget))
        available = !text->isReadOnly() && (redo ? text->document()->isRedoAvailable() : text->document()->isUndoAvailable());
    else if (const auto *plain = qobject_cast<const QPlainTextEdit *>(widget))
        available = !plain->isReadOnly() && (redo ? plain->document()->isRedoAvailable() : plain->document()->isUndoAvailable());
    else
        return false; // not a text field: the window's actions take the key anyway
    if (!available)
        return false; // an empty history of its own must not swallow the document's undo
    // A document field's typing is the document's once committed; only what it refused is its own.
    if (widget->property(DocumentFieldProperty).toBool())
        return widget->property(UncommittedProperty).toBool();
    return true;
}

bool UndoRouter::inWindow(const QWidget *widget) const
{
    // By parents, not isAncestorOf(): a floating dock is a window of its own.
    for (const QWidget *w = widget; w; w = w->parentWidget())
        if (w == m_window)
            return true;
    return false;
}

bool UndoRouter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ShortcutOverride || !watched->isWidgetType())
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    const bool undo = matches(m_undo, key);
    const bool redo = !undo && matches(m_redo, key);
    if (!undo && !redo)
        return false;
    const QWidget *focus = QApplication::focusWidget();
    if (!focus || !inWindow(focus) || fieldTakesUndo(focus, redo))
        return false;
    // Nobody overrides the shortcut: the window's Undo or Redo runs. The override is offered to
    // the focus widget and then to its parents; each one is told no.
    event->ignore();
    return true;
}

} // namespace Costscape::Ui
