// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include "models/scenario/scenario.h"
#include "pricing/pricesheet.h"
#include "ui/optioncolors.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QUndoStack;

namespace Costscape::Ui {

/**
 * The scenario being edited, its price sheet, its file and its undo history.
 *
 * The scenario is held as an immutable snapshot: every edit makes a changed copy and pushes an
 * undo command holding the before and after snapshots, so undo and redo restore exactly what
 * was there and a worker thread can evaluate a snapshot while the user keeps typing. Consecutive
 * edits of the same field (typing, dragging a profile point) merge into one undo step.
 */
class ScenarioDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScenarioDocument)

public:
    using Snapshot = std::shared_ptr<const Models::Scenario>;
    using SheetPtr = std::shared_ptr<const Pricing::PriceSheet>;

    explicit ScenarioDocument(QObject *parent = nullptr);
    ~ScenarioDocument() override;

    const Models::Scenario &scenario() const { return *m_current; }
    Snapshot snapshot() const { return m_current; }
    /** The sheet the scenario's "prices" names; null when it cannot be loaded (see sheetError()). */
    SheetPtr priceSheet() const { return m_sheet; }
    /** Why the price sheet could not be loaded, `file:line:column: message`; empty when it loaded. */
    QString sheetError() const { return m_sheetError; }
    /** The file the scenario was loaded from or saved to; empty for a new scenario. */
    QString fileName() const { return m_fileName; }
    /** A name for titles: the scenario's name, else the file's, else "Untitled". */
    QString displayName() const;
    bool isModified() const;
    QUndoStack *undoStack() const { return m_undo; }
    /**
     * The colour of each option, up to date when scenarioChanged() is emitted: assigned in file
     * order when a scenario is opened or made, then kept by each option through adds, removals,
     * moves, renames, undo and redo (OptionColors).
     */
    const OptionColors &optionColors() const { return m_colors; }

    /** A new scenario (a diurnal web workload and one option per platform); clears the history. */
    void newScenario();
    /**
     * Loads a scenario file and its price sheet. On failure returns the error
     * (`file:line:column: message`) and leaves the document as it was; the warnings (unknown keys)
     * come with the result either way.
     */
    Result<void> load(const QString &fileName);
    /**
     * Writes the scenario (unknown keys kept) as a whole (writeWholeFile: a regular file atomically
     * through QSaveFile, a pipe or a device written through). A relative price sheet path is
     * rewritten relative to the new location. On failure the file on disk is untouched, the
     * document stays modified and the error says why.
     */
    Result<void> save(const QString &fileName);
    /**
     * Puts back unsaved work from a recovery copy (RecoveryStore): the scenario read from
     * @p text, as belonging to @p originalFile (empty: it was never saved), so that a relative
     * price sheet resolves as it did and Save writes there. The history is empty and the document
     * modified: nothing on disk holds this work yet. A price sheet that cannot be loaded is not a
     * failure (sheetError() says why, as after an edit). On failure (a copy that is not a
     * scenario) returns the error and leaves the document as it was.
     */
    Result<void> recover(const QByteArray &text, const QString &originalFile);
    /** Replaces the whole scenario (no file, no history): for tests and benchmarks. */
    void setScenario(Models::Scenario scenario);

    /**
     * Applies change to a copy of the scenario and pushes it as one undoable step named text.
     * Consecutive edits with the same non-empty mergeKey merge into one step. Callers do not call
     * it for an edit that changes nothing (a field re-committed as it was).
     */
    void edit(const QString &text, const std::function<void(Models::Scenario &)> &change, const QString &mergeKey = {});
    /** Ends merging: the next edit of the same field starts a new undo step (focus left the field). */
    void closeMerge();

    /** The path to write in "prices" for a sheet file: relative to the scenario file when it has one. */
    QString pricesPathFor(const QString &sheetFile) const;

    /** Used by the undo commands. */
    void restore(const Snapshot &snapshot);
    int mergeGeneration() const { return m_mergeGeneration; }

    /** One option of each platform with the defaults the editor starts from; id as given. */
    static Models::OptionSpec defaultOption(Models::Platform platform, const std::string &id);
    /** An id not used by any option: base, base-2, base-3… */
    std::string uniqueOptionId(const std::string &base) const;

Q_SIGNALS:
    /** The scenario changed: an edit, undo, redo, load or new. */
    void scenarioChanged();
    /** The price sheet changed (another file, or it failed to load). */
    void priceSheetChanged();
    void fileNameChanged(const QString &fileName);
    void modifiedChanged(bool modified);

private:
    void setCurrent(Snapshot snapshot);
    /** Starts the colours afresh, in the order of the options of @p scenario (a new document). */
    void resetColors(const Models::Scenario &scenario);
    void resolveSheet();

    Snapshot m_current;
    SheetPtr m_sheet;
    QString m_sheetKey; ///< what m_sheet was resolved from, to reload only when it changes
    QString m_sheetError;
    QString m_fileName;
    QUndoStack *m_undo;
    OptionColors m_colors;
    int m_mergeGeneration = 0;
};

} // namespace Costscape::Ui
