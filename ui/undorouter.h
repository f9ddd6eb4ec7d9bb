// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAction;
class QWidget;

namespace Costscape::Ui {

/**
 * Sends Undo and Redo to the document from anywhere in a window, as Qt Creator and Tiled do,
 * except while the text field with the focus holds typing of its own that the document does not
 * have yet: then the field undoes its own typing first.
 *
 * A QLineEdit takes Ctrl+Z for its own history whether or not it has anything to undo, so a
 * field the user had just tabbed into swallowed the key. The router watches the shortcut
 * override of the undo and redo actions' keys and lets the field keep the key only when
 * fieldTakesUndo() says so; otherwise the window's actions run.
 *
 * Fields say what their typing is with two marks (dynamic properties, so that any widget can
 * carry them without knowing this class):
 *  - markDocumentField(): the field commits its text to the document as it is typed (a number,
 *    a name). Its own history then repeats the document's and is not used, unless
 *  - setUncommitted(field, true): the text in it was refused or is incomplete (an invalid
 *    number, part of an instance type's name), so the document does not have it.
 * A text field without marks (a search box, a table's cell editor, a dialog's field) keeps its
 * typing to itself: it undoes its own history while it has one.
 */
class UndoRouter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UndoRouter)

public:
    /**
     * Routes the keys of @p undo and @p redo for the widgets of @p window (floating docks
     * included). Installs itself as an application event filter until it is destroyed; the
     * window is its parent.
     */
    UndoRouter(QWidget *window, QAction *undo, QAction *redo);
    ~UndoRouter() override;

    /** Marks @p field (a QLineEdit) as committing its text to the document as it is typed. */
    static void markDocumentField(QWidget *field);
    /** Marks @p field as keeping its typing to itself (a control that never edits the document). */
    static void markOwnField(QWidget *field);
    /** Whether @p field holds typing the document does not have (see the class comment). */
    static void setUncommitted(QWidget *field, bool uncommitted);
    /**
     * True when Undo (or Redo, with @p redo) pressed in @p widget belongs to the widget itself:
     * a writable text field with something to undo whose typing is its own or not committed.
     */
    static bool fieldTakesUndo(const QWidget *widget, bool redo);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool inWindow(const QWidget *widget) const;

    QWidget *m_window;
    QAction *m_undo;
    QAction *m_redo;
};

} // namespace Costscape::Ui
