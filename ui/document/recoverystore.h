// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/result.h"

#include <QDateTime>
#include <QList>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace Costscape::Ui {

class ScenarioDocument;

/**
 * A recovery copy of the unsaved work of one window, so that a crash (or a kill, or a power cut)
 * loses at most the last couple of seconds of edits.
 *
 * While the document is modified, the copy is rewritten a moment after each burst of edits
 * (delay(), 2 s by default) through QSaveFile, in folder(): the application's data folder
 * (QStandardPaths::AppDataLocation) + "/recovery". It is removed as soon as the document is
 * unmodified again (saved, or undone back to the saved state) and when the store is destroyed,
 * which is a clean exit. A copy is one JSON file, `<session>.recovery.json`:
 * {"format": "costscape-recovery", "version": 1, "file": the scenario's file or "",
 * "name": its display name, "saved": ISO 8601 time, "scenario": the scenario file's text}.
 *
 * Each session holds `<session>.lock` (QLockFile) for as long as it lives. A copy whose lock no
 * running process holds was left by a session that did not end cleanly: orphans() lists those,
 * for the window to offer on its next start (MainWindow::offerRecovery). Copies of another
 * running Costscape are never listed.
 *
 * GUI thread only; the copy is small (a scenario file), so it is written synchronously.
 */
class RecoveryStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecoveryStore)

public:
    /** A copy left behind by a session that ended without a clean exit. */
    struct Copy {
        QString path;         ///< the `.recovery.json` file
        QString originalFile; ///< the scenario's file when the copy was made; empty if never saved
        QString name;         ///< the scenario's display name
        QDateTime saved;      ///< when the copy was written
    };

    explicit RecoveryStore(ScenarioDocument *document, QObject *parent = nullptr);
    /** A clean exit: this session's copy is removed and its lock released. */
    ~RecoveryStore() override;

    /** AppDataLocation + "/recovery" (test mode's folder under QStandardPaths::setTestModeEnabled). */
    static QString folder();

    int delay() const { return m_timer.interval(); }
    /** How long after the last edit the copy is written, in milliseconds. */
    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }

    /** This session's copy (it exists only while the document is modified and the copy was written). */
    QString copyPath() const;
    /**
     * Writes the copy now if the document is modified, else removes it; what the timer does.
     * The error (the folder or the file cannot be written), or nothing; a failed write is also
     * logged and leaves the previous copy as it was.
     */
    Result<void> flush();

    /** Copies of sessions that ended without a clean exit, newest first; never this session's. */
    QList<Copy> orphans() const;
    /** The scenario text of a copy, or why it cannot be read. */
    static Result<QByteArray> scenarioText(const Copy &copy);
    /** Removes a copy (recovered, or discarded by the user) and its stale lock. */
    static bool remove(const Copy &copy);

Q_SIGNALS:
    /** The copy was written (flush() or the timer). */
    void written(const QString &path);

private:
    void documentChanged();
    void removeCopy();

    ScenarioDocument *m_document;
    QString m_session;
    QTimer m_timer;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace Costscape::Ui
