// SPDX-FileCopyrightText: 2026 Costscape contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Costscape::Ui {

/**
 * Writes bytes to fileName as a whole, and says why not. A regular file (or a symbolic link to
 * one, or a new path) is written through QSaveFile beside it and renamed over it on success, so a
 * failure leaves the old file as it was and no partial file; a link stays a link. A pipe (FIFO) or
 * a character device (/dev/null, /dev/stdout, a terminal) is written through as it is, never
 * replaced by a regular file. A directory, a block device or a socket is refused.
 *
 * Returns an empty string on success, else the reason ("it is a directory", "No space left on
 * device"); every write and flush is checked, so a full disk or /dev/full is a failure.
 */
QString writeWholeFile(const QString &fileName, const QByteArray &bytes);

} // namespace Costscape::Ui
